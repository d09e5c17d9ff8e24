"""An amendment that widens the gap of a year that does not balance.

## What it does
In amendment mode (`check --diff-base REF`, by default the merge base with
the main branch where the file is tracked there, or `check --baseline FILE`),
compares each plan year of the file with the same year of its base. A year
that did not balance before (a gap, or lines without a figure) and whose
known gap the amendment widens is reported, with the lines the amendment added
or changed and what each adds to the year. The figures are the operating
balance that BAL001 and BAL002 use. The check needs the base: run on one file
alone it finds nothing, and has no check of its own.

## Why
An amendment must be funded on its own. Where the proposal it amends cannot
yet be shown to balance (BAL002: lines without figures), a new spending line
only changes the figures of a warning that was already there, and a baseline
or a pre-commit hook that compares findings lets it through. But the amendment
made the year worse by exactly what it spends: that is an error of the
amendment, whatever the state of the rest.

## Example
The base, then the amended file:
```budsjett
budget "Eksempel" period 2020..2021
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7.0
cover "Redusert vikarinnleie barnehage" oppvekst 2020=? 2021=?
```

```budsjett
budget "Eksempel" period 2020..2021
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7.0
cover "Redusert vikarinnleie barnehage" oppvekst 2020=? 2021=?
item "Ny ekstra satsing" oppvekst 2020=3.5 2021=7
```

## Use instead
The same base, and an amendment that covers what it spends:
```budsjett
budget "Eksempel" period 2020..2021
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7.0
cover "Redusert vikarinnleie barnehage" oppvekst 2020=? 2021=?
```

```budsjett
budget "Eksempel" period 2020..2021
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7.0
cover "Redusert vikarinnleie barnehage" oppvekst 2020=? 2021=?
item "Ny ekstra satsing" oppvekst 2020=3.5 2021=7
cover "Kutt i innkjøp" 2020=3.5 2021=7
```
"""

from __future__ import annotations

from .base import NoOptions

CODE = "BAL013"
NAME = "amendment-widens-gap"
SEVERITY = "error"
SUMMARY = "An amendment that widens the gap of a year that does not balance"
AMENDMENT = True  # judged against the file's base, by checker/amend/amendment.py
Options = NoOptions
