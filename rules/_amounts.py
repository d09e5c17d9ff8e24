"""The amounts of one entry year by year: where each is written, and which years change anything.

Shared by the ramp rules (RMP), which all look at one entry's years.
"""

from __future__ import annotations

from decimal import Decimal

from ..dsl.model import Amount, Entry, Span


def amount_by_year(entry: Entry) -> dict[int, Amount]:
    """Year -> the amount written for it; the last of a year wins, as in `Entry.by_year`."""
    return {a.year: a for a in entry.amounts}


def span_of_year(entry: Entry, year: int) -> Span:
    """Where the entry states that year, or its name where it does not."""
    amount = amount_by_year(entry).get(year)
    return amount.span if amount is not None else entry.name.span


def has_effect(value: Decimal | None) -> bool:
    """Whether a stated year changes anything: a figure other than zero, or `?` (a change of unknown size)."""
    return value is None or value != 0


def effect_years(entry: Entry) -> list[int]:
    """The years in which the entry changes anything, in order."""
    return sorted(year for year, value in entry.by_year.items() if has_effect(value))


def listing(items: list) -> str:
    """2021; 2021 and 2022; 2021, 2022 and 2023."""
    words = [str(x) for x in items]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
