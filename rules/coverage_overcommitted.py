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
The money-flow model (`rules/totals.py`) reads links so for every rule.

Where the over-promises of a year are that year's gap (they promise at least
the gap beyond what their lines cover), the mistake is one: BAL001 says it in
its finding for the year, naming the line and every use, and FUN004 leaves
that year to it.

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
cover "Innkjøp" 2020=6.1 2021=10
cover "Innleie" 2021=2.1
funds "Innkjøp" -> "Toppet bemanning i barnehage"
funds "Innkjøp" -> "Skolehelsetjenesten" 2020=2.6 2021=5.1
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2021
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7.0 halfyear
item "Skolehelsetjenesten" oppvekst 2020=2.6 2021=5.1
cover "Innkjøp" 2020=6.1 2021=10
cover "Innleie" 2021=2.1
funds "Innkjøp" -> "Toppet bemanning i barnehage"
funds "Innkjøp" -> "Skolehelsetjenesten" 2020=2.6 2021=3.0
funds "Innleie" -> "Skolehelsetjenesten" 2021=2.1
```

## Options
- `tolerance` (number, millions, default 0.05): how much the promises may
  exceed the coverage, the rounding of amounts given with one decimal.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import NamedTuple

from ..dsl.model import Budget, Entry
from .totals import ZERO, Use, coverage_uses, known_sum, operating_balance
from .base import Finding, Related, Tolerance, fmt, listing, span_of_years

CODE = "FUN004"
NAME = "coverage-overcommitted"
SEVERITY = "error"
SUMMARY = "A coverage line promised by funds, reallocate or funded-by to more uses than its amount in a year"
Options = Tolerance

_HOW = {"funds": "`funds` link", "reallocates": "`reallocate`", "funded-by": "`funded-by`"}


class Overcommitted(NamedTuple):
    """A coverage line promised to more than it covers, in the years where it is."""

    source: Entry
    uses: tuple[Use, ...]
    over: tuple[tuple[int, Decimal, Decimal], ...]  # (year, what it covers, what it is promised)


def overcommitted(budget: Budget, tolerance: Decimal) -> tuple[Overcommitted, ...]:
    """Every coverage line whose uses promise more than it covers in some year."""
    by_source: dict[int, list[Use]] = {}
    for use in coverage_uses(budget):
        by_source.setdefault(id(use.source), []).append(use)
    result = []
    for uses in by_source.values():
        source = uses[0].source
        if not source.amounts:
            continue
        years = sorted(set(budget.years).union(source.by_year, *(u.takes for u in uses)))
        over: list[tuple[int, Decimal, Decimal]] = []
        for year in years:
            covered = source.by_year.get(year, ZERO)
            total = known_sum(u.takes.get(year, ZERO) for u in uses)
            if covered is None or total is None:
                continue
            if total > 0 and total - covered > tolerance:
                over.append((year, covered, total))
        if over:
            result.append(Overcommitted(source, tuple(uses), tuple(over)))
    # by name, so that a message that lists several (BAL001's) says them alike however the file is ordered
    return tuple(sorted(result, key=lambda o: (o.source.name.text.casefold(), o.source.name.text)))


def in_the_gap(budget: Budget, tolerance: Decimal) -> dict[int, tuple[Overcommitted, ...]]:
    """The plan years whose gap (BAL001's) the over-promises of that year explain: together they
    promise at least the gap beyond what their lines cover. BAL001 says them in its finding for
    the year, with the uses as related places, and FUN004 leaves those years to it."""
    lines = overcommitted(budget, tolerance)
    if not lines:
        return {}
    result = {}
    for year in operating_balance(budget):
        if not year.verifiable or year.gap <= tolerance:
            continue
        here = [o for o in lines if any(y == year.year for y, _, _ in o.over)]
        excess = sum((t - c for o in here for y, c, t in o.over if y == year.year), ZERO)
        if here and excess >= year.gap - tolerance:
            result[year.year] = tuple(here)
    return result


def gap_clause(line: Overcommitted, year: int) -> str:
    """What BAL001 adds to its message for a year whose gap an over-promise explains."""
    covered, total = next((c, t) for y, c, t in line.over if y == year)
    what = f"`{line.uses[0].target}`" if len(line.uses) == 1 else f"{len(line.uses)} uses"
    return (f"`{line.source.name.text}` covers {fmt(covered)} and is promised {fmt(total)} to {what}: "
            f"{fmt(total - covered)} of the same money counted twice")


def gap_related(line: Overcommitted, year: int) -> tuple[Related, ...]:
    return (Related(line.source.name.span, f"covers {fmt(line.source.by_year.get(year) or ZERO)} in {year}"),
            *(_note(u, {year}) for u in line.uses))


def check(budget: Budget, options: Options) -> Iterator[Finding]:
    said = in_the_gap(budget, options.tolerance)
    for line in overcommitted(budget, options.tolerance):
        source, uses = line.source, line.uses
        over = [o for o in line.over if not any(x is line or x.source is source for x in said.get(o[0], ()))]
        if not over:
            continue
        bad = {year for year, _, _ in over}
        name = source.name.text
        what = f"`{uses[0].target}`" if len(uses) == 1 else f"{len(uses)} uses"
        years_said = _years_said(over)
        yield Finding(
            f"`{name}` is promised to {what} for more than it covers: {years_said}",
            source.name.span,
            "give each use the amount it takes per year (on the `funds` or `reallocate` link) so that together "
            f"they stay within `{name}`, or find more coverage",
            tuple(_note(u, bad) for u in uses),
        )


def _years_said(over) -> str:
    """`in 2021 it covers 8.0 and is promised 9.0, 1.0 too much`, once for a run of years alike:
    `in each year 2020–2023 it covers …`."""
    alike: dict[tuple, list[int]] = {}
    for year, covers, promised in over:
        alike.setdefault((covers, promised), []).append(year)
    said = []
    for (covers, promised), years in alike.items():
        run = len(years) > 1 and years == list(range(years[0], years[-1] + 1))
        groups = [years] if run else [[y] for y in years]
        said += [(g[0], f"in {'each year ' + span_of_years(g) if len(g) > 1 else g[0]} it covers {fmt(covers)} "
                        f"and is promised {fmt(promised)}, {fmt(promised - covers)} too much") for g in groups]
    return "; ".join(text for _, text in sorted(said))


def _note(use: Use, bad: set[int]) -> Related:
    said = listing([f"{fmt(use.takes.get(y, ZERO))} in {y}" for y in sorted(bad)])
    if use.how == "funded-by":
        return Related(use.span, f"`{use.target}` is funded by it: {said} (its cost)")
    whole = f" (all of `{use.target}`)" if use.whole else ""
    lead = "promises" if use.how == "funds" else "reallocates"
    return Related(use.span, f"{lead} {said}{whole}")
