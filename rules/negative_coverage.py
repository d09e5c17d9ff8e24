"""A coverage line or a fund draw with a negative amount: money lost on the covering side.

## What it does
Reports a `cover` or `draw` line that gives a negative amount for some year,
and says what the sign does to that year's balance: a negative amount on the
covering side is coverage lost, so it adds to the year's gap instead of
closing it. For a draw the hint is an `allocate` to the same fund (putting
money back is an allocation), with a safe fix where every figure of the line
is negative or zero: the balance stays the same. For coverage the fix writes
the amounts positive, which reads the line as a saving or income that pays;
it changes the year's figures, so it is unsafe.

Where a year's whole gap is this sign (the gap is twice the negative
coverage, so that written positive the year balances), the finding says so
and is an error: it is then the year's one finding, and BAL001 is silent for
that year. Where the year would not balance with the sign turned, BAL001
reports the year too, with what the sign leaves of the gap.

## Why
The kind of a line gives its side of the balance, and its amount is money on
that side (docs/language.md, "Amounts"). A cut written the way the document
prints it (`-15`) on a `cover` line therefore counts as 15 less coverage,
doubling the gap it was meant to close. Now and then a negative coverage
amount is meant (income that falls away), but more often the sign was copied
from a table of cuts: either way a reader must see what it does to the year.

## Example
```budsjett
budget "Eksempel" period 2020..2021
item "Toppet bemanning i barnehage" oppvekst 2020..2021=15
cover "Kutt i innkjøp" 2020..2021=-15
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2021
item "Toppet bemanning i barnehage" oppvekst 2020..2021=15
cover "Kutt i innkjøp" 2020..2021=15
```

## Options
- `tolerance` (number, millions, default 0.05): how near the year's gap must
  be to twice the negative coverage for the sign to be the whole gap; set it
  alike with BAL001's.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..dsl.model import Budget, Entry, Span
from ._names import by_name
from .base import Edit, Finding, Fix, Severity, Tolerance, fmt, listing, per_year, span_of_years
from .totals import YearBalance, operating_balance

CODE = "BAL007"
NAME = "negative-coverage"
SEVERITY = "warning"
SUMMARY = "A coverage line or a fund draw with a negative amount, which counts as coverage lost"
FIX = "unsafe"  # safe for a draw that puts money back, unsafe for coverage (see above)
Options = Tolerance  # set it alike with BAL001's: the two agree on which years the sign alone unbalances


def coverage_lost(budget: Budget, year: int) -> list[tuple[Entry, Decimal, Span]]:
    """The coverage lines and draws with a negative amount in the year, with the place that says it."""
    lost = []
    for entry in budget.entries:
        value = entry.by_year.get(year) if entry.kind in ("cover", "draw") else None
        if value is not None and value < 0:
            lost.append((entry, value, entry.amount_by_year[year].span))
    return sorted(lost, key=lambda t: by_name(t[0]))  # in the order of their names, however the file orders them


def gap_with_signs_turned(year: YearBalance, lost: list[tuple[Entry, Decimal, Span]]) -> Decimal:
    """The year's gap were its negative coverage written positive: each amount turned counts twice."""
    return year.gap + 2 * sum((v for _, v, _ in lost), Decimal(0))


def wholly_the_sign(budget: Budget, year: YearBalance, tolerance: Decimal) -> bool:
    """Whether the year's gap is all the sign of its negative coverage: a gap that writing the
    amounts positive closes. Such a year is BAL007's to report, not BAL001's."""
    if not year.verifiable or year.gap <= tolerance:
        return False
    lost = coverage_lost(budget, year.year)
    return bool(lost) and abs(gap_with_signs_turned(year, lost)) <= tolerance


def check(budget: Budget, options: Tolerance) -> Iterator[Finding]:
    balance = {y.year: y for y in operating_balance(budget)}
    for entry in budget.entries:
        if entry.kind not in ("cover", "draw"):
            continue
        negative = sorted((y, v) for y, v in entry.by_year.items() if v is not None and v < 0)
        if not negative:
            continue
        amounts = entry.amount_by_year
        first = amounts[negative[0][0]]
        said = per_year(negative)
        if len(negative) > 1 and len({v for _, v in negative}) == 1:
            effect = f"{fmt(-negative[0][1])} to the gap of each of those years"
        else:
            effect = listing([f"{fmt(-v)} to the gap of {y}" for y, v in negative])
        name = entry.name.text
        if entry.kind == "draw":
            fund = f' to "{entry.fund.text}"' if entry.fund is not None else ""
            message = (f"the draw `{name}` is {said}: a negative draw puts money back into the fund, which "
                       f"counts as coverage lost and adds {effect}")
            hint = f"write it as `allocate \"{name}\"{fund}` with the amounts positive"
        else:
            message = (f"the coverage line `{name}` is {said}: a negative amount on the covering side is "
                       f"coverage lost, and adds {effect} instead of closing it")
            hint = ("if it is a saving or income that pays for the proposal, write the amounts positive; "
                    "if it is spending, write it as an `item`")
        whole = [balance[y] for y, _ in negative if y in balance and wholly_the_sign(budget, balance[y], options.tolerance)]
        severity: Severity | None = None
        if whole:  # the year's gap is this sign: said here once, as the error it is, and not by BAL001
            years = [y.year for y in whole]
            others = sorted({e.name.text for y in years for e, _, _ in coverage_lost(budget, y) if e is not entry})
            cause = "it is" if not others else "it and " + listing([f"`{o}`" for o in others]) + " are"
            gaps = {y.gap for y in whole}
            if len(whole) > 1 and len(gaps) == 1:
                said_gaps = f"{fmt(whole[0].gap)} mill in each year"
            else:
                said_gaps = listing([f"{fmt(y.gap)} mill in {y.year}" for y in whole])
            message += (f"; {cause} all of the gap of {span_of_years(years)} ({said_gaps}): written positive, "
                        f"{'the year balances' if len(whole) == 1 else 'those years balance'}")
            if entry.kind == "draw":  # the allocation keeps the gap; a draw written positive closes it
                hint = (f"if it draws on the fund, write the amounts positive; if it puts money back, {hint[0].lower()}"
                        f"{hint[1:]}, and cover the gap of {span_of_years(years)} otherwise")
            else:
                hint = f"{hint}; {span_of_years(years)} cannot be adopted as {'it stands' if len(whole) == 1 else 'they stand'}"
            severity = "error"
        yield Finding(message, first.span, hint, fix=_fix(budget.text, entry), severity=severity)


def minus_signs(text: str, entry: Entry) -> tuple[Edit, ...] | None:
    """Edits that remove the minus sign of every negative amount, once for each written amount."""
    edits, seen = [], set()
    for a in entry.amounts:
        if a.value is None or a.value >= 0 or a.span.start in seen:
            continue
        seen.add(a.span.start)
        written = text[a.span.start:a.span.end]
        at = written.find("=-")
        if at < 0:
            return None
        edits.append(Edit(a.span.start + at + 1, a.span.start + at + 2, ""))
    return tuple(edits)


def _fix(text: str, entry: Entry) -> Fix | None:
    if not text:
        return None
    signs = minus_signs(text, entry)
    if not signs:
        return None
    if entry.kind == "cover":
        return Fix("write the amounts positive (a saving or income that pays)", signs, safe=False)
    # a draw: as an allocation to the same fund, when no amount of the line is positive
    if any(v is not None and v > 0 for v in entry.by_year.values()) or entry.fund_keyword != "from":
        return None
    kind_at = entry.span.start
    if text[kind_at:kind_at + 4] != "draw" or entry.fund_clause is None:
        return None
    clause = entry.fund_clause
    if text[clause.start:clause.start + 4] != "from":
        return None
    edits = (Edit(kind_at, kind_at + 4, "allocate"), *signs, Edit(clause.start, clause.start + 4, "to"))
    return Fix("write it as an allocation to the fund, with the amounts positive (the balance stays the same)",
               tuple(sorted(edits)), safe=True)
