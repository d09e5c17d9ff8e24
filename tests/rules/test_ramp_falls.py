"""RMP002: a ramp declared increasing whose amounts fall."""

from __future__ import annotations

from tests.helpers import lint, triples

HEAD = 'budget "Trondheimsbudsjettet" period 2020..2023\n'


def rmp002(text: str):
    return [d for d in lint(HEAD + text) if d.code == "RMP002"]


def test_seed_ramps_are_silent():
    text = (
        'invest "Utskifting av tunge kjøretøy" miljø 2021=2.5 2022..2023=5 ramp\n'
        'cover "Innkjøp" 2020=15 2021..2022=? 2023=25 ramp\n'
        'item "Opptrapping av grunnbemanning i eldreomsorgen" helse 2020=20 2021=40 heading 20 ramp\n'
        'cover "Effektivisering" 2021=5 2022=? 2023=10 ramp exempt oppvekst helse\n'
    )
    assert rmp002(text) == []


def test_a_fall_fires_at_the_lower_year():
    text = HEAD + 'item "Klimatiltak" miljø 2020=4 2021=5.5 2022=6.3 2023=2.3 ramp\n'
    assert triples(text, "RMP002") == [(2, 51, "RMP002")]
    (d,) = rmp002(text[len(HEAD):])
    assert d.message == "the ramp falls from 6.3 in 2022 to 2.3 in 2023"
    assert [(r.span.column, r.note) for r in d.related] == [(42, "2022 is 6.3")]


def test_the_same_line_without_ramp_is_silent():
    assert rmp002('item "Klimatiltak" miljø 2020=4 2021=5.5 2022=6.3 2023=2.3\n') == []


def test_a_fall_across_an_unknown_year_is_found():
    (d,) = rmp002('cover "Innkjøp" 2020=15 2021..2022=? 2023=14.9 ramp\n')
    assert d.message == "the ramp falls from 15.0 in 2020 to 14.9 in 2023"


def test_equal_years_are_a_level_ramp():
    assert rmp002('item "A" helse 2020=1 2021..2023=2 ramp\n') == []


def test_every_fall_is_reported():
    found = rmp002('item "A" helse 2020=5 2021=4 2022=6 2023=3 ramp\n')
    assert [d.message for d in found] == ["the ramp falls from 5.0 in 2020 to 4.0 in 2021",
                                          "the ramp falls from 6.0 in 2022 to 3.0 in 2023"]


def test_a_ramp_of_cuts_written_negative_grows_in_size():
    assert rmp002('item "Effektivisering trossamfunn" kultur 2021=-1 2022=-2 2023=-3 ramp\n') == []
    (d,) = rmp002('item "Effektivisering trossamfunn" kultur 2021=-2 2022=-1 ramp\n')
    assert d.message == "the ramp shrinks from -2.0 in 2021 to -1.0 in 2022"


def test_years_are_compared_in_order_whatever_the_order_of_writing():
    assert rmp002('item "A" helse 2021=2 2020=1 ramp\n') == []
