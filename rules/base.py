"""The contract between the rules and the engine.

A rule is a module with `CODE`, `NAME`, `SEVERITY`, `SUMMARY`, an `Options`
dataclass (typed, with defaults), a docstring that is its documentation, and a
pure generator `check(budget, options)` that yields `Finding`s. The engine, not
the rule, stamps the code, name and severity onto what the rule finds.

A finding's `fix` is what `check --fix` may apply. A rule whose finding has
several remedies for a person to choose among (FUN001: `cost none` or a
funding) may also define `remedies(budget, span) -> list[Fix]`, the choices
for its finding at `span`: the editor offers them as quick fixes, and
`check --fix` applies none of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, localcontext
from typing import Literal, NamedTuple

from ..dsl.model import Span

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


class Related(NamedTuple):
    """Another place that explains a finding: the other side of a link, the line that funds."""

    span: Span
    note: str


class Edit(NamedTuple):
    """Replace the text between two character offsets."""

    start: int
    end: int
    replacement: str


class Fix(NamedTuple):
    description: str
    edits: tuple[Edit, ...]
    safe: bool  # safe fixes keep the meaning; unsafe ones change a figure


class Finding(NamedTuple):
    """What a rule reports: what is wrong, where, and what would fix it."""

    message: str
    span: Span
    hint: str | None = None
    related: tuple[Related, ...] = ()
    fix: Fix | None = None
    #: Graver than the rule's default severity, where this finding is (BAL007 where its sign alone
    #: unbalances a year); a severity that the configuration sets for the code still wins.
    severity: Severity | None = None


@dataclass(frozen=True)
class NoOptions:
    """For rules that take no options."""


#: How far apart, in millions, two amounts may lie and still count as equal (rounding in
#: the document), unless the configuration says otherwise: the one place of this default.
DEFAULT_TOLERANCE = Decimal("0.05")


@dataclass(frozen=True)
class Tolerance:
    """For rules that compare amounts: how far apart, in mill kr, two amounts may lie and
    still count as equal (rounding in the document). One class for every such rule."""

    tolerance: Decimal = DEFAULT_TOLERANCE


_TENTH = Decimal("0.1")


def fmt(value: Decimal | float | int | None) -> str:
    """An amount as people write it in a message: 7.0, 0.35, -45.0."""
    if value is None:
        return "?"
    d = value if isinstance(value, Decimal) else Decimal(value).normalize()
    if not d.is_finite():
        return str(d)
    with localcontext() as exact:  # digits enough for the value to a tenth: formatting never rounds or raises
        exact.prec = max(28, d.adjusted() + 2, len(d.as_tuple().digits) + 2)
        d = d.quantize(_TENTH) if d == d.quantize(_TENTH) else d.normalize()
        text = f"{d:f}"
    return "0.0" if text in ("-0.0", "-0") else text


def listing(items) -> str:
    """Items as a sentence lists them: `2022`, `2022 and 2023`, `2020, 2021 and 2023`."""
    words = [str(i) for i in items]
    if len(words) < 2:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def span_of_years(years) -> str:
    """Plan years as a sentence names them: `2020`, `2020–2023` for a run, `2020 and 2022`."""
    ys = sorted(set(years))
    if len(ys) > 2 and ys == list(range(ys[0], ys[-1] + 1)):
        return f"{ys[0]}–{ys[-1]}"
    return listing(ys)


def per_year(pairs) -> str:
    """(year, amount) pairs as a message says them: `15.0 in 2020`, `15.0 in each year
    2020–2023` where every year of a run has the same amount, else `3.5 in 2020 and 7.0 in 2021`."""
    pairs = sorted(pairs)
    years = [y for y, _ in pairs]
    if len(pairs) > 1 and len({v for _, v in pairs}) == 1 and years == list(range(years[0], years[-1] + 1)):
        return f"{fmt(pairs[0][1])} in each year {years[0]}–{years[-1]}"
    return listing([f"{fmt(v)} in {y}" for y, v in pairs])
