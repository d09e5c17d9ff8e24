"""Baselines: judge a branch by the findings it adds.

`check --write-baseline FILE` records every current finding; `check --baseline
FILE` then reports only those the baseline does not hold. Findings are matched
by file (relative to the repository root) and fingerprint (`fingerprint.py`),
so they keep their identity when lines move or figures change, and
multiplicity counts: with two equal findings in the baseline, a third is new.

The baseline also records the state of every plan year of each file (its
status, known gap and lines without a figure, `amendment.YearState`): a
finding about a year that the baseline holds, but whose year got worse, is
reported again, saying how (`known gap grew from 71.5 to 75.0`), and
`check` judges the amendment against these states (BAL013, BAL014).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from decimal import Decimal
from typing import NamedTuple, Sequence

from .amendment import YearState, snapshot, worse_than_before
from ..engine import CheckResult
from ..files import ReadError, read_named, write_atomic
from .fingerprint import fingerprints
from ...rules.base import DEFAULT_TOLERANCE
from ..report import relative

FORMAT_KEY = "budsjett-lint-baseline"
VERSION = 2  # 2: fingerprints without figures, and the state of each year
MAX_SIZE = 100_000_000

Key = tuple[str, str]  # (file relative to the root, fingerprint)


class BaselineError(Exception):
    """A baseline that cannot be read; the message names the file and what is wrong."""


class Baseline(NamedTuple):
    held: Counter[Key]
    years: dict[str, dict[int, YearState]]  # file relative to the root -> year -> its state


def render(results: Sequence[CheckResult], root: Path, tolerance: Decimal = DEFAULT_TOLERANCE) -> bytes:
    """The baseline of these results, as JSON; code, message and line are there for people reading it."""
    items = []
    years = {}
    for r in results:
        path = relative(r.file, root)
        years[path] = {str(y): s.to_json() for y, s in snapshot(r.budget, tolerance).items()}
        for d, fp in zip(r.diagnostics, fingerprints(r.budget, r.diagnostics)):
            items.append({"file": path, "fingerprint": fp, "code": d.code, "line": d.span.line,
                          "message": d.message})
    items.sort(key=lambda i: (i["file"], i["line"], i["code"], i["fingerprint"]))
    text = json.dumps({FORMAT_KEY: VERSION, "findings": items, "years": dict(sorted(years.items()))},
                      ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


def write(path: str, results: Sequence[CheckResult], root: Path, tolerance: Decimal = DEFAULT_TOLERANCE) -> int:
    """Write the baseline atomically; returns how many findings it holds."""
    try:
        write_atomic(path, render(results, root, tolerance))
    except OSError as exc:
        raise BaselineError(f"{path}: cannot write the baseline: {exc.strerror or exc}") from None
    return sum(len(r.diagnostics) for r in results)


def load(path: str) -> Baseline:
    try:
        data = json.loads(read_named(path, MAX_SIZE).decode("utf-8"))
    except ReadError as exc:
        raise BaselineError(f"cannot read the baseline: {exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"{path}: not a baseline written by --write-baseline: {exc}") from None
    if isinstance(data, dict) and isinstance(data.get(FORMAT_KEY), int) and data[FORMAT_KEY] < VERSION:
        raise BaselineError(f"{path}: a baseline of an older version ({data[FORMAT_KEY]}; this is {VERSION}), "
                            "whose fingerprints no longer match: write it again with --write-baseline")
    if not isinstance(data, dict) or data.get(FORMAT_KEY) != VERSION or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{path}: not a baseline written by --write-baseline "
                            f"(expected an object with \"{FORMAT_KEY}\": {VERSION} and a list of findings)")
    held: Counter[Key] = Counter()
    for i, item in enumerate(data["findings"]):
        if not (isinstance(item, dict) and isinstance(item.get("file"), str)
                and isinstance(item.get("fingerprint"), str)):
            raise BaselineError(f"{path}: finding {i + 1} lacks a file or a fingerprint")
        held[item["file"], item["fingerprint"]] += 1
    years: dict[str, dict[int, YearState]] = {}
    try:
        for file, states in (data.get("years") or {}).items():
            years[file] = {int(y): YearState.from_json(int(y), s) for y, s in states.items()}
    except (AttributeError, KeyError, TypeError, ValueError, ArithmeticError):
        raise BaselineError(f"{path}: the state of the years is not as --write-baseline writes it") from None
    return Baseline(held, years)


def states(baseline: Baseline, file: str, root: Path) -> dict[int, YearState] | None:
    """The state of the file's years that the baseline holds, or None."""
    return baseline.years.get(relative(file, root))


def without_baseline(results: Sequence[CheckResult], baseline: Baseline, root: Path,
                     tolerance: Decimal = DEFAULT_TOLERANCE) -> list[CheckResult]:
    """The results with the findings that the baseline holds taken out: all but those about a year that
    got worse, which stay, with how they got worse added to their message."""
    left = baseline.held.copy()
    kept_results = []
    for r in results:
        path = relative(r.file, root)
        before = baseline.years.get(path, {})
        after = snapshot(r.budget, tolerance) if before else {}
        kept = []
        for d, fp in zip(r.diagnostics, fingerprints(r.budget, r.diagnostics)):
            if left[path, fp] > 0:
                left[path, fp] -= 1
                how = worse_than_before(d, before, after, tolerance)
                if how:
                    kept.append(d._replace(message=f"{d.message} (worse than the baseline: {how})"))
            else:
                kept.append(d)
        kept_results.append(r._replace(diagnostics=tuple(kept)))
    return kept_results
