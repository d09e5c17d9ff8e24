"""Keywords are whole words, in every place of a statement."""

from __future__ import annotations

import pytest

from budsjett_lint.dsl import parse


@pytest.mark.parametrize("text, found, column", [
    ('item "A" oppvekst 2020=1 halfyearly\n', "`halfyearly`", 26),
    ('item "A" oppvekst heading3.5\n', "`heading3`", 19),
    ('item "A" oppvekst 2020=1 rampfrees\n', "`rampfrees`", 26),
    ('item "A" 2020=1 ramp2\n', "`ramp2`", 17),
])
def test_a_keyword_run_into_other_letters_is_not_the_keyword(text, found, column):
    (problem,) = parse(text).problems
    assert (problem.code, problem.span.column) == ("SYN001", column)
    assert problem.message.startswith(f"unexpected {found}; expected an amount such as 2020=3.5")


def test_a_word_where_none_may_stand_names_what_was_expected():
    (problem,) = parse('budget "X" period 2020..2021 heading 1\n').problems
    assert (problem.span.column, problem.span.end_column) == (30, 37)
    assert problem.message.startswith("unexpected `heading`; expected ")
    assert problem.message.endswith(" or a new statement") and "the end of the file" not in problem.message


def test_keywords_separated_by_white_space_still_read():
    (entry,) = parse('item "A" oppvekst 2020=1 ramp\tfrees heading 3.5\n').budget.entries
    assert entry.ramp and entry.frees and entry.heading.value == 3.5


def test_a_keyword_is_no_area_id():
    (problem,) = parse('area budget "Budsjett"\n').problems
    assert (problem.span.column, problem.message) == (6, "unexpected `budget`; expected an area id")


@pytest.mark.parametrize("text, message", [
    ('item "A" oppvekst until 3.5\n', "`3.5` is not a year"),
    ('item "A" oppvekst evaluate 2021-7x\n', "`2021-7x` is not a date"),
])
def test_years_and_dates_are_read_as_numbers_and_checked(text, message):
    (problem,) = parse(text).problems
    assert (problem.code, problem.message) == ("SYN004", message)


@pytest.mark.parametrize("text, expected", [
    ('item "A" oppvekst until twenty\n', "a year"),
    ('budget "X" period 2020..\n', "a year"),
    ('item "A" oppvekst evaluate soon\n', "a year or a year and month such as 2021-07"),
    ('item "A" oppvekst heading x\n', "a number"),
])
def test_a_missing_number_is_named_for_what_it_is(text, expected):
    (problem,) = parse(text).problems
    assert problem.message.endswith(f"; expected {expected}")
