"""Tables of text, and the ways to print them: rich on a terminal, Markdown,
CSV (for spreadsheets, in two dialects) and plain aligned text. The summary and
the amendment diff build tables; a cell is text, or a `Figure` (an amount, which
CSV writes as a number); only `draw` loads rich, and only when it is called.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Sequence

from ...rules.base import fmt


def sum_text(known: Decimal, unknown: bool, number=fmt) -> str:
    """How every table and chart writes a sum: its figure where every line that counts gives one;
    otherwise its known part followed by ` + ?` (`0.0 + ?` where the lines with a figure add up to
    nothing or none has one), in every column alike, so that a row's known parts add up as written.
    `?` alone is one line's figure that is not given, never a sum."""
    return f"{number(known)} + ?" if unknown else number(known)


class Figure(str):
    """A cell that is an amount: everywhere the text it shows (`24.6 + ?`), and in CSV its `value` as a
    number, or an empty cell where the figure is not known whole, with what is `missing` said beside it."""

    value: Decimal | None
    missing: str

    def __new__(cls, text: str, value: Decimal | None, missing: str = "") -> Figure:
        cell = super().__new__(cls, text)
        cell.value, cell.missing = value, missing
        return cell


@dataclass(frozen=True)
class Table:
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]  # text, a `Figure`, or on a terminal a rich renderable (a bar)
    footer: tuple[str, ...] | None = None  # a totals row
    note: str | None = None  # said under the table
    align: str = ""  # `l` or `r` for each column; by default the first is text (left), the rest figures (right)

    def right(self, i: int) -> bool:
        return (self.align[i] if self.align else "l" if i == 0 else "r") == "r"


def markdown(tables: Sequence[Table], level: int = 3) -> str:
    out = []
    for t in tables:
        out.append(f"{'#' * level} {t.title}\n")
        if t.rows or t.footer:
            out.append("| " + " | ".join(_md(c) for c in t.columns) + " |")
            out.append("|" + "|".join(" ---: " if t.right(i) else " --- " for i in range(len(t.columns))) + "|")
            for row in t.rows:
                out.append("| " + " | ".join(_md(c) for c in row) + " |")
            if t.footer:
                out.append("| " + " | ".join(f"**{_md(c)}**" if c else "" for c in t.footer) + " |")
        else:
            out.append("_None._")
        if t.note:
            out.append(f"\n{_md_text(t.note)}")
        out.append("")
    return "\n".join(out)


def _md_text(text: str) -> str:
    return text.replace("\n", "  \n")


def _md(cell: str) -> str:
    return cell.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


@dataclass(frozen=True)
class CsvDialect:
    delimiter: str
    decimal: str
    bom: bool  # a byte order mark first, so that Excel reads the file as UTF-8 (æ, ø, å)
    line_end: str


#: `standard`: `,` between cells and `.` in numbers; `excel-no`: `;` and decimal comma, as a spreadsheet
#: set to Norwegian (Excel, LibreOffice) opens a file without asking.
CSV_DIALECTS = {"standard": CsvDialect(",", ".", False, "\n"), "excel-no": CsvDialect(";", ",", True, "\r\n")}

#: The column CSV adds to a table with amounts that are not known whole: what each such cell lacks.
MISSING_COLUMN = "Without a figure"

#: A text that a spreadsheet would read as a formula: written with an apostrophe first (OWASP's advice).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_text(tables: Sequence[Table], dialect: str = "standard") -> str:
    """One table as plain CSV; several, each under a row with its title and followed by an empty row.

    An amount (`Figure`) is a number in the dialect's notation, or an empty cell where it is not known
    whole; a table with such cells gets a last column, `Without a figure`, saying per row what each lacks
    (`2021: no figure`). A text that would start a formula is written with an apostrophe first."""
    d = CSV_DIALECTS[dialect]
    out = io.StringIO()
    if d.bom:
        out.write("\ufeff")
    writer = csv.writer(out, delimiter=d.delimiter, lineterminator=d.line_end)
    for t in tables:
        rows = [*t.rows, *([t.footer] if t.footer else [])]
        gaps = any(isinstance(c, Figure) and c.value is None for row in rows for c in row)
        if len(tables) > 1:
            writer.writerow([t.title])
        writer.writerow([*t.columns, *([MISSING_COLUMN] if gaps else [])])
        for row in rows:
            cells = [_csv_cell(c, d) for c in row]
            if gaps:
                cells.append("; ".join(f"{t.columns[i]}: {c.missing}" for i, c in enumerate(row)
                                       if isinstance(c, Figure) and c.value is None))
            writer.writerow(cells)
        if len(tables) > 1:
            writer.writerow([])
    return out.getvalue()


def _csv_cell(cell: str, d: CsvDialect) -> str:
    if isinstance(cell, Figure):
        return "" if cell.value is None else fmt(cell.value).replace(".", d.decimal)
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def plain(tables: Sequence[Table]) -> str:
    """Aligned text without colour or box drawing, as hledger prints its reports."""
    out = []
    for t in tables:
        out.append(t.title)
        out.append("=" * len(t.title))
        rows = [t.columns, *t.rows] + ([t.footer] if t.footer else [])
        if t.rows or t.footer:
            widths = [max(len(r[i]) for r in rows) for i in range(len(t.columns))]
            for n, r in enumerate(rows):
                cells = [c.rjust(w) if t.right(i) else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths))]
                if n == len(rows) - 1 and t.footer:
                    out.append("-" * (sum(widths) + 2 * (len(widths) - 1)))
                out.append("  ".join(cells).rstrip())
                if n == 0:
                    out.append("-" * (sum(widths) + 2 * (len(widths) - 1)))
        else:
            out.append("None.")
        if t.note:
            out.append(t.note)
        out.append("")
    return "\n".join(out)


def draw(tables: Sequence[Table], color: bool, width: int | None = None) -> str:
    """The tables drawn with rich, as on a terminal; colour only where asked for and NO_COLOR is not set."""
    from rich import box
    from rich.console import Console
    from rich.measure import Measurement
    from rich.table import Table as RichTable
    from rich.text import Text

    color = color and not os.environ.get("NO_COLOR")
    out = io.StringIO()
    console = Console(file=out, force_terminal=color, no_color=not color, highlight=False, width=width or 100,
                      emoji=False, markup=False)
    for t in tables:
        table = RichTable(title=Text(t.title, style="bold"), title_justify="left", box=box.SIMPLE_HEAD,
                          show_footer=bool(t.footer), caption=t.note, caption_justify="left")
        for i, column in enumerate(t.columns):
            # a column of rich's renderables (the summary's bars) keeps its width; text folds
            drawn = [row[i] for row in t.rows if not isinstance(row[i], str)]
            least = max((Measurement.get(console, console.options, c).maximum for c in drawn), default=None)
            table.add_column(column, justify="right" if t.right(i) else "left",
                             footer=Text(t.footer[i], style="bold") if t.footer else "",
                             overflow="fold", no_wrap=bool(drawn), min_width=least)
        for row in t.rows:
            table.add_row(*(Text(c, style="yellow" if c.startswith("?") or c.endswith("?") else "")
                            if isinstance(c, str) else c for c in row))  # or a renderable of rich's
        if not t.rows and not t.footer:
            console.print(Text(t.title, style="bold"))
            console.print("None.")
            if t.note:
                console.print(t.note)
        else:
            console.print(table)
        console.print()
    text = out.getvalue()
    return text if color else "\n".join(line.rstrip() for line in text.split("\n"))
