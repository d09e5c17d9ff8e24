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


# -- the fix: the cost the text states -------------------------------------------------------------


def _fixed(text: str) -> str:
    from tests.rules.marker_cases import apply

    (d,) = [d for d in lint(text) if d.code == "TXT008"]
    assert d.fix is not None and d.fix.safe is False
    return apply(text, d)


@pytest.mark.parametrize(("cost", "words", "written"), [
    ("cost none", "Det settes av 2 millioner fra 2021 til kinoen.", "cost 2021..2023=2"),
    ("cost ?", "Kinoen får 1 million i 2020 og 3 millioner i 2022.", "cost 2020=1 2022=3"),
    ("cost 8", "Kinoen får 5 millioner i året.", "cost 5"),
    ("cost 2022..2023=?", "Kinoen får 4 millioner i 2022.", "cost 2022=4 2023=?"),
    ("cost 2021..2022=3", "Kinoen får 3 mill i 2021 og 4 mill i 2022.", "cost 2021=3 2022=4"),
    ("cost none", "Kinoen får 400 000 kroner i 2021.", "cost 2021=400 000 kr"),
])
def test_the_fix_writes_the_cost_the_text_states_and_the_result_is_clean(cost, words, written):
    fixed = _fixed(directive(cost, words))
    assert f'directive "Trondheim Kino" kultur {written} funded-by' in fixed
    assert messages(fixed) == []


def test_the_fix_writes_thousands_in_a_file_in_thousands():
    text = ('budget "Eksempel" period 2020..2023 unit tusen\npot "Kulturfond" kultur\n'
            'directive "Kino" kultur cost none funded-by "Kulturfond"\n  text "Kinoen får 800 i 2021 og 2,5 millioner i 2022."\n')
    fixed = _fixed(text)
    assert "cost 2021=800 2022=2500 funded-by" in fixed
    assert messages(fixed) == []


@pytest.mark.parametrize(("cost", "words"), [
    ("cost none", "Det settes av totalt 10 millioner."),  # a total: which years?
    ("cost none", "Kinoen får 2 mill i 2021 og 3 mill i 2021."),  # one year, two figures
    ("cost none", "Kinoen får 2 mill i 2021. Planen er på 50 millioner."),  # with and without a year
    ("cost 8", "Kinoen får 10 mill. Planen er på 50 millioner."),  # two estimates
    ("cost none", "Kinoen får 5 mill i 2020, økende med 2 mill i 2021."),  # 2 or 7 in 2021
    ("cost none", "Kinoen får 2 mill i 2030."),  # outside the plan
])
def test_no_fix_where_the_text_does_not_settle_the_cost(cost, words):
    found = [d for d in lint(directive(cost, words)) if d.code == "TXT008"]
    assert found and all(d.fix is None for d in found)


def test_no_fix_over_a_comment_inside_the_cost():
    text = HEAD + ('directive "Trondheim Kino" kultur cost 2021=? # ukjent\n  2022=?\n'
                   '  text "Kinoen får 2 mill i 2021."\n')
    found = [d for d in lint(text) if d.code == "TXT008"]
    assert found and all(d.fix is None for d in found)


def test_check_fix_applies_it_with_unsafe_fixes_and_the_file_is_then_clean(tmp_path):
    from tests.checker.conftest import run_cli as cli

    path = tmp_path / "forslag.budsjett"
    path.write_text(directive("cost none", "Det settes av 2 millioner fra 2021 til kinoen."), encoding="utf-8")
    safe_only = cli("check", str(path), "--fix")
    assert "cost none" in path.read_text(encoding="utf-8")  # unsafe: not without --unsafe-fixes
    assert "TXT008" in safe_only.stdout
    done = cli("check", str(path), "--fix", "--unsafe-fixes", "--format", "json")
    assert "cost 2021..2023=2 funded-by" in path.read_text(encoding="utf-8")
    assert "TXT008" not in done.stdout
