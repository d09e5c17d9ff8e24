"""`budsjett-lint summary`: the tables a budget prints, with what is known and what is missing."""

from __future__ import annotations

import csv
import io
import json
import textwrap
from decimal import Decimal

import pytest
from hypothesis import given, settings

from budsjett_lint.checker.cli.summary import TABLES, build_tables, render
from budsjett_lint.checker.summary import Total, summarize
from budsjett_lint.dsl import parse
from tests.checker.conftest import DATA
from tests.strategies import documents

TRONDHEIM = DATA / "trondheim-excerpt.budsjett"

SMALL = textwrap.dedent("""\
    budget "Eksempel" title "Et eksempel" period 2020..2021
    fund "Disposisjonsfondet" opening 350
    item "Toppet bemanning" oppvekst 2020=3.5 2021=7.0
    item "Kulturskolen" kultur 2020..2021=1
    allocate "Avsetning" 2020=2 to "Disposisjonsfondet"
    cover "Innkjøp" 2020=4.5 2021=?
    draw "Bruk av fond" 2020=2 from "Disposisjonsfondet"
    invest "Skolebygg" oppvekst 2021=?
    loan "Reduserte låneopptak" ? total -365 frees
    directive "Bystyresekretariatet" finans cost ?
    directive "Bostøtte" arbeid cost none
""")


def _summary(text: str = SMALL):
    return summarize(parse(text).budget)


def D(text: str) -> Decimal:
    return Decimal(text)


def test_spend_and_coverage_by_line():
    s = _summary()
    assert [(ln.name, ln.years) for ln in s.spend] == [
        ("Toppet bemanning", {2020: D("3.5"), 2021: D("7.0")}),
        ("Kulturskolen", {2020: D("1"), 2021: D("1")}),
        ("Avsetning", {2020: D("2"), 2021: D("0")}),
    ]
    assert [(ln.name, ln.years) for ln in s.coverage] == [
        ("Innkjøp", {2020: D("4.5"), 2021: None}),
        ("Bruk av fond", {2020: D("2"), 2021: D("0")}),
        ("Reduserte låneopptak", {2020: None, 2021: None}),  # frees an amount the document does not give
    ]
    assert s.total(s.spend) == {2020: Total(D("6.5")), 2021: Total(D("8.0"))}
    assert s.total(s.coverage) == {2020: Total(D("6.5"), ("Reduserte låneopptak",)),
                                   2021: Total(D("0"), ("Innkjøp", "Reduserte låneopptak"))}


def test_spend_by_area_sums_each_area_and_keeps_allocations_apart():
    s = _summary()
    assert [(g.key, g.label, g.years[2021].known) for g in s.spend_by_area] == [
        ("oppvekst", "Oppvekst", D("7.0")),
        ("kultur", "Kultur, idrett og friluftsliv", D("1")),
        ("(allocations to funds)", "(allocations to funds)", D("0")),
    ]


def test_fund_movements():
    [fund] = _summary().funds
    assert fund.name == "Disposisjonsfondet" and fund.opening == D("350")
    assert fund.allocated[2020].known == D("2") and fund.drawn[2020].known == D("2")
    assert fund.net[2020] == Total(D("0"))


def test_balance_per_year_reuses_the_operating_balance():
    s = _summary(SMALL.replace("loan \"Reduserte låneopptak\" ? total -365 frees\n", "")
                 .replace("2021=?\n", "2021=8\n", 1))
    [y2020, y2021] = s.balance
    assert (y2020.spend, y2020.cover, y2020.draws, y2020.gap) == (D("6.5"), D("6.5"), D("2"), D("0.0"))
    assert s.status(y2020) == "balanced"
    assert s.status(y2021) == "balanced"  # 8.0 against 8
    unbalanced = _summary(SMALL.replace("2020=4.5", "2020=4.4"))
    assert unbalanced.status(unbalanced.balance[0]) == "unknown"  # the loan frees an unknown amount every year


def test_near_miss_within_tolerance_is_balanced_and_just_outside_is_not():
    text = 'budget "E" period 2020..2020\nitem "A" oppvekst 2020=1.04\ncover "B" 2020=1\n'
    assert _summary(text).status(_summary(text).balance[0]) == "balanced"
    outside = text.replace("1.04", "1.06")
    assert _summary(outside).status(_summary(outside).balance[0]) == "gap"
    surplus = text.replace("1.04", "0.5")
    assert _summary(surplus).status(_summary(surplus).balance[0]) == "surplus"


def test_lines_without_figures_say_what_is_known():
    missing = {m.name: m for m in _summary().missing}
    assert set(missing) == {"Innkjøp", "Skolebygg", "Reduserte låneopptak", "Bystyresekretariatet"}
    assert missing["Innkjøp"].years == (2021,) and missing["Innkjøp"].known == "2020: 4.5"
    assert missing["Skolebygg"].years == (2021,)
    assert missing["Reduserte låneopptak"].years == (2020, 2021)
    assert missing["Reduserte låneopptak"].known == "total -365.0; frees operating room by an amount not given"
    assert missing["Bystyresekretariatet"].known == "cost ?; commits money; no funding named"


def test_trondheim_draws_the_tables_the_document_lacks():
    s = summarize(parse(TRONDHEIM.read_text(encoding="utf-8")).budget)
    tables = dict(zip(TABLES, build_tables(s)))
    spend = tables["spend"]
    assert spend.title == "Operating spend by line (utgifter drift)"
    assert ("Toppet bemanning i barnehage", "oppvekst", "3.5", "7.0", "0.0", "0.0") in spend.rows
    # the two ramps state 2020-2021 only: their later years are unknown, marked as continued
    assert ("Gratis SFO for førsteklassinger", "oppvekst", "5.5", "12.0", "?*", "?*") in spend.rows
    assert spend.footer == ("Total", "", "38.8", "37.1", "5.0 + ?", "5.0 + ?")
    coverage = tables["coverage"]
    assert coverage.title == "Coverage by line (inndekning drift)"
    assert ("Innkjøp", "cover", "15.0", "?", "?", "25.0") in coverage.rows
    assert ("Udisponert reserve", "cover", "?", "?", "?", "?") in coverage.rows
    assert coverage.footer == ("Total", "", "20.0 + ?", "5.0 + ?", "5.0 + ?", "45.0 + ?")
    balance = tables["balance"]
    assert balance.columns == ("Year", "Items", "Spend", "Covered", "Fund draws", "Gap", "Status")
    # draws of unknown size are `?`, never 0.0; items alone (24.2) apart from the allocation of 14.6
    assert balance.rows[0] == ("2020", "24.2", "38.8", "20.0 + ?", "?", "18.8 + ?", "unverified: 6 lines lack a figure")
    missing = {row[0]: row for row in tables["missing"].rows}
    assert missing["Udisponert reserve"][4] == "all (2020–2023)"
    assert missing["Effektivisering"][4:] == ("2022", "2021: 5.0; 2023: 10.0")


@settings(max_examples=50, deadline=None)
@given(documents())
def test_every_valid_document_summarizes_in_every_format(text):
    s = _summary(text)
    for fmt in ("table", "markdown", "csv", "json"):
        assert render(s, fmt, TABLES)
    known_spend = sum((b.spend for b in s.balance), Decimal(0))
    assert known_spend == sum((t.known for t in s.total(s.spend).values()), Decimal(0))


# --- the command -----------------------------------------------------------------------------


def test_summary_table_on_the_trondheim_excerpt(cli):
    done = cli("summary", str(TRONDHEIM))
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.startswith("Trondheimsbudsjettet: De rødgrønnes forslag til budsjett 2020 og økonomiplan 2020-2023")
    for title in ("Operating spend by area (utgifter drift)", "Operating spend by line (utgifter drift)",
                  "Coverage by line (inndekning drift)", "Fund movements", "Investments and borrowing",
                  "Operating balance per year", "Lines without figures"):
        assert title in out
    assert "\x1b[" not in out
    assert "\x1b[" in cli("summary", "--color", "always", str(TRONDHEIM)).stdout


def test_summary_markdown(cli):
    done = cli("summary", "--format", "markdown", "--table", "coverage", str(TRONDHEIM))
    lines = done.stdout.splitlines()
    assert lines[0].startswith("## Trondheimsbudsjettet")
    assert "### Coverage by line (inndekning drift)" in lines
    assert "| Line | Kind | 2020 | 2021 | 2022 | 2023 |" in lines
    assert "| Innkjøp | cover | 15.0 | ? | ? | 25.0 |" in lines
    assert "| **Total** |  | **20.0 + ?** | **5.0 + ?** | **5.0 + ?** | **45.0 + ?** |" in lines
    assert "### Fund movements" not in lines


def test_summary_csv_one_table_and_several(cli):
    one = cli("summary", "--format", "csv", "--table", "spend", str(TRONDHEIM))
    rows = list(csv.reader(io.StringIO(one.stdout)))
    assert rows[0] == ["Line", "Area", "2020", "2021", "2022", "2023"]
    assert ["Gratis SFO for førsteklassinger", "oppvekst", "5.5", "12.0", "?*", "?*"] in rows
    several = list(csv.reader(io.StringIO(cli("summary", "--format", "csv", str(TRONDHEIM)).stdout)))
    assert several[0] == ["Operating spend by area (utgifter drift)"]
    assert ["Coverage by line (inndekning drift)"] in several


def test_summary_json(cli):
    data = json.loads(cli("summary", "--format", "json", str(TRONDHEIM)).stdout)
    assert data["years"] == [2020, 2021, 2022, 2023]
    innkjop = next(ln for ln in data["coverage"]["lines"] if ln["name"] == "Innkjøp")
    assert innkjop["years"] == {"2020": 15.0, "2021": None, "2022": None, "2023": 25.0}
    y2020 = data["balance"][0]
    assert y2020["status"] == "unknown" and y2020["spend"] == 38.8 and len(y2020["without_figure"]) == 6
    only = json.loads(cli("summary", "--format", "json", "--table", "balance", str(TRONDHEIM)).stdout)
    assert set(only) == {"name", "title", "years", "balance"}


def test_summary_reads_stdin_and_writes_output(cli, tmp_path):
    done = cli("summary", "--format", "json", "--output", "s.json", "-", cwd=tmp_path, input=SMALL)
    assert done.returncode == 0 and done.stdout == ""
    assert json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))["name"] == "Eksempel"


def test_summary_uses_the_configured_tolerance(cli, tmp_path):
    (tmp_path / "e.budsjett").write_text('budget "E" period 2020..2020\nitem "A" oppvekst 2020=1.5\n'
                                         'cover "B" 2020=1\n', encoding="utf-8")
    (tmp_path / ".budsjett-lint.yaml").write_text("options: {BAL001: {tolerance: 0.5}}\n", encoding="utf-8")
    data = json.loads(cli("summary", "--format", "json", "e.budsjett", cwd=tmp_path).stdout)
    assert data["balance"][0]["status"] == "balanced"
    (tmp_path / "strict.yaml").write_text("options: {BAL001: {tolerance: 0.1}}\n", encoding="utf-8")
    strict = json.loads(cli("summary", "--format", "json", "--config", "strict.yaml", "e.budsjett",
                            cwd=tmp_path).stdout)
    assert strict["balance"][0]["status"] == "gap"


@pytest.mark.parametrize("args, code, message", [
    (["summary", "nowhere.budsjett"], 2, "nowhere.budsjett: No such file or directory"),
    (["summary", "--config", "absent.yaml", "x.budsjett"], 2, "absent.yaml: cannot read"),
    (["summary", "--format", "pdf", "x.budsjett"], 2, "invalid choice"),
    (["summary", "--table", "everything", "x.budsjett"], 2, "invalid choice"),
])
def test_summary_errors(cli, tmp_path, args, code, message):
    (tmp_path / "x.budsjett").write_text(SMALL, encoding="utf-8")
    done = cli(*args, cwd=tmp_path)
    assert done.returncode == code and message in done.stderr
    assert "Traceback" not in done.stderr


def test_summary_of_a_file_with_syntax_errors_still_prints_and_exits_1(cli, tmp_path):
    (tmp_path / "x.budsjett").write_text(SMALL + 'item "Broken" oppvekst 2020 = 3\n', encoding="utf-8")
    done = cli("summary", "--format", "json", "x.budsjett", cwd=tmp_path)
    assert done.returncode == 1
    assert "x.budsjett:12:24: SYN001" in done.stderr
    assert "the summary leaves out what 1 syntax error kept from being read" in done.stderr
    assert json.loads(done.stdout)["name"] == "Eksempel"


def test_summary_without_a_period_warns(cli, tmp_path):
    (tmp_path / "x.budsjett").write_text('budget "E"\nitem "A" oppvekst 2020=1\n', encoding="utf-8")
    done = cli("summary", "x.budsjett", cwd=tmp_path)
    assert done.returncode == 0
    assert "no plan years" in done.stderr
    assert "No plan years" in done.stdout


def test_summary_of_a_file_that_is_not_utf8_exits_1(cli, tmp_path):
    (tmp_path / "x.budsjett").write_bytes('budget "Bærum" period 2020..2021\n'.encode("latin-1"))
    done = cli("summary", "x.budsjett", cwd=tmp_path)
    assert done.returncode == 1 and "SYN007" in done.stderr


# --- directive costs, continued years, items alone (issue 16) ----------------------------


def test_directive_costs_are_shown_and_enter_the_balance_where_coverage_pays():
    text = ('budget "E" period 2020..2023\nitem "A" oppvekst 2020..2023=15\ncover "Innkjøp" 2020..2023=23\n'
            'directive "Kino" kultur cost 8 funded-by "Innkjøp"\n'
            'directive "Trondheim Kino" kultur cost 8\n'
            'directive "Bystyresekretariatet" finans cost 2022..2023=?\n')
    s = _summary(text)
    tables = dict(zip(TABLES, build_tables(s)))
    rows = {r[0]: r for r in tables["directives"].rows}
    assert rows["Kino"][2:] == ("8.0", "8.0", "8.0", "8.0", "in the balance, paid by Innkjøp")
    assert rows["Trondheim Kino"][2:] == ("8.0", "8.0", "8.0", "8.0", "nothing funds it (FUN001)")
    assert rows["Bystyresekretariatet"][2:] == ("", "", "?", "?", "nothing funds it (FUN001)")
    # the funded cost is spending: 15 + 8 = 23, balanced; the items alone stay 15
    assert [(b.items, b.spend, s.status(b)) for b in s.balance] == [(15, 23, "balanced")] * 4
    assert ("Kino", "kultur", "8.0", "8.0", "8.0", "8.0") in tables["spend"].rows
    missing = {row[0]: row for row in tables["missing"].rows}
    assert missing["Bystyresekretariatet"][4] == "2022, 2023"  # not "all (2020–2023)"


def test_a_lasting_line_marks_the_years_it_does_not_state():
    text = 'budget "E" period 2020..2023\nitem "A" oppvekst 2020=1 2021=2 ramp\nitem "B" oppvekst 2020=1 2021=2\n'
    s = _summary(text)
    spend = dict(zip(TABLES, build_tables(s)))["spend"]
    assert ("A", "oppvekst", "1.0", "2.0", "?*", "?*") in spend.rows
    assert ("B", "oppvekst", "1.0", "2.0", "0.0", "0.0") in spend.rows  # not lasting: stops
    ended = text.replace("ramp", "ramp until 2021")
    assert ("A", "oppvekst", "1.0", "2.0", "0.0", "0.0") in dict(zip(TABLES, build_tables(_summary(ended))))["spend"].rows


def test_spend_by_area_counts_the_directive_costs_that_coverage_pays_so_its_rows_add_up():
    text = ('budget "E" period 2020..2023\nitem "A" oppvekst 2020..2023=15\ncover "Innkjøp" 2020..2023=15\n'
            'directive "Kino" kultur cost 2022..2023=8 funded-by "Innkjøp"\n'
            'directive "Ishall" kultur cost 3\n')  # nothing funds it: outside the balance and the spend
    s = _summary(text)
    assert [(g.key, [g.years[y].known for y in s.years]) for g in s.spend_by_area] == [
        ("oppvekst", [15, 15, 15, 15]), ("kultur", [0, 0, 8, 8])]
    totals = [sum(g.years[y].known for g in s.spend_by_area) for y in s.years]
    assert totals == [b.spend for b in s.balance] == [15, 15, 23, 23]


def test_fund_draws_of_unknown_size_are_unknown_in_every_table():
    text = ('budget "E" period 2020..2021\nfund "F"\nitem "A" oppvekst 2020..2021=15\n'
            'draw "Bruk av fond" ? from "F"\ncover "Innkjøp" 2020..2021=15\n')
    tables = dict(zip(TABLES, build_tables(_summary(text))))
    assert [r[4] for r in tables["balance"].rows] == ["?", "?"]  # not "0.0" beside a fund drawn `?`
