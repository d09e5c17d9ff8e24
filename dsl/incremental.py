"""Reading a text again after an edit: only the statements the edit touched.

The editor server reads a document again at every keystroke. A statement
starts with its keyword, which never continues the statement before, and is
read alone as it is read in the whole text, knowing only the plan's years and
unit (the header's), so
after an edit the statements before it are kept as they were, the ones it
touched are read again, and the ones after it are moved by the lines and
characters the edit added or took away. The result is `parse` of the new text,
node for node (a property test holds this). A text with syntax problems is
read as `parse` reads one, chunk by chunk, and the chunks the edit touched are
read again. Where the result might differ (the edit reaches the header, the
period would change, or a text with problems splits into chunks differently
after the edit), the whole text is read.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from typing import Any, Callable, cast

from . import model
from .model import BUILTIN_SECTORS, Budget, Header, Sector, Span, Statement, _Node
from .parser import ParseResult, parse, prepared, read_statements, recover_statements, scan_comments, split_statements
from .problems import Problem

#: What a node keeps once a rule asked (`Entry.by_year`, `Prose.text` and `figures`): none of it
#: depends on where the node stands, so a moved node keeps it too.
_CACHES = ("_by_year", "_text", "_figures")
_set = object.__setattr__


def _classes(cls: type) -> list[type]:
    subclasses: list[type] = cls.__subclasses__()
    return [c for sub in subclasses for c in (sub, *_classes(sub))]


#: The classes of the model: every `_Node` the model defines, read from it, so that a new one is moved
#: too (`dataclass(slots=True)` leaves the class it replaced among the subclasses: not the model's).
_NODES = tuple(c for c in _classes(_Node) if getattr(model, c.__name__, None) is c)


def reparse(before: ParseResult, text: str) -> ParseResult:
    """`parse(text)`, where `before` is `parse` of an earlier version of the text."""
    new = prepared(text)
    budget = before.budget
    old = budget.text
    if new == old:
        return before
    header = budget.header
    if header is None or not budget.statements:
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
    lines = new.count("\n", chunk_start, chunk_end + shift) - old.count("\n", chunk_start, chunk_end)
    line = spans[first].line if chunk_start else 1
    read = None if before.problems else read_statements(new[chunk_start:chunk_end + shift], chunk_start, line,
                                                        budget.period, header.unit)
    if read is not None:
        replaced, comments = read
        after = [moved(c, lines, shift) for c in budget.comments if c.span.start >= chunk_end]
        all_comments = (*(c for c in budget.comments if c.span.start < chunk_start), *comments, *after)
        problems: tuple[Problem, ...] = ()
    else:
        # A text with syntax problems, before or after the edit, is read as `parse` reads it, chunk
        # by chunk (`split_statements`), each chunk by itself: the chunks the edit touched are read
        # again, where the edit left the other chunks alike.
        recovered = _recover_between(before, new, first, chunk_start, chunk_end, lines)
        if recovered is None:
            return parse(text)
        replaced, problems = recovered
        all_comments = scan_comments(new)
    if any(isinstance(s, Header) for s in replaced):
        return parse(text)
    result = Budget(statements[:first] + replaced + tuple(moved(s, lines, shift) for s in statements[last:]),
                    tuple(all_comments), new)
    if result.period != budget.period:
        return parse(text)
    return ParseResult(result, problems)


#: `split_statements` of the last texts: while a text has a problem, each edit's new text is the
#: next edit's old one. Kept as they are made: never changed.
_chunks = functools.lru_cache(maxsize=2)(split_statements)


def _recover_between(before: ParseResult, new: str, first: int, chunk_start: int, chunk_end: int,
                     lines: int) -> tuple[tuple[Statement, ...], tuple[Problem, ...]] | None:
    """The statements and problems of `new` between `chunk_start` and `chunk_end` (moved by the edit),
    with the problems of the rest kept and moved; None where the edit changed how the rest is split
    into chunks (a text block it opened or closed), or split a chunk at neither end."""
    budget = before.budget
    old = budget.text
    shift = len(new) - len(old)
    old_chunks, new_chunks = _chunks(old), _chunks(new)
    end = chunk_end + shift
    if any(a < chunk_start < b or a < chunk_end < b for a, b, _ in old_chunks) or \
            any(a < chunk_start < b or a < end < b for a, b, _ in new_chunks):
        return None
    if [c for c in old_chunks if c[0] < chunk_start] != [c for c in new_chunks if c[0] < chunk_start] or \
            [(a + shift, b + shift, n + lines) for a, b, n in old_chunks if a >= chunk_end] != \
            [c for c in new_chunks if c[0] >= end]:
        return None
    areas = {s.id for s in BUILTIN_SECTORS} | {s.id for s in budget.statements[:first] if isinstance(s, Sector)}
    header = budget.header
    assert header is not None
    replaced, problems = recover_statements(new, [c for c in new_chunks if chunk_start <= c[0] < end],
                                            budget.period, header.unit, areas)
    kept = tuple(p for p in before.problems if p.span.start < chunk_start)
    after = tuple(moved(p, lines, shift) for p in before.problems if p.span.start >= chunk_end)
    return replaced, kept + problems + after


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
_MOVERS[Problem] = lambda p, lines, chars: p._replace(span=_move_span(p.span, lines, chars))


__all__ = ["moved", "reparse"]
