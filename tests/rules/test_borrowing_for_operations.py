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
    assert d.message == ("borrowing used for operations: the loan `Økt låneopptak` funds `Barnetrygd`, an operating "
                         "item; it is the operating gap, 8.0 in each year 2020–2021, which borrowing may not cover")
    assert [x.code for x in lint(text)] == ["BAL003"]  # one mistake, one finding: no BAL001 a year beside it
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
                         "an allocation to a fund; it is the operating gap, 1.0 in 2020, which borrowing may "
                         "not cover")
    assert b.message == "borrowing used for operations: the directive `Bystyresekretariatet` is funded by the loan `Lån`"


def test_borrowing_that_no_investment_needs():
    text = HEAD + ('invest "Skole" oppvekst 2020=2\n'
                   'loan "Lån" 2020=5 2021=1\n')
    # one loan line, one mistake: one finding with each year's figures, the other year related
    assert triples(text, "BAL003") == [(3, 12, "BAL003")]
    [d] = only(text)
    assert d.message == ("2020–2021 raise borrowing by 5.0 in 2020 and 1.0 in 2021 (`Lån`), 3.0 in 2020 and 1.0 "
                         "in 2021 more than their investments need (investments change by 2.0 in 2020 and 0.0 in 2021)")
    assert d.hint.startswith("borrow 3.0 in 2020 and 1.0 in 2021 less, or name the investment")
    assert [(r.span.line, r.span.column, r.note) for r in d.related] == [(3, 19, "borrowing rises")]
    one_year = HEAD + 'invest "Skole" oppvekst 2020=2\nloan "Lån" 2020=5\n'
    assert [d.message for d in only(one_year)] == [
        "2020 raises borrowing by 5.0 mill (`Lån`), 3.0 more than its investments need (investments rise by 2.0)"]
    assert only(one_year)[0].hint.startswith("borrow 3.0 mill less in 2020")


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


def test_a_loan_written_to_pay_for_an_item_is_one_finding_with_the_remedy():
    """No link: borrowing that no investment needs, the same each year, and an item it was
    written to pay for. One line, one mistake: one BAL003 over the years, saying the gap and
    how to cover it, and no BAL001 for the years whose gap the borrowing is."""
    text = ('budget "T" period 2020..2023\nitem "Barnetrygd" arbeid 2020..2023=10\n'
            'loan "Økt låneopptak" 2020..2023=10\n')
    (d,) = lint(text)
    assert (d.code, d.span.line) == ("BAL003", 3)
    assert d.message == ("2020–2023 each raise borrowing by 10.0 mill (`Økt låneopptak`), 10.0 more than their "
                         "investments need (investments are unchanged); it is the operating gap, 10.0 in each year 2020–2023, "
                         "which borrowing may not cover")
    assert d.hint == ("cover the 10.0 mill that operations lack in each year 2020–2023 with coverage or a fund "
                      "draw, and borrow 10.0 mill less: borrowing may finance investments only")
    fixed = text.replace('loan "Økt låneopptak"', 'cover "Innkjøp"')
    assert lint(fixed) == ()


def test_a_gap_larger_than_the_borrowing_is_bal001s_too():
    """Near miss: the loan covers 4 of a gap of 10; the other 6 are a second mistake, BAL001's."""
    text = HEAD + 'item "Barnetrygd" arbeid 2020..2021=10\nloan "Økt låneopptak" 2020..2021=4\n'
    found = [(d.code, d.message.split(";")[0]) for d in lint(text)]
    assert found == [("BAL001", "2020 does not balance: spend 10.0, covered 0.0, gap 10.0 mill"),
                     ("BAL001", "2021 does not balance: spend 10.0, covered 0.0, gap 10.0 mill"),
                     ("BAL003", "2020–2021 each raise borrowing by 4.0 mill (`Økt låneopptak`), 4.0 more than "
                                "their investments need (investments are unchanged)")]
    assert lint(text)[0].message.endswith("gap 10.0 mill; borrowing put to operations pays 4.0 of it, which "
                                          "borrowing may not (BAL003)")


def test_borrowing_beside_a_balanced_operating_budget_says_no_gap():
    """Near miss: the item is covered; the loan no investment needs is a mistake of its own."""
    text = HEAD + ('item "Barnetrygd" arbeid 2020..2021=10\ncover "Innkjøp" 2020..2021=10\n'
                   'loan "Økt låneopptak" 2020..2021=10\n')
    (d,) = lint(text)
    assert d.code == "BAL003" and "operating gap" not in d.message
    assert d.hint.startswith("borrow 10.0 mill less in each year 2020–2021, or name the investment")


def test_a_loan_marked_frees_that_borrows_more_is_one_finding_too():
    """`frees` marks borrowing less (lower repayments); on a loan that borrows more for an item it
    frees nothing, so the years are not left open (no BAL002 a year): BAL003 says it once."""
    text = ('budget "T" period 2020..2023\nitem "Barnetrygd" arbeid 2020..2023=10\n'
            'loan "Økt låneopptak" 2020..2023=10 frees\n')
    (d,) = lint(text)
    assert d.code == "BAL003"
    assert d.message.endswith("it is the operating gap, 10.0 in each year 2020–2023, which borrowing may not "
                              "cover; `Økt låneopptak` is marked `frees`, but borrowing more frees no operating room")


def test_a_loan_marked_frees_that_an_investment_needs_leaves_its_years_open():
    """Near miss: the borrowing is needed (the investment), so BAL003 is silent and BAL002 still says
    the years cannot be verified for the mark."""
    text = HEAD + 'invest "Skole" oppvekst 2020..2021=10\nloan "Økt låneopptak" 2020..2021=10 frees\n'
    assert [d.code for d in lint(text)] == ["BAL002", "BAL002"]


def test_a_loan_with_other_figures_each_year_written_to_pay_for_an_item_is_one_finding():
    """The loan rises with the item it pays for, 5, 7, 9 and 11: one line, one mistake, one BAL003
    naming every year and its amount (not one a year), and no BAL001 beside it."""
    text = ('budget "T" period 2020..2023\nitem "Barnetrygd" arbeid 2020=5 2021=7 2022=9 2023=11\n'
            'loan "Økt låneopptak" 2020=5 2021=7 2022=9 2023=11\n')
    (d,) = lint(text)
    assert (d.code, d.span.line, d.span.column) == ("BAL003", 3, 23)
    assert d.message == ("2020–2023 raise borrowing by 5.0 in 2020, 7.0 in 2021, 9.0 in 2022 and 11.0 in 2023 "
                         "(`Økt låneopptak`), all of it more than their investments need (investments are unchanged); "
                         "it is each year's operating gap, which borrowing may not cover")
    assert d.hint == ("cover what operations lack, 5.0 in 2020, 7.0 in 2021, 9.0 in 2022 and 11.0 in 2023, with "
                      "coverage or a fund draw, and borrow as much less: borrowing may finance investments only")
    assert [(r.span.column, r.note) for r in d.related] == [(30, "borrowing rises"), (37, "borrowing rises"),
                                                              (44, "borrowing rises")]
    # near miss: the same written as coverage balances and is silent
    assert lint(text.replace('loan "Økt låneopptak"', 'cover "Innkjøp"')) == ()
    # near miss: the loan finances an investment of the same sizes: lawful
    assert only(text.replace('item "Barnetrygd" arbeid', 'invest "Skolebygg" oppvekst')) == []


def test_a_loan_with_other_figures_each_year_beside_a_larger_gap():
    """The loan pays part of each year's gap: one BAL003 that says each year's gap, and BAL001 for the rest."""
    text = ('budget "T" period 2020..2021\nitem "Barnetrygd" arbeid 2020=10 2021=12\n'
            'loan "Økt låneopptak" 2020=4 2021=6\n')
    found = lint(text)
    assert [d.code for d in found] == ["BAL001", "BAL001", "BAL003"]
    d = found[-1]
    assert d.message == ("2020–2021 raise borrowing by 4.0 in 2020 and 6.0 in 2021 (`Økt låneopptak`), all of it "
                         "more than their investments need (investments are unchanged)")


def test_two_loans_in_different_years_are_two_mistakes():
    """Near miss of the grouping: two loan lines, each in its own year, stay two findings."""
    text = HEAD + 'loan "Lån A" 2020=5\nloan "Lån B" 2021=3\n'
    assert [(d.span.line, d.message.split(" (")[0]) for d in only(text)] == [
        (2, "2020 raises borrowing by 5.0 mill"), (3, "2021 raises borrowing by 3.0 mill")]
