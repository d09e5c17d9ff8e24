"""TXT009 outline-total-mismatch: totals in section and header texts against the lines they describe."""

from __future__ import annotations

import pytest

from tests.helpers import lint

LINES = '''\
item "Skolehelsetjenesten" oppvekst 2020=2.6 2021=5.1
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7
'''


def section(words: str, head: str = "") -> str:
    return (f'budget "Eksempel" period 2020..2021{head}\nsection "Oppvekst" oppvekst\n  text "{words}"\n'
            + LINES + 'section "Dekning" finans\ncover "Innkjøp" 2020..2021=20\n')


def messages(text: str) -> list[str]:
    return [d.message for d in lint(text) if d.code == "TXT009"]


def test_a_section_total_its_lines_do_not_add_up_to():
    text = section("Vi styrker oppvekst med totalt 25 millioner over perioden.")
    (d,) = [d for d in lint(text) if d.code == "TXT009"]
    assert d.message == ('the text gives a total of 25.0 ("totalt 25 millioner over perioden"), '
                         "but the lines of `Oppvekst` add up to spending 18.2 over the period")
    assert (d.span.line, d.span.column) == (3, 40)


@pytest.mark.parametrize("words", [
    "Vi styrker oppvekst med totalt 18,2 millioner.",
    "Vi styrker oppvekst med til sammen ca. 19 millioner.",
    "Vi styrker oppvekst med totalt 6,1 millioner i 2020.",
    "Oppvekst styrkes med 25 millioner i 2020.",  # not a total: one line's figure, or none, and not read
    "Totalt 60 barn får plass.",  # not money
])
def test_silent_where_the_lines_add_up_or_the_text_states_no_total(words):
    assert messages(section(words)) == []


def test_a_yearly_section_total():
    assert messages(section("Totalt 12,1 millioner i 2021.")) == []
    assert messages(section("Totalt 10 millioner i 2021.")) == [
        'the text gives a total of 10.0 ("Totalt 10 millioner i 2021"), '
        "but the lines of `Oppvekst` add up to spending 12.1 in 2021"]


def test_a_side_with_an_unknown_year_is_not_added_up():
    text = section("Totalt 10 millioner i 2021.").replace("2021=7", "2021=?")
    assert messages(text) == []


@pytest.mark.parametrize(("words", "fires"), [("totalt 40 millioner", False),  # the coverage
                                              ("totalt ca. 18 millioner", False),  # the spending
                                              ("totalt 30 millioner", True)])
def test_the_header_text_against_the_plan_s_sides(words, fires):
    text = section("Om oppvekst.", head=f' text "De rødgrønne omprioriterer {words}."')
    found = messages(text)
    assert bool(found) is fires
    if fires:
        assert found == [f'the text gives a total of 30.0 ("{words}"), '
                         "but the plan's lines add up to spending 18.2, coverage 40.0 over the period"]
