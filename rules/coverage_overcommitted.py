"""A coverage line promised to more uses than its amount in a year.

## What it does
For each `cover` or `draw` line, adds up what its uses promise in each year:
the `funds` and `reallocate` links from it, and the directives that name it
with `funded-by`. Reports the line where the promises exceed its amount in
some year by more than the tolerance, naming every use. A link that gives
amounts promises those (a year it does not state is zero); a link without
amounts, and a `funded-by`, promise all of the use: the use's amount in that
year, or for a directive with `cost N`, N in every year of the plan. Years in
which the coverage, or what a use promises, has no figure are passed over.
The money-flow model (`rules/_totals.py`) reads links so for every rule.

## Why
A saving can be spent once. When the same cut in purchasing is said to pay
for two measures, or a fund draw is promised to more than it draws, the
proposal counts the same money twice, and the balance of the year looks
better than it is. A `reallocate` or a `funded-by` spends the line's money as
surely as a `funds` link. Each amendment must be funded on its own: a reader has
to see that what funds it is not already promised elsewhere.

## Example
```budsjett
budget "Eksempel" period 2020..2021
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7.0 halfyear
item "Skolehelsetjenesten" oppvekst 2020=2.6 2021=5.1
cover "Innkjøp" 2020=15 2021=10
funds "Innkjøp" -> "Toppet bemanning i barnehage"
funds "Innkjøp" -> "Skolehelsetjenesten" 2020=2.6 2021=5.1
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2021
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7.0 halfyear
item "Skolehelsetjenesten" oppvekst 2020=2.6 2021=5.1
cover "Innkjøp" 2020=15 2021=10
funds "Innkjøp" -> "Toppet bemanning i barnehage"
funds "Innkjøp" -> "Skolehelsetjenesten" 2020=2.6 2021=3.0
```

## Options
- `tolerance` (number, millions, default 0.05): how much the promises may
  exceed the coverage, the rounding of amounts given with one decimal.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..dsl.model import Budget
from ._totals import ZERO, Use, coverage_uses
from .base import Finding, Related, Tolerance, fmt, listing

CODE = "FUN004"
NAME = "coverage-overcommitted"
SEVERITY = "error"
SUMMARY = "A coverage line promised by funds, reallocate or funded-by to more uses than its amount in a year"
Options = Tolerance

_HOW = {"funds": "`funds` link", "reallocates": "`reallocate`", "funded-by": "`funded-by`"}


def check(budget: Budget, options: Options) -> Iterator[Finding]:
    by_source: dict[int, list[Use]] = {}
    for use in coverage_uses(budget):
        by_source.setdefault(id(use.source), []).append(use)
    for uses in by_source.values():
        source = uses[0].source
        if not source.amounts:
            continue
        name = source.name.text
        years = sorted(set(budget.years).union(source.by_year, *(u.takes for u in uses)))
        over: list[tuple[int, Decimal, Decimal]] = []
        for year in years:
            covered = source.by_year.get(year, ZERO)
            promised = [u.takes.get(year, ZERO) for u in uses]
            if covered is None or any(p is None for p in promised):
                continue
            total = sum(promised, ZERO)
            if total > 0 and total - covered > options.tolerance:
                over.append((year, covered, total))
        if not over:
            continue
        bad = {year for year, _, _ in over}
        what = f"`{uses[0].target}`" if len(uses) == 1 else f"{len(uses)} uses"
        years_said = "; ".join(f"in {y} it covers {fmt(c)} and is promised {fmt(t)}, {fmt(t - c)} too much"
                               for y, c, t in over)
        yield Finding(
            f"`{name}` is promised to {what} for more than it covers: {years_said}",
            source.name.span,
            "give each use the amount it takes per year (on the `funds` or `reallocate` link) so that together "
            f"they stay within `{name}`, or find more coverage",
            tuple(_note(u, bad) for u in uses),
        )


def _note(use: Use, bad: set[int]) -> Related:
    said = listing([f"{fmt(use.takes.get(y, ZERO))} in {y}" for y in sorted(bad)])
    if use.how == "funded-by":
        return Related(use.span, f"`{use.target}` is funded by it: {said} (its cost)")
    whole = f" (all of `{use.target}`)" if use.whole else ""
    lead = "promises" if use.how == "funds" else "reallocates"
    return Related(use.span, f"{lead} {said}{whole}")
