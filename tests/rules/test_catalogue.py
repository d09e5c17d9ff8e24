"""Every rule is registered once, documented, and its examples do what its page says."""

from __future__ import annotations

import dataclasses
import pkgutil

import budsjett_lint.rules as rules_pkg
import pytest
import yaml
from budsjett_lint.rules import BY_CODE, ENGINE_RULES, RULES
from budsjett_lint.rules.catalogue import entries, render_page, render_yaml
from budsjett_lint.rules.syntax import CODES as PARSER_CODES

from tests.conftest import ROOT, budsjett_blocks
from tests.helpers import codes

FAMILIES = ("SYN", "STR", "BAL", "FUN", "RMP", "LNK", "TXT")
HELPERS = {"base", "catalogue", "syntax", "totals"}  # public modules that are no rule


def test_every_module_is_registered():
    modules = {m.name for m in pkgutil.iter_modules(rules_pkg.__path__)
               if not m.name.startswith("_") and m.name not in HELPERS}
    registered = {m.__name__.rsplit(".", 1)[1] for m in RULES + ENGINE_RULES}
    assert modules == registered


def test_codes_and_names_are_unique_and_well_formed():
    all_codes = [p.code for p in PARSER_CODES] + [m.CODE for m in RULES + ENGINE_RULES]
    names = [p.name for p in PARSER_CODES] + [m.NAME for m in RULES + ENGINE_RULES]
    assert len(set(all_codes)) == len(all_codes)
    assert len(set(names)) == len(names)
    for code in all_codes:
        assert code[:3] in FAMILIES and code[3:].isdigit() and len(code) == 6, code


@pytest.mark.parametrize("module", RULES + ENGINE_RULES, ids=lambda m: m.CODE)
def test_rule_contract(module):
    assert module.SEVERITY in ("error", "warning", "info")
    assert module.SUMMARY and not module.SUMMARY.endswith(".")
    assert dataclasses.is_dataclass(module.Options)
    module.Options()  # every option has a default
    doc = module.__doc__
    for heading in ("## What it does", "## Why", "## Example", "## Use instead"):
        assert heading in doc, f"{module.CODE} lacks {heading}"
    assert getattr(module, "FIX", "none") in ("none", "safe", "unsafe")
    if module in RULES:
        assert callable(module.check)


def test_catalogue_yaml_is_in_step_with_the_modules():
    committed = (ROOT / "rules" / "catalogue.yaml").read_text(encoding="utf-8")
    assert committed == render_yaml(), "run: python -m budsjett_lint.rules.catalogue ."
    assert [r["code"] for r in yaml.safe_load(committed)["rules"]] == [e["code"] for e in entries()]


def test_rule_pages_are_in_step_with_the_modules():
    for e in entries():
        page = ROOT / "docs" / "rules" / f"{e['code']}.md"
        assert page.read_text(encoding="utf-8") == render_page(e["code"]), "run: python -m budsjett_lint.rules.catalogue ."


def _examples(code: str) -> tuple[str, str]:
    page = render_page(code)
    failing = page.split("## Example", 1)[1].split("## Use instead", 1)[0]
    passing = page.split("## Use instead", 1)[1].split("\n## ", 1)[0]
    return budsjett_blocks(failing), budsjett_blocks(passing)


@pytest.mark.parametrize("code", [m.CODE for m in RULES + ENGINE_RULES] + [p.code for p in PARSER_CODES if p.code != "SYN007"])
def test_page_examples_fail_and_pass_as_documented(code):
    failing, passing = _examples(code)
    assert failing and passing, f"{code} needs a failing and a passing example in the language"
    if getattr(BY_CODE.get(code), "AMENDMENT", False):  # the examples are pairs: the base, then the amended file
        from budsjett_lint.checker.amend.amendment import check_amendment

        assert len(failing) == len(passing) == 2, f"{code}: an example is the base and the amended file"
        assert code in [d.code for d in check_amendment(*failing).diagnostics]
        assert code not in [d.code for d in check_amendment(*passing).diagnostics]
        assert code not in codes(failing[1]), f"{code} needs the base: alone, the amended file does not show it"
        return
    # FUN002's finding is said in BAL001's for the year (rules/unfunded_ramp_up.py): its examples are BAL001's
    said_by = {"FUN002": "BAL001"}.get(code, code)
    for text in failing:
        assert said_by in codes(text), f"{code} does not fire on its own failing example"
    for text in passing:
        found = codes(text)
        assert said_by not in found, f"{code} fires on its passing example"
        assert not [c for c in found if c.startswith("SYN")], f"{code}'s passing example has syntax errors"


def test_by_code_knows_every_rule():
    assert set(BY_CODE) == {m.CODE for m in RULES + ENGINE_RULES}


def test_every_rule_module_has_its_own_test_file():
    missing = [m.__name__.rsplit(".", 1)[1] for m in RULES + ENGINE_RULES
               if not (ROOT / "tests" / "rules" / f"test_{m.__name__.rsplit('.', 1)[1]}.py").is_file()]
    assert missing == []
