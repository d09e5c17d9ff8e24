"""An amount, `until` or `evaluate` year outside the header's `period`.

## What it does
Reports an amount of an entry or a link whose year lies outside the plan
period declared in the header, and an `until` or `evaluate` year outside it.
A range such as `2022..2024=5` is reported once, with the years outside.
Without a period there is nothing to compare with (STR006 reports that).

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

from ..dsl.model import Amount, Budget, Link, Span
from .base import Finding, NoOptions

CODE = "STR004"
NAME = "year-outside-period"
SEVERITY = "error"
SUMMARY = "An amount, `until` or `evaluate` year outside the header's `period`"
Options = NoOptions


def _by_token(amounts: tuple[Amount, ...]) -> dict[int, list[Amount]]:
    """Amounts grouped by the text they were written as: a range is one token."""
    tokens: dict[int, list[Amount]] = {}
    for a in amounts:
        tokens.setdefault(a.span.start, []).append(a)
    return tokens


def _years(years: list[int]) -> str:
    words = [str(y) for y in years]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def check(budget: Budget, options: NoOptions) -> Iterator[Finding]:
    header = budget.header
    if header is None or header.period is None:
        return
    first, last = header.period
    period = f"{first}..{last}"
    hint = f"correct the year, or change the period {period} in the header"

    def side(year: int) -> str:
        return "before" if year < first else "after"

    for stmt in (*budget.entries, *budget.links):
        if all(first <= a.year <= last for a in stmt.amounts):
            continue  # most lines
        if isinstance(stmt, Link):
            owner = f"the link `{stmt.source.text}` -> `{stmt.target.text}`"
        else:
            owner = f"`{stmt.name.text}`"
        for token in _by_token(stmt.amounts).values():
            outside = [a.year for a in token if not first <= a.year <= last]
            if not outside:
                continue
            verb = "is" if len(outside) == 1 else "are"
            yield Finding(f"{owner} gives an amount for {_years(outside)}, which {verb} outside the period {period}",
                          token[0].span, hint)
    for entry in budget.entries:
        checks: list[tuple[int, Span, str]] = []
        if entry.until is not None:
            checks.append((entry.until.year, entry.until.span, "lasts until"))
        if entry.evaluate is not None:
            checks.append((entry.evaluate.year, entry.evaluate.span, "is evaluated in"))
        for year, span, what in checks:
            if not first <= year <= last:
                yield Finding(f"`{entry.name.text}` {what} {year}, {side(year)} the period {period}", span, hint)
