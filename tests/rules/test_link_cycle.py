"""LNK005 link-cycle."""

from __future__ import annotations

from tests.helpers import lint, triples

HEAD = """\
budget "Eksempel" period 2020..2021
item "A" oppvekst 2020=1 2021=1
cover "B" 2020=1 2021=1
cover "C" 2020=0 2021=0
pot "P" kultur
"""


def only(text):
    return [d for d in lint(text) if d.code == "LNK005"]


def test_two_funds_links_in_a_circle_are_one_finding():
    text = HEAD + 'funds "B" -> "A"\nfunds "A" -> "B"\n'
    [d] = only(text)
    assert (d.span.line, d.span.column) == (6, 1)
    assert d.message == "money flows in a circle through 2 links between `A`, `B`"
    assert [(r.span.line, r.note) for r in d.related] == [(7, "`funds` link in the circle")]


def test_a_circle_through_reallocate_and_funds():
    text = HEAD + 'reallocate "P" -> "A"\nfunds "A" -> "C"\nfunds "C" -> "P"\n'
    [d] = only(text)
    assert d.message == "money flows in a circle through 3 links between `A`, `C`, `P`"
    assert [r.span.line for r in d.related] == [7, 8]


def test_two_separate_circles_are_two_findings():
    text = HEAD + 'funds "B" -> "A"\nfunds "A" -> "B"\nfunds "C" -> "P"\nreallocate "P" -> "C"\n'
    assert triples(text, "LNK005") == [(6, 1, "LNK005"), (8, 1, "LNK005")]


def test_a_chain_and_a_diamond_are_silent():
    text = HEAD + ('reallocate "P" -> "B"\nfunds "B" -> "A"\nfunds "C" -> "A"\nfunds "B" -> "C"\n'
                   'offset "A" <-> "B"\noffset "B" <-> "A"\n')
    assert only(text) == []


def test_a_link_to_itself_is_lnk004s_alone():
    assert only(HEAD + 'funds "B" -> "B"\n') == []
