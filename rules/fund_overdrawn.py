"""Draws on a fund beyond its opening balance plus the allocations to it.

## What it does
For each fund that declares an `opening` balance, follows its balance year by
year through the plan: the opening balance, plus the allocations to it
(`allocate ... to`), less the draws on it (`draw ... from`). Reports each year
in which a draw leaves the balance below zero, with the balance and the
figures behind it. From a year in which an allocation or a draw on the fund
gives no figure, the balance is unknown and is not followed further.

## Why
A fund holds what was set aside in earlier years; it cannot give more than it
holds. A plan that draws 25 million on a fund of 10 has 15 million of
coverage that does not exist, and its balance is false however well the
figures add up.

## Example
```budsjett
budget "Eksempel" period 2020..2021
fund "Disposisjonsfondet" opening 10
draw "Fastlegetilskudd fra disposisjonsfondet" 2020..2021=10 from "Disposisjonsfondet"
item "Kompetanseløft fastleger" helse 2020..2021=10
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2021
fund "Disposisjonsfondet" opening 10
allocate "Avsetning til disposisjonsfondet" 2020=14.6 to "Disposisjonsfondet"
draw "Fastlegetilskudd fra disposisjonsfondet" 2020..2021=10 from "Disposisjonsfondet"
item "Kompetanseløft fastleger" helse 2020..2021=10
cover "Innkjøp" 2020=14.6
```

## Options
- `tolerance` (number, millions, default 0.05): a balance down to minus this
  counts as zero, the rounding of amounts given with one decimal.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..dsl.model import Budget, Entry
from ._names import by_name, listing
from .totals import ZERO, figure_unknown
from .base import Finding, Related, Tolerance, fmt

CODE = "BAL005"
NAME = "fund-overdrawn"
SEVERITY = "error"
SUMMARY = "Draws on a fund beyond its opening balance plus the allocations to it"
Options = Tolerance


def check(budget: Budget, options: Options) -> Iterator[Finding]:
    movements: dict[str, list[Entry]] = {}
    for e in budget.entries:
        if e.kind in ("allocate", "draw") and e.fund is not None:
            movements.setdefault(e.fund.text, []).append(e)
    for fund in budget.funds:
        if fund.opening is None:
            continue
        lines = sorted(movements.get(fund.name.text, ()), key=by_name)
        opening = fund.opening.value
        allocated = drawn = ZERO
        for year in budget.years:
            if any(figure_unknown(e, year) for e in lines):
                break  # the balance is unknown from here on
            values = [(e, e.by_year.get(year) or ZERO) for e in lines]
            allocated += sum((v for e, v in values if e.kind == "allocate"), ZERO)
            drawn += sum((v for e, v in values if e.kind == "draw"), ZERO)
            balance = opening + allocated - drawn
            draws = [e for e, v in values if e.kind == "draw" and v > 0]
            if balance >= -options.tolerance or not draws:
                continue
            spans = [next(a.span for a in reversed(e.amounts) if a.year == year) for e in draws]
            related = (Related(fund.opening.span, f"opening balance {fmt(opening)}"),
                       *(Related(s, f"also drawn in {year}") for s in spans[1:]))
            yield Finding(
                f"`{fund.name.text}` is overdrawn in {year}: opening balance {fmt(opening)}, allocations "
                f"{fmt(allocated)} and draws {fmt(drawn)} up to {year} leave {fmt(balance)} mill "
                f"(drawn in {year}: {listing([e.name.text for e in draws])})",
                spans[0],
                f"draw {fmt(-balance)} mill less by {year}, or allocate that much more to the fund first",
                related,
            )
