"""`unit tusen`: figures in thousands of NOK, held in millions, written back in thousands."""

from __future__ import annotations

from decimal import Decimal

from budsjett_lint.checker.editor.formatter import format_text
from budsjett_lint.dsl import parse
from budsjett_lint.dsl.export import to_data
from tests.helpers import lint

TUSEN = 'budget "T" period 2020..2021 unit tusen\n'


def test_amounts_and_numbers_are_read_as_thousands():
    budget = parse(TUSEN + 'item "A" oppvekst 2020=5650 2021..2022=-250 heading 5650 total 100\n'
                           'fund "F" opening 350000\ndirective "D" cost 8000\n').budget
    (e,) = budget.entries
    assert e.by_year == {2020: Decimal("5.65"), 2021: Decimal("-0.25"), 2022: Decimal("-0.25")}
    assert (e.heading.value, e.total.value) == (Decimal("5.65"), Decimal("0.1"))
    assert budget.funds[0].opening.value == Decimal(350)
    assert budget.directives[0].cost_amount.value == Decimal(8)


def test_kroner_stay_kroner_in_a_file_in_thousands():
    (e,) = parse(TUSEN + 'item "A" oppvekst 2020=400 000 kr\n').budget.entries
    assert e.by_year == {2020: Decimal("0.4")}


def test_a_unit_given_after_the_lines_still_counts():
    text = 'item "A" oppvekst 2020=5650\nbudget "T" period 2020..2021 unit tusen\n'
    (e,) = parse(text).budget.entries
    assert e.by_year == {2020: Decimal("5.65")}


def test_mill_and_kr_read_millions_as_before():
    for unit in ("mill", "kr"):
        (e,) = parse(f'budget "T" unit {unit}\nitem "A" oppvekst 2020=3.5\n').budget.entries
        assert e.by_year == {2020: Decimal("3.5")}


def test_the_formatter_writes_thousands_back():
    text = TUSEN + 'item "A" oppvekst 2020=5650.0 heading 5650 2021=?\n'
    out = format_text(text)
    assert 'item "A" oppvekst 2020=5650 2021=?\n  heading 5650\n' in out


def test_export_states_both_units():
    data = to_data(parse(TUSEN + 'item "A" oppvekst 2020=5650\n').budget)
    assert (data["unit"], data["amounts_unit"]) == ("tusen", "mill")
    assert data["entries"][0]["amounts"] == {"2020": 5.65}


def test_rules_read_the_model_in_millions():
    text = TUSEN + 'item "A" oppvekst 2020=5650 2021=5650\ncover "B" 2020=5650 2021=5000\n'
    [d] = [d for d in lint(text) if d.code == "BAL001"]
    assert d.message.startswith("2021 does not balance") and "gap 0.65 mill" in d.message


def test_kroner_in_a_file_in_thousands_are_suggested_in_thousands():
    [d] = [d for d in lint(TUSEN + 'item "A" oppvekst 2020=400 000 kr\n') if d.code == "STR011"]
    assert d.message == "`400 000 kr` is written in kroner; the file's amounts are thousands: 400"
    assert d.fix.edits[0].replacement == "2020=400"


def test_the_heading_fix_writes_thousands():
    [d] = [d for d in lint(TUSEN + 'item "A" oppvekst 2020=5650 heading 5000\n') if d.code == "RMP007"]
    assert d.fix.edits[0].replacement == "5650"


def test_an_unknown_unit_names_the_three():
    (problem,) = parse('budget "T" unit euro\n').problems
    assert problem.code == "SYN005" and "`tusen` (thousands of NOK)" in problem.hint


# -- the texts of a file in thousands ------------------------------------------------------------


def test_a_bare_figure_before_a_year_in_a_text_of_a_file_in_thousands_is_thousands():
    budget = parse(TUSEN + 'item "A" oppvekst 2020=5650\n  text "Vi setter av 5 650 i 2020."\n').budget
    (f,) = budget.entries[0].prose.figures
    assert (f.amount, f.years, f.thousands) == (Decimal("5.65"), (2020,), True)
    # near miss: the same text in a file in millions states no money (a count before a year)
    assert parse('budget "T" period 2020..2021\nitem "A" oppvekst 2020=5650\n'
                 '  text "Vi setter av 5 650 i 2020."\n').budget.entries[0].prose.figures == ()


def test_a_text_before_the_unit_is_read_in_it_too():
    text = 'item "A" oppvekst 2020=5650\n  text "Vi setter av 5 650 i 2020."\nbudget "T" period 2020..2021 unit tusen\n'
    (f,) = parse(text).budget.entries[0].prose.figures
    assert f.amount == Decimal("5.65")


def test_the_prose_rules_compare_and_suggest_in_thousands():
    text = TUSEN + ('item "A" oppvekst 2020=5650 2021=11000\n'
                    '  text "Vi setter av 5 650 i 2020, økende til 11 300 i 2021."\n'
                    'item "B" oppvekst 2020=2000\n  text "Vi setter av 2,5 millioner i 2020."\n'
                    'item "C" oppvekst 2020=400\n  text "Vi setter av 400 000 kroner i 2020."\n')
    found = {d.span.line: d for d in lint(text) if d.code == "TXT001"}
    assert sorted(found) == [3, 5]  # C's 400 000 kroner is 400 thousand: no finding
    assert found[3].message == 'the text gives 11.3 for 2021 ("økende til 11 300 i 2021"), but 2021 is 11.0'
    assert found[3].hint.startswith("if the text is right, write 2021=11300;")
    assert found[5].hint.startswith("if the text is right, write 2020=2500;")


def test_a_directive_cost_is_suggested_in_thousands():
    [d] = [d for d in lint(TUSEN + 'directive "D" oppvekst cost none\n  text "Det settes av 800 i 2021."\n')
           if d.code == "TXT008"]
    assert "write `cost 2021=800`" in d.hint
