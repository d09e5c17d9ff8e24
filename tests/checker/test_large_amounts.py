"""The largest amounts the language has, in every command: checked, summed and printed exactly, never a crash.

An amount of 10**27 or more (which the language once accepted), or the sum of
two 27-digit amounts, raised `decimal.InvalidOperation` while a message was
formatted, in `check`, `summary`, `diff`, `check --fix` and a heading's check.
Now an amount has at most 15 digits before the point and 8 after it, so that
sums stay exact; larger ones are a SYN003.
"""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from budsjett_lint.dsl import parse
from budsjett_lint.rules.base import fmt

COMMAND = Path(sys.executable).parent / "budsjett-lint"
LARGEST = "999999999999999.99999999"
HEADER = 'budget "B" period 2020..2021\narea a "A"\n'
#: The largest amounts, twice in one year (their sum has 16 digits before the point), and in headings.
AT_THE_LIMIT = (HEADER
                + f'item "x" a 2020={LARGEST} 2021=-{LARGEST} heading 999999999999999.9\n'
                + f'item "y" a 2020={LARGEST} 2021=999 999 999 999 999 999 999 kr heading -{LARGEST}\n'
                + 'cover "z" 2020=0.00000001\n')
#: What the language once accepted and crashed on.
TOO_LARGE = (HEADER
             + 'item "x" a 2020=1000000000000000000000000000 heading 1000000000000000000000000000\n'
             + 'item "y" a 2020=999999999999999999999999999 2021=999999999999999999999999999\n'
             + 'item "w" a 2020=999999999999999999999999999\n')


def run(tmp_path: Path, *args: str, text: str = AT_THE_LIMIT, stdin: str | None = None):
    path = tmp_path / "b.budsjett"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "budsjett-lint.yaml").write_text("")
    argv = [a.replace("FILE", str(path)) for a in args]
    return subprocess.run([str(COMMAND), *argv], capture_output=True, text=True, cwd=tmp_path, timeout=120)


COMMANDS = [("check", "FILE"), ("check", "--format", "json", "FILE"), ("check", "--fix", "FILE"),
            ("summary", "FILE"), ("summary", "--format", "json", "FILE"), ("diff", "FILE", "FILE"),
            ("export", "FILE"), ("format", "--check", "FILE")]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_the_largest_amounts_and_their_sums_in_every_command(tmp_path, args):
    proc = run(tmp_path, *args)
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr
    assert proc.returncode in (0, 1), proc.stderr


def test_the_sums_are_exact(tmp_path):
    out = run(tmp_path, "check", "--format", "concise", "FILE").stdout
    assert "spend 1999999999999999.99999998, covered 0.00000001, gap 1999999999999999.99999997" in out
    assert "the heading says 999999999999999.9, but the first year, 2020, is 999999999999999.99999999" in out
    summary = run(tmp_path, "summary", "FILE").stdout
    assert "1999999999999999.99999998" in summary and "-0.00000099" in summary


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_amounts_too_large_are_a_syntax_error_in_every_command(tmp_path, args):
    proc = run(tmp_path, *args, text=TOO_LARGE)
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr
    assert proc.returncode in ((0, 1) if args[0] == "diff" else (1, 2)), proc.stderr  # diff: errors on both sides
    if args[0] == "check" and "json" not in args:
        assert proc.stdout.count("SYN003") == 5  # one a bad value: `x` and `y` have two; every line stays
        assert "is larger than an amount can be" in proc.stdout


@pytest.mark.parametrize(("written", "message"), [
    ("1000000000000000", "is larger than an amount can be"),
    ("-1000000000000000", "is larger than an amount can be"),
    ("1 000 000 000 000 000 000 000 kr", "is larger than an amount can be"),
    ("1" + "0" * 100_000, "is larger than an amount can be"),
    ("1" + "0" * 100_000 + " kr", "is larger than an amount can be"),
    ("0.000000001", "has more decimals than an amount can have"),
    ("1." + "0" * 100_000, "has more decimals than an amount can have"),
])
def test_one_digit_past_the_limit_is_refused(written, message):
    result = parse(HEADER + f'item "x" a 2020={written}\n')
    assert [p.code for p in result.problems] == ["SYN003"]
    assert message in result.problems[0].message


@pytest.mark.parametrize("written", [LARGEST, "-" + LARGEST, "999 999 999 999 999 999 999 kr", "0.00000001", "-0"])
def test_at_the_limit_is_accepted(written):
    result = parse(HEADER + f'item "x" a 2020={written}\n')
    assert result.problems == ()


@pytest.mark.parametrize(("value", "text"), [
    (Decimal("9" * 28), "9" * 28 + ".0"),
    (Decimal("9" * 27) * 2, "1" + "9" * 26 + "8.0"),
    (Decimal("1E+40"), "1" + "0" * 40 + ".0"),
    (Decimal("12345678901234567890123456789.123"), "12345678901234567890123456789.123"),
    (Decimal("-0"), "0.0"),
    (Decimal("0.35"), "0.35"),
    (Decimal("NaN"), "NaN"),
    (-45, "-45.0"),
])
def test_formatting_an_amount_never_raises_or_rounds(value, text):
    assert fmt(value) == text
