"""A real proposal of another municipality than Trondheim, written from docs/language.md alone:
Elverum's table for Økonomistaben in thousands of kroner, with its printed sums (issue 17)."""

from __future__ import annotations

from pathlib import Path

from budsjett_lint.checker.config import Config, parse_config
from budsjett_lint.checker.engine import check_text
from budsjett_lint.checker.editor.formatter import format_text
from budsjett_lint.dsl import parse

FILE = Path(__file__).parent / "data" / "elverum-okonomistaben-2016.budsjett"
TEXT = FILE.read_text(encoding="utf-8")


def findings(config: dict | None = None) -> list[tuple[int, str, str]]:
    cfg = parse_config(config, "test-config") if config else Config()
    return [(d.span.line, d.code, d.message) for d in check_text(TEXT, str(FILE), cfg).diagnostics]


def test_it_reads_without_a_workaround_and_is_formatted():
    result = parse(TEXT)
    assert result.problems == ()
    assert format_text(TEXT) == TEXT
    assert result.budget.header.unit == "tusen"
    assert [s.name.text for s in result.budget.sums] == ["Driftsinntekt", "Driftsutgift", "Økonomistaben"]


def test_its_expected_findings():
    # The printed sums hold (within the document's rounding); the frame of one staff unit
    # has no coverage, so no year balances: what BAL001 says is true of the table.
    assert findings() == [
        (10, "BAL001", f"{year} does not balance: spend 16.802, covered 0.0, gap 16.802 mill")
        for year in range(2016, 2020)
    ]


def test_the_documents_own_rounding_shows_without_a_tolerance():
    found = [(line, message) for line, code, message in findings({"options": {"STR013": {"tolerance": 0}}})
             if code == "STR013"]
    assert [line for line, _ in found] == [34, 36]
    assert found[0][1] == ("`Driftsutgift` prints 19.968 mill for 2016, the 11 operating items of section "
                           "`Økonomistaben: driftsutgift` sum to 19.967 mill (difference 0.001); 3 more years of "
                           "2016..2019 differ too")
