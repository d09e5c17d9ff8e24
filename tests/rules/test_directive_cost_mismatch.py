"""TXT008 directive-cost-mismatch: the figures of a directive's text against its cost."""

from __future__ import annotations

import pytest

from tests.helpers import lint

HEAD = 'budget "Eksempel" period 2020..2023\npot "Kulturfond" kultur\n'


def directive(cost: str, words: str) -> str:
    return HEAD + f'directive "Trondheim Kino" kultur {cost} funded-by "Kulturfond"\n  text "{words}"\n'


def messages(text: str) -> list[str]:
    return [d.message for d in lint(text) if d.code == "TXT008"]


def test_cost_none_whose_text_prices_it():
    text = directive("cost none", "Det settes av 2 millioner fra 2021 til kinoen.")
    (d,) = [d for d in lint(text) if d.code == "TXT008"]
    assert d.message == ('the text gives 2.0 for 2021, 2022 and 2023 ("2 millioner fra 2021"), '
                         "but the directive is `cost none`: it costs nothing")
    assert d.hint == "if the directive costs what the text says, write `cost 2021..2023=2`; if not, correct the text"
    assert (d.span.line, d.span.column) == (4, 23)
    assert [r.note for r in d.related] == ["the cost"]


def test_cost_unknown_whose_text_prices_it():
    assert messages(directive("cost ?", "Kinoen får 3 mill i 2020.")) == [
        'the text gives 3.0 for 2020 ("3 mill i 2020"), but the directive is `cost ?`: of unknown size']


@pytest.mark.parametrize("words", ["Kommunedirektøren bes utrede saken i 2020.", "Det gjelder 60 nye plasser i 2021.",
                                   "Kostnaden er 3-5 millioner."])
def test_cost_none_whose_text_states_no_money_is_silent(words):
    assert messages(directive("cost none", words)) == []


def test_an_estimate_the_text_differs_from():
    assert messages(directive("cost 8", "Kinoen får 10 mill.")) == [
        'the text gives 10.0 ("10 mill"), but the directive\'s cost is 8.0 a year']


@pytest.mark.parametrize("words", ["Kinoen får 8 mill.", "Kinoen får ca. 8,5 mill.", "Kinoen får 8 000 000 kroner.",
                                   "Planen er på 50 millioner, og kinoen får 8 millioner av dem."])
def test_an_estimate_one_figure_of_the_text_gives_is_silent(words):
    assert messages(directive("cost 8", words)) == []


def test_costs_by_year_against_the_years_and_the_total():
    assert messages(directive("cost 2021..2022=3", "Kinoen får 3 mill i 2021 og 4 mill i 2022, totalt 7 mill.")) == [
        'the text gives 4.0 for 2022 ("4 mill i 2022"), but the directive\'s cost is 3.0 in 2022']
    assert messages(directive("cost 2021..2022=3", "Kinoen får 3 mill i 2021 og 3 mill i 2022, totalt 7 mill.")) == [
        'the text gives a total of 7.0 ("totalt 7 mill"), but the directive\'s costs of 2021 and 2022 add up to 6.0']
    assert messages(directive("cost 2021..2022=3", "Kinoen får 3 mill i 2021 og 2022, totalt 6 mill.")) == []


def test_costs_of_unknown_size_by_year_the_text_gives():
    assert messages(directive("cost 2022..2023=?", "Kinoen får 3 mill i 2022.")) == [
        'the text gives 3.0 for 2022 ("3 mill i 2022"), but the directive\'s cost of 2022 is written `?`']
    assert messages(directive("cost 2022..2023=?", "Kinoen får 3 mill i 2021.")) == []
    assert messages(directive("cost 2022..2023=?", "Kinoen skal ikke nedbemanne fra 2022.")) == []


def test_a_directive_without_cost_is_not_read():
    assert messages(HEAD + 'directive "Kino" kultur\n  text "Kinoen får 3 mill i 2022."\n') == []
