"""A text that speaks of a ramp (opptrapping) on a line not marked `ramp`.

## What it does
Reads the entry's name and `text` for words that say the line is an increasing ramp
("opptrapping"), and reports the first of them where the line is not marked
`ramp`. The words, in bokmål and nynorsk, and the near misses that are not
read, are listed in one place for TXT003-TXT007: `rules/_markers.py`. A word
with a negation up to three words before it ("ikke", "ikkje", "uten", ...) is
not read.

## Why
A ramp increases year by year. `ramp` lets RMP002 (ramp-falls) and FUN002 (unfunded-ramp-up) check that
it does increase and that the increase is funded; without it a ramp that falls back passes.
"økende til" on a line marked `halfyear`, or whose text says "halvårseffekt", is the full year after a
half, not a ramp, and is not reported.

## Example
```budsjett
budget "Eksempel" period 2020..2023
cover "Innkjøp" 2020=15 2021=20 2022=25
  text "Gevinsten ved bedre innkjøp trappes opp over perioden."
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2023
cover "Innkjøp" 2020=15 2021=20 2022=25 ramp
  text "Gevinsten ved bedre innkjøp trappes opp over perioden."
```

## Fix
Unsafe: review that the words speak of this line's money.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..dsl.model import Budget
from ._markers import check_marker
from .base import Finding, NoOptions

CODE = "TXT007"
NAME = "ramp-unmarked"
SEVERITY = "warning"
SUMMARY = "A text that speaks of a ramp (opptrapping) on a line not marked `ramp`"
FIX = "unsafe"
Options = NoOptions


def check(budget: Budget, options: NoOptions) -> Iterator[Finding]:
    return check_marker(budget, "ramp", safe=False)
