"""An entry or link whose amounts are not written in year order.

## What it does
Reports a line whose amounts are written out of year order, such as
`2021=7 2020=3.5`, at the first amount that comes after a later year. A line
that gives some year twice is left alone: there the order decides which
figure counts.

## Why
A reader takes a line's amounts as a row of a table, year by year. Written
out of order, `2021=7 2020=3.5` is easily read as 7 in 2020, and a year that
is missing is hard to see. The formatter writes every line in year order.

## Example
```budsjett
budget "Eksempel" period 2020..2021
item "Toppet bemanning i barnehage" oppvekst 2021=7 2020=3.5
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2021
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7
```

## Fix
Safe: writes the amounts in year order, each as it was written (a range
stays a range). The figures do not change.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from ..dsl.model import Budget, Entry, Link
from ..dsl.written import in_year_order, repeats_a_year, tokens, year_order
from .base import Edit, Finding, Fix, NoOptions, Related

CODE = "STR010"
NAME = "unordered-years"
SEVERITY = "warning"
SUMMARY = "An entry or link whose amounts are not written in year order"
FIX = "safe"
Options = NoOptions


def check(budget: Budget, options: NoOptions) -> Iterator[Finding]:
    text = budget.text
    for stmt in budget.statements:
        if not isinstance(stmt, (Entry, Link)) or len(stmt.amounts) < 2:
            continue
        if all(a.year < b.year for a, b in pairwise(stmt.amounts)):
            continue  # every year after the one before: the tokens are in order (most lines)
        pieces = tokens(stmt.amounts)
        if in_year_order(pieces) or repeats_a_year(pieces):
            continue
        latest = pieces[0]
        for token in pieces[1:]:
            if token.first < latest.first:
                break
            latest = token
        ordered = year_order(pieces)
        as_written = [text[t.span.start:t.span.end] for t in ordered]
        edits = tuple(Edit(slot.span.start, slot.span.end, new)
                      for slot, t, new in zip(pieces, ordered, as_written) if slot is not t)
        what = f"`{stmt.name.text}`" if isinstance(stmt, Entry) else f"the link `{stmt.source.text}` to `{stmt.target.text}`"
        yield Finding(
            f"the amounts of {what} are not in year order: {token.years} is written after {latest.years}",
            token.span,
            f"write them in year order: {' '.join(as_written)}",
            (Related(latest.span, "the later year, written before it"),),
            Fix("write the amounts in year order", edits, safe=True),
        )
