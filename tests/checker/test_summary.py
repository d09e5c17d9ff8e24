"""`budsjett-lint summary`: the tables a budget prints, with what is known and what is missing."""

from __future__ import annotations

import csv
import io
import json
import textwrap
from decimal import Decimal

import pytest
from hypothesis import given, settings

from budsjett_lint.checker.report.summary import TABLES, build_tables, render
from budsjett_lint.checker.summary import Total, summarize
from budsjett_lint.dsl import parse
from tests.checker.conftest import DATA
from tests.conftest import PROPOSAL
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
    # draws of unknown size are `0.0 + ?`, never a bare 0.0; items alone (24.2) apart from the allocation of 14.6
    assert balance.rows[0] == ("2020", "24.2", "38.8", "20.0 + ?", "0.0 + ?", "18.8 + ?",
                               "unverified: 6 lines lack a figure")
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
    assert rows[0] == ["Line", "Area", "2020", "2021", "2022", "2023", "Without a figure"]
    lasting = "not stated (a lasting line: it continues by an unknown amount)"
    assert ["Gratis SFO for førsteklassinger", "oppvekst", "5.5", "12.0", "", "",
            f"2022: {lasting}; 2023: {lasting}"] in rows
    several = list(csv.reader(io.StringIO(cli("summary", "--format", "csv", str(TRONDHEIM)).stdout)))
    assert several[0] == ["Operating spend by area (utgifter drift)"]
    assert ["Coverage by line (inndekning drift)"] in several


def test_summary_json(cli):
    data = json.loads(cli("summary", "--format", "json", str(TRONDHEIM)).stdout)
    assert data["years"] == [2020, 2021, 2022, 2023]
    innkjop = next(ln for ln in data["coverage"]["lines"] if ln["name"] == "Innkjøp")
    assert innkjop["years"] == {"2020": 15.0, "2021": None, "2022": None, "2023": 25.0}
    y2020 = data["balance"][0]
    assert y2020["status"] == "unknown" and y2020["spend"] == {"known": 38.8, "without_figure": []} and len(y2020["without_figure"]) == 6
    only = json.loads(cli("summary", "--format", "json", "--table", "balance", str(TRONDHEIM)).stdout)
    assert set(only) == {"name", "title", "years", "period_inferred", "balance"}
    assert only["period_inferred"] is False


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


def test_summary_without_a_period_or_a_year_warns(cli, tmp_path):
    (tmp_path / "x.budsjett").write_text('budget "E"\nitem "A" oppvekst ?\n', encoding="utf-8")
    done = cli("summary", "x.budsjett", cwd=tmp_path)
    assert done.returncode == 0
    assert "no plan years" in done.stderr
    assert "No plan years" in done.stdout


def test_summary_without_a_period_has_the_years_the_file_names(cli, tmp_path):
    (tmp_path / "x.budsjett").write_text('budget "E"\nitem "A" oppvekst 2020=1\n', encoding="utf-8")
    done = cli("summary", "x.budsjett", cwd=tmp_path)
    assert done.returncode == 0 and done.stderr == ""
    assert "Plan year 2020 (no `period` declared" in done.stdout


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


PARTLY_KNOWN = textwrap.dedent("""\
    budget "E" period 2020..2021
    fund "F"
    item "Toppet bemanning" oppvekst 2020=5 2021=?
    cover "Innkjøp" 2020=3 2021=?
    draw "Bruk av fond" 2020=2 2021=? from "F"
""")


def test_a_partly_known_year_is_written_one_way_in_every_column():
    # 2021: every line lacks its figure. Items, spend, coverage, draws and the gap are each a sum whose
    # known part is 0.0 and to which a line adds an amount not given: all `0.0 + ?`, none a bare `?`
    # beside a gap of `0.0 + ?` (as before), so that the row's known parts add up as written.
    tables = dict(zip(TABLES, build_tables(_summary(PARTLY_KNOWN))))
    rows = {r[0]: r[1:6] for r in tables["balance"].rows}
    assert rows["2021"] == ("0.0 + ?",) * 5
    assert rows["2020"] == ("5.0", "5.0", "5.0", "2.0", "0.0")  # near miss: every figure known, no `+ ?`
    # a line's own figure not given stays `?`: it is one figure, not a sum
    assert ("Toppet bemanning", "oppvekst", "5.0", "?") in tables["spend"].rows
    assert tables["spend"].footer == ("Total", "", "5.0", "0.0 + ?")


@pytest.mark.parametrize("fmt", ["full", "markdown", "html"])
def test_a_partly_known_year_reads_the_same_in_every_format(cli, tmp_path, fmt):
    path = tmp_path / "e.budsjett"
    path.write_text(PARTLY_KNOWN, encoding="utf-8")
    out = cli("summary", "--format", fmt, "--table", "balance", str(path)).stdout
    assert out.count("0.0 + ?") >= 5
    assert " ? " not in out.replace("+ ? ", "") and "| ? |" not in out and ">?<" not in out


def test_json_balance_columns_carry_their_known_part_and_what_lacks_a_figure(cli, tmp_path):
    path = tmp_path / "e.budsjett"
    path.write_text(PARTLY_KNOWN, encoding="utf-8")
    y2020, y2021 = json.loads(cli("summary", "--format", "json", "--table", "balance", str(path)).stdout)["balance"]
    assert y2021["items"] == {"known": 0.0, "without_figure": ["Toppet bemanning"]}
    assert y2021["cover"] == {"known": 0.0, "without_figure": ["Innkjøp", "Bruk av fond"]}
    assert y2021["drawn_from_funds"] == {"known": 0.0, "without_figure": ["Bruk av fond"]}
    assert y2021["gap"] == {"known": 0.0, "without_figure": ["Toppet bemanning", "Innkjøp", "Bruk av fond"]}
    assert y2020["gap"] == {"known": 0.0, "without_figure": []}  # near miss: known whole


def test_fund_draws_of_unknown_size_are_unknown_in_every_table():
    text = ('budget "E" period 2020..2021\nfund "F"\nitem "A" oppvekst 2020..2021=15\n'
            'draw "Bruk av fond" ? from "F"\ncover "Innkjøp" 2020..2021=15\n')
    tables = dict(zip(TABLES, build_tables(_summary(text))))
    assert [r[4] for r in tables["balance"].rows] == ["0.0 + ?", "0.0 + ?"]  # not "0.0" beside a fund drawn `?`


# --- CSV that a spreadsheet opens -------------------------------------------------------------


def _figures(table) -> list[list]:
    """Each row's amounts as the summary has them: a Decimal, or None where the figure is not known whole."""
    from budsjett_lint.checker.report.tables import Figure

    return [[c.value if isinstance(c, Figure) else c for c in row]
            for row in (*table.rows, *([table.footer] if table.footer else []))]


def test_csv_writes_no_partial_figures_and_says_what_is_missing():
    from budsjett_lint.checker.report.tables import Figure

    s = summarize(parse(PROPOSAL.read_text(encoding="utf-8")).budget)
    for name, table in zip(TABLES, build_tables(s)):
        rows = list(csv.reader(io.StringIO(render(s, "csv", [name]))))
        assert rows[0][:len(table.columns)] == list(table.columns)
        expected = [*table.rows, *([table.footer] if table.footer else [])]
        assert len(rows) - 1 == len(expected)
        gaps = any(isinstance(c, Figure) and c.value is None for row in expected for c in row)
        assert (rows[0][-1] == "Without a figure") == gaps, name
        for row, want in zip(rows[1:], expected):
            for i, c in enumerate(want):
                if not isinstance(c, Figure):
                    assert row[i] == c
                elif c.value is None:
                    assert row[i] == "" and f"{table.columns[i]}: " in row[-1]
                else:
                    assert Decimal(row[i]) == c.value
    assert any("+ ?" in c for t in build_tables(s) for row in t.rows for c in row)  # as the other formats show it


def test_csv_for_a_norwegian_spreadsheet_reads_back_with_semicolons_and_decimal_commas(cli, tmp_path):
    done = cli("summary", "--format", "csv", "--csv-dialect", "excel-no", "--table", "areas", str(TRONDHEIM),
               "-o", str(tmp_path / "areas.csv"))
    assert done.returncode == 0, done.stderr
    data = (tmp_path / "areas.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data  # UTF-8 that Excel recognises
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    table = build_tables(summarize(parse(TRONDHEIM.read_text(encoding="utf-8")).budget))[0]
    assert rows[0] == [*table.columns, "Without a figure"]
    by_area = {row[0]: row for row in rows[1:]}
    assert all(len(row) == len(table.columns) + 1 for row in rows)  # the commas in the last column separate nothing
    for want in _figures(table):
        got = by_area[want[0]]
        for value, cell in zip(want[1:], got[1:]):
            assert (cell == "") if value is None else Decimal(cell.replace(",", ".")) == value
    assert any("," in c for row in rows[1:] for c in row[1:-1])  # decimal commas, not points
    assert not any("." in c for row in rows[1:] for c in row[1:-1])


def test_csv_into_a_folder_writes_one_table_per_file(cli, tmp_path):
    done = cli("summary", "--format", "csv", str(TRONDHEIM), "-o", "tables/", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "tables").iterdir()) == sorted(f"{n}.csv" for n in TABLES)
    tables = dict(zip(TABLES, build_tables(summarize(parse(TRONDHEIM.read_text(encoding="utf-8")).budget))))
    for name, table in tables.items():
        rows = list(csv.reader(io.StringIO((tmp_path / "tables" / f"{name}.csv").read_text(encoding="utf-8"))))
        assert rows[0][:len(table.columns)] == list(table.columns)  # no title row: one table, as a sheet reads it
        assert len(rows) == 1 + len(_figures(table))
    (tmp_path / "two").mkdir()
    done = cli("summary", "--format", "csv", "--table", "balance", "--table", "funds", str(TRONDHEIM), "-o", "two",
               cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "two").iterdir()) == ["balance.csv", "funds.csv"]


def test_csv_writes_a_name_that_would_be_a_formula_as_text():
    s = summarize(parse('budget "F" period 2020..2020\nitem "=HYPERLINK(x)" oppvekst 2020=1\n'
                        'item "-1 kutt" oppvekst 2020=-1\n').budget)
    rows = list(csv.reader(io.StringIO(render(s, "csv", ["spend"]))))
    assert ["'=HYPERLINK(x)", "oppvekst", "1.0"] in rows and ["'-1 kutt", "oppvekst", "-1.0"] in rows


def test_the_csv_dialect_is_for_csv(cli):
    done = cli("summary", "--format", "json", "--csv-dialect", "excel-no", str(TRONDHEIM))
    assert done.returncode == 2 and "--csv-dialect excel-no is for --format csv" in done.stderr


# --- bars on the terminal ---------------------------------------------------------------------


def _bars(out: str) -> list[tuple[str, str]]:
    """Per year in the balance table, its spending bar and its coverage bar, as plain text."""
    import re

    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
    bars = [m.group(0).strip() for m in re.finditer(r"█+(?: \?)?", plain)]
    return list(zip(bars[::2], bars[1::2]))


def test_a_terminal_in_colour_gets_a_bar_per_year_to_one_scale():
    s = summarize(parse(PROPOSAL.read_text(encoding="utf-8")).budget)
    out = render(s, "table", ["balance"], color=True)
    # spending in blue, coverage in green, `?` where a side lacks figures; 104.9 (2021) is the longest
    assert "\x1b[34m██████\x1b[0m" in out and "\x1b[32m" in out
    assert _bars(out) == [("██████ ?", "██ ?"), ("██████ ?", "█ ?"), ("█ ?", "█ ?"), ("█ ?", "████ ?")]
    balanced = summarize(parse('budget "B" period 2020..2021\nitem "a" oppvekst 2020=2 2021=4\n'
                               'cover "b" 2020=2 2021=1\n').budget)
    assert _bars(render(balanced, "table", ["balance"], color=True)) == [("███", "███"), ("██████", "██")]


def test_piped_output_has_no_bars(cli):
    piped = cli("summary", "--table", "balance", str(TRONDHEIM))
    assert piped.returncode == 0 and "█" not in piped.stdout and "\x1b[" not in piped.stdout
    assert "Spend, coverage" not in piped.stdout
    coloured = cli("summary", "--table", "balance", "--color", "always", str(TRONDHEIM))
    assert "█" in coloured.stdout and "Spend, coverage" in coloured.stdout
    assert "█" not in cli("summary", "--table", "balance", "--color", "always", str(TRONDHEIM),
                          env={"NO_COLOR": "1"}).stdout


def test_coverage_by_area_and_fund_balances_over_the_years():
    s = _summary(SMALL + 'cover "Refusjon" oppvekst 2020=1 2021=2\n')
    by_area = {g.key: g for g in s.coverage_by_area}
    assert by_area["oppvekst"].years[2021] == Total(Decimal(2))
    assert by_area["(draws from funds)"].years[2020] == Total(Decimal(2))
    assert by_area["(no area)"].years[2021] == Total(Decimal(0), ("Innkjøp", "Reduserte låneopptak"))
    [fund] = s.funds
    assert fund.opening == 350
    assert fund.closing == {2020: Total(Decimal(350)), 2021: Total(Decimal(350))}  # +2 allocated, -2 drawn
    s = _summary(SMALL.replace('allocate "Avsetning" 2020=2', 'allocate "Avsetning" 2020=5 2021=?'))
    assert s.funds[0].closing == {2020: Total(Decimal(353)), 2021: Total(Decimal(353), ("Avsetning",))}
    assert _summary(SMALL.replace(" opening 350", "")).funds[0].closing is None
