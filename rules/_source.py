"""The source text behind a node, for messages that quote what was written."""

from __future__ import annotations

from ..dsl.model import Amount, Budget
from .base import fmt


def as_written(budget: Budget, amount: Amount) -> str:
    """An amount as written, e.g. `2020..2022=15`; rebuilt where the text is not at hand."""
    span = amount.span
    source = budget.text[span.start : span.end] if span.end > span.start else ""
    return source or f"{amount.year}={fmt(amount.value)}"


def written_amounts(budget: Budget, amounts: tuple[Amount, ...]) -> str:
    """The amounts of a line as written, each range once."""
    tokens: dict[int, Amount] = {}
    for a in amounts:
        tokens.setdefault(a.span.start, a)
    return " ".join(as_written(budget, a) for a in tokens.values())
