"""A ramp declared increasing whose amounts fall.

## What it does
For an entry marked `ramp`, compares each year that has a figure with the
next year that has one, and reports a year whose amount is smaller than the
one before it. Years with `?` are passed over; equal years are fine (a ramp
may level out). Amounts are compared by size, so a ramp of cuts written as
negative amounts (-5 in 2021, -10 in 2022) grows as the cut grows.

## Why
An opptrapping is a step-wise increase over the plan years ("20 millioner
økende til 40 millioner i 2021"). A ramp whose table falls contradicts its
own description: either a figure is mistyped, or the line is not a ramp and
its later years need another look.

## Example
```budsjett
budget "Eksempel" period 2020..2023
item "Utskifting av tunge kjøretøy" miljø 2021=2.5 2022=5 2023=2.5 ramp
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2023
item "Utskifting av tunge kjøretøy" miljø 2021=2.5 2022..2023=5 ramp
```
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from ..dsl.model import Budget
from .base import Finding, NoOptions, Related, fmt

CODE = "RMP002"
NAME = "ramp-falls"
SEVERITY = "warning"
SUMMARY = "A ramp declared increasing whose amounts fall from one year to a later one"
Options = NoOptions


def check(budget: Budget, options: NoOptions) -> Iterator[Finding]:
    for entry in budget.entries:
        if entry.ramp is None:
            continue
        known = [(a, a.value) for _, a in sorted(entry.amount_by_year.items()) if a.value is not None]
        for (before, was), (after, now) in pairwise(known):
            if abs(now) >= abs(was):
                continue
            verb = "shrinks" if now < 0 or was < 0 else "falls"
            yield Finding(
                f"the ramp {verb} from {fmt(was)} in {before.year} to {fmt(now)} in {after.year}",
                after.span,
                f"correct the amount of {after.year}, or remove `ramp` if the line is not an increasing ramp",
                (Related(before.span, f"{before.year} is {fmt(was)}"),),
            )
