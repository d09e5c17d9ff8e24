"""Tables of text, and the ways to print them: rich on a terminal, Markdown,
CSV and plain aligned text. The summary and the amendment diff build tables;
only `draw` loads rich, and only when it is called.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from typing import Sequence


@dataclass(frozen=True)
class Table:
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
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


def csv_text(tables: Sequence[Table]) -> str:
    """One table as plain CSV; several, each under a row with its title and followed by an empty row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for t in tables:
        if len(tables) > 1:
            writer.writerow([t.title])
        writer.writerow(t.columns)
        writer.writerows(t.rows)
        if t.footer:
            writer.writerow(t.footer)
        if len(tables) > 1:
            writer.writerow([])
    return out.getvalue()


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
            table.add_column(column, justify="right" if t.right(i) else "left",
                             footer=Text(t.footer[i], style="bold") if t.footer else "",
                             overflow="fold")
        for row in t.rows:
            table.add_row(*(Text(c, style="yellow" if c.startswith("?") or c.endswith("?") else "") for c in row))
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
