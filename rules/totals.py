"""The money-flow model (public: the checker's summary, diff and reports read it too) that every
balance, funding and link rule reads,
made once a budget (`per_budget`): the operating balance of each plan year, what each
coverage line is used for, and what each directive costs.

The sign convention (docs/language.md, "Amounts"): the kind of a line gives its side
(`item` and `allocate` spend, `cover` and `draw` cover); an amount is money on that
side, and a negative amount the opposite movement on that side (a negative `item` is
spending cut, a negative `cover` is coverage lost). Every figure here is read so.

Coverage or a fund draw that pays for an investment (`funds "Line" -> "Invest"`)
is a transfer from operations to the investment budget: that part covers no
operating spending, and is left out of the operating balance's coverage.

A link without amounts of its own promises all its use needs: the use's amount in
each year (for a directive, its cost); where the use gives no figure for a year,
the promise of that year is unknown. Every rule reads an amount-less link so:
FUN004 weighs the promises of a line against its amount (`coverage_uses`), and
the balance moves what is promised as far as the source has it (`funded_part`).

A directive's cost with a figure enters the year's spending where a coverage line
pays for it (`funded-by` or a `funds`/`reallocate` link from a `cover` or `draw`):
the line then covers it, and cannot cover the same money twice. A directive that
nothing funds is FUN001's finding; one funded by a `pot` is paid from the base
budget, outside the proposal's balance.

A lasting line (`permanent` or `ramp`) that states some years says nothing about
the later years of the plan: those are unknown, not zero, unless `until YEAR`
ends it before them.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import NamedTuple, TypeVar

from ..dsl.model import COVER_KINDS, SPEND_KINDS, Budget, Directive, Entry, Link, Span

ZERO = Decimal(0)
T = TypeVar("T")


class YearBalance(NamedTuple):
    """The operating balance of one plan year, as far as the figures go."""

    year: int
    spend: Decimal  # items, allocations to funds and funded directive costs, known figures only
    cover: Decimal  # coverage and draws on funds that stay in operations, known figures only
    draws: Decimal  # the part of `cover` that is drawn from funds
    unknown: tuple[Entry | Directive, ...]  # lines that count this year but give no figure for it
    allocations: Decimal = ZERO  # the part of `spend` that is allocated to funds
    directives: Decimal = ZERO  # the part of `spend` that funded directives cost

    @property
    def gap(self) -> Decimal:
        """Spending not covered; negative where coverage exceeds spending."""
        return self.spend - self.cover

    @property
    def verifiable(self) -> bool:
        return not self.unknown

    @property
    def items(self) -> Decimal:
        """The operating items alone (utgifter drift), known figures only."""
        return self.spend - self.allocations - self.directives


class Use(NamedTuple):
    """One use of a coverage line's money: a `funds` or `reallocate` link from it, or a
    directive's `funded-by` naming it, with what the use takes per year."""

    source: Entry  # the `cover` or `draw` line
    how: str  # "funds", "reallocates" or "funded-by"
    target: str  # the name of what it pays for
    span: Span  # the link, or the name after `funded-by`
    takes: dict[int, Decimal | None]  # year -> what it promises (a year left out: nothing), None: unknown
    whole: bool  # the link gives no amounts: it takes all its use needs


def counts_in_operations(entry: Entry) -> bool:
    return entry.kind in SPEND_KINDS or entry.kind in COVER_KINDS or (entry.kind == "loan" and entry.frees is not None)


def is_lasting(entry: Entry) -> bool:
    return entry.permanent is not None or entry.ramp is not None


def continued_years(entry: Entry, years: range) -> tuple[int, ...]:
    """The plan years after a lasting line's last stated year that it does not end before
    (`until`): the years it says nothing about, which count as unknown."""
    if not is_lasting(entry) or not entry.amounts:
        return ()
    last = max(entry.by_year)
    end = entry.until.year if entry.until is not None else None
    return tuple(y for y in years if y > last and (end is None or y <= end))


def figure_unknown(entry: Entry, year: int) -> bool:
    """Whether the entry names no figure for this year: `?` alone, no amount at all, `2021=?`,
    or a year after the last stated one of a lasting line (`permanent`, `ramp`)."""
    if not entry.amounts:
        return True
    if year in entry.by_year:
        return entry.by_year[year] is None
    return is_lasting(entry) and year > max(entry.by_year) and (entry.until is None or year <= entry.until.year)


def known_sum(values: Iterable[Decimal | None]) -> Decimal | None:
    """The sum of the values, or None where any of them is unknown."""
    total = ZERO
    for value in values:
        if value is None:
            return None
        total += value
    return total


def unknown_in(entry: Entry, year: int) -> bool:
    """Whether the entry counts in this year's operating balance without a figure for it."""
    if entry.kind == "loan":  # frees operating room by an amount the document does not give
        return entry.frees is not None
    return figure_unknown(entry, year)


def directive_cost(directive: Directive, years: range) -> dict[int, Decimal | None]:
    """What a directive costs per plan year: `cost 8` in every year, `cost 2022..2023=5` in
    the years named, `cost ?` an unknown amount in every year; nothing for `cost none`."""
    if directive.cost_amounts:
        return {a.year: a.value for a in directive.cost_amounts}
    if directive.cost == "amount" and directive.cost_amount is not None:
        return dict.fromkeys(years, directive.cost_amount.value)
    if directive.cost in ("unknown", "amount"):
        return dict.fromkeys(years, None)
    return {}


def needs(use: Entry | Directive | object, years: range) -> dict[int, Decimal | None] | None:
    """What a use needs per year, as an amount-less link reads it; None where it is not
    a line with amounts or a directive (a pot, a fund, a name that does not exist)."""
    if isinstance(use, Entry):
        if not use.amounts:
            return dict.fromkeys(years, None)
        result = dict(use.by_year)
        for y in continued_years(use, years):
            result[y] = None
        return result
    if isinstance(use, Directive):
        return directive_cost(use, years)
    return None


def funded_part(link: Link, source: Entry, year: int, use: object = None, years: range = range(0)) -> Decimal | None:
    """What a link moves from its source in a year: its own amounts where it gives any
    (a year it leaves out moves nothing), else what its use needs that year; None if unknown."""
    if link.amounts:
        return {a.year: a.value for a in link.amounts}.get(year, ZERO)
    return up_to(source, needs(use, years), year)


def up_to(source: Entry, needed: dict[int, Decimal | None] | None, year: int) -> Decimal | None:
    """What an amount-less link takes in a year: what its use needs, as far as its source has
    it (the smaller of the two); None where either gives no figure."""
    if needed is None:
        return None
    need = needed.get(year, ZERO)
    if need == ZERO:
        return ZERO
    if need is None or figure_unknown(source, year):
        return None
    return min(need, source.by_year.get(year) or ZERO)


def investment_funding(budget: Budget) -> tuple[tuple[Link, Entry], ...]:
    """The `funds` links by which a coverage line or a fund draw pays for an investment, with that line."""
    named = budget.named
    result = []
    for link in budget.links:
        source, target = named.get(link.source.text), named.get(link.target.text)
        if (link.kind == "funds" and isinstance(source, Entry) and source.kind in COVER_KINDS
                and isinstance(target, Entry) and target.kind == "invest"):
            result.append((link, source))
    return tuple(result)


def per_budget(make: Callable[[Budget], T]) -> Callable[[Budget], T]:
    """`make(budget)`, made once a budget and kept while the budget lives: for what
    several rules ask of the same budget (the operating balance, the investments).

    Budgets are immutable, so what is kept stays a pure function of the budget, and
    must be immutable itself. It is kept by the budget's identity, as a budget's hash
    and equality go through all its statements.
    """
    kept: dict[int, tuple[weakref.ref, T]] = {}  # id of the budget -> (a weak reference to it, what was made)

    @functools.wraps(make)
    def shared(budget: Budget) -> T:
        key = id(budget)
        found = kept.get(key)
        if found is not None and found[0]() is budget:
            return found[1]
        made = make(budget)
        def forget(_: object, key: int = key) -> None:
            kept.pop(key, None)

        kept[key] = (weakref.ref(budget, forget), made)
        return made

    return shared


@per_budget
def coverage_uses(budget: Budget) -> tuple[Use, ...]:
    """Every use of a `cover` or `draw` line's money, in source order: `funds` and
    `reallocate` links from it and directives `funded-by` it."""
    named, years = budget.named, budget.years
    uses: list[tuple[int, Use]] = []
    for link in budget.links:
        if link.kind not in ("funds", "reallocates"):
            continue
        source = named.get(link.source.text)
        if not (isinstance(source, Entry) and source.kind in COVER_KINDS):
            continue
        if link.amounts:
            takes = {a.year: a.value for a in link.amounts}
        else:
            needed = needs(named.get(link.target.text), years)
            if needed is None:
                continue
            takes = needed
        uses.append((link.span.start, Use(source, link.kind, link.target.text, link.span, takes, not link.amounts)))
    for d in budget.directives:
        if d.funded_by is None:
            continue
        source = named.get(d.funded_by.text)
        if isinstance(source, Entry) and source.kind in COVER_KINDS:
            uses.append((d.funded_by.span.start,
                         Use(source, "funded-by", d.name.text, d.funded_by.span, directive_cost(d, years), True)))
    return tuple(u for _, u in sorted(uses, key=lambda t: t[0]))


@per_budget
def funded_directives(budget: Budget) -> tuple[Directive, ...]:
    """The directives with a cost that a coverage line pays for: their costs are spending."""
    paid = {u.target for u in coverage_uses(budget) if u.how in ("funded-by", "funds", "reallocates")}
    return tuple(d for d in budget.directives if d.name.text in paid and budget.named.get(d.name.text) is d
                 and d.cost in ("unknown", "amount"))


@per_budget
def operating_balance(budget: Budget) -> tuple[YearBalance, ...]:
    """The operating balance of every plan year, in order; BAL001, BAL002, BAL006 and
    FUN002 (and the summary) each ask for it.

    One pass over the entries for all the years, adding each year's figures in the
    order of the entries.
    """
    years = budget.years
    named = budget.named
    funding = investment_funding(budget)
    to_investment: dict[int, dict[int, Decimal | None]] = {}  # year -> id of the line -> what it pays to investments
    for year in years:
        paid = to_investment[year] = {}
        for link, source in funding:
            part = funded_part(link, source, year, named.get(link.target.text), years)
            before = paid.get(id(source), ZERO)
            paid[id(source)] = None if part is None or before is None else before + part
    spend = dict.fromkeys(years, ZERO)
    cover = dict.fromkeys(years, ZERO)
    draws = dict.fromkeys(years, ZERO)
    allocations = dict.fromkeys(years, ZERO)
    costs = dict.fromkeys(years, ZERO)
    unknown: dict[int, list[Entry | Directive]] = {year: [] for year in years}
    paying = {line for paid in to_investment.values() for line in paid}  # ids of the lines that pay to investments
    for entry in budget.entries:
        if not counts_in_operations(entry):
            continue
        kind = entry.kind
        by_year = entry.by_year
        pays = id(entry) in paying
        for year in years:
            transferred = to_investment[year].get(id(entry), ZERO) if pays else ZERO
            if unknown_in(entry, year) or transferred is None:
                unknown[year].append(entry)
                continue
            value = by_year.get(year)
            if value is None and not transferred:
                continue
            value = (value or ZERO) - transferred
            if kind in SPEND_KINDS:
                spend[year] += value
                if kind == "allocate":
                    allocations[year] += value
            else:
                cover[year] += value
                if kind == "draw":
                    draws[year] += value
    for directive in funded_directives(budget):
        for year, value in directive_cost(directive, years).items():
            if year not in spend:
                continue
            if value is None:
                unknown[year].append(directive)
            else:
                spend[year] += value
                costs[year] += value
    return tuple(YearBalance(year, spend[year], cover[year], draws[year], tuple(unknown[year]), allocations[year],
                             costs[year])
                 for year in years)
