"""A suppression comment that suppresses nothing.

## What it does
Reports a `# budsjett-lint: ignore[...]` comment, or one code in it, that no
finding on its line needs, and a `# budsjett-lint: ignore-file[...]` that no
finding in the file needs. The engine finds these after all other rules have
run (`checker/suppressions.py`): this rule has no check of its own.

## Why
A suppression outlives the problem it silenced: the figure is corrected, the
comment stays, and the next real problem on that line is hidden by it. Like
ruff's RUF100, removing what is unused keeps suppressions honest.

## Example
```budsjett
budget "Eksempel" period 2020..2021
item "Kulturskolen" oppvekst 2020..2021=1  # budsjett-lint: ignore[RMP001]
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2021
item "Kulturskolen" oppvekst 2020..2021=1
```

## Fix
Safe: removes the unused codes, or the whole comment when none is used.
"""

from __future__ import annotations

from .base import NoOptions, Severity

CODE = "STR009"
NAME = "unused-suppression"
SEVERITY: Severity = "warning"
SUMMARY = "A suppression comment that suppresses nothing"
FIX = "safe"
Options = NoOptions
