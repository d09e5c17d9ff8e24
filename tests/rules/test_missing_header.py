"""STR006 missing-header."""

from __future__ import annotations

from tests.helpers import codes, lint, triples


def test_no_budget_statement_and_no_year():
    text = '# a comment\nitem "A" oppvekst ?\n'
    [d] = [d for d in lint(text) if d.code == "STR006"]
    assert (d.span.line, d.span.column) == (2, 1)
    assert d.message == "the file has no `budget` statement and names no year, so no year of the plan can be checked"


def test_an_empty_file_has_no_budget_statement():
    assert triples("", "STR006") == [(1, 1, "STR006")]


def test_no_period_and_no_year():
    text = 'budget "Trondheimsbudsjettet"\n  title "De rødgrønnes forslag"\nitem "A" oppvekst ?\n'
    [d] = [d for d in lint(text) if d.code == "STR006"]
    assert (d.span.line, d.span.column) == (1, 8)
    assert d.message == "`Trondheimsbudsjettet` has no period and names no year, so no year of the plan can be checked"


def test_years_too_far_apart_for_a_period():
    text = 'item "A" oppvekst 2020=1\ncover "B" 2200=1\n'
    [d] = lint(text)
    assert d.code == "STR006"
    assert d.message == ("the file has no `budget` statement, and the years it names span 181 years (2020–2200), "
                         "more than a plan's 100, so no year of the plan can be checked")


def test_years_named_without_a_period_are_str015_not_this():
    assert "STR006" not in codes('item "A" oppvekst 2020=1\n')
    assert "STR006" not in codes('budget "T"\nitem "A" oppvekst 2020=1\n')


def test_a_second_budget_statement():
    text = 'budget "A" period 2020..2021\nbudget "B" period 2020..2021\n'
    assert triples(text, "STR006") == [(2, 8, "STR006")]
    [d] = [d for d in lint(text) if d.code == "STR006"]
    assert [(r.span.line, r.span.column) for r in d.related] == [(1, 8)]


def test_one_header_with_a_period_is_silent_wherever_it_stands():
    assert "STR006" not in codes('item "A" oppvekst 2020=1\ncover "B" 2020=1\nbudget "T" period 2020..2020\n')
