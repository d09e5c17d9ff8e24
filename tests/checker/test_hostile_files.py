"""Hostile files on a branch (issue 24): symbolic links that lead out of the tree, file
names that carry terminal and workflow commands, files that a rewrite would damage.
Each case is an attack that worked before; links are made in tmp_path. Runs the
installed command, as CI does.
"""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path

import pytest

from tests.checker.conftest import BALANCED, UNBALANCED, run_cli

SECRET = "ghp_SECRETTOKEN0123456789"
ESC = "\x1b"
#: What no human report may print: a control character other than the line feed, or a bidi control.
RAW = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with a budget, and beside it a folder outside it with a victim and a secret."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "victim.txt").write_text("victim\n", encoding="utf-8")
    (outside / "git-credentials").write_text(f"https://user:{SECRET}@github.com\n", encoding="utf-8")
    root = tmp_path / "repo"
    root.mkdir()
    (root / "bad.budsjett").write_text(UNBALANCED, encoding="utf-8")
    (root / ".budsjett-lint.yaml").write_text("", encoding="utf-8")
    return root


def victim(repo: Path) -> str:
    return (repo.parent / "outside" / "victim.txt").read_text(encoding="utf-8")


# --- writing never follows a link at the target ---------------------------------------

OUTPUTS = [
    *(["check", "--format", fmt, "--output", "out.sarif", "--exit-zero", "."]
      for fmt in ("full", "concise", "json", "sarif", "github", "gitlab", "junit")),
    ["check", "--write-baseline", "out.sarif", "."],
    ["diff", "bad.budsjett", "bad.budsjett", "-o", "out.sarif"],
    ["summary", "bad.budsjett", "-o", "out.sarif"],
    ["import", "doc.txt", "-o", "out.sarif", "--force"],
]


@pytest.mark.parametrize("dangling", [False, True], ids=["link", "dangling link"])
@pytest.mark.parametrize("command", OUTPUTS, ids=" ".join)
def test_an_output_onto_a_link_replaces_the_link_not_the_file_it_points_to(repo, command, dangling):
    (repo / "doc.txt").write_text("Budsjett 2020\n\nOppvekst\n\nTekst.\n", encoding="utf-8")
    (repo / "out.sarif").symlink_to("../outside/created.txt" if dangling else "../outside/victim.txt")
    done = run_cli(*command, cwd=repo)
    assert done.returncode in (0, 1), done.stderr
    assert victim(repo) == "victim\n"
    assert not (repo.parent / "outside" / "created.txt").exists()
    assert not (repo / "out.sarif").is_symlink()
    assert (repo / "out.sarif").stat().st_size > 0


@pytest.mark.parametrize("command", OUTPUTS, ids=" ".join)
def test_an_output_in_a_folder_that_is_a_link_out_of_the_tree_is_not_written(repo, command):
    """`reports -> ../outside` committed on a branch, and CI writing `--output reports/...`."""
    (repo / "doc.txt").write_text("Budsjett 2020\n\nOppvekst\n\nTekst.\n", encoding="utf-8")
    (repo / "reports").symlink_to("../outside", target_is_directory=True)
    command = [a.replace("out.sarif", "reports/out.sarif") for a in command]
    done = run_cli(*command, cwd=repo)
    assert done.returncode == 2, done.stderr
    assert "reports/out.sarif: cannot write" in done.stderr
    assert "a folder on the way is a symbolic link out of the current folder" in done.stderr
    assert sorted(p.name for p in (repo.parent / "outside").iterdir()) == ["git-credentials", "victim.txt"]


def test_an_output_through_a_link_inside_the_tree_or_named_outside_it_is_written(repo):
    (repo / "real").mkdir()
    (repo / "inner").symlink_to("real", target_is_directory=True)
    assert run_cli("check", "--output", "inner/out.txt", "--exit-zero", ".", cwd=repo).returncode == 0
    assert (repo / "real" / "out.txt").stat().st_size > 0
    assert run_cli("check", "--output", "../outside/out.txt", "--exit-zero", ".", cwd=repo).returncode == 0
    assert (repo.parent / "outside" / "out.txt").stat().st_size > 0  # a path that leaves the tree: the user's choice


def test_import_onto_a_dangling_link_is_refused_without_force_and_replaces_the_link_with_it(repo):
    (repo / "doc.txt").write_text("Budsjett 2020\n", encoding="utf-8")
    (repo / "draft.budsjett").symlink_to("../outside/created.txt")
    refused = run_cli("import", "doc.txt", "-o", "draft.budsjett", cwd=repo)
    assert refused.returncode == 2
    assert "draft.budsjett: exists" in refused.stderr
    forced = run_cli("import", "doc.txt", "-o", "draft.budsjett", "--force", cwd=repo)
    assert forced.returncode == 0, forced.stderr
    assert not (repo.parent / "outside" / "created.txt").exists()
    assert not (repo / "draft.budsjett").is_symlink()


# --- reading never leaves the tree ----------------------------------------------------

def test_a_link_to_a_file_outside_the_tree_is_not_read_and_is_an_error_naming_it(repo):
    (repo / "creds.budsjett").symlink_to(repo.parent / "outside" / "git-credentials")
    for fmt in ("full", "concise", "json", "sarif", "github"):
        done = run_cli("check", "--format", fmt, ".", cwd=repo)
        assert SECRET not in done.stdout + done.stderr
        assert done.returncode == 2
        assert "creds.budsjett: a symbolic link to a file outside" in done.stderr
        assert "bad.budsjett" in done.stdout, "the other files are still checked"


def test_a_link_to_proc_self_environ_prints_no_environment(repo):
    (repo / "leak.budsjett").symlink_to("/proc/self/environ")
    done = run_cli("check", ".", cwd=repo, env={"LEAKED_VARIABLE": SECRET})
    assert SECRET not in done.stdout + done.stderr
    assert done.returncode == 2
    assert "leak.budsjett: a symbolic link to a file outside" in done.stderr


def test_a_named_link_that_leaves_the_current_folder_is_not_read(repo):
    (repo / "creds.budsjett").symlink_to(repo.parent / "outside" / "git-credentials")
    done = run_cli("check", "creds.budsjett", "bad.budsjett", cwd=repo)  # as pre-commit names staged files
    assert SECRET not in done.stdout + done.stderr
    assert done.returncode == 2


@pytest.mark.parametrize("command", [["summary", "X"], ["export", "X"], ["diff", "bad.budsjett", "X"],
                                     ["diff", "X", "bad.budsjett"], ["import", "X"], ["check", "X"],
                                     ["check", "--baseline", "X", "bad.budsjett"], ["format", "--check", "X"]],
                         ids=" ".join)
@pytest.mark.parametrize("target", ["credentials", "environ", "folder link"])
def test_a_named_file_that_leads_out_of_the_current_folder_is_not_read_by_any_command(repo, command, target):
    """CI runs `summary proposal.budsjett`; the branch makes proposal.budsjett a link to ~/.git-credentials or
    /proc/self/environ (summary, export, diff and import read it, and a syntax error quoted its first word),
    or puts it in a folder that is a link out of the repository."""
    (repo.parent / "outside" / "secret.budsjett").write_text(f"{SECRET} https://user@github.com\n", encoding="utf-8")
    if target == "folder link":
        (repo / "linked").symlink_to("../outside", target_is_directory=True)
        name = "linked/secret.budsjett"
    else:
        name = "proposal.budsjett"
        (repo / name).symlink_to("/proc/self/environ" if target == "environ" else repo.parent / "outside" / "secret.budsjett")
    done = run_cli(*[name if a == "X" else a for a in command], cwd=repo, env={"LEAKED_VARIABLE": SECRET})
    assert SECRET not in done.stdout + done.stderr and "LEAKED_VARIABLE" not in done.stdout + done.stderr
    assert done.returncode == 2, done.stderr
    assert f"error: {name}: a " in done.stderr or f"baseline: {name}: a " in done.stderr, done.stderr


def test_a_configuration_that_is_a_link_out_of_its_folder_is_not_read(repo):
    (repo / ".budsjett-lint.yaml").unlink()
    (repo / ".budsjett-lint.yaml").symlink_to(repo.parent / "outside" / "git-credentials")
    done = run_cli("check", ".", cwd=repo)
    assert SECRET not in done.stdout + done.stderr
    assert done.returncode == 2 and ".budsjett-lint.yaml: a symbolic link to a file outside" in done.stderr


def test_a_link_inside_the_tree_is_followed(repo):
    (repo / "budget").mkdir()
    (repo / "budget" / "real.budsjett").write_text(BALANCED, encoding="utf-8")
    (repo / "alias.budsjett").symlink_to("budget/real.budsjett")
    done = run_cli("check", "--format", "json", ".", cwd=repo)
    assert done.returncode == 1, done.stderr
    assert done.stderr == ""


def test_a_link_to_a_folder_is_not_followed(repo):
    (repo.parent / "outside" / "hidden.budsjett").write_text(UNBALANCED, encoding="utf-8")
    (repo / "elsewhere").symlink_to(repo.parent / "outside", target_is_directory=True)
    done = run_cli("check", "--format", "json", ".", cwd=repo)
    files = {d["file"] for d in json.loads(done.stdout)}
    assert files == {"bad.budsjett"}


def test_an_unreadable_folder_is_an_error_naming_it(repo, monkeypatch, capsys):
    # As root every folder is readable: the refusal is simulated where the walk lists it.
    from budsjett_lint.checker import files
    from bench.robustness import run_command

    (repo / "locked").mkdir()
    (repo / "locked" / "x.budsjett").write_text(UNBALANCED, encoding="utf-8")
    real = os.scandir

    def scandir(path):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(files.os, "scandir", scandir)
    monkeypatch.chdir(repo)
    status, out, err = run_command(["check", "--format", "concise", "."])
    assert status == 2
    assert "budsjett-lint: error: locked: cannot read the folder: Permission denied" in err
    assert "bad.budsjett" in out


# --- nothing raw reaches a terminal or a CI log --------------------------------------

HOSTILE_NAME = "x\n::error file=README.md,line=1::INJECTED\x1b[2J\u202e.budsjett"


def test_a_file_name_cannot_inject_a_workflow_command_or_an_escape_sequence(repo):
    (repo / HOSTILE_NAME).write_text(UNBALANCED + f"# budsjett-lint: ignore[BAL999] {ESC}[2J\n", encoding="utf-8")
    for fmt in ("full", "concise", "github", "junit"):
        done = run_cli("check", "--format", fmt, "--color", "never", ".", cwd=repo)
        assert not RAW.search(done.stdout), (fmt, done.stdout)
        assert "U+000A" in done.stdout and "U+001B" in done.stdout and "U+202E" in done.stdout
        if fmt == "github":
            lines = done.stdout.splitlines()
            assert all(line.startswith(("::error file=", "::warning file=", "::notice file=")) for line in lines)
            assert not any(line.startswith("::error file=README.md") for line in lines)
    data = run_cli("check", "--format", "json", ".", cwd=repo).stdout
    assert HOSTILE_NAME in {d["file"] for d in json.loads(data)}, "machine formats keep the real name"


def test_a_fix_description_is_escaped_like_the_message():
    from budsjett_lint.checker.diagnostics import Diagnostic
    from budsjett_lint.checker.engine import _visible
    from budsjett_lint.dsl.model import Span
    from budsjett_lint.rules.base import Fix

    d = Diagnostic("LNK001", "x", "warning", "m", Span(1, 1, 1, 2, 0, 1),
                   fix=Fix(f"link `{ESC}[2J` instead", (), safe=False))
    assert _visible(d).fix.description == "link `<U+001B>[2J` instead"


@pytest.mark.parametrize("command", ["check", "format", "summary", "export"])
def test_messages_on_standard_error_escape_the_file_name(repo, command):
    missing = f"gone{ESC}[2J.budsjett"
    done = run_cli(command, missing, cwd=repo)
    assert done.returncode == 2
    assert ESC not in done.stderr and "gone<U+001B>[2J.budsjett: " in done.stderr
    broken = f"broken{ESC}[2J.budsjett"
    (repo / broken).write_text('budget "X" period 2020..\n', encoding="utf-8")  # a syntax error names the file
    done = run_cli(command, broken, cwd=repo)
    assert ESC not in done.stdout + done.stderr and "broken<U+001B>[2J.budsjett" in done.stdout + done.stderr


# --- a rewrite keeps what it must, or refuses ----------------------------------------

def test_format_refuses_a_read_only_file_unless_forced_and_keeps_its_mode(repo):
    f = repo / "ugly.budsjett"
    f.write_text(UNBALANCED.replace(" oppvekst", "   oppvekst"), encoding="utf-8")
    f.chmod(0o444)
    before = f.read_bytes()
    done = run_cli("format", "ugly.budsjett", cwd=repo)
    assert done.returncode == 2
    assert "read-only" in done.stderr and "--force" in done.stderr
    assert "0 files reformatted, 0 files left unchanged, 1 file could not be written" in done.stderr
    assert f.read_bytes() == before
    forced = run_cli("format", "--force", "ugly.budsjett", cwd=repo)
    assert forced.returncode == 0, forced.stderr
    assert f.read_bytes() != before and stat.S_IMODE(f.stat().st_mode) == 0o444


def test_format_refuses_to_split_hard_links_unless_forced(repo):
    f = repo / "ugly.budsjett"
    f.write_text(UNBALANCED.replace(" oppvekst", "   oppvekst"), encoding="utf-8")
    os.link(f, repo / "other-name.budsjett")
    done = run_cli("format", "ugly.budsjett", cwd=repo)
    assert done.returncode == 2 and "hard links" in done.stderr
    assert os.stat(f).st_nlink == 2
    (repo / "ugly.budsjett").write_text(UNBALANCED + "# budsjett-lint: ignore[BAL999]\n", encoding="utf-8")
    fix = run_cli("check", "--fix", "ugly.budsjett", cwd=repo)  # STR009 has a safe fix
    assert fix.returncode == 2 and "hard links" in fix.stderr
    assert os.stat(f).st_nlink == 2


def test_a_failed_write_is_not_counted_as_reformatted(repo, monkeypatch):
    from budsjett_lint.checker import files
    from bench.robustness import run_command

    (repo / "ugly.budsjett").write_text(UNBALANCED.replace(" oppvekst", "   oppvekst"), encoding="utf-8")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files.os, "replace", refuse)
    monkeypatch.chdir(repo)
    status, _, err = run_command(["format", "ugly.budsjett"])
    assert status == 2
    assert "ugly.budsjett: cannot write: Permission denied" in err
    assert "0 files reformatted" in err and "1 file could not be written" in err


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another owner")
def test_formatting_as_root_keeps_the_owner(repo):
    f = repo / "ugly.budsjett"
    f.write_text(UNBALANCED.replace(" oppvekst", "   oppvekst"), encoding="utf-8")
    os.chown(f, 65534, 65534)
    assert run_cli("format", "ugly.budsjett", cwd=repo).returncode == 0
    assert (f.stat().st_uid, f.stat().st_gid) == (65534, 65534)


# --- the SARIF region of an empty span ----------------------------------------------

def test_sarif_keeps_an_empty_span_inside_the_line(repo):
    (repo / "bad.budsjett").write_text('budget "X" period\n', encoding="utf-8")  # ends where the line ends
    done = run_cli("check", "--format", "sarif", ".", cwd=repo)
    regions = [loc["physicalLocation"]["region"] for r in json.loads(done.stdout)["runs"][0]["results"]
               for loc in r["locations"]]
    assert regions
    for region in regions:
        line = 'budget "X" period'
        if region["startLine"] == region["endLine"] == 1:
            assert region["endColumn"] <= len(line) + 1, region
