"""Inline suppressions, in comments:

    item "X" oppvekst 2020=1  # budsjett-lint: ignore[RMP007]
    # budsjett-lint: ignore[BAL001, BAL002]     (alone: applies to the next line)
    # budsjett-lint: ignore-file[TXT002]        (anywhere: the whole file)
    period 2020..2023  # budsjett-lint: ignore[BAL002:2023]   (one plan year of a per-year rule)

`ignore` without codes suppresses every code on its line. `CODE:YEAR` suppresses
a finding about one plan year as a whole (BAL001, BAL002, BAL004, BAL006) for
that year only. A suppression that
suppresses nothing is reported as STR009, with a safe fix that removes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from ..dsl.model import Budget, Comment, Span
from ..rules import unused_suppression
from ..rules.base import Edit, Fix
from .config import Config
from .diagnostics import Diagnostic
from .diagnostics import PER_YEAR, year_of

_PATTERN = re.compile(r"#\s*budsjett-lint:\s*(ignore-file|ignore)\b\s*(?:\[([^\]]*)\])?", re.IGNORECASE)


class Suppression(NamedTuple):
    comment: Comment
    codes: tuple[str, ...]  # empty: every code; `CODE` or `CODE:YEAR`
    line: int | None  # the line it applies to; None for the whole file
    own_line: bool  # the comment stands alone on its line


def find_suppressions(budget: Budget) -> list[Suppression]:
    text = budget.text
    comment_lines = {c.span.line for c in budget.comments if _alone(text, c)}
    result = []
    for c in budget.comments:
        m = _PATTERN.match(c.text)
        if not m:
            continue
        codes = tuple(x.strip().upper() for x in (m.group(2) or "").split(",") if x.strip())
        alone = _alone(text, c)
        if m.group(1).lower() == "ignore-file":
            line = None
        elif alone:
            line = c.span.line + 1
            while line in comment_lines:
                line += 1
        else:
            line = c.span.line
        result.append(Suppression(c, codes, line, alone))
    return result


def _alone(text: str, c: Comment) -> bool:
    """Whether only white space comes before the comment on its line."""
    return not text[text.rfind("\n", 0, c.span.start) + 1 : c.span.start].strip(" \t\ufeff")


def apply_suppressions(found: list[Diagnostic], budget: Budget, file: str, config: Config) -> list[Diagnostic]:
    suppressions = find_suppressions(budget)
    if not suppressions:
        return found
    used: set[tuple[int, str]] = set()  # (index of suppression, code)
    whole_file = [(i, s) for i, s in enumerate(suppressions) if s.line is None]
    by_line: dict[int, list[tuple[int, Suppression]]] = {}
    for i, s in enumerate(suppressions):
        if s.line is not None:
            by_line.setdefault(s.line, []).append((i, s))
    kept = []
    for d in found:
        # The first suppression in the file that covers the finding's line and code.
        keys = _keys(d)
        hit = min(((i, key) for i, s in (*by_line.get(d.span.line, ()), *whole_file)
                   for key in (keys if s.codes else ("*",)) if key == "*" or key in s.codes), default=None)
        if hit is None:
            kept.append(d)
        else:
            used.add(hit)
    if config.enabled(unused_suppression.CODE):
        severity = config.severity_of(unused_suppression.CODE, unused_suppression.SEVERITY)
        for message, span, hint, fix in _unused(suppressions, used, budget.text, config):
            kept.append(Diagnostic(unused_suppression.CODE, unused_suppression.NAME, severity, message, span, file,
                                   hint, (), fix))
    return kept


def _keys(d: Diagnostic) -> tuple[str, ...]:
    """What in a suppression's brackets silences the finding: its code, and for a finding about
    one plan year also `CODE:YEAR`."""
    year = year_of(d) if d.code in PER_YEAR else None
    return (d.code,) if year is None else (d.code, f"{d.code}:{year}")


def code_of(item: str) -> str:
    """The rule code of an item in a suppression's brackets (`BAL002:2021` -> `BAL002`)."""
    return item.partition(":")[0]


def _unused(suppressions: list[Suppression], used: set, text: str,
            config: Config) -> Iterable[tuple[str, Span, str | None, Fix | None]]:
    for i, s in enumerate(suppressions):
        if not s.codes:
            if (i, "*") not in used:
                yield ("this suppression suppresses nothing", s.comment.span, "remove the comment",
                       _remove_comment(s, text))
            continue
        unused = [c for c in s.codes if (i, c) not in used and config.enabled(code_of(c))]
        if not unused:
            continue
        names = ", ".join(unused)
        what = "suppresses nothing" if len(unused) == len(s.codes) else f"does not suppress {names}"
        if len(unused) == len(s.codes):
            fix = _remove_comment(s, text)
        else:
            keep = [c for c in s.codes if c not in unused]
            start = s.comment.span.start
            m = _PATTERN.match(s.comment.text)
            assert m is not None
            new = s.comment.text[: m.start(2)] + ", ".join(keep) + s.comment.text[m.end(2):]
            fix = Fix(f"remove {names} from the suppression", (Edit(start, s.comment.span.end, new),), True)
        yield (f"unused suppression: `{s.comment.text.strip()}` {what}", s.comment.span,
               "remove what it does not need", fix)


def _remove_comment(s: Suppression, text: str) -> Fix:
    start, end = s.comment.span.start, s.comment.span.end
    if s.own_line:
        start = text.rfind("\n", 0, start) + 1
        nl = text.find("\n", end)
        end = len(text) if nl < 0 else nl + 1
    else:
        while start > 0 and text[start - 1] in " \t":
            start -= 1
    return Fix("remove the unused suppression", (Edit(start, end, ""),), True)


def suppression_at(budget: Budget, line: int, column: int) -> tuple[str, Span] | None:
    """The code under a position in a suppression comment, for the editor's hover."""
    for s in find_suppressions(budget):
        c = s.comment
        if c.span.line == line and c.span.column <= column < c.span.end_column:
            for m in re.finditer(r"[A-Z]{3}\d{3}", c.text.upper()):
                col = c.span.column + m.start()
                if col <= column < col + len(m.group()):
                    return m.group(), Span(line, col, line, col + len(m.group()))
    return None
