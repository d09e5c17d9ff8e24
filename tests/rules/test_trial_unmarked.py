"""TXT006 trial-unmarked: the text's words against the line's `trial`, and the fix."""

from __future__ import annotations

import pytest

from tests.helpers import lint

HEAD = 'budget "Eksempel" period 2020..2023\n'

FIRES = [
    'Vi starter et prøveprosjekt i en bydel.',
    'En prøveordning med gratis buss.',
    'Et forsøk med ny turnus.',
    'Vi starter en forsøksordning.',
    'Et pilotprosjekt på Heimdal.',
    'Et prøve-\n    prosjekt i to år.',
]
NEAR_MISSES = [
    'Et forsøk på å redusere køene.',
    'Vi vil forsøke å redusere køene.',
    'Dette er ikke et prøveprosjekt.',
    'Kommunedirektøren bes legge fram ei forskrift om prøveordning.',
    'Prøvesvar kommer raskere.',
]


def line(words: str, attributes: str = "") -> str:
    return HEAD + f'item "Tiltaket" oppvekst 2020=2 2021=4{attributes}\n  text """\n    {words}\n  """\n'


def found(text: str):
    return [d for d in lint(text) if d.code == "TXT006"]


def apply(text: str, diagnostic) -> str:
    for edit in sorted(diagnostic.fix.edits, key=lambda e: e.start, reverse=True):
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return text


@pytest.mark.parametrize("words", FIRES)
def test_fires_on_the_words_without_the_attribute(words):
    text = line(words)
    (d,) = found(text)
    assert d.message.endswith("but `Tiltaket` is not marked `trial`")
    assert d.span.line >= 4
    assert d.fix.safe is False
    fixed = apply(text, d)
    assert 'item "Tiltaket" oppvekst 2020=2 2021=4 trial\n' in fixed
    assert found(fixed) == []


@pytest.mark.parametrize("words", FIRES)
def test_silent_where_the_line_is_marked(words):
    assert found(line(words, " trial")) == []


@pytest.mark.parametrize("words", NEAR_MISSES)
def test_silent_on_near_misses(words):
    assert found(line(words)) == []


def test_points_at_the_words_and_quotes_them():
    text = line(FIRES[0])
    (d,) = found(text)
    row = text.split("\n")[d.span.line - 1]
    assert row[d.span.column - 1 : d.span.end_column - 1].lower() in d.message.lower()


def test_reads_the_name_too():
    text = HEAD + 'item "Tiltaket, Vi starter et prøveprosjekt i en bydel" oppvekst 2020=2\n'
    (d,) = found(text)
    assert d.span.line == 2
