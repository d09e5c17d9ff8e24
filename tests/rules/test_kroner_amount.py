"""STR011 kroner-amount: figures written in kroner, and the fix that writes them in millions."""

from __future__ import annotations

import textwrap
from decimal import Decimal

from budsjett_lint.checker.config import parse_config
from budsjett_lint.checker.fixes import fix_text
from budsjett_lint.dsl import parse
from tests.helpers import lint, triples

HEAD = 'budget "E" period 2020..2023\n'


def fixed(text: str) -> str:
    return fix_text(textwrap.dedent(text), "t.budsjett", parse_config({"select": ["STR011"]}, "test")).text


def test_fires_on_every_kind_of_figure_in_kroner():
    text = HEAD + ('item "Ung i jobb" finans 2020..2023=400 000 kr heading 400000kr total 1 600 000 kr\n'
                   'fund "F" opening 350 000 000 kr\n'
                   'directive "D" kultur cost 250 000 kr\n'
                   'cover "C" 2020=1\nfunds "C" -> "Ung i jobb" 2020=-1 000 kr\n')
    assert triples(text, "STR011") == [(2, 26, "STR011"), (2, 56, "STR011"), (2, 71, "STR011"),
                                       (3, 18, "STR011"), (4, 27, "STR011"), (6, 27, "STR011")]


def test_the_message_gives_the_figure_in_millions():
    d = next(d for d in lint(HEAD + 'item "A" finans 2020=400 000 kr\n') if d.code == "STR011")
    assert d.message == "`400 000 kr` is written in kroner; the file's amounts are millions: 0.4"
    assert d.hint == "write 2020=0.4"
    assert d.severity == "info" and d.fix is not None and d.fix.safe


def test_silent_on_millions_and_where_the_document_counts_in_kroner():
    assert triples(HEAD + 'item "A" finans 2020=0.4 heading 0.4\n', "STR011") == []
    kr_header = 'budget "E" period 2020..2023 unit kr\n'
    assert triples(kr_header + 'item "A" finans 2020=400 000 kr\n', "STR011") == []


def test_the_fix_is_exact():
    text = HEAD + ('item "A" finans 2020..2021=400 000 kr 2022=1 250 kr 2023=-999 999 999 kr heading 7 000 000 kr\n'
                   'fund "F" opening 0 kr\n')
    out = fixed(text)
    assert out == HEAD + ('item "A" finans 2020..2021=0.4 2022=0.00125 2023=-999.999999 heading 7\n'
                          'fund "F" opening 0\n')
    before, after = parse(text).budget, parse(out).budget
    assert before.entries[0].by_year == after.entries[0].by_year
    assert after.entries[0].heading.value == Decimal(7) and not after.entries[0].heading.kroner
    assert not any(a.kroner for a in after.entries[0].amounts)
