"""`budsjett-lint summary FILE`: the tables a budget document prints.

Per year of the plan: operating spend by area and by line (utgifter drift),
coverage by line (inndekning drift), the directives' costs, fund movements, investments and
borrowing, the operating balance, and the lines without figures. The rendering of each
format is `report/summary.py`; docs/summary.md describes each.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..engine import check_parsed
from ..report.summary import TABLES, build_tables, render
from ..report.tables import CSV_DIALECTS, csv_text
from ..summary import Summary, summarize
from . import HUMAN, format_name
from ._output import emit, error, read_parsed, use_color


def add_arguments(p: argparse.ArgumentParser, name: str) -> None:
    p.add_argument("file", metavar="FILE", help="a .budsjett file, or - for standard input")
    p.add_argument("--format", type=format_name, choices=[HUMAN, "markdown", "csv", "json", "html"], default=HUMAN,
                   help="full: the tables, as on a terminal (default); markdown (with a Mermaid chart), csv or "
                        "json otherwise; html: one self-contained page with the balance, the areas and the funds "
                        "drawn, the tables and the findings (use with -o)")
    p.add_argument("--table", action="append", choices=TABLES, metavar="NAME",
                   help=f"print only this table (repeatable): {', '.join(TABLES)}")
    p.add_argument("--output", "-o", metavar="FILE",
                   help="write to FILE instead of standard output; with --format csv, a folder (an existing one, "
                        "or a name ending in /) gets one file per table, NAME.csv")
    p.add_argument("--csv-dialect", choices=list(CSV_DIALECTS), default="standard",
                   help="standard: `,` between cells and `.` in numbers (default); excel-no: `;` and decimal "
                        "comma, UTF-8 with a byte order mark, as a spreadsheet set to Norwegian opens it")
    p.add_argument("--config", metavar="FILE", help="use this configuration file instead of searching for one")
    p.add_argument("--color", choices=["auto", "always", "never"], default="auto", help="colour in the table format")


def run(args: argparse.Namespace) -> int:
    if args.csv_dialect != "standard" and args.format != "csv":
        error(f"--csv-dialect {args.csv_dialect} is for --format csv")
        return 2
    read = read_parsed(args.file, args.config)
    if isinstance(read, int):
        return read
    config, parsed = read
    if parsed.problems:
        print(f"budsjett-lint: warning: the summary leaves out what {len(parsed.problems)} syntax "
              f"error{'s' * (len(parsed.problems) != 1)} kept from being read", file=sys.stderr)
    if not parsed.budget.years:
        print("budsjett-lint: warning: no plan years: the file declares no `period` and names no year, "
              "e.g. period 2020..2023", file=sys.stderr)
    summary = summarize(parsed.budget, config.balance_tolerance)
    chosen = args.table or TABLES
    if args.format == "csv" and args.output and _is_folder(args.output):
        if not _write_tables(summary, chosen, args.csv_dialect, Path(args.output)):
            return 2
        return 1 if parsed.problems else 0
    result = check_parsed(parsed, args.file, config.for_file(args.file)) if args.format == "html" else None
    report = render(summary, args.format, chosen, use_color(args), result, config.rule_url, args.csv_dialect)
    if not emit(report, args.output):
        return 2
    return 1 if parsed.problems else 0


def _is_folder(output: str) -> bool:
    return output.endswith(("/", os.sep)) or Path(output).is_dir()


def _write_tables(summary: Summary, chosen, dialect: str, folder: Path) -> bool:
    """One CSV file per chosen table in `folder` (made where missing), each written atomically."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        error(f"{folder}: cannot make the folder for the tables: {exc.strerror or exc}")
        return False
    for name, table in zip(TABLES, build_tables(summary)):
        if name in chosen and not emit(csv_text([table], dialect), str(folder / f"{name}.csv")):
            return False
    return True
