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


def test_the_remedies_continue_at_the_last_figure_as_written_or_end_the_ramp():
    from budsjett_lint.checker.editor.editor import apply_edits
    from budsjett_lint.dsl import parse
    from budsjett_lint.rules.ramp_stops import remedies

    text = ('budget "Eksempel" period 2020..2023 unit tusen\n'
            'item "Opptrapping av grunnbemanning" helse 2020=20000 2021=40000\n  ramp\n')
    [finding] = [d for d in lint(text) if d.code == "RMP008"]
    budget = parse(text).budget
    fixes = remedies(budget, finding.span)
    assert [f.description for f in fixes] == ["continue at the last figure: `2022..2023=40000`",
                                              "end the ramp: `until 2021`"]
    fixed = [apply_edits(text, list(f.edits)) for f in fixes]
    assert "2020=20000 2021=40000 2022..2023=40000\n  ramp\n" in fixed[0]  # in the file's unit, as written
    assert "2021=40000\n  ramp until 2021\n" in fixed[1]
    for t in fixed:
        assert [d.code for d in lint(t) if d.code.startswith("RMP")] == []
    assert remedies(budget, budget.entries[0].name.span) == []  # nothing away from the finding
