"""A year of the plan whose operating budget does not balance.

## What it does
For each year of the plan, adds up the operating spending (`item`) and the
allocations to funds (`allocate`), and what covers them (`cover` and `draw`),
and reports a year where the two differ by more than the tolerance. What a
coverage line or a draw pays for an investment (`funds "Line" -> "Invest"`)
goes to the investment budget and covers no operating spending; a directive's
cost that coverage pays for is spending. A year where some line gives no
figure cannot be added up: BAL002 reports it instead.

Where spending grows from the year before and coverage does not grow with it
(a ramp-up), the finding says so and names the lines that grow as related
places: the ramp-up is the same mistake as the gap, said once. Where a
coverage line is promised to more uses than it covers (FUN004) by at least the
year's gap, the finding says so too, with the line and its uses as related
places: the same money counted twice is the gap. Where a coverage line or a
draw is negative in the year (coverage lost, BAL007's finding), the finding
names it, with its place, as part of the gap, and says what gap is left with
the amounts written positive. Where nothing is left (the gap is twice the
negative coverage), the year's gap is the sign alone: BAL007 reports it, and
this rule is silent for the year. So it is where the gap is no more than the
borrowing put to operations (BAL003's finding, which says the gap); where the
gap is larger, the finding names that borrowing as part of it.

## Why
Kommuneloven § 14-4 demands that the annual budget and every year of the
economic plan are set up in balance: what a year spends is covered by what
comes in that same year. An amendment that spends more in 2021 than it covers
in 2021 cannot be adopted as it stands, even if it balances over four years.
Coverage beyond spending is reported too: a surplus has to be placed
somewhere, for example as an allocation to the disposisjonsfond.

## Example
```budsjett
budget "Eksempel" period 2020..2021
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7.0
cover "Innkjøp" 2020=3.5 2021=5.0
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2021
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7.0
cover "Innkjøp" 2020=3.5 2021=7.0
```

## Options
- `tolerance` (number, millions, default 0.05): the gap that counts as
  balanced, the rounding of amounts given with one decimal.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..dsl.model import Budget, Span
from .totals import operating_balance
from .base import Finding, Related, Tolerance, fmt
from .borrowing_for_operations import borrowed_for_operations, borrowed_gaps
from .coverage_overcommitted import gap_clause, gap_related, in_the_gap
from .negative_coverage import coverage_lost, gap_with_signs_turned, wholly_the_sign
from .unfunded_ramp_up import uncovered_growth

CODE = "BAL001"
NAME = "unbalanced-year"
SEVERITY = "error"
SUMMARY = "A plan year whose operating spending and coverage differ"
Options = Tolerance


def check(budget: Budget, options: Options) -> Iterator[Finding]:
    where: Span = budget.period_span
    years = operating_balance(budget)
    borrowed = borrowed_gaps(budget, options.tolerance)  # a gap a loan was written to cover: BAL003's, said there
    borrowing = borrowed_for_operations(budget)
    promised = in_the_gap(budget, options.tolerance)  # a coverage line's money counted twice: FUN004's, said here
    for i, year in enumerate(years):
        if not year.verifiable or abs(year.gap) <= options.tolerance:
            continue
        if wholly_the_sign(budget, year, options.tolerance) or year.year in borrowed:  # BAL007's or BAL003's
            continue
        related: tuple[Related, ...] = ()
        if year.gap > 0:
            message = (f"{year.year} does not balance: spend {fmt(year.spend)}, covered {fmt(year.cover)}, "
                       f"gap {fmt(year.gap)} mill")
            hint = f"cover {fmt(year.gap)} mill more in {year.year}, or spend that much less"
            growth = uncovered_growth(budget, years[i - 1], year, options.tolerance) if i else None
            if growth is not None:
                message += f" ({growth.clause()})"
                hint = (f"cover {fmt(year.gap)} mill more in {year.year} with coverage that grows with the ramp, "
                        f"or spend that much less")
                related = growth.related(year.year)
            loaned = borrowing.get(year.year, 0)
            if loaned > options.tolerance:  # part of the gap a loan was meant to cover: BAL003's, named here
                message += f"; borrowing put to operations pays {fmt(loaned)} of it, which borrowing may not (BAL003)"
            lost = coverage_lost(budget, year.year)
            if lost:  # the sign's finding is BAL007's; said here as part of the year's gap, not a second mistake
                message += "; " + "; ".join(f"`{e.name.text}` is {fmt(v)}: coverage lost (BAL007)" for e, v, _ in lost)
                left = gap_with_signs_turned(year, lost)
                message += (f"; written positive, {'they leave' if len(lost) > 1 else 'it leaves'} "
                            f"{'a gap of ' + fmt(left) if left > 0 else 'a surplus of ' + fmt(-left)}")
                hint += "; a saving or income that pays is written positive"
                related = (*related, *(Related(span, f"negative coverage: adds {fmt(-v)} to the gap")
                                       for _, v, span in lost))
            twice = promised.get(year.year, ())
            if twice:
                message += "; " + "; ".join(gap_clause(o, year.year) for o in twice)
                names = ", ".join(f"`{o.source.name.text}`" for o in twice)
                hint = (f"give each use of {names} the amount it takes in {year.year} (on its `funds` or "
                        f"`reallocate` link) within what it covers, and cover {fmt(year.gap)} mill more, "
                        "or spend that much less")
                related = (*related, *(r for o in twice for r in gap_related(o, year.year)))
        else:
            message = (f"{year.year} does not balance: spend {fmt(year.spend)}, covered {fmt(year.cover)}, "
                       f"surplus {fmt(-year.gap)} mill")
            hint = f"allocate the surplus of {fmt(-year.gap)} mill to a fund, or cover that much less"
        yield Finding(message, where, hint, related)
