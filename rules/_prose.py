"""The figures an entry's prose states, placed in the file. Shared by TXT001 and TXT002."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from decimal import Decimal

from ..dsl.model import Budget, Entry, Name, Prose, Span
from ..dsl.prose import APPROXIMATE, Figure
from ..dsl.written import spell_amounts
from .totals import per_budget


@dataclass(frozen=True, slots=True)
class Stated:
    """A figure of an entry's text, with the plan years it is stated for and its place in the file."""

    figure: Figure
    years: tuple[int, ...]  # within the plan period, where one is declared
    prose: Prose  # the text it is stated in

    @property
    def span(self) -> Span:
        """The amount and its unit. Worked out when asked: most figures agree and are never shown."""
        return span_in(self.prose, self.figure.start, self.figure.end)

    @property
    def words(self) -> str:
        """The words that state it, on one line: "økende til 7 millioner i 2021"."""
        return " ".join(self.prose.raw[self.figure.phrase_start : self.figure.phrase_end].split())

    @property
    def unit(self) -> str:
        """The unit of the file the text is in: `tusen` or `mill` (`kr` files count in millions)."""
        return "tusen" if self.prose.thousands else "mill"

    @property
    def in_kroner(self) -> bool:
        """Written in kroner in the file: where the text gives kroner, but not a figure in
        thousands in a file in `tusen` (that is one of the file's own figures)."""
        return self.figure.kroner and not (self.unit == "tusen" and self.figure.thousands)

    @property
    def yearless(self) -> bool:
        """Names no year at all (a heading repeated, "med 8 millioner"), as opposed to years outside the plan."""
        f = self.figure
        return not f.years and f.for_years is None


@per_budget  # TXT001 and TXT002 both read them
def stated_figures(budget: Budget) -> tuple[tuple[Entry, tuple[Stated, ...]], ...]:
    """Every entry whose name ("Veivedlikehold økes med 2 mill fra 2021") or text states a
    figure, with the figures, in source order."""
    first, last = budget.period or (None, None)
    thousands = budget.header is not None and budget.header.unit == "tusen"
    found = []
    for entry in budget.entries:
        stated = tuple(Stated(f, f.years_in(first, last), prose)
                       for prose in (name_prose(entry.name, thousands=thousands), entry.prose) if prose is not None
                       for f in prose.figures)
        if stated:
            found.append((entry, stated))
    return tuple(found)


def stated_in(prose: Prose | None, budget: Budget) -> list[Stated]:
    """The figures of any text (a directive's, a section's, the header's), with their plan years."""
    if prose is None:
        return []
    first, last = budget.period or (None, None)
    return [Stated(f, f.years_in(first, last), prose) for f in prose.figures]


def written_as_stated(years: tuple[int, ...] | list[int], value: Decimal | None, stated: Stated) -> str:
    """A figure of a text written as amounts of its file: in kroner where the text gives kroner
    ("400 000 kroner"), in the file's unit otherwise (thousands in a file in `tusen`)."""
    return spell_amounts(years, value, stated.in_kroner, stated.unit)


def matches(stated: Stated, value: Decimal, tolerance: Decimal) -> bool:
    """The figure is `value` by one of its readings, within the tolerance, or within a tenth
    where the text says "ca."/"om lag" (`dsl.prose.APPROXIMATE`)."""
    if stated.figure.approximate:
        tolerance = max(tolerance, APPROXIMATE * stated.figure.amount)
    return any(close(value, r, tolerance) for r in stated.figure.readings)


def written_as_it_reads(name: Name) -> bool:
    """No escapes between the name's quotes, so that offsets into its text are offsets into the file."""
    return name.span.end - name.span.start == len(name.text) + 2


_DIGIT = re.compile(r"\d")


def name_prose(name: Name, digits: bool = True, thousands: bool = False) -> Prose | None:
    """A name read as a one-line text, where it is written as it reads (`written_as_it_reads`);
    with `digits`, only a name that has a digit (the others state no figure)."""
    if not written_as_it_reads(name) or (digits and not _DIGIT.search(name.text)):
        return None
    return Prose(name.text, name.span, block=False, thousands=thousands)


@lru_cache(maxsize=64)
def _line_starts(raw: str) -> list[int]:
    """Where each line of a text starts: a text of many figures places each without counting its
    lines again from the start (50 000 figures in one text took minutes)."""
    return [0, *(m.end() for m in _NEWLINE.finditer(raw))]


_NEWLINE = re.compile("\n")


def span_in(prose: Prose, start: int, end: int) -> Span:
    """The span in the file of `prose.raw[start:end]`."""
    quote = (prose.span.end - prose.span.start - len(prose.raw)) // 2  # 3 for a text block, 1 for a "string"
    first = prose.span.start + quote

    starts = _line_starts(prose.raw)

    def place(offset: int) -> tuple[int, int]:
        k = bisect_right(starts, offset) - 1  # the text's line that holds the offset
        if k == 0:
            return prose.span.line, prose.span.column + quote + offset
        return prose.span.line + k, offset - starts[k] + 1

    (line, column), (end_line, end_column) = place(start), place(end)
    return Span(line, column, end_line, end_column, first + start, first + end)


def close(a: Decimal, b: Decimal, tolerance: Decimal) -> bool:
    """Equal as magnitudes within the tolerance: prose never writes a sign."""
    return abs(abs(a) - abs(b)) <= tolerance


