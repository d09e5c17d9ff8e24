"""The typed, immutable model of a budget proposal.

Every node carries the `Span` of the text it was read from, so that rules,
the formatter and the editor server can point back at the source. Amounts are
`Decimal` millions of NOK, signed as the document writes them, whatever the
header's unit (a file in `unit tusen` is read as thousands and held as millions).

The nodes keep their fields in slots: a large file has hundreds of thousands of
them, and a slotted node is a third of the size of one with a `__dict__`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache, cached_property
from typing import Any, Literal, TypeVar, dataclass_transform

#: The longest period a plan may declare, or be inferred: an economic plan runs a few years.
MAX_PERIOD = 100

ENTRY_KINDS = ("item", "invest", "cover", "allocate", "draw", "loan")
EntryKind = Literal["item", "invest", "cover", "allocate", "draw", "loan"]
LinkKind = Literal["offset", "funds", "reallocates"]

#: Spending side of the operating balance, and its covering side.
SPEND_KINDS = frozenset({"item", "allocate"})
COVER_KINDS = frozenset({"cover", "draw"})


class _Node:
    """Equality, hashing and repr by the fields, in field order, as `dataclass` makes them,
    written once for every class of the model: `dataclass` compiles the three methods for
    each class anew, and the model's nineteen classes are defined at every run's start-up
    (about 4 ms of it). `__match_args__`, which `dataclass` sets, names the fields."""

    __slots__ = ()
    __match_args__: tuple[str, ...] = ()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(getattr(self, f) == getattr(other, f) for f in self.__match_args__)

    def __hash__(self) -> int:
        return hash(tuple(getattr(self, f) for f in self.__match_args__))

    def __repr__(self) -> str:
        fields = ", ".join(f"{f}={getattr(self, f)!r}" for f in self.__match_args__)
        return f"{self.__class__.__qualname__}({fields})"


_make_node = dataclass(frozen=True, slots=True, eq=False, repr=False)
_C = TypeVar("_C")


@dataclass_transform(frozen_default=True, eq_default=False)
def node(cls: type[_C]) -> type[_C]:
    """A class of the model: a frozen, slotted dataclass with the methods of `_Node`.
    (`dataclass_transform` tells type checkers what `dataclass(...)` through a name hides.)"""
    return _make_node(cls)


@dataclass(frozen=True, slots=True, init=False, eq=False, repr=False)
class Span(_Node):
    """A region of the source: 1-based lines and columns, end exclusive.

    `start` and `end` are character offsets into the decoded text. The span
    keeps `end` as its `length` from `start`: a large file has a million spans,
    and a length is a small number that Python shares, where every offset into
    a large text is an object of its own (about 20 MiB at 100 000 entries).
    """

    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    length: int

    def __init__(self, line: int, column: int, end_line: int, end_column: int, start: int = 0, end: int = 0):
        setattr = object.__setattr__
        setattr(self, "line", line)
        setattr(self, "column", column)
        setattr(self, "end_line", end_line)
        setattr(self, "end_column", end_column)
        setattr(self, "start", start)
        setattr(self, "length", end - start)

    @property
    def end(self) -> int:
        return self.start + self.length

    def contains(self, line: int, column: int) -> bool:
        if (line, column) < (self.line, self.column):
            return False
        return (line, column) < (self.end_line, self.end_column) or (
            line == self.end_line and column == self.end_column
        )


@node
class Name(_Node):
    """A quoted name and where it stands."""

    text: str
    span: Span


@node
class Number(_Node):
    """A single figure (heading amount, total, opening balance, cost)."""

    value: Decimal
    span: Span
    kroner: bool = False  # written in kroner in the source, e.g. `400 000 kr`


@node
class Amount(_Node):
    """The amount of one year; `value` is None where the year is named without a figure.

    A range is held as the amounts of its years within the period and ten years around
    it (`parser.RANGE_MARGIN`), and of its first and last year: `1000..9999=1` is a few
    dozen amounts, and its first and last amount say how it was written."""

    year: int
    value: Decimal | None
    span: Span
    kroner: bool = False
    ranged: bool = False  # came from a range such as 2022..2023=5
    unread: bool = False  # unknown because the text that names it could not be read (a syntax finding says so)


@node
class _ProseFields(_Node):
    """The fields of a `Prose`, in slots."""

    raw: str
    span: Span
    block: bool = True  # written as a """block"""; False for a one-line "string"
    thousands: bool = False  # in a file in `unit tusen`: a bare figure before a year is thousands of kroner


@cache
def _prose_reader():
    """`dsl.prose.read_figures`, imported when a rule first asks for figures (not at start-up), and
    once: an import statement run for each of 100 000 texts costs a fifth of a second."""
    from .prose import read_figures

    return read_figures


class Prose(_ProseFields):
    """The document's own text, as written between the quotes.

    A dataclass with the fields of `_ProseFields`, and slots that keep `text`
    and `figures` once they are asked for.
    """

    __slots__ = ("_text", "_figures")
    _text: str
    _figures: tuple[Any, ...]

    @property
    def figures(self):
        """The figures the prose states (`dsl.prose.read_figures` of `raw`), read once
        however many rules ask."""
        try:
            return self._figures
        except AttributeError:
            figures = tuple(_prose_reader()(self.raw, self.thousands))
            object.__setattr__(self, "_figures", figures)
            return figures

    @property
    def text(self) -> str:
        """The prose with its lines stripped and joined by newlines."""
        try:
            return self._text
        except AttributeError:
            lines = [ln.strip() for ln in self.raw.replace("\r", "").split("\n")]
            while lines and not lines[0]:
                lines.pop(0)
            while lines and not lines[-1]:
                lines.pop()
            text = "\n".join(lines)
            object.__setattr__(self, "_text", text)
            return text


@node
class Comment(_Node):
    """A comment and where it stands."""

    text: str  # including the leading '#'
    span: Span


@node
class Flag(_Node):
    """A present attribute without a value, e.g. `halfyear`."""

    span: Span


@node
class YearAttr(_Node):
    """A year given to an attribute, e.g. `until 2021`."""

    year: int
    span: Span


@node
class DateAttr(_Node):
    """A year, or a year and month (`2021-07`)."""

    year: int
    month: int | None
    span: Span


@node
class Sector(_Node):
    """A service area: its id, its name, and where it is declared."""

    id: str
    name: str
    span: Span | None = None  # None for the built-in areas


@node
class SectorRef(_Node):
    """A use of an area id, and where it stands."""

    id: str
    span: Span


@node
class Header(_Node):
    """The `budget` statement: the proposal's name, title, period, base, unit and text."""

    name: Name
    span: Span
    title: Name | None = None
    period: tuple[int, int] | None = None
    period_span: Span | None = None
    base: Name | None = None
    unit: str = "mill"
    unit_span: Span | None = None
    prose: Prose | None = None  # the document's own words on the whole plan: `text """..."""`


@node
class _EntryFields(_Node):
    """The fields of an `Entry`, in slots: a large file has a hundred thousand entries."""

    kind: EntryKind
    name: Name
    span: Span
    sector: SectorRef | None = None
    amounts: tuple[Amount, ...] = ()
    unquantified: Flag | None = None  # the bare `?`: named without any figure
    heading: Number | None = None
    halfyear: Flag | None = None
    permanent: Flag | None = None
    oneoff: Flag | None = None
    until: YearAttr | None = None
    trial: Flag | None = None
    evaluate: DateAttr | None = None
    continued: Flag | None = None
    ramp: Flag | None = None
    exempt: tuple[SectorRef, ...] = ()
    total: Number | None = None
    fund: Name | None = None  # the fund of `to "..."` (allocate) or `from "..."` (draw)
    fund_keyword: Literal["to", "from"] | None = None
    fund_clause: Span | None = None  # from the keyword to the end of the fund's name
    frees: Flag | None = None  # a loan change that frees operating room, amount not given
    prose: Prose | None = None


class Entry(_EntryFields):
    """An operating item, investment, coverage line, fund movement or borrowing change.

    A dataclass with the fields of `_EntryFields`, and a slot that keeps `by_year`
    once it is asked for (a slotted class has no room for `cached_property`).
    """

    __slots__ = ("_by_year",)
    _by_year: dict[int, Decimal | None]

    @property
    def direction(self) -> str | None:
        return {"allocate": "allocate", "draw": "draw"}.get(self.kind)

    def share_by_year(self, by_year: dict[int, Decimal | None]) -> None:
        """For the parser: `by_year` made once for all the entries whose amounts are
        written alike (their values are the same objects). Nobody changes it."""
        object.__setattr__(self, "_by_year", by_year)

    @property
    def by_year(self) -> dict[int, Decimal | None]:
        """Year -> amount (None where named without a figure); the last statement of a year wins.
        Shared between entries: read it, never change it."""
        try:
            return self._by_year
        except AttributeError:
            by_year = {a.year: a.value for a in self.amounts}
            object.__setattr__(self, "_by_year", by_year)
            return by_year

    @property
    def amount_by_year(self) -> dict[int, Amount]:
        """Year -> the `Amount` that states it, with its place; the last of a year wins, as in `by_year`.

        Made anew at each call, unlike `by_year`: few rules ask, once an entry, and a
        second dictionary kept for every entry costs 20 MiB at 100 000 entries."""
        return {a.year: a for a in self.amounts}

    @property
    def is_unquantified(self) -> bool:
        """True where the entry gives no figure for any year."""
        return all(a.value is None for a in self.amounts)

    def value(self, year: int) -> Decimal | None:
        return self.by_year.get(year)


@node
class Link(_Node):
    """An `offset`, `funds` or `reallocate` link between two named lines."""

    kind: LinkKind
    source: Name  # `from` in the export: the measure of an offset; the coverage or pot that funds
    target: Name  # `to`: the saving an offset causes; the use that is funded
    span: Span
    amounts: tuple[Amount, ...] = ()


@node
class Directive(_Node):
    """A verbal directive (verbal føring)."""

    name: Name
    span: Span
    sector: SectorRef | None = None
    cost: Literal["none", "unknown", "amount"] | None = None  # None: not stated
    cost_amount: Number | None = None  # `cost 8`: an estimate, millions a year
    cost_amounts: tuple[Amount, ...] = ()  # `cost 2022..2023=?`: the years it costs in
    cost_span: Span | None = None
    funded_by: Name | None = None
    prose: Prose | None = None


@node
class Fund(_Node):
    """A fund that allocations fill and draws draw on, with its opening balance."""

    name: Name
    span: Span
    opening: Number | None = None


@node
class Pot(_Node):
    """A named pot or source of money in the base budget, that funding can name."""

    name: Name
    span: Span
    sector: SectorRef | None = None
    prose: Prose | None = None


@node
class Section(_Node):
    """A heading of the document: groups what follows in the outline."""

    name: Name
    span: Span
    sector: SectorRef | None = None
    prose: Prose | None = None


#: The invisible format characters (Unicode's category Cf: soft hyphen, zero-width spaces and
#: joiners, bidi controls, byte-order mark, tag characters), as one pattern: a category lookup
#: for each character of every name costs a second at 100 000 names.
INVISIBLE = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]")


_BMP_PART, _, _ASTRAL_PART = INVISIBLE.pattern.partition("\U000110bd")  # the pattern's ranges below and above U+FFFF
_INVISIBLE_BMP = re.compile(_BMP_PART + "]")
_INVISIBLE_ASTRAL = re.compile("[\U000110bd" + _ASTRAL_PART)
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def holds_invisible(text: str) -> bool:
    """Whether `INVISIBLE` finds a character in `text`: a whole file read in C, twice as fast as
    the pattern, whose ranges outside the Basic Multilingual Plane slow it at every character
    (1.2 to 0.6 ms on the proposal). Those are looked for only where such characters are."""
    if text.isascii():
        return False
    if _INVISIBLE_BMP.search(text):
        return True
    return _ASTRAL.search(text) is not None and _INVISIBLE_ASTRAL.search(text) is not None


def name_key(text: str) -> str:
    """A name as it is compared: in NFC, without invisible format characters (`INVISIBLE`:
    zero-width spaces and joiners, bidi controls, soft hyphens) and without surrounding white
    space. Case is kept: names that differ by case are reported (STR012) but are different names."""
    if text.isascii():
        return text.strip()
    if INVISIBLE.search(text):
        text = INVISIBLE.sub("", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text.strip()


class Names(dict[str, Any]):
    """Name -> statement, looked up by `name_key`: a link to `"Skole\u200b"` finds `"Skole"`.
    The keys are the names as compared."""

    __slots__ = ()

    def __getitem__(self, name: str):
        return super().__getitem__(name_key(name))

    def get(self, name: str, default=None):
        return super().get(name_key(name), default)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and super().__contains__(name_key(name))

    def setdefault(self, name: str, value: Any = None) -> Any:
        return super().setdefault(name_key(name), value)


@node
class Sum(_Node):
    """A sum row that the document prints (`sum "Sum drift" item 2020=5.65`): the sum of the
    lines of `kinds` in its section, or in the whole plan where `plan` is given or no section
    comes before it."""

    name: Name
    span: Span
    kinds: tuple[EntryKind, ...]
    kinds_span: Span
    amounts: tuple[Amount, ...] = ()
    plan: Flag | None = None


Statement = Header | Sector | Fund | Pot | Section | Entry | Directive | Link | Sum

BUILTIN_SECTORS: tuple[Sector, ...] = (
    Sector("oppvekst", "Oppvekst"),
    Sector("arbeid", "Arbeid og sosial"),
    Sector("helse", "Helse og eldre"),
    Sector("kultur", "Kultur, idrett og friluftsliv"),
    Sector("miljø", "Miljø og næring"),
    Sector("areal", "Areal og samferdsel"),
    Sector("finans", "Finans og organisasjon"),
)


@dataclass(frozen=True)
class Budget:
    """A whole proposal: its statements in source order, and its comments."""

    statements: tuple[Statement, ...] = ()
    comments: tuple[Comment, ...] = ()
    text: str = field(default="", repr=False, compare=False)

    @cached_property
    def header(self) -> Header | None:
        return next((s for s in self.statements if isinstance(s, Header)), None)

    @property
    def declared_period(self) -> tuple[int, int] | None:
        """The header's `period`; None where the file declares none."""
        return self.header.period if self.header else None

    @cached_property
    def named_years(self) -> tuple[int, int] | None:
        """The first and last year the file gives an amount (or `?`) for, ranges included:
        of its entries, links, sums and directives' costs. None where it names no year."""
        years = [a.year for s in self.statements
                 for a in (s.cost_amounts if isinstance(s, Directive)
                           else s.amounts if isinstance(s, (Entry, Link, Sum)) else ())]
        return (min(years), max(years)) if years else None

    @property
    def inferred_period(self) -> tuple[int, int] | None:
        """Where no period is declared: `named_years`, if they span at most `MAX_PERIOD` years."""
        if self.declared_period is not None or self.named_years is None:
            return None
        first, last = self.named_years
        return (first, last) if last - first + 1 <= MAX_PERIOD else None

    @property
    def period(self) -> tuple[int, int] | None:
        """The years of the plan: the declared period, else the inferred one (STR015)."""
        return self.declared_period or self.inferred_period

    @property
    def period_span(self) -> Span:
        """Where the findings on a plan year stand: the header's `period`, else the header,
        else (no header) the start of the first statement, where a header would go."""
        header = self.header
        if header is not None:
            return header.period_span or header.span
        first = self.statements[0].span if self.statements else None
        if first is None:
            return Span(1, 1, 1, 1)
        return Span(first.line, first.column, first.line, first.column + 1, first.start, first.start + 1)

    @property
    def years(self) -> range:
        """The years of the plan (`period`); empty where none is declared or inferred."""
        if not self.period:
            return range(0)
        return range(self.period[0], self.period[1] + 1)

    @cached_property
    def declared_sectors(self) -> tuple[Sector, ...]:
        return tuple(s for s in self.statements if isinstance(s, Sector))

    @cached_property
    def sectors(self) -> dict[str, Sector]:
        """Built-in areas, then declared ones (a declaration renames a built-in)."""
        result = {s.id: s for s in BUILTIN_SECTORS}
        result.update({s.id: s for s in self.declared_sectors})
        return result

    @cached_property
    def entries(self) -> tuple[Entry, ...]:
        return tuple(s for s in self.statements if isinstance(s, Entry))

    @cached_property
    def links(self) -> tuple[Link, ...]:
        return tuple(s for s in self.statements if isinstance(s, Link))

    @cached_property
    def directives(self) -> tuple[Directive, ...]:
        return tuple(s for s in self.statements if isinstance(s, Directive))

    @cached_property
    def funds(self) -> tuple[Fund, ...]:
        return tuple(s for s in self.statements if isinstance(s, Fund))

    @cached_property
    def pots(self) -> tuple[Pot, ...]:
        return tuple(s for s in self.statements if isinstance(s, Pot))

    @cached_property
    def sections(self) -> tuple[Section, ...]:
        return tuple(s for s in self.statements if isinstance(s, Section))

    @cached_property
    def sums(self) -> tuple[Sum, ...]:
        return tuple(s for s in self.statements if isinstance(s, Sum))

    @cached_property
    def named(self) -> Names:
        """Name -> the first entry, directive, fund or pot of that name (compared by `name_key`)."""
        result = Names()
        for s in self.statements:
            if isinstance(s, (Entry, Directive, Fund, Pot)):
                result.setdefault(s.name.text, s)
        return result

    @cached_property
    def entry_by_name(self) -> Names:
        """Name -> the first entry of that name (compared by `name_key`)."""
        result = Names()
        for e in self.entries:
            result.setdefault(e.name.text, e)
        return result
