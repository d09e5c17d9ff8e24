"""The rules: one module a rule, registered here, and nowhere else.

`RULES` lists every rule module in catalogue order. Parser codes (SYN) are
described in `syntax.py`. The YAML catalogue (`catalogue.yaml`) and the pages
under `docs/rules/` are generated from the modules by `catalogue.py`; a test
keeps them in step.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

#: The rule modules, in catalogue order of their file names: the one list to add a rule to.
_RULE_MODULES = (
    "balanced_by_fund",
    "borrowing_for_operations",
    "coverage_overcommitted",
    "directive_cost_mismatch",
    "disguised_movement",
    "duplicate_name",
    "duplicate_year",
    "fund_movement_without_fund",
    "fund_overdrawn",
    "funding_not_coverage",
    "halfyear_not_doubled",
    "halfyear_unmarked",
    "heading_mismatch",
    "inferred_period",
    "investment_financing",
    "invisible_character",
    "kroner_amount",
    "missing_amount",
    "missing_header",
    "missing_year",
    "name_alike",
    "negative_coverage",
    "oneoff_recurs",
    "oneoff_unmarked",
    "outline_total_mismatch",
    "permanent_stops",
    "permanent_unmarked",
    "printed_sum",
    "prose_figure_mismatch",
    "prose_figure_undeclared",
    "ramp_falls",
    "ramp_stops",
    "ramp_unmarked",
    "saving_exceeds_measure",
    "saving_outlives_measure",
    "trial_outlives_end",
    "trial_unmarked",
    "unbalanced_year",
    "unfunded_directive",
    "unfunded_ramp_up",
    "unknown_area",
    "unknown_fund",
    "unknown_link_target",
    "self_link",
    "link_cycle",
    "offset_same_side",
    "link_into_coverage",
    "unordered_years",
    "unverifiable_year",
    "year_outside_period",
)

RULES: tuple[ModuleType, ...] = tuple(import_module(f".{name}", __name__) for name in _RULE_MODULES)

#: Rules the engine applies itself, after the others: they have no `check()`.
ENGINE_RULES: tuple[ModuleType, ...] = tuple(import_module(f".{name}", __name__) for name in (
    "unused_suppression",
    "amendment_widens_gap",  # these two compare a file with its base: checker/amend/amendment.py
    "amendment_unbalances_year",
))

BY_CODE: dict[str, ModuleType] = {m.CODE: m for m in RULES + ENGINE_RULES}
