'''A figure in an entry's text for a year where the entry declares no amount at all.

## What it does
Reads the figures that the entry's name and `text` state, as TXT001 does, and reports
one stated for a plan year that the entry does not mention at all: no amount
and not `?`. "5 millioner fra 2021" states 2021 and every later year of the
plan; "10 millioner i to år" the first two years of the plan. An entry written
only as `?` declares that the document gives no figure for any year, and is
not reported.

## Why
A year the table leaves out counts as zero: the balance of that year is
checked without the money the text promises. A measure "fra 2021" that is
entered for 2021 alone stops paying in 2022, and the unfunded years go
unnoticed. Where the figure is not the line's own (a figure the text quotes
for comparison), write the year as `?`.

## Example
```budsjett
budget "Eksempel" period 2020..2023
item "Brygga - individuell jobbstøtte" arbeid 2021=5
  text """
    Vi øker derfor tilskuddet til Stavne arbeid og kompetanse KF med 5 millioner
    fra 2021 øremerket tilbudet på Brygga.
  """
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2023
item "Brygga - individuell jobbstøtte" arbeid 2021..2023=5
  text """
    Vi øker derfor tilskuddet til Stavne arbeid og kompetanse KF med 5 millioner
    fra 2021 øremerket tilbudet på Brygga.
  """
```
'''

from __future__ import annotations

from collections.abc import Iterator

from ..dsl.model import Budget
from ..dsl.written import spell_amounts
from ._prose import stated_figures, written_as_stated
from .base import Finding, NoOptions, Related, fmt, listing

CODE = "TXT002"
NAME = "prose-figure-undeclared"
SEVERITY = "warning"
SUMMARY = "A figure in an entry's text for a year where the entry declares no amount"
Options = NoOptions


def check(budget: Budget, options: NoOptions) -> Iterator[Finding]:
    for entry, figures in stated_figures(budget):
        if (entry.unquantified is not None and not entry.amounts):
            continue
        for stated in figures:
            missing = [y for y in stated.years if y not in entry.by_year]
            if not missing:
                continue
            f = stated.figure
            gives = " or ".join(fmt(r) for r in f.readings)
            declared = sorted(entry.by_year)
            message = (f"the text gives {gives} for {listing(missing)} (\"{stated.words}\"), "
                       f"but `{entry.name.text}` declares no amount for {'it' if len(missing) == 1 else 'them'}")
            amounts = " or ".join(written_as_stated(missing, r, stated) for r in f.readings)
            hint = f"add {amounts}, or {spell_amounts(missing, None)} if the figure is not this line's"
            note = f"declares amounts for {listing(declared)}" if declared else "declares no year"
            yield Finding(message, stated.span, hint, (Related(entry.name.span, note),))
