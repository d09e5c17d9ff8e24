"""An amount, `until` or `evaluate` year outside the header's `period`.

## What it does
Reports an amount of an entry or a link whose year lies outside the plan
period declared in the header, and an `until` or `evaluate` year outside it.
A range such as `2022..2024=5` is reported once, with the years outside,
however many they are.
Without a declared period there is nothing to compare with: the period inferred
from the years the file names (STR015) holds them all.

## Why
The balance is checked for each year of the period and for no other: an
amount for 2024 in a plan for 2020..2023 is left out of every sum, so a
typing error (2012 for 2021) would hide spending from the balance. A trial
that ends or is evaluated outside the plan speaks of years the plan does not
decide; say so explicitly, or correct the year.

## Example
```budsjett
budget "Eksempel" period 2020..2023
item "Kulturskolen" oppvekst 2020..2023=1 2024=1
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2023
item "Kulturskolen" oppvekst 2020..2023=1
```
"""

from __future__ import annotations

from collections.abc import Iterator

from ..dsl.model import Budget, Entry, Link, Span
from ..dsl.written import tokens
from .base import Finding, NoOptions

CODE = "STR004"
NAME = "year-outside-period"
SEVERITY = "error"
SUMMARY = "An amount, `until` or `evaluate` year outside the header's `period`"
Options = NoOptions


def _outside(first: int, last: int, start: int, end: int) -> str:
    """The years of `first..last` outside the period `start..end`, in words, as ranges."""
    runs = []
    if first < start:
        runs.append((first, start - 1))
    if last > end:
        runs.append((end + 1, last))
    return " and ".join(str(a) if a == b else f"{a}..{b}" for a, b in runs)


def check(budget: Budget, options: NoOptions) -> Iterator[Finding]:
    header = budget.header
    if header is None or header.period is None:
        return
    first, last = header.period
    period = f"{first}..{last}"
    hint = f"correct the year, or change the period {period} in the header"

    def side(year: int) -> str:
        return "before" if year < first else "after"

    stmts: tuple[Entry | Link, ...] = (*budget.entries, *budget.links)
    for stmt in stmts:
        if all(first <= a.year <= last for a in stmt.amounts):
            continue  # most lines
        if isinstance(stmt, Link):
            owner = f"the link `{stmt.source.text}` -> `{stmt.target.text}`"
        else:
            owner = f"`{stmt.name.text}`"
        for token in tokens(stmt.amounts):
            if first <= token.first and token.last <= last:
                continue
            if not token.ranged:
                message = f"{owner} gives an amount for {token.first}, which is outside the period {period}"
            elif token.last < first or token.first > last:
                message = f"{owner} gives amounts for {token.years}, which are outside the period {period}"
            else:
                outside = _outside(token.first, token.last, first, last)
                message = f"{owner} gives amounts for {token.years}, of which {outside} are outside the period {period}"
            yield Finding(message, token.span, hint)
    for entry in budget.entries:
        checks: list[tuple[int, Span, str]] = []
        if entry.until is not None:
            checks.append((entry.until.year, entry.until.span, "lasts until"))
        if entry.evaluate is not None:
            checks.append((entry.evaluate.year, entry.evaluate.span, "is evaluated in"))
        for year, span, what in checks:
            if not first <= year <= last:
                yield Finding(f"`{entry.name.text}` {what} {year}, {side(year)} the period {period}", span, hint)
