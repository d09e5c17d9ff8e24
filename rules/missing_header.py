"""A file whose plan years cannot be known, or with more than one `budget`.

## What it does
Reports a file that declares no `period` (no `budget` statement, or one
without a `period`) and names no year the period could be inferred from, and
every `budget` statement after the first. Where the file names years, the
period is inferred from them instead (STR015).

## Why
The balance is checked for each year of the plan period (kommuneloven
§ 14-4): without a period and without a year no year can be checked, and
every balance rule is silent. A file holds one proposal; a second header
leaves it open which name and which period apply.

## Example
```budsjett
budget "Trondheimsbudsjettet"
item "Kulturskolen" oppvekst ?
```

## Use instead
```budsjett
budget "Trondheimsbudsjettet" period 2020..2023
item "Kulturskolen" oppvekst 2020..2023=?
```
"""

from __future__ import annotations

from collections.abc import Iterator

from ..dsl.model import MAX_PERIOD, Budget, Header
from .base import Finding, NoOptions, Related

CODE = "STR006"
NAME = "missing-header"
SEVERITY = "error"
SUMMARY = "A file whose plan years cannot be known (no `period` and no year named), or with more than one `budget`"
Options = NoOptions

_PERIOD_HINT = "give the years of the economic plan, e.g. `period 2020..2023`"


def check(budget: Budget, options: NoOptions) -> Iterator[Finding]:
    headers = [s for s in budget.statements if isinstance(s, Header)]
    if budget.period is None:
        yield _no_years(budget, headers[0] if headers else None)
    for other in headers[1:]:
        yield Finding("a second `budget` statement: a file holds one proposal", other.name.span,
                      "remove it, or move the second proposal to a file of its own",
                      (Related(headers[0].name.span, "the first `budget` statement"),))


def _no_years(budget: Budget, header: Header | None) -> Finding:
    what = "the file has no `budget` statement" if header is None else f"`{header.name.text}` has no period"
    where = budget.period_span if header is None else header.name.span
    fix = f'begin the file with `budget "Name"` and {_PERIOD_HINT}' if header is None else _PERIOD_HINT
    years = budget.named_years
    if years:
        return Finding(f"{what}, and the years it names span {years[1] - years[0] + 1} years "
                       f"({years[0]}–{years[1]}), more than a plan's {MAX_PERIOD}, so no year of the plan "
                       "can be checked", where, fix + ", and correct the years outside it")
    return Finding(f"{what} and names no year, so no year of the plan can be checked", where, fix)

