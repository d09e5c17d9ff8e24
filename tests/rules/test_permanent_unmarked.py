"""TXT004 permanent-unmarked: the text's words against the line's `permanent`, and the fix."""

from __future__ import annotations

import pytest

from tests.rules.marker_cases import Marker, fires_and_fixes, points_at_the_words, reads_the_name, silent, silent_where_marked

RULE = Marker("TXT004", "permanent", safe=False)

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
    reads_the_name(RULE, "Tiltaket, Vi gir en varig styrking av tjenesten")
