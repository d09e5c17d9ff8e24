"""Generated valid documents parse without problems, and parse the same twice."""

from __future__ import annotations

from budsjett_lint.dsl import parse
from hypothesis import given, settings

from tests.strategies import documents


@settings(max_examples=200, deadline=None)
@given(documents())
def test_generated_documents_parse(text):
    result = parse(text)
    assert result.problems == (), (text, result.problems)
    assert parse(text).budget.statements == result.budget.statements
