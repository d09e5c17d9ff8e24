"""An entry with no amount that is not marked `?`, or marked `?` and given amounts too.

## What it does
Reports an entry that gives no amount for any year and is not marked with a
bare `?`, and an entry marked with a bare `?` that gives amounts as well.

## Why
Where the document names a line but gives no figure, the file must say so
with `?`: a line with nothing written would otherwise read as a change of
zero in every year, a figure the document never gave. The balance of a year
with such a line cannot be verified (BAL002), and the tool can only say so
if it knows. A bare `?` says that no year has a figure; amounts on the same
line contradict it, and leave open which of the two is meant.

## Example
```budsjett
budget "Eksempel" period 2020..2021
cover "Udisponert reserve" finans
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2021
cover "Udisponert reserve" finans ?
```
"""

from __future__ import annotations

from collections.abc import Iterator

from ..dsl.model import Budget
from ._source import written_amounts
from .base import Finding, NoOptions, Related

CODE = "STR005"
NAME = "missing-amount"
SEVERITY = "error"
SUMMARY = "An entry with no amount that is not marked `?`, or marked `?` and given amounts too"
Options = NoOptions


def check(budget: Budget, options: NoOptions) -> Iterator[Finding]:
    for entry in budget.entries:
        name = entry.name.text
        if not entry.amounts and entry.unquantified is None:
            if entry.total is not None:
                message = f"`{name}` gives a total but no amount for any year"
                hint = "write `?` beside the total where the document gives no figure per year, or give the years"
            else:
                message = f"`{name}` has no amount"
                hint = "write its amounts, e.g. 2020=3.5, or `?` where the document gives no figure"
            yield Finding(message, entry.name.span, hint)
        elif entry.amounts and entry.unquantified is not None:
            given = written_amounts(budget, entry.amounts)
            if any(a.value is not None for a in entry.amounts):
                message = f"`{name}` is marked `?` (no figure for any year) but gives amounts: {given}"
                hint = "remove the `?`, or the amounts if the document gives none"
            else:
                message = f"`{name}` is marked `?` and names years without figures as well: {given}"
                hint = "keep the bare `?` where no year is named, or the years with `?` where some are"
            yield Finding(message, entry.unquantified.span, hint, (Related(entry.amounts[0].span, "amounts given here"),))
