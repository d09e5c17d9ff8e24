"""`check --write-baseline` and `check --baseline`: a branch is judged by what it adds."""

from __future__ import annotations

import json

from tests.checker.conftest import UNBALANCED

TWO_PROBLEMS = """\
budget "Eksempel" period 2020..2021
item "Kulturskolen" oppvekst 2020=1
cover "Innkjøp" 2020=1 2021=1
item "Kulturskolen" kultur 2021=1
"""


def test_write_then_check_against_the_baseline(cli, workdir):
    written = cli("check", "--write-baseline", "baseline.json", ".", cwd=workdir)
    assert written.returncode == 0 and written.stdout == ""
    assert "wrote 1 finding to baseline.json" in written.stderr
    data = json.loads((workdir / "baseline.json").read_text(encoding="utf-8"))
    assert data["budsjett-lint-baseline"] == 2
    assert data["years"]["bad.budsjett"] == {"2020": {"status": "balanced", "gap": "0.0", "without_figure": 0},
                                             "2021": {"status": "gap", "gap": "2.0", "without_figure": 0}}
    assert [(f["file"], f["code"], f["line"]) for f in data["findings"]] == [("bad.budsjett", "BAL001", 1)]
    done = cli("check", "--baseline", "baseline.json", ".", cwd=workdir)
    assert done.returncode == 0
    # after the verdict of each, and what the baseline holds is counted, not taken for a pass of everything
    assert done.stdout.endswith("\n\nAll checks passed (2 files); not shown: 1 finding the baseline holds.\n")


def test_findings_keep_their_identity_when_lines_move(cli, workdir):
    (workdir / "p.budsjett").write_text(TWO_PROBLEMS, encoding="utf-8")
    cli("check", "--write-baseline", "b.json", "p.budsjett", cwd=workdir)
    moved = "# Endringsforslag\n\n" + TWO_PROBLEMS.replace('cover "Innkjøp" 2020=1 2021=1\n', "") \
        + 'cover "Innkjøp" 2020=1 2021=1\n'
    (workdir / "p.budsjett").write_text(moved, encoding="utf-8")
    done = cli("check", "--format", "concise", "--baseline", "b.json", "p.budsjett", cwd=workdir)
    assert done.returncode == 0, done.stdout
    assert done.stdout == "All checks passed (1 file); not shown: 1 finding the baseline holds.\n"


def test_new_findings_are_reported_and_multiplicity_counts(cli, workdir):
    (workdir / "p.budsjett").write_text(TWO_PROBLEMS, encoding="utf-8")
    cli("check", "--write-baseline", "b.json", "p.budsjett", cwd=workdir)
    # the same duplicate name once more: one finding more of an identity the baseline holds once
    (workdir / "p.budsjett").write_text(TWO_PROBLEMS + 'item "Kulturskolen" helse 2021=0\n', encoding="utf-8")
    done = cli("check", "--format", "concise", "--baseline", "b.json", "p.budsjett", cwd=workdir)
    assert done.returncode == 1
    assert done.stdout == ("p.budsjett:5:6: STR001 `Kulturskolen` is already the name of line 2\n"
                           "Found 1 finding: 1 error; not shown: 1 finding the baseline holds.\n")


def test_a_changed_figure_is_judged_again(cli, workdir):
    cli("check", "--write-baseline", "b.json", "bad.budsjett", cwd=workdir)
    (workdir / "bad.budsjett").write_text(UNBALANCED.replace("2021=5.0", "2021=4.0"), encoding="utf-8")
    done = cli("check", "--format", "concise", "--baseline", "b.json", "bad.budsjett", cwd=workdir)
    assert done.returncode == 1
    assert "gap 3.0 mill" in done.stdout


def test_the_baseline_is_per_file(cli, workdir):
    cli("check", "--write-baseline", "b.json", "bad.budsjett", cwd=workdir)
    (workdir / "copy.budsjett").write_text(UNBALANCED, encoding="utf-8")
    done = cli("check", "--format", "concise", "--baseline", "b.json", "bad.budsjett", "copy.budsjett",
               cwd=workdir)
    assert done.returncode == 1
    assert done.stdout.startswith("copy.budsjett:1:19: BAL001")


def test_a_missing_or_broken_baseline_exits_2(cli, workdir):
    missing = cli("check", "--baseline", "nope.json", "bad.budsjett", cwd=workdir)
    assert missing.returncode == 2 and "cannot read the baseline: nope.json" in missing.stderr
    (workdir / "broken.json").write_text('{"findings": [', encoding="utf-8")
    broken = cli("check", "--baseline", "broken.json", "bad.budsjett", cwd=workdir)
    assert broken.returncode == 2 and "not a baseline written by --write-baseline" in broken.stderr
    (workdir / "old.json").write_text('{"budsjett-lint-baseline": 1, "findings": []}', encoding="utf-8")
    old = cli("check", "--baseline", "old.json", "bad.budsjett", cwd=workdir)
    assert old.returncode == 2 and "an older version (1; this is 2)" in old.stderr
    assert "write it again with --write-baseline" in old.stderr
    (workdir / "other.json").write_text('{"budsjett-lint-baseline": 2, "findings": [{"code": "X"}]}',
                                        encoding="utf-8")
    other = cli("check", "--baseline", "other.json", "bad.budsjett", cwd=workdir)
    assert other.returncode == 2 and "finding 1 lacks a file or a fingerprint" in other.stderr
    assert "Traceback" not in missing.stderr + broken.stderr + other.stderr


def test_writing_a_baseline_where_it_cannot_go_exits_2_and_leaves_nothing(cli, workdir):
    done = cli("check", "--write-baseline", "no/such/b.json", "bad.budsjett", cwd=workdir)
    assert done.returncode == 2 and "cannot write the baseline" in done.stderr
    (workdir / "b.json").write_text("keep me", encoding="utf-8")
    (workdir / "b.json").chmod(0o444)
    # rewriting replaces the file at once (write to a temporary file, then rename)
    assert cli("check", "--write-baseline", "b.json", "bad.budsjett", cwd=workdir).returncode == 0
    assert json.loads((workdir / "b.json").read_text(encoding="utf-8"))["findings"]
    assert sorted(p.name for p in workdir.iterdir()) == ["b.json", "bad.budsjett", "ok.budsjett"]
