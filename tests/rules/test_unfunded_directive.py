"""FUN001: a directive that costs money and that nothing funds."""

from __future__ import annotations

from tests.helpers import lint, triples

HEAD = 'budget "Trondheimsbudsjettet" period 2020..2023\n'


def fun001(text: str):
    return [d for d in lint(HEAD + text) if d.code == "FUN001"]


def test_a_directive_of_unknown_cost_without_funding_fires_at_its_name():
    text = HEAD + (
        'directive "Bystyresekretariatet" finans cost ?\n'
        '  text "De rødgrønne ønsker ikke en nedbemanning på bystyresekretariatet fra 2022."\n'
    )
    assert triples(text, "FUN001") == [(2, 11, "FUN001")]
    (d,) = fun001(text[len(HEAD):])
    assert d.message == "the directive `Bystyresekretariatet` commits to a cost of unknown size, and nothing funds it"
    assert d.related[0].note == "the cost" and d.related[0].span.column == 41
    assert "funded-by" in d.hint and "cost none" in d.hint


def test_a_directive_with_an_estimate_names_its_cost():
    (d,) = fun001('directive "Trondheim Kino" kultur cost 8\n')
    assert d.message == "the directive `Trondheim Kino` costs 8.0 mill a year, and nothing funds it"


def test_directives_that_cost_nothing_or_say_nothing_of_cost_are_silent():
    assert fun001('directive "Kommunal bostøtte" arbeid cost none\ndirective "Analysesenteret" finans\n') == []


def test_funded_by_a_pot_is_silent():
    text = (
        'pot "Potten til nærmiljøanlegg" kultur\n'
        'directive "Terrengsykkelløype Nilsbyen" kultur cost ? funded-by "Potten til nærmiljøanlegg"\n'
    )
    assert fun001(text) == []


def test_funded_by_a_name_that_does_not_exist_is_left_to_fun003():
    codes = [d.code for d in lint(HEAD + 'directive "Tegnspråkklubb" kultur cost ? funded-by "Rosten"\n')]
    assert "FUN001" not in codes and "FUN003" in codes


def test_a_funds_or_reallocate_link_to_the_directive_funds_it():
    funds = 'cover "Reformstøtte" ?\ndirective "Veteranhus" finans cost ?\nfunds "Reformstøtte" -> "Veteranhus"\n'
    moved = funds.replace("cost ?", "cost 0.4").replace("funds ", "reallocate ")
    assert fun001(funds) == []
    assert fun001(moved) == []


def test_an_offset_link_does_not_fund_and_a_link_from_the_directive_does_not_count():
    # Only `funds` and `reallocate` pay for what they point at; an offset names a saving.
    offset = ('item "Toppet bemanning" oppvekst 2020=3.5\ndirective "Færre vikarer" oppvekst cost ?\n'
              'offset "Toppet bemanning" <-> "Færre vikarer"\n')
    outward = ('item "Veteranhus" finans 2020=0.4\ndirective "Reformstøtte" finans cost ?\n'
               'funds "Reformstøtte" -> "Veteranhus"\n')
    assert [d.span.line for d in fun001(offset)] == [3]
    assert [d.span.line for d in fun001(outward)] == [3]


def test_every_unfunded_directive_is_reported_once():
    text = (
        'directive "Åpningstider Offentlig servicekontor" arbeid cost ?\n'
        'directive "Klimatiltak i landbruket" miljø cost none\n'
        'directive "Tettere oppfølging av kommunens seriøsitetskrav" finans cost ?\n'
    )
    assert [(d.span.line, d.span.column) for d in fun001(text)] == [(2, 11), (4, 11)]


def test_a_cost_by_year_is_named_by_its_years():
    found = lint('''\
        budget "Eksempel" period 2020..2023
        directive "Bystyresekretariatet" finans cost 2022..2023=?
        directive "Fast ressurs" finans cost 2021=0.5 2022..2023=1
    ''')
    assert [d.message for d in found if d.code == "FUN001"] == [
        "the directive `Bystyresekretariatet` commits to a cost of unknown size in 2022 and 2023, and nothing funds it",
        "the directive `Fast ressurs` costs 0.5 in 2021, 1.0 in 2022 and 1.0 in 2023, and nothing funds it",
    ]


# -- the remedies the editor offers ----------------------------------------------------------


def _remedied(text: str) -> list[tuple[str, str]]:
    """Each remedy of the one FUN001 finding: its description and the text it writes."""
    from budsjett_lint.checker.editor.editor import apply_edits
    from budsjett_lint.dsl import parse
    from budsjett_lint.rules.unfunded_directive import remedies

    (d,) = fun001(text)
    return [(f.description, apply_edits(HEAD + text, list(f.edits)))
            for f in remedies(parse(HEAD + text).budget, d.span)]


def test_the_remedies_write_cost_none_or_funding_and_each_ends_the_finding():
    text = ('pot "Potten til nærmiljøanlegg" kultur\ncover "Kutt i kulturadministrasjonen" kultur 2020..2023=1\n'
            'cover "Redusert innkjøp" helse 2020..2023=1\n'
            'directive "Terrengsykkelløype" kultur cost 2022..2023=?\n  text "Ny løype fra 2022."\n')
    remedied = _remedied(text)
    assert [what for what, _ in remedied] == [
        "mark it as costing nothing (`cost none`)",
        'fund it from "Kutt i kulturadministrasjonen"',  # the nearest of the area's first
        'fund it from "Potten til nærmiljøanlegg"',
        'fund it from a line: `funded-by ""`, its name to fill in',
    ]
    assert 'directive "Terrengsykkelløype" kultur cost none\n' in remedied[0][1]
    assert 'cost 2022..2023=? funded-by "Kutt i kulturadministrasjonen"\n  text' in remedied[1][1]
    for _, fixed in remedied:
        assert [d for d in lint(fixed) if d.code == "FUN001"] == []


def test_no_remedies_away_from_a_finding_and_no_funders_from_other_areas():
    from budsjett_lint.dsl import parse
    from budsjett_lint.rules.unfunded_directive import remedies

    text = HEAD + 'cover "Kutt" kultur 2020..2023=1\ndirective "Utredning" finans cost ?\n'
    budget = parse(text).budget
    assert remedies(budget, budget.entries[0].name.span) == []
    assert [f.description for f in remedies(budget, budget.directives[0].name.span)] == [
        "mark it as costing nothing (`cost none`)", 'fund it from a line: `funded-by ""`, its name to fill in']
