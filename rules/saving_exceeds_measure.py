"""A saving larger in a year than the measure that causes it.

## What it does
For every saving named in an `offset "Measure" <-> "Saving"` link, compares
the saving with the measure in each year where both give a figure, as
magnitudes (a cut may be written negative), and reports a year where the
saving is more than `ratio` times the measure. A saving linked to several
measures is compared with what they cost together. Years where the measure has
no amount (or zero) are LNK002's; years where either side is `?` cannot be
compared.

## Why
A measure can plausibly save at most about what it costs: staffing ten
kindergartens for 7 million a year cannot cut substitute hiring by 10
million. A saving larger than its measure is a hopeful figure that makes the
coverage look larger than it is, and it is the first line a critic of the
proposal will question.

## Example
```budsjett
budget "Eksempel" period 2020..2021
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7
cover "Redusert vikarinnleie barnehage" oppvekst 2020=2 2021=10
offset "Toppet bemanning i barnehage" <-> "Redusert vikarinnleie barnehage"
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2021
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7
cover "Redusert vikarinnleie barnehage" oppvekst 2020=2 2021=4
offset "Toppet bemanning i barnehage" <-> "Redusert vikarinnleie barnehage"
```

## Options
- `ratio` (number, default 1.0): how many times the measure's amount a saving
  may be before it is reported; 0.5 reports a saving of more than half.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from ..dsl.model import Budget, Span
from ._offsets import Offset, measure_words, offsets
from .base import Finding, Related, fmt, listing

CODE = "LNK003"
NAME = "saving-exceeds-measure"
SEVERITY = "warning"
SUMMARY = "A saving larger in a year than the measure that causes it"


@dataclass(frozen=True)
class Options:
    ratio: Decimal = Decimal("1.0")


def check(budget: Budget, options: Options) -> Iterator[Finding]:
    for offset in offsets(budget):
        if not offset.measures_dated:
            continue
        # Years written as one range share one amount and one place: one finding for them.
        excess: dict[Span, list[tuple[int, Decimal, Decimal]]] = {}
        for year, amount in offset.saving.amount_by_year.items():
            values = [m.by_year[year] for m in offset.measures if m.by_year.get(year, 0) != 0]
            known = [v for v in values if v is not None]
            if amount.value is None or not values or len(known) < len(values):
                continue
            cost = sum((abs(v) for v in known), Decimal(0))
            if abs(amount.value) > options.ratio * cost:
                excess.setdefault(amount.span, []).append((year, abs(amount.value), cost))
        for span, years in excess.items():
            yield _finding(offset, span, years, options.ratio)


def _finding(offset: Offset, span: Span, years: list[tuple[int, Decimal, Decimal]], ratio: Decimal) -> Finding:
    saved = years[0][1]
    costs = listing(fmt(cost) for _, _, cost in years)
    plural = len(offset.measures) > 1
    what = f"its {measure_words(offset)} cost{'' if plural else 's'} ({costs})"
    limit = what if ratio == 1 else f"{fmt(ratio)} times what {what}"
    message = f"`{offset.saving.name.text}` saves {fmt(saved)} in {listing(y for y, _, _ in years)}, more than {limit}"
    most = min(ratio * cost for _, _, cost in years)
    hint = f"lower the saving to at most {fmt(most)}, or check the amounts of the measure"
    related = [Related(m.name.span, "the measure") for m in offset.measures]
    related += [Related(link.span, "linked as its offset here") for link in offset.links]
    return Finding(message, span, hint, tuple(related))
