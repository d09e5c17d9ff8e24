"""The `check` command end to end: arguments, inputs, outputs and exit codes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.checker.conftest import BALANCED, UNBALANCED


def test_a_file_alone_means_check(cli, workdir):
    short = cli("bad.budsjett", cwd=workdir)
    long = cli("check", "bad.budsjett", cwd=workdir)
    assert short.returncode == long.returncode == 1
    assert short.stdout == long.stdout
    assert "error[BAL001]: 2021 does not balance: spend 7.0, covered 5.0, gap 2.0 mill" in short.stdout


def test_full_format_draws_excerpt_hint_and_count(cli, workdir):
    done = cli("check", "bad.budsjett", cwd=workdir)
    assert " --> bad.budsjett:1:19 (the plan's `period`)\n" in done.stdout  # a plan year's finding: its place
    assert "= help: cover 2.0 mill more in 2021, or spend that much less" in done.stdout
    framed = cli("check", "--show-all", "bad.budsjett", cwd=workdir)
    assert " --> bad.budsjett:1:19\n" in framed.stdout
    assert "1 | budget \"Eksempel\" period 2020..2021" in framed.stdout
    assert "  |                   ^^^^^^^^^^^^^^^^^" in framed.stdout
    assert done.stdout.rstrip().endswith("Found 1 finding: 1 error.")
    assert "\x1b[" not in done.stdout  # not a terminal: no colour


def test_clean_file_exits_0_and_says_so(cli, workdir):
    done = cli("ok.budsjett", cwd=workdir)
    assert done.returncode == 0
    assert done.stdout.endswith("\n\nAll checks passed (1 file).\n")  # after the verdict: balanced
    assert done.stderr == ""


def test_color_always_and_no_color(cli, workdir):
    assert "\x1b[" in cli("check", "--color", "always", "bad.budsjett", cwd=workdir).stdout
    assert "\x1b[" not in cli("check", "--color", "always", "bad.budsjett", cwd=workdir,
                              env={"NO_COLOR": "1"}).stdout
    assert "\x1b[" not in cli("check", "--color", "never", "bad.budsjett", cwd=workdir).stdout


def test_concise_format(cli, workdir):
    done = cli("check", "--format", "concise", "bad.budsjett", cwd=workdir)
    assert done.stdout == ("bad.budsjett:1:19: BAL001 2021 does not balance: spend 7.0, covered 5.0, gap 2.0 mill\n"
                           "Found 1 finding: 1 error.\n")
    assert done.returncode == 1


def test_json_format_has_the_documented_fields(cli, workdir):
    done = cli("check", "--format", "json", "bad.budsjett", cwd=workdir)
    [item] = json.loads(done.stdout)
    assert {k: item[k] for k in ("code", "name", "severity", "file", "line", "column", "end_line", "end_column")} == {
        "code": "BAL001", "name": "unbalanced-year", "severity": "error", "file": "bad.budsjett",
        "line": 1, "column": 19, "end_line": 1, "end_column": 36}
    assert item["message"].startswith("2021 does not balance")


def test_folders_are_searched_for_budsjett_files(cli, workdir):
    (workdir / "sub" / "deeper").mkdir(parents=True)
    (workdir / "sub" / "deeper" / "c.budsjett").write_text(UNBALANCED, encoding="utf-8")
    (workdir / "sub" / "notes.txt").write_text("not a budget", encoding="utf-8")
    (workdir / ".hidden").mkdir()
    (workdir / ".hidden" / "d.budsjett").write_text(UNBALANCED, encoding="utf-8")
    done = cli("check", "--format", "concise", ".", cwd=workdir)
    files = sorted({line.split(":")[0] for line in done.stdout.splitlines()[:-1]})  # the last: the count
    assert files == ["bad.budsjett", "sub/deeper/c.budsjett"]
    assert done.returncode == 1


def test_no_paths_means_the_current_folder(cli, workdir):
    done = cli("check", "--format", "concise", cwd=workdir)
    assert done.stdout.startswith("bad.budsjett:1:19: BAL001")


def test_several_files_in_one_run(cli, workdir):
    done = cli("check", "ok.budsjett", "bad.budsjett", cwd=workdir)
    assert done.returncode == 1
    assert "bad.budsjett:1:19" in done.stdout and "Found 1 finding" in done.stdout


def test_empty_folder_warns_and_passes(cli, tmp_path):
    done = cli("check", ".", cwd=tmp_path)
    assert done.returncode == 0
    assert "no .budsjett files" in done.stderr


def test_stdin_with_a_filename(cli, workdir):
    done = cli("check", "--format", "concise", "--stdin-filename", "amendment.budsjett", "-", cwd=workdir,
               input=UNBALANCED)
    assert done.stdout.startswith("amendment.budsjett:1:19: BAL001")
    assert done.returncode == 1
    # --stdin-filename alone reads standard input, as in ruff
    alone = cli("--format", "concise", "--stdin-filename", "amendment.budsjett", cwd=workdir, input=UNBALANCED)
    assert alone.stdout == done.stdout


def test_stdin_without_a_filename_is_called_dash(cli, workdir):
    done = cli("--format", "concise", "-", cwd=workdir, input=UNBALANCED)
    assert done.stdout.startswith("-:1:19: BAL001")


def test_stdin_filename_finds_the_configuration(cli, workdir):
    sub = workdir / "quiet"
    sub.mkdir()
    (sub / ".budsjett-lint.yaml").write_text("ignore: [BAL001]\n", encoding="utf-8")
    done = cli("check", "--stdin-filename", "quiet/x.budsjett", "-", cwd=workdir, input=UNBALANCED)
    assert done.returncode == 0, done.stdout


def test_fail_on_and_exit_zero(cli, workdir):
    (workdir / "warn.budsjett").write_text(
        BALANCED.replace("2021=7.0\n", "2021=7.0  # budsjett-lint: ignore[STR001]\n", 1), encoding="utf-8")
    default = cli("check", "warn.budsjett", cwd=workdir)
    assert "warning[STR009]" in default.stdout and default.returncode == 0
    assert cli("check", "--fail-on", "warning", "warn.budsjett", cwd=workdir).returncode == 1
    assert cli("check", "--exit-zero", "bad.budsjett", cwd=workdir).returncode == 0


def test_select_and_ignore(cli, workdir):
    assert cli("check", "--ignore", "BAL", "bad.budsjett", cwd=workdir).returncode == 0
    assert cli("check", "--select", "STR", "bad.budsjett", cwd=workdir).returncode == 0
    assert cli("check", "--select", "BAL001", "bad.budsjett", cwd=workdir).returncode == 1
    unknown = cli("check", "--select", "XYZ", "bad.budsjett", cwd=workdir)
    assert unknown.returncode == 2 and "unknown rule code or prefix 'XYZ'" in unknown.stderr


def test_syntax_errors_are_findings(cli, workdir):
    (workdir / "broken.budsjett").write_text('budget "E" period 2020..2021\nitem "A" oppvekst 2020 = 3\n',
                                            encoding="utf-8")
    done = cli("check", "--format", "concise", "broken.budsjett", cwd=workdir)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert any(line.startswith("broken.budsjett:2:19: SYN001 unexpected `2020`") for line in lines)
    # the line stays, and the year its unreadable `2020 = 3` names is unknown (not 0); the SYN001 is
    # the one finding for it (no BAL002 for the same year), and the summary says 2020 is unverified
    assert not any(" BAL002 " in line for line in lines)
    summary = cli("summary", "broken.budsjett", cwd=workdir)
    assert any(line.strip().startswith("2020") and "unverified: 1 line lacks a figure" in line
               for line in summary.stdout.splitlines())


def test_a_file_that_is_not_utf8_is_a_finding(cli, workdir):
    (workdir / "latin1.budsjett").write_bytes('budget "Bærum" period 2020..2021\n'.encode("latin-1"))
    done = cli("check", "--format", "concise", "latin1.budsjett", cwd=workdir)
    assert done.returncode == 1
    assert done.stdout.startswith("latin1.budsjett:1:10: SYN007 the file is not valid UTF-8")


def test_missing_file_exits_2_without_a_false_all_clear(cli, workdir):
    done = cli("check", "nowhere.budsjett", cwd=workdir)
    assert done.returncode == 2
    assert "budsjett-lint: error: nowhere.budsjett: no such file or folder" in done.stderr
    assert "All checks passed" not in done.stdout
    assert "Traceback" not in done.stderr


def test_missing_file_among_good_ones_still_exits_2(cli, workdir):
    done = cli("check", "bad.budsjett", "nowhere.budsjett", cwd=workdir)
    assert done.returncode == 2
    assert "BAL001" in done.stdout


def test_unreadable_configuration_exits_2(cli, workdir):
    (workdir / "broken.yaml").write_text("select: [BAL\n", encoding="utf-8")
    done = cli("check", "--config", "broken.yaml", "ok.budsjett", cwd=workdir)
    assert done.returncode == 2
    assert "broken.yaml: invalid YAML at line" in done.stderr
    missing = cli("check", "--config", "absent.yaml", "ok.budsjett", cwd=workdir)
    assert missing.returncode == 2 and "absent.yaml: cannot read" in missing.stderr


def test_a_found_configuration_with_an_unknown_key_exits_2(cli, workdir):
    (workdir / ".budsjett-lint.yaml").write_text("selekt: [BAL]\n", encoding="utf-8")
    done = cli("check", "ok.budsjett", cwd=workdir)
    assert done.returncode == 2 and "unknown key `selekt`" in done.stderr


@pytest.mark.parametrize("args", [
    ["check", "--format", "xml", "ok.budsjett"],
    ["check", "--fail-on", "never", "ok.budsjett"],
    ["check", "--no-such-option"],
    ["summary"],
    ["diff", "only-one.budsjett"],
    [],
])
def test_usage_errors_exit_2(cli, workdir, args):
    done = cli(*args, cwd=workdir)
    assert done.returncode == 2
    assert "usage: budsjett-lint" in done.stderr + done.stdout
    assert "Traceback" not in done.stderr


def test_help_and_version_exit_0(cli):
    assert cli("--help").returncode == 0
    version = cli("--version")
    assert version.returncode == 0 and version.stdout.startswith("budsjett-lint ")
    for command in ("check", "summary", "diff", "rules", "rule", "export"):
        done = cli(command, "--help")
        assert done.returncode == 0 and f"budsjett-lint {command}" in done.stdout


def test_output_writes_the_report_to_a_file(cli, workdir):
    done = cli("check", "--format", "json", "--output", "report.json", "bad.budsjett", cwd=workdir)
    assert done.returncode == 1 and done.stdout == ""
    assert json.loads((workdir / "report.json").read_text(encoding="utf-8"))[0]["code"] == "BAL001"
    assert [p.name for p in workdir.iterdir() if p.name.startswith(".report")] == []  # no temporary left


def test_output_to_a_folder_that_does_not_exist_exits_2(cli, workdir):
    done = cli("check", "--output", "no/such/folder/report.txt", "bad.budsjett", cwd=workdir)
    assert done.returncode == 2
    assert "cannot write the report" in done.stderr and "Traceback" not in done.stderr


def test_full_report_written_to_a_file_has_no_colour(cli, workdir):
    cli("check", "--output", "report.txt", "bad.budsjett", cwd=workdir, env={"FORCE_COLOR": "1"})
    assert "\x1b[" not in (workdir / "report.txt").read_text(encoding="utf-8")


def test_rules_and_rule(cli):
    listing = cli("rules")
    assert listing.returncode == 0 and "BAL001  unbalanced-year" in listing.stdout
    assert any(r["code"] == "STR001" for r in json.loads(cli("rules", "--format", "json").stdout))
    page = cli("rule", "BAL001")
    assert page.returncode == 0 and page.stdout.startswith("# BAL001 unbalanced-year")
    assert cli("rule", "unbalanced-year").stdout == page.stdout
    unknown = cli("rule", "BAL01")
    assert unknown.returncode == 2 and "did you mean" in unknown.stderr


def test_export(cli, workdir):
    done = cli("export", "ok.budsjett", cwd=workdir)
    assert done.returncode == 0
    assert json.loads(done.stdout)["entries"][0]["name"] == "Toppet bemanning i barnehage"
    assert cli("export", "nowhere.budsjett", cwd=workdir).returncode == 2
    broken = cli("export", "-", cwd=workdir, input=BALANCED + 'item "B" oppvekst 2020 = 3\n')
    assert broken.returncode == 1 and "-:4:19: SYN001" in broken.stderr
    # the broken line stays, with the year its unreadable `2020 = 3` names unknown
    entries = json.loads(broken.stdout)["entries"]
    assert len(entries) == 3 and (entries[2]["name"], entries[2]["amounts"]) == ("B", {"2020": None})


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs need a POSIX system")
def test_a_fifo_is_refused_not_waited_on(cli, workdir):
    os.mkfifo(workdir / "pipe.budsjett")
    done = cli("check", "pipe.budsjett", cwd=workdir)
    assert done.returncode == 2 and "not a regular file" in done.stderr


def test_reading_a_folder_given_as_a_file_is_an_error(cli, workdir: Path):
    done = cli("export", ".", cwd=workdir)
    assert done.returncode == 2 and "is a folder" in done.stderr


def test_full_format_shows_related_places_with_their_notes(cli, tmp_path):
    (tmp_path / "d.budsjett").write_text('budget "E" period 2020..2021\nitem "A" oppvekst 2020=1\n'
                                         'cover "B" 2020=1\nitem "A" kultur 2021=0\n', encoding="utf-8")
    out = cli("check", "d.budsjett", cwd=tmp_path).stdout
    assert "\n\nerror[STR001]: `A` is already the name of line 2\n --> d.budsjett:4:6\n" in out
    assert " --> d.budsjett:2:6\n  |\n2 | item \"A\" oppvekst 2020=1\n  |      ^^^ first used here\n" in out


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="pseudo-terminals need a POSIX system")
@pytest.mark.parametrize("no_color, coloured", [(None, True), ("1", False), ("", True)])
def test_colour_on_a_terminal_unless_no_color(workdir, no_color, coloured):
    import subprocess

    from tests.checker.conftest import SCRIPT

    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "TERM")}
    env["TERM"] = "xterm-256color"
    if no_color is not None:
        env["NO_COLOR"] = no_color
    leader, follower = os.openpty()
    try:
        done = subprocess.run([str(SCRIPT), "check", "bad.budsjett"], cwd=workdir, stdout=follower,
                              stderr=subprocess.PIPE, env=env, timeout=120, check=False)
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal is closed once everything is read
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(leader)
    out = b"".join(chunks).decode("utf-8")
    assert done.returncode == 1
    assert "BAL001" in out
    assert ("\x1b[" in out) is coloured


def test_the_human_format_is_called_full_in_every_command_and_the_former_names_still_work(cli, workdir):
    for command, former in (("summary", "table"), ("diff", "text"), ("rules", "text")):
        args = {"summary": ["ok.budsjett"], "diff": ["ok.budsjett", "bad.budsjett"], "rules": []}[command]
        full = cli(command, *args, "--format", "full", cwd=workdir)
        assert full.returncode in (0, 1), full.stderr
        assert cli(command, *args, "--format", former, cwd=workdir).stdout == full.stdout
        assert cli(command, *args, cwd=workdir).stdout == full.stdout  # the default
        helped = cli(command, "--help", cwd=workdir).stdout
        assert "{full," in helped.replace("\n", " ") and former not in helped.split("--format")[1].split("\n")[0]
