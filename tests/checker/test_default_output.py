"""The default report read top to bottom (issue 18): the verdict first, errors before warnings,
a bounded number of source frames, a closing line in every human format; `--statistics`,
`--severity`, `--show-all`; and work bounded by what is shown (issue 24)."""

from __future__ import annotations

from pathlib import Path

import pytest

from budsjett_lint.checker.config import Config
from budsjett_lint.checker.engine import check_text
from budsjett_lint.checker.report import Context, full, render
from budsjett_lint.checker.cli.check import statistics
from tests.checker.conftest import UNBALANCED

PROPOSAL = Path(__file__).parents[2] / "proposal.budsjett"

#: Two directives nobody pays for (FUN001 errors), and a year without figures (BAL002 warning).
MIXED = """\
budget "Eksempel" period 2020..2021
item "Toppet bemanning" oppvekst 2020=3.5 2021=?
cover "Innkjøp" 2020=3.5 2021=1
directive "Åpne biblioteket" kultur cost 1
directive "Åpne svømmehallen" kultur cost 2
"""


def test_the_proposal_fits_on_two_screens(cli):
    done = cli("check", str(PROPOSAL))
    lines = done.stdout.splitlines()
    # Two screens of 40 rows: 90 lines once RMP008 and LNK007 added a framed finding each, 80 since a
    # plan year's finding shows no frame of the `period` line and a finding one related place.
    assert len(lines) <= 80, f"{len(lines)} lines"
    assert lines[0].startswith("Operating balance of")
    assert lines[-1].startswith("Found ") and done.returncode == 1


def test_the_verdict_comes_first_and_gives_each_years_balance(cli, workdir):
    out = cli("check", "bad.budsjett", cwd=workdir).stdout.splitlines()
    assert out[:3] == ["Operating balance of bad.budsjett (mill NOK):",
                       "  2020  spend 7.0, coverage 7.0: balanced",
                       "  2021  spend 7.0, coverage 5.0, gap 2.0"]


def test_an_unverifiable_year_says_how_many_lines_lack_figures_and_the_known_gap(cli, tmp_path):
    (tmp_path / "m.budsjett").write_text(MIXED, encoding="utf-8")
    out = cli("check", "m.budsjett", cwd=tmp_path).stdout.splitlines()
    assert out[2] == "  2021  cannot be verified: 1 line without figures, known surplus 1.0 (spend 0.0, coverage 1.0)"


def test_errors_come_before_warnings_and_a_rules_later_findings_take_one_line(cli, tmp_path):
    (tmp_path / "m.budsjett").write_text(MIXED, encoding="utf-8")
    out = cli("check", "m.budsjett", cwd=tmp_path).stdout
    heads = [ln for ln in out.splitlines() if ln.startswith(("error[", "warning["))]
    assert [h.split(":")[0] for h in heads] == ["error[FUN001]", "error[FUN001]", "warning[BAL002]"]
    assert heads[1].startswith("error[FUN001]: m.budsjett:5:11: the directive `Åpne svømmehallen`")
    assert out.count("-->") == 3  # FUN001's first finding; BAL002's period line and its line without a figure
    everything = cli("check", "--show-all", "m.budsjett", cwd=tmp_path).stdout
    assert everything.count("-->") == 4 and " --> m.budsjett:5:11" in everything


def test_related_places_are_capped_with_and_n_more_and_show_all_shows_them(cli, tmp_path):
    lines = "".join(f'item "Linje {i}" oppvekst 2020=1 2021=?\n' for i in range(6))
    (tmp_path / "r.budsjett").write_text('budget "E" period 2020..2021\n' + lines, encoding="utf-8")
    out = cli("check", "--select", "BAL002", "r.budsjett", cwd=tmp_path).stdout
    assert out.count("-->") == 1 + full.RELATED_SHOWN
    assert f"= and {6 - full.RELATED_SHOWN} more related places" in out
    everything = cli("check", "--select", "BAL002", "--show-all", "r.budsjett", cwd=tmp_path).stdout
    assert everything.count("-->") == 1 + 6 and "more related" not in everything


def test_a_plan_years_finding_at_the_period_line_shows_its_place_and_no_frame(cli, tmp_path):
    (tmp_path / "m.budsjett").write_text(MIXED, encoding="utf-8")
    out = cli("check", "--select", "BAL002", "m.budsjett", cwd=tmp_path).stdout
    assert ("warning[BAL002]: 2021 cannot be verified: 1 line without a figure for 2021 (`Toppet bemanning`); "
            "known spending 0.0, coverage 1.0, known surplus 1.0 mill\n"
            " --> m.budsjett:1:19 (the plan's `period`)\n"
            " --> m.budsjett:2:6\n  |\n2 | item") in out
    assert "period 2020..2021\n" not in out
    everything = cli("check", "--select", "BAL002", "--show-all", "m.budsjett", cwd=tmp_path).stdout
    assert "1 | budget \"Eksempel\" period 2020..2021\n" in everything


def test_a_finding_at_the_line_a_header_would_stand_keeps_its_frame(cli, tmp_path):
    (tmp_path / "c.budsjett").write_text('item "Toppet bemanning" oppvekst 2020=3.5 2021=7.0\n', encoding="utf-8")
    out = cli("check", "c.budsjett", cwd=tmp_path).stdout
    assert ("error[BAL001]: 2020 does not balance: spend 3.5, covered 0.0, gap 3.5 mill\n --> c.budsjett:1:1\n  |\n"
            "1 | item \"Toppet bemanning\"") in out


def test_a_related_place_on_the_shown_line_is_marked_under_it(cli, tmp_path):
    (tmp_path / "d.budsjett").write_text('budget "E" period 2020..2021\ndirective "Ny" kultur cost 1\n',
                                         encoding="utf-8")
    out = cli("check", "d.budsjett", cwd=tmp_path).stdout
    assert ' --> d.budsjett:2:11\n  |\n2 | directive "Ny" kultur cost 1\n  |           ^^^^\n' in out
    assert out.count("2 | directive") == 1


def test_every_human_format_ends_with_the_closing_line(cli, workdir):
    for fmt in ("full", "concise"):
        assert cli("check", "--format", fmt, "bad.budsjett", cwd=workdir).stdout.endswith(
            "Found 1 finding: 1 error.\n")
        assert cli("check", "--format", fmt, "ok.budsjett", cwd=workdir).stdout.endswith(
            "All checks passed (1 file).\n")


def test_statistics_counts_per_code(cli, tmp_path):
    (tmp_path / "m.budsjett").write_text(MIXED, encoding="utf-8")
    done = cli("check", "--statistics", "m.budsjett", cwd=tmp_path)
    assert done.stdout == ("2  FUN001  [error]    unfunded-directive\n"
                           "1  BAL002  [warning]  unverifiable-year\n"
                           "Found 3 findings: 2 errors, 1 warning.\n")
    assert done.returncode == 1


def test_severity_filters_what_is_shown_not_the_exit_code(cli, tmp_path):
    (tmp_path / "w.budsjett").write_text('budget "E" period 2020..2021\nitem "A" oppvekst 2020=1 2021=?\n'
                                         'cover "B" 2020=1\n', encoding="utf-8")
    shown = cli("check", "--severity", "error", "--format", "concise", "--fail-on", "warning", "w.budsjett",
                cwd=tmp_path)
    # never "All checks passed" for a run that fails: the closing line says what was left out
    assert shown.stdout == ("No findings at `--severity error` or above (1 file); "
                            "not shown: 1 finding below `--severity error`.\n")
    assert shown.returncode == 1  # the warning still fails the run that --fail-on asked for
    (tmp_path / "m.budsjett").write_text(MIXED, encoding="utf-8")
    errors = cli("check", "--severity", "error", "--format", "json", "m.budsjett", cwd=tmp_path).stdout
    assert "FUN001" in errors and "BAL002" not in errors
    full = cli("check", "--severity", "error", "m.budsjett", cwd=tmp_path).stdout
    assert full.endswith("Found 2 findings: 2 errors; not shown: 1 finding below `--severity error`.\n")
    counted = cli("check", "--severity", "error", "--statistics", "m.budsjett", cwd=tmp_path).stdout
    assert counted == ("2  FUN001  [error]    unfunded-directive\n"
                       "Found 2 findings: 2 errors; not shown: 1 finding below `--severity error`.\n")


def test_force_color_colours_standard_output_and_no_color_wins(cli, workdir):
    assert "\x1b[" in cli("check", "bad.budsjett", cwd=workdir, env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b[" not in cli("check", "bad.budsjett", cwd=workdir,
                              env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout


@pytest.mark.parametrize("show_all", [False, True])
def test_excerpts_never_copy_a_long_line_whole(monkeypatch, show_all):
    """Bounded work, not a timing: the characters made printable for the report grow with the
    number of excerpts times the window, never with the excerpts times the line's length."""
    amounts = 4000
    text = 'budget "E" period 2020..2021\nitem "A" oppvekst ' + " ".join(["2020=1"] * amounts) + "\n"
    result = check_text(text, "long.budsjett", Config())
    excerpts = sum(1 + len(d.related) for d in result.diagnostics)
    assert len(result.diagnostics) >= amounts - 1  # every repeated year is a finding on the one line
    made_printable = []
    real = full._printable
    monkeypatch.setattr(full, "_printable", lambda s: made_printable.append(len(s)) or real(s))
    out = render("full", [result], Context(show_all=show_all))
    assert out.endswith("\n")
    window = 160 + 6  # `_clip`'s limit and its two ellipses
    assert max(made_printable) <= window
    assert sum(made_printable) <= excerpts * window
    long_line = len(text.split("\n")[1])
    assert sum(made_printable) * 10 < excerpts * long_line  # not the line's length for each excerpt


def test_statistics_of_nothing():
    result = check_text(UNBALANCED.replace("2021=5.0", "2021=7.0"), "ok.budsjett", Config())
    assert statistics([result]) == "All checks passed (1 file).\n"


def test_an_unknown_option_prints_the_commands_usage(cli, workdir):
    done = cli("check", "--bogus", "bad.budsjett", cwd=workdir)
    assert done.returncode == 2
    assert done.stderr.startswith("usage: budsjett-lint check ")
    assert "budsjett-lint check: error: unrecognized arguments: --bogus" in done.stderr


def test_rules_format_has_help(cli):
    assert "json: every rule" in cli("rules", "--help").stdout


def test_export_writes_to_a_file_with_o(cli, workdir):
    done = cli("export", "-o", "model.json", "ok.budsjett", cwd=workdir)
    assert done.returncode == 0 and done.stdout == ""
    import json

    assert json.loads((workdir / "model.json").read_text(encoding="utf-8"))["entries"][0]["name"] \
        == "Toppet bemanning i barnehage"
    assert cli("export", "-o", "no/such/dir/m.json", "ok.budsjett", cwd=workdir).returncode == 2


def test_an_amendments_own_error_comes_first_and_its_period_place_has_no_frame():
    from budsjett_lint.checker.amend.amendment import check_amendment

    base = ('budget "Eksempel" period 2020..2021\n'
            'item "Toppet bemanning" oppvekst 2020=3.5 2021=?\n'
            'cover "Innkjøp" 2020=3.5 2021=1\n'
            'directive "Åpne biblioteket" kultur cost 1\n')
    head = base + 'item "Ny ekstra satsing" oppvekst 2020=3.5 2021=7\n'
    out = render("full", [check_amendment(base, head, "a.budsjett")], Context())
    heads = [ln.split(":")[0] for ln in out.splitlines() if ln.startswith(("error[", "warning["))]
    # BAL013 and BAL014 stand at line 5, FUN001 at line 4
    assert heads[:3] == ["error[BAL013]", "error[BAL014]", "error[FUN001]"]
    block = out.split("error[BAL013]", 1)[1].split("\n\n", 1)[0]
    assert " --> a.budsjett:5:6\n  |\n5 | item \"Ny ekstra satsing\"" in block
    assert " --> a.budsjett:1:19 (the plan's `period`): the plan years" in block
    assert "1 | budget" not in block
    assert "1 | budget" in render("full", [check_amendment(base, head, "a.budsjett")], Context(show_all=True))
