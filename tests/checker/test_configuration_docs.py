"""docs/configuration.md lists every configuration key with the defaults the code has, and its example loads."""

from __future__ import annotations

import dataclasses
import tomllib

from budsjett_lint.checker import config as config_module
from budsjett_lint.checker.config import Config, FormatOptions, parse_config
from budsjett_lint.rules import ENGINE_RULES, RULES
from budsjett_lint.rules.catalogue import option_defaults
from tests.conftest import ROOT

PAGE = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")


def _table(heading: str) -> list[list[str]]:
    section = PAGE.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ")][2:]  # past the header and the rule
    return [[cell.strip() for cell in row.strip("|").split("|")] for row in rows]


def test_every_key_is_documented_and_no_other():
    keys = {row[0].strip("`") for row in _table("Keys")}
    assert keys == config_module._KEYS


def test_the_format_keys_and_their_defaults():
    rows = {row[0].strip("`"): row[2] for row in _table("`format`")}
    defaults = {f.name: f.default for f in dataclasses.fields(FormatOptions)}
    assert rows == {k: str(v).lower() for k, v in defaults.items()}


def test_every_rule_option_and_its_default():
    documented = {(row[0].strip("`"), row[1].strip("`")): row[2] for row in _table("Rule options")}
    expected = {(m.CODE, k): str(v) for m in RULES + ENGINE_RULES for k, v in option_defaults(m).items()}
    assert documented == expected


def test_the_top_level_defaults():
    rows = {row[0].strip("`"): row[2] for row in _table("Keys")}
    default = Config()
    assert rows["fail-on"] == f"`{default.fail_on}`"
    assert rows["max-file-size"] == str(default.max_file_size)
    assert default.docs_url is None and rows["docs-url"] == "none"


def test_the_example_loads():
    example = PAGE.split("```toml\n", 1)[1].split("```", 1)[0]
    table = tomllib.loads(example)["tool"]["budsjett-lint"]
    loaded = parse_config(table, "docs/configuration.md")
    assert loaded.select == ("BAL", "FUN001") and loaded.fail_on == "warning"
    assert loaded.rule_url("BAL001") == "https://intranet.example/budsjett-lint/rules/BAL001.md"
    assert str(loaded.options["BAL001"].tolerance) == "0.1"


def test_exclude_and_per_file_ignores(cli, tmp_path):
    (tmp_path / ".budsjett-lint.yaml").write_text(
        'exclude: ["arkiv"]\nper-file-ignores:\n  "forslag/utkast-*.budsjett": ["BAL"]\n', encoding="utf-8")
    unbalanced = 'budget "E" period 2020..2020\nitem "A" oppvekst 2020=2\ncover "B" 2020=1\n'
    for name in ("arkiv/2019/gammel.budsjett", "forslag/utkast-1.budsjett", "forslag/endelig.budsjett"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(unbalanced, encoding="utf-8")
    done = cli("check", "--format", "concise", ".", cwd=tmp_path)
    assert done.stdout.splitlines() == [
        "forslag/endelig.budsjett:1:12: BAL001 2020 does not balance: spend 2.0, covered 1.0, gap 1.0 mill",
        "Found 1 finding: 1 error."]
    named = cli("check", "--format", "concise", "arkiv/2019/gammel.budsjett", cwd=tmp_path)
    assert "BAL001" in named.stdout  # named on the command line: checked all the same
    (tmp_path / ".budsjett-lint.yaml").write_text('per-file-ignores:\n  "x": ["NOPE1"]\n', encoding="utf-8")
    bad = cli("check", ".", cwd=tmp_path)
    assert bad.returncode == 2 and "per-file-ignores.x: unknown rule code or prefix 'NOPE1'" in bad.stderr
