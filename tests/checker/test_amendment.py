"""Amendment mode: `check` judges a file against its base (a git revision, or a baseline's years)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from budsjett_lint.checker.amend.amendment import check_amendment
from budsjett_lint.checker.amend.diff import compare
from budsjett_lint.checker.engine import check_text
from tests.checker.conftest import BALANCED
from tests.conftest import PROPOSAL

UNFUNDED_LINE = 'item "Ny ekstra satsing" oppvekst 2020=3.5 2021=7\n'
COVER_LINE = 'cover "Kutt i innkjøp" 2020=3.5 2021=7\n'


@pytest.fixture(scope="module")
def proposal() -> str:
    return PROPOSAL.read_text(encoding="utf-8")


def _codes(result, code):
    return [d for d in result.diagnostics if d.code == code]


def test_an_unfunded_amendment_to_the_proposal_names_the_line_and_each_years_growth(proposal):
    result = check_amendment(proposal, proposal + UNFUNDED_LINE, "proposal.budsjett")
    [found] = _codes(result, "BAL013")
    line = proposal.count("\n") + 1
    assert found.severity == "error"
    assert found.message == (
        "the amendment widens the gap of a year that does not balance: 2020: known gap grew from 71.5 to 75.0; "
        "2021: known gap grew from 99.9 to 106.9; by the lines it adds or changes: "
        f"added item `Ny ekstra satsing` (line {line}: 2020 +3.5, 2021 +7.0)")
    assert found.span.line == line  # beside the change, where a pull request shows it
    # the BAL002 of 2020 and 2021 stand at the changed line too; 2022 and 2023 stay at the period
    bal002 = {d.message[:4]: d.span.line for d in _codes(result, "BAL002")}
    period = check_text(proposal).budget.header.period_span.line
    assert bal002 == {"2020": line, "2021": line, "2022": period, "2023": period}


def test_a_balanced_amendment_to_the_proposal_is_no_news(proposal):
    amended = proposal + UNFUNDED_LINE + COVER_LINE
    result = check_amendment(proposal, amended, "proposal.budsjett")
    assert not _codes(result, "BAL013") and not _codes(result, "BAL014")
    a = compare(check_text(proposal, "p"), check_text(amended, "p"))
    assert a.introduced == () and a.resolved == () and a.worse == ()


def test_the_unfunded_amendment_is_reported_worse_in_diff_not_new_and_resolved(proposal):
    a = compare(check_text(proposal, "p"), check_text(proposal + UNFUNDED_LINE, "p"))
    assert a.introduced == () and a.resolved == ()
    assert [(d.code, how) for d, how in a.worse] == [("BAL002", "known gap grew from 71.5 to 75.0"),
                                                     ("BAL002", "known gap grew from 99.9 to 106.9")]
    assert a.fails


def test_a_balanced_year_left_unbalanced_or_unverifiable_is_bal014():
    result = check_amendment(BALANCED, BALANCED + 'item "Leksehjelp" oppvekst 2021=2\n')
    [found] = _codes(result, "BAL014")
    assert found.message == ("the amendment leaves a balanced year unbalanced: 2021 balanced before and has a gap "
                             "of 2.0 after; by the lines it adds or changes: added item `Leksehjelp` (line 4: 2021 +2.0)")
    unknown = check_amendment(BALANCED, BALANCED + 'item "Leksehjelp" oppvekst 2021=?\n')
    [found] = _codes(unknown, "BAL014")
    assert "2021 balanced before and cannot be verified (1 line without a figure, known gap 0.0) after" in found.message
    assert "added item `Leksehjelp` (line 4: 2021 ?)" in found.message


def test_near_misses_stay_silent():
    # a surplus that shrinks, figures moved between lines, and a year that got better
    base = BALANCED.replace('cover "Innkjøp" 2020=3.5 2021=7.0', 'cover "Innkjøp" 2020=3.5 2021=9.0')
    assert not _codes(check_amendment(base, base.replace("2021=9.0", "2021=8.0")), "BAL013")
    moved = BALANCED.replace("2021=7.0\ncover", "2021=6.0\ncover") + 'item "Rest" oppvekst 2021=1\n'
    assert [d.code for d in check_amendment(BALANCED, moved).diagnostics] == []
    unbalanced = BALANCED.replace("2021=7.0\n", "2021=5.0\n", 1)  # a surplus of 2.0 in 2021, made smaller
    assert not _codes(check_amendment(unbalanced.replace("2021=5.0", "2021=6.0"), unbalanced), "BAL013")
    # within the tolerance
    assert not _codes(check_amendment(BALANCED, BALANCED.replace("2021=7.0\n", "2021=7.04\n", 1)), "BAL014")


git_needed = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@pytest.fixture
def repo(tmp_path: Path, proposal) -> Path:
    def git(*args: str) -> None:
        subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args], cwd=tmp_path,
                       check=True, capture_output=True)

    git("init", "-q", "-b", "main")
    (tmp_path / "proposal.budsjett").write_text(proposal, encoding="utf-8")
    git("add", "proposal.budsjett")
    git("commit", "-q", "-m", "proposal")
    git("checkout", "-q", "-b", "endringsforslag")
    return tmp_path


@git_needed
def test_check_in_git_judges_against_the_merge_base_with_main(cli, repo, proposal):
    plain = cli("check", "--format", "concise", "proposal.budsjett", cwd=repo)
    assert plain.returncode == 1 and "BAL013" not in plain.stdout  # nothing amended yet
    (repo / "proposal.budsjett").write_text(proposal + UNFUNDED_LINE, encoding="utf-8")
    done = cli("check", "--format", "concise", "proposal.budsjett", cwd=repo)
    assert "BAL013 the amendment widens the gap" in done.stdout and "added item `Ny ekstra satsing`" in done.stdout
    off = cli("check", "--format", "concise", "--diff-base", "none", "proposal.budsjett", cwd=repo)
    assert "BAL013" not in off.stdout
    explicit = cli("check", "--format", "concise", "--diff-base", "main", "proposal.budsjett", cwd=repo)
    assert explicit.stdout == done.stdout
    unknown = cli("check", "--diff-base", "nope", "proposal.budsjett", cwd=repo)
    assert unknown.returncode == 2 and "--diff-base nope: not a revision that git knows" in unknown.stderr


@git_needed
def test_the_baseline_judges_the_amendment_and_a_balanced_one_passes(cli, repo, proposal):
    written = cli("check", "--write-baseline", "b.json", "proposal.budsjett", cwd=repo)
    assert written.returncode == 0, written.stderr
    (repo / "proposal.budsjett").write_text(proposal + UNFUNDED_LINE, encoding="utf-8")
    for base in ([], ["--diff-base", "none"]):  # from git's base, or from the baseline's years alone
        done = cli("check", "--format", "concise", "--baseline", "b.json", *base, "proposal.budsjett", cwd=repo)
        assert done.returncode == 1
        assert "BAL013 the amendment widens the gap of a year that does not balance: 2020: known gap grew from " \
               "71.5 to 75.0; 2021: known gap grew from 99.9 to 106.9" in done.stdout
        assert "(worse than the baseline: known gap grew from 71.5 to 75.0)" in done.stdout
    (repo / "proposal.budsjett").write_text(proposal + UNFUNDED_LINE + COVER_LINE, encoding="utf-8")
    balanced = cli("check", "--format", "json", "--baseline", "b.json", "proposal.budsjett", cwd=repo)
    assert balanced.returncode == 0, balanced.stdout
    assert json.loads(balanced.stdout) == []


@git_needed
@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give the repository to another user")
def test_a_repository_that_git_refuses_says_so_and_that_amendment_mode_is_off(cli, repo, proposal):
    (repo / "proposal.budsjett").write_text(proposal + UNFUNDED_LINE, encoding="utf-8")
    for path in (repo, *repo.rglob("*")):  # another user's checkout, as in many CI containers
        os.lchown(path, 12345, 12345)
    env = {"GIT_CONFIG_GLOBAL": str(repo / "no-such-gitconfig")}  # no safe.directory of the host
    plain = cli("check", "--format", "concise", "proposal.budsjett", cwd=repo, env=env)
    assert plain.returncode == 1 and "BAL013" not in plain.stdout
    assert "warning: amendment mode is off, git refuses this repository" in plain.stderr
    assert f"git config --global --add safe.directory {repo}" in plain.stderr
    named = cli("check", "--diff-base", "main", "proposal.budsjett", cwd=repo, env=env)
    assert named.returncode == 2
    assert "--diff-base main: git refuses this repository: it is owned by another user" in named.stderr
    assert "not a revision" not in named.stderr


def test_plain_check_outside_git_is_unchanged(cli, tmp_path, proposal):
    (tmp_path / "proposal.budsjett").write_text(proposal + UNFUNDED_LINE, encoding="utf-8")
    done = cli("check", "--format", "concise", "proposal.budsjett", cwd=tmp_path)
    assert "BAL013" not in done.stdout and "BAL014" not in done.stdout
    assert "proposal.budsjett:19:3: BAL002 2020 cannot be verified" in done.stdout  # at the period, as before


@git_needed
def test_on_the_main_branch_the_change_not_yet_committed_is_judged(cli, repo, proposal):
    subprocess.run(["git", "checkout", "-q", "main"], cwd=repo, check=True)
    (repo / "proposal.budsjett").write_text(proposal + UNFUNDED_LINE, encoding="utf-8")
    done = cli("check", "--format", "concise", "proposal.budsjett", cwd=repo)
    assert "BAL013 the amendment widens the gap" in done.stdout
    explicit = cli("check", "--format", "concise", "--diff-base", "HEAD", "proposal.budsjett", cwd=repo)
    assert explicit.stdout == done.stdout


@git_needed
def test_the_work_tree_is_read_in_one_question(repo, tmp_path_factory):
    from budsjett_lint.checker.amend.repo import WorkTree, default_base, work_tree

    def git(*args: str, cwd: Path = repo) -> str:
        return subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args], cwd=cwd,
                              check=True, capture_output=True, text=True).stdout.strip()

    (repo / "sub").mkdir()
    on_branch = work_tree(repo / "sub")
    assert on_branch == WorkTree(repo.resolve(), git("rev-parse", "HEAD"), "refs/heads/endringsforslag")
    assert default_base(on_branch) == (git("merge-base", "HEAD", "main"), None)
    git("checkout", "-q", "main")
    on_main = work_tree(repo)
    assert on_main.branch == "refs/heads/main" and default_base(on_main) == (on_main.head, None)
    git("checkout", "-q", "--detach")
    assert work_tree(repo).branch is None and work_tree(repo).head == on_main.head
    unborn = tmp_path_factory.mktemp("unborn")
    git("init", "-q", "-b", "main", cwd=unborn)
    assert work_tree(unborn) == WorkTree(unborn.resolve()) and default_base(work_tree(unborn)) == (None, None)
    outside = tmp_path_factory.mktemp("outside")
    assert work_tree(outside).root == outside
