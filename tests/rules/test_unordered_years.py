"""STR010 unordered-years: amounts written out of year order, and the fix that orders them."""

from __future__ import annotations

import textwrap

from budsjett_lint.checker.config import parse_config
from budsjett_lint.checker.fixes import fix_text
from tests.helpers import lint, triples

HEAD = 'budget "E" period 2020..2023\n'


def fixed(text: str) -> str:
    return fix_text(textwrap.dedent(text), "t.budsjett", parse_config({"select": ["STR010"]}, "test")).text


def test_fires_at_the_first_amount_written_after_a_later_year():
    text = HEAD + 'item "Toppet bemanning" oppvekst 2021=7 2020=3.5\n'
    assert triples(text, "STR010") == [(2, 41, "STR010")]
    d = next(d for d in lint(text) if d.code == "STR010")
    assert d.message == "the amounts of `Toppet bemanning` are not in year order: 2020 is written after 2021"
    assert d.hint == "write them in year order: 2020=3.5 2021=7"
    assert [(r.span.line, r.span.column) for r in d.related] == [(2, 34)]
    assert d.fix is not None and d.fix.safe


def test_a_range_counts_from_its_first_year():
    text = HEAD + 'cover "Innkjøp" 2022..2023=5 2020=1\n'
    assert triples(text, "STR010") == [(2, 30, "STR010")]
    assert "2020 is written after 2022..2023" in next(d.message for d in lint(text) if d.code == "STR010")


def test_links_with_amounts_are_checked():
    text = HEAD + ('item "A" oppvekst 2020..2021=1\ncover "B" 2020..2021=1\n'
                   'funds "B" -> "A" 2021=1 2020=1\n')
    assert triples(text, "STR010") == [(4, 25, "STR010")]
    assert "the link `B` to `A`" in next(d.message for d in lint(text) if d.code == "STR010")


def test_silent_on_ordered_amounts_attributes_between_and_question_marks():
    assert triples(HEAD + 'item "A" oppvekst 2020=1 heading 1 2021=2 2022..2023=? ramp\n', "STR010") == []
    assert triples(HEAD + 'cover "B" ?\n', "STR010") == []
    assert triples(HEAD + 'item "C" oppvekst 2022=1\n', "STR010") == []


def test_a_year_given_twice_is_left_alone_because_the_order_decides_the_figure():
    # Reordering `2021=2 2020..2023=1` would make 2021 count 2 instead of 1.
    assert triples(HEAD + 'item "A" oppvekst 2021=2 2020..2023=1\n', "STR010") == []
    assert triples(HEAD + 'item "A" oppvekst 2021=2 2020=1 2021=3\n', "STR010") == []


def test_the_fix_orders_the_tokens_as_written_and_keeps_attributes_and_comments_in_place():
    text = HEAD + 'item "A" oppvekst 2023=400 000 kr heading 1  # note\n  2020..2021=3.50 2022=?\n'
    assert fixed(text) == HEAD + 'item "A" oppvekst 2020..2021=3.50 heading 1  # note\n  2022=? 2023=400 000 kr\n'


def test_the_fix_keeps_every_years_figure():
    from budsjett_lint.dsl import parse

    text = HEAD + 'item "A" oppvekst 2023=4 2021=2 2020=1 2022=3\n'
    before = parse(text).budget.entries[0].by_year
    after_text = fixed(text)
    assert after_text == HEAD + 'item "A" oppvekst 2020=1 2021=2 2022=3 2023=4\n'
    assert parse(after_text).budget.entries[0].by_year == before
