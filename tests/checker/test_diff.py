"""`budsjett-lint diff BASE HEAD`: what an amendment changes, per year, and whether it still balances."""

from __future__ import annotations

import json
import subprocess
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings

from budsjett_lint.checker.report.diff import render, verdict
from budsjett_lint.checker.amend.diff import compare
from budsjett_lint.checker.engine import check_text
from budsjett_lint.checker.summary import Total
from tests.strategies import documents

BASE = textwrap.dedent("""\
    budget "Forslag" period 2020..2021
    fund "Disposisjonsfondet"
    item "Toppet bemanning" oppvekst 2020=3.5 2021=7.0
      heading 3.5 halfyear
    item "Kulturskolen" kultur 2020..2021=1
    cover "Innkjøp" 2020=4.5 2021=8.0
    directive "Bostøtte" arbeid cost none
""")

# An amendment: one item more, paid for by a bigger cut in purchasing; a heading corrected.
FUNDED = BASE.replace('cover "Innkjøp" 2020=4.5 2021=8.0', 'cover "Innkjøp" 2020=6.5 2021=10.0') \
    .replace("heading 3.5 halfyear", "heading 3.5 halfyear trial") \
    + 'item "Leksehjelp" oppvekst 2020..2021=2\n'

# The same item, unfunded.
UNFUNDED = BASE + 'item "Leksehjelp" oppvekst 2020..2021=2\n'


def D(text: str) -> Decimal:
    return Decimal(text)


def _compare(before: str, after: str, **kw):
    return compare(check_text(before, "base.budsjett"), check_text(after, "head.budsjett"), **kw)


def test_a_funded_amendment():
    a = _compare(BASE, FUNDED)
    changes = {(c.status, c.name): c for c in a.changes}
    assert set(changes) == {("changed", "Toppet bemanning"), ("changed", "Innkjøp"), ("added", "Leksehjelp")}
    assert changes["changed", "Innkjøp"].years == {2020: (D("4.5"), D("6.5")), 2021: (D("8.0"), D("10.0"))}
    assert changes["changed", "Innkjøp"].delta(2021) == D("2.0")
    assert changes["changed", "Toppet bemanning"].years == {}
    assert changes["changed", "Toppet bemanning"].details == ("trial added",)
    assert changes["added", "Leksehjelp"].years == {2020: (D("0"), D("2")), 2021: (D("0"), D("2"))}
    assert [(e.year, e.spend, e.cover, e.net) for e in a.effects] == [
        (2020, Total(D("2")), Total(D("2.0")), Total(D("0.0"))),
        (2021, Total(D("2")), Total(D("2.0")), Total(D("0.0"))),
    ]
    assert [(y.status_before, y.status_after) for y in a.balance] == [("balanced", "balanced")] * 2
    assert a.introduced == () and a.resolved == ()
    assert not a.fails


def test_an_unfunded_amendment_leaves_years_unbalanced():
    a = _compare(BASE, UNFUNDED)
    assert [y.year for y in a.newly_unbalanced] == [2020, 2021]
    assert [d.message for d in a.introduced] == [
        "2020 does not balance: spend 6.5, covered 4.5, gap 2.0 mill",
        "2021 does not balance: spend 10.0, covered 8.0, gap 2.0 mill",
    ]
    assert a.fails


def test_resolving_an_imbalance_is_reported_as_resolved():
    a = _compare(UNFUNDED, BASE)
    assert [d.code for d in a.resolved] == ["BAL001", "BAL001"]
    assert a.introduced == () and not a.fails
    assert [c.status for c in a.changes] == ["removed"]


def test_a_year_left_without_figures_counts_as_unbalanced():
    a = _compare(BASE, BASE.replace("2021=8.0", "2021=?"))
    [y2021] = a.newly_unbalanced
    assert y2021.year == 2021 and y2021.status_after == "unknown"
    assert a.effects[1].cover == Total(D("0"), ("Innkjøp",))
    assert a.fails


TRONDHEIM = (Path(__file__).parent / "data" / "trondheim-excerpt.budsjett").read_text(encoding="utf-8")


def test_an_amendment_to_a_proposal_that_cannot_be_shown_to_balance_must_fund_itself():
    # Every year of the excerpt lacks figures, so no year "balanced before"; the amendment is judged on its own.
    half_funded = TRONDHEIM.replace("cover \"Innkjøp\" 2020=15 ", "cover \"Innkjøp\" 2020=17 ") \
        + 'item "Skolemat" oppvekst 2020=2 2021=4\n'
    a = _compare(TRONDHEIM, half_funded)
    assert [y.status_before for y in a.balance] == ["unknown"] * 4
    assert a.newly_unbalanced == ()
    assert [(e.year, e.net) for e in a.unfunded] == [(2021, Total(D("4")))]
    assert a.fails
    assert verdict(a) == ("Fails: 2021 does not balance, and the amendment is not funded on its own: "
                          "it spends 4.0 more than it covers.")

    funded = half_funded + 'cover "Redusert reisebudsjett" 2021=4\n'
    assert not _compare(TRONDHEIM, funded).fails

    vague = TRONDHEIM + 'item "Skolemat" oppvekst 2020=2\ncover "Mer effektivisering" 2020=?\n'
    a = _compare(TRONDHEIM, vague)
    assert [(e.year, e.net) for e in a.unfunded] == [(2020, Total(D("2"), ("Mer effektivisering",)))]
    assert verdict(a) == ("Fails: 2020 does not balance, and the amendment's own changes cannot be added up "
                          "(Mer effektivisering without a figure).")

    saving = TRONDHEIM + 'cover "Mer innkjøp" 2020=2\n'  # covers more: cannot unbalance what it amends
    assert not _compare(TRONDHEIM, saving).fails


def test_moved_lines_are_not_news():
    moved = BASE.replace('item "Kulturskolen" kultur 2020..2021=1\n', "") + "\n# flyttet\n" \
        + 'item "Kulturskolen" kultur 2020..2021=1\n'
    a = _compare(UNFUNDED, moved + 'item "Leksehjelp" oppvekst 2020..2021=2\n')
    assert a.changes == ()
    assert a.introduced == () and a.resolved == ()


def test_warnings_fail_only_when_asked():
    suppressed = BASE.replace("2020..2021=1\n", "2020..2021=1  # budsjett-lint: ignore[STR001]\n")
    a = _compare(BASE, suppressed)
    assert [d.code for d in a.introduced] == ["STR009"]
    assert not a.fails
    assert verdict(a) == "Passes: the amendment is funded on its own, unbalances no year, and brings no new error."
    strict = _compare(BASE, suppressed, fail_on="warning")
    assert strict.fails
    assert verdict(strict) == "Fails: it introduces 1 finding at or above warning (STR009)."


def test_directives_links_funds_and_the_period_are_compared():
    after = BASE.replace('directive "Bostøtte" arbeid cost none', 'directive "Bostøtte" arbeid cost ?') \
        .replace("period 2020..2021", "period 2020..2022") \
        .replace('fund "Disposisjonsfondet"', 'fund "Disposisjonsfondet" opening 10') \
        + 'offset "Toppet bemanning" <-> "Innkjøp"\n'
    changes = {(c.status, c.kind, c.name): c.details for c in _compare(BASE, after).changes}
    assert changes == {
        ("changed", "budget", "Forslag"): ("period 2020 2021 -> 2020 2022",),
        ("changed", "directive", "Bostøtte"): ("cost none -> ?",),
        ("changed", "fund", "Disposisjonsfondet"): ("opening none -> 10.0",),
        ("added", "offset", "offset Toppet bemanning <-> Innkjøp"): (),
    }


def test_a_new_plan_year_is_compared_as_outside_before():
    after = BASE.replace("period 2020..2021", "period 2020..2022")
    a = _compare(BASE, after)
    assert a.years == (2020, 2021, 2022)
    assert (a.balance[2].status_before, a.balance[2].status_after) == ("outside", "balanced")
    assert not a.fails


def test_duplicate_names_are_compared_in_order():
    a = _compare(BASE, BASE + 'item "Kulturskolen" kultur 2021=1\n')
    assert [(c.status, c.name) for c in a.changes] == [("added", "Kulturskolen (#2)")]
    assert [d.code for d in a.introduced] == ["BAL001", "STR001"]  # the ramp-up is said in BAL001's finding


@settings(max_examples=40, deadline=None)
@given(documents())
def test_a_document_against_itself_changes_nothing(text):
    a = _compare(text, "# moved down\n" + text)
    assert a.changes == () and a.introduced == () and a.resolved == ()
    assert not a.fails
    assert all(e.net == Total() for e in a.effects)


@settings(max_examples=40, deadline=None)
@given(documents(), documents())
def test_any_two_documents_compare_and_render(before, after):
    a = _compare(before, after)
    assert render(a, "text") and render(a, "markdown")
    assert json.loads(render(a, "json"))["fails"] is a.fails
    assert a.fails == bool(a.failing_findings or a.newly_unbalanced or a.unfunded)


# --- the command -----------------------------------------------------------------------------


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository whose main branch has the proposal; the work tree holds an amendment."""

    def git(*args: str) -> None:
        subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args], cwd=tmp_path,
                       check=True, capture_output=True)

    git("init", "-q", "-b", "main")
    (tmp_path / "proposal.budsjett").write_text(BASE, encoding="utf-8")
    git("add", "proposal.budsjett")
    git("commit", "-q", "-m", "proposal")
    return tmp_path


def test_diff_text_from_git(cli, repo):
    (repo / "proposal.budsjett").write_text(FUNDED, encoding="utf-8")
    done = cli("diff", "main:proposal.budsjett", "proposal.budsjett", cwd=repo)
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    assert out.startswith("budsjett-lint diff: main:proposal.budsjett -> proposal.budsjett\n")
    assert "~  item   Toppet bemanning     3              trial added" in out
    assert "~  cover  Innkjøp              6  +2.0  +2.0" in out
    assert "+  item   Leksehjelp           8  +2.0  +2.0" in out
    assert out.rstrip().endswith("Passes: the amendment is funded on its own, unbalances no year, and brings no new error.")


def test_diff_markdown_for_a_pull_request(cli, repo):
    (repo / "proposal.budsjett").write_text(UNFUNDED, encoding="utf-8")
    done = cli("diff", "--format", "markdown", "main:proposal.budsjett", "proposal.budsjett", cwd=repo)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines[0] == "<!-- budsjett-lint diff -->"
    assert ("**Fails: 2020 balanced before and gap 2.0 after; 2021 balanced before and gap 2.0 after; "
            "it introduces 2 errors (BAL001).**") in lines
    assert "| + | item | Leksehjelp | 8 | +2.0 | +2.0 |  |" in lines
    assert "| 2020 | +2.0 |  | +2.0 |  |" in lines
    assert "| 2021 | balanced | gap 2.0 | newly unbalanced |" in lines
    assert "| BAL001 | error | proposal.budsjett:1:18 | 2021 does not balance: spend 10.0, covered 8.0, gap 2.0 mill |" \
        in lines


def test_diff_json(cli, repo):
    (repo / "amended.budsjett").write_text(UNFUNDED, encoding="utf-8")
    done = cli("diff", "--format", "json", "proposal.budsjett", "amended.budsjett", cwd=repo)
    data = json.loads(done.stdout)
    assert data["fails"] is True and done.returncode == 1
    assert data["changes"] == [{"status": "added", "kind": "item", "name": "Leksehjelp", "line": 8,
                                "years": {"2020": {"before": 0.0, "after": 2.0, "delta": 2.0},
                                          "2021": {"before": 0.0, "after": 2.0, "delta": 2.0}},
                                "details": []}]
    assert data["effect"][0]["net"] == {"known": 2.0, "without_figure": []}
    assert [b["newly_unbalanced"] for b in data["balance"]] == [True, True]
    assert [d["code"] for d in data["introduced"]] == ["BAL001", "BAL001"]


def test_diff_between_two_revisions_and_to_a_file(cli, repo):
    (repo / "proposal.budsjett").write_text(FUNDED, encoding="utf-8")
    subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qam", "amend"],
                   cwd=repo, check=True)
    done = cli("diff", "--output", "amendment.md", "--format", "markdown", "HEAD~1:proposal.budsjett",
               "HEAD:proposal.budsjett", cwd=repo)
    assert done.returncode == 0 and done.stdout == ""
    assert "**Passes:" in (repo / "amendment.md").read_text(encoding="utf-8")


def test_diff_stdin_as_one_side(cli, repo):
    done = cli("diff", "proposal.budsjett", "-", cwd=repo, input=UNFUNDED)
    assert done.returncode == 1 and "Leksehjelp" in done.stdout
    both = cli("diff", "-", "-", cwd=repo, input=UNFUNDED)
    assert both.returncode == 2 and "only one side" in both.stderr


@pytest.mark.parametrize("base, message", [
    ("nosuchbranch:proposal.budsjett", "nosuchbranch:proposal.budsjett: git cannot read it"),
    ("main:missing.budsjett", "main:missing.budsjett: git cannot read it"),
    ("main:", "main:: expected REF:path"),
    ("missing.budsjett", "missing.budsjett: No such file or directory"),
])
def test_diff_read_errors_exit_2(cli, repo, base, message):
    done = cli("diff", base, "proposal.budsjett", cwd=repo)
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_diff_of_a_folder_in_git_exits_2(cli, repo):
    (repo / "sub").mkdir()
    (repo / "sub" / "a.budsjett").write_text(BASE, encoding="utf-8")
    subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.org", "add", "sub"], cwd=repo, check=True)
    subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", "sub"], cwd=repo,
                   check=True)
    done = cli("diff", "main:sub", "proposal.budsjett", cwd=repo)
    assert done.returncode == 2 and "main:sub: is a folder in git, not a file" in done.stderr


def test_diff_outside_a_repository_exits_2(cli, tmp_path):
    (tmp_path / "p.budsjett").write_text(BASE, encoding="utf-8")
    done = cli("diff", "main:p.budsjett", "p.budsjett", cwd=tmp_path, env={"GIT_CEILING_DIRECTORIES": str(tmp_path)})
    assert done.returncode == 2 and "git cannot read it" in done.stderr


def test_diff_fail_on_and_config(cli, repo):
    suppressed = BASE.replace("2020..2021=1\n", "2020..2021=1  # budsjett-lint: ignore[STR001]\n")
    (repo / "proposal.budsjett").write_text(suppressed, encoding="utf-8")
    assert cli("diff", "main:proposal.budsjett", "proposal.budsjett", cwd=repo).returncode == 0
    assert cli("diff", "--fail-on", "warning", "main:proposal.budsjett", "proposal.budsjett",
               cwd=repo).returncode == 1
    (repo / "strict.yaml").write_text("fail-on: warning\n", encoding="utf-8")
    assert cli("diff", "--config", "strict.yaml", "main:proposal.budsjett", "proposal.budsjett",
               cwd=repo).returncode == 1
    assert cli("diff", "--config", "absent.yaml", "main:proposal.budsjett", "proposal.budsjett",
               cwd=repo).returncode == 2


def test_an_unverified_year_shows_its_known_gap_before_and_after():
    base = 'budget "E" period 2020..2021\nitem "A" oppvekst 2020=5 2021=?\ncover "B" 2020=5 2021=1\n'
    text = render(_compare(base, base + 'item "Ny" oppvekst 2021=3\n'), "text")
    assert "2021  unverified: known surplus 1.0 (1 line lacks a figure)  unverified: known gap 2.0 (1 line lacks a " \
           "figure)" in text
    assert "2020  balanced" in text
