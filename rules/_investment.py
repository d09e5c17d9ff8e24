"""Investments and their financing per year, shared by BAL003 and BAL004.

Investment changes (`invest`) are financed by borrowing (`loan`) and by draws
and coverage linked to an investment with `funds`. A loan that a link or a
directive puts to operations finances no investment: it is borrowing used for
operations (BAL003), and is left out of the financing here.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from ..dsl.model import Budget, Directive, Entry, Link, Name
from .totals import ZERO, figure_unknown, funded_part, investment_funding, per_budget
from .base import fmt


class OperatingUse(NamedTuple):
    """A loan put to operations: by a `funds`/`reallocate` link, or as a directive's `funded-by`."""

    loan: Entry
    target: Entry | Directive
    via: Link | Name  # the link, or the directive's funded-by name


class YearInvestment(NamedTuple):
    year: int
    invest: Decimal  # change of investments, known figures only
    borrowing: Decimal  # change of borrowing that may finance investments, known figures only
    linked: Decimal  # draws and coverage linked to investments, known figures only
    unknown_invest: tuple[Entry, ...]
    unknown_borrowing: tuple[Entry, ...]
    unknown_linked: tuple[Entry, ...]  # the draw or coverage line whose part has no figure

    @property
    def financing(self) -> Decimal:
        return self.borrowing + self.linked

    @property
    def shortfall(self) -> Decimal:
        """Investment without named financing; negative where financing exceeds the investment change."""
        return self.invest - self.financing

    @property
    def verifiable(self) -> bool:
        return not (self.unknown_invest or self.unknown_borrowing or self.unknown_linked)

    @property
    def empty(self) -> bool:
        return self.verifiable and not (self.invest or self.borrowing or self.linked)


class Investments(NamedTuple):
    years: tuple[YearInvestment, ...]
    operating_uses: tuple[OperatingUse, ...]
    loans: tuple[Entry, ...]  # loans that may finance investments


def _is_operations(stmt: object) -> bool:
    return isinstance(stmt, Directive) or (isinstance(stmt, Entry) and stmt.kind in ("item", "allocate"))


@per_budget  # BAL003 and BAL004 both ask
def investments(budget: Budget) -> Investments:
    entries = budget.entry_by_name
    loans = {name: e for name, e in entries.items() if e.kind == "loan"}
    uses: list[OperatingUse] = []
    for link in budget.links:
        source, target = entries.get(link.source.text), budget.named.get(link.target.text)
        if source is None or link.kind == "offset":
            continue
        if source.kind == "loan" and _is_operations(target):
            uses.append(OperatingUse(source, target, link))
    for d in budget.directives:
        if d.funded_by is not None and d.funded_by.text in loans:
            uses.append(OperatingUse(loans[d.funded_by.text], d, d.funded_by))
    for_operations = {u.loan.name.text for u in uses}
    financing_loans = tuple(e for e in budget.entries if e.kind == "loan" and e.name.text not in for_operations)
    invests = tuple(e for e in budget.entries if e.kind == "invest")
    funding = investment_funding(budget)

    years = []
    for year in budget.years:
        invest, unknown_invest = _sum(invests, year)
        borrowing, unknown_borrowing = _sum(financing_loans, year)
        linked_sum, unknown_linked = ZERO, []
        for link, source in funding:
            part = funded_part(link, source, year, budget.named.get(link.target.text), budget.years)
            if part is None:
                unknown_linked.append(source)
            else:
                linked_sum += part
        years.append(YearInvestment(year, invest, borrowing, linked_sum, unknown_invest, unknown_borrowing,
                                    tuple(unknown_linked)))
    return Investments(tuple(years), tuple(uses), financing_loans)


def _sum(entries: tuple[Entry, ...], year: int) -> tuple[Decimal, tuple[Entry, ...]]:
    total, unknown = ZERO, []
    for e in entries:
        if figure_unknown(e, year):
            unknown.append(e)
        else:
            total += e.by_year.get(year) or ZERO
    return total, tuple(unknown)


def movement(value: Decimal, plural: bool = False) -> str:
    """`rises by 5.0`, `falls by 20.0`, `is unchanged` (or `rise`, `fall`, `are` for plural subjects)."""
    if value > 0:
        return f"{'rise' if plural else 'rises'} by {fmt(value)}"
    if value < 0:
        return f"{'fall' if plural else 'falls'} by {fmt(-value)}"
    return "are unchanged" if plural else "is unchanged"
