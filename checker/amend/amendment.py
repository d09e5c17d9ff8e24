"""Amendment mode: a file judged against what it was before (a base revision or a baseline).

Pure: the per-year state of the base (`snapshot`), the checked amended file, and
the lines the amendment added or changed (`diff.changes`, where the base text is
there) in; BAL013 and BAL014 findings out. The per-year figures are the public
operating balance (`rules/totals.operating_balance`) and its status
(`summary.balance_status`): nothing here adds up a budget again.

- BAL013: a year that did not balance before (a gap, or lines without figures)
  whose known gap the amendment widens.
- BAL014: a year that balanced before and is unbalanced or unverifiable after.

Both are errors and name the lines the amendment added or changed with what
each adds to the year, and are anchored at the first such line, so that a
pull request shows them beside the change.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import NamedTuple

from ...dsl.model import COVER_KINDS, SPEND_KINDS, Budget, Span
from ...rules.totals import operating_balance
from ...rules.base import Related, Severity, fmt, listing
from ..diagnostics import PER_YEAR, Diagnostic, year_of
from ..summary import balance_status

WIDENS = ("BAL013", "amendment-widens-gap")
UNBALANCES = ("BAL014", "amendment-unbalances-year")
CODES = (WIDENS[0], UNBALANCES[0])
OPERATING = frozenset({"BAL001", "BAL002"})  # the per-year findings about the operating balance


class YearState(NamedTuple):
    """What a year's balance is, as far as a baseline needs to know it."""

    year: int
    status: str  # balanced, gap, surplus or unknown (`summary.balance_status`)
    gap: Decimal  # the known gap: known spending less known coverage
    without_figure: int  # lines that count in the year and give no figure for it

    def to_json(self) -> dict:
        return {"status": self.status, "gap": str(self.gap), "without_figure": self.without_figure}

    @classmethod
    def from_json(cls, year: int, data: Mapping) -> YearState:
        return cls(year, str(data["status"]), Decimal(str(data["gap"])), int(data["without_figure"]))


def snapshot(budget: Budget, tolerance: Decimal) -> dict[int, YearState]:
    """The state of every plan year of the budget."""
    return {b.year: YearState(b.year, balance_status(b, tolerance), b.gap, len(b.unknown))
            for b in operating_balance(budget)}


def _gap_words(state: YearState) -> str:
    return "known gap" if state.status == "unknown" else "gap"


def worsening(before: YearState, after: YearState, tolerance: Decimal) -> str | None:
    """How a year that did not balance got worse, in words (`known gap grew from 71.5 to 75.0`); None if it did not."""
    if after.status == "balanced":
        return None
    parts = []
    if after.gap - before.gap > tolerance and after.gap > tolerance:  # a surplus that shrinks is no gap
        words = _gap_words(after)
        if before.gap >= 0:
            parts.append(f"{words} grew from {fmt(before.gap)} to {fmt(after.gap)}")
        else:  # a surplus became a gap: no negative gap in a message
            parts.append(f"{words.replace('gap', 'surplus')} of {fmt(-before.gap)} became a {words} of "
                         f"{fmt(after.gap)}")
    if after.without_figure > before.without_figure and before.status == "unknown":
        parts.append(f"lines without a figure grew from {before.without_figure} to {after.without_figure}")
    return "; ".join(parts) or None


def worse_than_before(d: Diagnostic, before: Mapping[int, YearState], after: Mapping[int, YearState],
                      tolerance: Decimal) -> str | None:
    """For a per-year finding that was there before too: how its year got worse, or None."""
    year = year_of(d) if d.code in OPERATING else None
    if year is None or year not in before or year not in after:
        return None
    return worsening(before[year], after[year], tolerance)


def _signed(value: Decimal) -> str:
    text = fmt(value)
    return text if text.startswith("-") or text == "0.0" else f"+{text}"


class Line(NamedTuple):
    """A line the amendment added or changed, with what it adds to the gap of each year it touches."""

    status: str  # added or changed
    kind: str
    name: str
    span: Span
    effect: dict[int, Decimal | None]  # year -> change of the gap (None: not known)

    def words(self, years: Sequence[int]) -> str:
        shown = ", ".join(f"{y} {'?' if (change := self.effect[y]) is None else _signed(change)}"
                          for y in years if y in self.effect)
        return f"{self.status} {self.kind} `{self.name}` (line {self.span.line}: {shown})"


def changed_lines(base: Budget, head: Budget) -> tuple[Line, ...]:
    """The operating lines of `head` that the amendment added or changed, with their effect on each year's gap."""
    from .diff import changes

    years = tuple(sorted(set(base.years) | set(head.years)))
    by_line = {e.span.line: e for e in head.entries}
    result = []
    for c in changes(base, head, years):
        if c.status == "removed" or not (c.kind in SPEND_KINDS or c.kind in COVER_KINDS) or c.line not in by_line:
            continue
        sign = 1 if c.kind in SPEND_KINDS else -1
        effect = {y: (None if (d := c.delta(y)) is None else sign * d) for y in c.years}
        if effect:
            result.append(Line(c.status, c.kind, c.name, by_line[c.line].name.span, effect))
    return tuple(result)


def findings(before: Mapping[int, YearState], head_budget: Budget, file: str, tolerance: Decimal,
             lines: Sequence[Line] | None, severity: Severity = "error", enabled=lambda code: True) -> list[Diagnostic]:
    """BAL013 and BAL014 for the amended budget against the state of its years before.

    `lines` are the changed lines where the base text is known (None where only a
    baseline's figures are); each finding names those that touch its years."""
    after = snapshot(head_budget, tolerance)
    period = head_budget.period_span
    widened: list[tuple[int, str]] = []
    unbalanced: list[tuple[int, str]] = []
    for year, now in after.items():
        was = before.get(year)
        if was is None:
            continue
        if was.status == "balanced" and now.status != "balanced":
            if now.status == "unknown":
                n = now.without_figure
                state = f"cannot be verified ({n} line{'s' * (n != 1)} without a figure, known gap {fmt(now.gap)})"
            else:
                state = f"has a {now.status} of {fmt(abs(now.gap))}"
            unbalanced.append((year, f"{year} balanced before and {state} after"))
        elif was.status != "balanced":
            worse = worsening(was, now, tolerance)
            if worse:
                widened.append((year, f"{year}: {worse}"))
    out = []
    for (code, name), years, what in ((WIDENS, widened, "widens the gap of a year that does not balance"),
                                      (UNBALANCES, unbalanced, "leaves a balanced year unbalanced")):
        if not years or not enabled(code):
            continue
        touched = [line for line in (lines or ()) if any(y in line.effect for y, _ in years)]
        message = f"the amendment {what}: " + "; ".join(words for _, words in years)
        if touched:
            shown = [y for y, _ in years]
            message += "; by the lines it adds or changes: " + "; ".join(line.words(shown) for line in touched)
            where = touched[0].span
            related = tuple(Related(line.span, f"{line.status} by the amendment") for line in touched[1:])
            related += (Related(period, "the plan years"),)
        else:
            where, related = period, ()
        hint = (f"cover the amendment in {listing([y for y, _ in years])}: add coverage (or cut spending) "
                "of the same amounts as what it adds")
        out.append(Diagnostic(code, name, severity, message, where, file, hint, related))
    return out


def anchored(diagnostics: Sequence[Diagnostic], lines: Sequence[Line], period: Span | None) -> list[Diagnostic]:
    """Per-year findings anchored at the first changed line that touches their year, rather than at the
    period, which a pull request's diff rarely shows; the period stays as a related place."""
    out = []
    for d in diagnostics:
        year = year_of(d) if d.code in PER_YEAR and d.span == period else None
        touching = [line for line in lines if year in line.effect] if year is not None else []
        if touching:
            d = d._replace(span=touching[0].span,
                           related=d.related + (Related(d.span, "the plan years; the line above is changed by "
                                                                "the amendment"),))
        out.append(d)
    return out


def judged(head, config, before: Mapping[int, YearState], lines: Sequence[Line] | None):
    """The checked file (a `CheckResult`) with BAL013 and BAL014 added, as far as `config` enables them,
    and its per-year findings anchored at the changed lines."""
    tolerance = config.balance_tolerance
    found = anchored(head.diagnostics, lines or (), head.budget.period_span)
    for d in findings(before, head.budget, head.file, tolerance, lines, enabled=config.enabled):
        found.append(d._replace(severity=config.severity_of(d.code, d.severity)))
    return head._replace(diagnostics=tuple(sorted(found, key=lambda d: d.sort_key)))


def check_amendment(base_text: str, head_text: str, file: str = "-", config=None):
    """Check `head_text` as an amendment of `base_text`: `check_text` and BAL013, BAL014."""
    from ...dsl import parse
    from ..config import Config
    from ..engine import check_text

    config = config or Config()
    base = parse(base_text).budget
    head = check_text(head_text, file, config)
    tolerance = config.balance_tolerance
    return judged(head, config, snapshot(base, tolerance), changed_lines(base, head.budget))
