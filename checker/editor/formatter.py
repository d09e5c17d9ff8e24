"""The canonical layout of a budsjett file, written from the model.

`format_text(text)` parses the text, writes every statement anew from its
model node, and puts each comment back beside what it comments:

- every statement is cut into *pieces*, one a token group of the source
  (`item "Name"`, `oppvekst`, `2020=3.5`, `heading 3.5`, a text block), each
  knowing where its last token ended in the source;
- a trailing comment belongs to the piece of the last token before it on its
  line, and stays at the end of the output line of that piece;
- an own-line comment belongs to the piece of the next token, and stays on a
  line of its own just before it (before the statement, when that piece is the
  statement's first);
- the pieces are laid out in the canonical order (see "Formatting" in
  `docs/language.md`); a comment forces a line break where it needs one.

The result is parsed again and compared with the original, apart from spans:
a formatter that would change a figure or lose a comment raises
`FormatterError` instead of returning text.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ...dsl import parse
from ...dsl.model import (
    Amount,
    Budget,
    Comment,
    Directive,
    Entry,
    Fund,
    Header,
    Link,
    Number,
    Pot,
    Prose,
    Section,
    Sum,
    Sector,
    Span,
    Statement,
)
from ...dsl.problems import Problem
from ...dsl.written import Written, spell_in_unit, spell_kroner, tokens, year_order
from ..config import FormatOptions

#: Flags and attributes of an entry, in the order the formatter writes them (the
#: order of the attribute table in docs/language.md).
_ENTRY_FLAGS = ("halfyear", "ramp", "permanent", "oneoff")
_LINK_WORDS = {"offset": ("offset", "<->"), "funds": ("funds", "->"), "reallocates": ("reallocate", "->")}


class SyntaxErrors(Exception):
    """The text has syntax errors: it is not formatted."""

    def __init__(self, problems: tuple[Problem, ...]):
        super().__init__(f"{len(problems)} syntax error(s)")
        self.problems = problems


class FormatterError(Exception):
    """The formatter would have changed the meaning or lost a comment: a bug, never written."""


# -- comparing models -----------------------------------------------------------


def meaning(node: object) -> object:
    """A model node as plain data without spans, for comparing two parses.

    Amounts are compared in year order (stably, so that a year given twice
    still counts the figure written last): the order they were written in is
    layout. Text blocks are compared by their text, each line stripped, as the
    rules read them. Comments are left out: see `comment_texts`.
    """
    if isinstance(node, Budget):
        return meaning(node.statements)
    if isinstance(node, Span):
        return None
    if isinstance(node, Prose):
        return ("Prose", node.text)
    if dataclasses.is_dataclass(node):
        return (type(node).__name__,) + tuple(
            (f.name, meaning(getattr(node, f.name))) for f in dataclasses.fields(node) if f.compare)
    if isinstance(node, tuple):
        if node and all(isinstance(a, Amount) for a in node):
            node = tuple(sorted(node, key=lambda a: a.year))
        return tuple(meaning(x) for x in node)
    return node


def comment_texts(budget: Budget) -> Counter[str]:
    """Every comment's text, without the spaces and tabs that ended its line."""
    return Counter(c.text.rstrip(" \t") for c in budget.comments)


# -- pieces ------------------------------------------------------------------------


@dataclass(eq=False)
class _Piece:
    text: str  # a text block runs over several lines, indented relative to its own line
    end: int  # source offset just past its last token
    role: str = "attr"  # lead, area, unknown, amount or attr: their place in an aligned head line
    first_year: int = 0  # of an amount
    before: list[Comment] = field(default_factory=list)  # own-line comments just before it
    after: str | None = None  # the trailing comment after it


# A statement as logical lines: the head line, then its attribute lines.
_Lines = list[list[_Piece]]


class _Layout:
    """Turns model nodes into pieces, in the canonical order."""

    def __init__(self, budget: Budget, options: FormatOptions):
        self.src = budget.text
        self.step = " " * options.indent
        self.comment_at_end = {c.span.end: c for c in budget.comments}
        self.unit = budget.header.unit if budget.header is not None else "mill"

    def statement(self, s: Statement) -> _Lines:
        if isinstance(s, Header):
            return self.header(s)
        if isinstance(s, Sector):
            assert s.span is not None
            return [[_Piece(f'area {s.id} "{s.name}"', s.span.end, "lead")]]
        if isinstance(s, Fund):
            head = [self.lead("fund", s.name)]
            if s.opening is not None:
                head.append(_Piece(f"opening {self.number(s.opening)}", s.opening.span.end))
            return [head]
        if isinstance(s, (Pot, Section)):
            keyword = "pot" if isinstance(s, Pot) else "section"
            return [[self.lead(keyword, s.name)] + self.area(s.sector), self.prose(s.prose)]
        if isinstance(s, Entry):
            return self.entry(s)
        if isinstance(s, Directive):
            return self.directive(s)
        if isinstance(s, Sum):
            head = [self.lead("sum", s.name), _Piece(" ".join(s.kinds), s.kinds_span.end)]
            if s.plan is not None:
                head.append(_Piece("plan", s.plan.span.end))
            return [head + self.amounts(s.amounts)]
        assert isinstance(s, Link)
        keyword, arrow = _LINK_WORDS[s.kind]
        head = [self.lead(keyword, s.source), _Piece(f'{arrow} "{s.target.text}"', s.target.span.end, "lead")]
        return [head + self.amounts(s.amounts)]

    def header(self, h: Header) -> _Lines:
        lines = [[self.lead("budget", h.name)]]
        if h.title is not None:
            lines.append([_Piece(f'title "{h.title.text}"', h.title.span.end)])
        if h.period is not None and h.period_span is not None:
            lines.append([_Piece(f"period {h.period[0]}..{h.period[1]}", h.period_span.end)])
        if h.base is not None:
            lines.append([_Piece(f'base "{h.base.text}"', h.base.span.end)])
        if h.unit_span is not None:
            lines.append([_Piece(f"unit {h.unit}", h.unit_span.end)])
        lines.append(self.prose(h.prose))
        return lines

    def entry(self, e: Entry) -> _Lines:
        head = [self.lead(e.kind, e.name)] + self.area(e.sector)
        if e.unquantified is not None:
            head.append(_Piece("?", e.unquantified.span.end, "unknown"))
        head += self.amounts(e.amounts)
        attrs: list[_Piece] = []
        if e.heading is not None:
            attrs.append(_Piece(f"heading {self.number(e.heading)}", e.heading.span.end))
        for name in _ENTRY_FLAGS:
            flag = getattr(e, name)
            if flag is not None:
                attrs.append(_Piece(name, flag.span.end))
        if e.until is not None:
            attrs.append(_Piece(f"until {e.until.year}", e.until.span.end))
        if e.trial is not None:
            attrs.append(_Piece("trial", e.trial.span.end))
        if e.evaluate is not None:
            ev = e.evaluate
            date = f"{ev.year}-{ev.month:02d}" if ev.month else str(ev.year)
            attrs.append(_Piece(f"evaluate {date}", ev.span.end))
        if e.continued is not None:
            attrs.append(_Piece("continued", e.continued.span.end))
        if e.exempt:
            attrs.append(_Piece("exempt " + " ".join(s.id for s in e.exempt), e.exempt[-1].span.end))
        if e.total is not None:
            attrs.append(_Piece(f"total {self.number(e.total)}", e.total.span.end))
        if e.fund is not None:
            attrs.append(_Piece(f'{e.fund_keyword} "{e.fund.text}"', e.fund.span.end))
        if e.frees is not None:
            attrs.append(_Piece("frees", e.frees.span.end))
        return [head, attrs, self.prose(e.prose)]

    def directive(self, d: Directive) -> _Lines:
        head = [self.lead("directive", d.name)] + self.area(d.sector)
        if d.cost is not None and d.cost_span is not None:
            if d.cost_amounts:
                cost = " ".join(f"{w.years}={self.value(w)}" for w in year_order(tokens(d.cost_amounts)))
            elif d.cost == "amount" and d.cost_amount is not None:
                cost = self.number(d.cost_amount)
            else:
                cost = "none" if d.cost == "none" else "?"
            head.append(_Piece(f"cost {cost}", d.cost_span.end))
        attrs = []
        if d.funded_by is not None:
            attrs.append(_Piece(f'funded-by "{d.funded_by.text}"', d.funded_by.span.end))
        return [head, attrs, self.prose(d.prose)]

    # -- the parts -------------------------------------------------------------

    def lead(self, keyword: str, name) -> _Piece:
        return _Piece(f'{keyword} "{name.text}"', name.span.end, "lead")

    def area(self, sector) -> list[_Piece]:
        return [] if sector is None else [_Piece(sector.id, sector.span.end, "area")]

    def amounts(self, amounts: tuple[Amount, ...]) -> list[_Piece]:
        return [_Piece(f"{w.years}={self.value(w)}", w.span.end, "amount", w.first)
                for w in year_order(tokens(amounts))]

    def value(self, w: Written) -> str:
        if w.value is None:
            return "?"
        if w.kroner:
            return spell_kroner(w.value) or self.src[w.span.start:w.span.end].partition("=")[2]
        return spell_in_unit(w.value, self.unit)

    def number(self, n: Number) -> str:
        if n.kroner:
            return spell_kroner(n.value) or self.src[n.span.start:n.span.end]
        return spell_in_unit(n.value, self.unit)

    def prose(self, p: Prose | None) -> list[_Piece]:
        """The text attribute: a one-line block or string as written; a block's lines reindented."""
        if p is None:
            return []
        if not p.block:
            return [_Piece(f'text "{p.raw}"', p.span.end)]
        if "\n" not in p.raw:
            return [_Piece(f'text """{p.raw}"""', p.span.end)]
        first, *rest = p.raw.split("\n")
        widths = [len(ln) - len(ln.lstrip()) for ln in rest if ln.strip()]
        common = min(widths, default=0)
        lines = [first.strip()] + [ln[common:].rstrip() for ln in rest]
        while lines and not lines[0]:
            lines.pop(0)
        while lines and not lines[-1]:
            lines.pop()
        body = "".join((self.step + ln if ln else "") + "\n" for ln in lines)
        return [_Piece(f'text """\n{body}"""', p.span.end)]


# -- comments ------------------------------------------------------------------------


def _attach(budget: Budget, pieces: list[_Piece]) -> list[Comment]:
    """Give every comment to its piece; returns the comments after the last piece."""
    src = budget.text
    pieces = sorted(pieces, key=lambda p: p.end)
    ends = [p.end for p in pieces]
    at_end: list[Comment] = []
    for c in sorted(budget.comments, key=lambda c: c.span.start):
        line_start = src.rfind("\n", 0, c.span.start) + 1
        before = src[line_start:c.span.start].rstrip()
        text = c.text.rstrip(" \t")
        if before:
            # The piece of the last token before the comment on its line. A second
            # trailing comment on one piece (its tokens ran over two lines) stays
            # on a line of its own, before what follows.
            i = bisect.bisect_right(ends, line_start + len(before) - 1)
            if i < len(pieces) and pieces[i].after is None:
                pieces[i].after = text
                continue
        i = bisect.bisect_right(ends, c.span.start)
        comment = Comment(text, c.span)
        if i < len(pieces):
            pieces[i].before.append(comment)
        else:
            at_end.append(comment)
    return at_end


# -- alignment -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Columns:
    area: int  # where the area id starts
    amounts: int  # where the first amount, or `?`, may start
    years: dict[int, int]  # year -> the column of amounts that start with it


def _regular(head: list[_Piece]) -> bool:
    """A head line whose amounts can stand in year columns: in year order, no `?`."""
    amounts = [p for p in head if p.role == "amount"]
    return all(p.role != "unknown" for p in head) and all(
        a.first_year < b.first_year for a, b in zip(amounts, amounts[1:]))


def _lead(head: list[_Piece]) -> str:
    return " ".join(p.text for p in head if p.role == "lead")


def _columns(rows: list[list[_Piece]]) -> _Columns | None:
    """Columns for the head lines of one section: area ids in one column, and each year in a
    column of its own, as wide as its widest amount (a range stands in the column of its first year)."""
    rows = [r for r in rows if any(p.role != "lead" for p in r)]
    if not rows:
        return None
    lead_width = max(len(_lead(r)) for r in rows)
    areas = [len(p.text) for r in rows for p in r if p.role == "area"]
    base = lead_width + 1 + (max(areas) + 1 if areas else 0)
    widths: dict[int, int] = {}  # year -> the width of its widest amount
    for r in rows:
        if _regular(r):
            for p in r:
                if p.role == "amount":
                    widths[p.first_year] = max(widths.get(p.first_year, 0), len(p.text))
    starts: dict[int, int] = {}
    column = base
    for year in sorted(widths):
        starts[year] = column
        column += widths[year] + 1
    return _Columns(lead_width + 1, base, starts)


def _aligned(head: list[_Piece], cols: _Columns) -> str:
    line = _lead(head)
    regular = _regular(head)
    for p in head:
        if p.role == "lead":
            continue
        if p.role == "area":
            line = line.ljust(cols.area) + p.text
            continue
        column = cols.years[p.first_year] if regular and p.role == "amount" else cols.amounts
        line = (line.ljust(column) if len(line) < column else line + " ") + p.text
    return line


# -- writing --------------------------------------------------------------------------


def _intact(head: list[_Piece]) -> bool:
    """A head line that comments do not break: it can be aligned with the others."""
    return not any(p.before for p in head[1:]) and sum(p.after is not None for p in head) <= 1


def _write_line(out: list[str], indent: str, pieces: list[_Piece], comment: str | None, text: str = "") -> None:
    first, *rest = (text or " ".join(p.text for p in pieces)).split("\n")
    out.append(indent + first)
    out.extend(indent + ln if ln else "" for ln in rest)
    if comment is not None:
        out[-1] += "  " + comment


def _write_statement(out: list[str], lines: _Lines, step: str, cols: _Columns | None) -> None:
    """Write a statement's lines, breaking a line after each piece with a trailing comment.

    The last such piece of a logical line keeps the rest of that line with it,
    so that a line's comment stays at its end however its pieces were ordered.
    In the output, every trailing comment follows the last piece of its line,
    which is where the next run attaches it: a second run changes nothing.
    """
    for number, pieces in enumerate(lines):
        if not pieces:
            continue
        indent = "" if number == 0 else step
        if number == 0 and cols is not None and _intact(pieces):
            trailing = next((p.after for p in pieces if p.after is not None), None)
            _write_line(out, indent, pieces, trailing, _aligned(pieces, cols))
            continue
        last = max((i for i, p in enumerate(pieces) if p.after is not None), default=-1)
        current: list[_Piece] = []
        comment: str | None = None
        for i, p in enumerate(pieces):
            if p.before and not (number == 0 and i == 0):
                if current:
                    _write_line(out, indent, current, comment)
                    current, comment, indent = [], None, step
                out.extend(step + c.text for c in p.before)
            current.append(p)
            if p.after is not None:
                comment = p.after
                if i != last:
                    _write_line(out, indent, current, comment)
                    current, comment, indent = [], None, step
        if current:
            _write_line(out, indent, current, comment)


def _newline_of(text: str) -> str:
    """The line end of the file: that of its first line (LF where it has one line)."""
    cr, lf = text.find("\r"), text.find("\n")
    if cr < 0 or 0 <= lf < cr:
        return "\n"
    return "\r\n" if lf == cr + 1 else "\r"


def format_text(text: str, options: FormatOptions = FormatOptions()) -> str:
    """The text in the canonical layout, with the same meaning and the same comments.

    Raises `SyntaxErrors` for text that does not parse cleanly, and
    `FormatterError` where the result would differ in meaning (a bug).
    """
    result = parse(text)
    if result.problems:
        raise SyntaxErrors(result.problems)
    budget = result.budget
    layout = _Layout(budget, options)
    statements = [(s, layout.statement(s)) for s in budget.statements]
    at_end = _attach(budget, [p for _, lines in statements for line in lines for p in line])

    # Alignment groups: the entries, and the links, of each section.
    columns: dict[int, _Columns | None] = {}
    if options.align:
        groups: defaultdict[tuple[int, str], list[int]] = defaultdict(list)
        section = 0
        for i, (s, lines) in enumerate(statements):
            section += isinstance(s, Section)
            if isinstance(s, (Entry, Link)) and _intact(lines[0]):
                groups[(section, type(s).__name__)].append(i)
        for members in groups.values():
            cols = _columns([statements[i][1][0] for i in members])
            columns.update((i, cols) for i in members)

    src = budget.text
    out: list[str] = []
    previous_end: int | None = None

    def blank_before(start: int) -> bool:
        return previous_end is not None and src.count("\n", previous_end, start) >= 2

    for i, (s, lines) in enumerate(statements):
        comments = lines[0][0].before
        blanks = []
        assert s.span is not None  # a statement of the file has its place
        for start, end in [(c.span.start, c.span.end) for c in comments] + [(s.span.start, s.span.end)]:
            blanks.append(blank_before(start))
            previous_end = end
        if isinstance(s, Section) and out:
            # A blank line before each section, and before the comments above it.
            blanks[max((k for k, b in enumerate(blanks) if b), default=0)] = True
        for c, blank in zip(comments, blanks):
            if blank:
                out.append("")
            out.append(c.text)
        if blanks[-1] and out:
            out.append("")
        _write_statement(out, lines, layout.step, columns.get(i))
    for c in at_end:
        if blank_before(c.span.start) and out:
            out.append("")
        out.append(c.text)
        previous_end = c.span.end

    body = "\n".join(out) + "\n" if out else ""
    _check_same(budget, body)
    newline = _newline_of(text)
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    return bom + (body.replace("\n", newline) if newline != "\n" else body)


def _check_same(before: Budget, text: str) -> None:
    after = parse(text)
    if after.problems:
        raise FormatterError(f"the formatted text does not parse: {after.problems[0].message}")
    if meaning(after.budget) != meaning(before):
        raise FormatterError("the formatted text would mean something else")
    if comment_texts(after.budget) != comment_texts(before):
        raise FormatterError("the formatted text would lose or change a comment")
