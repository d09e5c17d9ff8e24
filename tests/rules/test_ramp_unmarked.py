"""TXT007 ramp-unmarked: the text's words against the line's `ramp`, and the fix."""

from __future__ import annotations

import pytest

from tests.rules.marker_cases import (
    Marker, fires_and_fixes, found, line, points_at_the_words, reads_the_name, silent, silent_where_marked,
)

RULE = Marker("TXT007", "ramp", safe=False)

FIRES = [
    'Vi starter en opptrapping av bemanningen.',
    'Potten trappes opp over perioden.',
    '2 millioner i 2020 økende til 4 millioner i 2021.',
    'Tilskotet vert aukande til 4 millionar.',
    'Vi legger inn en opptrappingsplan.',
]
NEAR_MISSES = [
    'Vi starter en nedtrapping av innleie.',
    'Det blir ingen opptrapping.',
    'Vi ber kommunedirektøren komme tilbake med en opptrappingsplan.',
    'Kommunedirektøren bes vurdere en opptrapping i perioden.',
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
    reads_the_name(RULE, "Tiltaket, Vi starter en opptrapping av bemanningen")


def test_the_full_year_after_a_half_year_is_not_a_ramp():
    words = "Vi setter av 3,5 millioner (halvårseffekt) i 2020, økende til 7 millioner i 2021."
    assert found(RULE, line(words)) == []  # TXT003's: one mistake, one finding
    assert found(RULE, line(words, " halfyear")) == []
    assert len(found(RULE, line("Vi setter av 3,5 millioner i 2020, økende til 7 millioner i 2021."))) == 1
