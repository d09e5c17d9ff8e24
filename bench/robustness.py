"""What must hold for every input, however broken, and the broken inputs: shared by
the fuzz tests (`tests/checker/test_fuzz.py`), the corpus test and the long run
(`bench/fuzz.py`), which must not import the tests.

- `parse`, `check_text` and `to_data` never raise, and every position they
  report lies inside the text (`check_api`);
- `check` ends with exit 0, 1 or 2 as its findings say, its report renders in
  every format, and every diagnostic in it points inside the file (`check_command`);
- every other command (`check --fix`, `check --diff`, `format` and its `--check`
  and `--diff`, `summary`, `diff`, `export`, `import` as text and as Markdown)
  ends with 0, 1 or 2, without a traceback, and prints no control character
  (`check_commands`);
- the inputs: mutations of valid documents (`mutated`, `mutated_bytes`), the
  project's examples and corpus (`seed_texts`), and the inputs that broke it
  before (`REGRESSIONS`).
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import re
import sys
from pathlib import Path

from hypothesis import strategies as st

from budsjett_lint.checker import cli
from budsjett_lint.checker.config import ALL_CODES
from budsjett_lint.checker.engine import check_text
from budsjett_lint.checker.report import FORMATS
from budsjett_lint.dsl import parse
from budsjett_lint.dsl.export import to_data

ROOT = Path(__file__).resolve().parent.parent

#: Line ends as editors count them; a lone CR ends a line too.
LINE_BREAK = re.compile(r"\r\n|\r|\n")
#: The report formats that exist in this tree (others are added in parallel).
REPORT_FORMATS = tuple(f for f, module in FORMATS.items()
                       if importlib.util.find_spec(f"budsjett_lint.checker.report.{module}") is not None)


#: What a report must not print: control characters other than line feed and tab.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def lines_of(text: str) -> list[str]:
    return LINE_BREAK.split(text)


def assert_inside(lines: list[str], line: int, column: int, end_line: int | None = None,
                  end_column: int | None = None, what: str = "") -> None:
    """A position (and its end) lies in the file: 1 <= line <= lines, 1 <= column <= the line's length + 1."""
    for ln, col in ((line, column), (end_line, end_column)):
        if ln is None:
            continue
        assert 1 <= ln <= len(lines), f"{what}: line {ln} is outside the file's {len(lines)} lines"
        assert 1 <= col <= len(lines[ln - 1]) + 1, \
            f"{what}: column {col} is outside line {ln}, which has {len(lines[ln - 1])} characters"
    if end_line is not None:
        assert (line, column) <= (end_line, end_column), f"{what}: the span ends before it starts"


def check_api(text: str) -> None:
    """The public API on any text: no exception, every span inside the text."""
    lines = lines_of(text)
    parsed = parse(text)
    for p in parsed.problems:
        s = p.span
        assert_inside(lines, s.line, s.column, s.end_line, s.end_column, p.code)
    result = check_text(text, "fuzz.budsjett")
    for d in result.diagnostics:
        s = d.span
        assert_inside(lines, s.line, s.column, s.end_line, s.end_column, f"{d.code} {d.message}")
        for r in d.related:
            assert_inside(lines, r.span.line, r.span.column, r.span.end_line, r.span.end_column, f"{d.code} related")
        if d.fix is not None:
            for e in d.fix.edits:
                assert 0 <= e.start <= e.end <= len(text), f"{d.code}: a fix edit outside the text"
    json.dumps(to_data(parsed.budget))
    json.dumps(to_data(result.budget))


def run_command(args: list[str], stdin: bytes = b"") -> tuple[int, str, str]:
    """`budsjett-lint ARGS` in this process, with `stdin` as standard input; standard
    output and error as text (with a byte buffer beneath, as a real one has)."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    saved = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = cli.main(args)
    finally:
        sys.stdin = saved
    out.flush()
    err.flush()
    return (status, out.buffer.getvalue().decode("utf-8", "replace"),  # type: ignore[attr-defined]
            err.buffer.getvalue().decode("utf-8", "replace"))  # type: ignore[attr-defined]


def check_command(data: bytes) -> None:
    """The command on any bytes: exit 0, 1 or 2 as the findings say, every format
    renders, every diagnostic points inside the file."""
    base = ["check", "-", "--stdin-filename", "fuzz.budsjett", "--format"]
    status, out, err = run_command(base + ["json"], data)
    assert err == "", err
    diagnostics = json.loads(out)
    assert status == (1 if any(d["severity"] == "error" for d in diagnostics) else 0)
    lines = lines_of(data.decode("utf-8", "replace"))
    for d in diagnostics:
        assert d["file"] == "fuzz.budsjett"
        assert d["code"] in ALL_CODES and d["severity"] in ("error", "warning", "info")
        assert_inside(lines, d["line"], d["column"], d["end_line"], d["end_column"], f"{d['code']} {d['message']}")
    for fmt in REPORT_FORMATS:
        if fmt != "json":
            fmt_status, report, _ = run_command(base + [fmt, "--color", "never"], data)
            assert fmt_status == status
            assert not CONTROL.search(report), f"a control character in the {fmt} report: it could drive the terminal"


#: The commands besides `check --format ...`, each run on the input as standard input.
COMMANDS = (
    ["check", "-", "--fix"],
    ["check", "-", "--fix", "--unsafe-fixes"],
    ["check", "-", "--diff"],
    ["format", "-"],
    ["format", "--check", "-"],
    ["format", "--diff", "-"],
    ["summary", "-"],
    ["summary", "-", "--format", "json"],
    ["export", "-"],
    ["import", "-"],
    ["import", "-", "--from", "markdown"],
)


def check_commands(data: bytes) -> None:
    """Every other command on any bytes: an exit code of 0, 1 or 2, no traceback, no control
    character in what it prints (but in the fixed or formatted text itself, which is the file's)."""
    for args in COMMANDS:
        status, out, err = run_command(args + ["--color", "never"] if args[0] in ("summary",) else args, data)
        assert status in (0, 1, 2), f"{' '.join(args)}: exit {status}"
        assert "Traceback" not in err, f"{' '.join(args)}: {err[-500:]}"
        assert not CONTROL.search(err), f"{' '.join(args)}: a control character on standard error"
        if args[0] in ("summary",) or "--check" in args:
            assert not CONTROL.search(out), f"{' '.join(args)}: a control character in the report"
    # `diff` compares two budgets: a small valid one before, the input after, and the other way.
    for args in (["diff", str(_base_file()), "-"], ["diff", "-", str(_base_file())]):
        status, out, err = run_command(args, data)
        assert status in (0, 1, 2), f"{' '.join(args)}: exit {status}"
        assert "Traceback" not in err and not CONTROL.search(out + err), f"{' '.join(args)}: {err[-500:]}"


_BASE: list[Path] = []


def _base_file() -> Path:
    """A small valid budget in a temporary folder, made once, for `diff`."""
    if not _BASE:
        import tempfile

        path = Path(tempfile.mkdtemp(prefix="budsjett-fuzz-")) / "base.budsjett"
        path.write_text('budget "Grunnlag" period 2020..2021\nitem "A" kultur 2020=1\ncover "B" 2020=1\n',
                        encoding="utf-8")
        _BASE.append(path)
    return _BASE[0]


# -- broken text: mutations of valid documents ----------------------------------

#: Pieces of junk that the grammar treats specially, and things it must survive.
JUNK_PIECES = (
    '"', '"""', "#", "?", "=", "..", "<->", "->", "-", " ", "\n", "\r", "\r\n", "\t", "\ufeff", "\x00", "\x07",
    "\x1b[31m", "\x0b", "\x85", "\u2028", "\ud800", "æøå", "🙂", "\u200b", "0", "2020", "2020=", "=1", "2020=?",
    "2022..2023=5", "1e309", "nan", "-0", "00.5", "3,5", "99999", "-2020", "400 000 kr", " kr", "budget", "period",
    "item", "cover", "draw", "loan", "directive", "offset", "funds", "reallocate", "section", "pot", "fund",
    "area", "text", "heading", "halfyear", "ramp", "until", "evaluate", "exempt", "total", "to", "from", "cost",
    "funded-by", "none", "# budsjett-lint: ignore[BAL001]", "# budsjett-lint: ignore-file[STR001]",
    "9" * 40, "2020=" + "9" * 30, "-0 kr", "1 000 000 kr", "2020..2020=1", "2023..2020=1", "2021-00", 'text """',
    '"""x"""', "<->", '"a" -> "b"',
)
junk = st.sampled_from(JUNK_PIECES) | st.text(max_size=6)
MUTATIONS = ("delete", "delete-line", "duplicate-line", "swap-lines", "truncate", "insert")


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.splitlines(keepends=True):
        spans.append((pos, pos + len(line)))
        pos += len(line)
    return spans or [(0, 0)]


@st.composite
def mutated(draw, base) -> str:
    """A document from the strategy `base` broken by one to four deletions,
    duplications, swaps, truncations or insertions of junk."""
    text = draw(base)
    for kind in draw(st.lists(st.sampled_from(MUTATIONS), min_size=1, max_size=4)):
        at = draw(st.integers(0, len(text)))
        lines = _line_spans(text)
        a, b = lines[draw(st.integers(0, len(lines) - 1))]
        if kind == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 40)):]
        elif kind == "delete-line":
            text = text[:a] + text[b:]
        elif kind == "duplicate-line":
            text = text[:at] + text[a:b] + text[at:]
        elif kind == "swap-lines":
            c, d = lines[draw(st.integers(0, len(lines) - 1))]
            (a, b), (c, d) = sorted([(a, b), (c, d)])
            if b <= c:
                text = text[:a] + text[c:d] + text[b:c] + text[a:b] + text[d:]
        elif kind == "truncate":
            text = text[:at]
        else:
            text = text[:at] + draw(junk) + text[at:]
    return text


@st.composite
def mutated_bytes(draw, base) -> bytes:
    """`mutated()` as a file's bytes, with a few bits flipped: often not UTF-8 any more."""
    data = bytearray(draw(mutated(base)).encode("utf-8", "surrogatepass"))
    for _ in range(draw(st.integers(0, 3)) if data else 0):
        data[draw(st.integers(0, len(data) - 1))] ^= 1 << draw(st.integers(0, 7))
    return bytes(data)


# -- what the project keeps, and what broke it before -------------------------------

def seed_texts() -> list[str]:
    """Valid and broken texts that the project keeps: the reference's and the rule
    pages' examples, and the bad-input corpus (`REGRESSIONS` are added by the caller)."""
    texts: list[str] = []
    for page in [ROOT / "docs" / "language.md", *sorted((ROOT / "docs" / "rules").glob("*.md"))]:
        if page.is_file():
            texts += re.findall(r"```budsjett\n(.*?)```", page.read_text(encoding="utf-8"), flags=re.S)
    for f in sorted((ROOT / "tests" / "bad").glob("*.budsjett")):
        data = f.read_bytes()
        if len(data) < 100_000:
            texts.append(data.decode("utf-8", "replace"))
    return texts


_HEAD = 'budget "Regresjon" period 2020..2023\n'

#: Inputs that broke a command before (issue 24 and earlier), each named by what it broke.
#: The fuzz run starts from them and mutates them; tests/checker/test_fuzz.py runs each.
REGRESSIONS = {
    "an amount of 10^27 (28 digits), in fmt()": _HEAD + 'item "Stor" kultur 2020=' + "1" + "0" * 27 + "\n",
    "two 27-digit amounts whose sum has 28": _HEAD + ('item "A" kultur 2020=' + "9" * 27 + "\n") * 2
    + 'cover "C" 2020=1\n',
    "a 27-digit amount in a heading's year": _HEAD + 'heading "Sum 2020: ' + "9" * 27 + '"\nitem "A" kultur 2020=1\n',
    "a long number in free prose": _HEAD + 'text """Det koster ' + "999 " * 12 + 'kr."""\n',
    "a year range of 9 000 years": _HEAD + 'item "Lang" kultur 1000..9999=1\n',
    "a NUL in a name": _HEAD + 'item "Kultur\x00skolen" kultur 2020=1\n',
    "escape sequences in a suppression comment": _HEAD + "# budsjett-lint: ignore[BAL999] \x1b[2J\u202e\n",
    "an empty span at the end of a line": 'budget "X" period\n',
    "lone CR line ends": 'budget "X" period 2020..2021\ritem "A" kultur\r',
    "a statement cut short before blank lines": 'budget "X" period\n\n\n',
    'a thousand """ on one line': '"""' * 1000 + "\n",
}
