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

## Fix
None that `check --fix` applies: whether the directive costs nothing or what pays
for it is for the proposal's author to say. In the editor the finding offers the
choices as quick fixes (`remedies`): `cost none`, `funded-by` one of the pots and
coverage lines of the directive's area, or an empty `funded-by ""` to fill in.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..dsl.model import COVER_KINDS, Budget, Directive, Entry, Pot, Span
from .base import Edit, Finding, Fix, NoOptions, Related, fmt, listing

CODE = "FUN001"
NAME = "unfunded-directive"
SEVERITY = "error"
SUMMARY = "A directive with a cost that names no funding and that no link funds"
Options = NoOptions

#: How many of the directive's area's pots and coverage lines `remedies` offers as its funding.
MAX_FUNDERS = 3


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


def remedies(budget: Budget, span: Span) -> list[Fix]:
    """The remedies the message names, for the finding at `span`, for a person to choose among
    (the editor's quick fixes; none is safe, and `check --fix` applies none): `cost none`, funding
    by a pot or a coverage line of the directive's area (the nearest first), an empty `funded-by`."""
    directive = next((d for d in budget.directives if d.name.span == span), None)
    if directive is None or directive.cost_span is None or not budget.text:
        return []
    cost = directive.cost_span
    fixes = [Fix("mark it as costing nothing (`cost none`)", (Edit(cost.start, cost.end, "cost none"),), safe=False)]
    for name in _funders(budget, directive):
        fixes.append(Fix(f'fund it from "{name}"', (Edit(cost.end, cost.end, f' funded-by "{name}"'),), safe=False))
    fixes.append(Fix('fund it from a line: `funded-by ""`, its name to fill in',
                     (Edit(cost.end, cost.end, ' funded-by ""'),), safe=False))
    return fixes


def _funders(budget: Budget, directive: Directive) -> list[str]:
    """The pots and coverage lines of the directive's area, the nearest to it first."""
    if directive.sector is None:
        return []
    area = directive.sector.id
    near = [s for s in budget.statements
            if (isinstance(s, Pot) or (isinstance(s, Entry) and s.kind in COVER_KINDS))
            and s.sector is not None and s.sector.id == area]
    near.sort(key=lambda s: abs(s.span.line - directive.span.line))
    return [s.name.text for s in near[:MAX_FUNDERS]]
