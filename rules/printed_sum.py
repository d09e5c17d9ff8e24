"""A printed sum (`sum`) that the lines it sums do not add up to.

## What it does
Compares each figure of a `sum` statement with the sum of the amounts, in
that year, of the lines of its kinds: the lines of its section (from the
`section` heading before it to the next one), or of the whole plan with
`plan` or where no section comes before it. A year that a line does not
mention counts as zero. Where a line of the sum has no figure for the year
(`2020=?`, a bare `?`, or only a `total`), the sum cannot be checked for that
year and nothing is reported. A figure printed for a range of years
(`2020..2023=5`) is one finding, with the number of its years that differ. A difference within the tolerance (rounding in
the document, 0.05 million by default) is not reported. Figures in the
message are millions, as everywhere (a file in `unit tusen` included).

## Why
A proposal's tables end in sum rows ("Sum drift", "Sum inndekning"), and the
reader trusts them: a line left out of the file, a figure mistyped, or a sum
the document itself got wrong shows here as a sum the lines do not make.

## Example
```budsjett
budget "Eksempel" period 2020..2021
section "Oppvekst" oppvekst
item "Toppet bemanning" oppvekst 2020=3.5 2021=7
item "Kulturskolen" oppvekst 2020=1.65
sum "Sum drift" item 2020=5.65 2021=7
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2021
section "Oppvekst" oppvekst
item "Toppet bemanning" oppvekst 2020=3.5 2021=7
item "Kulturskolen" oppvekst 2020=2.15
sum "Sum drift" item 2020=5.65 2021=7
```

## Options
- `tolerance` (default 0.05): how far, in millions, the lines' sum may lie
  from the printed figure.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..dsl.model import Budget, Entry, Section, Sum
from .totals import known_sum
from ..dsl.written import tokens
from .base import Finding, Related, Tolerance, fmt

CODE = "STR013"
NAME = "printed-sum-mismatch"
SEVERITY = "error"
SUMMARY = "A printed sum (`sum`) that the lines it sums do not add up to"
Options = Tolerance

_PLURAL = {
    "item": ("operating item", "operating items"),
    "invest": ("investment", "investments"),
    "cover": ("coverage line", "coverage lines"),
    "allocate": ("allocation to a fund", "allocations to funds"),
    "draw": ("draw on a fund", "draws on funds"),
    "loan": ("borrowing change", "borrowing changes"),
}


def _scopes(budget: Budget) -> tuple[dict[int, Section | None], dict[int | None, list[Entry]]]:
    """The section of each sum (by id; None for the whole plan), and the entries of each section."""
    section: Section | None = None
    of_sum: dict[int, Section | None] = {}
    entries: dict[int | None, list[Entry]] = {None: []}
    for s in budget.statements:
        if isinstance(s, Section):
            section = s
            entries.setdefault(id(s), [])
        elif isinstance(s, Entry):
            entries[None].append(s)
            if section is not None:
                entries[id(section)].append(s)
        elif isinstance(s, Sum):
            of_sum[id(s)] = None if s.plan is not None else section
    return of_sum, entries


def _known(entry: Entry, year: int) -> Decimal | None:
    """The entry's amount in `year` for a sum: zero where the year is not mentioned; None
    where the entry names the year (or the line) without a figure."""
    if not entry.amounts:
        return None  # `?`, only a `total`, or nothing at all
    by_year = entry.by_year
    if year in by_year:
        return by_year[year]
    return Decimal(0)


def check(budget: Budget, options: Tolerance) -> Iterator[Finding]:
    if not budget.sums:
        return
    of_sum, entries = _scopes(budget)
    # Sums of the same lines (a scope and its kinds) are added up once, whatever number of `sum`
    # statements print them: a file of many `plan` sums would otherwise add up the plan for each.
    lines_of: dict[tuple, list[Entry]] = {}
    made_of: dict[tuple, Decimal | None] = {}
    related_of: dict[tuple, tuple[Related, ...]] = {}
    for total in budget.sums:
        section = of_sum[id(total)]
        scope = (id(section) if section is not None else None, total.kinds)
        if scope not in lines_of:
            lines_of[scope] = [e for e in entries[scope[0]] if e.kind in total.kinds]
        lines = lines_of[scope]
        singular, plural = _PLURAL[total.kinds[0]] if len(total.kinds) == 1 else ("line", "lines")
        where = f"of section `{section.name.text}`" if section is not None else "of the plan"
        stated = {a.year: a.span for a in total.amounts}  # the last figure of a year counts
        for token in tokens(total.amounts):
            if token.value is None:
                continue  # a printed `?`
            wrong = []
            for year in [a.year for a in total.amounts if a.span is token.span]:  # the years the model holds
                if stated[year] is not token.span:
                    continue  # given again later: the later figure counts
                if (scope, year) not in made_of:
                    made_of[scope, year] = known_sum(_known(e, year) for e in lines)
                made = made_of[scope, year]
                if made is None:
                    continue  # a line without a figure: the sum cannot be checked, and is not wrong
                if abs(token.value - made) > options.tolerance:
                    wrong.append((year, made))
            if not wrong:
                continue
            year, made = wrong[0]
            count = f"{len(lines)} {singular if len(lines) == 1 else plural}"
            message = (f"`{total.name.text}` prints {fmt(token.value)} mill for {year}, the {count} {where} "
                       f"sum to {fmt(made)} mill (difference {fmt(abs(token.value - made))})")
            if not lines:
                message = f"`{total.name.text}` prints {fmt(token.value)} mill for {year}, but there are no {plural} {where.replace('of ', 'in ', 1)}"
            if len(wrong) > 1:
                message += f"; {len(wrong) - 1} more year{'s' * (len(wrong) > 2)} of {token.years} differ{'s' * (len(wrong) == 2)} too"
            if (scope, year) not in related_of:
                related_of[scope, year] = tuple(
                    Related(e.name.span, f"counted: {fmt(e.by_year.get(year, Decimal(0)))} in {year}") for e in lines)
            yield Finding(message, token.span,
                          "correct the sum or the line that differs; a line the document lists and the file "
                          "does not (or one of another kind) also makes a difference", related_of[scope, year])
