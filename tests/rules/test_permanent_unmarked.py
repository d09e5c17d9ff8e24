"""TXT004 permanent-unmarked: the text's words against the line's `permanent`, and the fix."""

from __future__ import annotations

import pytest

from tests.helpers import lint

HEAD = 'budget "Eksempel" period 2020..2023\n'

FIRES = [
    'Vi gir en varig styrking av tjenesten.',
    'Dette er varige midler.',
    'Økningen er permanent.',
    'Tiltaket skal permanenteres.',
]
NEAR_MISSES = [
    'Styrkingen er ikke varig.',
    'Dette er ikkje varige midlar.',
    'Et langvarig arbeid.',
    'Et kortvarig løft.',
    'Varigheten er to år.',
    'Kommunedirektøren bes vurdere en varig ordning.',
]


def line(words: str, attributes: str = "") -> str:
    return HEAD + f'item "Tiltaket" oppvekst 2020=2 2021=4{attributes}\n  text """\n    {words}\n  """\n'


def found(text: str):
    return [d for d in lint(text) if d.code == "TXT004"]


def apply(text: str, diagnostic) -> str:
    for edit in sorted(diagnostic.fix.edits, key=lambda e: e.start, reverse=True):
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return text


@pytest.mark.parametrize("words", FIRES)
def test_fires_on_the_words_without_the_attribute(words):
    text = line(words)
    (d,) = found(text)
    assert d.message.endswith("but `Tiltaket` is not marked `permanent`")
    assert d.span.line >= 4
    assert d.fix.safe is False
    fixed = apply(text, d)
    assert 'item "Tiltaket" oppvekst 2020=2 2021=4 permanent\n' in fixed
    assert found(fixed) == []


@pytest.mark.parametrize("words", FIRES)
def test_silent_where_the_line_is_marked(words):
    assert found(line(words, " permanent")) == []


@pytest.mark.parametrize("words", NEAR_MISSES)
def test_silent_on_near_misses(words):
    assert found(line(words)) == []


def test_points_at_the_words_and_quotes_them():
    text = line(FIRES[0])
    (d,) = found(text)
    row = text.split("\n")[d.span.line - 1]
    assert row[d.span.column - 1 : d.span.end_column - 1].lower() in d.message.lower()


def test_reads_the_name_too():
    text = HEAD + 'item "Tiltaket, Vi gir en varig styrking av tjenesten" oppvekst 2020=2\n'
    (d,) = found(text)
    assert d.span.line == 2
