"""`budsjett-lint summary FILE`: the tables a budget document prints.

Per year of the plan: operating spend by area and by line (utgifter drift),
coverage by line (inndekning drift), the directives' costs, fund movements, investments and
borrowing, the operating balance, and the lines without figures. Rich tables
on a terminal; `--format markdown`, `csv` or `json` for documents and tools.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from decimal import Decimal

from ...rules.base import fmt
from ..summary import Line, Summary, Total, summarize, to_data, unknown_on
from ..report.tables import Table, csv_text, draw, markdown
from ._output import emit, read_parsed, use_color

TABLES = ("areas", "spend", "coverage", "directives", "funds", "investments", "balance", "missing")

#: The mark of a year that a lasting line (`permanent`, `ramp`) does not state: it continues by an unknown amount.
CONTINUED = "?*"


def add_arguments(p: argparse.ArgumentParser, name: str) -> None:
    p.add_argument("file", metavar="FILE", help="a .budsjett file, or - for standard input")
    p.add_argument("--format", choices=["table", "markdown", "csv", "json", "html"], default="table",
                   help="table: rich tables, as on a terminal (default); markdown, csv or json otherwise; "
                        "html: one self-contained page with the year balance drawn (use with -o)")
    p.add_argument("--table", action="append", choices=TABLES, metavar="NAME",
                   help=f"print only this table (repeatable): {', '.join(TABLES)}")
    p.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--config", metavar="FILE", help="use this configuration file instead of searching for one")
    p.add_argument("--color", choices=["auto", "always", "never"], default="auto", help="colour in the table format")


def run(args: argparse.Namespace) -> int:
    read = read_parsed(args.file, args.config)
    if isinstance(read, int):
        return read
    config, parsed = read
    if parsed.problems:
        print(f"budsjett-lint: warning: the summary leaves out what {len(parsed.problems)} syntax "
              f"error{'s' * (len(parsed.problems) != 1)} kept from being read", file=sys.stderr)
    if not parsed.budget.years:
        print("budsjett-lint: warning: no plan years: the header has no `period`, e.g. period 2020..2023",
              file=sys.stderr)
    summary = summarize(parsed.budget, config.balance_tolerance)
    report = render(summary, args.format, args.table or TABLES, use_color(args))
    if not emit(report, args.output):
        return 2
    return 1 if parsed.problems else 0


def render(summary: Summary, format: str, chosen: tuple[str, ...] | list[str], color: bool = False) -> str:
    if format == "json":
        data = to_data(summary)
        keys = {"areas": "spend_by_area"}
        wanted = {keys.get(name, name) for name in chosen}
        data = {k: v for k, v in data.items() if k in ("name", "title", "years") or k in wanted}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    tables = [t for name, t in zip(TABLES, build_tables(summary)) if name in chosen]
    if format == "csv":
        return csv_text(tables)
    heading = _heading(summary)
    if format == "html":
        from ..report.page import page

        return page(summary, heading, _scope(summary), tables)
    if format == "markdown":
        return f"## {heading}\n\n{_scope(summary)}\n\n" + markdown(tables)
    width = shutil.get_terminal_size((100, 24)).columns if sys.stdout.isatty() else 100
    return f"{heading}\n{_scope(summary)}\n\n" + draw(tables, color, width)


def _heading(summary: Summary) -> str:
    name = summary.name or "(unnamed budget)"
    return f"{name}: {summary.title}" if summary.title else name


def _scope(summary: Summary) -> str:
    if not summary.years:
        return "No plan years (the header has no period). Amounts in millions of NOK."
    return (f"Plan years {summary.years[0]}–{summary.years[-1]}. Amounts in millions of NOK, as the document "
            f"writes them; `?` is a year the document names without a figure, `{CONTINUED}` a year after the last "
            "one a lasting line (permanent, ramp) states.")


def cell(value: Decimal | None) -> str:
    return "?" if value is None else fmt(value)


def line_cells(ln: Line, years: tuple[int, ...]) -> tuple[str, ...]:
    return tuple(CONTINUED if y in ln.continued else cell(ln.years[y]) for y in years)


def total_cell(total: Total) -> str:
    if not total.unknown:
        return fmt(total.known)
    return f"{fmt(total.known)} + ?" if total.known else "?"


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
            text = f"unverified: {n} line{'s lack' if n != 1 else ' lacks'} a figure"
        elif status == "balanced":
            text = "balanced"
        else:
            text = f"{status} {fmt(abs(b.gap))}"
        balance_rows.append((str(b.year), total_cell(Total(b.items, unknown_on(b, "item"))),
                             total_cell(Total(b.spend, unknown_on(b, "spend"))),
                             total_cell(Total(b.cover, unknown_on(b, "cover"))),
                             total_cell(Total(b.draws, unknown_on(b, "draw"))),
                             fmt(b.gap) if b.verifiable else f"{fmt(b.gap)} + ?", text))
    balance = Table(
        "Operating balance per year", ("Year", "Items", "Spend", "Covered", "Fund draws", "Gap", "Status"),
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


