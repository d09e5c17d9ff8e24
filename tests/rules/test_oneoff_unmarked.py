"""TXT005 oneoff-unmarked: the text's words against the line's `oneoff`, and the fix."""

from __future__ import annotations

import pytest

from tests.rules.marker_cases import Marker, fires_and_fixes, points_at_the_words, reads_the_name, silent, silent_where_marked

RULE = Marker("TXT005", "oneoff", safe=False)

FIRES = [
    'En engangsbevilgning på 1 million.',
    'Et engangstilskudd til klubbene.',
    'Ei eingongsløyving til laget.',
    'Beløpet er engangs.',
]
NEAR_MISSES = [
    'Vi vil redusere bruken av engangsplast.',
    'Kjøp av engangsartikler.',
    'Dette er ikke en engangsbevilgning.',
    'Tilskuddet gis en gang i året.',
]


@pytest.mark.parametrize("words", FIRES)
def test_fires_on_the_words_without_the_attribute(words):
    fires_and_fixes(RULE, words)


@pytest.mark.parametrize("words", FIRES)
def test_silent_where_the_line_is_marked(words):
    silent_where_marked(RULE, words)


@pytest.mark.parametrize("words", NEAR_MISSES)
def test_silent_on_near_misses(words):
    silent(RULE, words)


def test_points_at_the_words_and_quotes_them():
    points_at_the_words(RULE, FIRES[0])


def test_reads_the_name_too():
    reads_the_name(RULE, "Tiltaket, En engangsbevilgning på 1 million")
