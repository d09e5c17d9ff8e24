"""What `budsjett-lint diff` says about an amendment, rendered: the verdict, the tables per year
and per line, and for Markdown (the pull request comment) a Mermaid chart of the effect per year.
Pure: an `Amendment` in, text out.
"""

from __future__ import annotations

import json
from decimal import Decimal

from ...rules.base import fmt
from ..amend.diff import Amendment, Change, YearState, to_data_amendment
from ..diagnostics import location
from ..summary import Total
from .tables import Table, markdown, plain, sum_text

MARKER = "<!-- budsjett-lint diff -->"  # lets CI find and update its own pull request comment


def render(a: Amendment, format: str) -> str:
    if format == "json":
        return json.dumps(to_data_amendment(a), ensure_ascii=False, indent=2) + "\n"
    tables = build_tables(a)
    inferred = " (no `period` declared: the first to the last year the files name)" * a.period_inferred
    scope = (f"Plan years {a.years[0]}–{a.years[-1]}{inferred}; amounts in millions of NOK." if a.years
             else "Neither version declares a period or names a year, so there are no plan years to compare.")
    if format == "markdown":
        chart = effect_chart(a)
        return (f"{MARKER}\n## budsjett-lint: the amendment\n\n`{a.base}` → `{a.head}`. {scope}\n\n"
                f"**{verdict(a)}**\n\n" + (f"{chart}\n" if chart else "") + markdown(tables))
    return f"budsjett-lint diff: {a.base} -> {a.head}\n{scope}\n\n" + plain(tables) + verdict(a) + "\n"


def effect_chart(a: Amendment) -> str:
    """The amendment's effect on each year's gap as a Mermaid chart for Markdown (a line, since it can be
    negative, beside a line at zero; for a plan of one year, a bar labelled with which way), and in words
    the years whose effect cannot be added up."""
    from .mermaid import xy_chart
    from .page import COVER, GAP, UNKNOWN

    if not a.effects:
        return ""
    if all(not e.net.known and not e.net.unknown for e in a.effects):
        return "The amendment changes no year's operating balance.\n"
    said = []
    for e in a.effects:
        n = len(e.net.unknown)
        missing = f" and {n} line{'s' * (n != 1)} without a figure" if n else ""
        said.append(f"{e.year} {_signed(e.net.known)}{missing}")
    one = a.effects[0] if len(a.effects) == 1 else None  # a line needs two years: one year is a bar
    words = (f"The amendment's effect on {one.year}'s gap, in millions of NOK: the bar's size, its label which way."
             if one else
             "The amendment's effect on each year's gap, in millions of NOK (the red line; the grey line is "
             "zero): above zero it widens the gap, spending more than it covers; below zero it narrows it.")
    unknown = [e for e in a.effects if e.net.unknown]
    if unknown:
        counts = ", ".join(f"{len(e.net.unknown)} in {e.year}" for e in unknown)
        years = [str(e.year) for e in unknown]
        words += (f" The effect on {', '.join(years[:-1]) + ' and ' + years[-1] if len(years) > 1 else years[0]} "
                  f"cannot be added up: lines changed without a figure ({counts}); the chart shows the known part.")
    if one:
        v = one.net.known
        way = "widens the gap" if v > 0 else "narrows the gap" if v < 0 else "no known change"
        chart = xy_chart(f"The amendment's effect on the gap in {one.year}, mill NOK", said[0], [f"{one.year}: {way}"],
                         (GAP if v > 0 else COVER, [abs(v)]))
        return f"{chart}\n{words}\n"
    chart = xy_chart("The amendment's effect on the gap per year, mill NOK", "; ".join(said),
                     [str(e.year) for e in a.effects], None,
                     [(GAP, [e.net.known for e in a.effects]), (UNKNOWN, [Decimal(0)] * len(a.effects))])
    return f"{chart}\n{words}\n"


def verdict(a: Amendment) -> str:
    problems = []
    for y in a.newly_unbalanced:
        problems.append(f"{y.year} balanced before and {_state(y, after=True)} after")
    for e in a.unfunded:
        if e.net.unknown:
            problems.append(f"{e.year} does not balance, and the amendment's own changes cannot be added up "
                            f"({', '.join(e.net.unknown)} without a figure)")
        else:
            problems.append(f"{e.year} does not balance, and the amendment is not funded on its own: it spends "
                            f"{fmt(e.net.known)} more than it covers")
    failing = a.failing_findings
    if failing:
        n = len(failing)
        noun = "error" if a.fail_on == "error" else "finding"
        scope = "" if a.fail_on == "error" else f" at or above {a.fail_on}"
        codes = ", ".join(sorted({d.code for d in failing}))
        problems.append(f"it introduces {n} {noun}{'s' * (n != 1)}{scope} ({codes})")
    if problems:
        return "Fails: " + "; ".join(problems) + "."
    level = "error" if a.fail_on == "error" else f"finding at or above {a.fail_on}"
    return f"Passes: the amendment is funded on its own, unbalances no year, and brings no new {level}."


def _signed(value: Decimal) -> str:
    text = fmt(value)
    return text if text.startswith("-") or text == "0.0" else f"+{text}"


def _delta_cell(change: Change, year: int) -> str:
    if year not in change.years:
        return ""
    before, after = change.years[year]
    delta = change.delta(year)
    if delta is not None:
        return _signed(delta)
    return f"{fmt(before)} -> {fmt(after)}"


def _total_cell(total: Total) -> str:
    if not total.unknown:
        return _signed(total.known) if total.known else ""
    return sum_text(total.known, True, _signed)


def _state(y: YearState, after: bool) -> str:
    word = y.status_after if after else y.status_before
    balance = y.after if after else y.before
    if word == "outside" or balance is None:
        return "not in the plan"
    if word == "unknown":
        n = len(balance.unknown)
        known = f"known gap {fmt(balance.gap)}" if balance.gap >= 0 else f"known surplus {fmt(-balance.gap)}"
        return f"unverified: {known} ({n} line{'s lack' if n != 1 else ' lacks'} a figure)"
    if word == "balanced":
        return "balanced"
    return f"{word} {fmt(abs(balance.gap))}"


_SIGN = {"added": "+", "removed": "-", "changed": "~"}


def build_tables(a: Amendment) -> list[Table]:
    years = tuple(str(y) for y in a.years)
    changes = Table(
        f"Changes ({len(a.changes)})", ("", "Kind", "Name", "Line", *years, "Also changed"),
        tuple((_SIGN[c.status], c.kind, c.name, str(c.line or ""), *(_delta_cell(c, y) for y in a.years),
               "; ".join(c.details)) for c in a.changes),
        note="+ added, - removed, ~ changed; a year shows the change of its figure." if a.changes else None,
        align="lllr" + "r" * len(years) + "l",
    )
    effect = Table(
        "Fiscal effect per year", ("Year", "Operating spend", "Coverage", "Net effect on the gap", "Investments"),
        tuple((str(e.year), _total_cell(e.spend), _total_cell(e.cover), _total_cell(e.net), _total_cell(e.capital))
              for e in a.effects),
        note="`+ ?`: a line whose figure is missing on one side, so the change is known only in part.",
    )
    balance = Table(
        "Operating balance per year", ("Year", "Before", "After", ""),
        tuple((str(y.year), _state(y, after=False), _state(y, after=True),
               "newly unbalanced" if y.newly_unbalanced else "") for y in a.balance),
        align="llll",
    )
    introduced = _findings(f"Findings introduced ({len(a.introduced)})", a.introduced)
    resolved = _findings(f"Findings resolved ({len(a.resolved)})", a.resolved)
    worse = Table(f"Findings made worse ({len(a.worse)})", ("Code", "Severity", "Where", "Worse"),
                  tuple((d.code, d.severity, location(d.file, d.span), how) for d, how in a.worse),
                  align="llll")
    return [changes, effect, balance, introduced, worse, resolved]


def _findings(title: str, found) -> Table:
    return Table(title, ("Code", "Severity", "Where", "Message"),
                 tuple((d.code, d.severity, location(d.file, d.span), d.message) for d in found),
                 align="llll")

