"""A bug of budsjett-lint is exit 2 with a one-line message, never exit 1 with a traceback that CI reads as findings."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import PROPOSAL, ROOT

#: Formatting a figure and a rule that crash, as the formatting of a large amount once did.
BROKEN_RULE = """
import sys
from decimal import InvalidOperation
from budsjett_lint.rules import base
def crash(*args):
    raise InvalidOperation([InvalidOperation])
base.fmt = crash  # before the modules that use it are imported
from budsjett_lint.rules import RULES
RULES[0].check = crash
from budsjett_lint.checker.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("args", [["check", str(PROPOSAL)], ["summary", str(PROPOSAL)],
                                  ["diff", str(PROPOSAL), str(PROPOSAL)], ["check", "--fix", "--diff", str(PROPOSAL)]],
                         ids=" ".join)
def test_an_internal_error_is_exit_2_and_says_so(args):
    proc = subprocess.run([sys.executable, "-c", BROKEN_RULE, *[a.replace(str(ROOT) + "/", "") for a in args]],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith("budsjett-lint: internal error: decimal.InvalidOperation"), proc.stderr
    assert "this is a bug in budsjett-lint" in proc.stderr


def test_the_message_names_where_it_was_raised():
    from budsjett_lint.checker.cli import internal_error

    try:
        {}["missing"]
    except KeyError as exc:
        message = internal_error(exc)
    assert message.startswith("budsjett-lint: internal error: KeyError: 'missing' (in checker/test_internal_errors.py:")


def test_the_message_shows_control_characters_escaped():
    from budsjett_lint.checker.cli import internal_error

    message = internal_error(ValueError("line\nbreak \x1b[2J"))
    assert "line\\x0abreak \\x1b[2J" in message and "\x1b" not in message
    assert message.count("\n") == 1
