"""The identity of a finding: what it is about, never its figures or its place.

A finding is known by its code, the statement it stands in (its kind and
name, e.g. `item Toppet bemanning`; the source line's text where it stands in
no statement, as a syntax error does) and its message with line numbers and
figures taken out (years stay: `2021` names what the finding is about). A
finding about one plan year as a whole (the balance of the year, BAL001,
BAL002, BAL004, BAL006) is known by its code and its year alone: which lines
lack a figure and how large the gap is are its state, not its identity.

So adding a line above a finding, moving its statement, reformatting, or
changing an amount keeps the identity; whether the finding got worse is for
the baseline and the diff to judge (`worse()`). The baseline, the amendment
diff and the SARIF and GitLab reports all use this one identity.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections import Counter
from collections.abc import Sequence

from ...dsl.model import (
    Budget,
    Directive,
    Entry,
    Fund,
    Header,
    Link,
    Pot,
    Section,
    Sector,
    Span,
    Sum,
)
from ..diagnostics import PER_YEAR, YEAR, Diagnostic, year_of

_LINE_NUMBERS = re.compile(r"\b(lines?|columns?)\s+\d+(?:(?:\s*,\s*|\s+and\s+|\s*[-–]\s*|\s+to\s+)\d+)*",
                           re.IGNORECASE)



_NUMBER = re.compile(r"(?<![\w.])[-+]?\d+(?:[.,]\d+)*(?![\w])")


def normalized_message(message: str) -> str:
    """The message without line and column numbers and without figures: `line 4` becomes `line N`,
    `gap 2.0 mill` becomes `gap # mill`; a year (`2021`) stays."""
    message = _LINE_NUMBERS.sub(lambda m: f"{m.group(1)} N", message)
    return _NUMBER.sub(lambda m: m.group() if YEAR.fullmatch(m.group()) else "#", message)


def _label(stmt) -> str:
    if isinstance(stmt, Header):
        return f"budget {stmt.name.text}"
    if isinstance(stmt, Entry):
        return f"{stmt.kind} {stmt.name.text}"
    if isinstance(stmt, Link):
        return f"{stmt.kind} {stmt.source.text} -> {stmt.target.text}"
    if isinstance(stmt, Sector):
        return f"area {stmt.id}"
    # Every other statement is known by its keyword and name (a statement added to the language
    # later is known by its class's name until it is named here).
    kind = {Directive: "directive", Fund: "fund", Pot: "pot", Section: "section", Sum: "sum"}.get(
        type(stmt), type(stmt).__name__.lower())
    name = getattr(stmt, "name", None)
    return f"{kind} {name.text}" if name is not None else kind


class Anchors:
    """Finds the statement a position stands in, for one budget; built once, then a bisection a lookup."""

    def __init__(self, budget: Budget):
        placed = sorted(((s.span, s) for s in budget.statements if s.span is not None),
                        key=lambda t: (t[0].line, t[0].column))
        self._spans = [span for span, _ in placed]
        self._statements = [s for _, s in placed]
        self._starts = [(s.line, s.column) for s in self._spans]
        self._lines = budget.text.split("\n")

    def anchor(self, span: Span) -> str:
        i = bisect.bisect_right(self._starts, (span.line, span.column)) - 1
        if i >= 0 and self._spans[i].contains(span.line, span.column):
            return _label(self._statements[i])
        if 0 < span.line <= len(self._lines):
            return "text " + " ".join(self._lines[span.line - 1].split())
        return "file"


def identity(d: Diagnostic, anchors: Anchors) -> str:
    """What the finding is about, as text: the key that its fingerprint hashes."""
    if d.code in PER_YEAR and year_of(d) is not None:
        return f"{d.code}\0year {year_of(d)}"
    return "\0".join((d.code, anchors.anchor(d.span), normalized_message(d.message)))


def fingerprint(d: Diagnostic, anchors: Anchors) -> str:
    key = identity(d, anchors)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def fingerprints(budget: Budget, diagnostics: Sequence[Diagnostic]) -> list[str]:
    """The fingerprint of each diagnostic, in order."""
    anchors = Anchors(budget)
    return [fingerprint(d, anchors) for d in diagnostics]


def numbered(prints: Sequence[str]) -> list[str]:
    """Fingerprints made unique within one file: the second of two equal ones gets `:1`, and so on.

    For reports whose readers merge equal fingerprints (code scanning, Code Quality).
    """
    seen: Counter[str] = Counter()
    result = []
    for p in prints:
        result.append(f"{p}:{seen[p]}")
        seen[p] += 1
    return result
