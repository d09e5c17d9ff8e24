"""Mermaid charts in Markdown: `summary --format markdown` and `diff --format markdown` (the pull-request
comment) carry a ```mermaid xychart of the per-year effect, and say in words what it cannot show.

The shape of the block is checked line by line here; where Mermaid's own command line (`mmdc`, from the
npm package @mermaid-js/mermaid-cli) and a Chromium are on the machine, the blocks are rendered by it too:
`npm install @mermaid-js/mermaid-cli` with PUPPETEER_SKIP_DOWNLOAD=1 (it renders with Debian's chromium),
then BUDSJETT_MMDC=node_modules/.bin/mmdc. `.ci/run` does not install it: some 500 MB and most of a
minute for one test.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from budsjett_lint.checker.report import diff as diff_report
from budsjett_lint.checker.report.summary import TABLES, render
from budsjett_lint.checker.amend.diff import compare
from budsjett_lint.checker.engine import check_text
from budsjett_lint.checker.report.mermaid import xy_chart
from budsjett_lint.checker.report.page import COVER, GAP, SPEND
from budsjett_lint.checker.summary import summarize
from budsjett_lint.dsl import parse
from tests.conftest import PROPOSAL

NUMBER = r"-?\d+(?:\.\d+)?"
BLOCK = re.compile(r"^```mermaid\n(.*?)\n```$", re.S | re.M)


def _blocks(markdown: str) -> list[str]:
    return BLOCK.findall(markdown)


def _shape(block: str) -> dict:
    """The chart's parts, after checking each line against the xychart-beta syntax the reports write."""
    lines = block.split("\n")
    init = json.loads(re.fullmatch(r"%%\{init: (.*)\}%%", lines[0]).group(1))
    assert lines[1] == "xychart-beta"
    chart: dict = {"palette": init["themeVariables"]["xyChart"]["plotColorPalette"].split(", "),
                   "bar": [], "line": []}
    for line in lines[2:]:
        if m := re.fullmatch(r"    acc(Title|Descr): ([^\n\"]+)", line):
            chart[m.group(1).lower()] = m.group(2)
        elif m := re.fullmatch(r'    title "([^"\n]+)"', line):
            chart["title"] = m.group(1)
        elif m := re.fullmatch(r'    x-axis \[((?:"[^"\n]+"(?:, )?)+)\]', line):
            chart["x"] = re.findall(r'"([^"]+)"', m.group(1))
        elif m := re.fullmatch(rf'    y-axis "mill NOK" ({NUMBER}) --> ({NUMBER})', line):
            chart["y"] = (Decimal(m.group(1)), Decimal(m.group(2)))
        elif m := re.fullmatch(rf"    (bar|line) \[({NUMBER}(?:, {NUMBER})*)\]", line):
            chart[m.group(1)].append([Decimal(v) for v in m.group(2).split(", ")])
        else:
            raise AssertionError(f"not a line of the chart: {line!r}")
    assert {"title", "descr", "x", "y"} <= chart.keys()
    series = chart["bar"] + chart["line"]
    assert len(chart["bar"]) <= 1 and all(len(s) == len(chart["x"]) for s in series)
    assert len(chart["palette"]) == len(series)
    low, high = chart["y"]
    assert all(low <= v <= high for s in series for v in s)
    assert not chart["bar"] or (low == 0 and min(chart["bar"][0]) >= 0)  # a bar from zero
    return chart


def _summary_md(text: str, tables=TABLES) -> str:
    return render(summarize(parse(text).budget), "markdown", tables)


def test_the_proposal_summary_draws_spending_against_coverage_per_year():
    summary = summarize(parse(PROPOSAL.read_text(encoding="utf-8")).budget)
    out = render(summary, "markdown", TABLES)
    [block] = _blocks(out)
    chart = _shape(block)
    assert chart["x"] == [str(y) for y in range(2020, 2024)]
    assert chart["bar"] == [[b.spend for b in summary.balance]]
    assert chart["line"] == [[b.cover for b in summary.balance]]
    assert chart["palette"] == [SPEND, COVER]
    assert "2020 spending 101.5 + ? against coverage 30.0 + ?, cannot be verified, 12 lines lack a figure" \
        in chart["descr"]  # each sum written as the tables write it
    # what the chart cannot show is said beside it, before the tables
    assert ("2020, 2021, 2022 and 2023 cannot be verified: lines lack a figure (12 in 2020, 18 in 2021, "
            "21 in 2022, 18 in 2023); the chart shows the known figures only.") in out
    assert out.index("```mermaid") < out.index("### Operating spend by area")


def test_a_balanced_budget_says_nothing_of_missing_figures_and_no_chart_without_the_balance_table():
    text = 'budget "B" period 2020..2021\nitem "a" oppvekst 2020=3 2021=4\ncover "b" 2020=3 2021=1\n'
    out = _summary_md(text)
    chart = _shape(_blocks(out)[0])
    assert chart["bar"] == [[Decimal(3), Decimal(4)]] and chart["line"] == [[Decimal(3), Decimal(1)]]
    assert chart["y"] == (0, 4)
    assert "2020 spending 3.0 against coverage 3.0, balanced; 2021 spending 4.0 against coverage 1.0, gap 3.0" \
        == chart["descr"]
    assert "cannot be verified" not in out
    assert not _blocks(_summary_md(text, ["areas", "spend"]))
    assert not _blocks(_summary_md('budget "N"\nitem "a" oppvekst ?\n'))  # no plan years (none named): nothing to draw


def test_negative_spending_is_said_not_drawn():
    out = _summary_md('budget "N" period 2020..2020\nitem "a" oppvekst 2020=-3\ncover "b" 2020=1\n')
    assert not _blocks(out)
    assert "No chart: a known sum is negative" in out


def test_a_plan_of_one_year_is_two_bars_since_a_line_needs_two_points():
    out = _summary_md('budget "E" period 2024..2024\nitem "a" oppvekst 2024=5\ncover "b" 2024=2\nitem "c" helse 2024=?\n')
    chart = _shape(_blocks(out)[0])
    assert chart["x"] == ["spending", "coverage"] and chart["bar"] == [[5, 2]] and not chart["line"]
    # the spending lacks a figure, the coverage is known whole: each sum says which it is
    assert chart["descr"] == "2024 spending 5.0 + ? against coverage 2.0, cannot be verified, 1 line lacks a figure"
    assert "Operating balance of 2024, in millions of NOK: spending beside coverage" in out
    assert "2024 cannot be verified: lines lack a figure (1 in 2024)" in out


def test_a_one_year_amendment_is_a_bar_labelled_with_which_way():
    base = 'budget "E" period 2024..2024\nitem "a" oppvekst 2024=5\ncover "b" 2024=2\n'
    a = compare(check_text(base, "b"), check_text(base.replace("2024=2", "2024=4.5"), "h"))
    chart = _shape(_blocks(diff_report.render(a, "markdown"))[0])
    assert chart["x"] == ["2024: narrows the gap"] and chart["bar"] == [[Decimal("2.5")]]
    assert chart["palette"] == [COVER] and chart["descr"] == "2024 -2.5"
    a = compare(check_text(base, "b"), check_text(base.replace("2024=5", "2024=6"), "h"))
    chart = _shape(_blocks(diff_report.render(a, "markdown"))[0])
    assert chart["x"] == ["2024: widens the gap"] and chart["bar"] == [[1]] and chart["palette"] == [GAP]


BASE = 'budget "F" period 2020..2022\nitem "a" oppvekst 2020..2022=2\ncover "b" 2020..2022=2\n'


def test_the_diff_draws_its_effect_on_the_gap_per_year_below_zero_too():
    head = BASE.replace('cover "b" 2020..2022=2', 'cover "b" 2020=2 2021=5 2022=?') \
        + 'item "c" kultur 2020=1.5\n'
    a = compare(check_text(BASE, "base.budsjett"), check_text(head, "head.budsjett"))
    out = diff_report.render(a, "markdown")
    [block] = _blocks(out)
    chart = _shape(block)
    assert chart["x"] == ["2020", "2021", "2022"] and not chart["bar"]
    assert chart["line"] == [[Decimal("1.5"), Decimal(-3), Decimal(0)], [0, 0, 0]]  # the effect, and zero
    assert chart["palette"][0] == GAP and chart["y"][0] == -3 and chart["y"][1] >= Decimal("1.5")
    assert chart["descr"] == "2020 +1.5; 2021 -3.0; 2022 0.0 and 1 line without a figure"
    assert ("The effect on 2022 cannot be added up: lines changed without a figure (1 in 2022); "
            "the chart shows the known part.") in out
    assert out.index("**Fails") < out.index("```mermaid") < out.index("### Changes")


def test_a_diff_that_changes_no_balance_draws_nothing():
    a = compare(check_text(BASE, "base.budsjett"), check_text(BASE + "# a comment\n", "head.budsjett"))
    out = diff_report.render(a, "markdown")
    assert not _blocks(out) and "The amendment changes no year's operating balance." in out


def test_the_chart_refuses_what_it_cannot_draw_honestly():
    with pytest.raises(ValueError, match="no value below zero"):
        xy_chart("t", "d", ["2020"], (SPEND, [Decimal(-1)]))
    with pytest.raises(ValueError, match="no quote"):
        xy_chart('a "b"', "d", ["2020"], (SPEND, [Decimal(1)]))
    with pytest.raises(ValueError, match="a value per label"):
        xy_chart("t", "d", ["2020", "2021"], (SPEND, [Decimal(1)]))


# --- rendered by Mermaid itself ------------------------------------------------------------------

def _mmdc() -> tuple[str, str]:
    """Mermaid's command line and a Chromium for it, or the reason the test cannot run."""
    mmdc = os.environ.get("BUDSJETT_MMDC") or shutil.which("mmdc")
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if not mmdc:
        pytest.skip("no `mmdc` (npm's @mermaid-js/mermaid-cli; .ci/run leaves it out: 500 MB for one test) on "
                    "PATH or in BUDSJETT_MMDC; the block's shape is still checked above")
    if not browser:
        pytest.skip("no Chromium for mmdc to render with (.ci/run installs Debian's `chromium` where it can)")
    return mmdc, browser


def test_mermaid_renders_both_charts(tmp_path: Path):
    mmdc, browser = _mmdc()
    (tmp_path / "puppeteer.json").write_text(json.dumps({"executablePath": browser,
                                                         "args": ["--no-sandbox", "--disable-gpu"]}))
    head = BASE.replace('cover "b" 2020..2022=2', 'cover "b" 2020=2 2021=5 2022=2') + 'item "c" kultur 2020=1.5\n'
    markdown = {
        "summary": _summary_md(PROPOSAL.read_text(encoding="utf-8")),
        "one-year": _summary_md('budget "E" period 2024..2024\nitem "a" oppvekst 2024=5\ncover "b" 2024=2\n'),
        "diff": diff_report.render(compare(check_text(BASE, "b"), check_text(head, "h")), "markdown"),
    }
    for name, text in markdown.items():
        [block] = _blocks(text)
        (tmp_path / f"{name}.mmd").write_text(block + "\n", encoding="utf-8")
        done = subprocess.run([mmdc, "-p", str(tmp_path / "puppeteer.json"), "-i", str(tmp_path / f"{name}.mmd"),
                               "-o", str(tmp_path / f"{name}.svg")], capture_output=True, text=True, timeout=180,
                              check=False)
        assert done.returncode == 0, done.stderr + done.stdout
        svg = (tmp_path / f"{name}.svg").read_text(encoding="utf-8")
        assert "Syntax error" not in svg
        if name == "summary":  # four bars in the spending colour, and the coverage line
            assert len(re.findall(rf'<rect [^>]*fill="{SPEND}"', svg)) == 4
            assert re.search(rf'<path [^>]*stroke="{COVER}"', svg)
        elif name == "one-year":  # two bars, spending and coverage
            assert len(re.findall(rf'<rect [^>]*fill="{SPEND}"', svg)) == 2
        else:
            assert re.search(rf'<path [^>]*stroke="{GAP}"', svg)
