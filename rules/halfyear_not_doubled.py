"""A half-year start whose next year is not about twice the first.

## What it does
For an entry marked `halfyear`, takes the amount of its first year and the
amount of the year after, and reports the second where it is not about twice
the first. A year after the start that the entry does not state counts as
zero when it lies in the plan. The rule is silent where either year has no
figure (`?`), where the first year is zero, and where the entry is `oneoff`
or ends (`until`) in its first year: such a measure has no full year.

## Why
A measure that starts in the middle of a year costs about half in its first
year (halvårseffekt) and the full amount from the next year on ("3,5
millioner (halvårseffekt) i 2020, økende til 7 millioner i 2021"). A second
year that is not about twice the first means that one of the figures is
wrong, or that the first year is not a half-year effect after all; either way
the later years of the plan are under- or over-budgeted.

## Example
```budsjett
budget "Eksempel" period 2020..2021
item "Styrking av barnevernet" arbeid 2020=3.5 2021=6.0 halfyear
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2021
item "Styrking av barnevernet" arbeid 2020=3.5 2021=7.0 halfyear
```

## Options
- `tolerance` (number, relative, default 0.1): how far the second year may be
  from twice the first, as a share of twice the first (0.1 is 10 %).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from ..dsl.model import Budget
from .base import Finding, Related, fmt

CODE = "RMP001"
NAME = "halfyear-not-doubled"
SEVERITY = "warning"
SUMMARY = "A half-year start whose next year is not about twice the first"


@dataclass(frozen=True)
class Options:
    tolerance: Decimal = Decimal("0.1")


def check(budget: Budget, options: Options) -> Iterator[Finding]:
    plan = budget.years
    for entry in budget.entries:
        if entry.halfyear is None or entry.oneoff is not None or not entry.amounts:
            continue
        first = min(entry.by_year)
        start = entry.by_year[first]
        if not start or (entry.until is not None and entry.until.year <= first):
            continue
        after = first + 1
        amounts = entry.amount_by_year
        if after in amounts:
            value = amounts[after].value
            if value is None:
                continue
            where, shown = amounts[after].span, f"{after} is {fmt(value)}"
        elif after in plan:
            value = Decimal(0)
            where, shown = entry.name.span, f"{after} has no amount"
        else:
            continue
        expected = 2 * start
        if abs(value - expected) <= options.tolerance * abs(expected):
            continue
        yield Finding(
            f"{shown}; a half-year start at {fmt(start)} in {first} implies about {fmt(expected)}",
            where,
            f"make {after} about {fmt(expected)}, or remove `halfyear` if {first} is a full year's effect",
            (Related(amounts[first].span, f"the half-year start, {fmt(start)} in {first}"),),
        )
