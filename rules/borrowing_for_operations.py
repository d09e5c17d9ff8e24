"""Borrowing used to cover operations.

## What it does
Reports a `funds` or `reallocate` link from a `loan` to an operating item, an
allocation to a fund or a directive, and a directive `funded-by` a loan.
Reports, too, a year in which borrowing rises by more than the year's
investments need: the change of investments (`invest`) less the draws and
coverage linked to them with `funds`. A loan that no investment needs is
borrowing for operations as well, whether it is linked to something or not.

## Why
Kommuneloven lets a municipality borrow to finance investments only, never
operations; repayments on loans are an operating cost. Borrowing that pays
for an operating item is unlawful as it stands, and so is borrowing that no
investment needs, which in effect funds operations too. A loan that frees
operating room by borrowing *less* (lower repayments, `frees`) is lawful and
is not reported.

## Example
```budsjett
budget "Eksempel" period 2020..2021
item "Barnetrygd utenfor inntektsberegning av sosialhjelp" arbeid 2020..2021=8
loan "Økt låneopptak" 2020..2021=8
funds "Økt låneopptak" -> "Barnetrygd utenfor inntektsberegning av sosialhjelp"
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2021
item "Barnetrygd utenfor inntektsberegning av sosialhjelp" arbeid 2020..2021=8
cover "Innkjøp" 2020..2021=8
funds "Innkjøp" -> "Barnetrygd utenfor inntektsberegning av sosialhjelp"
invest "Skolebygg" oppvekst 2020..2021=20
loan "Økt låneopptak" 2020..2021=20
funds "Økt låneopptak" -> "Skolebygg"
```

## Options
- `tolerance` (number, millions, default 0.05): borrowing beyond the year's
  investment need by no more than this is not reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..dsl.model import Budget, Link
from ._investment import investments, movement
from ._names import by_name, listing, what_is
from .base import Finding, Related, Tolerance, fmt

CODE = "BAL003"
NAME = "borrowing-for-operations"
SEVERITY = "error"
SUMMARY = "Borrowing used to cover operations"
Options = Tolerance


_HINT = "borrowing may finance investments only: pay for it from coverage or a fund draw instead"


def check(budget: Budget, options: Options) -> Iterator[Finding]:
    inv = investments(budget)
    for use in inv.operating_uses:
        loan, target = use.loan.name.text, use.target.name.text
        if isinstance(use.via, Link):
            verb = "funds" if use.via.kind == "funds" else "is reallocated to"
            message = f"borrowing used for operations: the loan `{loan}` {verb} `{target}`, {what_is(use.target)}"
            span = use.via.span
        else:
            message = f"borrowing used for operations: the directive `{target}` is funded by the loan `{loan}`"
            span = use.via.span
        related: tuple[Related, ...] = (Related(use.loan.name.span, "the loan"), Related(use.target.name.span, what_is(use.target)))
        yield Finding(message, span, _HINT, related)

    for year in inv.years:
        excess = min(-year.shortfall, year.borrowing)
        if not year.verifiable or excess <= options.tolerance:
            continue
        rising = sorted((e for e in inv.loans if (e.by_year.get(year.year) or 0) > 0), key=by_name)
        details = f"investments {movement(year.invest, plural=True)}"
        if year.linked:
            details += f", of which draws and coverage linked to them pay {fmt(year.linked)}"
        message = (f"{year.year} raises borrowing by {fmt(year.borrowing)} mill ({listing([e.name.text for e in rising])}), "
                   f"{fmt(excess)} more than its investments need ({details})")
        spans = [next(a.span for a in reversed(e.amounts) if a.year == year.year) for e in rising]
        related = tuple(Related(s, f"borrowing rises in {year.year}") for s in spans[1:])
        yield Finding(message, spans[0], f"borrow {fmt(excess)} mill less in {year.year}, or name the investment "
                      "that needs it: borrowing may finance investments only", related)
