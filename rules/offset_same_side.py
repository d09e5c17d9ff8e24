"""An `offset` between two spending lines, or between two coverage lines.

## What it does
Reports an `offset` link whose two ends are both spending (`item`, `invest`,
`allocate`) or both coverage (`cover`, `draw`). A `loan` can stand on either
side and is not judged.

## Why
`offset "Measure" <-> "Saving"` says that a measure that costs money causes a
saving that covers some of it: one end spends, the other covers. Two spending
lines cannot save one another, and two coverage lines bring in money twice
rather than pairing a cost with its saving. Read as written, such a link would
make the checker report one spending line as "saving" against another, which
is false; instead it reports the link, and LNK002/LNK003 leave it alone.

## Example
```budsjett
budget "Eksempel" period 2020..2021
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7
item "Fysioterapeuter" helse 2020=2 2021=2
cover "Redusert vikarinnleie barnehage" oppvekst 2020..2021=?
offset "Toppet bemanning i barnehage" <-> "Fysioterapeuter"
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2021
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7
item "Fysioterapeuter" helse 2020=2 2021=2
cover "Redusert vikarinnleie barnehage" oppvekst 2020..2021=?
offset "Toppet bemanning i barnehage" <-> "Redusert vikarinnleie barnehage"
```
"""

from __future__ import annotations

from collections.abc import Iterator

from ..dsl.model import Budget
from ._offsets import side
from .base import Finding, NoOptions, Related

CODE = "LNK006"
NAME = "offset-same-side"
SEVERITY = "error"
SUMMARY = "An offset between two spending lines, or between two coverage lines"
Options = NoOptions

_WORDS = {"spend": ("spending", "a coverage line (`cover`) that the measure saves"),
          "cover": ("coverage", "the spending line (`item`, `invest`) whose cost the saving covers")}


def check(budget: Budget, options: NoOptions) -> Iterator[Finding]:
    entries = budget.entry_by_name
    for link in budget.links:
        if link.kind != "offset":
            continue
        first, second = entries.get(link.source.text), entries.get(link.target.text)
        if first is None or second is None or first is second:
            continue  # LNK001 or LNK004
        s = side(first)
        if s is None or s != side(second):
            continue
        what, other = _WORDS[s]
        yield Finding(
            f"this `offset` pairs two {what} lines, `{first.kind} \"{first.name.text}\"` and "
            f"`{second.kind} \"{second.name.text}\"`; an offset pairs a measure that spends with the saving that covers it",
            link.span,
            f"link one of them to {other}, or remove the link",
            (Related(first.name.span, f"{what} line"), Related(second.name.span, f"{what} line")),
        )
