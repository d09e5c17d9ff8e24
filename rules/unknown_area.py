"""An area id that is neither built in nor declared with `area`.

## What it does
Reports an area id on an entry, a directive, a section, a pot or in an
`exempt` list that is not one of the seven built-in service areas and not
declared with `area` anywhere in the file, and suggests the closest known id.

## Why
Amounts are grouped by service area (tjenesteområde) in the appropriation
tables, and an efficiency demand's `exempt` list decides who pays for it. A
misspelt area puts a line in an area of its own, or silently exempts nobody.

## Example
```budsjett
budget "Eksempel" period 2020..2021
item "Kulturskolen" oppvekts 2020..2021=1
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2021
area byutvikling "Byutvikling"
item "Kulturskolen" oppvekst 2020..2021=1
item "Arealregnskap" byutvikling 2020..2021=0.5
```
"""

from __future__ import annotations

from collections.abc import Iterator

from ..dsl.model import Budget, Directive, Entry, Pot, Section, SectorRef
from ._names import Guesser
from .base import Finding, NoOptions

CODE = "STR002"
NAME = "unknown-area"
SEVERITY = "error"
SUMMARY = "An area id that is neither built in nor declared with `area`"
Options = NoOptions


def _area_refs(budget: Budget) -> Iterator[SectorRef]:
    for stmt in budget.statements:
        if isinstance(stmt, (Entry, Directive, Section, Pot)) and stmt.sector is not None:
            yield stmt.sector
        if isinstance(stmt, Entry):
            yield from stmt.exempt


#: How many known area ids a hint lists before it counts the rest.
_OFFERED = 20


def check(budget: Budget, options: NoOptions) -> Iterator[Finding]:
    known = budget.sectors
    guesser = Guesser(known)
    ids = list(known)
    # The ids a hint offers: every one of a plan's usual dozen, not the thousands a hostile file declares.
    offered = ", ".join(ids) if len(ids) <= _OFFERED else ", ".join(ids[:_OFFERED]) + f" and {len(ids) - _OFFERED} more"
    for ref in _area_refs(budget):
        if ref.id in known:
            continue
        guess = guesser.guess(ref.id)
        if guess is not None:
            hint = f"did you mean `{guess}` ({known[guess].name})?"
        else:
            hint = f"declare it with `area {ref.id} \"Name\"`, or use one of: {offered}"
        yield Finding(f"unknown area `{ref.id}`", ref.span, hint)
