"""The tables of `budsjett-lint summary`, rendered: rich tables for a terminal (in colour, the
balance with a bar per year), Markdown with a Mermaid chart, CSV (`tables.csv_text`), JSON,
and the HTML page (`page.py`). Pure: a `Summary` in, text out. docs/summary.md describes each.
"""

from __future__ import annotations

import json
import shutil
import sys
from decimal import Decimal
from typing import Callable

from ...rules.base import fmt
from ..engine import CheckResult
from ..summary import Line, Summary, Total, to_data, unknown_on
from .tables import Figure, Table, csv_text, draw, markdown, sum_text

TABLES = ("areas", "spend", "coverage", "directives", "funds", "investments", "balance", "missing")

BALANCE_TITLE = "Operating balance per year"

#: The mark of a year that a lasting line (`permanent`, `ramp`) does not state: it continues by an unknown amount.
CONTINUED = "?*"


def render(summary: Summary, format: str, chosen: tuple[str, ...] | list[str], color: bool = False,
           result: CheckResult | None = None, docs_url: Callable[[str], str | None] = lambda code: None,
           dialect: str = "standard") -> str:
    """The summary in one format; the HTML page shows `result`'s findings too, linked by `docs_url`;
    CSV is written in `dialect` (`tables.CSV_DIALECTS`)."""
    if format == "json":
        data = to_data(summary)
        keys = {"areas": "spend_by_area"}
        wanted = {keys.get(name, name) for name in chosen}
        data = {k: v for k, v in data.items() if k in ("name", "title", "years", "period_inferred") or k in wanted}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    tables = [t for name, t in zip(TABLES, build_tables(summary)) if name in chosen]
    if format == "csv":
        return csv_text(tables, dialect)
    heading = _heading(summary)
    if format == "html":
        from .page import page

        return page(summary, heading, _scope(summary), tables, result, docs_url)
    if format == "markdown":
        chart = balance_chart(summary) if "balance" in chosen else ""
        return f"## {heading}\n\n{_scope(summary)}\n\n" + (f"{chart}\n" if chart else "") + markdown(tables)
    width = shutil.get_terminal_size((100, 24)).columns if sys.stdout.isatty() else 100
    if color:  # the longest bar as wide as the terminal leaves room for, beside the status on two lines
        bar_width = max(BAR_WIDTH[0], min(BAR_WIDTH[1], width - 108))
        tables = [with_bars(t, summary, bar_width) if t.title == BALANCE_TITLE else t for t in tables]
    return f"{heading}\n{_scope(summary)}\n\n" + draw(tables, color, width)


#: How many characters the longest bar of the terminal's balance table takes: at least, at most.
BAR_WIDTH = (6, 20)


def with_bars(table: Table, s: Summary, width: int = BAR_WIDTH[1]) -> Table:
    """The balance table with a column of bars, for a terminal in colour: per year spending (blue)
    above coverage (green), to one scale, each followed by `?` where lines lack a figure on its side."""
    from dataclasses import replace

    from rich.text import Text

    top = max([max(b.spend, b.cover) for b in s.balance] + [Decimal(0)])
    bars = []
    for b in s.balance:
        cell = Text()
        for value, style, side in ((b.spend, "blue", "spend"), (b.cover, "green", "cover")):
            length = 0 if top <= 0 or value <= 0 else max(1, round(float(value / top) * width))
            cell.append("█" * length, style=style)
            if unknown_on(b, side):
                cell.append(" ?", style="yellow")
            cell.append("\n" if side == "spend" else "")
        bars.append(cell)
    return replace(table, columns=(*table.columns, "Spend, coverage"),
                   rows=tuple((*row, bar) for row, bar in zip(table.rows, bars)), align=table.align + "l")


def balance_chart(s: Summary) -> str:
    """The operating balance per year as a Mermaid chart for Markdown (spending as bars, coverage as a
    line; for a plan of one year, two bars), and in words what the chart cannot show: the years that lack
    figures. Empty without plan years."""
    from .mermaid import xy_chart
    from .page import COVER, SPEND

    if not s.balance:
        return ""
    said = []
    for b in s.balance:
        status = s.status(b)
        state = (f"cannot be verified, {len(b.unknown)} line{'s lack' if len(b.unknown) != 1 else ' lacks'} "
                 "a figure" if status == "unknown" else "balanced" if status == "balanced"
                 else f"{status} {fmt(abs(b.gap))}")
        spend, cover = (sum_text(v, bool(unknown_on(b, side))) for v, side in ((b.spend, "spend"), (b.cover, "cover")))
        said.append(f"{b.year} spending {spend} against coverage {cover}, {state}")
    unknown = [b for b in s.balance if not b.verifiable]
    one = s.balance[0] if len(s.balance) == 1 else None  # a line needs two years: one year is two bars
    words = (f"Operating balance of {one.year}, in millions of NOK: spending beside coverage (fund draws included)."
             if one else
             "Operating balance per year, in millions of NOK: spending as blue bars, coverage (fund draws "
             "included) as the green line; where the line lies below a bar's top, the year has a gap.")
    if unknown:
        counts = ", ".join(f"{len(b.unknown)} in {b.year}" for b in unknown)
        words += (f" {_and([str(b.year) for b in unknown])} cannot be verified: lines lack a figure ({counts}); "
                  "the chart shows the known figures only.")
    if any(b.spend < 0 for b in s.balance) or (one and one.cover < 0):
        return words + " No chart: a known sum is negative, which a bar from zero cannot show.\n"
    if one:
        chart = xy_chart(f"Spending and coverage in {one.year}, mill NOK", said[0], ["spending", "coverage"],
                         (SPEND, [one.spend, one.cover]))
        return f"{chart}\n{words}\n"
    chart = xy_chart("Spending (bars) and coverage (line) per year, mill NOK", "; ".join(said),
                     [str(b.year) for b in s.balance], (SPEND, [b.spend for b in s.balance]),
                     [(COVER, [b.cover for b in s.balance])])
    return f"{chart}\n{words}\n"


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def _heading(summary: Summary) -> str:
    name = summary.name or "(unnamed budget)"
    return f"{name}: {summary.title}" if summary.title else name


def _scope(summary: Summary) -> str:
    if not summary.years:
        return "No plan years (the file declares no period and names no year). Amounts in millions of NOK."
    inferred = " (no `period` declared: the first to the last year the file names)" * summary.period_inferred
    years = (f"Plan year {summary.years[0]}" if len(summary.years) == 1
             else f"Plan years {summary.years[0]}–{summary.years[-1]}")
    return (f"{years}{inferred}. Amounts in millions of NOK, as the document "
            f"writes them; `?` is a year the document names without a figure, `{CONTINUED}` a year after the last "
            "one a lasting line (permanent, ramp) states.")


def cell(value: Decimal | None) -> Figure:
    return Figure("?", None, "no figure") if value is None else Figure(fmt(value), value)


def line_cells(ln: Line, years: tuple[int, ...]) -> tuple[Figure, ...]:
    return tuple(Figure(CONTINUED, None, "not stated (a lasting line: it continues by an unknown amount)")
                 if y in ln.continued else cell(ln.years[y]) for y in years)


def total_cell(total: Total) -> Figure:
    if not total.unknown:
        return Figure(fmt(total.known), total.known)
    return Figure(sum_text(total.known, True), None,
                  f"known part {fmt(total.known)}, without a figure: {', '.join(total.unknown)}")


def _lines_lack(n: int) -> str:
    return f"{n} line{'s lack' if n != 1 else ' lacks'} a figure"


def _years_text(years: tuple[int, ...], plan: tuple[int, ...]) -> str:
    if years == plan and len(plan) > 1:
        return f"all ({plan[0]}–{plan[-1]})"
    if len(years) > 2 and years == tuple(range(years[0], years[-1] + 1)):
        return f"{years[0]}–{years[-1]}"
    return ", ".join(map(str, years))


def build_tables(s: Summary) -> list[Table]:
    """The tables in the order of TABLES."""
    years = tuple(str(y) for y in s.years)
    spend_total = s.total(s.spend)
    cover_total = s.total(s.coverage)

    areas = Table(
        "Operating spend by area (utgifter drift)", ("Area", *years),
        tuple((g.label, *(total_cell(g.years[y]) for y in s.years)) for g in s.spend_by_area),
        ("Total", *(total_cell(spend_total[y]) for y in s.years)) if s.spend else None,
    )
    spend = Table(
        "Operating spend by line (utgifter drift)", ("Line", "Area", *years),
        tuple((ln.name, ln.area or "", *line_cells(ln, s.years)) for ln in s.spend),
        ("Total", "", *(total_cell(spend_total[y]) for y in s.years)) if s.spend else None,
        align="ll" + "r" * len(years),
    )
    coverage = Table(
        "Coverage by line (inndekning drift)", ("Line", "Kind", *years),
        tuple((ln.name, ln.kind, *line_cells(ln, s.years)) for ln in s.coverage),
        ("Total", "", *(total_cell(cover_total[y]) for y in s.years)) if s.coverage else None,
        align="ll" + "r" * len(years),
    )
    directives = Table(
        "Directive costs (verbale føringer)", ("Directive", "Area", *years, "Paid"),
        tuple((d.name, d.area or "", *(cell(d.years[y]) if y in d.years else "" for y in s.years), d.funding)
              for d in s.directives),
        note="A cost that a coverage line pays for counts as spending in the operating balance (and in the spend "
             "tables); one that nothing funds is FUN001's finding." if s.directives else None,
        align="ll" + "r" * len(years) + "l",
    )
    fund_rows = []
    for f in s.funds:
        fund_rows.append((f.name, "allocated", *(total_cell(f.allocated[y]) for y in s.years)))
        fund_rows.append((f.name, "drawn", *(total_cell(f.drawn[y]) for y in s.years)))
        fund_rows.append((f.name, "net change", *(total_cell(f.net[y]) for y in s.years)))
    openings = [f"{f.name}: opening balance {fmt(f.opening)}" for f in s.funds if f.opening is not None]
    funds = Table("Fund movements", ("Fund", "Movement", *years), tuple(fund_rows),
                  note="; ".join(openings) or None, align="ll" + "r" * len(years))
    capital_total = s.total(s.investments)
    investments = Table(
        "Investments and borrowing", ("Line", "Kind", *years),
        tuple((ln.name, ln.kind, *line_cells(ln, s.years)) for ln in s.investments),
        ("Total", "", *(total_cell(capital_total[y]) for y in s.years)) if s.investments else None,
        align="ll" + "r" * len(years),
    )
    balance_rows = []
    for b in s.balance:
        status = s.status(b)
        if status == "unknown":
            n = len(b.unknown)
            text = f"unverified: {_lines_lack(n)}"
        elif status == "balanced":
            text = "balanced"
        else:
            text = f"{status} {fmt(abs(b.gap))}"
        balance_rows.append((str(b.year), total_cell(Total(b.items, unknown_on(b, "item"))),
                             total_cell(Total(b.spend, unknown_on(b, "spend"))),
                             total_cell(Total(b.cover, unknown_on(b, "cover"))),
                             total_cell(Total(b.draws, unknown_on(b, "draw"))),
                             total_cell(Total(b.gap, tuple(e.name.text for e in b.unknown))),
                             text))
    balance = Table(
        BALANCE_TITLE, ("Year", "Items", "Spend", "Covered", "Fund draws", "Gap", "Status"),
        tuple(balance_rows), align="lrrrrrl",
        note="Items are the operating items alone; spend adds allocations to funds and the directive costs that "
             "coverage pays for; fund draws are part of coverage. Each counts the known figures, `+ ?` where lines "
             "give none; the gap is spend minus coverage. A year is verified only when every line that counts in "
             "it has a figure.",
    )
    missing = Table(
        "Lines without figures", ("Line", "Kind", "Area", "At line", "Years without a figure", "What is known"),
        tuple((m.name, m.kind, m.area or "", str(m.line), _years_text(m.years, s.years), m.known)
              for m in s.missing),
        align="lllrll",
    )
    return [areas, spend, coverage, directives, funds, investments, balance, missing]


