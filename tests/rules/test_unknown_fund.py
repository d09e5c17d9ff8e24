"""STR003 unknown-fund."""

from __future__ import annotations

from tests.helpers import lint, triples

HEAD = 'budget "T" period 2020..2021\nfund "Disposisjonsfondet"\n'


def test_a_misspelt_fund_is_reported_with_a_suggestion():
    text = HEAD + 'draw "Fastlegetilskudd" 2020..2021=10 from "Disposisjonsfond"\n'
    [d] = [d for d in lint(text) if d.code == "STR003"]
    assert (d.span.line, d.span.column) == (3, 44)
    assert d.message == "unknown fund `Disposisjonsfond`"
    assert d.hint == 'did you mean "Disposisjonsfondet"?'


def test_allocations_are_checked_too():
    text = HEAD + 'allocate "Avsetning" 2020=14.6 to "Bufferfondet"\n'
    [d] = [d for d in lint(text) if d.code == "STR003"]
    assert (d.span.line, d.span.column) == (3, 35)
    assert d.hint == 'declare the fund with `fund "Bufferfondet"`'


def test_a_name_of_another_kind_of_line_says_what_it_is():
    text = HEAD + 'cover "Reformstøtte" 2020=5\ndraw "Veteranhus" 2020=0.4 from "Reformstøtte"\n'
    [d] = [d for d in lint(text) if d.code == "STR003"]
    assert d.message == "`Reformstøtte` is a coverage line, not a fund"
    assert [(r.span.line, r.note) for r in d.related] == [(3, "declared here")]


def test_declared_funds_are_known_wherever_they_are_declared():
    text = ('budget "T" period 2020..2021\n'
            'draw "A" 2020=1 from "Fond"\n'
            'allocate "B" 2020=1 to "Fond"\n'
            'fund "Fond" opening 10\n')
    assert triples(text, "STR003") == []


def test_a_fund_named_on_an_item_is_left_to_str007():
    assert triples(HEAD + 'item "A" oppvekst 2020=1 to "Nowhere"\n', "STR003") == []
