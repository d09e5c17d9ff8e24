"""Sums per year that several rules and commands share: the operating balance, made
once a budget (`per_budget`).

Coverage or a fund draw that pays for an investment (`funds "Line" -> "Invest"`)
is a transfer from operations to the investment budget: that part covers no
operating spending, and is left out of the operating balance's coverage.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable
from decimal import Decimal
from typing import NamedTuple, TypeVar

from ..dsl.model import COVER_KINDS, SPEND_KINDS, Budget, Entry, Link

ZERO = Decimal(0)
T = TypeVar("T")


class YearBalance(NamedTuple):
    """The operating balance of one plan year, as far as the figures go."""

    year: int
    spend: Decimal  # items and allocations to funds, known figures only
    cover: Decimal  # coverage and draws on funds that stay in operations, known figures only
    draws: Decimal  # the part of `cover` that is drawn from funds
    unknown: tuple[Entry, ...]  # lines that count this year but give no figure for it
    allocations: Decimal = ZERO  # the part of `spend` that is allocated to funds

    @property
    def gap(self) -> Decimal:
        """Spending not covered; negative where coverage exceeds spending."""
        return self.spend - self.cover

    @property
    def verifiable(self) -> bool:
        return not self.unknown


def counts_in_operations(entry: Entry) -> bool:
    return entry.kind in SPEND_KINDS or entry.kind in COVER_KINDS or (entry.kind == "loan" and entry.frees is not None)


def figure_unknown(entry: Entry, year: int) -> bool:
    """Whether the entry names no figure for this year: `?` alone, no amount at all, or `2021=?`."""
    if not entry.amounts:
        return True
    return entry.by_year.get(year, ZERO) is None


def unknown_in(entry: Entry, year: int) -> bool:
    """Whether the entry counts in this year's operating balance without a figure for it."""
    if entry.kind == "loan":  # frees operating room by an amount the document does not give
        return entry.frees is not None
    return figure_unknown(entry, year)


def investment_funding(budget: Budget) -> tuple[tuple[Link, Entry], ...]:
    """The `funds` links by which a coverage line or a fund draw pays for an investment, with that line."""
    named = budget.named
    result = []
    for link in budget.links:
        source, target = named.get(link.source.text), named.get(link.target.text)
        if (link.kind == "funds" and isinstance(source, Entry) and source.kind in COVER_KINDS
                and isinstance(target, Entry) and target.kind == "invest"):
            result.append((link, source))
    return tuple(result)


def funded_part(link: Link, source: Entry, year: int) -> Decimal | None:
    """What a funding link moves in a year: its own amounts where it gives any, else its line's; None if unknown."""
    if link.amounts:
        by_year = {a.year: a.value for a in link.amounts}
        return by_year.get(year, ZERO)
    return None if figure_unknown(source, year) else source.by_year.get(year, ZERO)


def per_budget(make: Callable[[Budget], T]) -> Callable[[Budget], T]:
    """`make(budget)`, made once a budget and kept while the budget lives: for what
    several rules ask of the same budget (the operating balance, the investments).

    Budgets are immutable, so what is kept stays a pure function of the budget, and
    must be immutable itself. It is kept by the budget's identity, as a budget's hash
    and equality go through all its statements.
    """
    kept: dict[int, tuple[weakref.ref, T]] = {}  # id of the budget -> (a weak reference to it, what was made)

    @functools.wraps(make)
    def shared(budget: Budget) -> T:
        key = id(budget)
        found = kept.get(key)
        if found is not None and found[0]() is budget:
            return found[1]
        made = make(budget)
        kept[key] = (weakref.ref(budget, lambda _, key=key: kept.pop(key, None)), made)
        return made

    return shared


@per_budget
def operating_balance(budget: Budget) -> tuple[YearBalance, ...]:
    """The operating balance of every plan year, in order; BAL001, BAL002, BAL006 and
    FUN002 (and the summary) each ask for it.

    One pass over the entries for all the years, adding each year's figures in the
    order of the entries.
    """
    years = budget.years
    funding = investment_funding(budget)
    to_investment: dict[int, dict[int, Decimal | None]] = {}  # year -> id of the line -> what it pays to investments
    for year in years:
        paid = to_investment[year] = {}
        for link, source in funding:
            part, before = funded_part(link, source, year), paid.get(id(source), ZERO)
            paid[id(source)] = None if part is None or before is None else before + part
    spend = dict.fromkeys(years, ZERO)
    cover = dict.fromkeys(years, ZERO)
    draws = dict.fromkeys(years, ZERO)
    allocations = dict.fromkeys(years, ZERO)
    unknown: dict[int, list[Entry]] = {year: [] for year in years}
    paying = {line for paid in to_investment.values() for line in paid}  # ids of the lines that pay to investments
    for entry in budget.entries:
        if not counts_in_operations(entry):
            continue
        kind = entry.kind
        by_year = entry.by_year
        pays = id(entry) in paying
        for year in years:
            transferred = to_investment[year].get(id(entry), ZERO) if pays else ZERO
            if unknown_in(entry, year) or transferred is None:
                unknown[year].append(entry)
                continue
            value = by_year.get(year)
            if value is None and not transferred:
                continue
            value = (value or ZERO) - transferred
            if kind in SPEND_KINDS:
                spend[year] += value
                if kind == "allocate":
                    allocations[year] += value
            else:
                cover[year] += value
                if kind == "draw":
                    draws[year] += value
    return tuple(YearBalance(year, spend[year], cover[year], draws[year], tuple(unknown[year]), allocations[year])
                 for year in years)
