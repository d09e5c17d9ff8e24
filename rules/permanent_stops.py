"""A permanent change whose amounts stop before the plan ends.

## What it does
For an entry marked `permanent`, finds the last year in which it changes
anything (a figure other than zero, or `?`) and reports it where that year
comes before the last year of the plan. The rule needs the plan's `period`,
and is silent for a line without any amounts.

## Why
A permanent change (varig) continues in every year of the plan: a new post, a
higher grant, a lasting cut. When its amounts simply stop, either the table
has lost its later years and those years are budgeted too low, or the change
is not permanent and should say how long it lasts (`until`).

## Example
```budsjett
budget "Eksempel" period 2020..2023
item "Ung i jobb" finans 2020..2021=400 000 kr heading 0.4 permanent
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2023
item "Ung i jobb" finans 2020..2023=400 000 kr heading 0.4 permanent
```
"""

from __future__ import annotations

from collections.abc import Iterator

from ..dsl.model import Budget
from ._amounts import effect_years, span_of_year
from .base import Finding, NoOptions, Related

CODE = "RMP004"
NAME = "permanent-stops"
SEVERITY = "warning"
SUMMARY = "A permanent change whose amounts stop before the last year of the plan"
Options = NoOptions


def check(budget: Budget, options: NoOptions) -> Iterator[Finding]:
    if not budget.years:
        return
    end = budget.years[-1]
    for entry in budget.entries:
        if entry.permanent is None:
            continue
        years = effect_years(entry)
        if not years or years[-1] >= end:
            continue
        last = years[-1]
        rest = str(end) if last + 1 == end else f"{last + 1}..{end}"
        yield Finding(
            f"`{entry.name.text}` is permanent, but its amounts stop after {last}; the plan runs to {end}",
            span_of_year(entry, last),
            f"state the amounts of {rest}, or replace `permanent` with `until {last}` if the change ends",
            (Related(entry.permanent.span, "declared permanent here"),),
        )
