"""A saving that goes on in a year where the measure that causes it has no amount.

## What it does
For every saving named in an `offset "Measure" <-> "Saving"` link, reports the
years where the saving has an amount (or `?`) but none of the measures that
cause it has one. The saving is the end that is coverage; a saving linked to
several measures runs as long as any of them does. A measure written only as
`?` names no years and is not judged.

## Why
A saving caused by a measure lasts only as long as the measure: topped
staffing in ten kindergartens reduces hiring of substitutes while the project
runs, not after it. A saving booked in a year where its measure has ended
covers spending with money that will not be saved, and the year only looks
balanced.

## Example
```budsjett
budget "Eksempel" period 2020..2023
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7 trial
cover "Redusert vikarinnleie barnehage" oppvekst 2020=1 2021..2023=2
offset "Toppet bemanning i barnehage" <-> "Redusert vikarinnleie barnehage"
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2023
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7 trial
cover "Redusert vikarinnleie barnehage" oppvekst 2020=1 2021=2
offset "Toppet bemanning i barnehage" <-> "Redusert vikarinnleie barnehage"
```
"""

from __future__ import annotations

from collections.abc import Iterator

from ..dsl.model import Budget
from ._offsets import Offset, measure_words, offsets
from .base import Finding, NoOptions, Related, listing

CODE = "LNK002"
NAME = "saving-outlives-measure"
SEVERITY = "warning"
SUMMARY = "A saving with amounts in a year where the measure that causes it has none"
Options = NoOptions


def check(budget: Budget, options: NoOptions) -> Iterator[Finding]:
    for offset in offsets(budget):
        if not offset.measures_dated:
            continue
        running = {a.year for m in offset.measures for a in m.amounts if a.value != 0}
        saving = offset.saving.amount_by_year
        outlived = [y for y in sorted(saving) if y not in running and saving[y].value != 0]
        if outlived:
            yield _finding(offset, outlived, saving[outlived[0]].span)


def _finding(offset: Offset, years: list[int], span) -> Finding:
    plural = len(offset.measures) > 1
    message = (f"`{offset.saving.name.text}` saves in {listing(years)}, where the {measure_words(offset)} "
               f"that cause{'' if plural else 's'} it {'have' if plural else 'has'} no amount")
    hint = (f"end the saving when its measure ends, or give the measure its amounts in {listing(years)}"
            " if it goes on")
    related = []
    for m in offset.measures:
        years_of = sorted(a.year for a in m.amounts if a.value != 0)
        note = f"the measure: amounts in {listing(years_of)}" if years_of else "the measure: no amount in any year"
        related.append(Related(m.name.span, note))
    related += [Related(link.span, "linked as its offset here") for link in offset.links]
    return Finding(message, span, hint, tuple(related))
