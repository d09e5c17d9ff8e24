"""Every example in the language reference parses without a syntax problem."""

from __future__ import annotations

import pytest
from budsjett_lint.dsl import parse

from tests.conftest import ROOT, budsjett_blocks

EXAMPLES = budsjett_blocks((ROOT / "docs" / "language.md").read_text(encoding="utf-8"))


def test_the_reference_has_examples():
    assert len(EXAMPLES) >= 10


@pytest.mark.parametrize("text", EXAMPLES, ids=[f"example{i}" for i in range(len(EXAMPLES))])
def test_reference_example_parses(text):
    result = parse(text)
    assert result.problems == ()
    assert result.budget.statements


def test_the_suppression_example_suppresses_what_it_names():
    import re

    from tests.helpers import codes

    example = next(text for text in EXAMPLES if "ignore-file" in text)
    named = set(re.findall(r"[A-Z]{3}\d{3}", example))
    assert named and named <= set(codes(re.sub(r"#.*", "", example)))  # they fire without the comments
    found = set(codes(example))
    assert not named & found and "STR009" not in found  # and are silenced, none in vain
