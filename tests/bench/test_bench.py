"""The benchmark's generators make what they promise, and the runner runs end to end on a tiny size."""

from __future__ import annotations

import collections
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bench import generate, ledger
from budsjett_lint.dsl import parse
from budsjett_lint.dsl.model import Directive, Entry, Pot, Section
from tests.conftest import ROOT


def test_a_proposal_has_exactly_the_entries_asked_for_and_reads_without_problems():
    for n in (1, 7, 300):
        result = parse(generate.generate(n))
        assert result.problems == ()
        assert len(result.budget.entries) == n


def test_a_proposal_looks_like_a_real_one():
    budget = parse(generate.generate(600)).budget
    kinds = collections.Counter(e.kind for e in budget.entries)
    assert set(kinds) == {"item", "invest", "cover", "allocate", "draw", "loan"}
    assert kinds["item"] > kinds["cover"] > kinds["invest"]
    items = [e for e in budget.entries if e.kind == "item"]
    for attribute in ("halfyear", "ramp", "permanent", "oneoff", "trial", "evaluate", "until", "heading"):
        assert any(getattr(e, attribute) for e in items), attribute
    assert any(a.kroner for e in items for a in e.amounts) and any(a.value is None for e in items for a in e.amounts)
    assert {link.kind for link in budget.links} == {"offset", "funds", "reallocates"}
    assert any(isinstance(s, Directive) and s.cost == "none" for s in budget.statements)
    assert any(isinstance(s, Pot) for s in budget.statements) and any(isinstance(s, Section) for s in budget.statements)
    with_prose = [e for e in items if e.prose]
    assert with_prose and any(re.search(r"\d+,\d millioner", e.prose.text) for e in with_prose)
    assert budget.comments
    names = [s.name.text for s in budget.statements if isinstance(s, (Entry, Directive, Pot))]
    assert len(names) == len(set(names)), "every name is its own"


def test_the_generators_depend_only_on_size_and_seed():
    assert generate.generate(200) == generate.generate(200)
    assert generate.generate(200, seed=1) != generate.generate(200, seed=2)
    assert ledger.generate(200) == ledger.generate(200)
    assert ledger.generate(200, seed=1) != ledger.generate(200, seed=2)


def test_a_ledger_has_exactly_the_transactions_asked_for():
    text = ledger.generate(500)
    assert len(re.findall(r"^\d{4}-\d\d-\d\d \* ", text, flags=re.M)) == 500


BEAN_CHECK = shutil.which("bean-check", path=str(Path(sys.executable).parent)) or shutil.which("bean-check")


@pytest.mark.skipif(BEAN_CHECK is None, reason="the bench extra (beancount) is not installed")
def test_bean_check_finds_the_ledger_valid(tmp_path):
    books = tmp_path / "ledger.beancount"
    books.write_text(ledger.generate(300), encoding="utf-8")
    done = subprocess.run([BEAN_CHECK, "--no-cache", str(books)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_runner_runs_everything_and_writes_its_results_between_the_markers(tmp_path):
    page = tmp_path / "performance.md"
    page.write_text("# Performance\n\nBefore.\n\n<!-- bench/run.py: results begin -->\nold\n"
                    "<!-- bench/run.py: results end -->\n\nAfter.\n", encoding="utf-8")
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--data", str(tmp_path),
                           "--write", str(page)], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "| target | measured | met |" in done.stdout
    text = page.read_text(encoding="utf-8")
    assert text.startswith("# Performance\n\nBefore.\n") and text.endswith("\n\nAfter.\n")
    assert "old" not in text and "`budsjett-lint proposal.budsjett` at most 2.0×" in text
    assert "| time at 100 at most 11× time at 10 (linear), the two run in the same rounds |" in text
    assert (tmp_path / "proposal-100.budsjett").exists() and (tmp_path / "ledger-100.beancount").exists()


def test_the_editor_bench_types_into_a_generated_plan_and_says_the_target():
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "editor.py"), "--entries", "40", "--keystrokes",
                           "--changes", "3", "--memory"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert len(result["latencies"]) == 3 and all(t > result["debounce"] for t in result["latencies"])
    assert result["target_after_debounce"] == 0.010  # a plan of fewer than 10 000 entries
    assert len(result["rss_mb"]) == 4 and all(m > 0 for m in result["rss_mb"])


def test_the_editor_bench_can_type_whole_lines_through_texts_that_do_not_read():
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "editor.py"), "--entries", "40", "--keystrokes",
                           "--typing", "line", "--changes", "40"], capture_output=True, text=True, cwd=ROOT,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["typing"] == "line" and len(result["latencies"]) == 40  # each version's diagnostics came
