"""LNK and TXT on the real document: `proposal.budsjett` encodes the Trondheim
proposal with its prose verbatim, so every figure its prose states for a year
must agree with the amounts, and every link must name a declared line."""

from __future__ import annotations

import pytest
from budsjett_lint.checker.engine import check_text
from budsjett_lint.dsl import parse
from budsjett_lint.rules._prose import stated_figures

from tests.conftest import PROPOSAL

pytestmark = pytest.mark.skipif(not PROPOSAL.is_file(), reason="proposal.budsjett is encoded on its own branch")


def test_the_proposal_prose_is_read_and_agrees_with_its_amounts():
    text = PROPOSAL.read_text(encoding="utf-8")
    budget = parse(text).budget
    stated = [s for _, figures in stated_figures(budget) for s in figures]
    assert len(stated) >= 45  # 49 when written: each compared with the amount of its year
    found = [(d.span.line, d.code, d.message) for d in check_text(text, str(PROPOSAL)).diagnostics
             if d.code.startswith(("LNK", "TXT"))]
    # True by the text: the reform support "omdisponeres til å dekke fastlegetilskudd", i.e. it
    # pays for the GPs' grant, but the link names the line that cuts that grant (coverage).
    assert [(line, code) for line, code, _ in found] == [(1264, "LNK007")]
