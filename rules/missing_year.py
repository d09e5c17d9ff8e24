"""A year left out between two years that an entry states.

## What it does
Reports a gap in an entry's years: a year that the entry does not state
although it states a year before it and a year after it. A year written
with `?` counts as stated. One finding is given for each gap, at the year
that follows it.

## Why
A year that a line does not mention is a change of zero in that year. Where
the document gives "5 millioner i 2020 og 2022", a missing 2021 may be a
real pause, but far more often it is a figure left out when the table was
typed, and the balance of that year is then checked with a zero that nobody
wrote. Writing `2021=0` or `2021=?` says which one it is.

## Example
```budsjett
budget "Eksempel" period 2020..2023
cover "Innkjøp" 2020=15 2022=? 2023=25 ramp
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2023
cover "Innkjøp" 2020=15 2021..2022=? 2023=25 ramp
```
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from ..dsl.model import Budget
from .base import Finding, NoOptions, Related, listing

CODE = "RMP003"
NAME = "missing-year"
SEVERITY = "warning"
SUMMARY = "A year left out between two years that an entry states"
Options = NoOptions


def check(budget: Budget, options: NoOptions) -> Iterator[Finding]:
    for entry in budget.entries:
        gaps = [(before, after) for before, after in pairwise(sorted(entry.by_year)) if after - before != 1]
        if not gaps:
            continue  # most entries; `by_year` is kept, `amount_by_year` is made at each call
        amounts = entry.amount_by_year
        for before, after in gaps:
            if amounts[before].ranged and amounts[before].span == amounts[after].span:
                continue  # one range, such as 1000..9999=1: it states every year, though only some are held
            missing = range(before + 1, after)
            written = str(missing[0]) if len(missing) == 1 else f"{missing[0]}..{missing[-1]}"
            named = listing(missing) if len(missing) <= 3 else f"the {len(missing)} years {written}"
            yield Finding(
                f"`{entry.name.text}` states {before} and {after} but not {named}; "
                f"a year not stated is a change of zero",
                amounts[after].span,
                f"write {written}=? where the document gives no figure, or {written}=0 where nothing changes",
                (Related(amounts[before].span, f"{before} is stated here"),),
            )
