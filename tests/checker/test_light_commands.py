"""`rules`, `rule CODE` and `--version` answer without loading the parser or the rules: they read
the catalogue file and the package's own version."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.metadata import version

import pytest

from budsjett_lint.checker import __version__
from budsjett_lint.rules.catalogue import entries, render_page

HEAVY = ("budsjett_lint.dsl", "budsjett_lint.rules", "lark", "importlib.metadata", "rich", "pygments")


def loaded_by(*argv: str) -> tuple[str, list[str]]:
    """What the command prints, and which of the heavy modules it loaded."""
    code = ("import sys, io, contextlib; from budsjett_lint.checker.cli import main\n"
            "out = io.StringIO()\n"
            "with contextlib.redirect_stdout(out):\n"
            "    try:\n"
            f"        main({list(argv)!r})\n"
            "    except SystemExit:\n"
            "        pass\n"
            f"print(out.getvalue(), end=''); print(sorted(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout, json.loads(done.stderr.strip().splitlines()[-1].replace("'", '"'))


@pytest.mark.parametrize("argv", [("rules",), ("rules", "--format", "json"), ("rule", "BAL001"), ("--version",)])
def test_loads_neither_parser_nor_rules(argv):
    _, loaded = loaded_by(*argv)
    assert loaded == []


def test_rule_pages_are_those_the_modules_make():
    for code in ("SYN001", "BAL001", entries()[-1]["code"]):
        shown, _ = loaded_by("rule", code)
        assert shown == render_page(code)


def test_the_json_listing_keeps_its_fields():
    shown, _ = loaded_by("rules", "--format", "json")
    assert json.loads(shown) == json.loads(json.dumps(entries()))


def test_the_version_is_the_packages():
    assert __version__ == version("budsjett-lint")
    shown, _ = loaded_by("--version")
    assert shown == f"budsjett-lint {__version__}\n"
