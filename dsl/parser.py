"""Parse budsjett text into the model.

The whole file is parsed in one LALR pass with the transformer built into the
parser, so no parse tree is kept. Where that pass fails, the text is split into
statements (every statement starts on its own line with its keyword) and each
is parsed alone: every syntax error of the file is reported, and everything
around the errors still reaches the rules.
"""

from __future__ import annotations

import contextlib
import dataclasses
import decimal
import functools
import itertools
import re
import sys
from _thread import allocate_lock  # `threading.Lock` itself, without importing `threading`
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from .model import (
    BUILTIN_SECTORS,
    ENTRY_KINDS,
    MAX_PERIOD,
    Amount,
    Budget,
    Comment,
    DateAttr,
    Directive,
    Entry,
    Flag,
    Fund,
    Header,
    Link,
    Name,
    Number,
    Pot,
    Prose,
    Section,
    Sector,
    SectorRef,
    Span,
    Statement,
    Sum,
    YearAttr,
)
from . import _lark_runtime as _runtime
from .problems import Problem

if TYPE_CHECKING:
    from lark import Lark

# `_runtime` is lark's stand-alone parser for `budsjett.lark`, generated into the package
# (`generate.py`): its classes are lark's, without importing lark.
if TYPE_CHECKING:
    class Token(str):
        """lark's Token as our lexer makes it: every position is set (lark's own types say
        Optional, for lexers configured without positions)."""

        type: str
        value: Any
        line: int
        column: int
        end_line: int
        end_column: int
        start_pos: int
        end_pos: int

    class UnexpectedCharacters(Exception):
        """lark's UnexpectedCharacters, as our lexer raises it: with its place."""

        line: int
        column: int
        pos_in_stream: int
        state: Any
        allowed: set[str]
else:
    Token = _runtime.Token
    UnexpectedCharacters = _runtime.UnexpectedCharacters
Transformer = _runtime.Transformer
UnexpectedEOF = _runtime.UnexpectedEOF
UnexpectedInput = _runtime.UnexpectedInput
UnexpectedToken = _runtime.UnexpectedToken
VisitError = _runtime.VisitError

#: Keywords that start a statement; recovery resumes at a line that starts with one.
STATEMENT_KEYWORDS = frozenset(
    "budget area fund pot section item invest cover allocate draw loan directive offset funds reallocate sum".split()
)
ENTRY_ATTRIBUTES = ("heading", "halfyear", "permanent", "oneoff", "until", "trial", "evaluate", "continued",
                    "ramp", "exempt", "total", "to", "from", "frees", "text")
#: The words that may follow a statement's name, by its keyword (as in `budsjett.lark`); shared by the
#: parser's messages, the highlighter and the editor's completion.
ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "budget": ("title", "period", "base", "unit", "text"),
    "fund": ("opening",),
    "pot": ("text",),
    "section": ("text",),
    "directive": ("cost", "funded-by", "text"),
    "sum": ("plan",),
    **{kind: ENTRY_ATTRIBUTES for kind in ENTRY_KINDS},
}
MIN_YEAR, MAX_YEAR = 1000, 9999
#: Years a range is expanded into beyond the period, each side; further years are not held (see `Amount`).
RANGE_MARGIN = 10
#: Where no period is known, a range is expanded into at most this many years from its first.
RANGE_WITHOUT_PERIOD = 2 * RANGE_MARGIN

#: Amounts are kept exactly or refused: never rounded, never overflowing.
_EXACT = decimal.Context(prec=28, traps=[decimal.Inexact, decimal.Overflow, decimal.InvalidOperation])
_MILLION = Decimal(1_000_000)
_THOUSAND = Decimal(1_000)
#: The units a header may give: the figures of a file are millions of NOK, or thousands in `tusen`.
UNITS = ("mill", "tusen", "kr")
#: An amount is below 10**15 million NOK and has at most 8 decimals (øre), so that any sum of up to
#: 100 000 of them still fits the 28 digits of Python's default decimal context exactly.
_DIGITS, _PLACES = 15, 8
_OERE = Decimal(1).scaleb(-_PLACES)


def fits(value: Decimal) -> bool:
    """Whether an amount in millions can be written in a file: below 10**15, to whole øre (8 decimals)."""
    return value.is_finite() and (not value or (value.adjusted() < _DIGITS and value.quantize(_OERE) == value))
#: Control characters other than the tab: names may not hold them, and messages show them escaped.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")
_NUMBER_RE = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?")
_YEAR_RE = re.compile(r"\d{4}")
#: One int object for each year: every amount holds its year, and a large file has a few
#: hundred thousand amounts over a handful of years.
_YEARS: dict[int, int] = {}
_KRONER_RE = re.compile(r"(-?)(\d{1,3}(?: \d{3})+|\d+) ?kr")


class ParseResult(NamedTuple):
    """What reading a text gives: the model, and the syntax problems found in it."""

    budget: Budget
    problems: tuple[Problem, ...]


class _Invalid(Exception):
    """A value that lexed but does not make sense; becomes a SYN problem."""

    def __init__(self, code: str, message: str, span: Span, hint: str | None = None):
        super().__init__(message)
        self.problem = Problem(code, message, span, hint)


def _span(first: Token, last: Token, line_offset: int, pos_offset: int) -> Span:
    if not (line_offset or pos_offset):
        # The tokens' own numbers: tokens on one line share their line's number,
        # so a large file's spans do not each hold copies of it.
        return Span(first.line, first.column, last.end_line, last.end_column, first.start_pos, last.end_pos)
    return Span(
        first.line + line_offset,
        first.column,
        last.end_line + line_offset,
        last.end_column,
        first.start_pos + pos_offset,
        last.end_pos + pos_offset,
    )


def _first_token(item) -> Token:
    return item if isinstance(item, Token) else item[2][0]


def _last_token(item) -> Token:
    return item if isinstance(item, Token) else item[2][1]


def _kept(callback):
    """An attribute callback whose bad value (`until 20x3`) is reported without dropping its line."""
    def kept(self, c):
        try:
            return callback(self, c)
        except _Invalid as exc:
            return ("invalid", exc.problem, (c[0], c[-1]))

    kept.__name__ = callback.__name__
    return kept


class _Builder(Transformer):
    """Builds model nodes as the parser reduces; spans are shifted by the offsets
    of the statement being parsed (zero when the whole file is parsed at once)."""

    def __init__(self) -> None:
        super().__init__()
        self.line_offset = 0
        self.pos_offset = 0
        self.problems: list[Problem] = []
        self.values: dict[str, tuple] = {}  # amounts as written -> as read (`read_amount`); one file's worth
        self.by_year: dict[tuple[str, ...], dict] = {}  # an entry's amounts as written -> its `by_year`
        self.window: tuple[int, int] | None = None  # the years ranges are expanded into (`range_years`)
        self.in_unit = "mill"  # the header's unit: figures of a file in `tusen` are read as thousands
        self.read_as: set[tuple] = set()  # the (window, unit) pairs figures and ranges were read with
        self.areas: set[str] = set()  # the area ids known so far in this text (`_close_quote`)

    # -- helpers ---------------------------------------------------------
    def span(self, first: Token, last: Token | None = None) -> Span:
        return _span(first, last or first, self.line_offset, self.pos_offset)

    def name(self, tok: Token) -> Name:
        text = tok.value[1:-1]
        bad = CONTROL_CHARACTERS.search(text)
        if bad:  # a NUL or an escape in a heading is damage, not a name as written
            span = self.span(tok)
            at = bad.start() + 1
            raise _Invalid("SYN001", f"control character U+{ord(bad.group()):04X} in a name",
                           Span(span.line, span.column + at, span.line, span.column + at + 1,
                                span.start + at, span.start + at + 1),
                           "remove it; names are the document's headings as written")
        return Name(text, self.span(tok))

    def number(self, tok: Token) -> Number:
        span = self.span(tok)
        value, kroner = self.value(tok.value, span)
        return Number(value, span, kroner)

    def value(self, raw: str, span: Span) -> tuple[Decimal, bool]:
        m = _KRONER_RE.fullmatch(raw)
        if not m and not _NUMBER_RE.fullmatch(raw):
            hint = "write millions with a decimal point, e.g. 3.5 or -45, or kroner as 400 000 kr"
            if raw == "":
                raise _Invalid("SYN003", "the amount is missing", span, "write a figure, or ? where the document gives none")
            raise _Invalid("SYN003", f"{_found(raw)} is not an amount", span, hint)
        # Decimal() is exact whatever the digits, and adjusted() is the power of ten of the first
        # digit; the bounds make the 28 digits of the context enough for amounts and their sums.
        kroner = Decimal(m.group(1) + m.group(2).replace(" ", "")) if m else None
        exact = Decimal(raw) if kroner is None else kroner
        if exact and exact.adjusted() - (6 if kroner is not None else 0) >= _DIGITS:
            raise _Invalid("SYN003", f"{_found(raw)} is larger than an amount can be", span,
                           f"amounts are millions of NOK, with at most {_DIGITS} digits before the point")
        exponent = exact.as_tuple().exponent  # an int: the figure is finite (`_NUMBER_RE`)
        if isinstance(exponent, int) and exponent < -_PLACES:
            raise _Invalid("SYN003", f"{_found(raw)} has more decimals than an amount can have", span,
                           f"amounts are millions of NOK, with at most {_PLACES} decimals (whole øre)")
        if kroner is not None:
            return _EXACT.add(_EXACT.divide(kroner, _MILLION), 0), True
        self.read_as.add((self.window, self.in_unit))
        if self.in_unit == "tusen":
            return _EXACT.add(_EXACT.divide(exact, _THOUSAND), 0), False
        return _EXACT.add(exact, 0), False  # adding 0 turns -0 into 0

    def year(self, raw: str, span: Span) -> int:
        if not _YEAR_RE.fullmatch(raw):
            raise _Invalid("SYN004", f"{_found(raw)} is not a year", span, "years have four digits, e.g. 2021")
        return int(raw)

    def amounts(self, tok: Token) -> list[Amount]:
        span = self.span(tok)
        # A budget repeats its amounts (`2020..2023=1`): read each once, and share the
        # years and the Decimal between the lines that write it.
        known = self.values.get(tok.value)
        if known is None:
            seen = len(self.problems)
            known = self.read_amount(tok.value, span)
            if len(self.problems) == seen:  # a bad amount is reported at each place it is written
                self.values[tok.value] = known
        years, value, kroner, ranged = known
        unread = value is None and tok.value.partition("=")[2] != "?"  # a bad figure (reported), not a `?`
        return [Amount(year, value, span, kroner, ranged, unread) for year in years]

    def read_amount(self, text: str, span: Span) -> tuple[tuple[int, ...], Decimal | None, bool, bool]:
        years, _, raw = text.partition("=")
        first, dots, last = years.partition("..")
        y1 = self.year(first, span)
        y2 = self.year(last, span) if dots else y1
        if y2 < y1:  # reported; its years and figure are plain, and are read (the line stays)
            self.problems.append(Problem("SYN004", f"the range {y1}..{y2} runs backwards", span, f"write {y2}..{y1}"))
            y1, y2 = y2, y1
        if raw == "?":
            value, kroner = None, False
        else:
            try:
                value, kroner = self.value(raw, span)
            except _Invalid as exc:  # a bad figure: the year counts as unknown (as `?`), the line stays
                self.problems.append(exc.problem)
                value, kroner = None, False
        return tuple(_YEARS.setdefault(y, y) for y in self.range_years(y1, y2)), value, kroner, bool(dots)

    def range_years(self, y1: int, y2: int):
        """The years a range `y1..y2` is held as: those within the period and `RANGE_MARGIN` years
        around it, and its first and last year (so that it is written back as it was written).
        Years far from the plan cost nothing: `1000..9999=1` is a handful of amounts, not 9 000."""
        if y1 == y2:
            return (y1,)
        self.read_as.add((self.window, self.in_unit))
        if self.window is None:
            lo, hi = y1, y1 + RANGE_WITHOUT_PERIOD
        else:
            lo, hi = self.window[0] - RANGE_MARGIN, self.window[1] + RANGE_MARGIN
        inner = range(max(y1, lo), min(y2, hi) + 1)
        if len(inner) == y2 - y1 + 1:
            return inner
        return sorted({y1, y2, *inner})

    def twice(self, key: str, value, toks, fields: dict, twice: dict) -> None:
        """An attribute given twice (SYN006): reported, and the line stays. The same value twice
        is kept once; two different values make that attribute unknown, not the line: it is left
        out (a directive's two costs make its cost `?`)."""
        self.problems.append(Problem("SYN006", f"`{_KEYWORD.get(key, key)}` is given twice", self.span(*toks),
                                     "keep one of them"))
        if key not in twice:  # the value given first, as the fields hold it
            names = _FIELDS.get(key)
            twice[key] = _essence(tuple(fields.get(f) for f in names) if names else fields.get(key))
        if twice[key] != _essence(value):
            for field in _FIELDS.get(key, (key,)):
                fields.pop(field, None)
            if key == "cost":  # two costs: it costs, by an amount not known
                fields.update(cost="unknown", cost_amount=None, cost_amounts=(), cost_span=value[3])

    # -- header ----------------------------------------------------------
    def start(self, children):
        return children

    def budget(self, c):
        fields = {}
        for item in c[2:]:
            key, value, _ = item
            fields[key] = value
        period = fields.get("period")
        return Header(
            name=self.name(c[1]),
            span=self.span(c[0], _last_token(c[-1])),
            title=fields.get("title"),
            period=period[0] if period else None,
            period_span=period[1] if period else None,
            base=fields.get("base"),
            unit=fields["unit"][0] if "unit" in fields else "mill",
            unit_span=fields["unit"][1] if "unit" in fields else None,
            prose=fields.get("prose"),
        )

    def title(self, c):
        return ("title", self.name(c[1]), (c[0], c[1]))

    def base(self, c):
        return ("base", self.name(c[1]), (c[0], c[1]))

    def period(self, c):
        span = self.span(c[0], c[3])
        y1, y2 = self.year(str(c[1]), self.span(c[1])), self.year(str(c[3]), self.span(c[3]))
        # A period that cannot be a plan's is reported, and the header stays without it: the file is
        # checked for the years it names (as without a period), and nothing says the header is missing.
        if y2 < y1:
            self.problems.append(Problem("SYN004", f"the period {y1}..{y2} runs backwards", span,
                                         f"write period {y2}..{y1}"))
            return ("period", (None, span), (c[0], c[3]))
        if y2 - y1 + 1 > MAX_PERIOD:
            self.problems.append(Problem("SYN008", f"the period {y1}..{y2} spans {y2 - y1 + 1} years; a plan spans at "
                                         f"most {MAX_PERIOD}", span,
                                         "write the years of the economic plan, e.g. period 2020..2023"))
            return ("period", (None, span), (c[0], c[3]))
        if self.window != (y1, y2):
            self.window = (y1, y2)
            self.values.clear()  # amounts read so far were expanded for another window
            self.by_year.clear()
        return ("period", ((y1, y2), span), (c[0], c[3]))

    def unit(self, c):
        unit = str(c[1])
        span = self.span(c[1])
        if unit not in UNITS:
            raise _Invalid("SYN005", f"unknown unit {_found(unit)}", span,
                           "the unit is `mill` (millions of NOK), `tusen` (thousands of NOK) or `kr`")
        if unit != self.in_unit:
            self.in_unit = unit
            self.values.clear()  # amounts read so far were read in another unit
            self.by_year.clear()
        return ("unit", (unit, span), (c[0], c[1]))

    # -- declarations ------------------------------------------------------
    def area(self, c):
        self.areas.add(str(c[1]))
        return Sector(str(c[1]), self.name(c[2]).text, self.span(c[0], c[2]))

    def fund(self, c):
        opening = c[2][1] if len(c) > 2 else None
        return Fund(self.name(c[1]), self.span(c[0], _last_token(c[-1])), opening)

    def opening(self, c):
        return ("opening", self.number(c[1]), (c[0], c[1]))

    def _named_with_text(self, cls, c):
        sector = prose = None
        for item in c[2:]:
            if isinstance(item, Token):
                sector = SectorRef(str(item), self.span(item))
            else:
                prose = item[1]
        return cls(name=self.name(c[1]), span=self.span(c[0], _last_token(c[-1])), sector=sector, prose=prose)

    def pot(self, c):
        return self._named_with_text(Pot, c)

    def section(self, c):
        return self._named_with_text(Section, c)

    # -- entries -----------------------------------------------------------
    def entry(self, c):
        fields: dict = {}
        twice: dict = {}  # attributes given twice, with their first value
        amounts: list[Amount] = []
        written: list[str] = []
        rest = c[2:]
        if rest and type(rest[0]) is Token and rest[0].type == "IDENT":
            fields["sector"] = SectorRef(sys.intern(rest[0].value), self.span(rest[0]))
            rest = rest[1:]
        unplaced = later = False  # a figure for a year not read; an end (`until`) not read
        for item in rest:
            if type(item) is Token:  # AMOUNT
                try:
                    amounts += self.amounts(item)
                except _Invalid as exc:  # `202=3`: a figure for some year; the line stays
                    self.problems.append(exc.problem)
                    unplaced = True
                written.append(item.value)
                continue
            key, value, toks = item
            if key == "invalid":  # an attribute whose value is not read (`until 20x3`): the line stays
                self.problems.append(value)
                later = later or toks[0].value == "until"
                continue
            if key in twice or key in fields:
                self.twice(key, value, toks, fields, twice)
                continue
            if key == "fund":
                fields["fund"], fields["fund_keyword"], fields["fund_clause"] = value
            else:
                fields[key] = value
        entry = Entry(sys.intern(c[0].value), self.name(c[1]), self.span(c[0], _last_token(c[-1])),
                      amounts=tuple(amounts), **fields)
        if (unplaced or later) and self.window is not None:
            entry = _unknown_after(entry, self.window, every=unplaced)
            written.append("?")  # not shared with a line that reads alike without it
        if amounts:  # entries whose amounts are written alike share one `by_year` (a large file has many)
            key = tuple(written)
            shared = self.by_year.get(key)
            if shared is None:
                self.by_year[key] = entry.by_year  # made by the entry, as for any other
            else:
                entry.share_by_year(shared)
        return entry

    def unquantified(self, c):
        return ("unquantified", Flag(self.span(c[0])), (c[0], c[0]))

    @staticmethod
    def _flag(key: str):  # a factory for the callbacks below
        def callback(self, c):
            return (key, Flag(self.span(c[0])), (c[0], c[0]))

        return callback

    halfyear = _flag("halfyear")
    permanent = _flag("permanent")
    oneoff = _flag("oneoff")
    trial = _flag("trial")
    continued = _flag("continued")
    ramp = _flag("ramp")
    frees = _flag("frees")
    del _flag

    @_kept
    def heading(self, c):
        return ("heading", self.number(c[1]), (c[0], c[1]))

    @_kept
    def total(self, c):
        return ("total", self.number(c[1]), (c[0], c[1]))

    @_kept
    def until(self, c):
        span = self.span(c[0], c[1])
        return ("until", YearAttr(self.year(str(c[1]), self.span(c[1])), span), (c[0], c[1]))

    @_kept
    def evaluate(self, c):
        span = self.span(c[0], c[1])
        year, _, month = str(c[1]).partition("-")
        y = self.year(year, self.span(c[1]))
        m = None
        if month:
            if not re.fullmatch(r"\d{1,2}", month) or not 1 <= int(month) <= 12:
                raise _Invalid("SYN004", f"{_found(str(c[1]))} is not a date", self.span(c[1]), "write a year, or a year and month such as 2021-07")
            m = int(month)
        return ("evaluate", DateAttr(y, m, span), (c[0], c[1]))

    def exempt(self, c):
        return ("exempt", tuple(SectorRef(str(t), self.span(t)) for t in c[1:]), (c[0], c[-1]))

    def to(self, c):
        return ("fund", (self.name(c[1]), "to", self.span(c[0], c[1])), (c[0], c[1]))

    def from_(self, c):
        return ("fund", (self.name(c[1]), "from", self.span(c[0], c[1])), (c[0], c[1]))

    def text(self, c):
        tok = c[1]
        raw = tok.value[3:-3] if tok.type == "PROSE" else tok.value[1:-1]
        self.read_as.add((self.window, self.in_unit))  # a text of a file in `tusen` is read in thousands
        return ("prose", Prose(raw, self.span(tok), tok.type == "PROSE", self.in_unit == "tusen"), (c[0], c[1]))

    # -- directives --------------------------------------------------------
    def directive(self, c):
        fields: dict = {}
        rest = c[2:]
        if rest and isinstance(rest[0], Token) and rest[0].type == "IDENT":
            fields["sector"] = SectorRef(str(rest[0]), self.span(rest[0]))
            rest = rest[1:]
        twice: dict = {}
        for key, value, toks in rest:
            if key in twice or key in fields:
                self.twice(key, value, toks, fields, twice)
                continue
            if key == "cost":
                fields["cost"], fields["cost_amount"], fields["cost_amounts"], fields["cost_span"] = value
            else:
                fields[key] = value
        return Directive(name=self.name(c[1]), span=self.span(c[0], _last_token(c[-1])), **fields)

    def cost(self, c):
        span = self.span(c[0], c[-1])
        tok = c[1]
        if tok == "none":
            value = ("none", None, (), span)
        elif tok == "?":
            value = ("unknown", None, (), span)
        elif tok.type == "AMOUNT":
            amounts = tuple(a for t in c[1:] for a in self.amounts(t))
            known = any(a.value is not None for a in amounts)
            value = ("amount" if known else "unknown", None, amounts, span)
        else:
            value = ("amount", self.number(tok), (), span)
        return ("cost", value, (c[0], c[-1]))

    def funded_by(self, c):
        return ("funded_by", self.name(c[1]), (c[0], c[1]))

    # -- printed sums ----------------------------------------------------------
    def sum(self, c):
        kinds: list[Token] = []
        amounts: list[Amount] = []
        plan = None
        for item in c[2:]:
            if type(item) is not Token:
                plan = item
            elif item.type == "ENTRY_KIND":
                if item.value in (k.value for k in kinds):  # the same kind twice: reported, counted once
                    self.problems.append(Problem("SYN006", f"`{item.value}` is given twice", self.span(item),
                                                 "keep one of them"))
                    continue
                kinds.append(item)
            else:
                amounts += self.amounts(item)
        return Sum(self.name(c[1]), self.span(c[0], c[-1]), tuple(sys.intern(k.value) for k in kinds),
                   self.span(kinds[0], kinds[-1]), tuple(amounts), plan)

    def sum_plan(self, c):
        return Flag(self.span(c[0]))

    # -- links ---------------------------------------------------------------
    def link(self, c):
        kind = {"offset": "offset", "funds": "funds", "reallocate": "reallocates"}[str(c[0])]
        amounts: list[Amount] = []
        for tok in c[4:]:
            amounts.extend(self.amounts(tok))
        return Link(kind, self.name(c[1]), self.name(c[3]), self.span(c[0], c[-1]), tuple(amounts))


_FIELDS = {"fund": ("fund", "fund_keyword", "fund_clause"), "cost": ("cost", "cost_amount", "cost_amounts", "cost_span")}


def _essence(value):
    """A value as the model reads it, without the places it is written at: two `heading 10`
    are the same, `heading 10` and `heading 12` are not."""
    if isinstance(value, Span):
        return None
    if isinstance(value, tuple):
        return tuple(_essence(v) for v in value)
    if dataclasses.is_dataclass(value):
        return (type(value).__name__, *(_essence(getattr(value, f.name)) for f in dataclasses.fields(value)
                                        if f.name not in ("span", "line")))
    return value


_KEYWORD = {"fund": "to/from", "prose": "text", "funded_by": "funded-by", "unquantified": "?"}

_lock = allocate_lock()
_parser: Lark | None = None
_builder: _Builder | None = None
_comments: list[Token] = []


def _get_parser() -> tuple[Lark, _Builder]:
    """The parser and its builder, made once; call with `_lock` held."""
    global _parser, _builder
    if _parser is None:
        builder = _Builder()
        _parser = _runtime.Lark_StandAlone(transformer=builder, lexer_callbacks={"COMMENT": _comments.append})
        _builder = builder
    assert _builder is not None
    return _parser, _builder


def normalize_newlines(text: str) -> str:
    """Turn lone CRs into LFs, keeping every offset; CRLF stays as it is."""
    if "\r" not in text:
        return text
    return re.sub(r"\r(?!\n)", "\n", text)


def prepared(text: str) -> str:
    """The text as the parser reads it, every offset kept: lone CRs as LFs, a BOM as white space."""
    text = normalize_newlines(text)
    if text.startswith("\ufeff"):
        text = " " + text[1:]
    return text


def parse(text: str) -> ParseResult:
    """Parse decoded text. Never raises on bad input: problems are returned."""
    text = prepared(text)
    with _lock:
        parser, builder = _get_parser()
        try:
            result = _parse_once(text, parser, builder, None, "mill")
            header = result.budget.header
            final = (result.budget.period, header.unit if header is not None else "mill")
            if builder.read_as - {final}:
                # A figure or a range came before the header's unit or period (or the header was
                # not read, or the period is inferred from the years the file names): read the text
                # again knowing them, so that every figure is read alike. A range keeps its first and
                # last year however it was read, so the inferred period is the same on the second read.
                result = _parse_once(text, parser, builder, *final)
            return result
        finally:  # what the builder shared within this text is not kept for the next
            builder.window, builder.in_unit = None, "mill"
            builder.read_as.clear()


def _parse_once(text: str, parser: Lark, builder: _Builder, window: tuple[int, int] | None,
                unit: str) -> ParseResult:
    builder.line_offset = builder.pos_offset = 0
    builder.window, builder.in_unit = window, unit
    builder.read_as.clear()
    try:
        return _parse(text, parser, builder)
    finally:
        _comments.clear()
        builder.values.clear()
        builder.by_year.clear()


def _parse(text: str, parser: Lark, builder: _Builder) -> ParseResult:
    """`parse`, with the parser's lock held: the whole text at once, else statement by statement."""
    builder.problems.clear()
    builder.areas = {s.id for s in BUILTIN_SECTORS}
    try:
        whole = _read(parser, text)
        comments = tuple(_comment(t, 0, 0) for t in _comments)
        return ParseResult(Budget(tuple(whole), comments, text), tuple(builder.problems))
    except (UnexpectedInput, VisitError, _Invalid):
        builder.problems.clear()  # read again below, statement by statement
    statements, problems = _recover(text, split_statements(text), parser, builder)
    return ParseResult(Budget(tuple(statements), tuple(_scan_comments(text)), text), tuple(problems))


def _recover(text: str, chunks: list[tuple[int, int, int]], parser: Lark,
             builder: _Builder) -> tuple[list[Statement], list[Problem]]:
    """The statements and problems of the `chunks` of `text` (`split_statements`), each read by
    itself, every syntax error reported and what is around it kept."""
    statements: list[Statement] = []
    problems: list[Problem] = []
    work = list(reversed(chunks))
    while work:
        start, end, line = work.pop()
        builder.line_offset, builder.pos_offset = line - 1, start
        builder.problems.clear()
        try:
            statements.extend(_read_from(parser, builder, text[start:end], None)[0])
            problems.extend(builder.problems)  # bad amounts read as unknown in a statement that stands
        except UnexpectedInput as exc:
            at = _error_offset(exc, start)
            line_start = text.rfind("\n", start, at) + 1 if at > start else start
            if line_start > start and not text[line_start:at]:
                # The statement broke where a new line began at its first column: keep
                # what came before, and read from that line on by itself. Both parts are
                # strictly smaller than the chunk, so the work list runs out.
                work.append((line_start, end, line + text.count("\n", start, line_start)))
                work.append((start, line_start, line))
                continue
            tok: Any = getattr(exc, "token", None)  # lines inside the token it stopped at (a text block) are its
            past = start + tok.end_pos if isinstance(exc, UnexpectedToken) and tok.end_pos is not None else at
            after = _FIRST_COLUMN.search(text, max(past, at, start), end)
            if after is not None:
                # An indented line is the statement's own, and is read around below; a
                # line from the first column on is not: it is read by itself.
                work.append((after.start() + 1, end, line + text.count("\n", start, after.start() + 1)))
                work.append((start, after.start() + 1, line))
                continue
            # The rest of the chunk belongs to the broken statement: one
            # problem for it, and go on with the next statement.
            problems.append(_syntax_problem(exc, parser, text, text[start:end], line - 1, start))
            kept, more = _read_around(text, start, end, exc, parser, builder, getattr(exc, "place", None))
            statements.extend(kept)
            problems.extend(more)
        except _Invalid as exc:
            problems.append(exc.problem)
    return statements, problems


@contextlib.contextmanager
def _reading_chunks(window: tuple[int, int] | None, unit: str):
    """The parser and its builder, with the parser's lock held, set to read chunks of a text whose
    plan years and unit are known (as `parse` reads a text the second time); what the builder
    shared or found is let go afterwards, as `parse` lets it go."""
    with _lock:
        parser, builder = _get_parser()
        builder.window, builder.in_unit = window, unit
        builder.problems.clear()
        try:
            yield parser, builder
        finally:
            _comments.clear()
            builder.values.clear()
            builder.by_year.clear()
            builder.problems.clear()
            builder.line_offset = builder.pos_offset = 0
            builder.window, builder.in_unit = None, "mill"
            builder.read_as.clear()


def read_statements(chunk: str, start: int, line: int, window: tuple[int, int] | None,
                    unit: str) -> tuple[tuple[Statement, ...], tuple[Comment, ...]] | None:
    """The statements and comments of `chunk`, whole statements that stand at offset `start` and
    line `line` of a text read with the plan years `window` and the unit `unit` (as `parse` reads a
    text the second time, knowing them); None where the chunk does not read without a problem."""
    with _reading_chunks(window, unit) as (parser, builder):
        builder.line_offset, builder.pos_offset = line - 1, start
        try:
            statements = _read(parser, chunk)
        except (UnexpectedInput, VisitError, _Invalid):
            return None
        if builder.problems:
            return None
        return tuple(statements), tuple(_comment(t, line - 1, start) for t in _comments)


def recover_statements(text: str, chunks: list[tuple[int, int, int]], window: tuple[int, int] | None, unit: str,
                       areas: set[str]) -> tuple[tuple[Statement, ...], tuple[Problem, ...]]:
    """The statements and problems of some of the chunks of `text` (`split_statements`), read as
    `parse` reads a text that does not read whole, knowing the plan years `window`, the unit `unit`
    and the `areas` declared before the chunks."""
    with _reading_chunks(window, unit) as (parser, builder):
        builder.areas = set(areas)
        statements, problems = _recover(text, chunks, parser, builder)
        return tuple(statements), tuple(problems)


def scan_comments(text: str) -> tuple[Comment, ...]:
    """The comments of a text that does not read whole, as `parse` finds them."""
    return tuple(_scan_comments(text))


def _read(parser: Lark, text: str) -> list[Statement]:
    """The statements of `text`: the parser's transformer (`_Builder`) makes them, where lark's own
    types know only of trees."""
    return cast("list[Statement]", parser.parse(text))


class _Place(NamedTuple):
    """Where a reading of a statement stood before a token: the parser's stacks after the last token
    it took, that token, and how many problems the builder had said. The lexer reads each token from
    the text alone (lark's `basic` lexer), and the parser's state after a token depends only on the
    tokens before it, so a text that differs only after that token reads on from here exactly as it
    would from its start."""

    states: list
    values: list
    last: Any  # the last token taken (None: none yet)
    problems: int


@functools.lru_cache(maxsize=2)
def _machinery(parser: Lark) -> tuple[Any, Any]:
    """The parser's table with its callbacks, and its lexer: what each reading of `_read_from` starts from,
    as `parser.parse_interactive` makes them, made once."""
    interactive = parser.parse_interactive("")
    return interactive.parser_state.parse_conf, interactive.lexer_thread.lexer


def _read_from(parser: Lark, builder: _Builder, chunk: str, at: _Place | None) -> tuple[list, _Place | None]:
    """`_read(parser, chunk)`, from `at` on where given (the chunk's text before `at.last`'s end as
    when `at` was taken). Raises as `_read` does; an `UnexpectedInput` carries `place`, where the
    reading stood before the token it stopped at."""
    conf, basic = _machinery(parser)
    lexer = _runtime.LexerThread(basic, _runtime.LexerState(_runtime.TextSlice(chunk, 0, len(chunk))))
    state = _runtime.ParserState(conf, lexer)
    assert lexer.state is not None
    last = None
    if at is not None:
        state.state_stack[:], state.value_stack[:], last = at.states, at.values, at.last
        counter = lexer.state.line_ctr
        counter.char_pos, counter.line, counter.column = last.end_pos, last.end_line, last.end_column
        counter.line_start_pos = last.end_pos - last.end_column + 1
        lexer.state.last_token = last
        del builder.problems[at.problems:]
    place = at
    try:
        for token in lexer.lex(state):
            place = _Place(list(state.state_stack), list(state.value_stack), last, len(builder.problems))
            state.feed_token(token)
            last = token
        place = _Place(list(state.state_stack), list(state.value_stack), last, len(builder.problems))
        token_type: Any = _runtime.Token  # lark's Token, which the type checker sees as a str
        end = token_type.new_borrow_pos("$END", "", last) if last is not None else token_type("$END", "", 0, 1, 1)
        return cast("list", state.feed_token(end, True)), place
    except UnexpectedInput as exc:
        if isinstance(exc, UnexpectedCharacters):  # the lexer stopped: the parser took every token before
            place = _Place(list(state.state_stack), list(state.value_stack), last, len(builder.problems))
        exc.place = place  # type: ignore[attr-defined]
        raise


#: A line that starts at its first column with something other than white space.
_FIRST_COLUMN = re.compile(r"\n[^ \t\r\n]")
#: How many unreadable pieces of one statement are passed over before it is read as junk from the first on.
_CUTS = 16
#: A name never closed is closed before a figure among the first words after its quote.
_NAME_WORDS = 64
_WORDS = re.compile(r"\S+")
_YEAR_IN = re.compile(r"(?<!\d)(\d{4})(?:\.\.(\d{4}))?(?!\d)")
_LETTERS = re.compile(r"[^\W\d_]{2,20}")
#: Attributes that carry a line into the later years: a misspelling of one leaves those years unknown.
_LASTING = ("permanent", "ramp")


def _read_around(text: str, start: int, end: int, exc: UnexpectedInput, parser: Lark,
                 builder: _Builder, place: _Place | None = None) -> tuple[list, list[Problem]]:
    """A statement broken by input the grammar does not take (`item "A" oppvekst 2020=3.5 halfyer
    2021=7`, a second name, `2023 = 7`, a name never closed): read again with each unreadable piece
    blanked out (offsets stay), so that its name, area and readable amounts count, as far as
    `_kept_where_cut` trusts them. A name never closed is closed before its line's first figure
    (`_close_quote`). Returns the statement and the problems of the reading that stood (bad
    amounts, attributes given twice); nothing where none stands. The syntax problem itself is the
    caller's: one for the statement. Each reading goes on from `place`, where the last one stood
    before the token it stopped at (`_read_from`), where the piece cut is after it: a statement of
    many pieces is read once, not once a piece."""
    chunk = text[start:end]
    if not _STATEMENT_START.match(chunk):  # junk before any statement: nothing to read around
        return [], []
    original, first = chunk, None  # the chunk as it was at the first piece passed over, and where that is
    cuts: list[str] = []
    for attempt in range(_CUTS + 1):
        resume = None  # a reading that the piece cut leaves as it was, to go on from
        pos = _error_offset(exc, 0)
        if pos < 0:  # the statement ends too early: its last word is the unreadable piece
            last = _last_word(exc)
            if last is None:
                break
            pos = last
        unclosed = isinstance(exc, UnexpectedCharacters) and chunk.startswith('"', pos)
        if unclosed and chunk[max(0, pos - 2) : pos] == '""':
            pos -= 2  # a text block never closed, read as far as `""`
        if attempt == _CUTS:  # so many pieces: junk, from the first on, whatever of it the grammar takes
            cuts = [original[first:]]
            chunk = original[:first] + _blank(original[first:])
        elif unclosed and not chunk.startswith('"""', pos) and not _AFTER_TEXT.search(chunk, 0, pos) \
                and (closed := _close_quote(chunk, pos, builder.areas)) is not None:
            chunk = closed
        else:  # the piece; a quote never closed: the rest of its line
            keyword = None if unclosed else _keyword_without_value(exc)
            if keyword is not None:  # `heading evaluate 2020-01`: the piece is `heading`
                pos, cut_end = keyword
            else:
                cut_end = _line_end(chunk, pos) if unclosed else _piece_end(chunk, pos, exc)
            if first is None:
                original, first = chunk, pos
            cuts.append(chunk[pos:cut_end])
            chunk = chunk[:pos] + _blank(chunk[pos:cut_end]) + chunk[cut_end:]
            if place is not None and place.last is not None and place.last.end_pos <= pos:
                resume = place  # the text up to the piece is as it was: read on from before it
        if resume is None:
            builder.problems.clear()
        try:
            parsed, _ = _read_from(parser, builder, chunk, resume)
        except UnexpectedInput as again:
            exc, place = _detached(again), getattr(again, "place", None)
            continue
        except (VisitError, _Invalid):
            break
        if len(parsed) != 1:
            break
        kept = _kept_where_cut(parsed[0], cuts, builder.window)
        return ([kept], list(builder.problems)) if kept is not None else ([], [])
    builder.problems.clear()
    return [], []


def _detached(exc: UnexpectedInput) -> UnexpectedInput:
    """The exception without its traceback and the exception it was raised in (lark's `KeyError`),
    to be kept beyond its `except`: their frames lead back to the frame that keeps it, a cycle that
    only the collector frees, and `check` runs with the collector paused (about 16 KB kept for
    every broken statement: a check of 50 000 of them peaked at 918 MB, and now at 242 MB)."""
    exc.__traceback__ = exc.__context__ = exc.__cause__ = None
    return exc


#: A quote after `text` opens the line's text, not a name: where it is never closed, the rest of the line is it.
_AFTER_TEXT = re.compile(r"(?<![\w-])text[ \t]*$")


def _blank(piece: str) -> str:
    """The piece as spaces, its line breaks kept: what follows keeps its line and column."""
    return "\n".join(" " * len(part) for part in piece.split("\n"))


def _line_end(chunk: str, pos: int) -> int:
    eol = chunk.find("\n", pos)
    return len(chunk) if eol < 0 else eol


def _piece_end(chunk: str, pos: int, exc: UnexpectedInput | None) -> int:
    """Where the unreadable piece at `pos` ends: the token the parser did not take, else the word."""
    tok = getattr(exc, "token", None)
    if isinstance(exc, UnexpectedToken) and tok is not None and tok.type != "$END" and tok.start_pos == pos:
        return tok.end_pos
    word = _WORDS.match(chunk, pos)
    return max(word.end() if word else pos, pos + 1)


def _keyword_without_value(exc: UnexpectedInput) -> tuple[int, int] | None:
    """Where the keyword the parser took last is, where the word after it is not its value
    (`heading evaluate 2020-01`, `until permanent`): that keyword is the piece to pass over, so
    that the word after it is read as what it is."""
    if not isinstance(exc, UnexpectedToken):
        return None
    try:
        last = exc.state.value_stack[-1]
    except (AttributeError, IndexError):
        return None
    if isinstance(last, Token) and last.type not in ("STRING", "IDENT", "AMOUNT", "NUMBER", "PROSE") \
            and last.value in _WITH_VALUE and last.start_pos is not None:
        return last.start_pos, last.end_pos
    return None


#: The words followed by a value of their own.
_WITH_VALUE = frozenset({"heading", "until", "evaluate", "total", "to", "from", "text", "exempt", "cost",
                         "funded-by", "title", "base", "unit", "period", "opening"})


def _last_word(exc: UnexpectedInput) -> int | None:
    """Where the last word the parser took starts, when the statement ended before it was complete
    (`until` with no year): that word is the unreadable piece."""
    try:
        last = exc.state.value_stack[-1]
    except (AttributeError, IndexError):
        return None
    if isinstance(last, Token) and last.type not in ("ENTRY_KIND", "STRING", "IDENT") and last.start_pos is not None:
        return last.start_pos
    return None


def _keyword_left_without_value(exc: UnexpectedInput) -> Token | None:
    """The keyword the parser took last, where it still waits for that keyword's value (`heading`
    with no figure after it); None otherwise."""
    try:
        last = exc.state.value_stack[-1]
    except (AttributeError, IndexError):
        return None
    if isinstance(last, Token) and str(last) in _WITH_VALUE and last.type not in ("STRING", "IDENT", "PROSE"):
        return last
    return None


def _close_quote(chunk: str, pos: int, areas: set[str]) -> str | None:
    """The chunk with the name whose quote at `pos` is never closed closed where its figures
    begin, or before the area id that stands just before them: `item "Kutt i innkjøp oppvekst
    2020=1` reads as `"Kutt i innkjøp"oppvekst 2020=1`. None where no figure follows on the line
    (then the line states nothing to count)."""
    eol = _line_end(chunk, pos)
    words = list(itertools.islice(_WORDS.finditer(chunk, pos + 1, eol), _NAME_WORDS))
    figure = next((i for i, w in enumerate(words) if _FIGURE.match(w.group())), None)
    if not figure:  # none, or no word of the name before it
        return None
    if figure > 1 and words[figure - 1].group() in areas:
        figure -= 1
    space = words[figure].start() - 1  # the space before that word
    return chunk[:space] + '"' + chunk[space + 1 :]


_FIGURE = re.compile(r"-?\d+(?:\.\.-?\d+)?=|\?$")


def _kept_where_cut(statement, cuts: list[str], window: tuple[int, int] | None):
    """A statement read with unreadable pieces passed over, as far as it can be trusted: an entry
    with the years they name unknown (`_unknown_where_cut`); a directive whose cost may be other
    than read (a piece holds a figure) costs `?`; the header, and any statement whose pieces hold
    no figure, as read. A link, sum, fund or area with a figure not read is not kept: an
    amount-less `funds` would promise all of its source."""
    if isinstance(statement, Entry):
        return _unknown_where_cut(statement, cuts, window)
    if isinstance(statement, Header) or not any(_DIGIT.search(piece) for piece in cuts):
        return statement
    if isinstance(statement, Directive):
        if statement.cost != "amount":
            return statement
        return dataclasses.replace(statement, cost="unknown", cost_amount=None,
                                   cost_amounts=tuple(dataclasses.replace(a, value=None) for a in statement.cost_amounts))
    return None


_DIGIT = re.compile(r"\d")


def _unknown_where_cut(entry: Entry, cuts: list[str], window: tuple[int, int] | None) -> Entry:
    """The entry with the years its unreadable pieces name unknown, and its later plan years too
    where a piece reads like a word that carries a line on (`permanet`) and nothing else says how
    it ends."""
    named: set[int] = set()
    for first, last in {m for piece in cuts for m in _YEAR_IN.findall(piece)}:  # megabytes of junk: few distinct
        first, last = int(first), int(last or first)
        if window is not None:
            first, last = max(first, window[0]), min(last, window[1])
        named.update(range(first, min(last, first + MAX_PERIOD) + 1))
    stated = {a.year for a in entry.amounts if a.year not in named}
    lasting = not (entry.permanent or entry.ramp or entry.oneoff or entry.until) \
        and any(_reads_like(word, _LASTING) for piece in cuts for word in _LETTERS.findall(piece[:200]))
    if window is not None and stated and (lasting or "until" in cuts):  # or where it ends was not read
        named.update(y for y in range(max(stated) + 1, window[1] + 1) if y not in stated)
    if not named:
        return entry
    kept = tuple(a for a in entry.amounts if a.year not in named)
    return _with_unknown(entry, kept, named)


def _with_unknown(entry: Entry, kept: tuple[Amount, ...], years) -> Entry:
    """The entry with `kept` and the `years` unknown, at its name, in year order (so that no rule
    on how amounts are written takes them for written ones)."""
    unknown = tuple(Amount(_YEARS.setdefault(y, y), None, entry.name.span, unread=True) for y in years)
    return dataclasses.replace(entry, amounts=tuple(sorted(kept + unknown, key=lambda a: a.year)))


def _unknown_after(entry: Entry, window: tuple[int, int], every: bool) -> Entry:
    """The entry with its plan years it does not state unknown: `every` one, else those after the
    last it states (where its end, `until`, could not be read)."""
    stated = {a.year for a in entry.amounts}
    first = window[0] if every or not stated else max(stated) + 1
    missing = [y for y in range(first, window[1] + 1) if y not in stated]
    return _with_unknown(entry, entry.amounts, missing) if missing else entry


@functools.lru_cache(maxsize=4096)  # the same few misspellings recur in megabytes of junk
def _reads_like(word: str, words: tuple[str, ...]) -> bool:
    import difflib  # only for a text with syntax problems: it costs every run start-up time

    return bool(difflib.get_close_matches(word.lower(), words, n=1, cutoff=0.75))



def _error_offset(exc: UnexpectedInput, chunk_start: int) -> int:
    if isinstance(exc, UnexpectedCharacters):
        return chunk_start + exc.pos_in_stream
    tok = getattr(exc, "token", None)
    if tok is None or tok.type == "$END":
        return -1
    return chunk_start + tok.start_pos


_COMMENT_SCAN = re.compile(r'"""[\s\S]*?"""|"[^"\n]*"|#[^\r\n]*')


def _scan_comments(text: str):
    line = 1
    last = 0
    for m in _COMMENT_SCAN.finditer(text):
        if m.group().startswith("#"):
            line += text.count("\n", last, m.start())
            last = m.start()
            col = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
            body = m.group()
            yield Comment(body, Span(line, col, line, col + len(body), m.start(), m.start() + len(body)))


def _comment(tok: Token, line_offset: int, pos_offset: int) -> Comment:
    return Comment(str(tok), _span(tok, tok, line_offset, pos_offset))


_PROSE_QUOTES = re.compile(r'"""|"[^"\n]*"|#')
#: A line that starts a statement: its first word is a keyword, as the lexer reads it.
_STATEMENT_START = re.compile(r"[ \t\ufeff]*(?:%s)(?![\w-])" % "|".join(sorted(STATEMENT_KEYWORDS)))


def split_statements(text: str) -> list[tuple[int, int, int]]:
    """Split text into (start, end, first line) chunks, one statement each.

    A chunk starts at a line whose first word is a statement keyword, outside a
    \"\"\"text\"\"\" block. Lines before the first keyword form a chunk of their own.
    An unterminated text block ends at the next keyword line after it opened,
    so that one missing quote does not swallow the rest of the file. One pass,
    and at most one more over the lines after an unterminated block (which
    hold no quotes that could open another).
    """
    lines = text.split("\n")
    offsets = [0]
    for ln in lines:
        offsets.append(offsets[-1] + len(ln) + 1)
    starts = [0]  # the line index where each chunk starts
    in_prose, opened = False, -1
    i = 0
    while i < len(lines):
        if not in_prose and i != starts[-1] and _STATEMENT_START.match(lines[i]):
            starts.append(i)
        was_in_prose = in_prose
        if '"' in lines[i]:  # a line without quotes leaves a block as it was (most lines)
            in_prose = _prose_state_after(lines[i], in_prose)
        if in_prose and (not was_in_prose or '"""' in lines[i]):
            opened = i  # the block still open was opened on this line
        i += 1
        if i == len(lines) and in_prose:
            resume = next((j for j in range(opened + 1, len(lines)) if _STATEMENT_START.match(lines[j])), None)
            if resume is not None:
                in_prose, i = False, resume
    ends = [offsets[s] for s in starts[1:]] + [len(text)]
    chunks = [(offsets[s], end, s + 1) for s, end in zip(starts, ends)]
    return [c for c in chunks if text[c[0] : c[1]].strip()]


def _prose_state_after(line: str, in_prose: bool) -> bool:
    """Whether a \"\"\" block is open after this line."""
    pos = 0
    while True:
        if in_prose:
            close = line.find('"""', pos)
            if close < 0:
                return True
            pos, in_prose = close + 3, False
            continue
        m = _PROSE_QUOTES.search(line, pos)
        if m is None or m.group() == "#":
            return False
        pos, in_prose = m.end(), m.group() == '"""'


# -- syntax errors in words ----------------------------------------------------

_TERMINAL_WORDS = {
    "STRING": "a quoted name",
    "PROSE": 'a """text""" block',
    "AMOUNT": "an amount such as 2020=3.5",
    "NUMBER": "a number",
    "IDENT": "an area id",
    "ENTRY_KIND": "an entry keyword",
    "LINK_OFFSET": "`offset`",
    "LINK_FUNDS": "`funds`",
    "LINK_REALLOCATE": "`reallocate`",
    "$END": "the end of the file",
}
_ATTRIBUTES = frozenset(a for words in ATTRIBUTES.values() for a in words)


def _expected(exc: UnexpectedInput) -> set[str]:
    """The terminals the parser could have taken where it stopped.

    Taken from the parser's table: the lexer reads every terminal everywhere,
    so its own list says nothing about the place.
    """
    state: Any = getattr(exc, "state", None)
    try:
        return {name for name in state.parse_conf.states[state.position] if name.isupper()}
    except (AttributeError, KeyError, IndexError):
        return set(getattr(exc, "expected", None) or getattr(exc, "allowed", None) or ())


#: What a number is after these words (the grammar reads years and dates as numbers, and checks them after).
_NUMBER_AFTER = {
    "period": "a year",
    "..": "a year",
    "until": "a year",
    "evaluate": "a year or a year and month such as 2021-07",
}


def _after(exc: UnexpectedInput) -> str | None:
    """The word just before the place where the parser stopped."""
    try:
        last = exc.state.value_stack[-1]
    except (AttributeError, IndexError):
        return None
    return last.value if isinstance(last, Token) else None


def _in_sum(exc: UnexpectedInput) -> str | None:
    """Where in a `sum` statement the parser stopped: "kinds" before its amounts (where an entry
    keyword is a kind of line it sums, not a new statement), "amounts" among them, else None."""
    try:
        stack = exc.state.value_stack
    except AttributeError:
        return None
    place = "kinds"
    for t in reversed(stack):  # the statement being read, back to its keyword
        if isinstance(t, _runtime.Tree):
            t = t.children
        if isinstance(t, Token):
            if t.type == "SUM":
                return place
            if t.type == "AMOUNT":
                place = "amounts"
            elif t.value in STATEMENT_KEYWORDS and t.type != "ENTRY_KIND":
                return None
        elif isinstance(t, (list, tuple)):
            if any(isinstance(x, Token) and x.type == "AMOUNT" for x in t):
                place = "amounts"
        else:
            return None  # a statement already read
    return None


def _describe_expected(expected: set[str], parser: Lark, after: str | None = None, in_sum: str | None = None) -> str:
    """In words, what the parser could have taken (`_expected`): the same few places recur in a file of
    many broken statements, so each is worded once per parser."""
    return _described(frozenset(expected), parser, after, in_sum)


@functools.lru_cache(maxsize=1024)
def _described(expected: frozenset[str], parser: Lark, after: str | None, in_sum: str | None) -> str:
    if in_sum == "amounts":  # the amounts of a sum are read as a directive's cost's are: keep what a sum may take
        expected = frozenset({name for name in expected if name in ("AMOUNT", "ENTRY_KIND", "$END") or name.startswith("LINK_")})
    words: list[str] = []
    attrs: list[str] = []
    statement = False
    for name in sorted(expected):
        if name == "$END" and len(expected) > 1:
            continue  # where a new statement may start, the file may end: no need to say so
        if name == "ENTRY_KIND" and in_sum == "kinds":
            words.append("the kind of lines it sums (`item`, `invest`, `cover`, `allocate`, `draw` or `loan`)")
            continue
        if name == "ENTRY_KIND" or name.startswith("LINK_"):
            statement = True
            continue
        if name == "NUMBER" and after in _NUMBER_AFTER:
            words.append(_NUMBER_AFTER[after])
            continue
        if name in _TERMINAL_WORDS:
            words.append(_TERMINAL_WORDS[name])
            continue
        try:
            pattern = parser.get_terminal(name).pattern
        except KeyError:  # pragma: no cover
            continue
        word = pattern.value if pattern.type == "str" else name.lower()
        if word in STATEMENT_KEYWORDS:
            statement = True
        elif word in _ATTRIBUTES:
            attrs.append(word)
        else:
            words.append(f"`{word}`")
    parts = list(dict.fromkeys(words))
    if len(attrs) > 4:
        parts.append("an attribute")
    else:
        parts.extend(f"`{a}`" for a in attrs)
    if statement:
        parts.append("a new statement")
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " or " + parts[-1]


def _found(text: str) -> str:
    """Input as a message quotes it: shortened, with control characters made visible."""
    shown = text if len(text) <= 30 else text[:27] + "..."
    return "`" + "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode() for ch in shown) + "`"


def _syntax_problem(exc: UnexpectedInput, parser: Lark, text: str, chunk: str, line_offset: int, pos_offset: int) -> Problem:
    if isinstance(exc, UnexpectedCharacters):
        pos = exc.pos_in_stream + pos_offset
        ch = chunk[exc.pos_in_stream]
        span = Span(exc.line + line_offset, exc.column, exc.line + line_offset, exc.column + 1, pos, pos + 1)
        if ch == '"':
            at = exc.pos_in_stream
            if chunk.startswith('"""', at) or chunk[max(0, at - 2) : at] == '""':
                at = at if chunk.startswith('"""', at) else at - 2
                col = exc.column - (exc.pos_in_stream - at)
                span = Span(span.line, col, span.line, col + 3, at + pos_offset, at + 3 + pos_offset)
                return Problem("SYN002", 'this """text block is never closed', span, 'close it with """')
            what = "text" if _AFTER_TEXT.search(chunk, 0, exc.pos_in_stream) else "name"
            return Problem("SYN002", f"this quoted {what} is never closed", span, 'close it with " on the same line')
        if ch == "\x00" or (not ch.isprintable() and ch not in "\t"):
            found = f"control character U+{ord(ch):04X}"
        else:
            found = _found(_word_at(chunk, exc.pos_in_stream))
        expected = _describe_expected(_expected(exc), parser, _after(exc), _in_sum(exc))
        message = f"unexpected {found}" + (f"; expected {expected}" if expected else "")
        return Problem("SYN001", message, span, _hint_for(_rest_of_line(chunk, exc.pos_in_stream)))
    assert isinstance(exc, (UnexpectedToken, UnexpectedEOF))
    tok = getattr(exc, "token", None)
    expected = _describe_expected(_expected(exc), parser, _after(exc), _in_sum(exc))
    if tok is None or tok.type == "$END":
        # Point just past the last thing written in the statement.
        stripped = _strip_comments(chunk).rstrip()
        end = len(stripped)
        line = line_offset + chunk.count("\n", 0, end) + 1
        col = end - (chunk.rfind("\n", 0, end) + 1) + 1
        span = Span(line, col, line, col, end + pos_offset, end + pos_offset)  # an empty place: nothing is there
        found = "end of the statement"
    elif (keyword := _keyword_left_without_value(exc)) is not None and keyword.end_line < tok.line:
        # `heading` at the end of its line, and the next line goes on with the statement: the
        # value is missing on the keyword's line, not wrong on the next one.
        end = keyword.end_pos
        line = line_offset + keyword.end_line
        span = Span(line, keyword.end_column, line, keyword.end_column, end + pos_offset, end + pos_offset)
        found = f"end of the line after `{keyword}`"
    else:
        span = _span(tok, tok, line_offset, pos_offset)
        found = _found(str(tok))
    message = f"unexpected {found}" + (f"; expected {expected}" if expected else "")
    if tok is not None and tok.type == "PROSE" and not found.startswith("end of the line"):
        lines = str(tok).count("\n") + 1
        message = f'unexpected text block of {lines} line{"s" * (lines != 1)}' + (f"; expected {expected}" if expected else "")
        return Problem("SYN001", message, span,
                       'a text block follows `text` and runs from one """ to the next: is a """ missing or extra?')
    rest = _rest_of_line(chunk, tok.start_pos) if tok is not None and tok.type != "$END" else ""
    return Problem("SYN001", message, span, _hint_for(rest))


def _strip_comments(chunk: str) -> str:
    out = []
    for ln in chunk.split("\n"):
        in_string = False
        for i, ch in enumerate(ln):
            if ch == '"':
                in_string = not in_string
            elif ch == "#" and not in_string:
                ln = ln[:i]
                break
        out.append(ln)
    return "\n".join(out)


def _rest_of_line(text: str, pos: int) -> str:
    end = text.find("\n", pos)
    return text[pos : end if end >= 0 else len(text)]


def _word_at(text: str, pos: int) -> str:
    m = re.compile(r"\S+").match(text, pos)
    return m.group() if m else text[pos : pos + 1]


def _hint_for(found: str) -> str | None:
    if re.match(r"-?\d+(\.\.-?\d+)?\s*=", found) or re.match(r"\d+\s+=", found):
        return "write amounts without spaces around `=`, e.g. 2020=3.5"
    if re.match(r"-?\d+,\d+", found):
        return "use a decimal point in amounts: 3.5, not 3,5"
    return None
