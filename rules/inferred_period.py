"""A file checked for a period it does not declare, inferred from the years it names.

## What it does
Where a file declares no `period` (it has no `budget` statement, or one
without a `period`) but names years, the plan period is taken to run from
the first to the last year it gives an amount or `?` for, ranges included,
and every rule checks that period. This finding says which period was
inferred and the lines that declare it; where the file has a `budget`
statement, the fix writes the inferred `period` into it. A file that names
no year is reported by STR006 instead. Where a `period` is written but
cannot be a plan's (it runs backwards, SYN004, or spans more than 100
years, SYN008), that syntax finding is the one: the header stays, and the
file is checked for the years it names meanwhile.

## Why
A line typed into a new file should be checked at once: an unfunded item
alone in a file is an unbalanced year (BAL001), header or not. But the
inferred period is only as long as the years written: a plan for 2020..2023
whose lines so far name 2020 and 2021 is checked for two years, and a year
the file does not name is not checked at all. Declaring the period makes
the check cover the whole plan.

## Example
```budsjett
item "Toppet bemanning" oppvekst 2020=3.5 2021=7.0
cover "Innkjøp" 2020=3.5 2021=7.0
```

## Use instead
```budsjett
budget "Trondheimsbudsjettet"
  period 2020..2023
item "Toppet bemanning" oppvekst 2020=3.5 2021..2023=7.0
cover "Innkjøp" 2020=3.5 2021..2023=7.0
```
"""

from __future__ import annotations

from collections.abc import Iterator

from ..dsl.model import Budget
from .base import Edit, Finding, Fix, NoOptions

CODE = "STR015"
NAME = "inferred-period"
SEVERITY = "info"
SUMMARY = "A file without a `period`, checked for the period from the first to the last year it names"
FIX = "safe"  # where there is a `budget` statement: the period is written into it
Options = NoOptions


def check(budget: Budget, options: NoOptions) -> Iterator[Finding]:
    inferred = budget.inferred_period
    if inferred is None:
        return
    period = f"period {inferred[0]}..{inferred[1]}"
    years = f"{inferred[0]}–{inferred[1]}" if inferred[0] != inferred[1] else str(inferred[0])
    header = budget.header
    if header is None:
        yield Finding(f"the file has no `budget` statement: checked for the plan years {years}, the first to the "
                      "last year it names", budget.period_span,
                      f'declare the plan: begin the file with `budget "Name"` and, under it, `{period}`, '
                      "with the plan's first and last year")
        return
    if header.period_span is not None:
        return  # a period is written but cannot be a plan's: its syntax finding (SYN004, SYN008) is the one
    name = header.name
    yield Finding(f"`{name.text}` has no period: checked for the plan years {years}, the first to the last year "
                  "the file names", name.span,
                  f"declare the plan: add `{period}` under `budget`, with the plan's first and last year",
                  fix=Fix(f"declare `{period}`", (Edit(name.span.end, name.span.end, f" {period}"),), safe=True))
