"""BAL003 borrowing-for-operations."""

from __future__ import annotations

from tests.helpers import lint, triples

HEAD = 'budget "T" period 2020..2021\n'


def only(text: str, config: dict | None = None):
    return [d for d in lint(text, config) if d.code == "BAL003"]


def test_a_loan_that_funds_an_item():
    text = HEAD + ('item "Barnetrygd" arbeid 2020..2021=8\n'
                   'loan "Økt låneopptak" 2020..2021=8\n'
                   'funds "Økt låneopptak" -> "Barnetrygd"\n')
    assert triples(text, "BAL003") == [(4, 1, "BAL003")]
    [d] = only(text)
    assert d.message == "borrowing used for operations: the loan `Økt låneopptak` funds `Barnetrygd`, an operating item"
    assert [(r.span.line, r.note) for r in d.related] == [(3, "the loan"), (2, "an operating item")]


def test_a_loan_reallocated_to_an_allocation_or_funding_a_directive():
    text = HEAD + ('fund "F"\n'
                   'allocate "Avsetning" 2020=1 to "F"\n'
                   'loan "Lån" 2020=1\n'
                   'reallocate "Lån" -> "Avsetning"\n'
                   'directive "Bystyresekretariatet" finans cost ? funded-by "Lån"\n')
    assert triples(text, "BAL003") == [(5, 1, "BAL003"), (6, 58, "BAL003")]
    a, b = only(text)
    assert a.message == ("borrowing used for operations: the loan `Lån` is reallocated to `Avsetning`, "
                         "an allocation to a fund")
    assert b.message == "borrowing used for operations: the directive `Bystyresekretariatet` is funded by the loan `Lån`"


def test_borrowing_that_no_investment_needs():
    text = HEAD + ('invest "Skole" oppvekst 2020=2\n'
                   'loan "Lån" 2020=5 2021=1\n')
    assert triples(text, "BAL003") == [(3, 12, "BAL003"), (3, 19, "BAL003")]
    a, b = only(text)
    assert a.message == ("2020 raises borrowing by 5.0 mill (`Lån`), 3.0 more than its investments need "
                         "(investments rise by 2.0)")
    assert a.hint.startswith("borrow 3.0 mill less in 2020")
    assert b.message == ("2021 raises borrowing by 1.0 mill (`Lån`), 1.0 more than its investments need "
                         "(investments are unchanged)")


def test_a_loan_linked_to_an_investment_may_exceed_it_too():
    text = HEAD + ('invest "Skole" oppvekst 2020=2\nloan "Lån" 2020=5\nfunds "Lån" -> "Skole"\n')
    assert triples(text, "BAL003") == [(3, 12, "BAL003")]


def test_draws_and_coverage_linked_to_an_investment_lower_what_it_needs():
    text = HEAD + ('invest "Skole" oppvekst 2020=10\nloan "Lån" 2020=10\n'
                   'fund "F"\ndraw "Fra fond" 2020=4 from "F"\nfunds "Fra fond" -> "Skole"\n')
    [d] = only(text)
    assert d.message == ("2020 raises borrowing by 10.0 mill (`Lån`), 4.0 more than its investments need "
                         "(investments rise by 10.0, of which draws and coverage linked to them pay 4.0)")


def test_within_tolerance_and_near_misses():
    exact = HEAD + 'invest "Skole" oppvekst 2020=2.5\nloan "Lån" 2020=2.5\n'
    rounding = HEAD + 'invest "Skole" oppvekst 2020=2.45\nloan "Lån" 2020=2.5\n'
    over = HEAD + 'invest "Skole" oppvekst 2020=2.4\nloan "Lån" 2020=2.5\n'
    assert only(exact) == [] and only(rounding) == []
    assert [d.message.split(",")[0] for d in only(over)] == ["2020 raises borrowing by 2.5 mill (`Lån`)"]
    assert only(over, {"options": {"BAL003": {"tolerance": 0.1}}}) == []


def test_lawful_borrowing_is_silent():
    text = HEAD + ('invest "Skolebygg" oppvekst 2020..2021=20\n'
                   'loan "Økt låneopptak" 2020..2021=20\n'
                   'funds "Økt låneopptak" -> "Skolebygg"\n'
                   'loan "Reduserte låneopptak" ? total -365 frees\n'  # borrowing less frees operating room
                   'invest "Kutt" oppvekst 2021=-5\nloan "Mindre lån" 2021=-5\n'
                   'loan "Ukjent" 2020=?\n')  # unknown: the year cannot be judged
    assert only(text) == []
