"""LNK007 link-into-coverage."""

from __future__ import annotations

from tests.helpers import lint, triples

HEAD = """\
budget "Eksempel" period 2020..2021
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7
cover "Innkjøp" 2020=3.5 2021=7
cover "Reformstøtte" 2020=0.4
pot "Potten til nærmiljøanlegg" kultur
directive "Terrengsykkelløype Nilsbyen" kultur cost ?
"""


def test_funds_and_reallocate_into_a_cover_line():
    text = HEAD + ('funds "Reformstøtte" -> "Innkjøp"\n'
                   'reallocate "Potten til nærmiljøanlegg" -> "Innkjøp"\n')
    assert triples(text, "LNK007") == [(7, 25, "LNK007"), (8, 43, "LNK007")]
    d = [x for x in lint(text) if x.code == "LNK007"][0]
    assert d.message.startswith("this `funds` link pays into `cover \"Innkjøp\"`, a coverage line")
    assert [(r.span.line, r.note) for r in d.related] == [(3, "coverage line")]


def test_links_into_uses_are_silent():
    text = HEAD + ('funds "Reformstøtte" -> "Toppet bemanning i barnehage"\n'
                   'reallocate "Potten til nærmiljøanlegg" -> "Terrengsykkelløype Nilsbyen"\n')
    assert triples(text, "LNK007") == []


def test_a_link_written_the_wrong_way_round_is_one_finding():
    # The item cannot pay (FUN003); the cover line as use is the same mistake.
    text = HEAD + 'funds "Toppet bemanning i barnehage" -> "Innkjøp"\n'
    codes = [x.code for x in lint(text) if x.code.startswith(("LNK", "FUN003"))]
    assert codes == ["FUN003"]
