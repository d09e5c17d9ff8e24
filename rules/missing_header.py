"""A file without a `budget` statement or a `period`, or with more than one `budget`.

## What it does
Reports a file that has no `budget` statement, a `budget` statement without
a `period`, and every `budget` statement after the first.

## Why
The balance is checked for each year of the plan period (kommuneloven
§ 14-4): without a period no year can be checked, and every balance rule is
silent. A file holds one proposal; a second header leaves it open which name
and which period apply.

## Example
```budsjett
budget "Trondheimsbudsjettet"
item "Kulturskolen" oppvekst 2020..2023=1
```

## Use instead
```budsjett
budget "Trondheimsbudsjettet" period 2020..2023
item "Kulturskolen" oppvekst 2020..2023=1
cover "Innkjøp" 2020..2023=1
```
"""

from __future__ import annotations

from collections.abc import Iterator

from ..dsl.model import Budget, Header, Span
from .base import Finding, NoOptions, Related

CODE = "STR006"
NAME = "missing-header"
SEVERITY = "error"
SUMMARY = "A file without a `budget` statement or a `period`, or with more than one `budget`"
Options = NoOptions

_PERIOD_HINT = "give the years of the economic plan, e.g. `period 2020..2023`"


def check(budget: Budget, options: NoOptions) -> Iterator[Finding]:
    headers = [s for s in budget.statements if isinstance(s, Header)]
    if not headers:
        first = budget.statements[0].span if budget.statements else None
        at = Span(1, 1, 1, 1) if first is None else Span(first.line, first.column, first.line, first.column + 1,
                                                        first.start, first.start + 1)
        yield Finding("the file has no `budget` statement, so no year of the plan can be checked", at,
                      f'begin the file with `budget "Name"` and {_PERIOD_HINT}')
        return
    header = headers[0]
    if header.period is None:
        yield Finding(f"`{header.name.text}` has no period, so no year of the plan can be checked",
                      header.name.span, _PERIOD_HINT)
    for other in headers[1:]:
        yield Finding("a second `budget` statement: a file holds one proposal", other.name.span,
                      "remove it, or move the second proposal to a file of its own",
                      (Related(header.name.span, "the first `budget` statement"),))
