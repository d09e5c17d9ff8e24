"""Reading a text again after an edit: only the statements the edit touched.

The editor server reads a document again at every keystroke. A statement
starts on its own line with its keyword and is read alone as it is read in
the whole text, knowing only the plan's years and unit (the header's), so
after an edit the statements before it are kept as they were, the ones it
touched are read again, and the ones after it are moved by the lines and
characters the edit added or took away. The result is `parse` of the new text,
node for node (a property test holds this); where it might not be (the earlier
text had syntax problems, the edit reaches the header, the new statements do
not read cleanly, the period or unit would change), the whole text is read.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from typing import Any, Callable, cast

from .model import (
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
    Sum,
    YearAttr,
)
from .parser import ParseResult, parse, prepared, read_statements

#: What a node keeps once a rule asked (`Entry.by_year`, `Prose.text` and `figures`): none of it
#: depends on where the node stands, so a moved node keeps it too.
_CACHES = ("_by_year", "_text", "_figures")
_set = object.__setattr__
#: The classes of the model a statement or comment is made of.
_NODES = (Amount, Comment, DateAttr, Directive, Entry, Flag, Fund, Header, Link, Name, Number, Pot, Prose,
          Section, Sector, SectorRef, Span, Sum, YearAttr)


def reparse(before: ParseResult, text: str) -> ParseResult:
    """`parse(text)`, where `before` is `parse` of an earlier version of the text."""
    new = prepared(text)
    budget = before.budget
    old = budget.text
    if new == old:
        return before
    header = budget.header
    if before.problems or header is None or not budget.statements:
        return parse(text)
    start, old_end = _changed(old, new)
    statements = budget.statements
    placed = [s.span for s in statements]
    if None in placed:  # a statement of a file always has its place; a made-up model is read whole
        return parse(text)
    spans = cast("list[Span]", placed)
    starts = [s.start for s in spans]
    # From the line of the last statement that starts before the edit (an edit at a statement's
    # first character, or on the lines after it, may join it to the one before) to the line of
    # the first statement that starts after the edit, each the first on its line: a statement
    # keyword always starts a statement, and a line's start is outside every token.
    first = bisect.bisect_left(starts, start) - 1
    while first > 0 and not _begins_line(old, spans[first]):
        first -= 1
    chunk_start = _line_start(spans[first]) if first >= 0 else 0
    first = max(first, 0)
    last = bisect.bisect_right(starts, old_end)
    while last < len(spans) and (_line_start(spans[last]) <= old_end or not _begins_line(old, spans[last])):
        last += 1
    chunk_end = _line_start(spans[last]) if last < len(spans) else len(old)
    if any(isinstance(s, Header) for s in statements[first:last]):
        return parse(text)
    shift = len(new) - len(old)
    line = spans[first].line if chunk_start else 1
    read = read_statements(new[chunk_start:chunk_end + shift], chunk_start, line, budget.period, header.unit)
    if read is None:
        return parse(text)
    replaced, comments = read
    if any(isinstance(s, Header) for s in replaced):
        return parse(text)
    lines = new.count("\n", chunk_start, chunk_end + shift) - old.count("\n", chunk_start, chunk_end)
    kept = [c for c in budget.comments if c.span.start < chunk_start]
    after = [moved(c, lines, shift) for c in budget.comments if c.span.start >= chunk_end]
    result = Budget(statements[:first] + replaced + tuple(moved(s, lines, shift) for s in statements[last:]),
                    (*kept, *comments, *after), new)
    if result.period != budget.period:
        return parse(text)
    return ParseResult(result, ())


def _changed(old: str, new: str) -> tuple[int, int]:
    """Where `old` and `new` differ: the first offset, and in `old` the end of the differing part."""
    limit = min(len(old), len(new))
    start = _common_prefix(old, new, limit)
    end = _common_prefix(old[::-1], new[::-1], limit - start)
    return start, len(old) - end


def _common_prefix(a: str, b: str, limit: int) -> int:
    """How many first characters `a` and `b` share, at most `limit`: halving, compared in C."""
    lo, hi = 0, limit
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[lo:mid] == b[lo:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _line_start(span: Span) -> int:
    return span.start - span.column + 1


def _begins_line(text: str, span: Span) -> bool:
    """Whether only white space comes before the span on its line (not the end of another statement)."""
    return span.column == 1 or not text[_line_start(span):span.start].strip()


def moved(node: Any, lines: int, chars: int) -> Any:
    """The node as read `lines` lines and `chars` characters further on (either may be negative)."""
    if not (lines or chars):
        return node
    mover = _MOVERS.get(node.__class__)
    return node if mover is None else mover(node, lines, chars)


def _move_span(span: Span, lines: int, chars: int) -> Span:
    copy = _new(Span)
    _set(copy, "line", span.line + lines)
    _set(copy, "column", span.column)
    _set(copy, "end_line", span.end_line + lines)
    _set(copy, "end_column", span.end_column)
    _set(copy, "start", span.start + chars)
    _set(copy, "length", span.length)
    return copy


def _mover(cls: type) -> Callable[[Any, int, int], Any]:
    """A function that moves a node of `cls`, written out field by field: a large file moves
    hundreds of thousands of nodes at a keystroke, most of whose fields hold no node. A field
    is moved as its annotation says it may hold nodes of the model (`dataclasses.fields`)."""
    lines = ["def move(n, l, c):", "    x = new(cls)"]
    for f in dataclasses.fields(cls):
        hint = str(f.type)
        if not _NODE_WORDS.search(hint):
            lines.append(f"    set(x, {f.name!r}, n.{f.name})")
        elif hint.startswith("tuple["):
            lines.append(f"    set(x, {f.name!r}, tuple([movers[v.__class__](v, l, c) for v in n.{f.name}]))")
        else:
            lines.append(f"    v = n.{f.name}")
            lines.append(f"    set(x, {f.name!r}, v if v is None else movers[v.__class__](v, l, c))")
    for cache in _CACHES:
        if cache in getattr(cls, "__slots__", ()):
            lines.append(f"    v = getattr(n, {cache!r}, None)")
            lines.append(f"    if v is not None: set(x, {cache!r}, v)")
    lines.append("    return x")
    scope = {"new": _new, "set": _set, "cls": cls, "movers": _MOVERS}
    exec("\n".join(lines), scope)  # noqa: S102 - our own fields' names, written out
    return cast("Callable[[Any, int, int], Any]", scope["move"])


_new = object.__new__
_NODE_WORDS = re.compile(r"\b(?:%s)\b" % "|".join(c.__name__ for c in _NODES))
_MOVERS: dict[type, Callable[[Any, int, int], Any]] = {Span: _move_span}
_MOVERS.update((cls, _mover(cls)) for cls in _NODES if cls is not Span)


__all__ = ["moved", "reparse"]
