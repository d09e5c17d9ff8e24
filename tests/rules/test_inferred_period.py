"""STR015 inferred-period: a file without a `period` is checked for the years it names."""

from __future__ import annotations

from budsjett_lint.checker.engine import check_text
from budsjett_lint.checker.fixes import apply_fixes
from budsjett_lint.dsl import parse
from tests.helpers import codes, lint, triples

CARD = 'item "Toppet bemanning" oppvekst 2020=3.5 2021=7.0\n'


def test_the_card_line_alone_gives_its_balance_findings():
    found = lint(CARD)
    assert [(d.code, d.severity) for d in found] == [("BAL001", "error"), ("BAL001", "error"), ("STR015", "info")]
    first, second, inferred = found
    assert first.message == "2020 does not balance: spend 3.5, covered 0.0, gap 3.5 mill"
    assert second.message.startswith("2021 does not balance: spend 7.0, covered 0.0, gap 7.0 mill")
    assert (first.span.line, first.span.column) == (1, 1)  # where a header would go: the line itself
    assert inferred.message == ("the file has no `budget` statement: checked for the plan years 2020–2021, "
                                "the first to the last year it names")
    assert '`budget "Name"`' in inferred.hint and "`period 2020..2021`" in inferred.hint


def test_the_period_runs_from_the_first_to_the_last_year_named_ranges_and_question_marks_included():
    text = ('# a draft\n'
            'item "A" oppvekst 2022=1\n'
            'cover "B" 2019..2021=?\n'
            'directive "C" kultur cost 2024=?\n')
    assert parse(text).budget.period == (2019, 2024)
    [d] = [d for d in lint(text) if d.code == "STR015"]
    assert (d.span.line, d.span.column) == (2, 1)
    assert "2019–2024" in d.message and "`period 2019..2024`" in d.hint


def test_a_long_range_is_read_whole_for_the_inferred_period():
    # without a period a range is first read for twenty years; the inferred period reads it whole
    budget = parse('item "A" oppvekst 2020..2049=1\ncover "B" 2020..2049=1\n').budget
    assert budget.period == (2020, 2049)
    assert all(budget.entries[0].by_year.get(y) == 1 for y in range(2020, 2050))
    assert "BAL001" not in codes('item "A" oppvekst 2020..2049=1\ncover "B" 2020..2049=1\n')


def test_a_balanced_headerless_file_gives_only_the_info_and_passes():
    text = 'item "Toppet bemanning" oppvekst 2020=3.5 2021=7.0\ncover "Innkjøp" 2020=3.5 2021=7.0\n'
    assert codes(text) == ["STR015"]


def test_a_header_without_a_period_is_checked_for_the_years_named_and_can_be_fixed():
    text = 'budget "Trondheimsbudsjettet"\n  title "Forslag"\nitem "A" oppvekst 2020..2023=1\n'
    assert triples(text) == [(1, 1, "BAL001")] * 4 + [(1, 8, "STR015")]  # per-year findings at the header
    [d] = [d for d in lint(text) if d.code == "STR015"]
    assert d.message == ("`Trondheimsbudsjettet` has no period: checked for the plan years 2020–2023, "
                         "the first to the last year the file names")
    assert d.fix is not None and d.fix.safe
    fixed, applied = apply_fixes(text, [d])
    assert applied == 1
    assert fixed.startswith('budget "Trondheimsbudsjettet" period 2020..2023\n')
    assert "STR015" not in codes(fixed) and codes(fixed).count("BAL001") == 4


def test_one_year_is_a_period_of_one_year():
    [d] = [d for d in lint('item "A" oppvekst 2021=?\n') if d.code == "STR015"]
    assert "the plan years 2021," in d.message and "`period 2021..2021`" in d.hint


def test_silent_with_a_declared_period():
    text = 'budget "T" period 2020..2023\n' + CARD
    assert "STR015" not in codes(text)
    assert "STR006" not in codes(text)
    assert codes(text).count("BAL001") == 2  # 2022 and 2023 of the declared period are balanced at zero


def test_silent_where_no_year_is_named_which_is_str006():
    assert codes('fund "Fond" opening 10\nitem "A" oppvekst ?\n') == ["STR006"]


def test_silent_where_the_years_named_are_too_far_apart_for_a_plan():
    found = codes('item "A" oppvekst 1900=1 2100=1\n')
    assert "STR006" in found and "STR015" not in found and "BAL001" not in found


def test_the_inferred_period_is_checked_like_a_declared_one():
    # every year from the first to the last is a plan year: 2021 and 2022, which no line names, balance at zero
    result = check_text('item "A" oppvekst 2020=1\ncover "B" 2020=1 2023=2\n', "-")
    [unbalanced] = [d for d in result.diagnostics if d.code == "BAL001"]
    assert unbalanced.message.startswith("2023 does not balance: spend 0.0, covered 2.0, surplus 2.0")
    assert result.budget.years == range(2020, 2024)


def test_silent_where_a_period_is_written_but_cannot_be_a_plans():
    """One mistake, one finding: the syntax finding says what is wrong with the period; the header stays,
    so nothing says the file has no `budget` statement, and its years are checked meanwhile."""
    for period, code in (("1000..9999", "SYN008"), ("2023..2020", "SYN004")):
        found = lint(f'budget "X" period {period}\nitem "A" oppvekst 2020=1\n')
        assert sorted(d.code for d in found) == ["BAL001", code], period
        assert all("no `budget` statement" not in d.message for d in found)
