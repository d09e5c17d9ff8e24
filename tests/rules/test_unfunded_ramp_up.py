"""FUN002: growth of operating spending from one plan year to the next that coverage does not meet."""

from __future__ import annotations

from tests.helpers import lint, triples

HEAD = 'budget "Trondheimsbudsjettet" period 2020..2021\n'


def fun002(text: str, config: dict | None = None):
    return [d for d in lint(text, config) if d.code == "FUN002"]


RAMP = HEAD + (
    'item "Opptrapping av grunnbemanning i eldreomsorgen" helse 2020=20 2021=40 ramp\n'
    'item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7.0 halfyear\n'
    'cover "Innkjøp" 2020=23.5 2021=25\n'
)


def test_an_uncovered_ramp_up_fires_at_the_entry_that_grows_most():
    assert triples(RAMP, "FUN002") == [(2, 68, "FUN002")]
    (d,) = fun002(RAMP)
    assert d.message == (
        "from 2020 to 2021 operating spending grows by 23.5 mill but coverage only by 1.5: "
        "22.0 mill of the growth is not covered; growing: "
        "`Opptrapping av grunnbemanning i eldreomsorgen` +20.0 and `Toppet bemanning i barnehage` +3.5"
    )
    assert [(r.span.line, r.span.column, r.note) for r in d.related] == [
        (3, 55, "`Toppet bemanning i barnehage` grows by 3.5 from 2020 to 2021")]
    assert d.hint.startswith("cover 22.0 mill more in 2021")
    assert d.severity == "error"


def test_coverage_that_grows_with_the_ramp_is_silent():
    assert fun002(RAMP + 'cover "Innleie av arbeidskraft" 2021=22\n') == []


def test_near_misses_within_the_tolerance():
    within = HEAD + 'item "Skolehelsetjenesten" oppvekst 2020=2.6 2021=5.1\ncover "Innkjøp" 2020=2.6 2021=5.05\n'
    beyond = HEAD + 'item "Skolehelsetjenesten" oppvekst 2020=2.6 2021=5.1\ncover "Innkjøp" 2020=2.6 2021=5.04\n'
    assert fun002(within) == []
    (d,) = fun002(beyond)
    assert "but coverage only by 2.44: 0.06 mill of the growth is not covered;" in d.message
    assert fun002(within, {"options": {"FUN002": {"tolerance": 0}}}) != []


def test_a_year_without_figures_is_left_to_bal002():
    text = HEAD + 'item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7.0\ncover "Innkjøp" 2020=3.5 2021=?\n'
    assert fun002(text) == []
    unknown_line = text.replace('cover "Innkjøp" 2020=3.5 2021=?', 'cover "Udisponert reserve" ?')
    assert fun002(unknown_line) == []


def test_a_surplus_of_the_earlier_year_covers_part_of_the_growth():
    all_of_it = HEAD + 'item "Kulturskolen" oppvekst 2020=1 2021=2\ncover "Innkjøp" 2020=3 2021=3\n'
    assert fun002(all_of_it) == []
    part = HEAD + 'item "Kulturskolen" oppvekst 2020=1 2021=5\ncover "Innkjøp" 2020=3 2021=3\n'
    (d,) = fun002(part)
    assert "2.0 mill of the growth is not covered (the surplus of 2.0 in 2020 covers the rest)" in d.message


def test_falling_coverage_without_growing_spending_is_no_ramp_up():
    text = HEAD + 'item "Kulturskolen" oppvekst 2020..2021=1\ncover "Innkjøp" 2020=1 2021=0.5\n'
    found = [d.code for d in lint(text)]
    assert "FUN002" not in found and "BAL001" in found


def test_coverage_that_falls_while_spending_grows_is_said_so():
    text = HEAD + 'item "Kulturskolen" oppvekst 2020=1 2021=2\ncover "Innkjøp" 2020=1 2021=0.5\n'
    (d,) = fun002(text)
    assert "grows by 1.0 mill but coverage falls by 0.5: 1.5 mill" in d.message


def test_allocations_count_as_spending_and_draws_as_coverage():
    text = HEAD + (
        'fund "Disposisjonsfondet"\n'
        'allocate "Avsetning til disposisjonsfondet" 2021=14.6 to "Disposisjonsfondet"\n'
        'cover "Innkjøp" 2020..2021=0\n'
    )
    (d,) = fun002(text)
    assert "`Avsetning til disposisjonsfondet` +14.6" in d.message
    drawn = text + 'draw "Bruk av disposisjonsfondet" 2021=14.6 from "Disposisjonsfondet"\n'
    assert fun002(drawn) == []


def test_every_pair_of_years_is_checked_and_many_growing_entries_are_counted():
    text = 'budget "Eksempel" period 2020..2023\n' + "".join(
        f'item "Tiltak {i}" oppvekst 2020=0 2021={i} 2022={i} 2023={2 * i}\n' for i in range(1, 8))
    found = fun002(text)
    assert [d.message.split(" operating")[0] for d in found] == ["from 2020 to 2021", "from 2022 to 2023"]
    first = found[0]
    assert first.message.endswith(
        "`Tiltak 7` +7.0, `Tiltak 6` +6.0, `Tiltak 5` +5.0, `Tiltak 4` +4.0, `Tiltak 3` +3.0 and 2 more")
    assert (first.span.line, first.span.column) == (8, 33)  # Tiltak 7's 2021, the largest growth
    assert len(first.related) == 6


def test_growth_names_are_ordered_by_size_then_name_not_by_position():
    a = HEAD + 'item "B" oppvekst 2021=1\nitem "A" oppvekst 2021=1\ncover "C" 2020=0\n'
    (d,) = fun002(a)
    assert d.message.endswith("growing: `A` +1.0 and `B` +1.0")
