"""STR008 duplicate-year."""

from __future__ import annotations

from tests.helpers import lint, triples

HEAD = 'budget "T" period 2020..2023\n'


def only(text: str):
    return [d for d in lint(text) if d.code == "STR008"]


def test_a_year_written_twice():
    text = HEAD + 'item "A" oppvekst 2020=1 2020=2\n'
    [d] = only(text)
    assert (d.span.line, d.span.column) == (2, 26)
    assert d.message == "`A` gives 2020 twice (2020: 1.0 and 2.0)"
    assert [(r.span.column, r.note) for r in d.related] == [(19, "`2020=1` gives it first")]


def test_overlapping_ranges():
    text = HEAD + 'cover "Innkjøp" 2020..2022=15 2021..2023=25\n'
    [d] = only(text)
    assert (d.span.line, d.span.column) == (2, 31)
    assert d.message == "`Innkjøp` gives 2021, 2022 twice (2021: 15.0 and 25.0; 2022: 15.0 and 25.0)"
    assert len(d.related) == 1


def test_link_amounts():
    text = HEAD + 'cover "A" 2020=1\nitem "B" oppvekst 2020=1\nfunds "A" -> "B" 2020=0.5 2020=0.5\n'
    assert triples(text, "STR008") == [(4, 27, "STR008")]


def test_a_third_time_is_reported_again():
    assert triples(HEAD + 'cover "A" 2020=1 2020=1 2020=1\n', "STR008") == [(2, 18, "STR008"), (2, 25, "STR008")]


def test_adjacent_ranges_and_different_lines_are_silent():
    text = HEAD + ('cover "Innkjøp" 2020..2021=15 2022..2023=25\n'
                   'item "A" oppvekst 2020=1\n'
                   'item "B" oppvekst 2020=1\n')
    assert triples(text, "STR008") == []
