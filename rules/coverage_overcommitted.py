"""A coverage line promised to more uses than its amount in a year.

## What it does
For each `cover` or `draw` line that `funds` links name as their source,
adds up what the links promise in each year and reports the line where the
promises exceed its amount in some year by more than the tolerance. A link
that gives amounts promises those (a year it does not state is zero); a link
without amounts promises all of its use: the use's amount in that year, or
for a directive with `cost N`, N in every year of the plan. Years in which
the coverage, or what a link promises, has no figure are passed over.

## Why
A saving can be spent once. When the same cut in purchasing is said to pay
for two measures, or a fund draw is promised to more than it draws, the
proposal counts the same money twice, and the balance of the year looks
better than it is. Each amendment must be funded on its own: a reader has
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

from ..dsl.model import COVER_KINDS, Budget, Directive, Entry, Link
from ._totals import ZERO
from .base import Finding, Related, Tolerance, fmt, listing

CODE = "FUN004"
NAME = "coverage-overcommitted"
SEVERITY = "error"
SUMMARY = "A coverage line promised by funds links to more uses than its amount in a year"
Options = Tolerance


def check(budget: Budget, options: Options) -> Iterator[Finding]:
    links_from: dict[str, list[Link]] = {}
    for link in budget.links:
        if link.kind == "funds":
            links_from.setdefault(link.source.text, []).append(link)
    for name, links in links_from.items():
        source = budget.named.get(name)
        if not isinstance(source, Entry) or source.kind not in COVER_KINDS or not source.amounts:
            continue
        promises = [(link, _promises(link, budget)) for link in links]
        if any(p is None for _, p in promises):  # a use without figures: no year can be checked
            continue
        years = sorted(set(budget.years).union(source.by_year, *(p for _, p in promises)))
        over: list[tuple[int, Decimal, Decimal]] = []
        for year in years:
            covered = source.by_year.get(year, ZERO)
            promised = [p.get(year, ZERO) for _, p in promises]
            if covered is None or any(p is None for p in promised):
                continue
            total = sum(promised, ZERO)
            if total - covered > options.tolerance:
                over.append((year, covered, total))
        if not over:
            continue
        bad = {year for year, _, _ in over}
        uses = f"`{links[0].target.text}`" if len(links) == 1 else f"{len(links)} uses"
        years_said = "; ".join(f"in {y} it covers {fmt(c)} and is promised {fmt(t)}, {fmt(t - c)} too much"
                               for y, c, t in over)
        yield Finding(
            f"`{name}` is promised to {uses} for more than it covers: {years_said}",
            source.name.span,
            "give each `funds` link the amount it takes per year so that together they stay within "
            f"`{name}`, or find more coverage",
            tuple(_note(link, p, bad) for link, p in promises),
        )


def _promises(link: Link, budget: Budget) -> dict[int, Decimal | None] | None:
    """What the link promises, year by year: a year left out promises nothing, a
    year with None an unknown amount. None where the use has no figures at all."""
    if link.amounts:
        return {a.year: a.value for a in link.amounts}
    use = budget.named.get(link.target.text)
    if isinstance(use, Entry) and use.amounts:
        return dict(use.by_year)
    if isinstance(use, Directive) and use.cost == "none":
        return {}
    if isinstance(use, Directive) and use.cost_amounts:
        return {a.year: a.value for a in use.cost_amounts}
    if isinstance(use, Directive) and use.cost == "amount" and use.cost_amount is not None:
        return {year: use.cost_amount.value for year in budget.years}
    return None


def _note(link: Link, promises: dict[int, Decimal | None], bad: set[int]) -> Related:
    said = listing([f"{fmt(promises.get(y, ZERO))} in {y}" for y in sorted(bad)])
    whole = "" if link.amounts else f" (all of `{link.target.text}`)"
    return Related(link.span, f"promises {said}{whole}")
