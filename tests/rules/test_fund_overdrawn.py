"""BAL005 fund-overdrawn."""

from __future__ import annotations

from tests.helpers import lint, triples

HEAD = 'budget "T" period 2020..2023\n'


def only(text: str, config: dict | None = None):
    return [d for d in lint(text, config) if d.code == "BAL005"]


def test_overdrawn_year_by_year():
    text = HEAD + ('fund "Disposisjonsfondet" opening 10\n'
                   'allocate "Avsetning" 2021=5 to "Disposisjonsfondet"\n'
                   'draw "Fastlegetilskudd" 2020..2021=10 from "Disposisjonsfondet"\n'
                   'draw "Østmarka" 2021=3 2023=1 from "Disposisjonsfondet"\n')
    assert triples(text, "BAL005") == [(4, 25, "BAL005"), (5, 24, "BAL005")]
    a, b = only(text)
    assert a.message == ("`Disposisjonsfondet` is overdrawn in 2021: opening balance 10.0, allocations 5.0 and "
                         "draws 23.0 up to 2021 leave -8.0 mill (drawn in 2021: `Fastlegetilskudd` and `Østmarka`)")
    assert a.hint == "draw 8.0 mill less by 2021, or allocate that much more to the fund first"
    assert [(r.span.line, r.note) for r in a.related] == [(2, "opening balance 10.0"), (5, "also drawn in 2021")]
    assert b.message.startswith("`Disposisjonsfondet` is overdrawn in 2023: opening balance 10.0, allocations 5.0 "
                                "and draws 24.0 up to 2023 leave -9.0 mill")


def test_exactly_empty_and_rounding_are_not_overdrawn():
    text = HEAD + 'fund "F" opening 10\ndraw "D" 2020=6 2021=4 from "F"\n'
    assert only(text) == []
    assert only(text.replace("2021=4", "2021=4.05")) == []
    assert triples(text.replace("2021=4", "2021=4.1"), "BAL005") == [(3, 17, "BAL005")]
    assert only(text.replace("2021=4", "2021=4.1"), {"options": {"BAL005": {"tolerance": 0.1}}}) == []


def test_an_unknown_figure_stops_the_count():
    text = HEAD + 'fund "F" opening 10\nallocate "A" 2021=? to "F"\ndraw "D" 2020=6 2021..2023=4 from "F"\n'
    assert only(text) == []
    # An unknown before the overdraft does not hide it when the overdraft comes first.
    early = HEAD + 'fund "F" opening 1\nallocate "A" 2021=? to "F"\ndraw "D" 2020=6 from "F"\n'
    assert triples(early, "BAL005") == [(4, 10, "BAL005")]


def test_funds_without_opening_and_other_funds_are_not_followed():
    text = HEAD + ('fund "Uten saldo"\nfund "Annet" opening 100\n'
                   'draw "D" 2020=60 from "Uten saldo"\ndraw "E" 2020=6 from "Annet"\n')
    assert only(text) == []
