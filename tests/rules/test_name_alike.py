"""STR012 name-alike, and links that find a line by its name compared as STR012 compares."""

from __future__ import annotations

import unicodedata

from tests.helpers import lint, triples

HEAD = 'budget "T" period 2020..2021\n'


def messages(text: str, code: str = "STR012") -> list[str]:
    return [d.message for d in lint(text) if d.code == code]


def test_a_trailing_space():
    text = HEAD + 'item "Kulturskolen" oppvekst 2020=1\nitem "Kulturskolen " kultur 2021=1\n'
    assert triples(text, "STR012") == [(3, 6, "STR012")]
    assert messages(text) == ["`Kulturskolen` and `Kulturskolen ` differ only by spaces at the ends"]
    assert triples(text, "STR001") == []  # one mistake, one finding


def test_a_zero_width_space_is_named_escaped():
    text = HEAD + 'item "Skole" oppvekst 2020=1\ncover "Sko\u200ble" 2020=1\n'
    assert messages(text) == ["`Skole` and `Sko<U+200B>le` differ only by the invisible character U+200B"]


def test_nfd_and_nfc():
    nfd = unicodedata.normalize("NFD", "Båtbyggeri")
    assert nfd != "Båtbyggeri"
    text = HEAD + f'item "Båtbyggeri" miljø 2020=1\nfund "{nfd}"\n'
    assert messages(text) == [f"`{nfd}` and `Båtbyggeri` differ only by their Unicode form (NFC and NFD)"]


def test_case_only():
    text = HEAD + 'item "Kulturskolen" oppvekst 2020=1\ndirective "kulturskolen" cost none\n'
    assert triples(text, "STR012") == [(3, 11, "STR012")]
    assert messages(text) == ["`Kulturskolen` and `kulturskolen` differ only by case"]


def test_each_later_line_once():
    text = HEAD + 'item "A" oppvekst 2020=1\nitem "A " oppvekst 2020=1\nitem "a" oppvekst 2020=1\n'
    assert [(d.span.line, d.code) for d in lint(text) if d.code in ("STR001", "STR012")] == [
        (3, "STR012"), (4, "STR012")]


def test_near_misses_are_silent():
    text = HEAD + ('item "Kulturskolen" oppvekst 2020=1\nitem "Kulturskole" oppvekst 2020=1\n'
                   'item "Kultur skolen" oppvekst 2020=1\nsection "Kulturskolen"\n')
    assert triples(text, "STR012") == []


def test_written_exactly_alike_is_str001_not_str012():
    text = HEAD + 'item "A" oppvekst 2020=1\nitem "A" oppvekst 2021=1\n'
    assert [d.code for d in lint(text) if d.code in ("STR001", "STR012")] == ["STR001"]


def test_a_link_finds_the_line_by_its_normalised_name():
    nfd = unicodedata.normalize("NFD", "Tilskudd til båt")
    text = HEAD + ('item "Tilskudd til båt" miljø 2020=1\ncover "Kutt" 2020=1\n'
                   f'funds "Kutt " -> "{nfd}\u200b"\n')
    assert triples(text, "LNK001") == []


def test_a_link_differing_by_case_is_still_unknown():
    text = HEAD + 'item "Tilskudd" miljø 2020=1\ncover "Kutt" 2020=1\nfunds "kutt" -> "Tilskudd"\n'
    assert triples(text, "LNK001") == [(4, 7, "LNK001")]
