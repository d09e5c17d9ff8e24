"""STR009 unused-suppression: a `# budsjett-lint: ignore[...]` comment that suppresses nothing."""

from __future__ import annotations

from budsjett_lint.checker.config import Config
from budsjett_lint.checker.fixes import fix_text
from tests.helpers import lint

HEAD = 'budget "T" period 2020..2021\n'
BALANCED_REST = 'cover "B" 2020=1 2021=1\n'


def only(text: str):
    return [d for d in lint(text) if d.code == "STR009"]


def test_a_suppression_of_a_code_that_does_not_fire_there_is_reported_with_a_fix():
    text = HEAD + 'item "A" oppvekst 2020=1 2021=1  # budsjett-lint: ignore[STR008]\n' + BALANCED_REST
    [d] = only(text)
    assert (d.span.line, d.span.column) == (2, 34)
    assert d.message == "unused suppression: `# budsjett-lint: ignore[STR008]` suppresses nothing"
    assert d.fix is not None
    outcome = fix_text(text, "test.budsjett", Config())
    assert outcome.fixed == 1 and "budsjett-lint: ignore" not in outcome.text
    assert outcome.result.diagnostics == ()


def test_a_bare_ignore_that_suppresses_nothing_is_reported():
    text = HEAD + 'item "A" oppvekst 2020=1 2021=1  # budsjett-lint: ignore\n' + BALANCED_REST
    [d] = only(text)
    assert d.message == "this suppression suppresses nothing"


def test_a_suppression_that_silences_a_finding_is_silent():
    text = HEAD + 'item "A" oppvekst 2020=1 2020=1 2021=1  # budsjett-lint: ignore[STR008]\n' + BALANCED_REST
    assert only(text) == []
    assert [d.code for d in lint(text)] == []
