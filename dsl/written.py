"""How amounts are written: the tokens of a line, their year order, the spelling of figures.

Shared by STR010 (years in order), STR011 (kroner written in millions) and the
formatter, so that what the rules ask for is exactly what the formatter writes.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from .model import Amount, Span

_MILLION = Decimal(1_000_000)


class Written(NamedTuple):
    """One amount as written: `2020=3.5`, or a range such as `2022..2023=5`."""

    first: int
    last: int
    value: Decimal | None
    kroner: bool
    ranged: bool
    span: Span

    @property
    def years(self) -> str:
        return f"{self.first}..{self.last}" if self.ranged else str(self.first)


def tokens(amounts: tuple[Amount, ...]) -> list[Written]:
    """The amounts of a line as they were written: a range is one token, not one amount a year.

    The parser gives the years of one range the same `Span` object, so a token is
    told by identity, and made once, with its last year.
    """
    result: list[Written] = []
    i, n = 0, len(amounts)
    while i < n:
        a = amounts[i]
        i += 1
        last = a.year
        if a.ranged:
            while i < n and amounts[i].span is a.span and amounts[i].ranged:
                last = amounts[i].year
                i += 1
        result.append(Written(a.year, last, a.value, a.kroner, a.ranged, a.span))
    return result


def repeats_a_year(tokens: list[Written]) -> bool:
    """Whether some year is given twice: then the order decides which figure counts."""
    seen: set[int] = set()
    for t in tokens:
        years = range(t.first, t.last + 1)
        if any(y in seen for y in years):
            return True
        seen.update(years)
    return False


def in_year_order(tokens: list[Written]) -> bool:
    return all(a.first < b.first for a, b in zip(tokens, tokens[1:]))


def year_order(tokens: list[Written]) -> list[Written]:
    """The tokens in year order, where that keeps the meaning; else as written."""
    if repeats_a_year(tokens):
        return list(tokens)
    return sorted(tokens, key=lambda t: t.first)


def spell_millions(value: Decimal) -> str:
    """The one spelling of a figure in millions: `7`, `3.5`, `-45`, `0.25` (no trailing zeros)."""
    text = f"{value.normalize():f}"
    return "0" if text == "-0" else text


def spell_in_unit(value: Decimal, unit: str) -> str:
    """A figure of the model (millions) as a file in `unit` writes it: thousands in a file in
    `tusen` (`5.65` is `5650`), millions otherwise."""
    return spell_millions(value * 1000) if unit == "tusen" else spell_millions(value)


def spell_kroner(value: Decimal) -> str | None:
    """A figure in millions written in kroner, `400 000 kr`; None where it is no whole number of kroner."""
    kroner = value * _MILLION
    if kroner != kroner.to_integral_value():
        return None
    whole = int(kroner)
    sign = "-" if whole < 0 else ""
    return f"{sign}{abs(whole):,} kr".replace(",", " ")


def spell_amounts(years: tuple[int, ...] | list[int], value: Decimal | None, kroner: bool = False,
                  unit: str = "mill") -> str:
    """One figure (in millions) for the years, as a file in `unit` writes it: `2022..2023=5`,
    `2020=400 000 kr` where `kroner` and the figure is whole kroner, `2021=?`; `2020=5650` for 5.65
    in a file in `tusen`."""
    if value is None:
        figure = "?"
    else:
        figure = (spell_kroner(value) if kroner else None) or spell_in_unit(value, unit)
    runs: list[list[int]] = []
    for y in sorted(years):
        if runs and y == runs[-1][-1] + 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    return " ".join(f"{r[0]}={figure}" if len(r) == 1 else f"{r[0]}..{r[-1]}={figure}" for r in runs)
