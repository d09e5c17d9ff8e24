"""What an amendment changes: two versions of a budget compared.

Pure: two `CheckResult`s (the base and the amended text, checked with one
configuration) in, an `Amendment` out. It says which entries, directives,
links, funds and pots were added, removed or changed, with the change per
plan year; the fiscal effect per year (operating spend, coverage, the net
effect on the gap, investments); the operating balance per year before and
after; and the findings the amendment introduces, those it resolves, and those
it makes worse (a year's known gap grew), matched by fingerprint so that
moved lines and changed figures are not news.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from ...dsl.export import to_data
from ...dsl.model import SPEND_KINDS, Budget, Entry
from ...rules.totals import ZERO, YearBalance, operating_balance
from ...rules.base import DEFAULT_TOLERANCE, fmt
from ..diagnostics import SEVERITY_RANK, Diagnostic
from .amendment import snapshot, worse_than_before
from ..engine import CheckResult
from .fingerprint import fingerprints
from ..summary import (
    CAPITAL_KINDS,
    Total,
    balance_status,
    capital_value,
    operating_value,
    sum_values,
)

Status = Literal["added", "removed", "changed"]


@dataclass(frozen=True)
class Change:
    status: Status
    kind: str  # an entry kind, `directive`, `offset`/`funds`/`reallocates`, `fund`, `pot` or `budget`
    name: str
    line: int | None  # where it stands after the amendment; before it, for a removal
    years: dict[int, tuple[Decimal | None, Decimal | None]]  # year -> (before, after), where they differ
    details: tuple[str, ...] = ()  # what else changed, e.g. `heading 3.5 -> 4.0`

    def delta(self, year: int) -> Decimal | None:
        before, after = self.years[year]
        return None if before is None or after is None else after - before


@dataclass(frozen=True)
class Effect:
    """The change one year sees: in operating spend, in coverage, and in investments."""

    year: int
    spend: Total
    cover: Total
    capital: Total

    @property
    def net(self) -> Total:
        """The change of the gap: more spend widens it, more coverage narrows it."""
        return Total(self.spend.known - self.cover.known, self.spend.unknown + self.cover.unknown)


@dataclass(frozen=True)
class YearState:
    year: int
    before: YearBalance | None  # None: not a year of that version's plan
    after: YearBalance | None
    status_before: str  # balanced, gap, surplus, unknown, or outside (the plan)
    status_after: str

    @property
    def newly_unbalanced(self) -> bool:
        return self.status_before == "balanced" and self.status_after in ("gap", "surplus", "unknown")


@dataclass(frozen=True)
class Amendment:
    base: str
    head: str
    years: tuple[int, ...]
    changes: tuple[Change, ...]
    effects: tuple[Effect, ...]
    balance: tuple[YearState, ...]
    introduced: tuple[Diagnostic, ...]
    resolved: tuple[Diagnostic, ...]
    fail_on: str = "error"
    tolerance: Decimal = DEFAULT_TOLERANCE
    worse: tuple[tuple[Diagnostic, str], ...] = ()  # findings on both sides whose year got worse, and how
    period_inferred: bool = False  # a side declares no `period`: its years are those it names (STR015)

    @property
    def failing_findings(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.introduced if SEVERITY_RANK[d.severity] >= SEVERITY_RANK[self.fail_on])

    @property
    def newly_unbalanced(self) -> tuple[YearState, ...]:
        return tuple(y for y in self.balance if y.newly_unbalanced)

    @property
    def unfunded(self) -> tuple[Effect, ...]:
        """Years that do not balance after the amendment, where its own changes widen the gap or
        cannot be added up: an amendment must be funded on its own, even where the proposal it
        amends cannot (yet) be shown to balance. Years newly unbalanced are left to that test."""
        newly = {y.year for y in self.newly_unbalanced}
        after = {y.year: y.status_after for y in self.balance}
        return tuple(e for e in self.effects
                     if e.year not in newly and after[e.year] not in ("balanced", "outside")
                     and (e.net.unknown or e.net.known > self.tolerance))

    @property
    def fails(self) -> bool:
        """The amendment introduces a failing finding, leaves a year unbalanced that balanced before,
        or is not funded on its own in a year that does not balance."""
        return bool(self.failing_findings or self.newly_unbalanced or self.unfunded)


def status(year: YearBalance | None, tolerance: Decimal) -> str:
    """As `summary.balance_status`, and `outside` for a year that is not in that version's plan."""
    return "outside" if year is None else balance_status(year, tolerance)


def compare(base: CheckResult, head: CheckResult, tolerance: Decimal = DEFAULT_TOLERANCE,
            fail_on: str = "error") -> Amendment:
    years = tuple(sorted(set(base.budget.years) | set(head.budget.years)))
    changes, effects = _changes(base.budget, head.budget, years)
    before = {b.year: b for b in operating_balance(base.budget)}
    after = {b.year: b for b in operating_balance(head.budget)}
    balance = tuple(YearState(y, before.get(y), after.get(y), status(before.get(y), tolerance),
                              status(after.get(y), tolerance)) for y in years)
    introduced = _unmatched(head, base)
    resolved = _unmatched(base, head)
    states_before, states_after = snapshot(base.budget, tolerance), snapshot(head.budget, tolerance)
    new = {id(d) for d in introduced}
    worse = tuple((d, how) for d in head.diagnostics if id(d) not in new
                  for how in [worse_than_before(d, states_before, states_after, tolerance)] if how)
    inferred = base.budget.inferred_period is not None or head.budget.inferred_period is not None
    return Amendment(base.file, head.file, years, changes, effects, balance, introduced, resolved, fail_on,
                     tolerance, worse, inferred)


def _unmatched(side: CheckResult, other: CheckResult) -> tuple[Diagnostic, ...]:
    """The findings of `side` that `other` does not have, counting equal ones."""
    left = Counter(fingerprints(other.budget, other.diagnostics))
    result = []
    for d, fp in zip(side.diagnostics, fingerprints(side.budget, side.diagnostics)):
        if left[fp] > 0:
            left[fp] -= 1
        else:
            result.append(d)
    return tuple(result)


def _keyed(items, key) -> dict:
    """Items by key; a repeated key gets a number, so that duplicates are compared in order."""
    result: dict = {}
    seen: Counter = Counter()
    for item in items:
        k = key(item)
        result[(k, seen[k])] = item
        seen[k] += 1
    return result


def _value(entry: Entry, year: int) -> Decimal | None:
    """The figure a change table shows: borrowing and investment by their figures, the rest by the balance."""
    return capital_value(entry, year) if entry.kind in CAPITAL_KINDS else operating_value(entry, year)


def _side(entry: Entry | None, year: int) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    """(spend, cover, capital) that the entry contributes in a year."""
    if entry is None:
        return ZERO, ZERO, ZERO
    operating = operating_value(entry, year)
    spend = operating if entry.kind in SPEND_KINDS else ZERO
    cover = ZERO if entry.kind in SPEND_KINDS else operating
    return spend, cover, capital_value(entry, year)


def _details(before: dict, after: dict, skip: tuple[str, ...]) -> tuple[str, ...]:
    """What differs between two exported records, apart from the keys in `skip`."""
    out: list[str] = []
    for key in sorted(set(before) | set(after)):
        if key in skip or before.get(key) == after.get(key):
            continue
        if isinstance(before.get(key), dict) or isinstance(after.get(key), dict):
            out.extend(f"{key} {d}" if key != "attributes" else d
                       for d in _details(before.get(key) or {}, after.get(key) or {}, ()))
        elif key == "text":
            out.append("text")
        elif before.get(key) is None and after.get(key) is True:
            out.append(f"{key} added")
        elif before.get(key) is True and after.get(key) is None:
            out.append(f"{key} removed")
        else:
            out.append(f"{_KEY_NAMES.get(key, key)} {_show(before.get(key))} -> {_show(after.get(key))}")
    return tuple(out)


_KEY_NAMES = {"sector": "area", "funded_by": "funded-by"}


def _show(value) -> str:
    if value is None:
        return "none"
    if value == "unknown":  # a directive's `cost ?`
        return "?"
    if isinstance(value, float):
        return fmt(Decimal(str(value)))
    if isinstance(value, list):
        return " ".join(map(str, value)) or "none"
    return str(value)


def changes(base: Budget, head: Budget, years: tuple[int, ...]) -> tuple[Change, ...]:
    """What the amendment added, removed or changed, with the change per plan year."""
    return _changes(base, head, years)[0]


def _changes(base: Budget, head: Budget, years: tuple[int, ...]) -> tuple[tuple[Change, ...], tuple[Effect, ...]]:
    changes: list[Change] = []
    # year -> (spend, cover, capital) -> (name, change) pairs; a change of None is not known
    effect: dict[int, tuple[list, list, list]] = {y: ([], [], []) for y in years}

    old_data, new_data = to_data(base), to_data(head)
    old_entries = _keyed(zip(base.entries, old_data["entries"]), lambda pair: pair[0].name.text)
    new_entries = _keyed(zip(head.entries, new_data["entries"]), lambda pair: pair[0].name.text)
    for key in list(old_entries) + [k for k in new_entries if k not in old_entries]:
        old, old_record = old_entries.get(key, (None, None))
        new, new_record = new_entries.get(key, (None, None))
        deltas = {}
        for y in years:
            pair = (_value(old, y) if old else ZERO, _value(new, y) if new else ZERO)
            if pair[0] != pair[1]:
                deltas[y] = pair
            for i, (b, a) in enumerate(zip(_side(old, y), _side(new, y))):
                if b != a:
                    effect[y][i].append((key[0], None if a is None or b is None else a - b))
        details = () if old is None or new is None else _details(old_record, new_record,
                                                                 ("amounts", "line", "unquantified"))
        if old is None or new is None or deltas or details:
            entry = new or old
            changes.append(Change(_status(old, new), entry.kind, _label(key), entry.span.line, deltas, details))

    by_name = lambda pair: pair[0].name.text  # noqa: E731
    for kind, old_items, new_items in (
        ("directive", _keyed(zip(base.directives, old_data["directives"]), by_name),
         _keyed(zip(head.directives, new_data["directives"]), by_name)),
        ("link", _keyed(zip(base.links, old_data["links"]), _link_key),
         _keyed(zip(head.links, new_data["links"]), _link_key)),
        ("fund", _keyed(zip(base.funds, old_data["funds"]), by_name),
         _keyed(zip(head.funds, new_data["funds"]), by_name)),
        ("pot", _keyed(zip(base.pots, old_data["pots"]), by_name),
         _keyed(zip(head.pots, new_data["pots"]), by_name)),
    ):
        for key in list(old_items) + [k for k in new_items if k not in old_items]:
            old, old_record = old_items.get(key, (None, None))
            new, new_record = new_items.get(key, (None, None))
            details = () if old is None or new is None else _details(old_record, new_record, ("line",))
            if old is None or new is None or details:
                item = new or old
                shown = item.kind if kind == "link" else kind
                changes.append(Change(_status(old, new), shown, _label(key), item.span.line, {}, details))

    declared = lambda b: list(b.declared_period) if b.declared_period else None  # noqa: E731  what the header says
    header = _details({"period": declared(base), "name": old_data["name"], "unit": old_data["unit"]},
                      {"period": declared(head), "name": new_data["name"], "unit": new_data["unit"]}, ())
    if header:
        line = head.header.span.line if head.header else 1
        changes.insert(0, Change("changed", "budget", new_data["name"] or old_data["name"] or "", line, {}, header))

    effects = tuple(Effect(y, *(sum_values(pairs) for pairs in effect[y])) for y in years)
    return tuple(changes), effects


def _link_key(pair) -> str:
    link = pair[0]
    arrow = "<->" if link.kind == "offset" else "->"
    return f"{link.kind} {link.source.text} {arrow} {link.target.text}"


def _label(key: tuple[str, int]) -> str:
    name, n = key
    return name if n == 0 else f"{name} (#{n + 1})"


def _status(old, new) -> Status:
    return "added" if old is None else "removed" if new is None else "changed"


def to_data_amendment(a: Amendment) -> dict:
    """The amendment as plain data for `--format json`."""

    def num(v: Decimal | None) -> float | None:
        return None if v is None else float(v)

    def total(t: Total) -> dict:
        return {"known": num(t.known), "without_figure": list(t.unknown)}

    def balance(b: YearBalance | None) -> dict | None:
        if b is None:
            return None
        return {"spend": num(b.spend), "cover": num(b.cover), "gap": num(b.gap),
                "without_figure": [e.name.text for e in b.unknown]}

    return {
        "base": a.base,
        "head": a.head,
        "years": list(a.years),
        "period_inferred": a.period_inferred,
        "fails": a.fails,
        "unfunded_years": [e.year for e in a.unfunded],
        "changes": [{"status": c.status, "kind": c.kind, "name": c.name, "line": c.line,
                     "years": {str(y): {"before": num(b), "after": num(af), "delta": num(c.delta(y))}
                               for y, (b, af) in c.years.items()},
                     "details": list(c.details)} for c in a.changes],
        "effect": [{"year": e.year, "spend": total(e.spend), "cover": total(e.cover), "net": total(e.net),
                    "investment": total(e.capital)} for e in a.effects],
        "balance": [{"year": y.year, "before": balance(y.before), "after": balance(y.after),
                     "status_before": y.status_before, "status_after": y.status_after,
                     "newly_unbalanced": y.newly_unbalanced} for y in a.balance],
        "introduced": [d.to_json() for d in a.introduced],
        "worse": [{**d.to_json(), "worse": how} for d, how in a.worse],
        "resolved": [d.to_json() for d in a.resolved],
    }
