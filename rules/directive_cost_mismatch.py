'''A figure in a directive's text that its `cost` does not state.

## What it does
Reads the figures of a directive's `text` as TXT001 reads an entry's (see
`dsl/prose.py`) and compares them with the directive's `cost`:

- `cost none` or `cost ?`, and the text states a figure ("settes av 2
  millioner fra 2021"): the directive costs money, and the text says how much.
- `cost 8` (millions a year), and no figure of the text is 8 (within the
  tolerance, or a tenth for "ca."/"om lag"): the estimate and the text differ.
- `cost 2022..2023=5`, and a figure stated for one of those years is not that
  year's cost; `cost 2022..2023=?`, and the text gives the figure of one of them.

A total ("totalt 10 millioner") is compared only with a cost given by year,
as the sum of its years. A directive without `cost` is FUN001's and STR
rules' business, and is not read.

## Why
A directive is funded, or not, by what its `cost` says: a `cost none` that
the text prices at 2 million a year leaves the plan 2 million short in each
of those years, and no table shows it.

## Example
```budsjett
budget "Eksempel" period 2020..2023
directive "Trondheim Kino" kultur cost none
  text "Det settes av 2 millioner fra 2021 til rehabilitering av kinoen."
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2023
pot "Kulturfond" kultur
directive "Trondheim Kino" kultur cost 2021..2023=2 funded-by "Kulturfond"
  text "Det settes av 2 millioner fra 2021 til rehabilitering av kinoen."
```

## Fix
Unsafe: writes the `cost` the text states, from all its figures: `cost none`
with "2 millioner fra 2021" becomes `cost 2021..2023=2`, `cost 8` with "5
millioner i året" becomes `cost 5`, `cost 2022..2023=?` with "4 millioner i
2022" becomes `cost 2022=4 2023=?` (the years the text does not name are
kept), in the file's unit, kroner as kroner. It changes what the balance
counts, and a figure of the text may describe something else than the
directive's cost; review it. There is no fix where the text does not settle
the cost: a total, a step read two ways ("økende med"), two figures for one
year, figures with and without years, or a comment inside the `cost`.

## Options
- `tolerance` (number, millions, default 0.05): the difference that counts as
  the same figure.
'''

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..dsl.model import Budget, Directive
from ..dsl.written import spell_amounts, spell_in_unit
from ._prose import Stated, matches, stated_in, written_as_stated
from .base import Edit, Finding, Fix, Related, Tolerance, fmt, listing

CODE = "TXT008"
NAME = "directive-cost-mismatch"
SEVERITY = "warning"
SUMMARY = "A figure in a directive's text that its cost does not state"
FIX = "unsafe"
Options = Tolerance


def check(budget: Budget, options: Options) -> Iterator[Finding]:
    for directive in budget.directives:
        if directive.cost is None:
            continue
        figures = [s for s in stated_in(directive.prose, budget) if s.figure.settled]
        if not figures:
            continue
        if directive.cost_amounts:
            found = _by_year(directive, figures, options)
        elif directive.cost in ("none", "unknown"):
            found = iter((_priced(directive, figures[0]),))
        elif directive.cost_amount is not None:
            found = _estimate(directive, directive.cost_amount.value, figures, options)
        else:
            continue
        fix = _fix(budget, directive, figures)
        for finding in found:
            yield finding._replace(fix=fix) if fix is not None and finding.fix is None else finding


def _fix(budget: Budget, directive: Directive, figures: list[Stated]) -> Fix | None:
    """The cost as the text states it, from all its figures: their years (a cost by year keeps the
    years the text does not name), or a yearly estimate where no figure names a year. None where
    the text does not settle it: a total, a step read two ways, a year given two figures, figures
    with and without years, a year outside the plan, or a comment inside the cost."""
    span = directive.cost_span
    if span is None or any(span.start <= c.span.start < span.end for c in budget.comments):
        return None
    if any(s.figure.change == "total" or len(s.figure.readings) > 1 or (not s.years and not s.yearless)
           for s in figures):
        return None
    unit = figures[0].unit
    dated = [s for s in figures if s.years]
    if dated and len(dated) != len(figures):
        return None
    if not dated:
        amounts = {s.figure.amount for s in figures}
        if len(amounts) != 1 or directive.cost_amounts:
            return None
        cost = spell_in_unit(amounts.pop(), unit)
    else:
        stated: dict[int, tuple[Decimal | None, bool]] = {}
        for s in dated:
            for y in s.years:
                if stated.setdefault(y, (s.figure.amount, s.in_kroner))[0] != s.figure.amount:
                    return None
        years = {**{a.year: (a.value, a.kroner) for a in directive.cost_amounts}, **stated}
        runs: list[tuple[list[int], Decimal | None, bool]] = []
        for y in sorted(years):
            if runs and runs[-1][0][-1] == y - 1 and (runs[-1][1], runs[-1][2]) == years[y]:
                runs[-1][0].append(y)
            else:
                runs.append(([y], *years[y]))
        cost = " ".join(spell_amounts(ys, value, kroner, unit) for ys, value, kroner in runs)
    return Fix(f"write `cost {cost}`", (Edit(span.start, span.end, f"cost {cost}"),), safe=False)


def _cost(directive: Directive) -> tuple[Related, ...]:
    return (Related(directive.cost_span, "the cost"),) if directive.cost_span is not None else ()


def _priced(directive: Directive, stated: Stated) -> Finding:
    written_as = "`cost none`: it costs nothing" if directive.cost == "none" else "`cost ?`: of unknown size"
    f = stated.figure
    if f.change == "total":
        cost = "its cost by year (`cost 2021=... 2022=...`)"
    elif stated.years:
        cost = f"`cost {written_as_stated(stated.years, f.amount, stated)}`"
    else:
        cost = f"`cost {spell_in_unit(f.amount, stated.unit)}`"
    return Finding(
        f"the text gives {fmt(f.amount)}{_for(stated)} (\"{stated.words}\"), but the directive is {written_as}",
        stated.span,
        f"if the directive costs what the text says, write {cost}; if not, correct the text",
        _cost(directive),
    )


def _for(stated: Stated) -> str:
    if stated.figure.change == "total":
        return " in total"
    return f" for {listing(stated.years)}" if stated.years else ""


def _estimate(directive: Directive, cost: Decimal, figures: list[Stated], options: Options) -> Iterator[Finding]:
    yearly = [s for s in figures if s.figure.change != "total"]
    if not yearly or any(matches(s, cost, options.tolerance) for s in yearly):
        return
    stated = yearly[0]
    yield Finding(
        f"the text gives {fmt(stated.figure.amount)}{_for(stated)} (\"{stated.words}\"), "
        f"but the directive's cost is {fmt(cost)} a year",
        stated.span,
        f"if the text is right, write `cost {spell_in_unit(stated.figure.amount, stated.unit)}`; if the cost is right, correct the text",
        _cost(directive),
    )


def _by_year(directive: Directive, figures: list[Stated], options: Options) -> Iterator[Finding]:
    known = {a.year: a for a in directive.cost_amounts if a.value is not None}
    value = {a.year: a.value for a in directive.cost_amounts if a.value is not None}
    found_by_year = False
    for stated in sorted(figures, key=lambda s: s.figure.change == "total"):  # the years first
        if stated.figure.change == "total":
            if found_by_year or not known or len(known) != len(directive.cost_amounts):  # one mistake, one finding
                continue
            total = sum(value.values(), Decimal(0))
            if not matches(stated, total, options.tolerance):
                yield Finding(
                    f"the text gives a total of {fmt(stated.figure.amount)} (\"{stated.words}\"), but the directive's "
                    f"costs of {listing(sorted(known))} add up to {fmt(total)}",
                    stated.span, "correct the cost or the text", _cost(directive))
            continue
        unknown = [a for a in directive.cost_amounts if a.value is None and a.year in stated.years]
        if unknown:  # `cost 2022..2023=?`, and the text gives the figure
            found_by_year = True
            years = [a.year for a in unknown]
            yield Finding(
                f"the text gives {fmt(stated.figure.amount)} for {listing(years)} (\"{stated.words}\"), "
                f"but the directive's cost of {listing(years)} is written `?`",
                stated.span,
                f"if the text is right, write `cost {written_as_stated(years, stated.figure.amount, stated)}`",
                tuple(Related(a.span, f"{a.year} declared here") for a in unknown),
            )
            continue
        wrong = [known[y] for y in stated.years if y in value and not matches(stated, value[y], options.tolerance)]
        if wrong:
            found_by_year = True
            yield Finding(
                f"the text gives {fmt(stated.figure.amount)} for {listing([a.year for a in wrong])} "
                f"(\"{stated.words}\"), but the directive's cost is "
                f"{listing(f'{fmt(a.value)} in {a.year}' for a in wrong)}",
                stated.span,
                f"if the text is right, write `cost {written_as_stated([a.year for a in wrong], stated.figure.amount, stated)}`; "
                f"if the cost is right, correct the text",
                tuple(Related(a.span, f"{a.year} declared here") for a in wrong),
            )
