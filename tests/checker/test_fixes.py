"""The fix machinery: choosing, applying non-overlapping edits, repeating, never breaking the syntax."""

from __future__ import annotations

import types

import pytest

from budsjett_lint.checker import engine
from budsjett_lint.checker.config import Config
from budsjett_lint.checker.diagnostics import Diagnostic
from budsjett_lint.checker.fixes import MAX_PASSES, apply_fixes, fix_text
from budsjett_lint.dsl.model import Entry, Span
from budsjett_lint.rules.base import Edit, Finding, Fix, NoOptions

SPAN = Span(1, 1, 1, 2, 0, 1)


def diag(*edits: tuple[int, int, str], safe: bool = True) -> Diagnostic:
    fix = Fix("test", tuple(Edit(*e) for e in edits), safe)
    return Diagnostic("TST001", "test", "warning", "m", SPAN, fix=fix)


def test_edits_apply_from_the_end_so_offsets_stay_valid():
    assert apply_fixes("abcdef", [diag((0, 1, "X")), diag((4, 6, "YZW"))]) == ("XbcdYZW", 2)


def test_one_fix_with_several_edits_applies_whole():
    assert apply_fixes("2021=7 2020=3", [diag((0, 6, "2020=3"), (7, 13, "2021=7"))]) == ("2020=3 2021=7", 1)


def test_an_overlapping_fix_waits_for_the_next_pass():
    text, n = apply_fixes("abcdef", [diag((1, 4, "X")), diag((3, 5, "Y")), diag((5, 6, "Z"))])
    assert (text, n) == ("aXeZ", 2)


def test_two_insertions_at_one_place_do_not_both_apply():
    assert apply_fixes("ab", [diag((1, 1, "X")), diag((1, 1, "Y"))]) == ("aXb", 1)


def test_adjacent_edits_both_apply():
    assert apply_fixes("abcd", [diag((0, 2, "X")), diag((2, 4, "Y"))]) == ("XY", 2)


def test_unsafe_fixes_only_when_asked():
    ds = [diag((0, 1, "X"), safe=False), diag((2, 3, "Z"))]
    assert apply_fixes("abc", ds) == ("abZ", 1)
    assert apply_fixes("abc", ds, unsafe=True) == ("XbZ", 2)


def test_edits_outside_the_text_or_crossing_within_a_fix_are_refused():
    assert apply_fixes("abc", [diag((2, 9, "X"))]) == ("abc", 0)
    assert apply_fixes("abc", [diag((0, 2, "X"), (1, 3, "Y"))]) == ("abc", 0)


# -- the passes, with a rule that stands in for rules this branch does not have -------


def install(monkeypatch, check, safe: bool = True) -> None:
    rule = types.SimpleNamespace(CODE="TST001", NAME="test-rule", SEVERITY="warning", FIX="safe" if safe else "unsafe",
                                 Options=NoOptions, check=check)
    monkeypatch.setattr(engine, "RULES", (rule,))


HEAD = 'budget "E" period 2020..2021\n'


def test_repeats_until_nothing_more_applies(monkeypatch):
    # One figure doubled a pass, up to 8: three passes, because each fix needs the last one's result.
    def check(budget, options):
        for e in budget.entries:
            v = e.amounts[0].value
            if v < 8:
                yield Finding("small", e.amounts[0].span, fix=Fix("double", (
                    Edit(e.amounts[0].span.start, e.amounts[0].span.end, f"2020={v * 2}"),), True))

    install(monkeypatch, check)
    outcome = fix_text(HEAD + 'item "A" oppvekst 2020=1\n', "t", Config())
    assert outcome.text == HEAD + 'item "A" oppvekst 2020=8\n'
    assert outcome.fixed == 3
    assert outcome.result.diagnostics == ()


def test_a_fix_that_undoes_another_stops_after_a_bounded_number_of_passes(monkeypatch):
    def check(budget, options):
        e = budget.entries[0]
        a = e.amounts[0]
        other = "2020=2" if a.value == 1 else "2020=1"
        yield Finding("flip", a.span, fix=Fix("flip", (Edit(a.span.start, a.span.end, other),), True))

    install(monkeypatch, check)
    outcome = fix_text(HEAD + 'item "A" oppvekst 2020=1\n', "t", Config())
    assert outcome.fixed == MAX_PASSES


def test_a_fix_that_would_break_the_syntax_is_not_applied(monkeypatch):
    def check(budget, options):
        for e in budget.entries:
            yield Finding("bad", e.name.span, fix=Fix("break", (Edit(e.name.span.start, e.name.span.end, '"A'),), True))

    install(monkeypatch, check)
    text = HEAD + 'item "A" oppvekst 2020=1\n'
    outcome = fix_text(text, "t", Config())
    assert (outcome.text, outcome.fixed) == (text, 0)


def test_a_file_with_syntax_errors_is_not_fixed():
    text = HEAD + 'item "A" oppvekst 2021=1 2020=1\nitem "B" oppvekst 2020 = 1\n'
    outcome = fix_text(text, "t", Config())
    assert outcome.syntax_errors and outcome.text == text and outcome.fixed == 0
    assert "STR010" in [d.code for d in outcome.result.diagnostics]


@pytest.mark.parametrize("unsafe", [False, True])
def test_an_unsafe_fix_such_as_setting_a_heading_applies_only_with_unsafe(monkeypatch, unsafe):
    # The shape of RMP007's fix: set the heading to the first year's figure.
    def check(budget, options):
        for e in budget.entries:
            if isinstance(e, Entry) and e.heading and e.heading.value != e.amounts[0].value:
                yield Finding("heading", e.heading.span, fix=Fix("set the heading", (
                    Edit(e.heading.span.start, e.heading.span.end, str(e.amounts[0].value)),), False))

    install(monkeypatch, check, safe=False)
    text = HEAD + 'item "A" oppvekst 2020=3.5 2021=7 heading 7\n'
    outcome = fix_text(text, "t", Config(), unsafe=unsafe)
    assert outcome.text == (text.replace("heading 7", "heading 3.5") if unsafe else text)


def test_crlf_and_bom_survive_a_fix():
    text = "\ufeff" + HEAD.replace("\n", "\r\n") + 'item "A" oppvekst 2021=1 2020=2  # budsjett-lint: ignore[BAL001]\r\n'
    out = fix_text(text, "t", Config()).text
    assert out == "\ufeff" + HEAD.replace("\n", "\r\n") + 'item "A" oppvekst 2020=2 2021=1\r\n'
