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

import re
from collections.abc import Iterator

from ..dsl.model import Budget, Entry, Span
from ._names import what_is
from .base import Finding, NoOptions

CODE = "STR007"
NAME = "fund-movement-without-fund"
SEVERITY = "error"
SUMMARY = "An allocation without `to`, a draw without `from`, or a fund named on another kind of line"
Options = NoOptions

_WANTED = {"allocate": "to", "draw": "from"}
# Tokens of an entry's text up to its fund's name: the last word before it is `to` or `from`.
_TOKENS = re.compile(r'"""[\s\S]*?"""|"[^"\n]*"|#[^\n]*|[^\s"#]+')


def _keyword(budget: Budget, entry: Entry) -> tuple[str, int] | None:
    """The keyword written before the fund's name, and its offset; the model keeps only the name."""
    assert entry.fund is not None
    end = entry.fund.span.start
    if not budget.text or not entry.span.start < end <= len(budget.text):
        return None
    last = None
    for m in _TOKENS.finditer(budget.text, entry.span.start, end):
        if not m.group().startswith("#"):
            last = m
    if last is None or last.group() not in ("to", "from"):
        return None
    return last.group(), last.start()


def _span_from(text: str, entry: Entry, offset: int, end: Span) -> Span:
    """From the keyword at `offset` to the end of the fund's name, counting lines from the entry's start."""
    newline = text.rfind("\n", entry.span.start, offset)
    if newline < 0:  # on the entry's first line
        line, column = entry.span.line, entry.span.column + offset - entry.span.start
    else:
        line, column = entry.span.line + text.count("\n", entry.span.start, offset), offset - newline
    return Span(line, column, end.end_line, end.end_column, offset, end.end)


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
        found = _keyword(budget, entry)
        keyword = found[0] if found else None
        if wanted is not None and keyword in (None, wanted):
            continue
        span = _span_from(budget.text, entry, found[1], entry.fund.span) if found else entry.fund.span
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
