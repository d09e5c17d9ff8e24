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


def test_a_bidi_control_in_a_comment():
    text = HEAD + 'item "A" oppvekst 2020=1  # the document: \u202e5 mill\n# on a line \u2067of its own\u2069\n'
    first, second = found(text)
    assert (first.span.line, first.span.column, first.span.end_column) == (2, 43, 44)
    assert first.message == ("this comment holds a bidi control: U+202E (right-to-left override); "
                             "it may display as something other than what it says")
    assert first.hint == "remove it: a comment should display as it reads"
    assert (second.span.line, second.span.column) == (3, 13)
    assert second.message.startswith("this comment holds 2 invisible characters: U+2067 (right-to-left isolate), "
                                     "U+2069 (pop directional isolate)")


def test_a_bidi_control_hiding_a_suppression_is_reported():
    text = HEAD + '# budsjett-lint: \u202eignore[STR005]\nitem "Utstyrspott" oppvekst\n'
    [d] = found(text)
    assert d.span.line == 2


def test_other_invisible_characters_in_a_comment_are_silent():
    """Near miss: a comment is the author's note; a zero-width joiner there may be an emoji's."""
    text = HEAD + 'item "A" oppvekst 2020=1  # familie \U0001F468\u200d\U0001F469\u200d\U0001F467, myk\u00adbindestrek\n'
    assert found(text) == []


def test_a_bidi_control_in_a_comment_is_shown_escaped_in_every_format(tmp_path):
    import json

    from tests.checker.conftest import run_cli

    path = tmp_path / "t.budsjett"
    path.write_text(HEAD + 'item "A" oppvekst 2020=1 # \u202eok\ncover "B" 2020=1\n', encoding="utf-8")
    for fmt in ("full", "concise", "json", "github"):
        done = run_cli("check", str(path), "--format", fmt)
        assert "TXT010" in done.stdout, fmt
        assert "\u202e" not in done.stdout + done.stderr, fmt
    data = json.loads(run_cli("check", str(path), "--format", "json").stdout)
    assert [d["message"] for d in data if d["code"] == "TXT010"][0].startswith("this comment holds a bidi control")


def test_every_name_and_text_of_every_kind_of_statement_is_read():
    """`_text_fields` names every field that holds a name or a text, in every kind of statement."""
    from pathlib import Path

    from budsjett_lint.dsl import parse
    from budsjett_lint.dsl.model import Name, Prose
    from budsjett_lint.rules.invisible_character import _text_fields

    budget = parse((Path(__file__).parents[2] / "proposal.budsjett").read_text(encoding="utf-8")).budget
    kinds = {type(s) for s in budget.statements}
    assert len(kinds) >= 6
    for stmt in budget.statements:
        holding = [f for f in stmt.__match_args__ if isinstance(getattr(stmt, f), (Name, Prose))]
        assert set(holding) <= set(_text_fields(type(stmt))), type(stmt).__name__
