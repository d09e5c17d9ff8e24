"""Run the installed `budsjett-lint` command, as users and CI do."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).parent / "budsjett-lint"
DATA = Path(__file__).parent / "data"

BALANCED = """\
budget "Eksempel" period 2020..2021
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7.0
cover "Innkjøp" 2020=3.5 2021=7.0
"""

UNBALANCED = """\
budget "Eksempel" period 2020..2021
item "Toppet bemanning i barnehage" oppvekst 2020=7.0 2021=7.0
cover "Innkjøp" 2020=7.0 2021=5.0
"""


def run_cli(*args: str, cwd: Path | str | None = None, input: str | bytes | None = None,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """The command's exit code, standard output and standard error, as text."""
    assert SCRIPT.exists(), f"the command is not installed next to the interpreter: {SCRIPT}"
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    full_env.update(env or {})
    data = input.encode("utf-8") if isinstance(input, str) else input
    done = subprocess.run([str(SCRIPT), *args], cwd=cwd, input=data, capture_output=True, env=full_env,
                          timeout=120, check=False)
    return subprocess.CompletedProcess(done.args, done.returncode, done.stdout.decode("utf-8"),
                                       done.stderr.decode("utf-8"))


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """A folder with a balanced and an unbalanced proposal, outside any git repository's influence."""
    (tmp_path / "ok.budsjett").write_text(BALANCED, encoding="utf-8")
    (tmp_path / "bad.budsjett").write_text(UNBALANCED, encoding="utf-8")
    return tmp_path
