"""Baselines: judge a branch by the findings it adds.

`check --write-baseline FILE` records every current finding; `check --baseline
FILE` then reports only those the baseline does not hold. Findings are matched
by file (relative to the repository root) and fingerprint (`fingerprint.py`),
so they keep their identity when lines move, and multiplicity counts: with
two equal findings in the baseline, a third is new.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Sequence

from .engine import CheckResult
from .files import ReadError, read_bytes, write_atomic
from .fingerprint import fingerprints
from .report import relative

FORMAT_KEY = "budsjett-lint-baseline"
VERSION = 1
MAX_SIZE = 100_000_000

Key = tuple[str, str]  # (file relative to the root, fingerprint)


class BaselineError(Exception):
    """A baseline that cannot be read; the message names the file and what is wrong."""


def render(results: Sequence[CheckResult], root: Path) -> bytes:
    """The baseline of these results, as JSON; code, message and line are there for people reading it."""
    items = []
    for r in results:
        path = relative(r.file, root)
        for d, fp in zip(r.diagnostics, fingerprints(r.budget, r.diagnostics)):
            items.append({"file": path, "fingerprint": fp, "code": d.code, "line": d.span.line,
                          "message": d.message})
    items.sort(key=lambda i: (i["file"], i["line"], i["code"], i["fingerprint"]))
    text = json.dumps({FORMAT_KEY: VERSION, "findings": items}, ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


def write(path: str, results: Sequence[CheckResult], root: Path) -> int:
    """Write the baseline atomically; returns how many findings it holds."""
    try:
        write_atomic(path, render(results, root))
    except OSError as exc:
        raise BaselineError(f"{path}: cannot write the baseline: {exc.strerror or exc}") from None
    return sum(len(r.diagnostics) for r in results)


def load(path: str) -> Counter[Key]:
    try:
        data = json.loads(read_bytes(path, MAX_SIZE).decode("utf-8"))
    except ReadError as exc:
        raise BaselineError(f"cannot read the baseline: {exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"{path}: not a baseline written by --write-baseline: {exc}") from None
    if not isinstance(data, dict) or data.get(FORMAT_KEY) != VERSION or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{path}: not a baseline written by --write-baseline "
                            f"(expected an object with \"{FORMAT_KEY}\": {VERSION} and a list of findings)")
    held: Counter[Key] = Counter()
    for i, item in enumerate(data["findings"]):
        if not (isinstance(item, dict) and isinstance(item.get("file"), str)
                and isinstance(item.get("fingerprint"), str)):
            raise BaselineError(f"{path}: finding {i + 1} lacks a file or a fingerprint")
        held[item["file"], item["fingerprint"]] += 1
    return held


def without_baseline(results: Sequence[CheckResult], held: Counter[Key], root: Path) -> list[CheckResult]:
    """The results with the findings that the baseline holds taken out."""
    left = held.copy()
    kept_results = []
    for r in results:
        path = relative(r.file, root)
        kept = []
        for d, fp in zip(r.diagnostics, fingerprints(r.budget, r.diagnostics)):
            if left[path, fp] > 0:
                left[path, fp] -= 1
            else:
                kept.append(d)
        kept_results.append(r._replace(diagnostics=tuple(kept)))
    return kept_results
