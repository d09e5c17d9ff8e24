"""A text that calls a change lasting (varig) on a line not marked `permanent`.

## What it does
Reads the entry's name and `text` for words that say the line is a lasting change
("varig"), and reports the first of them where the line is not marked
`permanent`. The words, in bokmål and nynorsk, and the near misses that are not
read, are listed in one place for TXT003-TXT007: `rules/_markers.py`. A word
with a negation up to three words before it ("ikke", "ikkje", "uten", ...) is
not read.

## Why
A lasting change continues in every year of the plan. `permanent` lets RMP004 (permanent-stops) find
the year where the table drops it; without it a lasting increase entered for one year passes, and the
later years are balanced without its cost.

## Example
```budsjett
budget "Eksempel" period 2020..2023
item "Skolehelsetjenesten" oppvekst 2020..2023=2.6
  text "Vi gir en varig styrking av skolehelsetjenesten."
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2023
item "Skolehelsetjenesten" oppvekst 2020..2023=2.6 permanent
  text "Vi gir en varig styrking av skolehelsetjenesten."
```

## Fix
Unsafe: "varig" can describe something else than the line's money ("en varig løsning"); review
that the text speaks of this line.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..dsl.model import Budget
from ._markers import check_marker
from .base import Finding, NoOptions

CODE = "TXT004"
NAME = "permanent-unmarked"
SEVERITY = "warning"
SUMMARY = "A text that calls a change lasting (varig) on a line not marked `permanent`"
FIX = "unsafe"
Options = NoOptions


def check(budget: Budget, options: NoOptions) -> Iterator[Finding]:
    return check_marker(budget, "permanent", safe=False)
