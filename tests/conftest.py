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
