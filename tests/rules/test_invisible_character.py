"""TXT010 invisible-character."""

from __future__ import annotations

from tests.helpers import lint, triples

HEAD = 'budget "T" period 2020..2021\n'


def found(text: str):
    return [d for d in lint(text) if d.code == "TXT010"]


def test_a_right_to_left_override_in_a_name():
    [d] = found(HEAD + 'item "Skole\u202etsok" oppvekst 2020=1\n')
    assert (d.span.line, d.span.column, d.span.end_column) == (2, 12, 13)
    assert d.message == ("this name holds a bidi control: U+202E (right-to-left override); "
                         "it may display as something other than what it says")


def test_every_kind_of_name_and_text_is_read():
    text = HEAD + ('section "Opp\u200bvekst"\n'
                   'item "A" oppvekst 2020=1 to "F\u2066o\u2069nd"\n'
                   'directive "D" cost none funded-by "P\u200d"\n'
                   'pot "P" text "potten\u00ad"\n'
                   'funds "A\ufeff" -> "D"\n')
    assert [(d.span.line, d.span.column) for d in found(text)] == [(2, 13), (3, 31), (4, 37), (5, 21), (6, 9)]


def test_a_text_block_points_at_the_line_and_column():
    text = HEAD + 'item "A" oppvekst 2020=1\n  text """\n    Vi setter av\n    3 mill\u200f i 2020\n  """\n'
    [d] = found(text)
    assert (d.span.line, d.span.column) == (5, 11)
    assert "2 invisible" not in d.message and "U+200F (right-to-left mark)" in d.message


def test_several_in_one_name_are_one_finding():
    [d] = found(HEAD + 'item "\u202aA\u202c\u200b" oppvekst 2020=1\n')
    assert d.message.startswith("this name holds 3 invisible characters: U+202A")
    assert d.span.column == 7


def test_plain_letters_and_visible_non_ascii_are_silent():
    text = HEAD + 'item "Søndre Åsen – bydel ½" miljø 2020=1 text "«Økt» tilskudd, 3 000 kr"\n'
    assert triples(text, "TXT010") == []


def test_the_pattern_holds_every_format_character_of_this_pythons_unicode():
    import sys
    import unicodedata

    from budsjett_lint.dsl.model import INVISIBLE

    missing = [f"U+{c:04X}" for c in range(sys.maxunicode + 1)
               if unicodedata.category(chr(c)) == "Cf" and not INVISIBLE.match(chr(c))]
    assert missing == []
    assert not INVISIBLE.search("Søndre Åsen – bydel ½ «sitat» \u00a0")
