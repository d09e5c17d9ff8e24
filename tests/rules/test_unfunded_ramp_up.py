"""FUN002: growth of operating spending that coverage does not meet, said in BAL001's finding for the year."""

from __future__ import annotations

from tests.helpers import lint, triples

HEAD = 'budget "Trondheimsbudsjettet" period 2020..2021\n'


def found(text: str, code: str, config: dict | None = None):
    return [d for d in lint(text, config) if d.code == code]


RAMP = HEAD + (
    'item "Opptrapping av grunnbemanning i eldreomsorgen" helse 2020=20 2021=40 ramp\n'
    'item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7.0 halfyear\n'
    'cover "Innkjøp" 2020=23.5 2021=25\n'
)


def test_an_uncovered_ramp_up_is_one_finding_of_bal001_with_the_growing_lines():
    assert found(RAMP, "FUN002") == []
    (d,) = found(RAMP, "BAL001")
    assert d.message == (
        "2021 does not balance: spend 47.0, covered 25.0, gap 22.0 mill (from 2020 spending grows by 23.5 but "
        "coverage only by 1.5, leaving 22.0 of the growth uncovered; growing: "
        "`Opptrapping av grunnbemanning i eldreomsorgen` +20.0 and `Toppet bemanning i barnehage` +3.5)"
    )
    assert [(r.span.line, r.span.column, r.note) for r in d.related] == [
        (2, 68, "`Opptrapping av grunnbemanning i eldreomsorgen` grows by 20.0 from 2020 to 2021"),
        (3, 55, "`Toppet bemanning i barnehage` grows by 3.5 from 2020 to 2021")]
    assert d.hint.startswith("cover 22.0 mill more in 2021 with coverage that grows with the ramp")


def test_coverage_that_grows_with_the_ramp_is_silent():
    assert found(RAMP + 'cover "Innleie av arbeidskraft" 2021=22\n', "BAL001") == []


def test_a_gap_without_growth_says_no_growth():
    text = HEAD + 'item "Kulturskolen" oppvekst 2020..2021=1\ncover "Innkjøp" 2020=1 2021=0.5\n'
    (d,) = found(text, "BAL001")
    assert d.message == "2021 does not balance: spend 1.0, covered 0.5, gap 0.5 mill" and d.related == ()


def test_coverage_that_falls_while_spending_grows_is_said_so():
    text = HEAD + 'item "Kulturskolen" oppvekst 2020=1 2021=2\ncover "Innkjøp" 2020=1 2021=0.5\n'
    (d,) = found(text, "BAL001")
    assert "(from 2020 spending grows by 1.0 but coverage falls by 0.5, leaving 1.5 of the growth" in d.message


def test_an_efficiency_demand_written_as_a_negative_ramp_is_one_finding():
    """The cut written negative on a cover line: coverage lost, and each year's gap is twice the
    cut, so the sign is the whole mistake: BAL007 says it once, never a BAL001 or FUN002 a year.
    Where a year lacks more than the sign, that year's BAL001 stays."""
    text = ('budget "E" period 2020..2023\nitem "Tiltak" oppvekst 2021=5 2022=7.5 2023=10\n'
            'cover "Effektivisering" 2021=-5 2022=-7.5 2023=-10 ramp\n')
    codes = [d.code for d in lint(text)]
    assert codes == ["BAL007"]
    (d,) = found(text, "BAL007")
    assert "all of the gap of 2021–2023 (10.0 mill in 2021, 15.0 mill in 2022 and 20.0 mill in 2023)" in d.message
    short = text.replace("2023=10\n", "2023=12\n")
    assert [d.message.split(" (")[0] for d in found(short, "BAL001")] == [
        "2023 does not balance: spend 12.0, covered -10.0, gap 22.0 mill"]
    positive = text.replace("=-", "=")
    assert [d.code for d in lint(positive) if d.code.startswith(("BAL", "FUN"))] == []


def test_the_many_growing_lines_are_counted_and_the_rest_are_related():
    text = 'budget "Eksempel" period 2020..2023\n' + "".join(
        f'item "Tiltak {i}" oppvekst 2020=0 2021={i} 2022={i} 2023={2 * i}\n' for i in range(1, 8))
    first = found(text, "BAL001")[0]
    assert first.message.endswith(
        "`Tiltak 7` +7.0, `Tiltak 6` +6.0, `Tiltak 5` +5.0, `Tiltak 4` +4.0, `Tiltak 3` +3.0 and 2 more)")
    assert len(first.related) == 7
    assert triples(text, "FUN002") == []
