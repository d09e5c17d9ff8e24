"""`ignore[CODE:YEAR]`: a finding about one plan year as a whole, silenced for that year only."""

from __future__ import annotations

from budsjett_lint.checker.engine import check_text
from budsjett_lint.checker.fixes import apply_fixes

TEXT = '''\
budget "Eksempel" period 2020..2023{comment}
item "A" oppvekst 2020=1 2021=? 2022=? 2023=1
cover "B" oppvekst 2020=1 2021=1 2022=1 2023=1
'''


def found(comment: str) -> list[tuple[str, str]]:
    return [(d.code, d.message) for d in check_text(TEXT.format(comment=comment)).diagnostics]


def years(comment: str, code: str = "BAL002") -> list[str]:
    return [m.split()[0] for c, m in found(comment) if c == code]


def test_without_a_suppression_each_year_is_reported():
    assert years("") == ["2021", "2022"]


def test_one_year_is_silenced_and_the_others_stay():
    assert years("  # budsjett-lint: ignore[BAL002:2021]") == ["2022"]
    assert years("  # budsjett-lint: ignore[BAL002:2022]") == ["2021"]
    assert years("  # budsjett-lint: ignore[bal002:2021, BAL002:2022]") == []
    assert [c for c, _ in found("  # budsjett-lint: ignore[BAL002:2021, BAL002:2022]")] == []


def test_the_code_alone_still_silences_every_year():
    assert years("  # budsjett-lint: ignore[BAL002]") == []


def test_a_year_that_has_no_finding_is_an_unused_suppression_with_a_fix():
    text = TEXT.format(comment="  # budsjett-lint: ignore[BAL002:2021, BAL002:2023]")
    result = check_text(text)
    [unused] = [d for d in result.diagnostics if d.code == "STR009"]
    assert "does not suppress BAL002:2023" in unused.message
    fixed, applied = apply_fixes(text, [unused])
    assert applied == 1 and "ignore[BAL002:2021]" in fixed
    assert [d.code for d in check_text(fixed).diagnostics] == ["BAL002"]


def test_a_year_on_a_rule_that_is_not_about_years_suppresses_nothing():
    text = 'budget "E" period 2020..2021\nitem "A" oppvekst 2020=1 2021=1 2021=2  # budsjett-lint: ignore[STR008:2021]\n'
    codes = [d.code for d in check_text(text).diagnostics]
    assert "STR008" in codes and "STR009" in codes
