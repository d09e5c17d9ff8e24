"""LNK006 offset-same-side."""

from __future__ import annotations

from tests.helpers import lint, triples

HEAD = """\
budget "Eksempel" period 2020..2021
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7
item "Fysioterapeuter" helse 2020=2 2021=2
cover "Redusert vikarinnleie barnehage" oppvekst 2020..2021=1
cover "Innkjøp" 2020=4.5 2021=8
"""


def test_two_spending_lines_are_one_finding_and_no_saving():
    text = HEAD + 'offset "Toppet bemanning i barnehage" <-> "Fysioterapeuter"\n'
    ds = lint(text)
    [d] = [x for x in ds if x.code == "LNK006"]
    assert d.message.startswith("this `offset` pairs two spending lines, `item \"Toppet bemanning i barnehage\"` "
                                "and `item \"Fysioterapeuter\"`")
    assert [r.span.line for r in d.related] == [2, 3]
    # No rule reads one spending line as "saving" against the other.
    assert not [x for x in ds if x.code in ("LNK002", "LNK003") or " saves " in x.message]


def test_two_coverage_lines():
    text = HEAD + 'offset "Innkjøp" <-> "Redusert vikarinnleie barnehage"\n'
    assert triples(text, "LNK006") == [(6, 1, "LNK006")]
    [d] = [x for x in lint(text) if x.code == "LNK006"]
    assert "two coverage lines" in d.message


def test_a_measure_and_its_saving_are_silent_either_way_round():
    text = HEAD + ('offset "Toppet bemanning i barnehage" <-> "Redusert vikarinnleie barnehage"\n'
                   'offset "Redusert vikarinnleie barnehage" <-> "Fysioterapeuter"\n')
    assert triples(text, "LNK006") == []


def test_a_loan_is_not_judged():
    text = HEAD + 'loan "Reduserte låneopptak" 2020=? frees\noffset "Fysioterapeuter" <-> "Reduserte låneopptak"\n'
    assert triples(text, "LNK006") == []


def test_a_spending_line_is_never_said_to_save_more_than_another():
    # Read as measure and saving, 7 mill of "saving" would exceed the 2 mill measure (LNK002).
    text = HEAD + 'offset "Fysioterapeuter" <-> "Toppet bemanning i barnehage"\n'
    ds = lint(text)
    assert [x.code for x in ds if x.code.startswith("LNK")] == ["LNK006"]
    assert not [x for x in ds if " saves " in x.message]
