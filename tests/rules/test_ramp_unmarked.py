"""TXT007 ramp-unmarked: the text's words against the line's `ramp`, and the fix."""

from __future__ import annotations

import pytest

from tests.helpers import lint

HEAD = 'budget "Eksempel" period 2020..2023\n'

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


def line(words: str, attributes: str = "") -> str:
    return HEAD + f'item "Tiltaket" oppvekst 2020=2 2021=4{attributes}\n  text """\n    {words}\n  """\n'


def found(text: str):
    return [d for d in lint(text) if d.code == "TXT007"]


def apply(text: str, diagnostic) -> str:
    for edit in sorted(diagnostic.fix.edits, key=lambda e: e.start, reverse=True):
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return text


@pytest.mark.parametrize("words", FIRES)
def test_fires_on_the_words_without_the_attribute(words):
    text = line(words)
    (d,) = found(text)
    assert d.message.endswith("but `Tiltaket` is not marked `ramp`")
    assert d.span.line >= 4
    assert d.fix.safe is False
    fixed = apply(text, d)
    assert 'item "Tiltaket" oppvekst 2020=2 2021=4 ramp\n' in fixed
    assert found(fixed) == []


@pytest.mark.parametrize("words", FIRES)
def test_silent_where_the_line_is_marked(words):
    assert found(line(words, " ramp")) == []


@pytest.mark.parametrize("words", NEAR_MISSES)
def test_silent_on_near_misses(words):
    assert found(line(words)) == []


def test_points_at_the_words_and_quotes_them():
    text = line(FIRES[0])
    (d,) = found(text)
    row = text.split("\n")[d.span.line - 1]
    assert row[d.span.column - 1 : d.span.end_column - 1].lower() in d.message.lower()


def test_reads_the_name_too():
    text = HEAD + 'item "Tiltaket, Vi starter en opptrapping av bemanningen" oppvekst 2020=2\n'
    (d,) = found(text)
    assert d.span.line == 2


def test_the_full_year_after_a_half_year_is_not_a_ramp():
    words = "Vi setter av 3,5 millioner (halvårseffekt) i 2020, økende til 7 millioner i 2021."
    assert found(line(words)) == []  # TXT003's: one mistake, one finding
    assert found(line(words, " halfyear")) == []
    assert len(found(line("Vi setter av 3,5 millioner i 2020, økende til 7 millioner i 2021."))) == 1
