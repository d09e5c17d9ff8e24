"""A trial whose cost goes on past its end without being continued.

## What it does
For an entry marked `trial` and not `continued`, takes the year the trial
ends: the year of `until`, or else the year of `evaluate`. Reports the entry
where it changes anything (a figure other than zero, or `?`) in a later year.
A trial with neither `until` nor `evaluate` has no end to check against.

## Why
A trial (prøveprosjekt) is limited in time. Its cost should end with it,
unless the proposal continues it explicitly: money left in the years after the
evaluation decides the evaluation in advance, and money taken out by the
evaluation leaves a hole in the plan. "Ordningen skal evalueres etter 1,5 år
og vurderes også videreført etter 2021" does not continue the trial; it only
says that continuing it will be considered.

## Example
```budsjett
budget "Eksempel" period 2020..2023
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021..2023=7.0
  heading 3.5 halfyear trial evaluate 2021-12
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2023
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7.0
  heading 3.5 halfyear trial evaluate 2021-12
```

## Fix
None that `check --fix` applies: only the document can say that the trial goes on.
In the editor the finding offers `continued` as a quick fix (`remedies`).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..dsl.model import Budget, Entry, Span
from ._amounts import effect_years, span_of_year
from .base import Edit, Finding, Fix, NoOptions, Related, fmt, listing

CODE = "RMP006"
NAME = "trial-outlives-end"
SEVERITY = "warning"
SUMMARY = "A trial with amounts after its end or evaluation that is not marked continued"
Options = NoOptions


def check(budget: Budget, options: NoOptions) -> Iterator[Finding]:
    for entry, end, end_span, ends, after in _outliving(budget):
        goes_on = listing([f"{fmt(entry.by_year[y])} in {y}" for y in after])
        yield Finding(
            f"the trial `{entry.name.text}` {ends}, but goes on with {goes_on}",
            span_of_year(entry, after[0]),
            f"end the amounts in {end}, or add `continued` where the document continues the trial",
            (Related(end_span, f"the trial {ends}"),),
        )


def _outliving(budget: Budget) -> Iterator[tuple[Entry, int, Span, str, list[int]]]:
    """Each trial with amounts after its end: its end, where it is said, how, and the years after."""
    for entry in budget.entries:
        if entry.trial is None or entry.continued is not None:
            continue
        if entry.until is not None:
            end, end_span, ends = entry.until.year, entry.until.span, f"ends in {entry.until.year}"
        elif entry.evaluate is not None:
            date = entry.evaluate
            when = f"{date.year}-{date.month:02d}" if date.month else str(date.year)
            end, end_span, ends = date.year, date.span, f"is evaluated in {when}"
        else:
            continue
        after = [y for y in effect_years(entry) if y > end]
        if after:
            yield entry, end, end_span, ends, after


def remedies(budget: Budget, span: Span) -> list[Fix]:
    """The remedy the message names for a person to choose, for the finding at `span` (the
    editor's quick fix; `check --fix` does not apply it, since only the document can say that
    the trial goes on): `continued` after `trial`."""
    for entry, *_, after in _outliving(budget):
        if span_of_year(entry, after[0]) == span and budget.text and entry.trial is not None:
            at = entry.trial.span.end
            return [Fix("the trial goes on: add `continued`", (Edit(at, at, " continued"),), safe=False)]
    return []
