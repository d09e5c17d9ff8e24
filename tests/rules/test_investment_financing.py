"""BAL004 investment-financing."""

from __future__ import annotations

from tests.helpers import lint, triples

HEAD = 'budget "T" period 2020..2023\n'


def only(text: str, config: dict | None = None):
    return [d for d in lint(text, config) if d.code == "BAL004"]


def test_the_seed_document_cannot_be_verified_year_by_year():
    # Trondheimsbudsjettet: heavy vehicles and school start-up funds, borrowing reduced by 365 in total.
    text = ('budget "Trondheimsbudsjettet" period 2020..2023\n'
            'invest "Skolebygg" oppvekst 2022=? 2023=?\n'
            'invest "Utskifting av tunge kjøretøy" miljø 2021=2.5 2022..2023=5\n'
            'loan "Reduserte låneopptak" ? total -365 frees\n')
    ds = only(text)
    assert [(d.span.line, d.span.column) for d in ds] == [(1, 31)] * 4
    tail = ("`Reduserte låneopptak` reduces borrowing by 365.0 in total over the period, no figure per year; "
            "no draw or coverage is linked to an investment")
    assert [d.message for d in ds] == [
        "the investment financing of 2020 cannot be verified: investments are unchanged; " + tail,
        "the investment financing of 2021 cannot be verified: investments rise by 2.5; " + tail,
        "the investment financing of 2022 cannot be verified: investments rise by 5.0 where figures are given, "
        "and `Skolebygg` gives no figure for 2022; " + tail,
        "the investment financing of 2023 cannot be verified: investments rise by 5.0 where figures are given, "
        "and `Skolebygg` gives no figure for 2023; " + tail,
    ]
    assert [(r.span.line, r.note) for r in ds[2].related] == [
        (2, "no figure for 2022"), (3, "investment +5.0 in 2022"), (4, "no figure for 2022")]


def test_investment_rising_with_no_financing():
    text = HEAD + 'invest "Utskifting av tunge kjøretøy" miljø 2021=2.5\n'
    [d] = only(text)
    assert d.message == ("2021 leaves 2.5 mill of investment without named financing: investments rise by 2.5, "
                         "no financing is named")
    assert d.hint.startswith("name what finances the investment")


def test_borrowing_falling_with_no_investment_cut():
    text = HEAD + 'loan "Reduserte låneopptak" 2020=-20\ninvest "Kutt" oppvekst 2020=-5\n'
    [d] = only(text)
    assert d.message == ("2020 leaves 15.0 mill of investment without named financing: investments fall by 5.0, "
                         "borrowing falls by 20.0")
    assert d.hint.startswith("cut investments by as much as borrowing falls")


def test_linked_draws_and_coverage_count_with_the_link_amounts_first():
    text = HEAD + ('invest "Skole" oppvekst 2020=10 2021=10\n'
                   'loan "Lån" 2020..2021=6\n'
                   'fund "F"\ndraw "Fra fond" 2020..2021=4 from "F"\nfunds "Fra fond" -> "Skole"\n'
                   'cover "Innkjøp" 2021=5\nfunds "Innkjøp" -> "Skole" 2021=0\n')
    assert only(text) == []
    short = text.replace("2020..2021=4 from", "2020..2021=3.9 from")
    assert [d.message for d in only(short)] == [
        "2020 leaves 0.1 mill of investment without named financing: investments rise by 10.0, "
        "borrowing rises by 6.0, draws and coverage linked to investments give 3.9",
        "2021 leaves 0.1 mill of investment without named financing: investments rise by 10.0, "
        "borrowing rises by 6.0, draws and coverage linked to investments give 3.9",
    ]


def test_an_unknown_linked_part_makes_the_year_unverifiable():
    text = HEAD + 'invest "Skole" oppvekst 2020=10\ncover "Innkjøp" 2020=?\nfunds "Innkjøp" -> "Skole"\n'
    [d] = only(text)
    assert d.message == ("the investment financing of 2020 cannot be verified: investments rise by 10.0; "
                         "`Innkjøp` gives no figure for 2020")


def test_tolerance_and_rounding():
    text = HEAD + 'invest "Skole" oppvekst 2020=2.55\nloan "Lån" 2020=2.5\n'
    assert only(text) == []
    assert triples(text.replace("2.55", "2.6"), "BAL004") == [(1, 12, "BAL004")]
    assert only(text.replace("2.55", "2.6"), {"options": {"BAL004": {"tolerance": 0.1}}}) == []


def test_a_loan_put_to_operations_finances_no_investment():
    text = HEAD + ('invest "Skole" oppvekst 2020=5\nloan "Lån" 2020=5\nitem "Drift" oppvekst 2020=1\n'
                   'funds "Lån" -> "Drift"\n')
    assert [d.message.split(":")[0] for d in only(text)] == ["2020 leaves 5.0 mill of investment without named financing"]


def test_many_loans_without_a_figure_are_counted_in_the_message():
    text = ('budget "T" period 2020..2021\ninvest "Skole" oppvekst 2020=10 2021=10\n'
            + "".join(f'loan "Lån {i}" 2020=? 2021=5\n' for i in range(8)))
    [d] = [d for d in lint(text) if d.code == "BAL004" and d.message.startswith("the investment financing of 2020")]
    assert "`Lån 0` gives no borrowing figure for 2020; " in d.message
    assert "`Lån 5`" not in d.message
    assert d.message.endswith("; and 3 more loans give no figure for 2020; no draw or coverage is linked to an investment")


def test_financed_or_empty_years_are_silent():
    text = HEAD + ('invest "Tunge kjøretøy" miljø 2021=2.5 2022..2023=5\n'
                   'loan "Lån til tunge kjøretøy" 2021=2.5 2022..2023=5\n'
                   'item "A" oppvekst 2020=1\ncover "B" 2020=1\n')
    assert only(text) == []
