"""`budsjett-lint check --fix`, `--unsafe-fixes` and `--diff`, through the installed command."""

from __future__ import annotations

import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

from budsjett_lint.checker import cli, engine
from budsjett_lint.rules.base import Edit, Finding, Fix, NoOptions

COMMAND = str(Path(sys.executable).with_name("budsjett-lint"))

UNUSED = ('budget "E" period 2020..2021\n'
          'item "Kulturskolen" oppvekst 2020..2021=1  # budsjett-lint: ignore[RMP001]\n'
          'cover "Innkjøp" 2021=1 2020=1\n')
FIXED = ('budget "E" period 2020..2021\n'
         'item "Kulturskolen" oppvekst 2020..2021=1\n'
         'cover "Innkjøp" 2020=1 2021=1\n')


def run(*args: str, stdin: bytes | None = None, env: dict | None = None):
    return subprocess.run([COMMAND, *args], input=stdin, capture_output=True, timeout=120,
                          env={**os.environ, **(env or {})})


@pytest.fixture
def path(tmp_path: Path) -> Path:
    p = tmp_path / "proposal.budsjett"
    p.write_text(UNUSED)
    return p


def test_fix_removes_an_unused_suppression_and_orders_years_then_reports_what_remains(path):
    r = run("check", "--fix", "--format", "concise", str(path))
    assert path.read_text() == FIXED
    assert r.returncode == 0, r.stdout
    assert r.stdout == b"All checks passed (1 file).\n"
    assert f"Fixed 2 findings in {path}.".encode() in r.stderr


def test_what_cannot_be_fixed_is_still_reported_and_fails_the_run(path):
    path.write_text(UNUSED.replace("cover \"Innkjøp\" 2021=1 2020=1", "cover \"Innkjøp\" 2021=1 2020=2"))
    r = run("check", "--fix", "--format", "concise", str(path))
    assert r.returncode == 1
    assert r.stdout.decode() == (f"{path}:1:12: BAL001 2020 does not balance: spend 1.0, covered 2.0, surplus 1.0 mill\n"
                                 "Found 1 finding: 1 error.\n")
    assert "# budsjett-lint" not in path.read_text()


def test_without_fix_nothing_is_written_and_the_fixes_are_offered(path):
    r = run("check", str(path))
    assert path.read_text() == UNUSED
    assert b"= fix: remove the unused suppression" in r.stdout
    assert b"2 fixable with `--fix`." in r.stdout


def test_diff_shows_the_fixes_and_writes_nothing(path):
    r = run("check", "--diff", str(path))
    assert r.returncode == 1
    assert path.read_text() == UNUSED
    assert r.stdout.decode() == (
        f"--- {path}\n+++ {path}\n@@ -1,3 +1,3 @@\n budget \"E\" period 2020..2021\n"
        "-item \"Kulturskolen\" oppvekst 2020..2021=1  # budsjett-lint: ignore[RMP001]\n"
        "-cover \"Innkjøp\" 2021=1 2020=1\n"
        "+item \"Kulturskolen\" oppvekst 2020..2021=1\n"
        "+cover \"Innkjøp\" 2020=1 2021=1\n")
    path.write_text(FIXED)
    assert run("check", "--diff", str(path)).returncode == 0


def test_select_limits_the_fixes(path):
    run("check", "--fix", "--select", "STR010", str(path))
    assert path.read_text() == UNUSED.replace("2021=1 2020=1", "2020=1 2021=1")


def test_fix_on_standard_input_writes_the_text_to_standard_output():
    r = run("check", "--fix", "--format", "concise", "-", stdin=UNUSED.encode())
    assert r.stdout.decode() == FIXED
    assert r.returncode == 0


def test_a_file_with_syntax_errors_is_not_fixed(path):
    broken = UNUSED + 'item "B" oppvekst 2020 = 1\n'
    path.write_text(broken)
    r = run("check", "--fix", "--format", "concise", str(path))
    assert path.read_text() == broken
    assert r.returncode == 1
    assert b"not fixed: the file has syntax errors" in r.stderr
    assert b"SYN001" in r.stdout and b"STR010" in r.stdout


def test_standard_input_with_syntax_errors_comes_back_unchanged():
    broken = UNUSED + 'item "B" oppvekst 2020 = 1\n'
    r = run("check", "--fix", "--format", "concise", "-", stdin=broken.encode())
    assert r.stdout.decode() == broken
    assert r.returncode == 1 and b"SYN001" in r.stderr


def test_a_failed_write_is_an_error_and_leaves_the_file(path, tmp_path):
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(
        "import errno, os\ndef fsync(fd):\n    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))\nos.fsync = fsync\n")
    r = run("check", "--fix", str(path), env={"PYTHONPATH": str(hooks)})
    assert r.returncode == 2
    assert f"{path}: cannot write the fixes: No space left on device".encode() in r.stderr
    assert path.read_text() == UNUSED


# -- unsafe fixes: no rule of this branch has one yet (RMP007 will), so a stand-in rule
# with the same kind of fix runs through the real command line in this process. -------------

def _heading_rule():
    def check(budget, options):
        for e in budget.entries:
            if e.heading is not None and e.amounts and e.heading.value != e.amounts[0].value:
                yield Finding(f"heading {e.heading.value} differs from {e.amounts[0].value}", e.heading.span,
                              fix=Fix("set the heading to the first year's figure",
                                      (Edit(e.heading.span.start, e.heading.span.end, str(e.amounts[0].value)),),
                                      safe=False))

    return types.SimpleNamespace(CODE="RMP900", NAME="heading-stand-in", SEVERITY="warning", FIX="unsafe",
                                 Options=NoOptions, check=check)


HEADING = 'budget "E" period 2020..2021\nitem "Toppet" oppvekst 2020=3.5 2021=7 heading 7\ncover "I" 2021=7 2020=3.5\n'


@pytest.mark.parametrize("flags, heading", [(["--fix"], "7"), (["--fix", "--unsafe-fixes"], "3.5")])
def test_unsafe_fixes_apply_only_when_asked(monkeypatch, tmp_path, capsys, flags, heading):
    monkeypatch.setattr(engine, "RULES", engine.RULES + (_heading_rule(),))
    path = tmp_path / "p.budsjett"
    path.write_text(HEADING)
    status = cli.main(["check", *flags, "--format", "concise", str(path)])
    assert path.read_text() == (f'budget "E" period 2020..2021\nitem "Toppet" oppvekst 2020=3.5 2021=7 heading {heading}\n'
                                'cover "I" 2020=3.5 2021=7\n')
    remaining = capsys.readouterr().out
    assert ("RMP900" in remaining) == (heading == "7")
    assert status == 0


def test_unsafe_fixes_show_in_the_diff_only_when_asked(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(engine, "RULES", engine.RULES + (_heading_rule(),))
    path = tmp_path / "p.budsjett"
    path.write_text(HEADING)
    cli.main(["check", "--diff", str(path)])
    assert "heading 3.5" not in capsys.readouterr().out
    assert cli.main(["check", "--diff", "--unsafe-fixes", str(path)]) == 1
    assert "+item \"Toppet\" oppvekst 2020=3.5 2021=7 heading 3.5" in capsys.readouterr().out
    assert path.read_text() == HEADING
