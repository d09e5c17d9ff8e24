"""A broken configuration gives one clear message that names the file and the
key, and exit 2; nothing in it is ever executed. Runs the installed command.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

COMMAND = Path(sys.executable).parent / "budsjett-lint"
GOOD = 'budget "Eksempel" period 2020..2021\n'
YAML, TOML = ".budsjett-lint.yaml", "pyproject.toml"


def run(folder: Path, *args: str) -> tuple[int, str, str]:
    try:
        proc = subprocess.run([str(COMMAND), "good.budsjett", "--format", "concise", *args], cwd=folder,
                              capture_output=True, timeout=600)
    except subprocess.TimeoutExpired:  # pragma: no cover - only when reading the configuration hangs
        pytest.fail("budsjett-lint did not finish")
    return proc.returncode, proc.stdout.decode(), proc.stderr.decode()


def _alias_bomb() -> str:
    """Nine levels of YAML aliases: a few hundred bytes that stand for 9**9 strings."""
    lines = ["fail-on:", "  - &a0 [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        lines.append(f"  - &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


CASES = {
    # name: (file, content, what the message must say after "<file>: ")
    "yaml-syntax": (YAML, "select: [BAL001\n", "invalid YAML at line 2, column 1"),
    "yaml-not-a-mapping": (YAML, "- BAL001\n", "the configuration must be a mapping"),
    "yaml-unknown-key": (YAML, "selekt: [BAL001]\n", "unknown key `selekt`"),
    "yaml-unknown-code": (YAML, "select: [BLA001]\n", "select: unknown rule code or prefix 'BLA001' (did you mean BAL001?)"),
    "yaml-unknown-code-in-ignore": (YAML, "ignore: XYZ\n", "ignore: unknown rule code or prefix 'XYZ'"),
    "yaml-select-not-a-list": (YAML, "select: 5\n", "select: expected a list of rule codes"),
    "yaml-fail-on": (YAML, "fail-on: loud\n", "fail-on: expected one of error, warning, info, got 'loud'"),
    "yaml-max-file-size-text": (YAML, "max-file-size: big\n", "max-file-size: expected a positive whole number"),
    "yaml-max-file-size-negative": (YAML, "max-file-size: -1\n", "max-file-size: expected a positive whole number"),
    "yaml-max-file-size-float": (YAML, "max-file-size: 1.5e6\n", "max-file-size: expected a positive whole number"),
    "yaml-severity-not-a-table": (YAML, "severity: [BAL001]\n", "severity: expected a table"),
    "yaml-severity-level": (YAML, "severity:\n  BAL001: loud\n", "severity.BAL001: expected one of error"),
    "yaml-severity-code-is-a-number": (YAML, "severity:\n  1: error\n", "severity.1: unknown rule code 1"),
    "yaml-options-unknown-code": (YAML, "options:\n  BAL010: {}\n", "options.BAL010: unknown rule code"),
    "yaml-options-unknown-option": (YAML, "options:\n  BAL001:\n    tolerans: 1\n",
                                    "options.BAL001.tolerans: unknown option; BAL001 takes: tolerance"),
    "yaml-options-wrong-type": (YAML, "options:\n  BAL001:\n    tolerance: lots\n",
                                "options.BAL001.tolerance: expected a number, got 'lots'"),
    "yaml-options-nan": (YAML, "options:\n  BAL001:\n    tolerance: .nan\n",
                         "options.BAL001.tolerance: expected a number of at least 0"),
    "yaml-options-parser-code": (YAML, "options:\n  SYN001: {}\n", "options.SYN001: parser codes take no options"),
    "yaml-format-key": (YAML, "format:\n  width: 80\n", "format.width: unknown key"),
    "yaml-format-indent": (YAML, "format:\n  indent: 0\n", "format.indent: expected a whole number from 1 to 8"),
    "yaml-format-align": (YAML, "format:\n  align: yes please\n", "format.align: expected true or false"),
    "yaml-integer-too-long": (YAML, "format:\n  indent: " + "9" * 5000 + "\n", "invalid YAML: Exceeds the limit"),
    "yaml-nested-too-deeply": (YAML, "select: " + "[" * 3000 + "]" * 3000 + "\n", "invalid YAML: nested too deeply"),
    "yaml-alias-bomb": (YAML, _alias_bomb(), "fail-on: expected one of error, warning, info, got [['x', 'x', 'x', 'x', ...], [[...], [...], [...], [...], ...], "
                        "[[...], [...], [...], [...], ...], [[...], [...], [...], [...], ...], ...]\n"),
    "yaml-not-utf8": (YAML, "select: [BAL001]  # \xf8\n".encode("latin-1"), "not UTF-8: byte 0xF8 at offset 20"),
    "toml-syntax": (TOML, "[tool.budsjett-lint]\nselect = [BAL001\n", "invalid TOML"),
    "toml-unknown-key": (TOML, "[tool.budsjett-lint]\nselekt = []\n", "unknown key `selekt`"),
    "toml-not-a-table": (TOML, "[tool]\nbudsjett-lint = 5\n", "tool.budsjett-lint: expected a table, got 5"),
    "toml-wrong-type": (TOML, '[tool.budsjett-lint]\nmax-file-size = "50 MB"\n', "max-file-size: expected a positive whole number"),
    "toml-integer-too-long": (TOML, "[tool.budsjett-lint]\nmax-file-size = " + "9" * 5000 + "\n",
                              "invalid TOML: Exceeds the limit"),
}


@pytest.mark.parametrize("name", CASES)
def test_broken_configuration_is_one_clear_message_and_exit_2(name, tmp_path):
    file, content, says = CASES[name]
    (tmp_path / "good.budsjett").write_text(GOOD, encoding="utf-8")
    config = tmp_path / file
    config.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    status, out, err = run(tmp_path)
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1, f"one message, not {err!r}"
    assert err.startswith(f"budsjett-lint: error: {config}: "), err
    assert says in err, err


def test_a_broken_pyproject_of_another_tool_is_passed_over(tmp_path):
    (tmp_path / "good.budsjett").write_text(GOOD, encoding="utf-8")
    (tmp_path / TOML).write_text("[tool.black\nline-length = 88\n", encoding="utf-8")
    assert run(tmp_path)[0] == 0


def test_a_given_configuration_that_is_missing_or_a_folder_or_a_fifo(tmp_path):
    (tmp_path / "good.budsjett").write_text(GOOD, encoding="utf-8")
    (tmp_path / "folder.yaml").mkdir()
    os.mkfifo(tmp_path / "fifo.yaml")
    for name, says in [("missing.yaml", "No such file or directory"), ("folder.yaml", "it is a folder"),
                       ("fifo.yaml", "not a regular file")]:
        status, out, err = run(tmp_path, "--config", name)
        assert (status, out) == (2, "")
        assert err == f"budsjett-lint: error: {name}: cannot read: {says}\n"


@pytest.mark.parametrize("tag", [
    "!!python/object/apply:os.system ['touch {marker}']",
    "!!python/object/new:subprocess.Popen [['touch', '{marker}']]",
    "!!python/name:os.system",
])
def test_yaml_tags_that_would_run_code_are_refused_not_executed(tmp_path, tag):
    marker = tmp_path / "executed"
    (tmp_path / "good.budsjett").write_text(GOOD, encoding="utf-8")
    (tmp_path / YAML).write_text("select: " + tag.format(marker=marker) + "\n", encoding="utf-8")
    status, out, err = run(tmp_path)
    assert status == 2
    assert "could not determine a constructor for the tag" in err
    assert not marker.exists()


def test_command_line_codes_are_checked_like_configured_ones(tmp_path):
    (tmp_path / "good.budsjett").write_text(GOOD, encoding="utf-8")
    status, out, err = run(tmp_path, "--select", "BAL001,NOPE")
    assert status == 2
    assert err == "budsjett-lint: error: --select: select: unknown rule code or prefix 'NOPE'\n"
