"""The pre-commit hook, for real: installed from this checkout into a fresh repository,
it refuses a commit of a broken proposal and accepts a good one."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.checker.conftest import BALANCED, UNBALANCED
from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed: pre-commit needs it")


def test_the_manifest_declares_the_hook():
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "budsjett-lint"
    assert hook["language"] == "python"
    assert hook["files"] == r"\.budsjett$"
    assert hook["entry"].split()[0] == "budsjett-lint"


def _env(home: Path) -> dict[str, str]:
    """Git and pre-commit kept away from the user's own configuration and cache."""
    gitconfig = home / "gitconfig"
    gitconfig.write_text("[user]\n\tname = Test\n\temail = test@example.org\n[init]\n\tdefaultBranch = main\n",
                         encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(GIT_CONFIG_GLOBAL=str(gitconfig), GIT_CONFIG_NOSYSTEM="1", PRE_COMMIT_HOME=str(home / "cache"),
               NO_COLOR="1")
    return env


def test_the_hook_refuses_a_broken_proposal_and_accepts_a_good_one(tmp_path):
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert head.returncode == 0, f"{ROOT} must be a git checkout with a commit: pre-commit installs from a rev"
    listed = subprocess.run(["git", "ls-tree", "--name-only", "HEAD", ".pre-commit-hooks.yaml"], cwd=ROOT,
                            capture_output=True, text=True, check=True)
    assert listed.stdout.strip() == ".pre-commit-hooks.yaml", "commit .pre-commit-hooks.yaml: pre-commit reads HEAD"

    env = _env(tmp_path)
    repo = tmp_path / "kommune"
    repo.mkdir()

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(args, cwd=repo, env=env, capture_output=True, text=True, timeout=600, check=False)

    assert run("git", "init", "-q").returncode == 0
    config = {"repos": [{"repo": str(ROOT), "rev": head.stdout.strip(), "hooks": [{"id": "budsjett-lint"}]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    run("git", "add", ".pre-commit-config.yaml")
    installed = run(sys.executable, "-m", "pre_commit", "install")
    assert installed.returncode == 0, installed.stdout + installed.stderr
    assert (repo / ".git" / "hooks" / "pre-commit").is_file()

    (repo / "proposal.budsjett").write_text(UNBALANCED, encoding="utf-8")
    (repo / "notes.txt").write_text("not a budget: the hook leaves it alone\n", encoding="utf-8")
    run("git", "add", "proposal.budsjett", "notes.txt")
    refused = run("git", "commit", "-m", "an unbalanced proposal")
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "budsjett-lint" in output and "Failed" in output
    assert "error[BAL001]: 2021 does not balance: spend 7.0, covered 5.0, gap 2.0 mill" in output
    assert run("git", "rev-parse", "--verify", "-q", "HEAD").returncode != 0  # nothing was committed

    (repo / "proposal.budsjett").write_text(BALANCED, encoding="utf-8")
    run("git", "add", "proposal.budsjett")
    accepted = run("git", "commit", "-m", "a balanced proposal")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert "Passed" in accepted.stdout + accepted.stderr
    log = run("git", "log", "--format=%s")
    assert log.stdout.splitlines() == ["a balanced proposal"]
