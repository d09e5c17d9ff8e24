"""BAL014: an amendment that leaves a year that balanced unbalanced or unverifiable."""

from __future__ import annotations

from budsjett_lint.checker.amend.amendment import check_amendment
from tests.helpers import codes

BASE = """\
budget "Eksempel" period 2020..2021
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7.0
cover "Innkjøp" 2020=3.5 2021=7.0
"""


def found(base: str, head: str) -> list[str]:
    return [d.message for d in check_amendment(base, head).diagnostics if d.code == "BAL014"]


def test_fires_on_a_gap_a_surplus_and_a_missing_figure():
    [gap] = found(BASE, BASE.replace("cover \"Innkjøp\" 2020=3.5 2021=7.0", "cover \"Innkjøp\" 2020=3.5 2021=5.0"))
    assert gap == ("the amendment leaves a balanced year unbalanced: 2021 balanced before and has a gap of 2.0 "
                   "after; by the lines it adds or changes: changed cover `Innkjøp` (line 3: 2021 +2.0)")
    [surplus] = found(BASE, BASE + 'cover "Salg" 2020=1\n')
    assert "2020 balanced before and has a surplus of 1.0 after" in surplus
    [unknown] = found(BASE, BASE + 'cover "Salg" 2020=?\n')
    assert "2020 balanced before and cannot be verified (1 line without a figure, known gap 0.0) after" in unknown


def test_one_finding_names_every_year():
    [message] = found(BASE, BASE + 'item "Ny" oppvekst 2020=1 2021=2\n')
    assert "2020 balanced before and has a gap of 1.0 after; 2021 balanced before and has a gap of 2.0" in message
    assert "added item `Ny` (line 4: 2020 +1.0, 2021 +2.0)" in message


def test_silent_when_balanced_after_a_year_new_to_the_plan_and_alone():
    assert found(BASE, BASE + 'item "Ny" oppvekst 2021=2\ncover "Kutt" 2021=2\n') == []
    longer = BASE.replace("2020..2021", "2020..2022") + 'item "Ny" oppvekst 2022=2\n'
    assert found(BASE, longer) == []  # 2022 was not a year of the base: BAL001 reports it
    assert "BAL014" not in codes(BASE + 'item "Ny" oppvekst 2021=2\n')
