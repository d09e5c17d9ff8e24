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

from tests.checker.conftest import BALANCED, SCRIPT, UNBALANCED
from tests.conftest import PROPOSAL, ROOT

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed: pre-commit needs it")


def test_the_manifest_declares_the_hooks():
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert set(hooks) == {"budsjett-lint-check", "budsjett-lint-format", "budsjett-lint"}
    for hook in hooks.values():
        assert hook["language"] == "python"
        assert hook["files"] == r"\.budsjett$"
    assert hooks["budsjett-lint-check"]["entry"] == hooks["budsjett-lint"]["entry"] == "budsjett-lint check"
    assert hooks["budsjett-lint-format"]["entry"] == "budsjett-lint format"


def test_the_documented_configuration_names_the_hooks_and_a_rev_the_docs_tell_how_to_make():
    ci = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    section = ci.split("## pre-commit", 1)[1].split("\n## ", 1)[0]
    block = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    [repo] = yaml.safe_load(block)["repos"]
    assert [h["id"] for h in repo["hooks"]] == ["budsjett-lint-check", "budsjett-lint-format"]
    assert "github.com" not in repo["repo"]  # the project has no public address
    assert f"git -C {repo['repo']} tag {repo['rev']}" in section


def _env(home: Path) -> dict[str, str]:
    """Git and pre-commit kept away from the user's own configuration and cache."""
    gitconfig = home / "gitconfig"
    gitconfig.write_text("[user]\n\tname = Test\n\temail = test@example.org\n[init]\n\tdefaultBranch = main\n",
                         encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(GIT_CONFIG_GLOBAL=str(gitconfig), GIT_CONFIG_NOSYSTEM="1", PRE_COMMIT_HOME=str(home / "cache"),
               NO_COLOR="1")
    return env


def _kommune(tmp_path: Path, hook: str):
    """A fresh repository that uses the hook from this checkout's HEAD; `run` runs a command in it."""
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
    config = {"repos": [{"repo": str(ROOT), "rev": head.stdout.strip(), "hooks": [{"id": hook}]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return repo, run


def test_the_hook_blocks_an_unfunded_amendment_and_passes_a_balanced_one(tmp_path):
    repo, run = _kommune(tmp_path, "budsjett-lint-check")
    proposal = PROPOSAL.read_text(encoding="utf-8")
    (repo / "proposal.budsjett").write_text(proposal, encoding="utf-8")
    run("git", "add", ".pre-commit-config.yaml", "proposal.budsjett")
    # the proposal as it is has errors of its own: it goes in without the hook, as the base of amendments
    assert run("git", "commit", "-q", "-m", "the proposal").returncode == 0

    amended = proposal + 'item "Ny ekstra satsing" oppvekst 2020=3.5 2021=7\n'
    (repo / "proposal.budsjett").write_text(amended, encoding="utf-8")
    run("git", "add", "proposal.budsjett")
    blocked = run(sys.executable, "-m", "pre_commit", "run", "--files", "proposal.budsjett")
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode == 1 and "Failed" in output, output
    assert ("error[BAL013]: the amendment widens the gap of a year that does not balance: 2020: known gap grew from "
            "71.5 to 75.0; 2021: known gap grew from 99.9 to 106.9") in output
    assert "added item `Ny ekstra satsing`" in output

    # the same, funded; the proposal's own errors are in a baseline, as a team adopting the hook would have
    baseline = run(str(SCRIPT), "check", "--write-baseline", "baseline.json", "proposal.budsjett")
    assert baseline.returncode == 0, baseline.stderr
    config = yaml.safe_load((repo / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    config["repos"][0]["hooks"][0]["args"] = ["--baseline", "baseline.json"]
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    blocked = run(sys.executable, "-m", "pre_commit", "run", "--files", "proposal.budsjett")
    assert blocked.returncode == 1 and "BAL013" in blocked.stdout, blocked.stdout
    (repo / "proposal.budsjett").write_text(amended + 'cover "Kutt i innkjøp" 2020=3.5 2021=7\n', encoding="utf-8")
    run("git", "add", "proposal.budsjett")
    passed = run(sys.executable, "-m", "pre_commit", "run", "--files", "proposal.budsjett")
    assert passed.returncode == 0 and "Passed" in passed.stdout, passed.stdout + passed.stderr


def test_the_hook_refuses_a_broken_proposal_and_accepts_a_good_one(tmp_path):
    repo, run = _kommune(tmp_path, "budsjett-lint")
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
