"""A plan year that balances only by drawing on funds.

## What it does
Reports a year of the plan that balances (BAL001 is silent) only because of
draws on funds: the draws, less the allocations to funds in the same year,
cover part of the spending. Gives the net draw and the gap the year would
have without it. Draws that pay for investments are not counted: they cover
no operating spending.

## Why
Balancing a year with a draw on the disposisjonsfond is lawful, but it spends
savings rather than covering the year's spending with the year's income, and
critics rightly call it "not real balance" (ikke reell balanse). A reader of
the proposal should see it as such. The finding is for information: it is no
error to balance this way.

## Example
```budsjett
budget "Eksempel" period 2020..2021
fund "Disposisjonsfondet"
item "Kompetanseløft fastleger" helse 2020..2021=10
draw "Fastlegetilskudd fra disposisjonsfondet" 2020..2021=10 from "Disposisjonsfondet"
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2021
item "Kompetanseløft fastleger" helse 2020..2021=10
cover "Innkjøp" 2020..2021=10
```

## Options
- `tolerance` (number, millions, default 0.05): the gap that counts as
  balanced, and the net draw that counts as none.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..dsl.model import Budget, Entry
from ._names import by_name
from .totals import operating_balance
from .base import Finding, Related, Tolerance, fmt

CODE = "BAL006"
NAME = "balanced-by-fund"
SEVERITY = "info"
SUMMARY = "A plan year that balances only by drawing on funds"
Options = Tolerance


def check(budget: Budget, options: Options) -> Iterator[Finding]:
    where = budget.period_span
    draws: list[Entry] | None = None  # sorted by name, once a year balances by them
    for year in operating_balance(budget):
        net = year.draws - year.allocations
        if not year.verifiable or abs(year.gap) > options.tolerance or net <= options.tolerance:
            continue
        if draws is None:
            draws = sorted((e for e in budget.entries if e.kind == "draw"), key=by_name)
        without = year.gap + net
        if year.allocations:
            message = (f"{year.year} balances only by drawing on funds: draws {fmt(year.draws)} less allocations to "
                       f"funds {fmt(year.allocations)} leave a net draw of {fmt(net)} mill; without it the gap is "
                       f"{fmt(without)} mill")
        else:
            message = (f"{year.year} balances only by drawing on funds: without its draws of {fmt(net)} mill "
                       f"the gap is {fmt(without)} mill")
        related = tuple(Related(e.name.span, f"draws {fmt(e.by_year[year.year])} in {year.year}")
                        for e in draws if e.by_year.get(year.year))
        yield Finding(message, where, f"lawful, but not real balance: cover {fmt(without)} mill in {year.year} "
                      "from the year's own income to show real balance", related)
