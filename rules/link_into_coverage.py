"""A `funds` or `reallocate` link whose use is a coverage line.

## What it does
Reports a `funds` or `reallocate` link whose target (the use that is paid
for) is a coverage line (`cover` or `draw`). Where the source is not coverage
either (an item funding a cover line, written the wrong way round), FUN003
reports the source and this rule stays silent, so the mistake is one finding.

## Why
A `funds` link runs from the line that pays to the line that is paid for; a
`reallocate` link moves money from a pot to a new use. A coverage line is
itself money coming in: nothing needs to pay for it, and money moved into it
pays for nothing. The link names the wrong line, and the use it was meant to
pay for is left unfunded.

## Example
```budsjett
budget "Eksempel" period 2020..2021
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7
cover "Innkjøp" 2020=3.5 2021=7
cover "Reformstøtte" 2020=0.4
funds "Reformstøtte" -> "Innkjøp"
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2021
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7
cover "Innkjøp" 2020=3.5 2021=7
cover "Reformstøtte" 2020=0.4
funds "Reformstøtte" -> "Toppet bemanning i barnehage"
```
"""

from __future__ import annotations

from collections.abc import Iterator

from ..dsl.model import COVER_KINDS, Budget, Entry
from .base import Finding, NoOptions, Related

CODE = "LNK007"
NAME = "link-into-coverage"
SEVERITY = "error"
SUMMARY = "A funds or reallocate link whose use is a coverage line"
Options = NoOptions

_KEYWORD = {"funds": "funds", "reallocates": "reallocate"}


def _coverage(x) -> bool:
    return isinstance(x, Entry) and x.kind in COVER_KINDS


def check(budget: Budget, options: NoOptions) -> Iterator[Finding]:
    named = budget.named
    for link in budget.links:
        if link.kind not in _KEYWORD or link.source.text == link.target.text:
            continue  # offsets are LNK006's, self-links LNK004's
        target, source = named.get(link.target.text), named.get(link.source.text)
        if not _coverage(target) or source is None:
            continue  # an unknown end is LNK001's
        if link.kind == "funds" and isinstance(source, Entry) and not _coverage(source) and source.kind != "loan":
            continue  # FUN003 reports the source that cannot pay
        yield Finding(
            f"this `{_KEYWORD[link.kind]}` link pays into `{target.kind} \"{target.name.text}\"`, a coverage line; "
            "the use of a link is what the money pays for",
            link.target.span,
            "name the item, investment or directive the money pays for",
            (Related(target.name.span, "coverage line"),),
        )
