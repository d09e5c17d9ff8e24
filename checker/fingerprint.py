"""The identity of a finding that survives lines moving.

A finding is known by its code, the statement it stands in (its kind and
name, e.g. `item Toppet bemanning`; the source line's text where it stands in
no statement, as a syntax error does) and its message with line numbers taken
out. Adding a line above it, or moving its statement, keeps the identity;
changing a figure that the message names gives a new one. The baseline, the
amendment diff and the SARIF and GitLab reports all use this one identity.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections import Counter
from collections.abc import Sequence

from ..dsl.model import (
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
)
from .diagnostics import Diagnostic

_LINE_NUMBERS = re.compile(r"\b(lines?|columns?)\s+\d+(?:(?:\s*,\s*|\s+and\s+|\s*[-–]\s*|\s+to\s+)\d+)*",
                           re.IGNORECASE)


def normalized_message(message: str) -> str:
    """The message without line and column numbers: `line 4` becomes `line N`."""
    return _LINE_NUMBERS.sub(lambda m: f"{m.group(1)} N", message)


def _label(stmt) -> str:
    if isinstance(stmt, Header):
        return f"budget {stmt.name.text}"
    if isinstance(stmt, Entry):
        return f"{stmt.kind} {stmt.name.text}"
    if isinstance(stmt, Link):
        return f"{stmt.kind} {stmt.source.text} -> {stmt.target.text}"
    if isinstance(stmt, Sector):
        return f"area {stmt.id}"
    kind = {Directive: "directive", Fund: "fund", Pot: "pot", Section: "section"}[type(stmt)]
    return f"{kind} {stmt.name.text}"


class Anchors:
    """Finds the statement a position stands in, for one budget; built once, then a bisection a lookup."""

    def __init__(self, budget: Budget):
        self._statements = sorted((s for s in budget.statements if getattr(s, "span", None) is not None),
                                  key=lambda s: (s.span.line, s.span.column))
        self._starts = [(s.span.line, s.span.column) for s in self._statements]
        self._lines = budget.text.split("\n")

    def anchor(self, span: Span) -> str:
        i = bisect.bisect_right(self._starts, (span.line, span.column)) - 1
        if i >= 0 and self._statements[i].span.contains(span.line, span.column):
            return _label(self._statements[i])
        if 0 < span.line <= len(self._lines):
            return "text " + " ".join(self._lines[span.line - 1].split())
        return "file"


def fingerprint(d: Diagnostic, anchors: Anchors) -> str:
    key = "\0".join((d.code, anchors.anchor(d.span), normalized_message(d.message)))
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
