"""What must hold for every input, however broken: shared by the fuzz tests
(`tests/checker/test_fuzz.py`) and the long run (`bench/fuzz.py`).

- `parse`, `check_text` and `to_data` never raise, and every position they
  report lies inside the text;
- the command ends with exit 0, 1 or 2 as its findings say, its report renders
  in every format, and every diagnostic in it points inside the file.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import re
import sys

from budsjett_lint.checker import cli
from budsjett_lint.checker.config import ALL_CODES
from budsjett_lint.checker.engine import check_text
from budsjett_lint.checker.report import FORMATS
from budsjett_lint.dsl import parse
from budsjett_lint.dsl.export import to_data

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
    """`budsjett-lint ARGS` in this process, with `stdin` as standard input."""
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = cli.main(args)
    finally:
        sys.stdin = saved
    return status, out.getvalue(), err.getvalue()


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
