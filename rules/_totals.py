"""Sums per year that several rules and commands share: the operating balance."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..dsl.model import COVER_KINDS, SPEND_KINDS, Budget, Entry

ZERO = Decimal(0)


@dataclass(frozen=True)
class YearBalance:
    """The operating balance of one plan year, as far as the figures go."""

    year: int
    spend: Decimal  # items and allocations to funds, known figures only
    cover: Decimal  # coverage and draws on funds, known figures only
    draws: Decimal  # the part of `cover` that is drawn from funds
    unknown: tuple[Entry, ...]  # lines that count this year but give no figure for it

    @property
    def gap(self) -> Decimal:
        """Spending not covered; negative where coverage exceeds spending."""
        return self.spend - self.cover

    @property
    def verifiable(self) -> bool:
        return not self.unknown


def counts_in_operations(entry: Entry) -> bool:
    return entry.kind in SPEND_KINDS or entry.kind in COVER_KINDS or (entry.kind == "loan" and entry.frees is not None)


def unknown_in(entry: Entry, year: int) -> bool:
    """Whether the entry counts in this year without a figure for it."""
    if entry.kind == "loan":  # frees operating room by an amount the document does not give
        return entry.frees is not None
    if not entry.amounts:  # `?` alone, or nothing at all: no year has a figure
        return True
    return year in entry.by_year and entry.by_year[year] is None


def operating_balance(budget: Budget) -> list[YearBalance]:
    """The operating balance of every plan year, in order."""
    result = []
    for year in budget.years:
        spend = cover = draws = ZERO
        unknown: list[Entry] = []
        for entry in budget.entries:
            if not counts_in_operations(entry):
                continue
            if unknown_in(entry, year):
                unknown.append(entry)
                continue
            value = entry.by_year.get(year)
            if value is None:
                continue
            if entry.kind in SPEND_KINDS:
                spend += value
            else:
                cover += value
                if entry.kind == "draw":
                    draws += value
        result.append(YearBalance(year, spend, cover, draws, tuple(unknown)))
    return result
