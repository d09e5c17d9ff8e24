"""A text that calls a change one-off (engangs) on a line not marked `oneoff`.

## What it does
Reads the entry's name and `text` for words that say the line is a one-off change
("engangsbevilgning"), and reports the first of them where the line is not marked
`oneoff`. The words, in bokmål and nynorsk, and the near misses that are not
read, are listed in one place for TXT003-TXT007: `rules/_markers.py`. A word
with a negation up to three words before it ("ikke", "ikkje", "uten", ...) is
not read.

## Why
A one-off change happens once. `oneoff` lets RMP005 (oneoff-recurs) find it where the table repeats it
in later years; without it a one-off grant copied into every year goes unnoticed.

## Example
```budsjett
budget "Eksempel" period 2020..2023
item "Utstyr til fritidsklubber" kultur 2020=1
  text "En engangsbevilgning på 1 million i 2020."
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2023
item "Utstyr til fritidsklubber" kultur 2020=1 oneoff
  text "En engangsbevilgning på 1 million i 2020."
```

## Fix
Unsafe: the text may speak of another sum than the line's own ("i tillegg til engangsbeløpet");
review it.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..dsl.model import Budget
from ._markers import check_marker
from .base import Finding, NoOptions

CODE = "TXT005"
NAME = "oneoff-unmarked"
SEVERITY = "warning"
SUMMARY = "A text that calls a change one-off (engangs) on a line not marked `oneoff`"
FIX = "unsafe"
Options = NoOptions


def check(budget: Budget, options: NoOptions) -> Iterator[Finding]:
    return check_marker(budget, "oneoff", safe=False)
