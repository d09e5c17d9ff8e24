"""LNK004 self-link."""

from __future__ import annotations

from tests.helpers import lint, triples

HEAD = """\
budget "Eksempel" period 2020..2021
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7
cover "Redusert vikarinnleie barnehage" oppvekst 2020..2021=3.5
pot "Potten til nærmiljøanlegg" kultur
"""


def test_each_kind_of_link_to_itself():
    text = HEAD + """\
offset "Toppet bemanning i barnehage" <-> "Toppet bemanning i barnehage"
funds "Redusert vikarinnleie barnehage" -> "Redusert vikarinnleie barnehage"
reallocate "Potten til nærmiljøanlegg" -> "Potten til nærmiljøanlegg"
"""
    assert triples(text, "LNK004") == [(5, 43, "LNK004"), (6, 44, "LNK004"), (7, 43, "LNK004")]
    d = [x for x in lint(text) if x.code == "LNK004"][0]
    assert d.message == "this `offset` link runs from `Toppet bemanning i barnehage` to itself"
    assert [(r.span.line, r.note) for r in d.related] == [(2, "declared here")]


def test_links_between_two_lines_are_silent():
    text = HEAD + 'offset "Toppet bemanning i barnehage" <-> "Redusert vikarinnleie barnehage"\n'
    assert triples(text, "LNK004") == []


def test_names_that_differ_only_in_case_are_two_names():
    # Names are compared as written; LNK001 reports the one that names nothing.
    text = HEAD + 'offset "Toppet bemanning i barnehage" <-> "toppet bemanning i barnehage"\n'
    assert triples(text, "LNK004") == []
