"""The machine formats: SARIF (validated against the official schema), GitHub
workflow commands, GitLab Code Quality and JUnit XML, run through the command."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from budsjett_lint.checker.report.github import escape_data, escape_property
from tests.checker.conftest import UNBALANCED
from tests.conftest import ROOT



def _schema_path() -> Path:
    """`../shared/schemas/` beside the repository: beside this checkout, or beside the main
    working tree where this checkout is a `git worktree` of it."""
    relative = Path("shared") / "schemas" / "sarif-schema-2.1.0.json"
    candidates = [ROOT.parent / relative]
    common = subprocess.run(["git", "rev-parse", "--path-format=absolute", "--git-common-dir"], cwd=ROOT,
                            capture_output=True, text=True, check=False)
    if common.returncode == 0 and common.stdout.strip():
        candidates.append(Path(common.stdout.strip()).parent.parent / relative)
    return next((c for c in candidates if c.is_file()), candidates[0])


SCHEMA = _schema_path()

DUPLICATES = """\
budget "Eksempel" period 2020..2021
item "Kulturskolen" oppvekst 2020=1
cover "Innkjøp" 2020=1
item "Kulturskolen" kultur 2021=1
cover "Kulturskolen" 2021=1
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A git repository with a proposal in a subfolder, so that paths are relative to the repository root."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "budsjett").mkdir()
    (tmp_path / "budsjett" / "forslag 1.budsjett").write_text(UNBALANCED, encoding="utf-8")
    (tmp_path / "budsjett" / "dup.budsjett").write_text(DUPLICATES, encoding="utf-8")
    return tmp_path


def _sarif(cli, cwd: Path, *paths: str) -> dict:
    done = cli("check", "--format", "sarif", *paths, cwd=cwd)
    assert done.returncode == 1, done.stderr
    return json.loads(done.stdout)


def test_sarif_validates_against_the_official_schema(cli, project):
    if not SCHEMA.is_file():
        pytest.skip(f"the SARIF 2.1.0 schema is not at {SCHEMA} (CI keeps shared/ beside the clone)")
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    report = _sarif(cli, project, "budsjett")
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    errors = sorted(validator_class(schema).iter_errors(report), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])
    assert report["runs"][0]["results"], "an empty report would validate trivially"


def test_sarif_rules_describe_every_code(cli, project):
    driver = _sarif(cli, project, "budsjett")["runs"][0]["tool"]["driver"]
    rules = {r["id"]: r for r in driver["rules"]}
    listed = [r["code"] for r in json.loads(cli("rules", "--format", "json").stdout)]
    assert list(rules) == listed
    bal = rules["BAL001"]
    assert bal["name"] == "unbalanced-year"
    assert bal["shortDescription"]["text"] == "A plan year whose operating spending and coverage differ"
    assert bal["fullDescription"]["text"].startswith("For each year of the plan, adds up the operating spending")
    assert bal["help"]["markdown"].startswith("# BAL001 unbalanced-year")
    assert "## Use instead" in bal["help"]["text"]
    assert "helpUri" not in bal and "informationUri" not in driver  # no address to link to unless configured
    assert bal["defaultConfiguration"]["level"] == "error"
    assert rules["STR009"]["defaultConfiguration"]["level"] == "warning"


def test_sarif_rule_links_follow_docs_url(cli, project):
    (project / "c.yaml").write_text("docs-url: https://docs.kommune.example/budsjett-lint/rules/\n", encoding="utf-8")
    done = cli("check", "--format", "sarif", "--exit-zero", "--config", "c.yaml", "budsjett", cwd=project)
    rules = {r["id"]: r for r in json.loads(done.stdout)["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["BAL001"]["helpUri"] == "https://docs.kommune.example/budsjett-lint/rules/BAL001.md"
    (project / "c.yaml").write_text("docs-url: https://wiki.example/rule?id={code}\n", encoding="utf-8")
    done = cli("check", "--format", "sarif", "--exit-zero", "--config", "c.yaml", "budsjett", cwd=project)
    rules = {r["id"]: r for r in json.loads(done.stdout)["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["STR001"]["helpUri"] == "https://wiki.example/rule?id=STR001"
    (project / "c.yaml").write_text("docs-url: github.com/made/up\n", encoding="utf-8")
    bad = cli("check", "--format", "sarif", "--config", "c.yaml", "budsjett", cwd=project)
    assert bad.returncode == 2 and "docs-url: expected the address of the rule pages" in bad.stderr


def test_sarif_results_point_into_the_repository(cli, project):
    run = _sarif(cli, project / "budsjett", ".")["runs"][0]  # run from a subfolder: paths stay root-relative
    driver_rules = run["tool"]["driver"]["rules"]
    by_rule = {}
    for result in run["results"]:
        assert driver_rules[result["ruleIndex"]]["id"] == result["ruleId"]
        by_rule.setdefault(result["ruleId"], []).append(result)
    [balance] = [r for r in by_rule["BAL001"]
                 if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "budsjett/forslag%201.budsjett"]
    location = balance["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    assert location["region"] == {"startLine": 1, "startColumn": 19, "endLine": 1, "endColumn": 36}
    assert balance["level"] == "error"
    assert balance["message"]["text"].startswith("2021 does not balance: spend 7.0, covered 5.0, gap 2.0 mill")
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == project.resolve().as_uri() + "/"

    duplicates = by_rule["STR001"]
    assert len(duplicates) == 2
    assert duplicates[0]["relatedLocations"][0]["message"]["text"] == "first used here"
    assert duplicates[0]["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 2
    prints = [r["partialFingerprints"]["budsjettLint/v1"] for r in run["results"]]
    assert len(set(prints)) == len(prints)


def test_sarif_fingerprints_survive_lines_moving(cli, project):
    before = _sarif(cli, project, "budsjett/dup.budsjett")["runs"][0]["results"]
    moved = "# a comment\n\n" + DUPLICATES.replace('cover "Innkjøp" 2020=1\n', "") + 'cover "Innkjøp" 2020=1\n'
    (project / "budsjett" / "dup.budsjett").write_text(moved, encoding="utf-8")
    after = _sarif(cli, project, "budsjett/dup.budsjett")["runs"][0]["results"]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in before] != \
           [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after]
    assert sorted(r["partialFingerprints"]["budsjettLint/v1"] for r in before) == \
           sorted(r["partialFingerprints"]["budsjettLint/v1"] for r in after)


def test_sarif_with_no_findings_is_still_a_report(cli, project):
    (project / "ok.budsjett").write_text(UNBALANCED.replace("2021=5.0", "2021=7.0"), encoding="utf-8")
    done = cli("check", "--format", "sarif", "ok.budsjett", cwd=project)
    assert done.returncode == 0
    assert json.loads(done.stdout)["runs"][0]["results"] == []


def test_github_workflow_commands(cli, project):
    done = cli("check", "--format", "github", "budsjett", cwd=project)
    lines = done.stdout.splitlines()
    assert done.returncode == 1
    assert ("::error file=budsjett/forslag 1.budsjett,line=1,col=19,endLine=1,endColumn=36,"
            "title=BAL001 unbalanced-year::2021 does not balance: spend 7.0, covered 5.0, gap 2.0 mill"
            "%0Ahelp: cover 2.0 mill more in 2021, or spend that much less") in lines
    assert all(line.startswith("::error ") for line in lines)


def test_github_escaping_follows_the_toolkit():
    assert escape_data("50% of 3,5:\r\nnext") == "50%25 of 3,5:%0D%0Anext"
    assert escape_property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae"


def test_github_levels(cli, tmp_path):
    (tmp_path / "w.budsjett").write_text(
        'budget "E" period 2020..2021\nitem "A" oppvekst 2020..2021=1  # budsjett-lint: ignore[BAL001]\n'
        'cover "B" 2020..2021=1\n', encoding="utf-8")
    done = cli("check", "--format", "github", "w.budsjett", cwd=tmp_path)
    assert done.stdout.startswith("::warning file=w.budsjett,line=2,")
    info = cli("check", "--format", "github", "--config", "c.yaml", "w.budsjett", cwd=tmp_path)
    assert info.returncode == 2  # c.yaml does not exist
    (tmp_path / "c.yaml").write_text("severity: {STR009: info}\n", encoding="utf-8")
    info = cli("check", "--format", "github", "--config", "c.yaml", "w.budsjett", cwd=tmp_path)
    assert info.stdout.startswith("::notice file=w.budsjett,line=2,")


def test_gitlab_code_quality(cli, project):
    done = cli("check", "--format", "gitlab", ".", cwd=project / "budsjett")
    issues = json.loads(done.stdout)
    assert done.returncode == 1
    for issue in issues:
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in ("info", "minor", "major", "critical", "blocker")
        assert issue["location"]["lines"]["begin"] >= 1
    balance = next(i for i in issues if i["location"]["path"] == "budsjett/forslag 1.budsjett")
    assert balance["check_name"] == "BAL001 unbalanced-year"
    assert balance["description"].startswith("BAL001 2021 does not balance")
    assert balance["severity"] == "major"
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_junit_one_case_per_file_and_rule(cli, project):
    done = cli("check", "--format", "junit", "--select", "BAL001,STR001,STR009", "budsjett", cwd=project)
    assert done.returncode == 1
    root = ET.fromstring(done.stdout.encode("utf-8"))
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert set(suites) == {"budsjett/dup.budsjett", "budsjett/forslag 1.budsjett"}
    dup = suites["budsjett/dup.budsjett"]
    cases = {c.get("name"): c for c in dup.iter("testcase")}
    assert set(cases) == {"BAL001 unbalanced-year", "STR001 duplicate-name", "STR009 unused-suppression"}
    failure = cases["STR001 duplicate-name"].find("failure")
    assert failure is not None and failure.get("message").startswith("2 findings: ")
    assert failure.text.splitlines() == [
        "budsjett/dup.budsjett:4:6: STR001 `Kulturskolen` is already the name of line 2",
        "budsjett/dup.budsjett:5:7: STR001 `Kulturskolen` is already the name of line 2",
    ]
    assert cases["BAL001 unbalanced-year"].find("failure") is None
    assert dup.get("tests") == "3" and dup.get("failures") == "1"
    assert root.get("tests") == "6" and root.get("failures") == "2"


def test_junit_stays_well_formed_with_control_characters(cli, tmp_path):
    (tmp_path / "c.budsjett").write_text('budget "E" period 2020..2021\nitem "A\x01" oppvekst 2020=1\n'
                                         'item "A\x01" oppvekst 2021=1\n', encoding="utf-8")
    done = cli("check", "--format", "junit", "c.budsjett", cwd=tmp_path)
    ET.fromstring(done.stdout.encode("utf-8"))  # parses


def test_machine_formats_do_not_load_rich():
    code = ("import sys\n"
            "from budsjett_lint.checker.engine import check_text\n"
            "from budsjett_lint.checker.report import Context, render\n"
            f"r = check_text({UNBALANCED!r}, 'x.budsjett')\n"
            "for f in ('concise', 'json', 'sarif', 'github', 'gitlab', 'junit'):\n"
            "    render(f, [r], Context())\n"
            "assert 'rich' not in sys.modules, sorted(m for m in sys.modules if m.startswith('rich'))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
