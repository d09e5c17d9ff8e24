"""Every rendering: the reporters of findings (one module a format), the tables of
`summary` and `diff` (`tables.py`), the report page (`page.py`) and text diffs (`textdiff.py`).

A reporter module has `render(results, context) -> str`. They are imported
only when chosen, so that machine formats never load the terminal's libraries.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from ..engine import CheckResult

FORMATS = {
    "full": "full",
    "concise": "concise",
    "json": "json_format",
    "sarif": "sarif",
    "github": "github",
    "gitlab": "gitlab",
    "junit": "junit",
}


@dataclass(frozen=True)
class Context:
    color: bool = False
    root: Path = field(default_factory=Path.cwd)  # paths in reports are relative to this
    show_fixes: bool = True
    fail_on: str = "error"  # the lowest severity that fails the run: JUnit fails a test case only from there
    docs_url: "Callable[[str], str | None]" = lambda code: None  # a rule's page (config `docs-url`), or None
    show_all: bool = False  # the full format: every finding with its source, and every related place
    #: What the run found and does not show, for the closing line: `--severity` and `--baseline` leave
    #: findings out, and a reader who sees none must not take that for a pass.
    not_shown: "NotShown" = field(default_factory=lambda: NotShown())


@dataclass(frozen=True)
class NotShown:
    below: int = 0  # findings under `--severity`
    severity: str | None = None  # the `--severity` asked for
    baseline: int = 0  # findings the baseline holds

    def clause(self) -> str:
        """`; not shown: 2 findings below `--severity error`, 33 the baseline holds`, or ``."""
        parts = []
        if self.below:
            parts.append(f"{self.below} finding{'s' * (self.below != 1)} below `--severity {self.severity}`")
        if self.baseline:
            parts.append(f"{self.baseline} finding{'s' * (self.baseline != 1) if not parts else ''} "
                         "the baseline holds")
        return "; not shown: " + ", ".join(parts) if parts else ""


def render(format: str, results: Sequence[CheckResult], context: Context) -> str:
    module = importlib.import_module(f"{__name__}.{FORMATS[format]}")
    return module.render(results, context)


def relative(file: str, root: Path) -> str:
    """A path as reports show it: relative to the root where it lies below it, with forward slashes."""
    if file == "-":
        return file
    path = Path(file)
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
