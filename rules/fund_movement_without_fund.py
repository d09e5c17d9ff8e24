"""An allocation without `to`, a draw without `from`, or a fund named on another kind of line.

## What it does
Reports an `allocate` that names no fund with `to "Fund"`, a `draw` that
names none with `from "Fund"`, an `allocate ... from` or a `draw ... to`
(the wrong direction), and `to` or `from` on an entry that is neither.

## Why
An allocation to a fund (avsetning) costs like spending and a draw on it
(bruk av fond) covers like income; which fund they fill or empty is part of
the figure. Without the fund, no one can check that the draws stay within
the fund (BAL005). On an item or a coverage line, a fund means that the line
is really a fund movement of the other kind, or that the fund is a mistake.

## Example
```budsjett
budget "Eksempel" period 2020..2021
fund "Disposisjonsfondet"
draw "Fastlegetilskudd fra disposisjonsfondet" 2020..2021=10
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2021
fund "Disposisjonsfondet"
draw "Fastlegetilskudd fra disposisjonsfondet" 2020..2021=10 from "Disposisjonsfondet"
```
"""

from __future__ import annotations

from collections.abc import Iterator

from ..dsl.model import Budget
from ._names import what_is
from .base import Finding, NoOptions

CODE = "STR007"
NAME = "fund-movement-without-fund"
SEVERITY = "error"
SUMMARY = "An allocation without `to`, a draw without `from`, or a fund named on another kind of line"
Options = NoOptions

_WANTED = {"allocate": "to", "draw": "from"}


def check(budget: Budget, options: NoOptions) -> Iterator[Finding]:
    funds = [f.name.text for f in budget.funds]
    example = funds[0] if funds else "Disposisjonsfondet"
    for entry in budget.entries:
        name = entry.name.text
        wanted = _WANTED.get(entry.kind)
        if entry.fund is None:
            if wanted is not None:
                verb = "allocates to" if entry.kind == "allocate" else "draws on"
                yield Finding(f"`{name}` {verb} no fund", entry.name.span,
                              f'name the fund: `{wanted} "{example}"`')
            continue
        keyword = entry.fund_keyword
        if wanted is not None and keyword in (None, wanted):
            continue
        span = entry.fund_clause or entry.fund.span
        fund = entry.fund.text
        if wanted is None:
            written = f'`{keyword} "{fund}"`' if keyword else f'the fund "{fund}"'
            kind = {"to": "an `allocate`", "from": "a `draw`"}.get(keyword or "", "an `allocate` or a `draw`")
            message = f"`{name}` is {what_is(entry)}, which moves no money to or from a fund, but names {written}"
            hint = f"make it {kind} if it is a fund movement, or remove {written}"
        elif entry.kind == "allocate":
            message = f'`{name}` is an allocation, which fills a fund, but says `from "{fund}"`'
            hint = f'write `to "{fund}"`, or make the line a `draw` if it takes from the fund'
        else:
            message = f'`{name}` is a draw, which takes from a fund, but says `to "{fund}"`'
            hint = f'write `from "{fund}"`, or make the line an `allocate` if it fills the fund'
        yield Finding(message, span, hint)
