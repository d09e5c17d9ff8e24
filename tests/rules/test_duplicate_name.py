"""STR001 duplicate-name: two statements with the same name."""

from __future__ import annotations

from tests.helpers import lint, triples

HEAD = 'budget "T" period 2020..2021\n'


def only(text: str):
    return [d for d in lint(text) if d.code == "STR001"]


def test_a_name_used_twice_is_reported_at_the_second_use():
    [d] = only(HEAD + 'item "A" oppvekst 2020=1\ncover "A" 2020=1\n')
    assert (d.span.line, d.span.column) == (3, 7)
    assert d.message == "`A` is already the name of line 2"
    assert [(r.span.line, r.note) for r in d.related] == [(2, "first used here")]


def test_a_third_use_is_reported_again_each_naming_the_first():
    text = HEAD + 'item "A" oppvekst 2020=1\ncover "A" 2020=1\ndraw "A" 2020=1\n'
    assert [(d.span.line, d.message) for d in only(text)] == [
        (3, "`A` is already the name of line 2"), (4, "`A` is already the name of line 2")]


def test_names_that_differ_only_by_case_or_spaces_are_str012_not_str001():
    assert triples(HEAD + 'item "Skole" oppvekst 2020=1\nitem "skole" oppvekst 2020=1\n', "STR001") == []
    assert triples(HEAD + 'item "Skole" oppvekst 2020=1\nitem "Skole " oppvekst 2020=1\n', "STR001") == []


def test_different_names_are_silent():
    assert only(HEAD + 'item "Skole" oppvekst 2020=1\ncover "Skoler" 2020=1\n') == []
