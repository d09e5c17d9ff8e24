"""The full report finds the lines it shows without splitting the file, and colours them as
lexing the whole file would, lexing only what it shows."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pygments.token import Whitespace

from budsjett_lint.checker.config import Config
from budsjett_lint.checker.engine import check_text
from budsjett_lint.checker.editor.lexer import BudsjettLexer
from budsjett_lint.checker.report import Context, full, render

ROOT = Path(__file__).resolve().parents[2]

# Quotes in a comment and in a name open no block; a block runs over lines and may close and
# open again on one line; a block left open runs to the end; CRLF and a lone `"` on the way.
TEXT = ('budget "E" period 2020..2021\r\n'
        '# a comment with """ in it\n'
        'item "A ""\' oppvekst 2020=1\n'
        '  text """\n'
        '    item "Ikke" 2020=1 # not a comment\n'
        '  """ cover "B" 2020=1 text """ again\n'
        '  still prose\n'
        '  """\n'
        'cover "C" 2020=1 # """\n'
        'item "D" oppvekst 2020=2\n'
        '  text """ left open\n'
        '  to the end 2020=1\n')


def whole(text: str) -> list[list[tuple[str, str]]]:
    """Each line's pieces from lexing the whole text, the way the report used to."""
    lines: list[list[tuple[str, str]]] = [[]]
    for _, token, value in BudsjettLexer().get_tokens_unprocessed(text):
        style = "" if token in Whitespace else full._token_style(token)
        for i, part in enumerate(value.split("\n")):
            if i:
                lines.append([])
            if part:
                lines[-1].append((part, style))
    return lines


def pieces(source: full.Source, line: int, hint: int) -> list[tuple[str, str]]:
    start, end = source.bounds(line, hint)
    return source.pieces(start, end)


def styled(line: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Character by character, `\\r` dropped as the report drops it at a line's end."""
    return [(ch, style) for text, style in line for ch in text if ch != "\r"]


def test_each_line_coloured_alone_as_in_the_whole_text():
    expected = whole(TEXT)
    starts = [0]
    for line in TEXT.split("\n")[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    for order in (range(len(starts)), reversed(range(len(starts)))):
        source = full.Source(TEXT, color=True)
        for i in order:
            assert styled(pieces(source, i + 1, starts[i] + 1)) == styled(expected[i]), i + 1


def test_lines_are_found_from_their_offset_or_without_one():
    lines = TEXT.split("\n")
    source = full.Source(TEXT, color=False)
    assert source.count == len(lines)
    for hint in (-1, 0, len(TEXT) + 5):  # no offset, or one that does not fit the line: walked to
        for i in (7, 2, 12, 1):
            start, end = source.bounds(i, hint)
            assert TEXT[start:end] == lines[i - 1].rstrip("\r")


def test_only_the_shown_windows_are_lexed(monkeypatch):
    amounts = 3000
    text = 'budget "E" period 2020..2021\nitem "A" oppvekst ' + " ".join(["2020=1"] * amounts) + "\n"
    result = check_text(text, "long.budsjett", Config())
    lexed = []
    real = BudsjettLexer.get_tokens_unprocessed
    monkeypatch.setattr(BudsjettLexer, "get_tokens_unprocessed",
                        lambda self, t, stack=("root",): lexed.append(len(t)) or real(self, t, stack))
    render("full", [result], Context(color=True))
    assert lexed and max(lexed) <= 160 and sum(lexed) < len(text) / 10


def test_the_colour_report_equals_the_plain_one_on_the_proposal():
    import re

    text = (ROOT / "proposal.budsjett").read_text(encoding="utf-8")
    result = check_text(text, "proposal.budsjett", Config())
    for show_all in (False, True):
        plain = render("full", [result], Context(show_all=show_all))
        coloured = render("full", [result], Context(color=True, show_all=show_all))
        assert "\x1b[" in coloured
        assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


def test_the_plain_report_loads_neither_rich_nor_pygments():
    code = ("import sys; from budsjett_lint.checker.cli import main; main(['check', '--color', 'never', "
            f"{str(ROOT / 'proposal.budsjett')!r}]); print(sorted(m for m in sys.modules "
            "if m.split('.')[0] in ('rich', 'pygments')), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.stderr.strip().splitlines()[-1] == "[]", done.stderr
    coloured = code.replace("'never'", "'always'")
    done = subprocess.run([sys.executable, "-c", coloured], capture_output=True, text=True, check=False)
    shown = done.stderr.strip().splitlines()[-1]
    assert "rich" not in shown and "pygments" in shown, shown
