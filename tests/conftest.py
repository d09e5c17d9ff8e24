from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROPOSAL = ROOT / "proposal.budsjett"
#: The real document that proposal.budsjett encodes: a copy of the text export of
#: "Trondheimsbudsjettet 2020", so that the tests do not depend on anything outside the repository.
SEED = ROOT / "tests" / "data" / "trondheimsbudsjettet-2020.txt"


def budsjett_blocks(markdown: str) -> list[str]:
    """The ```budsjett code blocks of a Markdown text."""
    return re.findall(r"```budsjett\n(.*?)```", markdown, flags=re.S)


@pytest.fixture
def root() -> Path:
    return ROOT


#: Tests that drive a real tool (an editor, a browser, pre-commit in a repository, the VS Code
#: packager, PDF files) or run long properties: marked `slow`, so that `pytest -m "not slow"`
#: is a quick loop while working. `.ci/run` runs them all.
SLOW_FILES = frozenset({
    "test_neovim.py", "test_vscode_package.py", "test_summary_html.py", "test_precommit.py",
    "test_import_pdf.py", "test_fuzz.py", "test_formatter_properties.py", "test_balance_properties.py",
    "test_funding_and_ramp_properties.py",
})


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.path.name in SLOW_FILES:
            item.add_marker(pytest.mark.slow)
