"""The tables that budget documents print, computed from the model.

Pure functions: a `Budget` in, a `Summary` out. For each year of the plan:
operating spend by area and by line (utgifter drift, with the costs of the
directives that coverage pays for), coverage by line (inndekning drift), the
directives' costs and who pays them, fund movements, investments and borrowing, the operating
balance (from `rules/totals.py`), and the lines that give no figure. Where a
line names a year without a figure, the totals say so instead of counting it
as zero. Drawing the tables is `checker/report/tables.py`'s job.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..dsl.model import SPEND_KINDS, Budget, Directive, Entry
from ..rules.totals import (
    ZERO,
    YearBalance,
    continued_years,
    counts_in_operations,
    directive_cost,
    funded_directives,
    operating_balance,
    unknown_in,
)
from ..rules.base import DEFAULT_TOLERANCE, fmt

NO_AREA = "(no area)"
TO_FUNDS = "(allocations to funds)"
FROM_FUNDS = "(draws from funds)"
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
    continued: tuple[int, ...] = ()  # years a lasting line (`permanent`, `ramp`) does not state: unknown


@dataclass(frozen=True)
class DirectiveCost:
    """A directive with a cost: per plan year what it costs (None: unknown), and who pays."""

    name: str
    area: str | None
    line: int
    years: dict[int, Decimal | None]  # the years it costs in
    funding: str  # how it is paid, in words
    in_balance: bool  # its cost counts as spending in the operating balance


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

    @property
    def closing(self) -> dict[int, Total] | None:
        """The balance at the end of each plan year: the opening balance and the net changes up to it
        (the known part, and the lines without a figure so far); None without an opening balance."""
        if self.opening is None:
            return None
        known = self.opening
        unknown: tuple[str, ...] = ()
        out: dict[int, Total] = {}
        for y, change in self.net.items():
            known, unknown = known + change.known, unknown + tuple(n for n in change.unknown if n not in unknown)
            out[y] = Total(known, unknown)
        return out


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
    directives: tuple[DirectiveCost, ...] = ()
    coverage_by_area: tuple[Group, ...] = ()
    period_inferred: bool = False  # no `period` is declared: `years` are those the file names (STR015)

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
                {y: value(entry, y) for y in years}, entry.fund.text if entry.fund else None,
                continued_years(entry, range(years[0], years[-1] + 1)) if years else ())


def unknown_on(year: YearBalance, side: str) -> tuple[str, ...]:
    """The names of the lines without a figure for the year on one side of the balance:
    `spend` (items, allocations, directives), `cover` (coverage, draws, borrowing that frees room),
    or one kind of line (`item`, `draw`)."""
    def on(e: Entry | Directive) -> bool:
        if isinstance(e, Directive):
            return side == "spend"
        if side in ("spend", "cover"):
            return (e.kind in SPEND_KINDS) == (side == "spend")
        return e.kind == side
    return tuple(e.name.text for e in year.unknown if on(e))


def _directive_costs(budget: Budget, years: tuple[int, ...]) -> tuple[DirectiveCost, ...]:
    in_balance = {id(d) for d in funded_directives(budget)}
    paid: dict[str, list[str]] = defaultdict(list)
    for link in budget.links:
        if link.kind in ("funds", "reallocates"):
            paid[link.target.text].append(link.source.text)
    rows = []
    for d in budget.directives:
        cost = directive_cost(d, budget.years)
        if not cost:
            continue
        payers = ([d.funded_by.text] if d.funded_by is not None else []) + paid.get(d.name.text, [])
        if id(d) in in_balance:
            funding = "in the balance, paid by " + ", ".join(payers)
        elif payers:
            funding = "paid outside the balance by " + ", ".join(payers)
        else:
            funding = "nothing funds it (FUN001)"
        rows.append(DirectiveCost(d.name.text, d.sector.id if d.sector else None, d.span.line,
                                  {y: cost[y] for y in years if y in cost}, funding, id(d) in in_balance))
    return tuple(rows)


def _known_of(entry: Entry, years: range) -> str:
    parts = [f"{a.year}: {fmt(a.value)}" for a in entry.amounts if a.value is not None]
    if entry.heading is not None:
        parts.append(f"heading {fmt(entry.heading.value)}")
    if entry.total is not None:
        parts.append(f"total {fmt(entry.total.value)}")
    if entry.kind == "loan" and entry.frees is not None:
        parts.append("frees operating room by an amount not given")
    if continued_years(entry, years):
        lasting = "permanent" if entry.permanent is not None else "ramp"
        parts.append(f"{lasting}, not stated after {max(entry.by_year)}")
    return "; ".join(parts) or "no figure"


def summarize(budget: Budget, tolerance: Decimal = DEFAULT_TOLERANCE) -> Summary:
    years = tuple(budget.years)
    spend: list[Line] = []
    coverage: list[Line] = []
    investments: list[Line] = []
    missing: list[Missing] = []
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
                                   entry.span.line, gaps, _known_of(entry, budget.years)))

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

    directives = _directive_costs(budget, years)
    for cost in directives:
        if cost.in_balance:
            spend.append(Line(cost.name, "directive", cost.area, cost.line, {y: cost.years.get(y, ZERO) for y in years}))
    # by area after the directive costs joined the spend: its rows add up to its total
    by_area: dict[str, list[Line]] = defaultdict(list)
    for row in spend:
        by_area[row.area or (TO_FUNDS if row.kind == "allocate" else NO_AREA)].append(row)
    cover_by_area: dict[str, list[Line]] = defaultdict(list)
    for row in coverage:
        cover_by_area[row.area or (FROM_FUNDS if row.kind == "draw" else NO_AREA)].append(row)

    def groups(by: dict[str, list[Line]]) -> tuple[Group, ...]:
        return tuple(Group(key, budget.sectors[key].name if key in budget.sectors else key,
                           {y: sum_values((ln.name, ln.years[y]) for ln in rows) for y in years})
                     for key, rows in by.items())

    for d in budget.directives:
        costs = directive_cost(d, budget.years)
        unknown_years = tuple(y for y in years if y in costs and costs[y] is None)
        if unknown_years:
            funded = f"funded by {d.funded_by.text}" if d.funded_by else "commits money; no funding named"
            missing.append(Missing(d.name.text, "directive", d.sector.id if d.sector else None, d.span.line,
                                   unknown_years, f"cost ?; {funded}"))

    header = budget.header
    return Summary(
        name=header.name.text if header else None,
        title=header.title.text if header and header.title else None,
        years=years,
        spend=tuple(spend),
        spend_by_area=groups(by_area),
        coverage_by_area=groups(cover_by_area),
        coverage=tuple(coverage),
        investments=tuple(investments),
        funds=fund_rows,
        balance=tuple(operating_balance(budget)),
        missing=tuple(missing),
        tolerance=tolerance,
        directives=directives,
        period_inferred=budget.inferred_period is not None,
    )


def balance_data(b: YearBalance, status: str, num) -> dict[str, Any]:
    """A year of the balance for JSON: each column as every total is, its known part and the lines
    on its side that give no figure (the gap: every such line), so that no partly known sum reads as whole."""
    def column(value: Decimal, unknown: tuple[str, ...]) -> dict[str, Any]:
        return {"known": num(value), "without_figure": list(unknown)}

    names = tuple(e.name.text for e in b.unknown)
    return {"year": b.year, "items": column(b.items, unknown_on(b, "item")),
            "spend": column(b.spend, unknown_on(b, "spend")), "cover": column(b.cover, unknown_on(b, "cover")),
            "drawn_from_funds": column(b.draws, unknown_on(b, "draw")), "gap": column(b.gap, names),
            "status": status, "without_figure": list(names)}


def to_data(summary: Summary) -> dict:
    """The summary as plain data for `--format json`: figures as numbers, `null` where none is given."""

    def num(v: Decimal | None) -> float | None:
        return None if v is None else float(v)

    def line(ln: Line) -> dict[str, Any]:
        item: dict[str, Any] = {"name": ln.name, "kind": ln.kind, "area": ln.area, "line": ln.line,
                "years": {str(y): num(v) for y, v in ln.years.items()}}
        if ln.fund is not None:
            item["fund"] = ln.fund
        if ln.continued:
            item["continued"] = list(ln.continued)
        return item

    def totals(t: dict[int, Total]) -> dict:
        return {str(y): {"known": num(v.known), "without_figure": list(v.unknown)} for y, v in t.items()}

    return {
        "name": summary.name,
        "title": summary.title,
        "years": list(summary.years),
        "period_inferred": summary.period_inferred,
        "spend_by_area": [{"area": g.key, "name": g.label, "years": totals(g.years)} for g in summary.spend_by_area],
        "spend": {"lines": [line(ln) for ln in summary.spend], "total": totals(summary.total(summary.spend))},
        "coverage": {"lines": [line(ln) for ln in summary.coverage],
                     "total": totals(summary.total(summary.coverage))},
        "investments": {"lines": [line(ln) for ln in summary.investments],
                        "total": totals(summary.total(summary.investments))},
        "funds": [{"name": f.name, "opening": num(f.opening), "allocated": totals(f.allocated),
                   "drawn": totals(f.drawn), "net": totals(f.net)} for f in summary.funds],
        "directives": [{"name": d.name, "area": d.area, "line": d.line,
                        "years": {str(y): num(v) for y, v in d.years.items()}, "funding": d.funding,
                        "in_balance": d.in_balance} for d in summary.directives],
        "balance": [balance_data(b, summary.status(b), num) for b in summary.balance],
        "missing": [{"name": m.name, "kind": m.kind, "area": m.area, "line": m.line, "years": list(m.years),
                     "known": m.known} for m in summary.missing],
    }
