"""CI outputs: JUnit fails only from --fail-on; GitHub's per-step annotation limits are kept and told."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from budsjett_lint.checker.engine import check_text
from budsjett_lint.checker.report import Context
from budsjett_lint.checker.report.github import render as github
from budsjett_lint.checker.report.junit import render as junit

WARNS = """\
budget "Eksempel" period 2020..2021
item "Kulturskolen" oppvekst 2020=1 2021=1
cover "Innkjøp" 2020=1 2021=?
item "Kulturskolen" kultur 2020=0 2021=0
"""  # BAL002 (a warning) and STR001 (an error)


def _cases(xml: str) -> dict[str, str]:
    """Test case name -> failure, output or pass."""
    out = {}
    for case in ET.fromstring(xml).iter("testcase"):
        code = case.get("name").split()[0]
        out[code] = ("failure" if case.find("failure") is not None
                     else "output" if case.find("system-out") is not None else "pass")
    return out


def test_junit_fails_only_from_fail_on():
    r = check_text(WARNS, "w.budsjett")
    assert {d.code: d.severity for d in r.diagnostics} == {"BAL002": "warning", "STR001": "error"}
    default = _cases(junit([r], Context()))
    assert default["STR001"] == "failure" and default["BAL002"] == "output" and default["BAL001"] == "pass"
    root = ET.fromstring(junit([r], Context()))
    assert root.get("failures") == "1"
    assert "w.budsjett:1:" in root.find(".//testcase[@name='BAL002 unverifiable-year']/system-out").text
    warning = _cases(junit([r], Context(fail_on="warning")))
    assert warning["STR001"] == warning["BAL002"] == "failure"


def test_junit_follows_fail_on_from_the_command_line(cli, tmp_path):
    (tmp_path / "w.budsjett").write_text(WARNS, encoding="utf-8")
    done = cli("check", "--format", "junit", "--fail-on", "warning", "w.budsjett", cwd=tmp_path)
    assert ET.fromstring(done.stdout).get("failures") == "2"
    done = cli("check", "--format", "junit", "w.budsjett", cwd=tmp_path)
    assert ET.fromstring(done.stdout).get("failures") == "1"


def _many(n: int) -> str:
    return 'budget "E" period 2020..2020\n' + "".join(f'item "L{i}" oppvekst 2020=1\nitem "L{i}" kultur 2020=0\n'
                                                    for i in range(n))


def test_github_keeps_ten_a_level_and_says_what_was_not_shown():
    r = check_text(_many(13), "m.budsjett")  # 13 STR001 errors and one BAL001
    lines = github([r], Context()).splitlines()
    errors = [line for line in lines if line.startswith("::error ")]
    assert len(errors) == 10
    assert errors[-1].startswith("::error title=budsjett-lint%3A 5 more errors::5 more errors not shown as "
                                 "annotations (STR001 ×5): GitHub shows 10 a step.")
    logged = [line for line in lines if not line.startswith("::")]
    assert len(logged) == 5 and all(line.startswith("m.budsjett:") and "error[" in line for line in logged)


def test_github_at_the_limit_shows_all_and_no_summary():
    r = check_text(_many(9), "m.budsjett")  # 9 STR001 and BAL001: ten errors
    lines = github([r], Context()).splitlines()
    assert len(lines) == 10 and all(line.startswith("::error file=") for line in lines)
