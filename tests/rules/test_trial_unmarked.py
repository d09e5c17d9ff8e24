"""TXT006 trial-unmarked: the text's words against the line's `trial`, and the fix."""

from __future__ import annotations

import pytest

from tests.rules.marker_cases import Marker, fires_and_fixes, points_at_the_words, reads_the_name, silent, silent_where_marked

RULE = Marker("TXT006", "trial", safe=False)

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
    reads_the_name(RULE, "Tiltaket, Vi starter et prøveprosjekt i en bydel")
