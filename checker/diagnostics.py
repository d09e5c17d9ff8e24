"""A diagnostic: a finding stamped with its rule's code, name and severity, and its file."""

from __future__ import annotations

import re
from typing import NamedTuple

from ..dsl.model import Span
from ..rules.base import Fix, Related, Severity

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


def location(file: str, span: Span) -> str:
    """`file:line:column`: a place as every report and message writes it (the file name as given;
    escaping is the caller's)."""
    return f"{file}:{span.line}:{span.column}"


def one_line(file: str, span: Span, code: str, message: str) -> str:
    """`file:line:column: CODE message`: a finding on one line, as the concise report, JUnit and
    the commands' standard error write it."""
    return f"{location(file, span)}: {code} {message}"


class Diagnostic(NamedTuple):
    code: str
    name: str
    severity: Severity
    message: str
    span: Span
    file: str = "-"
    hint: str | None = None
    related: tuple[Related, ...] = ()
    fix: Fix | None = None

    @property
    def sort_key(self) -> tuple:
        return (self.file, self.span.line, self.span.column, self.code, self.message)

    def to_json(self) -> dict:
        """The JSON form shared by `--format json`, the baseline and the editor server."""
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "hint": self.hint,
            "file": self.file,
            "line": self.span.line,
            "column": self.span.column,
            "end_line": self.span.end_line,
            "end_column": self.span.end_column,
            "related": [
                {"line": r.span.line, "column": r.span.column, "end_line": r.span.end_line,
                 "end_column": r.span.end_column, "note": r.note}
                for r in self.related
            ],
            "fix": None if self.fix is None else {
                "description": self.fix.description,
                "safety": "safe" if self.fix.safe else "unsafe",
                "edits": [{"start": e.start, "end": e.end, "replacement": e.replacement} for e in self.fix.edits],
            },
        }


#: Findings about one plan year as a whole, anchored at the period: known by code and year.
PER_YEAR = frozenset({"BAL001", "BAL002", "BAL004", "BAL006"})

#: A plan year as messages write it.
YEAR = re.compile(r"\b(1[89]|2[01])\d\d\b")


def year_of(d: Diagnostic) -> int | None:
    """The plan year a per-year finding is about: the first year its message names."""
    found = YEAR.search(d.message)
    return int(found.group()) if found else None
