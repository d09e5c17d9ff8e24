"""A ramp whose stated years end before the plan does, with no `until` to say it ends.

## What it does
For an entry marked `ramp` without `until`, finds the last year it states
(a figure or `?`) and reports it where that year comes before the last year
of the plan. The later years are unknown to every balance rule (BAL002 names
the line for them), not zero. The rule needs the plan's `period`, and is
silent for a line without any amounts.

## Why
An opptrapping lasts: the staffing, the free places and the posts it pays for
are still there the year after the table stops. Trondheimsbudsjettet states
most of its ramps for 2020 and 2021 only, so 2022 and 2023 lose tens of
millions of spending unless a reader asks what the ramp costs then. Either
the later years' figures are missing, or the ramp really ends and should say
so with `until`.

## Example
```budsjett
budget "Eksempel" period 2020..2023
item "Opptrapping av grunnbemanning i eldreomsorgen" helse 2020=20 2021=40 ramp
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2023
item "Opptrapping av grunnbemanning i eldreomsorgen" helse 2020=20 2021..2023=40 ramp
```

## Fix
None that `check --fix` applies: whether the ramp goes on or ends is the
document's to say. In the editor the finding offers both remedies as quick
fixes (`remedies`): the later years at the last figure as it is written, or
`until` the last year stated.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..dsl.model import Budget, Entry, Flag, Span
from ._amounts import span_of_year
from .totals import continued_years
from .base import Edit, Finding, Fix, NoOptions, Related, fmt

CODE = "RMP008"
NAME = "ramp-stops"
SEVERITY = "warning"
SUMMARY = "A ramp whose stated years end before the last year of the plan, without `until`"
Options = NoOptions


def check(budget: Budget, options: NoOptions) -> Iterator[Finding]:
    end = budget.years[-1] if budget.years else None
    for entry, ramp, last, rest in _stopping(budget):
        value = entry.by_year[last]
        yield Finding(
            f"the ramp `{entry.name.text}` is stated up to {last} ({fmt(value)}), but the plan runs to {end}: "
            f"what it costs in {rest} is unknown",
            span_of_year(entry, last),
            f"state {rest} (`{rest}={fmt(value)}` if it continues at the last figure), "
            f"or add `until {last}` if the ramp ends",
            (Related(ramp.span, "declared a ramp here"),),
        )


def _stopping(budget: Budget) -> Iterator[tuple[Entry, Flag, int, str]]:
    """Each ramp that stops early, its `ramp`, the last year it states, and the years after it, as written."""
    years = budget.years
    if not years:
        return
    for entry in budget.entries:
        if entry.ramp is None or entry.until is not None or not entry.amounts:
            continue
        later = continued_years(entry, years)
        if later:
            yield entry, entry.ramp, max(entry.by_year), str(later[0]) if len(later) == 1 else f"{later[0]}..{later[-1]}"


def remedies(budget: Budget, span: Span) -> list[Fix]:
    """The two remedies the message names, for the finding at `span`, for a person to choose
    between (the editor's quick fixes; `check --fix` applies neither): the later years at the
    last figure, as it is written, or `until` the last year."""
    for entry, ramp, last, rest in _stopping(budget):
        at = span_of_year(entry, last)
        if at != span or not budget.text:
            continue
        written = budget.text[at.start:at.end].partition("=")[2]
        fixes = []
        if written:
            fixes.append(Fix(f"continue at the last figure: `{rest}={written}`",
                             (Edit(at.end, at.end, f" {rest}={written}"),), safe=False))
        fixes.append(Fix(f"end the ramp: `until {last}`", (Edit(ramp.span.end, ramp.span.end, f" until {last}"),), safe=False))
        return fixes
    return []
