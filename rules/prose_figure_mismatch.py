'''A figure in an entry's text that differs from the amount declared for its year.

## What it does
Reads the figures that the entry's `text` states (see `dsl/prose.py`: "3,5
millioner i 2020", "økende til 7 millioner i 2021", "400 000 kroner fra
2020", "1 million i 2020 og 2021", "5 millioner i 2022-2023", "10 millioner
i to år") and compares each with the amount the entry declares for that
year, as magnitudes and within the tolerance. The entry's name is read too
("Veivedlikehold økes med 2 mill fra 2021"). "økes med", "styrkes med",
"kuttes med" and "reduseres med" state the line's own amount; a figure
written "ca." or "om lag" agrees with anything within a tenth of it. Points at
the words in the text and at the declared amount. The forms read are listed
in `docs/language.md` (How the text is read).

"økende med 20 mill i 2023" may mean 20 or the figure before it plus 20: real
documents write both, so it is reported only where neither reading matches.

A figure that names no year is usually the heading said again ("styrker
kulturskolen med 1 million"): it is reported only where it is neither the
heading nor the amount of any year. A total ("totalt 365 millioner",
"totalt ca. 18 millioner", "30 millioner over perioden") is compared with
the entry's `total`, or with the sum of its amounts. Years the
entry declares as `?` are not compared; years it does not declare at all are
TXT002's.

## Why
The prose is what the council reads and votes on; the table is what the
balance is checked against. When the text says 7 million in 2021 and the
table says 6, one of them is wrong, and the balance of 2021 is checked against
a figure that nobody proposed.

## Example
```budsjett
budget "Eksempel" period 2020..2021
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=6.0
  heading 3.5 halfyear
  text """
    Vi setter av 3,5 millioner (halvårseffekt) i 2020, økende til 7 millioner
    i 2021 til et prøveprosjekt.
  """
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2021
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7.0
  heading 3.5 halfyear
  text """
    Vi setter av 3,5 millioner (halvårseffekt) i 2020, økende til 7 millioner
    i 2021 til et prøveprosjekt.
  """
```

## Options
- `tolerance` (number, millions, default 0.05): the difference that counts as
  the same figure, the rounding of amounts given with one decimal.
'''

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..dsl.model import Amount, Budget, Entry, Span
from .totals import known_sum
from ._prose import Stated, matches, stated_figures, written_as_stated
from .base import Finding, Related, Tolerance, fmt, listing

CODE = "TXT001"
NAME = "prose-figure-mismatch"
SEVERITY = "warning"
SUMMARY = "A figure in an entry's text that differs from the amount declared for its year"
Options = Tolerance


def check(budget: Budget, options: Options) -> Iterator[Finding]:
    for entry, figures in stated_figures(budget):
        declared = entry.amount_by_year
        for stated in figures:
            if not stated.figure.settled:  # a step from a level the text does not give
                continue
            if stated.figure.change == "total":
                finding = _total(entry, stated, options.tolerance)
            elif stated.yearless:
                finding = _yearless(entry, stated, options.tolerance)
            else:
                finding = _by_year(declared, stated, options.tolerance)
            if finding is not None:
                yield finding


_matches = matches


def _gives(stated: Stated) -> str:
    """What the text gives, with both readings of a step."""
    f = stated.figure
    if len(f.readings) == 1:
        return fmt(f.amount)
    return f"{fmt(f.readings[0])}, or {fmt(f.readings[1])} counted from {fmt(f.base)},"


def _by_year(declared: dict[int, Amount], stated: Stated, tolerance: Decimal) -> Finding | None:
    wrong = [a for y in stated.years if (a := declared.get(y)) is not None
             and a.value is not None and not _matches(stated, a.value, tolerance)]
    if not wrong:
        return None
    years = [a.year for a in wrong]
    message = (f"the text gives {_gives(stated)} for {listing(years)} (\"{stated.words}\"), "
               f"but {listing(f'{a.year} is {fmt(a.value)}' for a in wrong)}")
    readings = " or ".join(written_as_stated(years, r, stated) for r in stated.figure.readings)
    hint = f"if the text is right, write {readings}; if the amounts are right, correct the text"
    related: dict[Span, list[int]] = {}
    for a in wrong:  # years written as one range share one place
        related.setdefault(a.span, []).append(a.year)
    return Finding(message, stated.span, hint,
                   tuple(Related(span, f"{listing(ys)} declared here") for span, ys in related.items()))


def _yearless(entry: Entry, stated: Stated, tolerance: Decimal) -> Finding | None:
    heading = entry.heading
    amounts = [a.value for a in entry.amounts if a.value is not None]
    if heading is None and not amounts:
        return None
    if heading is not None and _matches(stated, heading.value, tolerance):
        return None  # the heading said again
    if any(_matches(stated, v, tolerance) for v in amounts):
        return None
    amount = fmt(stated.figure.amount)
    if heading is not None:
        message = (f"the text gives {_gives(stated)} with no year (\"{stated.words}\"), but the heading is "
                   f"{fmt(heading.value)} and no year is {amount}")
        related: tuple[Related, ...] = (Related(heading.span, "the heading"),)
    else:
        message = f"the text gives {_gives(stated)} with no year (\"{stated.words}\"), but no year is {amount}"
        related = ()
    hint = "if the text is right, correct the heading or the amounts; if they are right, correct the text"
    return Finding(message, stated.span, hint, related)


def _total(entry: Entry, stated: Stated, tolerance: Decimal) -> Finding | None:
    if entry.total is not None:
        where: tuple[Related, ...]
        total, where, what, fix = entry.total.value, (Related(entry.total.span, "the total"),), "the total is", "total"
    elif entry.amounts and (summed := known_sum(entry.by_year.values())) is not None:
        total, where, what, fix = summed, (), f"the amounts of {listing(sorted(entry.by_year))} add up to", "amounts"
    else:
        return None
    if _matches(stated, total, tolerance):
        return None
    message = f"the text gives a total of {_gives(stated)} (\"{stated.words}\"), but {what} {fmt(total)}"
    hint = f"if the text is right, correct the {fix}; if the {fix} {'is' if fix == 'total' else 'are'} right, correct the text"
    return Finding(message, stated.span, hint, where)
