"""A plan year whose balance cannot be verified because lines that count in it have no figure.

## What it does
For each year of the plan where some line that counts in the operating
balance gives no figure for that year (a bare `?`, `2021=?`, a `permanent` or
`ramp` line after the last year it states, a directive paid by coverage with
`cost ?`, or a borrowing change that `frees` operating room by an amount the
document does not give),
names those lines and gives what is known: the spending and coverage with
figures, and the gap between them. It also says how much the lines without
figures must bring, net, for the year to balance.

A year whose only lines without a figure are lines the file cannot be read
at (a figure lost to a syntax error, which SYN001 or SYN003 reports) is not
reported: the syntax finding is the one mistake, and once it is mended the
year is checked again. Where such lines stand beside others, they are named
as unread. Nor is a year whose only such line is a loan marked `frees` that
raises borrowing no investment needs: borrowing more frees no room, and
BAL003 reports the loan, with the year's gap.

## Why
Kommuneloven § 14-4 demands that every year of the plan balances. Where the
document names a coverage line without a figure (Trondheimsbudsjettet's
"Udisponert reserve", "Redusert vikarinnleie barnehage", and the missing
tables "Utgifter drift" and "Inndekning drift"), nobody can check that it
does. A checker must not guess the figures, nor call the year balanced or
unbalanced: it says exactly what is known and what is missing. BAL001 checks
the years where every figure is known.

## Example
```budsjett
budget "Eksempel" period 2020..2021
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7.0
cover "Redusert vikarinnleie barnehage" oppvekst 2020=? 2021=?
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2021
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7.0
cover "Redusert vikarinnleie barnehage" oppvekst 2020=3.5 2021=7.0
```
"""

from __future__ import annotations

from collections.abc import Iterator
from heapq import nsmallest

from ..dsl.model import Budget, Directive, Entry
from ._names import SHOWN, by_name, listing
from .totals import is_lasting, operating_balance
from .base import DEFAULT_TOLERANCE, Finding, NoOptions, Related, fmt
from .borrowing_for_operations import frees_wrongly, unneeded_years

CODE = "BAL002"
NAME = "unverifiable-year"
SEVERITY = "warning"
SUMMARY = "A plan year whose balance cannot be verified because lines that count in it have no figure"
Options = NoOptions


def check(budget: Budget, options: NoOptions) -> Iterator[Finding]:
    where = budget.period_span
    wrongly_freed = unneeded_years(budget, DEFAULT_TOLERANCE)
    for year in operating_balance(budget):
        if year.verifiable or all(_unread(e, year.year) for e in year.unknown):  # the syntax finding's alone
            continue
        if year.year in wrongly_freed and all(frees_wrongly(e, year.year) for e in year.unknown):  # BAL003's
            continue
        # the first names in alphabetical order; `listing` counts the rest (a large file has thousands)
        named = [e.name.text for e in nsmallest(SHOWN, year.unknown, key=by_name)]
        total = len(year.unknown)
        count = f"{total} line{'s' * (total != 1)}"
        gap = year.gap
        known = (f"known spending {fmt(year.spend)}, coverage {fmt(year.cover)}, "
                 + (f"known surplus {fmt(-gap)} mill" if gap < 0 else f"known gap {fmt(gap)} mill"))
        message = (f"{year.year} cannot be verified: {count} without a figure for {year.year} "
                   f"({listing(named, total=total)}); {known}")
        if gap > 0:
            need = f"they must bring {fmt(gap)} mill more coverage than spending"
        elif gap < 0:
            need = f"they must bring {fmt(-gap)} mill more spending than coverage"
        else:
            need = "their coverage and spending must be equal"
        hint = f"give these lines' figures for {year.year} where the document has them; for {year.year} to balance, {need}"
        related = tuple(Related(e.name.span, _why(e, year.year)) for e in year.unknown)
        yield Finding(message, where, hint, related)


def _unread(line: Entry | Directive, year: int) -> bool:
    """Whether the line has no figure for the year only because its text there could not be read."""
    amount = line.amount_by_year.get(year) if isinstance(line, Entry) else None
    return amount is not None and amount.unread


def _why(line: Entry | Directive, year: int) -> str:
    if _unread(line, year):
        return f"no figure for {year}: the line could not be read there (see its syntax finding)"
    if isinstance(line, Directive):
        return f"a directive paid by coverage, cost ? in {year}"
    if line.amounts and year not in line.by_year and is_lasting(line):
        lasting = "permanent" if line.permanent is not None else "ramp"
        return f"no figure for {year}: {lasting}, stated only up to {max(line.by_year)}"
    return f"no figure for {year}"
