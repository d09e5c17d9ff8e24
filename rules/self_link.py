"""A link from a line to itself.

## What it does
Reports an `offset`, `funds` or `reallocate` link whose two ends name the same
line (names compared as written).

## Why
A link says that one line bears on another: a measure causes a saving, a
coverage line pays for a use, money moves from a pot to a new use. A line
cannot save against, pay for or move money to itself; such a link is almost
always a name copied into both ends, and the line it was meant to name is left
unlinked.

## Example
```budsjett
budget "Eksempel" period 2020..2021
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7
cover "Redusert vikarinnleie barnehage" oppvekst 2020..2021=?
offset "Toppet bemanning i barnehage" <-> "Toppet bemanning i barnehage"
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2021
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7
cover "Redusert vikarinnleie barnehage" oppvekst 2020..2021=?
offset "Toppet bemanning i barnehage" <-> "Redusert vikarinnleie barnehage"
```
"""

from __future__ import annotations

from collections.abc import Iterator

from ..dsl.model import Budget
from .base import Finding, NoOptions, Related

CODE = "LNK004"
NAME = "self-link"
SEVERITY = "error"
SUMMARY = "A link from a line to itself"
Options = NoOptions

_KEYWORD = {"offset": "offset", "funds": "funds", "reallocates": "reallocate"}


def check(budget: Budget, options: NoOptions) -> Iterator[Finding]:
    for link in budget.links:
        if link.source.text != link.target.text:
            continue
        keyword = _KEYWORD[link.kind]
        declared = budget.named.get(link.source.text)
        related = (Related(declared.name.span, "declared here"),) if declared is not None else ()
        yield Finding(
            f"this `{keyword}` link runs from `{link.source.text}` to itself",
            link.target.span,
            "name the other line the link is meant to reach, or remove the link",
            related,
        )
