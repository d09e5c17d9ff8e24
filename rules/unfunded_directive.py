"""A verbal directive that costs money and that nothing funds.

## What it does
Reports a directive with `cost ?` or `cost N` that names no funding of its
own (`funded-by`) and that no `funds` or `reallocate` link points at.
Directives with `cost none`, which only order a report or a case, are left
alone. Whether the named funding is coverage at all is FUN003's question.

## Why
A verbal directive (verbal føring) can commit the municipality as surely as
a figure in the table: longer opening hours, no downsizing from 2022, a new
permanent post, an expected dividend given up. Each amendment must be funded
on its own, and a commitment without a line that pays for it leaves the
proposal out of balance by an amount that no table shows.

## Example
```budsjett
budget "Eksempel" period 2020..2023
directive "Bystyresekretariatet" finans cost ?
  text "De rødgrønne ønsker ikke en nedbemanning på bystyresekretariatet fra 2022."
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2023
pot "Tilbudet som ble avviklet på Rosten" kultur
directive "Tegnspråkklubb hørselshemmede" kultur cost ?
  funded-by "Tilbudet som ble avviklet på Rosten"
  text "De rødgrønne ber kommunedirektøren omdisponere midler fra tilbudet som ble avviklet på Rosten."
```
"""

from __future__ import annotations

from collections.abc import Iterator

from ..dsl.model import Budget
from .base import Finding, NoOptions, Related, fmt, listing

CODE = "FUN001"
NAME = "unfunded-directive"
SEVERITY = "error"
SUMMARY = "A directive with a cost that names no funding and that no link funds"
Options = NoOptions


def check(budget: Budget, options: NoOptions) -> Iterator[Finding]:
    funded = {link.target.text for link in budget.links if link.kind in ("funds", "reallocates")}
    for directive in budget.directives:
        if directive.cost not in ("unknown", "amount") or directive.funded_by is not None:
            continue
        name = directive.name.text
        if name in funded:
            continue
        if directive.cost_amount is not None:
            cost = f"costs {fmt(directive.cost_amount.value)} mill a year"
        elif all(a.value is None for a in directive.cost_amounts) and directive.cost_amounts:
            cost = "commits to a cost of unknown size in " + listing([a.year for a in directive.cost_amounts])
        elif directive.cost_amounts:
            cost = "costs " + listing([f"{fmt(a.value)} in {a.year}" for a in directive.cost_amounts])
        else:
            cost = "commits to a cost of unknown size"
        related = (Related(directive.cost_span, "the cost"),) if directive.cost_span is not None else ()
        yield Finding(
            f"the directive `{name}` {cost}, and nothing funds it",
            directive.name.span,
            f"name the line or pot that pays for it with `funded-by`, link coverage to it with "
            f"`funds \"...\" -> \"{name}\"`, or write `cost none` if it only orders a report or a case",
            related,
        )
