"""BAL013: an amendment that widens the gap of a year that does not balance."""

from __future__ import annotations

from budsjett_lint.checker.amend.amendment import check_amendment
from tests.helpers import codes

BASE = """\
budget "Eksempel" period 2020..2021
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7.0
cover "Redusert vikarinnleie barnehage" oppvekst 2020=? 2021=?
"""


def found(base: str, head: str) -> list[str]:
    return [d.message for d in check_amendment(base, head).diagnostics if d.code == "BAL013"]


def test_fires_on_new_spending_in_an_unverifiable_year():
    [message] = found(BASE, BASE + 'item "Ny ekstra satsing" oppvekst 2021=2\n')
    assert message == ("the amendment widens the gap of a year that does not balance: 2021: known gap grew from "
                       "7.0 to 9.0; by the lines it adds or changes: added item `Ny ekstra satsing` (line 4: 2021 +2.0)")


def test_fires_on_a_cut_coverage_in_a_year_with_a_gap():
    base = 'budget "E" period 2020..2020\nitem "A" oppvekst 2020=5\ncover "B" 2020=3\n'
    [message] = found(base, base.replace("2020=3", "2020=2"))
    assert "2020: gap grew from 2.0 to 3.0" in message and "changed cover `B` (line 3: 2020 +1.0)" in message


def test_a_known_surplus_that_becomes_a_gap_is_said_so_without_a_negative_gap():
    base = 'budget "E" period 2020..2020\nitem "A" oppvekst 2020=?\ncover "B" 2020=1\n'
    [message] = found(base, base + 'item "Ny" oppvekst 2020=7\n')
    assert "2020: known surplus of 1.0 became a known gap of 6.0" in message
    assert "-1.0" not in message


def test_fires_on_a_new_line_without_a_figure_in_an_unverifiable_year():
    [message] = found(BASE, BASE + 'item "Ny" oppvekst 2021=?\n')
    assert "2021: lines without a figure grew from 1 to 2" in message


def test_silent_on_a_funded_amendment_a_smaller_gap_and_alone():
    assert found(BASE, BASE + 'item "Ny" oppvekst 2021=2\ncover "Kutt" 2021=2\n') == []
    assert found(BASE, BASE.replace("2021=7.0", "2021=6.0")) == []
    assert found(BASE, BASE + 'item "Ny" oppvekst 2021=0.04\n') == []  # within the tolerance
    assert "BAL013" not in codes(BASE + 'item "Ny ekstra satsing" oppvekst 2021=2\n')  # no base, no finding
