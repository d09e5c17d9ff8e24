"""RMP004: a permanent change whose amounts stop before the plan ends."""

from __future__ import annotations

from tests.helpers import lint, triples

HEAD = 'budget "Trondheimsbudsjettet" period 2020..2023\n'


def rmp004(text: str, head: str = HEAD):
    return [d for d in lint(head + text) if d.code == "RMP004"]


def test_a_permanent_change_that_stops_fires_at_its_last_amount():
    text = HEAD + 'item "Ung i jobb" finans 2020..2021=400 000 kr heading 0.4 permanent\n'
    assert triples(text, "RMP004") == [(2, 26, "RMP004")]
    (d,) = rmp004(text[len(HEAD):])
    assert d.message == "`Ung i jobb` is permanent, but its amounts stop after 2021; the plan runs to 2023"
    assert d.hint == "state the amounts of 2022..2023, or replace `permanent` with `until 2021` if the change ends"
    assert [(r.span.column, r.note) for r in d.related] == [(60, "declared permanent here")]


def test_a_permanent_change_to_the_end_of_the_plan_is_silent():
    text = (
        'item "Ung i jobb" finans 2020..2023=400 000 kr heading 0.4 permanent\n'
        'item "Brygga - individuell jobbstøtte" arbeid 2021..2023=5 permanent\n'  # "fra 2021"
        'item "Matsentralen" miljø 2020=0.3 2021..2023=? permanent\n'
    )
    assert rmp004(text) == []


def test_an_explicit_zero_at_the_end_is_a_stop():
    (d,) = rmp004('item "Matsentralen" miljø 2020..2022=0.3 2023=0 permanent\n')
    assert "stop after 2022" in d.message and d.hint.startswith("state the amounts of 2023,")


def test_the_same_line_without_permanent_is_silent():
    assert rmp004('item "Renhold" miljø 2020..2021=0.6 until 2021\n') == []


def test_silent_without_a_period_or_without_amounts():
    assert rmp004('item "A" finans 2020=1 permanent\n', head='budget "Eksempel"\n') == []
    assert rmp004('item "Utstyrspott" oppvekst ? permanent\n') == []
    assert rmp004('item "Utstyrspott" oppvekst 2020..2023=0 permanent\n') == []
