"""The same year given twice in one entry or link.

## What it does
Reports an amount of an entry or a link for a year that an earlier amount of
the same line already gives, whether written twice (`2020=1 2020=2`) or by
ranges that overlap (`2020..2022=1 2022..2023=2`), and says which figures
collide. The model keeps both; the sums count the last one.

## Why
A year has one figure on a line. Two figures for one year are a typing
error or two lines run together; summing would count the year twice, taking
the last would silently drop the first. Either way the table differs from
what someone meant.

## Example
```budsjett
budget "Eksempel" period 2020..2023
cover "Innkjøp" 2020..2022=15 2022..2023=25
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2023
cover "Innkjøp" 2020..2021=15 2022..2023=25
```
"""

from __future__ import annotations

from collections.abc import Iterator

from ..dsl.model import Amount, Budget, Entry, Link
from ._source import as_written
from .base import Finding, NoOptions, Related, fmt

CODE = "STR008"
NAME = "duplicate-year"
SEVERITY = "error"
SUMMARY = "The same year given twice in one entry or link"
Options = NoOptions


def check(budget: Budget, options: NoOptions) -> Iterator[Finding]:
    stmts: tuple[Entry | Link, ...] = (*budget.entries, *budget.links)
    for stmt in stmts:
        first: dict[int, Amount] = {}
        clashes: dict[int, list[tuple[Amount, Amount]]] = {}  # token offset -> (earlier, later) per year
        for a in stmt.amounts:
            earlier = first.setdefault(a.year, a)
            if earlier is not a:
                clashes.setdefault(a.span.start, []).append((earlier, a))
        for pairs in clashes.values():
            owner = (f"the link `{stmt.source.text}` -> `{stmt.target.text}`" if isinstance(stmt, Link)
                     else f"`{stmt.name.text}`")
            later = pairs[0][1]
            years = ", ".join(str(b.year) for _, b in pairs)
            figures = "; ".join(f"{b.year}: {fmt(a.value)} and {fmt(b.value)}" for a, b in pairs)
            earlier_tokens = {a.span.start: a for a, _ in pairs}
            related = tuple(Related(a.span, f"`{as_written(budget, a)}` gives it first")
                            for a in earlier_tokens.values())
            yield Finding(f"{owner} gives {years} twice ({figures})", later.span,
                          "give each year once; the sums count only the last figure", related)
