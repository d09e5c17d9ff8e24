"""An allocation or a draw that names a fund not declared with `fund`.

## What it does
Reports the `to "Fund"` of an `allocate` and the `from "Fund"` of a `draw`
where no `fund` of that name is declared in the file, says what the name is
if it belongs to another line, and suggests the closest declared fund.

## Why
An allocation to a fund costs like spending and a draw covers like income;
which fund they move money to or from decides whether a fund is overdrawn
(BAL005). A draw on a fund that does not exist covers nothing.

## Example
```budsjett
budget "Eksempel" period 2020..2021
fund "Disposisjonsfondet"
draw "Fastlegetilskudd" 2020..2021=10 from "Disposisjonsfond"
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2021
fund "Disposisjonsfondet"
draw "Fastlegetilskudd" 2020..2021=10 from "Disposisjonsfondet"
```
"""

from __future__ import annotations

from collections.abc import Iterator

from ..dsl.model import Budget
from ._names import Guesser, what_is
from .base import Finding, NoOptions, Related

CODE = "STR003"
NAME = "unknown-fund"
SEVERITY = "error"
SUMMARY = "An allocation or a draw that names a fund not declared with `fund`"
Options = NoOptions


def check(budget: Budget, options: NoOptions) -> Iterator[Finding]:
    funds = {f.name.text for f in budget.funds}
    guesser = Guesser(f.name.text for f in budget.funds)
    for entry in budget.entries:
        ref = entry.fund
        if ref is None or entry.kind not in ("allocate", "draw") or ref.text in funds:
            continue
        other = budget.named.get(ref.text)
        related: tuple[Related, ...] = ()
        if other is not None:
            message = f"`{ref.text}` is {what_is(other)}, not a fund"
            related = (Related(other.name.span, "declared here"),)
        else:
            message = f"unknown fund `{ref.text}`"
        guess = guesser.guess(ref.text)
        if guess is not None:
            hint = f'did you mean "{guess}"?'
        else:
            hint = f'declare the fund with `fund "{ref.text}"`'
        yield Finding(message, ref.span, hint, related)
