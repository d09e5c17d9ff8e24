"""Two entries, directives, funds or pots with the same name.

## What it does
Reports every entry, directive, fund or pot whose name an earlier one already
has, written exactly alike, and points at the first. Names that differ only
by invisible characters, spaces at the ends, Unicode form or case are STR012.

## Why
Links, funding and amendments refer to lines by name. With two lines of one
name, a link cannot say which it means, and a saving may be counted twice
without anyone seeing it. Names in a proposal are the document's headings,
which are unique.

## Example
```budsjett
budget "Eksempel" period 2020..2021
item "Kulturskolen" oppvekst 2020=1
item "Kulturskolen" kultur 2021=1
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2021
item "Kulturskolen" oppvekst 2020..2021=1
```
"""

from __future__ import annotations

from collections.abc import Iterator

from ..dsl.model import Budget, Directive, Entry, Fund, Pot
from .base import Finding, NoOptions, Related

CODE = "STR001"
NAME = "duplicate-name"
SEVERITY = "error"
SUMMARY = "A name that an earlier entry, directive, fund or pot already has"
Options = NoOptions


def check(budget: Budget, options: NoOptions) -> Iterator[Finding]:
    first = budget.named
    for stmt in budget.statements:
        if not isinstance(stmt, (Entry, Directive, Fund, Pot)):
            continue
        original = first[stmt.name.text]
        if original is not stmt and original.name.text == stmt.name.text:  # written otherwise: STR012
            yield Finding(
                f"`{stmt.name.text}` is already the name of line {original.span.line}",
                stmt.name.span,
                "give each line its own name, or merge the two",
                (Related(original.name.span, "first used here"),),
            )
