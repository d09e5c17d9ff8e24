"""A text that speaks of a half-year effect on a line not marked `halfyear`.

## What it does
Reads the entry's name and `text` for words that say the line is a half-year effect
("halvårseffekt"), and reports the first of them where the line is not marked
`halfyear`. The words, in bokmål and nynorsk, and the near misses that are not
read, are listed in one place for TXT003-TXT007: `rules/_markers.py`. A word
with a negation up to three words before it ("ikke", "ikkje", "uten", ...) is
not read.

## Why
A measure that starts in the middle of the year costs about half in its first year. `halfyear` tells
RMP001 (halfyear-not-doubled) to check that the next year is about twice the first; without it a
second year left at the half-year figure goes unnoticed, and the plan misses half the measure's cost.

## Example
```budsjett
budget "Eksempel" period 2020..2023
item "Toppet bemanning" oppvekst 2020=3.5 2021=7
  text "Vi setter av 3,5 millioner (halvårseffekt) i 2020, økende til 7 millioner i 2021."
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2023
item "Toppet bemanning" oppvekst 2020=3.5 2021=7 halfyear
  text "Vi setter av 3,5 millioner (halvårseffekt) i 2020, økende til 7 millioner i 2021."
```

## Fix
Safe: "halvårseffekt" names nothing else, and the attribute changes no figure.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..dsl.model import Budget
from ._markers import check_marker
from .base import Finding, NoOptions

CODE = "TXT003"
NAME = "halfyear-unmarked"
SEVERITY = "warning"
SUMMARY = "A text that speaks of a half-year effect on a line not marked `halfyear`"
FIX = "safe"
Options = NoOptions


def check(budget: Budget, options: NoOptions) -> Iterator[Finding]:
    return check_marker(budget, "halfyear", safe=True)
