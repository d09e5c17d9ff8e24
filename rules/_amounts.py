"""The amounts of one entry year by year: where each is written, and which years change anything.

Shared by the ramp rules (RMP), which all look at one entry's years.
"""

from __future__ import annotations

from decimal import Decimal

from ..dsl.model import Entry, Span


def span_of_year(entry: Entry, year: int) -> Span:
    """Where the entry states that year, or its name where it does not."""
    amount = entry.amount_by_year.get(year)
    return amount.span if amount is not None else entry.name.span


def has_effect(value: Decimal | None) -> bool:
    """Whether a stated year changes anything: a figure other than zero, or `?` (a change of unknown size)."""
    return value is None or value != 0


def effect_years(entry: Entry) -> list[int]:
    """The years in which the entry changes anything, in order."""
    return sorted(year for year, value in entry.by_year.items() if has_effect(value))
