"""What every marker rule's tests check (TXT003-TXT007, the word lists in rules/_markers.py):
each test file gives its rule, its words and its near misses, and calls these."""

from __future__ import annotations

from typing import NamedTuple

from tests.helpers import lint

HEAD = 'budget "Eksempel" period 2020..2023\n'


class Marker(NamedTuple):
    code: str
    attribute: str
    safe: bool  # whether the fix that adds the attribute is safe


def line(words: str, attributes: str = "") -> str:
    """An item whose text holds the words, with the attributes after its amounts."""
    return HEAD + f'item "Tiltaket" oppvekst 2020=2 2021=4{attributes}\n  text """\n    {words}\n  """\n'


def found(rule: Marker, text: str):
    return [d for d in lint(text) if d.code == rule.code]


def apply(text: str, diagnostic) -> str:
    for edit in sorted(diagnostic.fix.edits, key=lambda e: e.start, reverse=True):
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return text


def fires_and_fixes(rule: Marker, words: str) -> None:
    """The words without the attribute: one finding in the text, whose fix adds the attribute."""
    text = line(words)
    (d,) = found(rule, text)
    assert d.message.endswith(f"but `Tiltaket` is not marked `{rule.attribute}`")
    assert d.span.line >= 4
    assert d.fix.safe is rule.safe
    fixed = apply(text, d)
    assert f'item "Tiltaket" oppvekst 2020=2 2021=4 {rule.attribute}\n' in fixed
    assert found(rule, fixed) == []


def silent_where_marked(rule: Marker, words: str) -> None:
    assert found(rule, line(words, f" {rule.attribute}")) == []


def silent(rule: Marker, words: str) -> None:
    assert found(rule, line(words)) == []


def points_at_the_words(rule: Marker, words: str) -> None:
    text = line(words)
    (d,) = found(rule, text)
    row = text.split("\n")[d.span.line - 1]
    assert row[d.span.column - 1 : d.span.end_column - 1].lower() in d.message.lower()


def reads_the_name(rule: Marker, name: str) -> None:
    """The words in the line's name, with no text: the finding is on the name's line."""
    (d,) = found(rule, HEAD + f'item "{name}" oppvekst 2020=2\n')
    assert d.span.line == 2
