"""`summary --format html`: one self-contained page (no network) with the year balance drawn.

The chart is inline SVG written here, from the figures `checker/summary.py` computes (nothing is added
up again): no charting library, so the default install stays light and the page needs nothing to open.
Every name goes through `escaping.visible` (invisible and bidi characters as `<U+XXXX>`) and
`html.escape`.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape

from ...rules.base import fmt
from ..escaping import visible
from .tables import Table

#: Colours with at least 4.5:1 contrast on white (WCAG AA).
SPEND, COVER, GAP, UNKNOWN = "#1f4e99", "#1e6b34", "#b00020", "#595959"

_CSS = """body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#111;background:#fff}
table{border-collapse:collapse;margin:.5rem 0 1.5rem;display:block;overflow-x:auto}
th,td{border:1px solid #999;padding:.2rem .5rem;text-align:right}th:first-child,td:first-child{text-align:left}
svg{max-width:100%;height:auto}.gap{color:#b00020}.unknown{color:#595959;font-style:italic}
@media print{body{max-width:none}table{display:table}a{color:#111}}"""


def _t(text: str) -> str:
    return escape(visible(text))


def balance_svg(summary) -> str:
    """Per year a spending bar beside a coverage bar (draws stacked on it), the gap or surplus labelled;
    an unverifiable year is drawn with its known part and labelled with how many lines lack a figure."""
    rows = summary.balance
    if not rows:
        return ""
    top = max([max(b.spend, b.cover) for b in rows] + [Decimal(1)])
    h, bw, step = 200, 28, 110
    width = 60 + step * len(rows)
    desc = []
    parts = []
    for i, b in enumerate(rows):
        x = 50 + step * i
        sh = float(b.spend / top) * h
        ch = float(b.cover / top) * h
        dh = float(b.draws / top) * h if b.draws > 0 else 0.0
        status = summary.status(b)
        if status == "unknown":
            label, second = "unverified:", f"{len(b.unknown)} lack figures"
        elif status == "balanced":
            label, second = "balanced", ""
        else:
            label, second = f"{status} {fmt(abs(b.gap))}", ""
        desc.append(f"{b.year}: spend {fmt(b.spend)}, coverage {fmt(b.cover)} (fund draws {fmt(b.draws)}), {label} {second}"
                    .rstrip())
        colour = UNKNOWN if status == "unknown" else GAP if status == "gap" else COVER
        parts.append(
            f'<rect x="{x}" y="{20 + h - sh:.1f}" width="{bw}" height="{sh:.1f}" fill="{SPEND}"/>'
            f'<rect x="{x + bw + 4}" y="{20 + h - ch:.1f}" width="{bw}" height="{ch:.1f}" fill="{COVER}"/>'
            + (f'<rect x="{x + bw + 4}" y="{20 + h - dh:.1f}" width="{bw}" height="{dh:.1f}" fill="#7fbf8f"/>'
               if dh else "")
            + f'<text x="{x}" y="{h + 38}" font-size="12">{b.year}</text>'
            f'<text x="{x}" y="{h + 54}" font-size="11" fill="{colour}">{escape(label)}</text>'
            f'<text x="{x}" y="{h + 68}" font-size="11" fill="{colour}">{escape(second)}</text>'
            + (f'<text x="{x}" y="{14 + h - max(sh, ch):.1f}" font-size="10" fill="{UNKNOWN}">known part</text>'
               if status == "unknown" else ""))
    title = "Operating balance per year: spending (blue) against coverage (green, fund draws lighter)"
    return (f'<svg role="img" viewBox="0 0 {width} {h + 80}" xmlns="http://www.w3.org/2000/svg" '
            f'aria-labelledby="bt bd"><title id="bt">{escape(title)}</title>'
            f'<desc id="bd">{escape("; ".join(desc))}</desc>{"".join(parts)}</svg>')


def _table(t: Table) -> str:
    head = "".join(f"<th>{_t(c)}</th>" for c in t.columns)
    body = "".join("<tr>" + "".join(f"<td>{_t(c)}</td>" for c in row) + "</tr>" for row in t.rows)
    foot = ("<tr>" + "".join(f"<th>{_t(c)}</th>" for c in t.footer) + "</tr>") if t.footer else ""
    note = f"<p>{_t(t.note)}</p>" if t.note else ""
    return f"<h2>{_t(t.title)}</h2><table><tr>{head}</tr>{body}{foot}</table>{note}"


def page(summary, heading: str, scope: str, tables: list[Table]) -> str:
    """The whole page: heading, the balance chart, then the chosen tables."""
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{_t(heading)}</title><style>{_CSS}</style></head><body>"
            f"<h1>{_t(heading)}</h1><p>{_t(scope)}</p>"
            f"<p><b style=\"color:{SPEND}\">■ spending</b> against <b style=\"color:{COVER}\">■ coverage</b> "
            f"(fund draws lighter), per year; a year where lines lack figures shows its known part.</p>"
            f"{balance_svg(summary)}"
            + "".join(_table(t) for t in tables) + "</body></html>\n")
