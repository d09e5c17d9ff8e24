"""LNK002 saving-outlives-measure."""

from __future__ import annotations

import pytest

from tests.helpers import lint, triples

HEAD = 'budget "Eksempel" period 2020..2023\n'
LINK = 'offset "Toppet bemanning" <-> "Redusert vikarinnleie"\n'


def doc(measure: str, saving: str, link: str = LINK) -> str:
    return HEAD + f'item "Toppet bemanning" oppvekst {measure}\ncover "Redusert vikarinnleie" oppvekst {saving}\n' + link


def test_fires_at_the_first_year_the_saving_outlives_its_measure():
    text = doc("2020=3.5 2021=7", "2020=1 2021=2 2022=2 2023=2")
    assert triples(text, "LNK002") == [(3, 54, "LNK002")]
    (d,) = [d for d in lint(text) if d.code == "LNK002"]
    assert d.message == ("`Redusert vikarinnleie` saves in 2022 and 2023, where the measure `Toppet bemanning` "
                         "that causes it has no amount")
    assert [(r.span.line, r.note) for r in d.related] == [
        (2, "the measure: amounts in 2020 and 2021"), (4, "linked as its offset here")]


def test_a_saving_named_without_figure_still_outlives():
    assert triples(doc("2020=3.5 2021=7", "2020=? 2021=? 2022=?"), "LNK002") == [(3, 54, "LNK002")]


@pytest.mark.parametrize(
    ("measure", "saving"),
    [
        ("2020=3.5 2021=7", "2020=1 2021=2"),  # ends with the measure
        ("2020=3.5 2021=7", "2021=2"),  # starts later
        ("2020..2023=7", "2020..2023=2"),
        ("2020=3.5 2021=? 2022=?", "2020=1 2021..2022=2"),  # the measure is named in those years
        ("2020=3.5 2021=7", "2020=1 2021=2 2022=0"),  # a zero saves nothing
        ("?", "2020..2023=2"),  # a measure with no years cannot be judged
        ("2020=3.5 2021=7", "?"),  # a saving with no years neither
    ],
)
def test_silent_where_the_saving_does_not_outlive(measure, saving):
    assert triples(doc(measure, saving), "LNK002") == []


def test_a_zero_measure_year_has_ended():
    assert triples(doc("2020=3.5 2021=0", "2020=1 2021=1"), "LNK002") == [(3, 47, "LNK002")]


def test_the_ends_may_be_written_the_other_way_round():
    reversed_link = 'offset "Redusert vikarinnleie" <-> "Toppet bemanning"\n'
    assert triples(doc("2020=3.5 2021=7", "2020..2023=2", reversed_link), "LNK002") == [(3, 40, "LNK002")]


def test_a_saving_of_several_measures_runs_as_long_as_any_of_them():
    text = HEAD + """\
item "Toppet bemanning" oppvekst 2020=3.5 2021=7
item "Videreført bemanning" oppvekst 2022..2023=7
cover "Redusert vikarinnleie" oppvekst 2020..2023=2
offset "Toppet bemanning" <-> "Redusert vikarinnleie"
offset "Videreført bemanning" <-> "Redusert vikarinnleie"
"""
    assert triples(text, "LNK002") == []
    without_second = text.replace('offset "Videreført bemanning" <-> "Redusert vikarinnleie"\n', "")
    assert triples(without_second, "LNK002") == [(4, 40, "LNK002")]


def test_unknown_ends_are_left_to_lnk001():
    text = doc("2020=3.5", "2020..2023=2", 'offset "Toppet bemaning" <-> "Redusert vikarinnleie"\n')
    assert [d.code for d in lint(text) if d.code.startswith("LNK")] == ["LNK001"]
