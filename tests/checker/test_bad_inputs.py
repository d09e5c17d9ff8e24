"""The bad-input corpus, in the manner of hledger's `test/errors/`: every file
in `tests/bad/` is checked by the installed command, and must give exactly the
diagnostics (`line:col: CODE`) and the exit code of its `.expected` file, with
nothing on standard error. Inputs too large to commit are generated here.

After a deliberate change of diagnostics, rewrite the expectations with
`BUDSJETT_UPDATE_CORPUS=1 pytest tests/checker/test_bad_inputs.py`, and read
the diff before committing it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from bench.robustness import CONTROL, assert_inside, check_api, lines_of

CORPUS = ROOT / "tests" / "bad"
COMMAND = Path(sys.executable).parent / "budsjett-lint"
UPDATE = os.environ.get("BUDSJETT_UPDATE_CORPUS") == "1"
_FINDING = re.compile(r"(\d+):(\d+): ([A-Z]{3}\d{3}) ")

HEADER = 'budget "Eksempel" period 2020..2021\n'

#: name -> (bytes, expected `line:col: CODE` lines, exit code): inputs too large to commit.
GENERATED = {
    # The junk is passed over: the line's figures count, and the plan they balance has no BAL finding.
    "several-megabytes-of-junk-on-a-line": (
        (HEADER + 'item "A" oppvekst 2020..2021=1 ' + "x" * 3_000_000 + "\ncover \"B\" 2020..2021=1\n").encode(),
        ["2:32: SYN001"], 1),
    "several-megabytes-of-words-and-signs-on-a-line": (
        (HEADER + 'item "A" oppvekst 2020=1 ' + 'ord "navn" @ = 5 ' * 200_000 + "2021=1\n"
         'cover "B" 2020..2021=1\n').encode(),
        ["2:26: SYN001"], 1),  # past 16 pieces the rest of the line is not read: 2021 is unknown, SYN001's alone
    "several-megabytes-of-text-on-a-line": (
        (HEADER + 'item "A" oppvekst 2020..2021=1 text """' + "ord " * 1_000_000 + '"""\n'
         'cover "B" 2020..2021=1\n').encode(),
        [], 0),
    # Issue 24: each range once expanded into 9 000 amounts (8.9 s and 1 GB at 1 000 lines), STR004
    # printed 45 kB, and RMP003 took the years a range holds as gaps and listed thousands of them.
    "a-thousand-ranges-over-nine-thousand-years": (
        (HEADER + "".join(f'item "Linje {i:04}" oppvekst 1000..9999=1\n' for i in range(1000))).encode(),
        ["1:19: BAL001", "1:19: BAL001"] + [f"{line}:28: STR004" for line in range(2, 1002)], 1),
    "thousands-of-entries-with-one-name": (
        (HEADER + 'item "Samme" oppvekst 2020..2021=0\n' * 5000).encode(),
        [f"{line}:6: STR001" for line in range(3, 5002)], 1),
}


def _expected_file(name: str) -> Path:
    return CORPUS / f"{name}.expected"


def read_expected(path: Path) -> tuple[list[str], int]:
    """`exit N` and `line:col: CODE` lines; `#` starts a comment."""
    findings, status = [], None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line.startswith("exit "):
            status = int(line.split()[1])
        elif line:
            findings.append(line)
    assert status is not None, f"{path.name} says no exit code"
    return findings, status


def write_expected(path: Path, findings: list[str], status: int) -> None:
    comments = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.startswith("#")] \
        if path.exists() else []
    path.write_text("\n".join(comments + [f"exit {status}"] + findings) + "\n", encoding="utf-8")


def run(path: Path, config: Path) -> tuple[list[str], int, str, str]:
    try:
        proc = subprocess.run([str(COMMAND), str(path), "--format", "concise", "--config", str(config)],
                              capture_output=True, timeout=600)
    except subprocess.TimeoutExpired:  # pragma: no cover - only when it hangs
        pytest.fail(f"budsjett-lint did not finish on {path.name}")
    out, err = proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8", "replace")
    findings = []
    lines = out.splitlines()
    assert lines and lines[-1].startswith(("Found ", "All checks passed")), "the report ends with its count"
    for line in lines[:-1]:
        assert line.startswith(f"{path}:"), f"a line of the report that names another file: {line!r}"
        m = _FINDING.match(line, len(str(path)) + 1)
        assert m, f"a line of the report that is not `file:line:col: CODE message`: {line!r}"
        findings.append(f"{m.group(1)}:{m.group(2)}: {m.group(3)}")
    return findings, proc.returncode, out, err


CASES = sorted([p.stem for p in CORPUS.glob("*.budsjett")] + list(GENERATED))


def test_every_case_has_an_expectation_and_an_input():
    for name in CASES:
        assert name in GENERATED or _expected_file(name).exists(), f"{name}.budsjett has no {name}.expected"
    for path in CORPUS.glob("*.expected"):
        assert (CORPUS / f"{path.stem}.budsjett").exists(), f"{path.name} has no input"


@pytest.mark.parametrize("name", CASES)
def test_bad_input(name, tmp_path):
    config = tmp_path / "empty.yaml"  # the defaults, whatever configuration lies around the tree
    config.write_text("")
    if name in GENERATED:
        data, expected, status = GENERATED[name]
        path = tmp_path / f"{name}.budsjett"
        path.write_bytes(data)
    else:
        path = CORPUS / f"{name}.budsjett"
        data = path.read_bytes()
        if not UPDATE:
            expected, status = read_expected(_expected_file(name))
    findings, returncode, out, err = run(path, config)
    if UPDATE and name not in GENERATED:
        write_expected(_expected_file(name), findings, returncode)
        expected, status = findings, returncode
    assert err == "", f"standard error is not empty:\n{err[-3000:]}"
    assert not CONTROL.search(out), "a control character in the report"
    assert returncode in (0, 1)
    assert (findings, returncode) == (expected, status)
    # every diagnostic points inside the file, and the API agrees
    text = data.decode("utf-8", "replace")
    lines = lines_of(text)
    for finding in findings:
        line, column = map(int, finding.split(":")[:2])
        assert_inside(lines, line, column, what=finding)
    check_api(text)


def test_invalid_utf8_names_the_byte_offset(tmp_path):
    config = tmp_path / "empty.yaml"
    config.write_text("")
    path = CORPUS / "invalid-utf8.budsjett"
    _, returncode, out, err = run(path, config)
    offset = path.read_bytes().index(b"\xf8")
    assert f"byte 0xF8 at offset {offset}" in out
    assert returncode == 1


def test_year_ranges_far_outside_the_period_cost_what_the_period_costs(tmp_path):
    """The report on 1 000 lines of `1000..9999=1` is a line a finding, each of a sentence's length."""
    config = tmp_path / "empty.yaml"
    config.write_text("")
    data, expected, _ = GENERATED["a-thousand-ranges-over-nine-thousand-years"]
    path = tmp_path / "ranges.budsjett"
    path.write_bytes(data)
    findings, _, out, _ = run(path, config)
    assert findings == expected
    assert max(len(line) - len(str(path)) for line in out.splitlines()) < 160
    assert len(out) < len(findings) * (160 + len(str(path)))
