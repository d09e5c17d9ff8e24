"""BAL007: a coverage line or a fund draw with a negative amount."""

from __future__ import annotations

from budsjett_lint.checker.config import parse_config
from budsjett_lint.checker.fixes import fix_text

from tests.helpers import codes, lint, triples

HEAD = 'budget "E" period 2020..2021\nfund "Disposisjonsfondet"\n'
ITEM = 'item "Toppet bemanning i barnehage" oppvekst 2020..2021=15\n'


def bal007(text: str):
    return [d for d in lint(HEAD + text) if d.code == "BAL007"]


def fixed(text: str, unsafe: bool = False) -> str:
    return fix_text(HEAD + text, "t.budsjett", parse_config({"select": ["BAL007"]}, "test"), unsafe=unsafe).text


def test_a_cut_written_negative_on_a_cover_line_is_coverage_lost():
    text = ITEM + 'cover "Kutt i innkjøp" 2020..2021=-15\n'
    assert triples(HEAD + text, "BAL007") == [(4, 24, "BAL007")]
    (d,) = bal007(text)
    assert d.message == ("the coverage line `Kutt i innkjøp` is -15.0 in each year 2020–2021: a negative amount "
                         "on the covering side is coverage lost, and adds 15.0 to the gap of each of those years "
                         "instead of closing it")
    assert d.fix is not None and not d.fix.safe
    # the balance reads the sign by the convention: the gap is 30, said once a year by BAL001,
    # which names the negative line as its cause (with its place) rather than as a second mistake
    (bal001, *_) = [m for m in lint(HEAD + text) if m.code == "BAL001"]
    assert bal001.message.endswith("gap 30.0 mill; `Kutt i innkjøp` is -15.0: coverage lost (BAL007)")
    assert [(r.span.line, r.note) for r in bal001.related] == [(4, "negative coverage: adds 15.0 to the gap")]
    after = fixed(text, unsafe=True)
    assert 'cover "Kutt i innkjøp" 2020..2021=15\n' in after
    assert "BAL001" not in codes(after) and "BAL007" not in codes(after)
    assert fixed(text) == HEAD + text  # unsafe: not applied by default


def test_a_negative_draw_is_an_allocation_and_the_safe_fix_keeps_the_balance():
    text = ITEM + 'cover "Innkjøp" 2020..2021=20\ndraw "Tilbake til fondet" 2020=-5 2021=-5 from "Disposisjonsfondet"\n'
    (d,) = bal007(text)
    assert d.message.startswith("the draw `Tilbake til fondet` is -5.0 in each year 2020–2021: a negative draw "
                                "puts money back into the fund")
    assert d.fix is not None and d.fix.safe
    assert "BAL001" not in codes(HEAD + text)
    after = fixed(text)
    assert 'allocate "Tilbake til fondet" 2020=5 2021=5 to "Disposisjonsfondet"\n' in after
    assert "BAL001" not in codes(after) and "BAL007" not in codes(after)


def test_near_misses_stay_silent():
    # positive coverage, a negative item (spending cut: the spending side), a draw with a `?`
    assert bal007(ITEM + 'cover "Innkjøp" 2020..2021=15\n') == []
    assert bal007('item "Kutt i innkjøp" oppvekst 2020..2021=-15\ncover "A" 2020..2021=0\n') == []
    assert bal007('draw "D" 2020=? 2021=0 from "Disposisjonsfondet"\n') == []


def test_a_draw_with_some_positive_years_gets_no_fix():
    (d,) = bal007('draw "D" 2020=5 2021=-1 from "Disposisjonsfondet"\n')
    assert d.fix is None


def test_the_years_are_said_once_where_the_amount_is_the_same_and_one_by_one_where_not():
    head = 'budget "E" period 2020..2023\n'
    (d,) = [d for d in lint(head + 'cover "Kutt i innkjøp" 2020..2023=-15\n') if d.code == "BAL007"]
    assert "is -15.0 in each year 2020–2023:" in d.message
    assert "adds 15.0 to the gap of each of those years" in d.message
    (d,) = [d for d in lint(head + 'cover "Kutt i innkjøp" 2020=-5 2021=-10\n') if d.code == "BAL007"]
    assert "is -5.0 in 2020 and -10.0 in 2021:" in d.message
    assert "adds 5.0 to the gap of 2020 and 10.0 to the gap of 2021" in d.message
    (d,) = [d for d in lint(head + 'cover "Kutt i innkjøp" 2020=-5 2022=-5\n') if d.code == "BAL007"]
    assert "is -5.0 in 2020 and -5.0 in 2022:" in d.message  # not a run of years


def test_bal001_names_no_negative_line_where_none_is():
    """Near miss: a gap with coverage written positive, too small, says nothing of signs."""
    (bal001, *_) = [m for m in lint(HEAD + ITEM + 'cover "Kutt i innkjøp" 2020..2021=10\n') if m.code == "BAL001"]
    assert bal001.message.endswith("gap 5.0 mill") and bal001.related == ()
