"""The rules: one module a rule, registered here, and nowhere else.

`RULES` lists every rule module in catalogue order. Parser codes (SYN) are
described in `syntax.py`. The YAML catalogue (`catalogue.yaml`) and the pages
under `docs/rules/` are generated from the modules by `catalogue.py`; a test
keeps them in step.
"""

from __future__ import annotations

from types import ModuleType

from . import (
    duplicate_name,
    kroner_amount,
    unbalanced_year,
    unordered_years,
    unused_suppression,
)

RULES: tuple[ModuleType, ...] = (
    duplicate_name,
    kroner_amount,
    unbalanced_year,
    unordered_years,
)

#: Rules the engine applies itself, after the others: they have no `check()`.
ENGINE_RULES: tuple[ModuleType, ...] = (unused_suppression,)

BY_CODE: dict[str, ModuleType] = {m.CODE: m for m in RULES + ENGINE_RULES}
