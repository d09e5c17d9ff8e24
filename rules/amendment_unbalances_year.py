"""An amendment that leaves a year unbalanced, or unverifiable, that balanced before.

## What it does
In amendment mode (`check --diff-base REF`, by default the merge base with
the main branch where the file is tracked there, or `check --baseline FILE`),
compares each plan year of the file with the same year of its base, and
reports a year that balanced before and after the amendment has a gap or a
surplus, or lines without a figure. It names the lines the amendment added or
changed and what each adds to the year. The check needs the base: run on one
file alone it finds nothing, and has no check of its own.

## Why
Kommuneloven § 14-4 demands that every year of the plan balances. A proposal
that balanced does not stop balancing by itself: the amendment that broke it
is the place to say so, beside the lines it changed, rather than a BAL001 or
BAL002 at the period line that a pull request does not show.

## Example
The base, then the amended file:
```budsjett
budget "Eksempel" period 2020..2021
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7.0
cover "Innkjøp" 2020=3.5 2021=7.0
```

```budsjett
budget "Eksempel" period 2020..2021
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7.0
cover "Innkjøp" 2020=3.5 2021=7.0
item "Leksehjelp" oppvekst 2021=2
```

## Use instead
The same base, and an amendment that covers what it spends:
```budsjett
budget "Eksempel" period 2020..2021
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7.0
cover "Innkjøp" 2020=3.5 2021=7.0
```

```budsjett
budget "Eksempel" period 2020..2021
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7.0
cover "Innkjøp" 2020=3.5 2021=9.0
item "Leksehjelp" oppvekst 2021=2
```
"""

from __future__ import annotations

from .base import NoOptions

CODE = "BAL014"
NAME = "amendment-unbalances-year"
SEVERITY = "error"
SUMMARY = "An amendment that leaves a year unbalanced, or unverifiable, that balanced before"
AMENDMENT = True  # judged against the file's base, by checker/amend/amendment.py
Options = NoOptions
