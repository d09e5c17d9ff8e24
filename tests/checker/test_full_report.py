"""The full report colours its source excerpts with the lexer, and only when colour is on."""

from __future__ import annotations

import re

from rich.syntax import Syntax
from pygments.token import Keyword, String

from budsjett_lint.checker.diagnostics import Diagnostic
from budsjett_lint.checker.engine import CheckResult
from budsjett_lint.checker.report import Context, render
from budsjett_lint.dsl import parse
from budsjett_lint.dsl.model import Span

TEXT = ('budget "Eksempel" period 2020..2021\n'
        'item "Kulturskolen" oppvekst 2020=1\n'
        '  text """\n'
        '    item "Ikke en linje" 2020=1\n'
        '  """\n')
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def report(color: bool, line: int) -> str:
    span = Span(line, 3, line, 7)
    d = Diagnostic("BAL001", "unbalanced-year", "error", "a message", span, "x.budsjett", "a hint")
    return render("full", [CheckResult("x.budsjett", parse(TEXT).budget, (d,))], Context(color=color))


def sgr(token) -> str:
    """The escape sequence that the report's theme gives a token."""
    style = Syntax.get_theme("ansi_dark").get_style_for_token(token)
    return ANSI.findall(style.render("x", color_system="standard"))[0]


def source_line(output: str, line: int) -> str:
    return next(ln for ln in output.splitlines() if ANSI.sub("", ln).startswith(f"{line} | "))


def test_without_colour_there_are_no_escapes():
    assert not ANSI.search(report(False, 2))


def test_colour_highlights_keywords_and_names():
    shown = source_line(report(True, 2), 2)
    assert sgr(Keyword) + "item" in shown
    assert sgr(String) + '"Kulturskolen"' in shown


def test_a_line_inside_prose_is_coloured_as_prose():
    shown = source_line(report(True, 4), 4)
    assert sgr(String.Doc) in shown
    assert sgr(Keyword) + "item" not in shown


def test_colour_changes_nothing_but_colour():
    for line in (2, 4):
        assert ANSI.sub("", report(True, line)) == report(False, line)


def test_control_characters_and_crlf_keep_their_columns_in_both_modes():
    text = 'budget "Eksempel" period 2020..2021\r\nitem "Kulturskolen"\x07 oppvekst 2020=1\r\n'
    span = Span(2, 21, 2, 29)  # `oppvekst`, after the bell
    d = Diagnostic("STR002", "unknown-area", "error", "a message", span, "x.budsjett", None)
    shown = {color: render("full", [CheckResult("x.budsjett", parse(text).budget, (d,))], Context(color=color))
             for color in (False, True)}
    assert ANSI.sub("", shown[True]) == shown[False]
    lines = shown[False].splitlines()
    source = lines.index('2 | item "Kulturskolen"\ufffd oppvekst 2020=1')
    assert lines[source + 1] == "  | " + " " * 20 + "^" * 8
