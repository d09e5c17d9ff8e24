"""Year ranges cost what the plan's years cost, however far they reach (issue 24)."""

from __future__ import annotations

from decimal import Decimal

from budsjett_lint.checker.editor.formatter import format_text
from budsjett_lint.dsl import parse
from budsjett_lint.dsl.parser import MAX_PERIOD, RANGE_MARGIN, RANGE_WITHOUT_PERIOD
from tests.helpers import lint

HEAD = 'budget "T" period 2020..2023\n'


def amounts(text: str) -> int:
    result = parse(text)
    assert result.problems == ()
    return sum(len(s.amounts) for s in result.budget.statements if hasattr(s, "amounts"))


def test_a_range_over_millennia_holds_the_plan_and_its_margin():
    (entry,) = parse(HEAD + 'item "A" oppvekst 1000..9999=1\n').budget.entries
    years = [a.year for a in entry.amounts]
    assert years == [1000, *range(2020 - RANGE_MARGIN, 2023 + RANGE_MARGIN + 1), 9999]
    assert entry.by_year[2021] == Decimal(1)


def test_a_thousand_such_lines_hold_a_bounded_number_of_amounts():
    lines = "".join(f'item "A{i}" oppvekst 1000..9999=1\n' for i in range(1000))
    assert amounts(HEAD + lines) <= 1000 * (4 + 2 * RANGE_MARGIN + 2)


def test_a_range_before_the_period_is_read_again_with_the_period():
    (entry,) = parse('item "A" oppvekst 1000..9999=1\nbudget "T" period 2020..2023\n').budget.entries
    assert {2020, 2021, 2022, 2023} <= set(entry.by_year)
    assert len(entry.amounts) == 4 + 2 * RANGE_MARGIN + 2


def test_without_a_period_a_range_is_bounded_too():
    (entry,) = parse('budget "T"\nitem "A" oppvekst 1000..9999=1\n').budget.entries
    assert len(entry.amounts) <= RANGE_WITHOUT_PERIOD + 2
    assert (entry.amounts[0].year, entry.amounts[-1].year) == (1000, 9999)


def test_a_short_range_is_held_whole():
    (entry,) = parse(HEAD + 'item "A" oppvekst 2018..2025=1\n').budget.entries
    assert [a.year for a in entry.amounts] == list(range(2018, 2026))


def test_the_formatter_writes_a_long_range_back_as_written():
    text = HEAD + 'item "A" oppvekst 1000..9999=1 2020=2\n'
    assert "1000..9999=1" in format_text(text)


def test_the_message_is_short_however_long_the_range():
    text = HEAD + "".join(f'cover "A{i}" 1000..9999=1\n' for i in range(3))
    found = [d for d in lint(text) if d.code == "STR004"]
    assert len(found) == 3
    assert max(len(d.message) for d in found) < 200


def test_a_period_of_millennia_is_refused():
    result = parse('budget "T" period 1000..9999\nitem "A" oppvekst 1000..9999=1\n')
    assert [(p.code, p.span.line) for p in result.problems] == [("SYN008", 1)]
    assert f"at most {MAX_PERIOD}" in result.problems[0].message


def test_a_period_of_the_longest_length_is_accepted():
    assert parse(f'budget "T" period 2000..{2000 + MAX_PERIOD - 1}\n').problems == ()


def test_a_printed_sum_over_millennia_is_checked_over_the_years_held():
    text = HEAD + 'item "A" oppvekst 2020..2023=1\n' + "".join(f'sum "S{i}" item 1000..9999=1\n' for i in range(200))
    assert [d.code for d in lint(text) if d.code == "STR013"] == ["STR013"] * 200


def test_an_editor_check_of_an_8_kb_document_of_such_ranges_gives_a_short_finding_a_line():
    """What the editor runs at each keystroke (`engine.check_text`): it took 4 s on 8 kB, and RMP003 listed the
    thousands of years a range spans but does not hold as gaps, in messages of 48 kB."""
    from budsjett_lint.checker.config import Config
    from budsjett_lint.checker.engine import check_text

    lines = "".join(f'item "A{i:03}" oppvekst 1000..9999=1\n' for i in range(300))
    result = check_text(HEAD + lines, "b.budsjett", Config())
    assert len(HEAD + lines) > 8000
    codes = [d.code for d in result.diagnostics]
    assert codes.count("STR004") == 300 and "RMP003" not in codes
    assert max(len(d.message) for d in result.diagnostics) < 160
