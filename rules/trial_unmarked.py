"""A text that calls a measure a trial (prøveprosjekt) on a line not marked `trial`.

## What it does
Reads the entry's name and `text` for words that say the line is a trial
("prøveprosjekt"), and reports the first of them where the line is not marked
`trial`. The words, in bokmål and nynorsk, and the near misses that are not
read, are listed in one place for TXT003-TXT007: `rules/_markers.py`. A word
with a negation up to three words before it ("ikke", "ikkje", "uten", ...) is
not read.

## Why
A trial is limited in time. `trial` (with `evaluate`) lets RMP006 (trial-outlives-end) find money that
runs on after the trial ends without a decision to continue it.

## Example
```budsjett
budget "Eksempel" period 2020..2023
item "Toppet bemanning" oppvekst 2020=3.5 2021=7 halfyear
  text "Vi setter av 3,5 millioner i 2020 til et prøveprosjekt."
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2023
item "Toppet bemanning" oppvekst 2020=3.5 2021=7 halfyear trial
  text "Vi setter av 3,5 millioner i 2020 til et prøveprosjekt."
```

## Fix
Unsafe: "forsøk" and "pilot" also name other things; review that the measure is a trial.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..dsl.model import Budget
from ._markers import check_marker
from .base import Finding, NoOptions

CODE = "TXT006"
NAME = "trial-unmarked"
SEVERITY = "warning"
SUMMARY = "A text that calls a measure a trial (prøveprosjekt) on a line not marked `trial`"
FIX = "unsafe"
Options = NoOptions


def check(budget: Budget, options: NoOptions) -> Iterator[Finding]:
    return check_marker(budget, "trial", safe=False)
