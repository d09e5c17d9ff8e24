"""TXT003 halfyear-unmarked: the text's words against the line's `halfyear`, and the fix."""

from __future__ import annotations

import pytest

from tests.rules.marker_cases import Marker, fires_and_fixes, points_at_the_words, reads_the_name, silent, silent_where_marked

RULE = Marker("TXT003", "halfyear", safe=True)

FIRES = [
    'Vi setter av 3,5 millioner (halvårseffekt) i 2020.',
    'Tiltaket har halvårsvirkning i 2020.',
    'Tiltaket får halvårsverknad i 2020.',
    'Beløpet er halvårs-\n    effekt i 2020.',
]
NEAR_MISSES = [
    'Vi setter av 3,5 millioner (helårseffekt) i 2021.',
    'Tiltaket har ikke halvårseffekt.',
    'Tiltaket har ikkje halvårsverknad.',
    'Vi setter av 3,5 millioner i 2020.',
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
    reads_the_name(RULE, "Tiltaket, Vi setter av 3,5 millioner (halvårseffekt) i 2020")
