"""A ramp-up from one plan year to the next that growing coverage does not meet: now part of BAL001.

## What it does
Nothing of its own any more: the uncovered growth of spending from one plan
year to the next is said in BAL001's finding for the later year, which names
the lines that grow, and by how much, as related places. One year that does
not balance is one finding. The code stays so that configurations and
suppressions that name it keep working; `uncovered_growth` here is what
BAL001 asks.

How the growth is weighed: for each pair of consecutive plan years whose
figures are all known, the growth of operating spending (`item`, `allocate`,
directive costs that coverage pays for) against the growth of what covers it
(`cover`, `draw`). Where spending grows and the later year is left short by
more than the tolerance, the growth not covered is named with the entries
that grow.

## Why
An opptrapping costs more every year ("20 millioner økende til 40 millioner i
2021"), and every year of the plan must balance on its own (kommuneloven
§ 14-4). Coverage that is found once, for the first year, does not pay for
the growth. Before, this rule reported every such year a second time beside
BAL001 (on random budgets, always in a year BAL001 already reported).

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
  counts as covered (kept for configurations; BAL001's tolerance decides).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import NamedTuple

from ..dsl.model import SPEND_KINDS, Budget, Entry
from ._amounts import span_of_year
from .totals import ZERO, YearBalance
from .base import Finding, Related, Tolerance, fmt, listing

CODE = "FUN002"
NAME = "unfunded-ramp-up"
SEVERITY = "error"
SUMMARY = "A ramp-up that growing coverage does not meet (said in BAL001's finding for the year)"

#: The message names this many of the entries that grow most; the related notes name the rest.
NAMED_IN_MESSAGE = 5
Options = Tolerance


class Growth(NamedTuple):
    """Spending growth from one year to the next that coverage does not meet."""

    since: int
    spend: Decimal
    cover: Decimal
    uncovered: Decimal
    growing: tuple[tuple[Entry, Decimal], ...]  # the entries that grow, the largest growth first

    def clause(self) -> str:
        """What BAL001 adds to its message."""
        if self.cover > 0:
            coverage = f"coverage only by {fmt(self.cover)}"
        elif self.cover == 0:
            coverage = "coverage does not grow"
        else:
            coverage = f"coverage falls by {fmt(-self.cover)}"
        names = [f"`{e.name.text}` +{fmt(g)}" for e, g in self.growing[:NAMED_IN_MESSAGE]]
        if len(self.growing) > NAMED_IN_MESSAGE:
            names.append(f"{len(self.growing) - NAMED_IN_MESSAGE} more")
        grown = f"; growing: {listing(names)}" if names else ""
        return (f"from {self.since} spending grows by {fmt(self.spend)} but {coverage}, "
                f"leaving {fmt(self.uncovered)} of the growth uncovered{grown}")

    def related(self, year: int) -> tuple[Related, ...]:
        return tuple(Related(span_of_year(e, year), f"`{e.name.text}` grows by {fmt(g)} from {self.since} to {year}")
                     for e, g in self.growing)


def uncovered_growth(budget: Budget, before: YearBalance, after: YearBalance, tolerance: Decimal) -> Growth | None:
    """The growth from `before` to `after` that coverage does not meet, where both years are known."""
    if not (before.verifiable and after.verifiable):
        return None
    spend_growth = after.spend - before.spend
    cover_growth = after.cover - before.cover
    uncovered = min(spend_growth - cover_growth, after.gap)
    if spend_growth <= 0 or uncovered <= tolerance:
        return None
    spenders = [e for e in budget.entries if e.kind in SPEND_KINDS]
    return Growth(before.year, spend_growth, cover_growth, uncovered, tuple(_growing(spenders, before.year, after.year)))


def check(budget: Budget, options: Options) -> Iterator[Finding]:
    """Reports nothing of its own: BAL001 says the uncovered growth in its finding for the year."""
    return iter(())


def _growing(spenders: list[Entry], y0: int, y1: int) -> list[tuple[Entry, Decimal]]:
    """The spending entries that grow from y0 to y1, the largest growth first (then by name)."""
    grow = [(e, (e.by_year.get(y1) or ZERO) - (e.by_year.get(y0) or ZERO)) for e in spenders]
    return sorted(((e, g) for e, g in grow if g > 0), key=lambda t: (-t[1], t[0].name.text))
