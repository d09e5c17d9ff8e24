"""`summary --format html`: one self-contained page (no network, no script): the year balance drawn,
spending and coverage per area, the fund balances, the chosen tables, and the file's findings as the
terminal report groups and frames them (`report/full.py`).

The charts are inline SVG written here, from the figures `checker/summary.py` computes (nothing is added
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
from ..summary import Total, unknown_on
from .tables import Table, sum_text

#: Colours with at least 4.5:1 contrast on white (WCAG AA).
SPEND, COVER, GAP, UNKNOWN = "#1f4e99", "#1e6b34", "#b00020", "#595959"

_CSS = """body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#111;background:#fff}
table{border-collapse:collapse;margin:.5rem 0 1.5rem;display:block;overflow-x:auto}
th,td{border:1px solid #999;padding:.2rem .5rem;text-align:right}th:first-child,td:first-child{text-align:left}
svg{max-width:100%;height:auto}.gap{color:#b00020}.unknown{color:#595959;font-style:italic}
.finding{margin:0 0 1rem}.finding p{margin:.2rem 0}.note{padding-left:2rem}pre{margin:0;overflow-x:auto;font-size:.85rem;line-height:1.3}
.s-bold{font-weight:bold}.s-dim{color:#595959}.s-underline{text-decoration:underline}.s-red{color:#b00020}
.s-yellow{color:#7a4d00}.s-cyan{color:#00606e}.s-blue{color:#1f4e99}.s-green{color:#1e6b34}
@media print{body{max-width:none}table{display:table}a{color:#111}pre{white-space:pre-wrap}nav{display:none}}"""


def _t(text: str) -> str:
    return escape(visible(text))


def balance_svg(summary) -> str:
    """Per year a spending bar beside a coverage bar (draws stacked on it), the gap or surplus labelled;
    an unverifiable year is drawn with its known part and labelled with how many lines lack a figure and
    the known gap or surplus."""
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
            n = len(b.unknown)
            label, second = "unverified:", f"{n} lack{'s a figure' if n == 1 else ' figures'}"
            known = ("known part balances" if abs(b.gap) <= summary.tolerance else
                     f"known {'gap' if b.gap > 0 else 'surplus'} {fmt(abs(b.gap))}")
        elif status == "balanced":
            label, second, known = "balanced", "", ""
        else:
            label, second, known = f"{status} {fmt(abs(b.gap))}", "", ""
        spend, cover, draws = (sum_text(v, bool(unknown_on(b, side)))
                               for v, side in ((b.spend, "spend"), (b.cover, "cover"), (b.draws, "draw")))
        desc.append(f"{b.year}: spend {spend}, coverage {cover} (fund draws {draws}), {label} {second}"
                    .rstrip() + (f", {known}" if known else ""))
        colour = UNKNOWN if status == "unknown" else GAP if status == "gap" else COVER
        parts.append(
            f'<rect x="{x}" y="{20 + h - sh:.1f}" width="{bw}" height="{sh:.1f}" fill="{SPEND}"/>'
            f'<rect x="{x + bw + 4}" y="{20 + h - ch:.1f}" width="{bw}" height="{ch:.1f}" fill="{COVER}"/>'
            + (f'<rect x="{x + bw + 4}" y="{20 + h - dh:.1f}" width="{bw}" height="{dh:.1f}" fill="#7fbf8f"/>'
               if dh else "")
            + f'<text x="{x}" y="{h + 38}" font-size="12">{b.year}</text>'
            f'<text x="{x}" y="{h + 54}" font-size="11" fill="{colour}">{escape(label)}</text>'
            f'<text x="{x}" y="{h + 68}" font-size="11" fill="{colour}">{escape(second)}</text>'
            f'<text x="{x}" y="{h + 82}" font-size="11" fill="{colour}">{escape(known)}</text>'
            + (f'<text x="{x}" y="{14 + h - max(sh, ch):.1f}" font-size="10" fill="{UNKNOWN}">known part</text>'
               if status == "unknown" else ""))
    title = "Operating balance per year: spending (blue) against coverage (green, fund draws lighter)"
    return (f'<svg role="img" viewBox="0 0 {width} {h + 92}" xmlns="http://www.w3.org/2000/svg" '
            f'aria-labelledby="bt bd"><title id="bt">{escape(title)}</title>'
            f'<desc id="bd">{escape("; ".join(desc))}</desc>{"".join(parts)}</svg>')


def _amount(total) -> str:
    """A sum as the tables write it: `24.6`, or `24.6 + ?` where lines lack a figure (`tables.sum_text`)."""
    return sum_text(total.known, bool(total.unknown))


def _short(label: str, limit: int = 30) -> str:
    return label if len(label) <= limit else label[:limit - 1] + "…"


#: A row of a grid chart: its label, and its series, each (colour, what it is, a sum per year).
GridRow = tuple[str, list[tuple[str, str, dict]]]


def _grid_svg(ident: str, title: str, years, rows: list[GridRow]) -> str:
    """Rows (areas, or kinds of line) by plan years (columns): in each cell a bar per series, one above the
    other, all to one scale, each with its amount; a sum that lacks figures is drawn with its known part
    and written `+ ?` in grey; a negative sum has no bar, only its amount."""
    if not rows or not years:
        return ""
    top = max([t.known for _, series in rows for _, _, by in series for t in by.values()] + [Decimal(1)])
    label_w, col_w, bar_max = 200, 130, 66.0
    heights = [8 + 15 * len(series) for _, series in rows]
    width, height = label_w + col_w * len(years), 26 + sum(heights)
    parts = [f'<text x="{label_w + col_w * i}" y="16" font-size="12" font-weight="bold">{y}</text>'
             for i, y in enumerate(years)]
    desc, y0 = [], 26
    for (label, series), row_h in zip(rows, heights):
        parts.append(f'<line x1="0" x2="{width}" y1="{y0}" y2="{y0}" stroke="#ddd"/>'
                     f'<text x="0" y="{y0 + row_h / 2 + 4:.0f}" font-size="12"><title>{_t(label)}</title>'
                     f'{_t(_short(label))}</text>')
        for i, y in enumerate(years):
            x0 = label_w + col_w * i
            for j, (colour, _, by) in enumerate(series):
                total = by[y]
                length = max(float(total.known / top) * bar_max, 0.0)
                ty = y0 + 5 + 15 * j
                style = f'fill="{UNKNOWN}" font-style="italic"' if total.unknown else f'fill="{colour}"'
                parts.append(f'<rect x="{x0}" y="{ty}" width="{length:.1f}" height="12" fill="{colour}"/>'
                             f'<text x="{x0 + length + 3:.1f}" y="{ty + 10}" font-size="10" {style}>'
                             f'{escape(_amount(total))}</text>')
        said = [f"{y} " + ", ".join(f"{what} {_amount(by[y])}" for _, what, by in series) for y in years]
        desc.append(f"{visible(label)}: {', '.join(said)}")
        y0 += row_h
    return (f'<svg role="img" viewBox="0 0 {width} {height}" width="{width}" xmlns="http://www.w3.org/2000/svg" '
            f'aria-labelledby="{ident}t {ident}d"><title id="{ident}t">{escape(title)}</title>'
            f'<desc id="{ident}d">{escape("; ".join(desc))}</desc>{"".join(parts)}</svg>')


def areas_svg(summary) -> str:
    """Per area a spending bar above a coverage bar for each plan year. Coverage by area is as the lines
    give it: most coverage names no area."""
    spend = {g.key: g for g in summary.spend_by_area}
    cover = {g.key: g for g in summary.coverage_by_area}
    nothing = {y: Total() for y in summary.years}
    rows = [((spend.get(k) or cover[k]).label,
             [(SPEND, "spending", spend[k].years if k in spend else nothing),
              (COVER, "coverage", cover[k].years if k in cover else nothing)])
            for k in list(spend) + [k for k in cover if k not in spend]]
    return _grid_svg("a", "Spending (blue) and coverage (green) per area and year", summary.years, rows)


def investments_svg(summary) -> str:
    """Per plan year the investments and the change of borrowing, summed as the table sums them."""
    def total(kind: str) -> dict:
        return summary.total(tuple(ln for ln in summary.investments if ln.kind == kind))

    rows = [(label, [(colour, label.lower(), total(kind))]) for label, kind, colour in
            (("Investments", "invest", SPEND), ("Borrowing", "loan", COVER))
            if any(ln.kind == kind for ln in summary.investments)]
    return _grid_svg("i", "Investments (blue) and the change of borrowing (green) per year", summary.years, rows)


def funds_svg(summary) -> str:
    """Per fund with an opening balance, its balance at the start and at the end of each plan year, from
    zero (an overdrawn fund's bar goes below the line, in red); where a year's movements lack figures, the
    known part is drawn and labelled so. A paragraph where no fund has an opening balance."""
    known = [(f, f.closing) for f in summary.funds if f.closing is not None]
    if not summary.funds:
        return ""
    if not known:
        return ("<p>No fund has an opening balance (<code>fund \"…\" opening 350</code>), so no fund's balance "
                "over the years can be shown.</p>")
    out = []
    for n, (f, closing) in enumerate(known):
        points = [("opening", Total(f.opening))] + [(str(y), closing[y]) for y in summary.years]
        high = max([t.known for _, t in points] + [Decimal(0)])
        low = min([t.known for _, t in points] + [Decimal(0)])
        span = max(high - low, Decimal(1))
        h, step, bw = 160.0, 90, 34
        zero = 20 + float(high / span) * h
        parts, desc = [f'<line x1="40" x2="{40 + step * len(points)}" y1="{zero:.1f}" y2="{zero:.1f}" stroke="#111"/>'], []
        for i, (label, total) in enumerate(points):
            x = 50 + step * i
            size = float(abs(total.known) / span) * h
            top = zero - size if total.known >= 0 else zero
            colour = GAP if total.known < 0 else COVER
            parts.append(f'<rect x="{x}" y="{top:.1f}" width="{bw}" height="{size:.1f}" fill="{colour}"/>'
                         f'<text x="{x}" y="{h + 42}" font-size="12">{label}</text>'
                         f'<text x="{x}" y="{h + 57}" font-size="11" fill="{UNKNOWN if total.unknown else "#111"}">'
                         f'{escape(_amount(total))}</text>')
            if total.unknown:
                parts.append(f'<text x="{x}" y="{h + 70}" font-size="10" fill="{UNKNOWN}">known part</text>')
            desc.append(f"{label}: {_amount(total)}")
        title = f"{visible(f.name)}: balance at the opening and at the end of each year"
        w = 60 + step * len(points)
        out.append(f"<h3>{_t(f.name)}</h3>"
                   f'<svg role="img" viewBox="0 0 {w} {h + 80}" width="{w}" '
                   f'xmlns="http://www.w3.org/2000/svg" aria-labelledby="ft{n} fd{n}">'
                   f'<title id="ft{n}">{escape(title)}</title><desc id="fd{n}">{escape("; ".join(desc))}</desc>'
                   f'{"".join(parts)}</svg>')
    unstated = [f.name for f in summary.funds if f.closing is None]
    if unstated:
        out.append(f"<p>Without an opening balance, and so not drawn: {_t(', '.join(unstated))}.</p>")
    return "".join(out)


def _table(t: Table) -> str:
    head = "".join(f"<th>{_t(c)}</th>" for c in t.columns)
    body = "".join("<tr>" + "".join(f"<td>{_t(c)}</td>" for c in row) + "</tr>" for row in t.rows)
    foot = ("<tr>" + "".join(f"<th>{_t(c)}</th>" for c in t.footer) + "</tr>") if t.footer else ""
    note = f"<p>{_t(t.note)}</p>" if t.note else ""
    return f'<h2 id="{_anchor(t.title)}">{_t(t.title)}</h2><table><tr>{head}</tr>{body}{foot}</table>{note}'


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


def _section(title: str, body: str, note: str) -> str:
    if not body:
        return ""
    return f'<h2 id="{_anchor(title)}">{escape(title)}</h2>{f"<p>{escape(note)}</p>" if note else ""}{body}'


def _anchor(title: str) -> str:
    """A section's id, from its (fixed, English) title: `Fund balances` -> `fund-balances`."""
    return "-".join("".join(ch if ch.isalnum() else " " for ch in title.lower()).split())


def _contents(sections: list[tuple[str, str]]) -> str:
    """The page's contents: a link to each section below the balance chart."""
    return ("<nav aria-label=\"Contents\"><p>" + " · ".join(f'<a href="#{anchor}">{escape(title)}</a>'
                                                          for title, anchor in sections) + "</p></nav>")


def page(summary, heading: str, scope: str, tables: list[Table], result: CheckResult | None = None,
         docs_url: Callable[[str], str | None] = lambda code: None) -> str:
    """The whole page: heading, the balance chart, contents, the other charts, the chosen tables, then
    the findings of `result`."""
    charts = [(title, _section(title, body, note)) for title, body, note in (
        ("Spending and coverage per area", areas_svg(summary),
         "Coverage counts under an area only where its line names one."),
        ("Fund balances", funds_svg(summary),
         "At the opening and at the end of each plan year: the opening balance, plus the allocations, minus the "
         "draws; a red bar below the line is a fund drawn below zero."
         if any(f.opening is not None for f in summary.funds) else ""),
        ("Investments and their financing", investments_svg(summary),
         "The investments and the change of borrowing each year; a negative sum (borrowing reduced) has no bar, "
         "only its amount. BAL004 judges whether the investments are financed; its findings, where there are "
         "any, are below."),
    ) if body]
    titles = [title for title, _ in charts] + [t.title for t in tables] + (["Findings"] if result is not None else [])
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{_t(heading)}</title><style>{_CSS}</style></head><body>"
            f"<h1>{_t(heading)}</h1><p>{_t(scope)}</p>"
            + (f"<p>{escape(closing_line_of(result))} <a href=\"#findings\">See the findings.</a></p>"
               if result is not None else "")
            + f"<p><b style=\"color:{SPEND}\">■ spending</b> against <b style=\"color:{COVER}\">■ coverage</b> "
            f"(fund draws lighter), per year; a year where lines lack figures shows its known part.</p>"
            f"{balance_svg(summary)}"
            + _contents([(t, _anchor(t)) for t in titles])
            + "".join(section for _, section in charts)
            + "".join(_table(t) for t in tables)
            + (findings(result, docs_url) if result is not None else "") + "</body></html>\n")


def closing_line_of(result: CheckResult) -> str:
    from .full import closing_line

    return closing_line([result])
