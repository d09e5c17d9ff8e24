"""BAL006 balanced-by-fund."""

from __future__ import annotations

from tests.helpers import lint, triples

HEAD = 'budget "T" period 2020..2021\nfund "Disposisjonsfondet"\n'


def only(text: str, config: dict | None = None):
    return [d for d in lint(text, config) if d.code == "BAL006"]


def test_a_year_balanced_by_a_draw():
    # The seed: "Dette kompenseres med å legge inn økte midler fra disposisjonsfondet i 2020 og 2021".
    text = HEAD + ('item "Kompetanseløft fastleger" helse 2020..2021=10\n'
                   'draw "Fastlegetilskudd fra disposisjonsfondet" 2020=10 from "Disposisjonsfondet"\n'
                   'cover "Innkjøp" 2021=10\n')
    assert triples(text, "BAL006") == [(1, 12, "BAL006")]
    [d] = only(text)
    assert d.severity == "info"
    assert d.message == "2020 balances only by drawing on funds: without its draws of 10.0 mill the gap is 10.0 mill"
    assert [(r.span.line, r.note) for r in d.related] == [(4, "draws 10.0 in 2020")]


def test_allocations_in_the_same_year_are_netted():
    text = HEAD + ('item "A" oppvekst 2020=10\n'
                   'allocate "Avsetning" 2020=4 to "Disposisjonsfondet"\n'
                   'draw "Fra fond" 2020=14 from "Disposisjonsfondet"\n')
    [d] = only(text)
    assert d.message == ("2020 balances only by drawing on funds: draws 14.0 less allocations to funds 4.0 leave "
                         "a net draw of 10.0 mill; without it the gap is 10.0 mill")
    net_saving = HEAD + ('item "A" oppvekst 2020=10\ncover "B" 2020=14\n'
                         'allocate "Avsetning" 2020=14 to "Disposisjonsfondet"\n'
                         'draw "Fra fond" 2020=10 from "Disposisjonsfondet"\n')
    assert only(net_saving) == []


def test_unbalanced_or_unverifiable_years_are_left_to_bal001_and_bal002():
    unbalanced = HEAD + 'item "A" oppvekst 2020=10\ndraw "D" 2020=5 from "Disposisjonsfondet"\n'
    unknown = HEAD + 'item "A" oppvekst 2020=10\ndraw "D" 2020=10 from "Disposisjonsfondet"\ncover "B" ?\n'
    assert only(unbalanced) == [] and only(unknown) == []


def test_a_draw_for_an_investment_does_not_balance_operations():
    text = HEAD + ('item "A" oppvekst 2020=10\ncover "B" 2020=10\ninvest "Skole" oppvekst 2020=3\n'
                   'draw "D" 2020=3 from "Disposisjonsfondet"\nfunds "D" -> "Skole"\n')
    assert only(text) == []
    assert [d.code for d in lint(text) if d.code.startswith("BAL")] == []


def test_near_misses():
    small = HEAD + 'item "A" oppvekst 2020=0.05\ndraw "D" 2020=0.05 from "Disposisjonsfondet"\n'
    assert only(small) == []
    assert len(only(small.replace("0.05", "0.1"))) == 1
