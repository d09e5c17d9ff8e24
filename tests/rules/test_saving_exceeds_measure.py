"""LNK003 saving-exceeds-measure."""

from __future__ import annotations

import pytest

from tests.helpers import lint, triples

HEAD = 'budget "Eksempel" period 2020..2023\n'
LINK = 'offset "Toppet bemanning" <-> "Redusert vikarinnleie"\n'


def doc(measure: str, saving: str, link: str = LINK) -> str:
    return HEAD + f'item "Toppet bemanning" oppvekst {measure}\ncover "Redusert vikarinnleie" oppvekst {saving}\n' + link


def test_fires_at_the_year_the_saving_exceeds_the_measure():
    text = doc("2020=3.5 2021=7", "2020=2 2021=10")
    assert triples(text, "LNK003") == [(3, 47, "LNK003")]
    (d,) = [d for d in lint(text) if d.code == "LNK003"]
    assert d.message == "`Redusert vikarinnleie` saves 10.0 in 2021, more than its measure `Toppet bemanning` costs (7.0)"
    assert d.hint == "lower the saving to at most 7.0, or check the amounts of the measure"


@pytest.mark.parametrize(
    ("measure", "saving"),
    [
        ("2020=3.5 2021=7", "2020=3.5 2021=7"),  # as large, not larger
        ("2020=3.5 2021=7", "2020=-3.5 2021=-7"),  # a cut written negative: magnitudes
        ("2020=-3.5 2021=-7", "2020=3 2021=7"),
        ("2020=3.5 2021=?", "2020=2 2021=10"),  # the measure's figure is unknown
        ("2020=3.5 2021=7", "2020=2 2021=?"),
        ("2020=3.5", "2020=2 2021=10"),  # the measure has ended: LNK002's
        ("?", "2020=20"),
        ("2020=3.5 2021=0", "2020=1 2021=1"),  # a zero measure has ended: LNK002's
    ],
)
def test_silent_where_the_saving_is_not_larger(measure, saving):
    assert triples(doc(measure, saving), "LNK003") == []


def test_magnitudes_are_compared():
    assert triples(doc("2020=-3.5", "2020=-3.6"), "LNK003") == [(3, 40, "LNK003")]


def test_years_in_one_range_give_one_finding():
    text = doc("2020..2023=1", "2020=1 2021..2023=2")
    assert triples(text, "LNK003") == [(3, 47, "LNK003")]
    (d,) = [d for d in lint(text) if d.code == "LNK003"]
    assert d.message.startswith("`Redusert vikarinnleie` saves 2.0 in 2021, 2022 and 2023, more than its measure")


def test_ratio_option():
    text = doc("2020=3.5 2021=7", "2020=1.75 2021=4")
    assert triples(text, "LNK003") == []
    config = {"options": {"LNK003": {"ratio": 0.5}}}
    assert triples(text, "LNK003", config) == [(3, 50, "LNK003")]  # 4.0 > 3.5, while 1.75 is just at it
    (d,) = [d for d in lint(text, config) if d.code == "LNK003"]
    assert d.message.endswith("more than 0.5 times what its measure `Toppet bemanning` costs (7.0)")
    assert d.hint.startswith("lower the saving to at most 3.5")


def test_several_measures_are_compared_together():
    text = HEAD + """\
item "Toppet bemanning" oppvekst 2020=3.5
item "Lavere sykefravær" oppvekst 2020=1
cover "Redusert vikarinnleie" oppvekst 2020=4.5
offset "Toppet bemanning" <-> "Redusert vikarinnleie"
offset "Lavere sykefravær" <-> "Redusert vikarinnleie"
"""
    assert triples(text, "LNK003") == []
    assert triples(text.replace("2020=4.5", "2020=4.6"), "LNK003") == [(4, 40, "LNK003")]
