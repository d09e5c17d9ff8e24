"""A fund draw, an allocation to a fund or borrowing written as an ordinary `cover` or `item` line.

## What it does
Reads the name of every `cover` and `item` line, and the text of every
`cover` line, for the words that say what the line really is: a draw on a
fund ("Bruk av disposisjonsfondet", "midler fra disposisjonsfondet"), an
allocation to a fund ("Avsetning til disposisjonsfondet", "avsetjing til
fond") or borrowing ("Økt låneopptak", "opptak av lån"). Reports such a line,
says what it does to each year as written, which check cannot see it, and
offers to rewrite it as the kind it is: `draw ... from "Fund"`, `allocate ...
to "Fund"` or `loan`, with the amounts positive, naming the declared fund the
words name. The fix is unsafe: the kind is read from words, and a reader must
confirm it; for borrowing it also changes the year, since a loan covers no
operating spending. Where borrowing so written is what balances a year
(without its coverage the year has a gap), the finding is an error: that
year does not balance, and an amendment that writes it so fails. The word lists, in bokmål and nynorsk, with the near
misses that are not read ("Kutt i bruk av konsulenter", "Fondets
avkastning", "Redusert bruk av disposisjonsfondet", "Reduserte låneopptak",
"avsettes ikke til"), are in `rules/_movements.py`.

## Why
A fund draw written as `cover` adds up the same in the year's balance, but
BAL006 can no longer show that the year balances only by spending savings
(lawful, not real balance), and BAL005 cannot weigh the draw against the
fund. An allocation written as `item` hides what is put into the fund.
Borrowing written as coverage pays for operations with loans, which
kommuneloven forbids, and BAL003 never sees it because it is no `loan`. The
kind of a line gives its side and what the checks read (docs/language.md,
"Amounts"); a line that names a movement must be written as that movement.

## Example
```budsjett
budget "Eksempel" period 2020..2021
fund "Disposisjonsfondet"
item "Kompetanseløft fastleger" helse 2020..2021=10
cover "Bruk av disposisjonsfondet" 2020..2021=10
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2021
fund "Disposisjonsfondet"
item "Kompetanseløft fastleger" helse 2020..2021=10
draw "Bruk av disposisjonsfondet" 2020..2021=10 from "Disposisjonsfondet"
```
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..dsl.model import Budget, Entry, Fund, name_key
from ._markers import Said, _insert_at
from ._prose import span_in
from ._movements import Movement, disguised, fund_stem
from .base import (DEFAULT_TOLERANCE, Edit, Finding, Fix, NoOptions, Related, Severity, fmt, listing, per_year,
                   span_of_years)
from .totals import operating_balance
from .negative_coverage import minus_signs

CODE = "BAL008"
NAME = "disguised-movement"
SEVERITY = "warning"
SUMMARY = "A fund draw, an allocation to a fund or borrowing written as an ordinary cover or item line"
FIX = "unsafe"
Options = NoOptions

_COVERS = {"draw": 1, "loan": 1, "allocate": -1}  # the side of each movement: +1 covers, -1 spends
_CLAUSE = {"draw": "from", "allocate": "to"}


def check(budget: Budget, options: NoOptions) -> Iterator[Finding]:
    for entry in budget.entries:
        if entry.kind not in ("cover", "item"):
            continue
        found = disguised(entry)
        if found is None:
            continue
        movement, said = found
        if said.prose is entry.prose and _written_apart(budget, entry, movement.kind):
            continue
        fund = _fund(budget, entry, said) if movement.kind in _CLAUSE else None
        related = (Related(fund.name.span, "the fund it names"),) if fund is not None else ()
        # Borrowing may not pay for operations (kommuneloven § 14-15): a year that balances only by
        # it does not balance, and an amendment that writes it so must not pass.
        unlawful = _balanced_by_borrowing(budget, entry) if movement.kind == "loan" else {}
        message, hint = _words(entry, movement, said, fund, unlawful)
        severity: Severity | None = "error" if unlawful else None
        span = entry.name.span if said.prose is not entry.prose else span_in(said.prose, said.start, said.end)
        yield Finding(message, span, hint, related, _fix(budget.text, entry, movement, fund), severity=severity)


def _balanced_by_borrowing(budget: Budget, entry: Entry) -> dict[int, Decimal]:
    """The years, with the gap each would have, that the borrowing written as `cover` is needed to
    balance: verifiable years whose gap without its coverage is over the tolerance."""
    gaps = {}
    for year in operating_balance(budget):
        covered = entry.by_year.get(year.year) if entry.kind == "cover" else None
        if covered is None or covered <= 0 or not year.verifiable:
            continue
        without = year.gap + covered
        if without > DEFAULT_TOLERANCE:
            gaps[year.year] = min(covered, without)
    return gaps


def _words(entry: Entry, movement: Movement, said: Said, fund: Fund | None,
           unlawful: dict[int, Decimal]) -> tuple[str, str]:
    kind, name = entry.kind, entry.name.text
    where = "name" if said.prose is not entry.prose else "text"
    lead = f"`{name}` is {movement.what}, as its {where} says (\"{said.words}\"), but is written as `{kind}`"
    covering = [(y, v if kind == "cover" else -v) for y, v in sorted(entry.by_year.items()) if v]
    side = _COVERS[movement.kind]
    right = [(y, abs(v)) for y, v in covering if v * side > 0]
    wrong = [(y, abs(v)) for y, v in covering if v * side < 0]
    clause = f' {_CLAUSE[movement.kind]} "{fund.name.text if fund else "Fund"}"' if movement.kind in _CLAUSE else ""
    hint = f'write it as `{movement.kind} "{name}"{clause}` with the amounts positive'
    if movement.kind == "draw":
        seen = "BAL006 cannot show a year that balances only by drawing on a fund, nor BAL005 weigh it against the fund"
        does = f"it covers {per_year(right)} as the year's own income would" if right else ""
    elif movement.kind == "allocate":
        seen = "BAL006 nets the draws without it, and BAL005 cannot follow what it puts into the fund"
        does = f"it spends {per_year(right)} as an operating item would" if right else ""
    else:
        seen = "BAL003 cannot see borrowing that pays for operations"
        does = (f"it pays for operating spending with borrowing, {per_year(right)}, though borrowing may finance "
                "investments only") if right else ""
        if unlawful:
            gaps = set(unlawful.values())
            uncovered = (f"{fmt(gaps.pop())} mill{' a year' if len(unlawful) > 1 else ''}" if len(gaps) == 1
                         else listing([f"{fmt(v)} in {y}" for y, v in sorted(unlawful.items())]))
            does += (f": without it {span_of_years(unlawful)} {'does' if len(unlawful) == 1 else 'do'} not "
                     f"balance, {uncovered} uncovered")
        elif right:
            does += (f"; written as a `loan` it covers nothing, and {span_of_years(y for y, _ in right)} "
                     f"need{'s' * (len(right) == 1)} as much coverage from elsewhere")
        hint += "; cover the operating spending it paid for with coverage or a fund draw"
    parts = [does] if does else []
    if wrong:
        turned = "spends" if side > 0 else "covers"
        proper = "covers" if side > 0 else "costs like spending"
        parts.append(f"as written it {turned} {per_year(wrong)}, while {movement.what} {proper}: the sign or the kind "
                     f"is wrong, and the year is off by twice that")
    parts.append(seen)
    return f"{lead}: " + "; ".join(parts), hint


def _written_apart(budget: Budget, entry: Entry, kind: str) -> bool:
    """Whether the movement a cover line's text speaks of has a line of its own: linked to it,
    or the second line of the same heading (its name begins with the line's name)."""
    key = name_key(entry.name.text).casefold()
    linked = {name_key(end.text) for link in budget.links for end, other in
              ((link.target, link.source), (link.source, link.target)) if name_key(other.text) == name_key(entry.name.text)}
    return any(e.kind == kind and e is not entry and (name_key(e.name.text) in linked
                                                      or name_key(e.name.text).casefold().startswith(key))
               for e in budget.entries)


def _fund(budget: Budget, entry: Entry, said: Said) -> Fund | None:
    """The declared fund that the line's name or its words name ("disposisjonsfondet")."""
    words = f"{said.words} {entry.name.text}".casefold()
    for fund in budget.funds:
        stem = fund_stem(fund.name.text)
        if stem and stem in words:
            return fund
    return None


def _fix(text: str, entry: Entry, movement: Movement, fund: Fund | None) -> Fix | None:
    if not text or text[entry.span.start:entry.span.start + len(entry.kind)] != entry.kind:
        return None
    values = [v for v in entry.by_year.values() if v]
    negative = all(v < 0 for v in values) and bool(values)
    if not negative and any(v < 0 for v in values):
        return None  # some years up, some down: which is the movement is not clear
    signs = minus_signs(text, entry) if negative else ()
    if signs is None:
        return None
    edits = [Edit(entry.span.start, entry.span.start + len(entry.kind), movement.kind), *signs]
    if fund is not None and entry.fund is None:
        at = _insert_at(entry)
        edits.append(Edit(at, at, f' {_CLAUSE[movement.kind]} "{fund.name.text}"'))
    clause = f' ... {_CLAUSE[movement.kind]} "{fund.name.text}"' if fund is not None else ""
    what = f"write it as `{movement.kind}{clause}`"
    return Fix(what + (" with the amounts positive" if negative else ""), tuple(sorted(edits)), safe=False)
