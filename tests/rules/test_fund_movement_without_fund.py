"""STR007 fund-movement-without-fund."""

from __future__ import annotations

from tests.helpers import lint, triples

HEAD = 'budget "T" period 2020..2021\nfund "Disposisjonsfondet"\n'


def only(text: str):
    return [d for d in lint(text) if d.code == "STR007"]


def test_allocate_and_draw_without_a_fund():
    text = HEAD + 'allocate "Avsetning" 2020=14.6\ndraw "Fastlegetilskudd" 2020..2021=10\n'
    assert triples(text, "STR007") == [(3, 10, "STR007"), (4, 6, "STR007")]
    a, d = only(text)
    assert a.message == "`Avsetning` allocates to no fund"
    assert a.hint == 'name the fund: `to "Disposisjonsfondet"`'
    assert d.message == "`Fastlegetilskudd` draws on no fund"
    assert d.hint == 'name the fund: `from "Disposisjonsfondet"`'


def test_the_wrong_direction():
    text = HEAD + ('allocate "Avsetning" 2020=14.6 from "Disposisjonsfondet"\n'
                   'draw "Fastlege" 2020=10 to "Disposisjonsfondet"\n')
    assert triples(text, "STR007") == [(3, 32, "STR007"), (4, 25, "STR007")]
    a, d = only(text)
    assert a.message == '`Avsetning` is an allocation, which fills a fund, but says `from "Disposisjonsfondet"`'
    assert d.message == '`Fastlege` is a draw, which takes from a fund, but says `to "Disposisjonsfondet"`'


def test_the_keyword_is_found_across_lines_and_comments():
    text = HEAD + ('allocate "Avsetning" 2020=14.6\n'
                   '  text """to "x" from"""\n'
                   '  from # a comment with to\n'
                   '  "Disposisjonsfondet"\n')
    [d] = only(text)
    assert (d.span.line, d.span.column, d.span.end_line) == (5, 3, 6)
    assert "says `from" in d.message


def test_a_fund_on_another_kind_of_line():
    text = HEAD + 'cover "Østmarka drift" ? from "Disposisjonsfondet"\nitem "B" oppvekst 2020=1 to "Disposisjonsfondet"\n'
    c, i = only(text)
    assert (c.span.line, c.span.column) == (3, 26)
    assert c.message == ('`Østmarka drift` is a coverage line, which moves no money to or from a fund, '
                         'but names `from "Disposisjonsfondet"`')
    assert c.hint.startswith("make it a `draw`")
    assert i.hint.startswith("make it an `allocate`")


def test_correct_fund_movements_are_silent():
    text = HEAD + ('allocate "Avsetning til disposisjonsfondet" 2020=14.6 to "Disposisjonsfondet"\n'
                   'draw "Fastlegetilskudd fra disposisjonsfondet" 2020=? 2021=? from "Disposisjonsfondet"\n'
                   'cover "Innkjøp" 2020=15\n')
    assert triples(text, "STR007") == []
