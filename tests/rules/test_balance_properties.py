"""Properties of the balance over generated proposals.

- A proposal balanced by construction has no BAL001, and every year can be
  verified (so the silence is not that of BAL002's unverifiable years); put
  0.1 out of balance in one year, and exactly that year is reported.
- The order of statements does not change what is found.
- Scaling every amount by a factor does not change which years balance, and
  scales each gap by the same factor.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import lint
from tests.strategies import YEARS, Figure, balanced_documents, document_models

_GAP = re.compile(r"^(\d{4}) does not balance: .*?(gap|surplus) (-?[\d.]+) mill( \(.*\))?$")


def unbalanced(text: str) -> dict[int, Decimal]:
    """Year -> signed gap, from BAL001's messages."""
    out = {}
    for d in lint(text):
        if d.code == "BAL001":
            m = _GAP.match(d.message)
            assert m, d.message
            out[int(m.group(1))] = Decimal(m.group(3)) * (1 if m.group(2) == "gap" else -1)
    return out


@settings(max_examples=150, deadline=None)
@given(balanced_documents(), st.sampled_from(YEARS))
def test_a_balanced_proposal_has_no_bal001_until_a_year_is_put_out_of_balance(doc, year):
    found = [d.code for d in lint(doc.text())]
    assert "BAL001" not in found and "BAL002" not in found, doc.text()
    off = doc.with_statement(f'item "Ubalanse" oppvekst {year}=', Figure(Decimal("0.1"), year))
    assert unbalanced(off.text()) == {year: Decimal("0.1")}


@settings(max_examples=150, deadline=None)
@given(st.one_of(document_models(), balanced_documents()), st.data())
def test_the_order_of_statements_does_not_change_the_findings(doc, data):
    order = data.draw(st.permutations(range(len(doc.statements))))
    before = Counter((d.code, d.message) for d in lint(doc.text()))
    after = Counter((d.code, d.message) for d in lint(doc.text(order=order)))
    assert before == after, doc.text(order=order)


@settings(max_examples=150, deadline=None)
@given(document_models(), st.sampled_from([2, 10, 100]))
def test_scaling_every_amount_keeps_the_unbalanced_years(doc, factor):
    gaps = unbalanced(doc.text())
    scaled = unbalanced(doc.text(scale=factor))
    assert scaled.keys() == gaps.keys(), doc.text()
    assert scaled == {year: gap * factor for year, gap in gaps.items()}
