"""STR004 year-outside-period."""

from __future__ import annotations

from tests.helpers import lint, triples

HEAD = 'budget "T" period 2020..2023\n'


def messages(text: str) -> list[str]:
    return [d.message for d in lint(text) if d.code == "STR004"]


def test_an_amount_after_the_period():
    text = HEAD + 'item "Kulturskolen" oppvekst 2020..2023=1 2024=1\n'
    assert triples(text, "STR004") == [(2, 43, "STR004")]
    assert messages(text) == ["`Kulturskolen` gives an amount for 2024, which is outside the period 2020..2023"]


def test_a_range_is_reported_once_with_the_years_outside():
    text = HEAD + 'cover "Innkjøp" 2018..2021=1\n'
    assert messages(text) == ["`Innkjøp` gives amounts for 2018..2021, of which 2018..2019 are outside the period 2020..2023"]


def test_link_amounts_are_checked():
    text = HEAD + 'cover "A" 2020=1\nitem "B" oppvekst 2020=1\nfunds "A" -> "B" 2012=1\n'
    assert triples(text, "STR004") == [(4, 18, "STR004")]
    assert messages(text) == ["the link `A` -> `B` gives an amount for 2012, which is outside the period 2020..2023"]


def test_until_and_evaluate_outside_the_period():
    text = HEAD + 'item "Prøve" oppvekst 2020..2021=1 trial until 2019 evaluate 2024-06\n'
    assert triples(text, "STR004") == [(2, 42, "STR004"), (2, 53, "STR004")]
    assert messages(text) == ["`Prøve` lasts until 2019, before the period 2020..2023",
                              "`Prøve` is evaluated in 2024, after the period 2020..2023"]


def test_the_first_and_last_year_are_inside():
    text = HEAD + ('item "A" oppvekst 2020=1 2023=1 until 2023 evaluate 2020-01\n'
                   'cover "B" 2020..2023=0.5\n')
    assert triples(text, "STR004") == []


def test_without_a_period_there_is_nothing_to_compare_with():
    assert triples('budget "T"\nitem "A" oppvekst 1999=1\n', "STR004") == []


def test_a_range_wholly_outside_and_one_reaching_over_both_ends():
    text = HEAD + 'cover "A" 2030..2033=1\ncover "B" 2019..2024=1\n'
    assert messages(text) == [
        "`A` gives amounts for 2030..2033, which are outside the period 2020..2023",
        "`B` gives amounts for 2019..2024, of which 2019 and 2024 are outside the period 2020..2023",
    ]


def test_a_range_over_millennia_is_one_short_finding():
    text = HEAD + 'cover "A" 1000..9999=1\n'
    assert messages(text) == [
        "`A` gives amounts for 1000..9999, of which 1000..2019 and 2024..9999 are outside the period 2020..2023"]
