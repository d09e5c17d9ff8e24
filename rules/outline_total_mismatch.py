'''A total in a section's text, or in the budget's own text, that its lines do not add up to.

## What it does
Reads the totals ("totalt 25 millioner", "til sammen ca. 40 millioner i
2020", "30 millioner over perioden") of a `section`'s `text` and of the
`budget` header's `text`, and adds up the lines they describe: the entries
from the section to the next section, or every entry of the plan. The lines
are added up by side: spending (`item`, `allocate`), coverage (`cover`,
`draw`), investment (`invest`) and borrowing (`loan`), in the years the total
names, or over the whole period where it names none. The total is reported
only where it is none of these sums (within the tolerance, or a tenth for
"ca."/"om lag"): a text may speak of any side.

Figures that are not totals ("5 millioner i 2020") are not read: in a
section's text they are usually one line's figure, said again. A side with a
year written `?` is not added up.

## Why
The summary of a section or of the whole proposal is what the council and
the press quote. When it says 25 million and the lines add up to 18, either
the summary or a line is wrong.

## Example
```budsjett
budget "Eksempel" period 2020..2021
section "Oppvekst" oppvekst
  text "Vi styrker oppvekst med totalt 25 millioner over perioden."
item "Skolehelsetjenesten" oppvekst 2020=2.6 2021=5.1
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2021
section "Oppvekst" oppvekst
  text "Vi styrker oppvekst med totalt 18,2 millioner over perioden."
item "Skolehelsetjenesten" oppvekst 2020=2.6 2021=5.1
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7
```

## Options
- `tolerance` (number, millions, default 0.05): the difference that counts as
  the same figure.
'''

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

from ..dsl.model import Budget, Entry, Prose, Section
from .totals import known_sum
from ._prose import matches, stated_in
from .base import Finding, Tolerance, fmt, listing

CODE = "TXT009"
NAME = "outline-total-mismatch"
SEVERITY = "warning"
SUMMARY = "A total in a section's or the budget's text that its lines do not add up to"
Options = Tolerance

SIDES = (("spending", ("item", "allocate")), ("coverage", ("cover", "draw")), ("investment", ("invest",)),
         ("borrowing", ("loan",)))


def check(budget: Budget, options: Options) -> Iterator[Finding]:
    header = budget.header
    if header is not None and header.prose is not None:
        yield from _compare(budget, header.prose, budget.entries, "the plan's lines", options)
    for section, entries in _sections(budget):
        if section.prose is not None:
            yield from _compare(budget, section.prose, entries, f"the lines of `{section.name.text}`", options)


def _sections(budget: Budget) -> Iterator[tuple[Section, list[Entry]]]:
    """Each section with the entries from it to the next section."""
    current: tuple[Section, list[Entry]] | None = None
    for s in budget.statements:
        if isinstance(s, Section):
            if current is not None:
                yield current
            current = (s, [])
        elif isinstance(s, Entry) and current is not None:
            current[1].append(s)
    if current is not None:
        yield current


def _sums(entries: Sequence[Entry], years: tuple[int, ...] | range) -> list[tuple[str, Decimal]]:
    """(side, sum) of each side that has lines in the years, all of them known."""
    sums = []
    for side, kinds in SIDES:
        values = [e.by_year[y] for e in entries if e.kind in kinds for y in years if y in e.by_year]
        total = known_sum(values)
        if values and total is not None:
            sums.append((side, total))
    return sums


def _compare(budget: Budget, prose: Prose, entries: Sequence[Entry], whose: str, options: Options) -> Iterator[Finding]:
    for stated in stated_in(prose, budget):
        if stated.figure.change != "total" or not stated.figure.settled:
            continue
        if stated.yearless:
            years: tuple[int, ...] | range = budget.years
        elif stated.years:
            years = stated.years
        else:
            continue  # years outside the plan
        sums = _sums(entries, years)
        if not sums or any(matches(stated, total, options.tolerance) for _, total in sums):
            continue
        over = "over the period" if stated.yearless else f"in {listing(list(years))}"
        added = ", ".join(f"{side} {fmt(total)}" for side, total in sums)
        yield Finding(
            f"the text gives a total of {fmt(stated.figure.amount)} (\"{stated.words}\"), but {whose} "
            f"add up to {added} {over}",
            stated.span,
            "if the text is right, a line is missing or wrong; if the lines are right, correct the text",
        )
