"""The README stays true: its two commands come first, and what it says about the proposal is what the check says."""

from __future__ import annotations

import re
from collections import Counter

from budsjett_lint.checker.config import find_config, load_config
from budsjett_lint.checker.engine import check_text
from tests.conftest import PROPOSAL, ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def _proposal_findings():
    config = load_config(find_config(PROPOSAL))
    return check_text(PROPOSAL.read_text(encoding="utf-8"), "proposal.budsjett", config).diagnostics


def test_the_readme_begins_with_the_two_commands_and_ci_runs_the_second():
    first_block = re.search(r"```sh\n(.*?)```", README, flags=re.S).group(1).splitlines()
    assert README.index("```sh") < README.index("\n## ")
    lint, test = first_block
    assert lint.endswith("budsjett-lint proposal.budsjett") and "pip install ." in lint
    assert test.endswith("python -m pytest") and "'.[test]'" in test
    assert test in CI


def test_the_closing_count_shown_is_the_one_the_check_gives():
    found = _proposal_findings()
    counts = Counter(d.severity for d in found)
    line = f"Found {len(found)} findings: {counts['error']} errors, {counts['warning']} warnings."
    assert not counts["info"]
    assert line in README


def test_the_findings_the_readme_explains_are_the_ones_reported():
    codes = Counter(d.code for d in _proposal_findings())
    assert codes == {"BAL002": 4, "BAL004": 4, "FUN001": 11, "LNK007": 1, "RMP008": 7}
    assert "(LNK007)" in README
    assert "Seven ramps stop" in README and "(RMP008)" in README
    assert "Eleven verbal directives" in README and "(FUN001)" in README
    unfunded = {re.search(r"`(.*?)`", d.message).group(1) for d in _proposal_findings() if d.code == "FUN001"}
    assert {"Bystyresekretariatet", "Trondheim Kino", "Bydelsbasseng", "Ishall", "Aktivitetsrett"} <= unfunded


def test_the_default_output_shown_is_the_one_the_check_gives(capsys):
    """The README's excerpt of `budsjett-lint proposal.budsjett`, in order: each line as printed,
    a line ending in `...` the start of one, and `...` alone lines left out."""
    from budsjett_lint.checker.cli import main

    block = re.search(r"The check\n.*?```\n(.*?)```", README, flags=re.S).group(1).splitlines()
    main(["check", "--color", "never", str(PROPOSAL)])
    printed = iter(capsys.readouterr().out.replace(str(PROPOSAL), "proposal.budsjett").splitlines())
    for shown in block:
        if shown == "...":
            continue
        prefix = shown[:-3].rstrip() if shown.endswith("...") else None
        assert any(line.startswith(prefix) if prefix is not None else line == shown for line in printed), shown


def test_the_length_of_the_default_output_is_the_one_the_readme_gives(capsys):
    from budsjett_lint.checker.cli import main

    stated = int(re.search(r"\(`budsjett-lint proposal.budsjett`, (\d+) lines\)", README).group(1))
    main(["check", "--color", "never", str(PROPOSAL)])
    assert len(capsys.readouterr().out.splitlines()) == stated
