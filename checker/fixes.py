"""Applying the fixes that rules attach to their findings.

Pure: text and diagnostics in, text out. `apply_fixes` applies in one pass
every chosen fix that does not overlap one chosen before it; `fix_text` checks
again and repeats, a bounded number of times, until nothing more applies.
Offsets are those of `Finding.fix` (`rules/base.py`): characters of the text
as decoded, byte-order mark and line ends included.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass

from ..dsl import parse
from ..rules.base import Edit, Fix
from .config import Config
from .diagnostics import Diagnostic
from .engine import CheckResult, check_text

#: Enough for fixes that make room for others; a fix that undoes another stops here.
MAX_PASSES = 10


def chosen_fixes(diagnostics: Iterable[Diagnostic], unsafe: bool = False) -> list[Fix]:
    """The fixes to apply: the safe ones, and the unsafe ones too when asked."""
    return [d.fix for d in diagnostics if d.fix is not None and d.fix.edits and (d.fix.safe or unsafe)]


def apply_fixes(text: str, diagnostics: Iterable[Diagnostic], unsafe: bool = False) -> tuple[str, int]:
    """The text with the chosen fixes applied, and how many were applied.

    Fixes are taken in the order of their first edit; one that overlaps a fix
    already taken waits for the next pass.
    """
    fixes = sorted(chosen_fixes(diagnostics, unsafe), key=lambda f: min((e.start, e.end) for e in f.edits))
    taken: list[tuple[int, int]] = []  # sorted, disjoint
    edits: list[Edit] = []
    applied = 0
    for fix in fixes:
        spans = sorted((e.start, e.end) for e in fix.edits)
        if any(not 0 <= s <= e <= len(text) for s, e in spans):
            continue
        if any(_overlaps(a, b) for a, b in zip(spans, spans[1:])) or any(_clashes(taken, s) for s in spans):
            continue
        for s in spans:
            bisect.insort(taken, s)
        edits.extend(fix.edits)
        applied += 1
    for e in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        text = text[: e.start] + e.replacement + text[e.end :]
    return text, applied


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two edits that touch the same text, or insert at the same place."""
    return (a[0] < b[1] and b[0] < a[1]) or a == b or (a[0] == a[1] == b[0]) or (b[0] == b[1] == a[0])


def _clashes(taken: list[tuple[int, int]], span: tuple[int, int]) -> bool:
    i = bisect.bisect_left(taken, span)
    return any(_overlaps(taken[j], span) for j in (i - 1, i) if 0 <= j < len(taken))


@dataclass(frozen=True)
class FixOutcome:
    text: str  # the fixed text; the original where nothing applied
    fixed: int  # how many fixes were applied, over all passes
    result: CheckResult  # the check of `text`: what remains
    syntax_errors: bool = False  # the text has syntax errors, so nothing was fixed


def fix_text(text: str, file: str, config: Config, unsafe: bool = False, max_passes: int = MAX_PASSES) -> FixOutcome:
    """Fix, check again and repeat until nothing more applies.

    A text with syntax errors is not fixed, and a pass whose result would not
    parse cleanly is dropped: a fix never leaves a file broken.
    """
    result = check_text(text, file, config)
    if parse(text).problems:
        return FixOutcome(text, 0, result, syntax_errors=True)
    fixed = 0
    for _ in range(max_passes):
        new, applied = apply_fixes(text, result.diagnostics, unsafe)
        if not applied or new == text or parse(new).problems:
            break
        text, fixed, result = new, fixed + applied, check_text(new, file, config)
    return FixOutcome(text, fixed, result)
