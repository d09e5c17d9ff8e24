"""An amount written in kroner in a file whose amounts are millions (or thousands).

## What it does
Reports every figure written in kroner, such as `2020=400 000 kr` or
`heading 400 000 kr`, and says what it is in millions, or in thousands in a
file whose header says `unit tusen`. A file whose header says `unit kr`
records that the document itself counts in kroner: there the rule is silent.

## Why
The amounts of a budsjett file are millions of NOK. A kroner amount is exact,
but it stands out among the millions, is hard to compare with them at a
glance, and a figure such as `400 000` is easily taken for 400 000 million.
Writing it in millions, `0.4`, is just as exact.

## Example
```budsjett
budget "Eksempel" period 2020..2021
item "Ung i jobb" finans 2020..2021=400 000 kr
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2021
item "Ung i jobb" finans 2020..2021=0.4
```

## Fix
Safe: writes the figure in millions, exactly (`400 000 kr` becomes `0.4`,
`1 250 kr` becomes `0.00125`); in a file in `tusen`, in thousands (`400`).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..dsl.model import Budget, Directive, Entry, Fund, Link, Number, Span
from ..dsl.written import spell_in_unit, tokens
from .base import Edit, Finding, Fix, NoOptions

CODE = "STR011"
NAME = "kroner-amount"
SEVERITY = "info"
SUMMARY = "An amount written in kroner in a file whose amounts are millions (or thousands)"
FIX = "safe"
Options = NoOptions


def _figures(stmt) -> Iterator[tuple[Span, str, Decimal]]:
    """(span, what precedes the figure in its token, value) of every kroner figure of a statement."""
    numbers: list[Number | None] = []
    if isinstance(stmt, (Entry, Link)) and any(a.kroner for a in stmt.amounts):  # most lines have none
        for w in tokens(stmt.amounts):
            if w.kroner and w.value is not None:
                yield w.span, f"{w.years}=", w.value
    if isinstance(stmt, Entry):
        numbers = [stmt.heading, stmt.total]
    elif isinstance(stmt, Fund):
        numbers = [stmt.opening]
    elif isinstance(stmt, Directive):
        numbers = [stmt.cost_amount]
    for n in numbers:
        if n is not None and n.kroner:
            yield n.span, "", n.value


def check(budget: Budget, options: NoOptions) -> Iterator[Finding]:
    header = budget.header
    if header is not None and header.unit == "kr":
        return
    unit = header.unit if header is not None else "mill"
    words = "thousands" if unit == "tusen" else "millions"
    for stmt in budget.statements:
        for span, prefix, value in _figures(stmt):
            written_as = budget.text[span.start:span.end]
            kroner = written_as[len(prefix):]
            figure = spell_in_unit(value, unit)
            yield Finding(
                f"`{kroner}` is written in kroner; the file's amounts are {words}: {figure}",
                span,
                f"write {prefix + figure}",
                fix=Fix(f"write {kroner} as {figure} ({words})", (Edit(span.start, span.end, prefix + figure),),
                        safe=True),
            )
