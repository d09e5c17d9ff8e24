"""The editor features without the protocol: names, hover, outline, completion, rename, suppression edits."""

from __future__ import annotations

import textwrap

import pytest

from budsjett_lint.checker.editor import editor
from budsjett_lint.dsl import parse

DOC = textwrap.dedent('''\
    budget "Eksempel" period 2020..2022
    area byutvikling "Byutvikling"
    item "Tiltak" oppvekst 2020=1 2021=? halfyear until 2021  # a note
      text """
        Prosa med "sitat" og # ikke en kommentar.
      """
    cover "Innsparing" 2020=1
    fund "Fondet" opening 350
    allocate "Til fondet" 2021=2 to "Fondet"
    pot "Potten" kultur
    directive "Føring" byutvikling cost 8 funded-by "Potten"
    funds "Innsparing" -> "Tiltak" 2020=1
    offset "Tiltak" <-> "Innsparing"
''')


def budget(text: str = DOC):
    return parse(text).budget


def position(text: str, needle: str, delta: int = 0) -> tuple[int, int]:
    offset = text.index(needle) + delta
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def offset(text: str, needle: str, delta: int = 0) -> int:
    return text.index(needle) + delta


# -- names ----------------------------------------------------------------------------------


def test_occurrences_are_declarations_and_references():
    found = [(o.name.text, o.declaration, o.name.span.line) for o in editor.occurrences(budget())]
    assert found == [
        ("Tiltak", True, 3), ("Innsparing", True, 7), ("Fondet", True, 8), ("Til fondet", True, 9),
        ("Fondet", False, 9), ("Potten", True, 10), ("Føring", True, 11), ("Potten", False, 11),
        ("Innsparing", False, 12), ("Tiltak", False, 12), ("Tiltak", False, 13), ("Innsparing", False, 13),
    ]


def test_occurrence_at_covers_the_quotes_and_nothing_else():
    b = budget()
    assert editor.occurrence_at(b, *position(DOC, '-> "Tiltak"', 3)).name.text == "Tiltak"
    assert editor.occurrence_at(b, *position(DOC, '-> "Tiltak"', 10)).name.text == "Tiltak"
    assert editor.occurrence_at(b, *position(DOC, '-> "Tiltak"', 1)) is None
    assert editor.occurrence_at(b, *position(DOC, "2020=1 2021=?")) is None


def test_inner_offsets_are_the_name_between_its_quotes():
    o = editor.occurrences(budget())[0]
    assert DOC[slice(*o.inner)] == "Tiltak"


# -- hover ------------------------------------------------------------------------------------


def test_hover_on_an_entry():
    text = editor.hover(budget(), "Tiltak")
    assert text.startswith('**item** "Tiltak" — operating item · Oppvekst (`oppvekst`)')
    assert "| 2020 | 2021 | 2022 |\n| ---: | ---: | ---: |\n| 1.0 | ? | 0.0 |" in text
    assert "`halfyear` · `until 2021`" in text
    assert '- paid for by "Innsparing" (2020=1.0) — line 12' in text
    assert '- causes the saving "Innsparing" — line 13' in text
    assert '> Prosa med "sitat" og # ikke en kommentar.' in text


def test_hover_on_a_fund_a_pot_and_a_directive():
    b = budget()
    assert editor.hover(b, "Fondet").startswith('**fund** "Fondet", opening balance 350.0 mill')
    assert '- filled by "Til fondet" — line 9' in editor.hover(b, "Fondet")
    assert '- funds the directive "Føring" — line 11' in editor.hover(b, "Potten")
    directive = editor.hover(b, "Føring")
    assert "· Byutvikling (`byutvikling`)" in directive
    assert 'costs about 8.0 mill a year; funded by "Potten"' in directive


def test_hover_on_an_unquantified_line_and_an_unknown_name():
    b = budget('budget "E" period 2020..2021\ncover "Reserve" ?\n')
    assert "No figure for any year (`?`)." in editor.hover(b, "Reserve")
    assert editor.hover(b, "Ukjent") == 'No line, directive, fund or pot is named "Ukjent" in this file.'


# -- outline ------------------------------------------------------------------------------------


def test_outline_puts_statements_under_the_section_before_them():
    text = 'budget "E" period 2020..2021\nfund "F"\nsection "A" kultur\nitem "X" kultur 2020=1\n\nsection ""\n'
    symbols = editor.outline(budget(text))
    assert [(s.name, s.kind, [c.name for c in s.children]) for s in symbols] == [
        ("E", "budget", []), ("F", "fund", []), ("A", "section", ["X"]), ('""', "section", [])]
    section = symbols[2]
    assert (section.detail, section.span.line, section.span.end_line) == ("Kultur, idrett og friluftsliv", 3, 4)
    assert symbols[0].detail == "2020–2021"


# -- rename ---------------------------------------------------------------------------------------


def test_rename_edits_every_occurrence_between_the_quotes():
    b = budget()
    new = editor.apply_edits(DOC, editor.rename_edits(b, "Innsparing", "Kutt i innkjøp"))
    assert new == DOC.replace('"Innsparing"', '"Kutt i innkjøp"')
    assert parse(new).problems == ()


@pytest.mark.parametrize("new, message", [
    ("", "a name cannot be empty"),
    ("  ", "a name cannot be empty"),
    ('Med "sitat"', 'cannot contain "'),
    ("To\nlinjer", "on one line"),
    ("Potten", '"Potten" is already the name of line 10'),
    ("Med\x00nul", "control character U\\+0000"),
    ("Med\x1b[2J", "control character U\\+001B"),
    ("Med\x85", "control character U\\+0085"),
    ("Med\rCR", "on one line"),
])
def test_rename_refuses_names_that_cannot_be(new, message):
    with pytest.raises(editor.RenameError, match=message):
        editor.rename_edits(budget(), "Innsparing", new)


@pytest.mark.parametrize("new", ["Kutt\ti innkjøp", "Kutt \u2028 innkjøp", "Kutt i \U0001f600", "Kutt\u202ei"])
def test_a_renamed_file_parses_as_before(new):
    """Whatever rename accepts, the file still parses (tabs, line separators and bidi marks are name characters)."""
    renamed = editor.apply_edits(DOC, editor.rename_edits(budget(), "Innsparing", new))
    assert parse(renamed).problems == ()


# -- suppressions -----------------------------------------------------------------------------------


def suppressed(text: str, line: int, code: str) -> str | None:
    edit = editor.suppression_edit(budget(text), line, code)
    return None if edit is None else editor.apply_edits(text, [edit])


def test_suppression_is_appended_to_a_line_without_a_comment():
    text = 'budget "E" period 2020..2021\r\nitem "X" oppvekst 2020=1\r\n'
    assert suppressed(text, 2, "BAL001") == (
        'budget "E" period 2020..2021\r\nitem "X" oppvekst 2020=1  # budsjett-lint: ignore[BAL001]\r\n')


def test_suppression_extends_the_comment_that_applies_to_the_line():
    text = 'budget "E" period 2020..2021\n# budsjett-lint: ignore[STR001]\nitem "X" oppvekst 2020=1\n'
    assert suppressed(text, 3, "BAL001") == text.replace("ignore[STR001]", "ignore[STR001, BAL001]")


def test_suppression_goes_above_a_line_with_a_comment_of_its_own():
    text = 'budget "E" period 2020..2021\r\n  item "X" oppvekst 2020=1  # a note\r\n'
    assert suppressed(text, 2, "BAL001") == (
        'budget "E" period 2020..2021\r\n  # budsjett-lint: ignore[BAL001]\r\n  item "X" oppvekst 2020=1  # a note\r\n')


def test_no_suppression_inside_a_text_block():
    text = 'budget "E" period 2020..2021\nitem "X" oppvekst 2020=1 text """\n  linje\n"""\n'
    assert suppressed(text, 3, "BAL001") is None
    assert suppressed(text, 9, "BAL001") is None


def test_suppression_goes_above_a_line_that_opens_a_text_block():
    text = 'budget "E" period 2020..2021\nitem "X" oppvekst 2020=1 text """\n  linje\n"""\n'
    assert suppressed(text, 2, "BAL001") == text.replace('item "X"', '# budsjett-lint: ignore[BAL001]\nitem "X"')


# -- completion ---------------------------------------------------------------------------------------


def labels(text: str, at: int) -> set[str]:
    return {c.label for c in editor.completions(budget(text), at)}


def test_no_completion_in_text_blocks_comments_and_numbers():
    assert labels(DOC, offset(DOC, "Prosa med", 5)) == set()
    assert labels(DOC, offset(DOC, "# a note", 4)) == set()
    assert labels(DOC, offset(DOC, "2020=1 2021", 5)) == set()
    text = DOC + 'cover "Ny" ?'
    assert labels(text, len(text)) == set()


def test_names_in_funding_and_links():
    text = DOC + 'directive "Ny" funded-by "P'
    assert {"Potten", "Tiltak", "Fondet"} <= labels(text, len(text))
    text = DOC + 'reallocate "Potten" -> "'
    assert "Føring" in labels(text, len(text))
    text = DOC + 'item "Ny'
    assert labels(text, len(text)) == set()  # the statement's own name refers to nothing


def test_values_and_areas_after_their_attributes():
    text = DOC + 'budget "X" unit '
    assert labels(text, len(text)) == {"mill", "kr"}
    text = DOC + 'directive "Ny" cost '
    assert labels(text, len(text)) == {"none", "?"}
    text = DOC + 'cover "Ny" 2020=1 exempt oppvekst '
    assert {"helse", "byutvikling", "ramp"} <= labels(text, len(text))
    text = DOC + 'item "Ny" 2020=1 heading '
    assert labels(text, len(text)) == set()


def test_attributes_already_given_are_not_offered_again():
    text = DOC + 'item "Ny" oppvekst 2020=1 halfyear\n  '
    found = labels(text, len(text))
    assert "halfyear" not in found and {"ramp", "item"} <= found


def test_a_word_is_replaced_whole():
    text = DOC + "item \"Ny\" 2020=1 hea"
    [heading] = [c for c in editor.completions(budget(text), len(text) - 1) if c.label == "heading"]
    assert (heading.start, heading.end) == (len(text) - 3, len(text))
