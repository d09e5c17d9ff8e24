"""A year whose change of investments is not matched by named financing.

## What it does
For each year of the plan, sets the change of investments (`invest`) against
the change of what finances them: borrowing (`loan`, except loans put to
operations, which BAL003 reports) and draws and coverage linked to an
investment with `funds` (the link's amounts where it gives them, otherwise
the line's). Reports a year where investments rise with less financing
named, or where borrowing falls without investments being cut by as much
and without other financing named. Where a figure is missing (an investment
or a loan with `?`, or a loan that gives only a `total` for the period),
reports that the year's investment financing cannot be verified, and says
what is known.

## Why
The investment budget must balance too: every krone invested is financed by
borrowing, grants, fund draws or a transfer from operations. Borrowing less
frees operating room (lower repayments), but the investments it financed
then need other money. Trondheimsbudsjettet reduces borrowing by 365 million
over the period, with no figure per year, while it adds investments (heavy
vehicles, start-up funds for two schools) and names no cut and no other
financing: a reader cannot tell how the investment budget of any year is
financed.

The severity is a warning, not an error. A party's alternative budget lists
changes to the chief executive's proposal, whose investment budget already
has its financing (borrowing, VAT compensation, grants); a small added
investment may well be absorbed there. So each finding says only what is
true by a reading of the document: that it names no financing for the
change, or that the figures to check it are missing. Borrowing used for
operations is certain to be unlawful, and is an error of its own (BAL003).

## Example
```budsjett
budget "Eksempel" period 2021..2023
invest "Utskifting av tunge kjøretøy" miljø 2021=2.5 2022..2023=5
```

## Use instead
```budsjett
budget "Eksempel" period 2021..2023
invest "Utskifting av tunge kjøretøy" miljø 2021=2.5 2022..2023=5
loan "Lån til tunge kjøretøy" 2021=2.5 2022..2023=5
funds "Lån til tunge kjøretøy" -> "Utskifting av tunge kjøretøy"
```

## Options
- `tolerance` (number, millions, default 0.05): a shortfall of financing up
  to this is not reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..dsl.model import Budget, Entry
from ._investment import YearInvestment, investments, movement
from ._names import SHOWN, by_name, listing
from .base import Finding, Related, Tolerance, fmt

CODE = "BAL004"
NAME = "investment-financing"
SEVERITY = "warning"
SUMMARY = "A year whose change of investments is not matched by named financing"
Options = Tolerance


def _sorted(entries) -> list[Entry]:
    """Each entry once, by name. Told apart by identity: an entry's hash goes through all its fields,
    and two entries are never equal (their places differ)."""
    once = {id(e): e for e in entries}
    return sorted(once.values(), key=by_name)


def _no_figure(entries: tuple[Entry, ...], year: int) -> str:
    lines = _sorted(entries)
    names = listing([e.name.text for e in lines])
    return f"{names} {'gives' if len(lines) == 1 else 'give'} no figure for {year}"


def _loan_unknown(loan: Entry, year: int) -> str:
    if loan.total is not None and not any(a.value is not None for a in loan.amounts):
        total = loan.total.value
        verb = "reduces" if total < 0 else "raises"
        return f"`{loan.name.text}` {verb} borrowing by {fmt(abs(total))} in total over the period, no figure per year"
    return f"`{loan.name.text}` gives no borrowing figure for {year}"


def _unverifiable(y: YearInvestment) -> str:
    parts = []
    invest = f"investments {movement(y.invest, plural=True)}" if y.invest or not y.unknown_invest else ""
    if y.unknown_invest:
        invest += (" where figures are given, and " if invest else "") + _no_figure(y.unknown_invest, y.year)
    parts.append(invest)
    if y.borrowing or y.unknown_borrowing:
        borrowing = f"borrowing {movement(y.borrowing)}" if y.borrowing else ""
        unknown = _sorted(y.unknown_borrowing)
        loans = "; ".join(_loan_unknown(e, y.year) for e in unknown[:SHOWN])
        if len(unknown) > SHOWN:
            loans += f"; and {len(unknown) - SHOWN} more loans give no figure for {y.year}"
        parts.append(borrowing + (" where figures are given, and " if borrowing and loans else "") + loans)
    if y.linked or y.unknown_linked:
        linked = f"draws and coverage linked to investments give {fmt(y.linked)}" if y.linked else ""
        if y.unknown_linked:
            linked += (", and " if linked else "") + _no_figure(y.unknown_linked, y.year)
        parts.append(linked)
    else:
        parts.append("no draw or coverage is linked to an investment")
    return f"the investment financing of {y.year} cannot be verified: " + "; ".join(parts)


def _shortfall(y: YearInvestment) -> tuple[str, str]:
    details = [f"investments {movement(y.invest, plural=True)}"]
    if y.borrowing:
        details.append(f"borrowing {movement(y.borrowing)}")
    if y.linked:
        details.append(f"draws and coverage linked to investments give {fmt(y.linked)}")
    if not y.borrowing and not y.linked:
        details.append("no financing is named")
    message = f"{y.year} leaves {fmt(y.shortfall)} mill of investment without named financing: " + ", ".join(details)
    if y.invest > 0:
        hint = ("name what finances the investment: a `loan`, or a `draw` or `cover` linked to it with `funds`")
    else:
        hint = "cut investments by as much as borrowing falls, or name the other financing with `funds`"
    return message, hint


def _related(lines: list[Entry], y: YearInvestment) -> tuple[Related, ...]:
    """The investments and loans of the year: their figure, or that they give none."""
    unknown = {id(e) for e in (*y.unknown_invest, *y.unknown_borrowing)}
    out = []
    for e in lines:
        value = e.by_year.get(y.year)
        if id(e) in unknown:
            out.append(Related(e.name.span, f"no figure for {y.year}"))
        elif value:
            what = "investment" if e.kind == "invest" else "borrowing"
            out.append(Related(e.name.span, f"{what} {'+' if value > 0 else ''}{fmt(value)} in {y.year}"))
    return tuple(out)


def check(budget: Budget, options: Options) -> Iterator[Finding]:
    where = budget.period_span
    inv = investments(budget)
    financing = {id(e) for e in inv.loans}
    lines = [e for e in budget.entries if e.kind == "invest" or id(e) in financing]  # in source order
    for y in inv.years:
        if y.empty:
            continue
        if not y.verifiable:
            yield Finding(_unverifiable(y), where, "give the figures per year where the document has them",
                          _related(lines, y))
        elif y.shortfall > options.tolerance:
            message, hint = _shortfall(y)
            yield Finding(message, where, hint, _related(lines, y))
