"""RMP005: a one-off change with amounts in more than one year."""

from __future__ import annotations

from tests.helpers import lint, triples

HEAD = 'budget "Trondheimsbudsjettet" period 2020..2023\n'


def rmp005(text: str):
    return [d for d in lint(HEAD + text) if d.code == "RMP005"]


def test_a_one_off_that_recurs_fires_at_its_second_year():
    text = HEAD + 'item "Veteranhus" finans 2020=400 000 kr 2021=400 000 kr oneoff\n'
    assert triples(text, "RMP005") == [(2, 42, "RMP005")]
    (d,) = rmp005(text[len(HEAD):])
    assert d.message == "`Veteranhus` is one-off, but has 0.4 in 2020 and 0.4 in 2021"
    assert [(r.span.column, r.note) for r in d.related] == [(26, "the one-off amount, 2020")]


def test_one_year_is_silent():
    text = (
        'item "Veteranhus" finans 2020=400 000 kr heading 0.4 oneoff\n'
        'allocate "Avsetning til disposisjonsfondet" 2020=14.6 2021..2023=0 to "Disposisjonsfondet" oneoff\n'
        'fund "Disposisjonsfondet"\n'
    )
    assert rmp005(text) == []


def test_unknown_years_count_as_amounts_and_ranges_recur():
    assert len(rmp005('item "Feministhus" kultur 2020=0.3 2021=? oneoff\n')) == 1
    (d,) = rmp005('invest "Skolebygg" oppvekst 2022..2023=? oneoff\n')
    assert d.message == "`Skolebygg` is one-off, but has ? in 2022 and ? in 2023"


def test_the_same_line_without_oneoff_is_silent():
    assert rmp005('item "Kunnskap om kvinnehelse" helse 2020..2021=300 000 kr\n') == []
