"""A heading amount that differs from the first year's figure.

## What it does
Compares the amount printed beside an entry's heading (`heading`) with the
amount of the entry's first stated year, and reports the heading where the
two differ by more than the tolerance. The rule is silent where the first
year has no figure (`?`).

## Why
The document prints one figure beside each heading, the first year's, and
the prose and the table give the years. A reader adds up the headings; the
balance adds up the table. When they disagree, one of them is wrong, and the
proposal says two things about what it costs.

## Example
```budsjett
budget "Eksempel" period 2020..2021
item "Skolehelsetjenesten" oppvekst 2020=2.6 2021=5.1 heading 2.0
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2021
item "Skolehelsetjenesten" oppvekst 2020=2.6 2021=5.1 heading 2.6
```

## Options
- `tolerance` (number, millions, default 0.05): the difference that counts as
  the same figure, the rounding of a heading given with one decimal.

## Fix
Unsafe: sets the heading to the first year's figure. The table may be what
is wrong, so the fix changes a figure and has to be reviewed.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..dsl.model import Budget
from ..dsl.written import spell_in_unit, spell_kroner
from .base import Edit, Finding, Fix, Related, Tolerance, fmt

CODE = "RMP007"
NAME = "heading-mismatch"
SEVERITY = "warning"
SUMMARY = "A heading amount that differs from the entry's first year's figure"
FIX = "unsafe"
Options = Tolerance


def _written(value, heading, unit: str) -> str:
    """The figure as the heading writes it: in thousands in a file in `tusen` (unless the heading is
    in kroner, which stay kroner there), else in millions."""
    if unit != "tusen":
        return fmt(value)
    return (heading.kroner and spell_kroner(value)) or spell_in_unit(value, unit)


def check(budget: Budget, options: Options) -> Iterator[Finding]:
    unit = budget.header.unit if budget.header is not None else "mill"
    for entry in budget.entries:
        heading = entry.heading
        if heading is None or not entry.amounts:
            continue
        first = min(entry.by_year)
        value = entry.by_year[first]
        if value is None or abs(heading.value - value) <= options.tolerance:
            continue
        figure = fmt(value)
        yield Finding(
            f"the heading says {fmt(heading.value)}, but the first year, {first}, is {figure}",
            heading.span,
            f"set the heading to {figure}, or correct the amount of {first}",
            (Related(entry.amount_by_year[first].span, f"{first} is {figure}"),),
            Fix(f"set the heading to {figure}", (Edit(heading.span.start, heading.span.end, _written(value, heading, unit)),),
                safe=False),
        )
