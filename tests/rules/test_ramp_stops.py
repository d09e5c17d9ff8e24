"""RMP008: a ramp whose stated years end before the plan does."""

from __future__ import annotations

from tests.helpers import codes, lint, triples

HEAD = 'budget "E" period 2020..2023\n'


def rmp008(text: str):
    return [d for d in lint(HEAD + text) if d.code == "RMP008"]


def test_a_ramp_stated_for_two_years_of_four():
    text = HEAD + 'item "Opptrapping av grunnbemanning i eldreomsorgen" helse 2020=20 2021=40 ramp\n'
    assert triples(text, "RMP008") == [(2, 68, "RMP008")]
    (d,) = rmp008(text[len(HEAD):])
    assert d.message == ("the ramp `Opptrapping av grunnbemanning i eldreomsorgen` is stated up to 2021 (40.0), "
                         "but the plan runs to 2023: what it costs in 2022..2023 is unknown")
    assert d.hint == ("state 2022..2023 (`2022..2023=40.0` if it continues at the last figure), "
                      "or add `until 2021` if the ramp ends")
    # the later years are unknown to the balance, the line named, not zero spending
    bal002 = [m for m in lint(text) if m.code == "BAL002"]
    assert [m.message[:4] for m in bal002] == ["2022", "2023"]
    assert bal002[0].related[0].note == "no figure for 2022: ramp, stated only up to 2021"


def test_near_misses_stay_silent():
    assert rmp008('item "A" helse 2020=20 2021..2023=40 ramp\n') == []  # continues at the last figure
    assert rmp008('item "A" helse 2020=20 2021=40 ramp until 2021\n') == []  # marked as ending
    assert rmp008('item "A" helse 2020=20 2021=40\n') == []  # not a ramp
    assert rmp008('item "A" helse ? ramp\n') == []  # no amounts: BAL002 already


def test_a_ramp_that_ends_with_until_stops_counting():
    text = HEAD + 'item "A" helse 2020=20 2021=40 ramp until 2021\ncover "C" 2020=20 2021=40\n'
    assert not {"BAL001", "BAL002", "RMP008"} & set(codes(text))
