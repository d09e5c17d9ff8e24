"""`summary --format html`: one self-contained page (no network) with the year balance drawn.

The chart is inline SVG written here, from the figures `checker/summary.py` computes (nothing is added
up again): no charting library, so the default install stays light and the page needs nothing to open.
Every name goes through `escaping.visible` (invisible and bidi characters as `<U+XXXX>`) and
`html.escape`.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape
from typing import Callable

from ...rules.base import fmt
from ..engine import CheckResult
from ..escaping import visible
from ..tables import Table

#: Colours with at least 4.5:1 contrast on white (WCAG AA).
SPEND, COVER, GAP, UNKNOWN = "#1f4e99", "#1e6b34", "#b00020", "#595959"

_CSS = """body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#111;background:#fff}
table{border-collapse:collapse;margin:.5rem 0 1.5rem;display:block;overflow-x:auto}
th,td{border:1px solid #999;padding:.2rem .5rem;text-align:right}th:first-child,td:first-child{text-align:left}
svg{max-width:100%;height:auto}.gap{color:#b00020}.unknown{color:#595959;font-style:italic}
.finding{margin:0 0 1rem}.finding p{margin:.2rem 0}.note{padding-left:2rem}pre{margin:0;overflow-x:auto;font-size:.85rem;line-height:1.3}
.s-bold{font-weight:bold}.s-dim{color:#595959}.s-underline{text-decoration:underline}.s-red{color:#b00020}
.s-yellow{color:#7a4d00}.s-cyan{color:#00606e}.s-blue{color:#1f4e99}.s-green{color:#1e6b34}
@media print{body{max-width:none}table{display:table}a{color:#111}pre{white-space:pre-wrap}}"""


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


def _pieces(line) -> str:
    """A line of the terminal report (`report/full.py`) as HTML: each styled piece in a span whose
    classes are its style's words (`bold red` -> `s-bold s-red`)."""
    return "".join(f'<span class="{" ".join("s-" + w for w in style.split())}">{escape(text)}</span>'
                   if style else escape(text) for text, style in line)


def findings(result: CheckResult, docs_url: Callable[[str], str | None]) -> str:
    """The findings in the terminal report's order and grouping (`full.grouped`): errors, then warnings,
    then infos, each with its source excerpt as the terminal frames it (every one, with every related
    place), its code linked to the rule's page where `docs-url` says where the pages are."""
    from . import Context
    from .full import Source, closing_line, frame, grouped

    source = Source(result.budget.text, color=False)
    context = Context(show_all=True, docs_url=docs_url)
    sections: dict[str, list[str]] = {}
    for _, d, _ in grouped([result], show_all=True):
        head, *rest = frame(d, source, context)
        url = docs_url(d.code)
        code = escape(f"{d.severity}[{d.code}]")
        label = (f'<a href="{escape(url)}" title="{escape(d.name)}: the rule\'s page">{code}</a>' if url
                 else f'<span title="{escape(d.name)}">{code}</span>')
        # the excerpts keep their columns (the marks stand under the span); help, fix and "and N more"
        # lines are prose, and wrap
        excerpt = [line for line in rest if line[0][0].strip() != "="]
        notes = "".join(f'<p class="note">{_pieces([("= ", line[0][1]), *line[1:]])}</p>'
                        for line in rest if line[0][0].strip() == "=")
        sections.setdefault(d.severity, []).append(
            f'<div class="finding"><p><b class="s-{_COLOUR[d.severity]}">{label}</b>{_pieces(head[1:])}</p>'
            f'<pre>{chr(10).join(_pieces(line) for line in excerpt)}</pre>{notes}</div>')
    out = [f"<h2 id=\"findings\">Findings</h2><p>{escape(closing_line([result]))}</p>"]
    for severity, shown in sections.items():  # in the order `grouped` gives: errors first
        out.append(f"<h3>{severity.capitalize()}s ({len(shown)})</h3>" + "".join(shown))
    return "".join(out)


_COLOUR = {"error": "red", "warning": "yellow", "info": "cyan"}


def page(summary, heading: str, scope: str, tables: list[Table], result: CheckResult | None = None,
         docs_url: Callable[[str], str | None] = lambda code: None) -> str:
    """The whole page: heading, the balance chart, the chosen tables, then the findings of `result`."""
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{_t(heading)}</title><style>{_CSS}</style></head><body>"
            f"<h1>{_t(heading)}</h1><p>{_t(scope)}</p>"
            f"<p><b style=\"color:{SPEND}\">■ spending</b> against <b style=\"color:{COVER}\">■ coverage</b> "
            f"(fund draws lighter), per year; a year where lines lack figures shows its known part.</p>"
            f"{balance_svg(summary)}"
            + "".join(_table(t) for t in tables)
            + (findings(result, docs_url) if result is not None else "") + "</body></html>\n")
