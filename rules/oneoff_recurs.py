"""A one-off change with amounts in more than one year.

## What it does
Reports an entry marked `oneoff` that changes something (a figure other than
zero, or `?`) in more than one year, at the second such year.

## Why
A one-off change (engangs) happens once: start-up support, a single grant.
When it comes back in a later year, either the later amount is a mistake, or
the change lasts and the plan has to cover it every year, which a reader who
trusts `oneoff` will not expect.

## Example
```budsjett
budget "Eksempel" period 2020..2023
item "Veteranhus" finans 2020=400 000 kr 2021=400 000 kr oneoff
  text "De rødgrønne setter av 400 000 kroner til oppstartsstøtte i 2020."
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2023
item "Veteranhus" finans 2020=400 000 kr oneoff
  text "De rødgrønne setter av 400 000 kroner til oppstartsstøtte i 2020."
```
"""

from __future__ import annotations

from collections.abc import Iterator

from ..dsl.model import Budget
from ._amounts import effect_years, span_of_year
from .base import Finding, NoOptions, Related, fmt, listing

CODE = "RMP005"
NAME = "oneoff-recurs"
SEVERITY = "warning"
SUMMARY = "A one-off change with amounts in more than one year"
Options = NoOptions


def check(budget: Budget, options: NoOptions) -> Iterator[Finding]:
    for entry in budget.entries:
        if entry.oneoff is None:
            continue
        years = effect_years(entry)
        if len(years) < 2:
            continue
        yield Finding(
            f"`{entry.name.text}` is one-off, but has {listing([f'{fmt(entry.by_year[y])} in {y}' for y in years])}",
            span_of_year(entry, years[1]),
            f"keep only the amount of {years[0]}, or replace `oneoff` with `until {years[-1]}` "
            f"or `permanent` if the change lasts",
            (Related(span_of_year(entry, years[0]), f"the one-off amount, {years[0]}"),),
        )
