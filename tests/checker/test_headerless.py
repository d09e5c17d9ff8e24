"""A file without a `budget` header through every command: checked for the years it names (STR015),
and no command stumbles on it."""

from __future__ import annotations

import json

CARD = 'item "Toppet bemanning" oppvekst 2020=3.5 2021=7.0\n'
NO_YEARS = '# a draft\nfund "Disposisjonsfondet" opening 10\n'


def test_check_gives_the_verdict_and_the_balance_errors(cli, tmp_path):
    (tmp_path / "card.budsjett").write_text(CARD, encoding="utf-8")
    done = cli("check", "card.budsjett", cwd=tmp_path)
    assert done.returncode == 1 and done.stderr == ""
    out = done.stdout
    assert out.startswith("Operating balance of card.budsjett (mill NOK):\n  2020  spend 3.5, coverage 0.0, gap 3.5\n"
                          "  2021  spend 7.0, coverage 0.0, gap 7.0\n")
    assert "error[BAL001]: 2020 does not balance: spend 3.5, covered 0.0, gap 3.5 mill" in out
    assert "2021 does not balance: spend 7.0, covered 0.0, gap 7.0 mill" in out
    assert "info[STR015]: the file has no `budget` statement: checked for the plan years 2020–2021" in out
    assert out.endswith("Found 3 findings: 2 errors, 1 info.\n")


def test_a_file_that_names_no_year_is_one_error_and_nothing_else(cli, tmp_path):
    (tmp_path / "draft.budsjett").write_text(NO_YEARS, encoding="utf-8")
    done = cli("check", "--format", "concise", "draft.budsjett", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout == ("draft.budsjett:2:1: STR006 the file has no `budget` statement and names no year, so no "
                           "year of the plan can be checked\nFound 1 finding: 1 error.\n")
    summary = cli("summary", "draft.budsjett", cwd=tmp_path)
    assert summary.returncode == 0 and "Traceback" not in summary.stderr
    assert "no plan years: the file declares no `period` and names no year" in summary.stderr
    assert "No plan years (the file declares no period and names no year)." in summary.stdout


def test_format_leaves_the_file_without_a_header(cli, tmp_path):
    path = tmp_path / "card.budsjett"
    path.write_text(CARD, encoding="utf-8")
    done = cli("format", "card.budsjett", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert path.read_text(encoding="utf-8") == 'item "Toppet bemanning" oppvekst 2020=3.5 2021=7\n'


def test_summary_has_the_inferred_years_and_says_they_are(cli, tmp_path):
    (tmp_path / "card.budsjett").write_text(CARD, encoding="utf-8")
    done = cli("summary", "card.budsjett", cwd=tmp_path)
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout.startswith("(unnamed budget)\nPlan years 2020–2021 (no `period` declared: the first to the "
                                  "last year the file names).")
    data = json.loads(cli("summary", "--format", "json", "card.budsjett", cwd=tmp_path).stdout)
    assert data["years"] == [2020, 2021] and data["period_inferred"] is True
    assert [(y["year"], y["status"]) for y in data["balance"]] == [(2020, "gap"), (2021, "gap")]


def test_export_gives_the_inferred_period_and_says_so(cli, tmp_path):
    (tmp_path / "card.budsjett").write_text(CARD, encoding="utf-8")
    (tmp_path / "declared.budsjett").write_text('budget "T" period 2020..2023\n' + CARD, encoding="utf-8")
    (tmp_path / "draft.budsjett").write_text(NO_YEARS, encoding="utf-8")
    card = json.loads(cli("export", "card.budsjett", cwd=tmp_path).stdout)
    assert (card["name"], card["period"], card["period_inferred"]) == (None, [2020, 2021], True)
    declared = json.loads(cli("export", "declared.budsjett", cwd=tmp_path).stdout)
    assert (declared["period"], declared["period_inferred"]) == ([2020, 2023], False)
    draft = json.loads(cli("export", "draft.budsjett", cwd=tmp_path).stdout)
    assert (draft["period"], draft["period_inferred"]) == (None, False)


def test_diff_of_two_headerless_versions_compares_their_years(cli, tmp_path):
    (tmp_path / "base.budsjett").write_text(CARD, encoding="utf-8")
    (tmp_path / "head.budsjett").write_text(CARD + 'cover "Innkjøp" 2020=3.5 2021=7.0\n', encoding="utf-8")
    done = cli("diff", "base.budsjett", "head.budsjett", cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Plan years 2020–2021 (no `period` declared: the first to the last year the files name)" in done.stdout
    assert "budget " not in done.stdout  # no header on either side: no change of the header is reported
    assert "2020  gap 3.5  balanced" in done.stdout and "2021  gap 7.0  balanced" in done.stdout
    data = json.loads(cli("diff", "--format", "json", "base.budsjett", "head.budsjett", cwd=tmp_path).stdout)
    assert data["years"] == [2020, 2021] and data["period_inferred"] is True
    back = cli("diff", "head.budsjett", "base.budsjett", cwd=tmp_path)
    assert back.returncode == 1 and "2020 balanced before and" in back.stdout


def test_removing_the_header_is_a_change_of_the_header(cli, tmp_path):
    (tmp_path / "base.budsjett").write_text('budget "T" period 2020..2021\n' + CARD, encoding="utf-8")
    (tmp_path / "head.budsjett").write_text(CARD, encoding="utf-8")
    done = cli("diff", "base.budsjett", "head.budsjett", cwd=tmp_path)
    assert "Traceback" not in done.stderr
    assert "name T -> none; period 2020 2021 -> none" in done.stdout
