"""The tables that budget documents print, computed from the model.

Pure functions: a `Budget` in, a `Summary` out. For each year of the plan:
operating spend by area and by line (utgifter drift), coverage by line
(inndekning drift), fund movements, investments and borrowing, the operating
balance (from `rules/_totals.py`), and the lines that give no figure. Where a
line names a year without a figure, the totals say so instead of counting it
as zero. Drawing the tables is `checker/tables.py`'s job.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from ..dsl.model import SPEND_KINDS, Budget, Entry
from ..rules._totals import (
    ZERO,
    YearBalance,
    counts_in_operations,
    operating_balance,
    unknown_in,
)
from ..rules.base import fmt

NO_AREA = "(no area)"
TO_FUNDS = "(allocations to funds)"
NO_FUND = "(no fund named)"
CAPITAL_KINDS = ("invest", "loan")


@dataclass(frozen=True)
class Total:
    """A sum of the known figures, and the lines that count but give no figure."""

    known: Decimal = ZERO
    unknown: tuple[str, ...] = ()


@dataclass(frozen=True)
class Line:
    """One entry's row: its figure per plan year; None where the year is named without a figure."""

    name: str
    kind: str
    area: str | None
    line: int
    years: dict[int, Decimal | None]
    fund: str | None = None


@dataclass(frozen=True)
class Group:
    """A row of sums: an area's spend, or a fund's movements."""

    key: str
    label: str
    years: dict[int, Total]


@dataclass(frozen=True)
class Fund:
    name: str
    opening: Decimal | None
    allocated: dict[int, Total]
    drawn: dict[int, Total]

    @property
    def net(self) -> dict[int, Total]:
        return {y: Total(self.allocated[y].known - self.drawn[y].known,
                         self.allocated[y].unknown + self.drawn[y].unknown) for y in self.allocated}


@dataclass(frozen=True)
class Missing:
    """A line without a figure for some plan years, and what is known of it."""

    name: str
    kind: str
    area: str | None
    line: int
    years: tuple[int, ...]
    known: str


@dataclass(frozen=True)
class Summary:
    name: str | None
    title: str | None
    years: tuple[int, ...]
    spend: tuple[Line, ...]
    spend_by_area: tuple[Group, ...]
    coverage: tuple[Line, ...]
    investments: tuple[Line, ...]
    funds: tuple[Fund, ...]
    balance: tuple[YearBalance, ...]
    missing: tuple[Missing, ...]
    tolerance: Decimal

    def total(self, lines: tuple[Line, ...]) -> dict[int, Total]:
        return {y: sum_values((ln.name, ln.years[y]) for ln in lines) for y in self.years}

    def status(self, year: YearBalance) -> str:
        return balance_status(year, self.tolerance)


def balance_status(year: YearBalance, tolerance: Decimal) -> str:
    """`balanced` within the tolerance, `gap`, `surplus`, or `unknown` where a line gives no figure for the year."""
    if not year.verifiable:
        return "unknown"
    if abs(year.gap) <= tolerance:
        return "balanced"
    return "gap" if year.gap > 0 else "surplus"


def sum_values(pairs) -> Total:
    """The Total of (name, figure) pairs; a figure of None is a line without one."""
    known = ZERO
    unknown = []
    for name, value in pairs:
        if value is None:
            unknown.append(name)
        else:
            known += value
    return Total(known, tuple(unknown))


def operating_value(entry: Entry, year: int) -> Decimal | None:
    """What the entry adds to its side of the operating balance in a year; None where it gives no figure."""
    if not counts_in_operations(entry):
        return ZERO
    return None if unknown_in(entry, year) else (entry.by_year.get(year) or ZERO)


def capital_value(entry: Entry, year: int) -> Decimal | None:
    """An investment's or a borrowing change's figure in a year; None where it gives none (a total is no split)."""
    if entry.kind not in CAPITAL_KINDS:
        return ZERO
    if not entry.amounts or (year in entry.by_year and entry.by_year[year] is None):
        return None
    return entry.by_year.get(year) or ZERO


def _line(entry: Entry, years: tuple[int, ...], value) -> Line:
    return Line(entry.name.text, entry.kind, entry.sector.id if entry.sector else None, entry.span.line,
                {y: value(entry, y) for y in years}, entry.fund.text if entry.fund else None)


def _known_of(entry: Entry) -> str:
    parts = [f"{a.year}: {fmt(a.value)}" for a in entry.amounts if a.value is not None]
    if entry.heading is not None:
        parts.append(f"heading {fmt(entry.heading.value)}")
    if entry.total is not None:
        parts.append(f"total {fmt(entry.total.value)}")
    if entry.kind == "loan" and entry.frees is not None:
        parts.append("frees operating room by an amount not given")
    return "; ".join(parts) or "no figure"


def summarize(budget: Budget, tolerance: Decimal = Decimal("0.05")) -> Summary:
    years = tuple(budget.years)
    spend, coverage, investments, missing = [], [], [], []
    for entry in budget.entries:
        operating = _line(entry, years, operating_value) if counts_in_operations(entry) else None
        capital = _line(entry, years, capital_value) if entry.kind in CAPITAL_KINDS else None
        if operating is not None:
            (spend if entry.kind in SPEND_KINDS else coverage).append(operating)
        if capital is not None:
            investments.append(capital)
        gaps = tuple(y for y in years if any(r is not None and r.years[y] is None for r in (operating, capital)))
        if gaps:
            missing.append(Missing(entry.name.text, entry.kind, entry.sector.id if entry.sector else None,
                                   entry.span.line, gaps, _known_of(entry)))

    by_area: dict[str, list[Line]] = defaultdict(list)
    for row in spend:
        by_area[row.area or (TO_FUNDS if row.kind == "allocate" else NO_AREA)].append(row)
    areas = tuple(
        Group(key, budget.sectors[key].name if key in budget.sectors else key,
              {y: sum_values((ln.name, ln.years[y]) for ln in rows) for y in years})
        for key, rows in by_area.items()
    )

    funds: dict[str, tuple[list[Line], list[Line]]] = {f.name.text: ([], []) for f in budget.funds}
    for row in spend + coverage:
        if row.kind in ("allocate", "draw"):
            allocated, drawn = funds.setdefault(row.fund or NO_FUND, ([], []))
            (allocated if row.kind == "allocate" else drawn).append(row)
    openings = {f.name.text: f.opening.value if f.opening else None for f in budget.funds}
    fund_rows = tuple(
        Fund(name, openings.get(name),
             {y: sum_values((ln.name, ln.years[y]) for ln in allocated) for y in years},
             {y: sum_values((ln.name, ln.years[y]) for ln in drawn) for y in years})
        for name, (allocated, drawn) in funds.items()
    )

    for d in budget.directives:
        if d.cost == "unknown":
            funded = f"funded by {d.funded_by.text}" if d.funded_by else "commits money; no funding named"
            missing.append(Missing(d.name.text, "directive", d.sector.id if d.sector else None, d.span.line,
                                   years, f"cost ?; {funded}"))

    header = budget.header
    return Summary(
        name=header.name.text if header else None,
        title=header.title.text if header and header.title else None,
        years=years,
        spend=tuple(spend),
        spend_by_area=areas,
        coverage=tuple(coverage),
        investments=tuple(investments),
        funds=fund_rows,
        balance=tuple(operating_balance(budget)),
        missing=tuple(missing),
        tolerance=tolerance,
    )


def to_data(summary: Summary) -> dict:
    """The summary as plain data for `--format json`: figures as numbers, `null` where none is given."""

    def num(v: Decimal | None) -> float | None:
        return None if v is None else float(v)

    def line(ln: Line) -> dict:
        item = {"name": ln.name, "kind": ln.kind, "area": ln.area, "line": ln.line,
                "years": {str(y): num(v) for y, v in ln.years.items()}}
        if ln.fund is not None:
            item["fund"] = ln.fund
        return item

    def totals(t: dict[int, Total]) -> dict:
        return {str(y): {"known": num(v.known), "without_figure": list(v.unknown)} for y, v in t.items()}

    return {
        "name": summary.name,
        "title": summary.title,
        "years": list(summary.years),
        "spend_by_area": [{"area": g.key, "name": g.label, "years": totals(g.years)} for g in summary.spend_by_area],
        "spend": {"lines": [line(ln) for ln in summary.spend], "total": totals(summary.total(summary.spend))},
        "coverage": {"lines": [line(ln) for ln in summary.coverage],
                     "total": totals(summary.total(summary.coverage))},
        "investments": {"lines": [line(ln) for ln in summary.investments],
                        "total": totals(summary.total(summary.investments))},
        "funds": [{"name": f.name, "opening": num(f.opening), "allocated": totals(f.allocated),
                   "drawn": totals(f.drawn), "net": totals(f.net)} for f in summary.funds],
        "balance": [{"year": b.year, "spend": num(b.spend), "cover": num(b.cover), "drawn_from_funds": num(b.draws),
                     "gap": num(b.gap), "status": summary.status(b),
                     "without_figure": [e.name.text for e in b.unknown]} for b in summary.balance],
        "missing": [{"name": m.name, "kind": m.kind, "area": m.area, "line": m.line, "years": list(m.years),
                     "known": m.known} for m in summary.missing],
    }
