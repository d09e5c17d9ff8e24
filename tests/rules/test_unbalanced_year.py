"""BAL001 unbalanced-year: a plan year whose operating spending and coverage differ.

The money model behind it is tested in test_totals.py and by the properties in
test_balance_properties.py; here the rule itself, on text in the language."""

from __future__ import annotations

from tests.helpers import lint

HEAD = 'budget "T" period 2020..2021\n'


def only(text: str, config: dict | None = None):
    return [d for d in lint(text, config) if d.code == "BAL001"]


def test_a_gap_is_reported_for_its_year_with_the_figures_and_the_remedy():
    text = HEAD + 'item "Toppet bemanning" oppvekst 2020=3.5 2021=7.0\ncover "Innkjøp" 2020=3.5 2021=5.0\n'
    [d] = only(text)
    assert (d.span.line, d.span.column) == (1, 12)  # the period: the year as a whole
    assert d.message.startswith("2021 does not balance: spend 7.0, covered 5.0, gap 2.0 mill")
    assert d.hint.startswith("cover 2.0 mill more in 2021")


def test_the_uncovered_growth_of_a_ramp_is_said_in_the_same_finding():
    text = HEAD + 'item "Toppet bemanning" oppvekst 2020=3.5 2021=7.0\ncover "Innkjøp" 2020=3.5 2021=5.0\n'
    [d] = only(text)
    assert "spending grows by 3.5 but coverage only by 1.5" in d.message
    assert [(r.span.line, r.note) for r in d.related] == [(2, "`Toppet bemanning` grows by 3.5 from 2020 to 2021")]


def test_a_surplus_is_reported_too_with_where_to_place_it():
    [d] = only(HEAD + 'item "A" oppvekst 2020=1 2021=1\ncover "B" 2020=1 2021=3\n')
    assert d.message == "2021 does not balance: spend 1.0, covered 3.0, surplus 2.0 mill"
    assert "allocate the surplus of 2.0 mill to a fund" in d.hint


def test_a_negative_cover_is_coverage_lost_not_gained():
    [d] = only(HEAD + 'item "A" oppvekst 2020=2 2021=1\ncover "B" 2020=-1 2021=1\n')
    assert d.message == ("2020 does not balance: spend 2.0, covered -1.0, gap 3.0 mill; `B` is -1.0: coverage lost "
                         "(BAL007); written positive, it leaves a gap of 1.0")


def test_a_gap_that_is_the_sign_alone_is_bal007s():
    """The gap is twice the negative coverage: written positive the year balances, so the one
    finding is BAL007's (an error then), not a BAL001 beside it."""
    text = HEAD + 'item "A" oppvekst 2020=1 2021=1\ncover "B" 2020=-1 2021=1\n'
    assert only(text) == []
    assert [(d.code, d.severity) for d in lint(text)] == [("BAL007", "error")]


def test_within_the_tolerance_is_balanced_and_the_tolerance_is_configurable():
    text = HEAD + 'item "A" oppvekst 2020=1 2021=1\ncover "B" 2020=1 2021=1.04\n'
    assert only(text) == []
    [d] = only(text, {"options": {"BAL001": {"tolerance": 0.01}}})
    assert "surplus 0.04 mill" in d.message


def test_a_year_without_every_figure_is_bal002s_not_a_gap():
    codes = [d.code for d in lint(HEAD + 'item "A" oppvekst 2020=1 2021=?\ncover "B" 2020=1 2021=1\n')]
    assert "BAL001" not in codes and "BAL002" in codes


def test_coverage_that_pays_for_an_investment_covers_no_operating_spending():
    text = HEAD + ('item "A" oppvekst 2020=1 2021=1\ncover "B" 2020=2 2021=1\n'
                   'invest "Skole" 2020=1\nfunds "B" -> "Skole" 2020=1\n')
    assert only(text) == []
    unlinked = HEAD + 'item "A" oppvekst 2020=1 2021=1\ncover "B" 2020=2 2021=1\ninvest "Skole" 2020=1\n'
    [d] = only(unlinked)
    assert d.message.startswith("2020 does not balance") and "surplus 1.0" in d.message


def test_a_funded_directive_cost_is_spending_of_its_years():
    text = HEAD + 'directive "Kino" kultur cost 8 funded-by "B"\ncover "B" 2020=8 2021=8\n'
    assert only(text) == []
    short = HEAD + 'directive "Kino" kultur cost 8 funded-by "B"\ncover "B" 2020=8 2021=6\n'
    [d] = only(short)
    assert d.message.startswith("2021 does not balance: spend 8.0, covered 6.0, gap 2.0 mill")
