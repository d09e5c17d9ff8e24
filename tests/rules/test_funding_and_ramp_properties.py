"""Properties of the FUN and RMP rules on generated documents.

The findings do not depend on the order of the statements (every rule builds
its dictionaries from the whole file), and no rule breaks on any valid document.
"""

from __future__ import annotations

from collections import Counter

from budsjett_lint.dsl import parse
from budsjett_lint.dsl.parser import split_statements
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tests.helpers import lint
from tests.strategies import documents

FAMILIES = ("FUN", "RMP")


def findings(text: str) -> Counter:
    return Counter((d.code, d.message, d.hint) for d in lint(text) if d.code[:3] in FAMILIES)


def statements(text: str) -> list[str]:
    return [text[start:end].rstrip("\n") + "\n" for start, end, _ in split_statements(text)]


@settings(max_examples=150, deadline=None)
@given(documents(min_entries=2), st.randoms(use_true_random=False))
def test_the_order_of_statements_does_not_change_the_findings(text, random):
    budget = parse(text).budget
    names = [s.name.text for s in budget.entries + budget.directives + budget.funds + budget.pots]
    assume(len(names) == len(set(names)))  # with duplicates, the first of a name wins (STR001)
    parts = statements(text)
    random.shuffle(parts)
    shuffled = "".join(parts)
    assert parse(shuffled).problems == ()
    assert findings(shuffled) == findings(text)


@settings(max_examples=150, deadline=None)
@given(documents())
def test_every_finding_points_into_the_file(text):
    lines = text.split("\n")
    for d in lint(text):
        if d.code[:3] not in FAMILIES:
            continue
        for span in (d.span, *(r.span for r in d.related)):
            assert 1 <= span.line <= len(lines) and 1 <= span.column <= len(lines[span.line - 1]) + 1
        if d.fix is not None:
            assert not d.fix.safe
            for edit in d.fix.edits:
                assert 0 <= edit.start <= edit.end <= len(text)
