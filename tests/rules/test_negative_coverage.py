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
                         "instead of closing it; it is all of the gap of 2020 and 2021 (30.0 mill in each year): "
                         "written positive, those years balance")
    assert d.fix is not None and not d.fix.safe
    # one mistake, one finding: the years' gaps are this sign alone, so BAL001 is silent for them,
    # and the finding that says so is an error, as an unbalanced year is
    assert codes(HEAD + text) == ["BAL007"] and d.severity == "error"
    after = fixed(text, unsafe=True)
    assert 'cover "Kutt i innkjøp" 2020..2021=15\n' in after
    assert "BAL001" not in codes(after) and "BAL007" not in codes(after)
    assert fixed(text) == HEAD + text  # unsafe: not applied by default


def test_a_severity_the_configuration_sets_still_wins():
    text = HEAD + ITEM + 'cover "Kutt i innkjøp" 2020..2021=-15\n'
    (d,) = lint(text, {"severity": {"BAL007": "info"}})
    assert d.code == "BAL007" and d.severity == "info"


def test_a_negative_cover_that_is_only_part_of_the_gap_leaves_bal001_the_rest():
    """Near miss: written positive, 2020 still lacks 5 (and 2021 balances): BAL001 stays for 2020,
    naming the sign and what it leaves; BAL007 claims 2021 alone."""
    text = HEAD + 'item "Toppet bemanning i barnehage" oppvekst 2020=15 2021=10\ncover "Kutt i innkjøp" 2020..2021=-10\n'
    found = lint(text)
    assert [(d.code, d.severity) for d in found] == [("BAL001", "error"), ("BAL007", "error")]
    bal001, bal007_ = found
    assert bal001.message == ("2020 does not balance: spend 15.0, covered -10.0, gap 25.0 mill; `Kutt i innkjøp` is "
                              "-10.0: coverage lost (BAL007); written positive, it leaves a gap of 5.0")
    assert bal007_.message.endswith("it is all of the gap of 2021 (20.0 mill in 2021): written positive, "
                                    "the year balances")


def test_a_sign_that_turned_would_leave_a_surplus_is_not_the_whole_gap():
    text = HEAD + ITEM + 'cover "Kutt i innkjøp" 2020..2021=-20\n'
    assert [d.code for d in lint(text)].count("BAL001") == 2
    assert all(d.message.endswith("written positive, it leaves a surplus of 5.0") for d in lint(text)
               if d.code == "BAL001")
    (d,) = bal007('cover "Kutt i innkjøp" 2020..2021=-20\n' + ITEM)
    assert "all of the gap" not in d.message and d.severity == "warning"


def test_coverage_lost_indeed_that_the_plan_covers_is_a_warning_and_balances():
    """Near miss: income that falls away, written negative as meant, and covered by other coverage:
    every year balances, so BAL001 is silent and BAL007 only says what the sign does."""
    text = HEAD + ('cover "Bortfall av utbytte" 2020..2021=-5\n'
                   'cover "Økt eiendomsskatt" 2020..2021=5\n')
    (d,) = lint(text)
    assert d.code == "BAL007" and d.severity == "warning" and "all of the gap" not in d.message


def test_coverage_lost_indeed_in_a_gap_of_its_own_is_not_the_sign():
    """Near miss: the income lost is meant, and the year lacks the coverage for it and for an item:
    the gap (15) is not twice the sign (10), so BAL001 reports it, and BAL007 stays a warning."""
    text = HEAD + ('item "Toppet bemanning i barnehage" oppvekst 2020..2021=10\n'
                   'cover "Bortfall av utbytte" 2020..2021=-5\n')
    found = lint(text)
    assert [d.code for d in found] == ["BAL001", "BAL001", "BAL007"]
    assert found[0].message.endswith("written positive, it leaves a gap of 5.0")
    assert found[2].severity == "warning"


def test_two_negative_lines_that_together_are_the_gap_each_say_so():
    text = HEAD + ('item "Toppet bemanning i barnehage" oppvekst 2020=5\n'
                   'cover "Kutt A" 2020=-2\ncover "Kutt B" 2020=-3\n')
    found = lint(text)
    assert [d.code for d in found] == ["BAL007", "BAL007"]
    assert "it and `Kutt B` are all of the gap of 2020 (10.0 mill in 2020)" in found[0].message


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


def test_a_negative_draw_that_is_the_whole_gap_offers_both_readings():
    """The allocation it may mean keeps the gap; the draw written positive closes it: the hint
    says both, and the safe fix stays the allocation (it keeps the balance as written)."""
    text = 'item "A" oppvekst 2020..2021=5\ndraw "Bruk av fond" 2020..2021=-5 from "Disposisjonsfondet"\n'
    (d,) = lint(HEAD + text)
    assert d.code == "BAL007" and d.severity == "error"
    assert d.hint.startswith("if it draws on the fund, write the amounts positive; if it puts money back, write "
                             "it as `allocate")
    assert d.fix is not None and d.fix.safe
    assert "BAL001" in codes(fixed(text))  # as an allocation the gap stays, and BAL001 says it
