"""Borrowing used to cover operations.

## What it does
Reports a `funds` or `reallocate` link from a `loan` to an operating item, an
allocation to a fund or a directive, and a directive `funded-by` a loan.
Reports, too, a year in which borrowing rises by more than the year's
investments need: the change of investments (`invest`) less the draws and
coverage linked to them with `funds`. A loan that no investment needs is
borrowing for operations as well, whether it is linked to something or not.
The years in which the same loans rise are reported in one finding, with
each year's figures where they differ.

Where a year's operating budget is short by no more than the borrowing put to
operations (a loan written to pay for an item), the gap is that borrowing:
this finding says the gap and how to cover it, and BAL001 is silent for the
year. Where the gap is larger, BAL001 reports the year too.

## Why
Kommuneloven lets a municipality borrow to finance investments only, never
operations; repayments on loans are an operating cost. Borrowing that pays
for an operating item is unlawful as it stands, and so is borrowing that no
investment needs, which in effect funds operations too. A loan that frees
operating room by borrowing *less* (lower repayments, `frees`) is lawful and
is not reported.

## Example
```budsjett
budget "Eksempel" period 2020..2021
item "Barnetrygd utenfor inntektsberegning av sosialhjelp" arbeid 2020..2021=8
loan "Økt låneopptak" 2020..2021=8
funds "Økt låneopptak" -> "Barnetrygd utenfor inntektsberegning av sosialhjelp"
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2021
item "Barnetrygd utenfor inntektsberegning av sosialhjelp" arbeid 2020..2021=8
cover "Innkjøp" 2020..2021=8
funds "Innkjøp" -> "Barnetrygd utenfor inntektsberegning av sosialhjelp"
invest "Skolebygg" oppvekst 2020..2021=20
loan "Økt låneopptak" 2020..2021=20
funds "Økt låneopptak" -> "Skolebygg"
```

## Options
- `tolerance` (number, millions, default 0.05): borrowing beyond the year's
  investment need by no more than this is not reported.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..dsl.model import Budget, Directive, Entry, Link, Span
from ._investment import YearInvestment, investments, movement
from ._names import by_name, listing, what_is
from .base import Finding, Related, Tolerance, fmt, per_year, span_of_years
from .totals import ZERO, operating_balance

CODE = "BAL003"
NAME = "borrowing-for-operations"
SEVERITY = "error"
SUMMARY = "Borrowing used to cover operations"
Options = Tolerance


_HINT = "borrowing may finance investments only: pay for it from coverage or a fund draw instead"


def _unneeded(year: YearInvestment) -> Decimal:
    """Borrowing in the year that no investment needs (none where the year cannot be judged)."""
    return max(ZERO, min(-year.shortfall, year.borrowing)) if year.verifiable else ZERO


def frees_wrongly(line: Entry | Directive, year: int) -> bool:
    """A loan marked `frees` that raises borrowing in the year: borrowing more frees no operating
    room (repayments rise), so what the mark leaves open is this rule's finding, not a missing figure."""
    return isinstance(line, Entry) and line.kind == "loan" and line.frees is not None \
        and (line.by_year.get(year) or ZERO) > 0


def unneeded_years(budget: Budget, tolerance: Decimal) -> set[int]:
    """The years in which this rule reports borrowing that no investment needs."""
    return {y.year for y in investments(budget).years if _unneeded(y) > tolerance}


def borrowed_for_operations(budget: Budget) -> dict[int, Decimal]:
    """Year -> the borrowing put to operations that year: loans linked to operations, and
    borrowing that no investment needs."""
    inv = investments(budget)
    to_operations = {id(u.loan): u.loan for u in inv.operating_uses}.values()
    return {year.year: _unneeded(year) + sum((max(ZERO, e.by_year.get(year.year) or ZERO) for e in to_operations), ZERO)
            for year in inv.years}


def borrowed_gaps(budget: Budget, tolerance: Decimal) -> dict[int, Decimal]:
    """Year -> its operating gap, where the gap is no more than the borrowing put to operations
    that year: the loan was written to cover it, and the year's one finding is BAL003's, not BAL001's."""
    borrowed = borrowed_for_operations(budget)
    result = {}
    for balance in operating_balance(budget):
        if balance.gap <= tolerance or not all(frees_wrongly(e, balance.year) for e in balance.unknown):
            continue
        if borrowed.get(balance.year, ZERO) >= balance.gap - tolerance:
            result[balance.year] = balance.gap
    return result


def _gap_clause(gaps: dict[int, Decimal], years: list[int]) -> str:
    short = sorted((y, gaps[y]) for y in years if y in gaps)
    if not short:
        return ""
    return f"; it is the operating gap, {per_year(short)}, which borrowing may not cover"


def check(budget: Budget, options: Options) -> Iterator[Finding]:
    inv = investments(budget)
    gaps = borrowed_gaps(budget, options.tolerance)
    told: set[int] = set()
    for use in inv.operating_uses:
        loan, target = use.loan.name.text, use.target.name.text
        if isinstance(use.via, Link):
            verb = "funds" if use.via.kind == "funds" else "is reallocated to"
            message = f"borrowing used for operations: the loan `{loan}` {verb} `{target}`, {what_is(use.target)}"
            span = use.via.span
        else:
            message = f"borrowing used for operations: the directive `{target}` is funded by the loan `{loan}`"
            span = use.via.span
        if id(use.loan) not in told:  # the gap a loan covers is said once, on its first use
            told.add(id(use.loan))
            message += _gap_clause(gaps, [y for y, v in use.loan.by_year.items() if v is not None and v > 0])
        related: tuple[Related, ...] = (Related(use.loan.name.span, "the loan"), Related(use.target.name.span, what_is(use.target)))
        yield Finding(message, span, _HINT, related)

    # one finding for each set of loans that rise: one loan line over the plan is one mistake, whether its
    # figures are the same every year or not
    groups: dict[tuple[str, ...], list[tuple[YearInvestment, Decimal, list[Span]]]] = {}
    for year in inv.years:
        excess = _unneeded(year)
        if excess <= options.tolerance:
            continue
        rising = sorted((e for e in inv.loans if (e.by_year.get(year.year) or 0) > 0), key=by_name)
        spans = [next(a.span for a in reversed(e.amounts) if a.year == year.year) for e in rising]
        groups.setdefault(tuple(e.name.text for e in rising), []).append((year, excess, spans))
    for names, found in groups.items():
        yield _unneeded_finding(names, found, gaps, inv.loans)


def _unneeded_finding(names: tuple[str, ...], found: list[tuple[YearInvestment, Decimal, list[Span]]],
                      gaps: dict[int, Decimal], loans: tuple[Entry, ...]) -> Finding:
    """The one finding of the years in which the same loans raise borrowing beyond what investments need."""
    years = [y.year for y, _, _ in found]
    many = len(years) > 1
    said = f"{years[0]}–{years[-1]}" if many and years == list(range(years[0], years[-1] + 1)) else span_of_years(years)
    when = f"in each year {said}" if many else f"in {said}"
    excess = [(y.year, e) for y, e, _ in found]
    short = [(y, gaps[y]) for y in years if y in gaps]
    same = len({(y.borrowing, e, y.invest, y.linked, gaps.get(y.year)) for y, e, _ in found}) == 1
    if same:
        first, amount, _ = found[0]
        details = f"investments {movement(first.invest, plural=True)}"
        if first.linked:
            details += f", of which draws and coverage linked to them pay {fmt(first.linked)}"
        message = (f"{said} {'each raise' if many else 'raises'} borrowing by {fmt(first.borrowing)} mill "
                   f"({listing(names)}), {fmt(amount)} more than {'their' if many else 'its'} investments need "
                   f"({details})")
        less, lack = f"{fmt(amount)} mill", f"the {fmt(short[0][1])} mill that operations lack {when}" if short else ""
        less += f" less {when}" if not short else " less"
    else:  # the figures differ by year: each year's, in one sentence
        invest = [(y.year, y.invest) for y, _, _ in found]
        details = ("investments are unchanged" if not any(v for _, v in invest)
                   else f"investments change by {per_year(invest)}")
        linked = [(y.year, y.linked) for y, _, _ in found if y.linked]
        if linked:
            details += f", of which draws and coverage linked to them pay {per_year(linked)}"
        borrowing = [(y.year, y.borrowing) for y, _, _ in found]
        over = ("all of it more than their investments need" if borrowing == excess
                else f"{per_year(excess)} more than their investments need")
        message = f"{said} raise borrowing by {per_year(borrowing)} ({listing(names)}), {over} ({details})"
        less = f"{per_year(excess)} less"
        lack = ""
        if short:
            lack = f"what operations lack, {per_year(short)},"
            less = "as much less" if short == excess else less
    whole_gap = not same and short == excess  # the figures are said once: the gap is the excess of each year
    message += "; it is each year's operating gap, which borrowing may not cover" if whole_gap else _gap_clause(gaps, years)
    marked = [e.name.text for e in loans if e.name.text in names and frees_wrongly(e, years[0])]
    if marked:
        message += (f"; {listing(marked)} {'is' if len(marked) == 1 else 'are'} marked `frees`, but borrowing "
                    "more frees no operating room")
    spans = list(dict.fromkeys(s for _, _, ss in found for s in ss))
    related = tuple(Related(s, "borrowing rises") for s in spans[1:])
    hint = f"borrow {less}, or name the investment that needs it: borrowing may finance investments only"
    if lack:
        hint = (f"cover {lack} with coverage or a fund draw, and borrow {less}: borrowing may finance "
                "investments only")
    return Finding(message, spans[0], hint, related)
