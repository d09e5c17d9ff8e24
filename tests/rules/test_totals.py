"""The shared operating balance (`rules/totals.py`)."""

from __future__ import annotations

from decimal import Decimal

from budsjett_lint.dsl import parse
from budsjett_lint.rules.totals import operating_balance

from tests.helpers import codes

HEAD = 'budget "T" period 2020..2021\nfund "F"\n'


def balance(text: str):
    return {y.year: y for y in operating_balance(parse(HEAD + text).budget)}


def test_sides_draws_and_allocations():
    b = balance('item "A" oppvekst 2020=10\nallocate "B" 2020=2 to "F"\ncover "C" 2020=7\ndraw "D" 2020=5 from "F"\n')
    y = b[2020]
    assert (y.spend, y.cover, y.draws, y.allocations, y.gap) == (12, 12, 5, 2, 0)
    assert b[2021].gap == 0 and b[2021].verifiable


def test_coverage_paid_to_an_investment_leaves_the_operating_balance():
    text = ('item "A" oppvekst 2020=10\ncover "Innkjøp" 2020=13\ninvest "Skole" oppvekst 2020=3\n'
            'funds "Innkjøp" -> "Skole" 2020=3\n')
    assert balance(text)[2020].cover == Decimal(10)
    assert "BAL001" not in codes(HEAD + text)
    # Without amounts of its own, the link takes what its use needs: the investment's 3.
    assert balance(text.replace('-> "Skole" 2020=3', '-> "Skole"'))[2020].cover == Decimal(10)


def test_an_unknown_part_paid_to_an_investment_makes_the_line_unknown():
    text = ('item "A" oppvekst 2020=10\ndraw "D" 2020=13 from "F"\ninvest "Skole" oppvekst 2020=3\n'
            'funds "D" -> "Skole" 2020=?\n')
    y = balance(text)[2020]
    assert [e.name.text for e in y.unknown] == ["D"]
    assert balance(text)[2021].verifiable


def test_links_to_operations_do_not_move_coverage():
    text = 'item "A" oppvekst 2020=10\ncover "C" 2020=10\nfunds "C" -> "A" 2020=10\n'
    assert balance(text)[2020].cover == Decimal(10)
