"""`proposal.budsjett` is kept in the canonical layout (`budsjett-lint format proposal.budsjett`)."""

from __future__ import annotations

import pytest

from budsjett_lint.checker.config import find_config, load_config
from budsjett_lint.checker.report.textdiff import unified_diff
from budsjett_lint.checker.editor.formatter import format_text
from tests.conftest import PROPOSAL


@pytest.mark.skipif(not PROPOSAL.exists(), reason="proposal.budsjett is not in this tree yet")
def test_the_proposal_is_formatted():
    text = PROPOSAL.read_bytes().decode("utf-8")
    options = load_config(find_config(PROPOSAL)).format
    formatted = format_text(text, options)
    assert formatted == text, ("run: budsjett-lint format proposal.budsjett\n"
                               + unified_diff(text, formatted, "proposal.budsjett"))
