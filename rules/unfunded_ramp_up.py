"""A ramp-up from one plan year to the next that growing coverage does not meet.

## What it does
For each pair of consecutive plan years, compares the growth of operating
spending (`item` and `allocate`) with the growth of what covers it (`cover`
and `draw`). Where spending grows and the next year is left short by more
than the tolerance, reports the growth that is not covered and names the
entries that grow, and by how much. A surplus in the earlier year counts as
covering part of the growth. Where either year has lines without a figure,
the rule is silent: BAL002 reports that such a year cannot be verified.

## Why
An opptrapping costs more every year ("20 millioner økende til 40 millioner i
2021"), and every year of the plan must balance on its own (kommuneloven
§ 14-4). Coverage that is found once, for the first year, does not pay for
the growth: each later year needs coverage that grows with the ramp. An
unfunded ramp-up is a classic error of alternative budgets, and naming the
lines that grow shows where the money has to come from.

## Example
```budsjett
budget "Eksempel" period 2020..2021
item "Opptrapping av grunnbemanning i eldreomsorgen" helse 2020=20 2021=40 ramp
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7.0 halfyear
cover "Innkjøp" 2020=23.5 2021=25
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2021
item "Opptrapping av grunnbemanning i eldreomsorgen" helse 2020=20 2021=40 ramp
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7.0 halfyear
cover "Innkjøp" 2020=23.5 2021=25
cover "Innleie av arbeidskraft" 2021=22
```

## Options
- `tolerance` (number, millions, default 0.05): the uncovered growth that
  counts as covered, the rounding of amounts given with one decimal.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from itertools import pairwise

from ..dsl.model import SPEND_KINDS, Budget, Entry
from ._amounts import span_of_year
from ._totals import ZERO, operating_balance
from .base import Finding, Related, Tolerance, fmt, listing

CODE = "FUN002"
NAME = "unfunded-ramp-up"
SEVERITY = "error"
SUMMARY = "A ramp-up from one plan year to the next that growing coverage does not meet"

#: The message names this many of the entries that grow most; the related notes name the rest
#: (as many as the engine shows, `checker.engine.MAX_RELATED`).
NAMED_IN_MESSAGE = 5
Options = Tolerance


def check(budget: Budget, options: Options) -> Iterator[Finding]:
    spenders = [e for e in budget.entries if e.kind in SPEND_KINDS]
    for before, after in pairwise(operating_balance(budget)):
        if not (before.verifiable and after.verifiable):
            continue
        spend_growth = after.spend - before.spend
        cover_growth = after.cover - before.cover
        uncovered = min(spend_growth - cover_growth, after.gap)
        if spend_growth <= 0 or uncovered <= options.tolerance:
            continue
        y0, y1 = before.year, after.year
        growing = _growing(spenders, y0, y1)
        first, growth = growing[0]
        if cover_growth > 0:
            coverage = f"coverage only by {fmt(cover_growth)}"
        elif cover_growth == 0:
            coverage = "coverage does not grow"
        else:
            coverage = f"coverage falls by {fmt(-cover_growth)}"
        rest = f" (the surplus of {fmt(-before.gap)} in {y0} covers the rest)" if before.gap < 0 else ""
        names = [f"`{e.name.text}` +{fmt(g)}" for e, g in growing[:NAMED_IN_MESSAGE]]
        if len(growing) > NAMED_IN_MESSAGE:
            names.append(f"{len(growing) - NAMED_IN_MESSAGE} more")
        yield Finding(
            f"from {y0} to {y1} operating spending grows by {fmt(spend_growth)} mill but {coverage}: "
            f"{fmt(uncovered)} mill of the growth is not covered{rest}; growing: {listing(names)}",
            span_of_year(first, y1),
            f"cover {fmt(uncovered)} mill more in {y1} with coverage that grows with the ramp, "
            f"or let spending grow that much less",
            tuple(Related(span_of_year(e, y1), f"`{e.name.text}` grows by {fmt(g)} from {y0} to {y1}")
                  for e, g in growing[1:]),
        )


def _growing(spenders: list[Entry], y0: int, y1: int) -> list[tuple[Entry, Decimal]]:
    """The spending entries that grow from y0 to y1, the largest growth first (then by name)."""
    grow = [(e, e.by_year.get(y1, ZERO) - e.by_year.get(y0, ZERO)) for e in spenders]
    return sorted(((e, g) for e, g in grow if g > 0), key=lambda t: (-t[1], t[0].name.text))
