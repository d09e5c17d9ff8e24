"""Funding that names a line that does not exist or is not coverage.

## What it does
Reports a directive's `funded-by` that names no entry, directive, fund or pot
(with the nearest name that could fund it), and a `funded-by` or the source
of a `funds` link that names something that exists but is not coverage. What
can pay for something is a `cover` line, a `draw` on a fund, or a `pot`; and
a borrowing change (`loan`) can pay for an investment (`invest`). A `funds`
link whose source does not exist at all is LNK001's finding, and borrowing
that pays for operations is BAL003's.

## Why
Funding is checked by name. A misspelt name funds nothing. An item, an
investment or an allocation does not pay for anything: it is itself a use of
money. Borrowing may finance investments only, never operations. A fund pays
only through a draw on it, which has to be a line of its own so that the
balance of the year counts it.

## Example
```budsjett
budget "Eksempel" period 2020..2023
item "Veteranhus" finans 2020=400 000 kr
cover "Reformstøtte" ?
funds "Veteranhus" -> "Reformstøtte"
directive "Tegnspråkklubb hørselshemmede" kultur cost ?
  funded-by "Tilbudet som ble avvikla på Rosten"
pot "Tilbudet som ble avviklet på Rosten" kultur
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2023
item "Veteranhus" finans 2020=400 000 kr
cover "Reformstøtte" ?
funds "Reformstøtte" -> "Veteranhus"
directive "Tegnspråkklubb hørselshemmede" kultur cost ?
  funded-by "Tilbudet som ble avviklet på Rosten"
pot "Tilbudet som ble avviklet på Rosten" kultur
```
"""

from __future__ import annotations

from collections.abc import Iterator

from ..dsl.model import COVER_KINDS, Budget, Directive, Entry, Fund, Link, Name, Pot
from ._investment import investments
from ._names import Guesser
from .base import Finding, NoOptions, Related

CODE = "FUN003"
NAME = "funding-not-coverage"
SEVERITY = "error"
SUMMARY = "Funding that names no line, or a line that is not coverage"
Options = NoOptions

_WHAT = {
    "item": "an item (operating spending)",
    "invest": "an investment",
    "allocate": "an allocation to a fund",
    "loan": "a borrowing change (borrowing may finance investments only)",
}


def check(budget: Budget, options: NoOptions) -> Iterator[Finding]:
    named = budget.named
    # borrowing that pays for operations is BAL003's finding, said once there
    reported = {id(u.via) for u in investments(budget).operating_uses}
    sources = [(d.funded_by, "funded-by") for d in budget.directives
               if d.funded_by is not None and id(d.funded_by) not in reported]
    sources += [(link.source, "funds") for link in budget.links
                if link.kind == "funds" and not _borrowing_for_investment(link, named) and id(link) not in reported]
    guesser = Guesser(n for n, s in named.items() if isinstance(s, Pot) or (isinstance(s, Entry) and s.kind in COVER_KINDS))
    for name, how in sources:
        target = named.get(name.text)
        if target is None:
            if how == "funded-by":
                guess = guesser.guess(name.text)
                yield _unknown(name, [guess] if guess is not None else [])
            continue
        if isinstance(target, Pot) or (isinstance(target, Entry) and target.kind in COVER_KINDS):
            continue
        yield _not_coverage(name, how, target)


def _borrowing_for_investment(link: Link, named: dict) -> bool:
    source, target = named.get(link.source.text), named.get(link.target.text)
    return (isinstance(source, Entry) and source.kind == "loan"
            and isinstance(target, Entry) and target.kind == "invest")


def _unknown(name: Name, close: list[str]) -> Finding:
    message = f"`funded-by` names `{name.text}`, which is no entry or pot"
    if close:
        return Finding(f"{message}; did you mean `{close[0]}`?", name.span, f"write \"{close[0]}\"")
    return Finding(message, name.span, "name a `cover` line, a `draw` on a fund or a `pot` that pays for it")


def _not_coverage(name: Name, how: str, target: Entry | Directive | Fund | Pot) -> Finding:
    if isinstance(target, Entry):
        what = _WHAT[target.kind]
    elif isinstance(target, Fund):
        what = "a fund, which pays only through a `draw` line"
    else:
        what = "a directive"
    subject = "`funded-by` names" if how == "funded-by" else "this `funds` link takes its money from"
    if isinstance(target, Fund):
        hint = f"add a line `draw \"...\" from \"{name.text}\"` with the amounts, and name that line instead"
    else:
        hint = "name a `cover` line, a `draw` on a fund or a `pot` that pays for it"
    return Finding(f"{subject} `{name.text}`, {what}, not coverage", name.span, hint,
                   (Related(target.name.span, f"`{name.text}` is defined here"),))
