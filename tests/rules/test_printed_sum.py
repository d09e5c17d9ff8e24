"""STR013 printed-sum-mismatch, and the `sum` statement it checks."""

from __future__ import annotations

from decimal import Decimal

from budsjett_lint.dsl import parse
from tests.helpers import lint, triples

HEAD = 'budget "T" period 2020..2021\n'
OPPVEKST = HEAD + ('section "Oppvekst" oppvekst\n'
                   'item "Toppet bemanning" oppvekst 2020=3.5 2021=7\n'
                   'item "Kulturskolen" oppvekst 2020=1.15\n'
                   'item "Leirskole" oppvekst 2020=0.5\n'
                   'cover "Vikarer" oppvekst 2020=5\n')


def found(text: str):
    return [d for d in lint(text) if d.code == "STR013"]


def test_the_statement_is_read():
    (s,) = parse(HEAD + 'sum "Sum drift" item allocate plan 2020=5.65 2021=?\n').budget.sums
    assert (s.name.text, s.kinds, s.plan is not None) == ("Sum drift", ("item", "allocate"), True)
    assert [(a.year, a.value) for a in s.amounts] == [(2020, Decimal("5.65")), (2021, None)]


def test_a_sum_the_lines_do_not_make_names_the_figures():
    [d] = found(OPPVEKST + 'sum "Sum drift" item 2020=5.65 2021=7\n')
    assert d.message == ("`Sum drift` prints 5.65 mill for 2020, the 3 operating items of section `Oppvekst` "
                         "sum to 5.15 mill (difference 0.5)")
    assert (d.span.line, d.span.column) == (7, 22)
    assert [r.note for r in d.related] == ["counted: 3.5 in 2020", "counted: 1.15 in 2020", "counted: 0.5 in 2020"]


def test_a_sum_that_matches_within_the_tolerance_is_silent():
    assert found(OPPVEKST + 'sum "Sum drift" item 2020=5.15 2021=7\nsum "Sum inndekning" cover 2020=5.04\n') == []


def test_kinds_are_kept_apart():
    [d] = found(OPPVEKST + 'sum "Sum" cover 2020=10.15\n')
    assert "the 1 coverage line of section `Oppvekst` sum to 5.0 mill" in d.message
    assert found(OPPVEKST + 'sum "Sum" item cover 2020=10.15\n') == []


def test_a_sum_counts_its_whole_section_and_no_other():
    text = OPPVEKST + ('sum "Sum drift" item 2020=5.15\n'
                       'item "Sent" oppvekst 2020=1\n'
                       'section "Helse" helse\n'
                       'item "Sykehjem" helse 2020=9\n'
                       'sum "Sum drift helse" item 2020=9\n')
    assert [d.span.line for d in found(text)] == [7]


def test_plan_sums_every_section_and_so_does_a_sum_before_any_section():
    text = HEAD + ('sum "Før" item 2020=4\n'
                   'section "A"\nitem "X" 2020=1\n'
                   'section "B"\nitem "Y" 2020=3\n'
                   'sum "Totalt" item plan 2020=4\n')
    assert found(text) == []
    [d] = found(text.replace("plan 2020=4", "plan 2020=5"))
    assert "the 2 operating items of the plan sum to 4.0 mill (difference 1.0)" in d.message


def test_a_year_a_line_does_not_mention_counts_as_zero():
    [d] = found(OPPVEKST + 'sum "Sum drift" item 2021=7.5\n')
    assert "for 2021, the 3 operating items of section `Oppvekst` sum to 7.0 mill" in d.message


def test_a_line_without_a_figure_makes_the_year_unverifiable_not_wrong():
    text = OPPVEKST + 'item "Ukjent" oppvekst 2020=? 2021=1\nitem "Uten" oppvekst ?\nsum "S" item 2020=99\n'
    assert found(text) == []
    text = OPPVEKST + 'item "Ukjent" oppvekst 2020=? 2021=1\nsum "S" item 2020=99 2021=9\n'
    [d] = found(text)
    assert "for 2021" in d.message and "sum to 8.0 mill" in d.message


def test_a_printed_year_without_a_figure_is_not_checked():
    assert found(OPPVEKST + 'sum "Sum drift" item 2020=? 2021=7\n') == []


def test_a_sum_with_no_lines_of_its_kind():
    [d] = found(OPPVEKST + 'sum "Sum investering" invest 2020=2\n')
    assert d.message == "`Sum investering` prints 2.0 mill for 2020, but there are no investments in section `Oppvekst`"


def test_a_wrong_year_is_one_finding_at_that_year():
    assert triples(OPPVEKST + 'sum "S" item 2020=1 2021=1\n', "STR013") == [(7, 14, "STR013"), (7, 21, "STR013")]


def test_syntax():
    assert [p.code for p in parse('sum "S" 2020=1\n').problems] == ["SYN001"]
    assert "the kind of lines it sums" in parse('sum "S" 2020=1\n').problems[0].message
    assert [p.code for p in parse('sum "S" item\n').problems] == ["SYN001"]
    assert [p.code for p in parse('sum "S" item cover item 2020=1\n').problems] == ["SYN006"]


def test_a_file_in_thousands_is_summed_and_shown_in_millions():
    text = ('budget "T" period 2020..2021 unit tusen\nsection "S"\n'
            'item "A" 2020=3500\nitem "B" 2020=1650\nsum "Sum" item 2020=5650\n')
    [d] = found(text)
    assert d.message == "`Sum` prints 5.65 mill for 2020, the 2 operating items of section `S` sum to 5.15 mill (difference 0.5)"
    assert found(text.replace("2020=5650", "2020=5150")) == []


def test_a_range_is_one_finding_that_counts_its_years():
    [d] = found(OPPVEKST + 'sum "Sum drift" item 2020..2021=9\n')
    assert d.message.endswith("sum to 5.15 mill (difference 3.85); 1 more year of 2020..2021 differs too")
    assert found(OPPVEKST + 'sum "Sum drift" item 2020..2021=7 2020=5.15\n') == []


def test_the_editor_outlines_a_sum():
    from budsjett_lint.checker.editor import editor, server

    symbols = editor.outline(parse(OPPVEKST + 'sum "Sum drift" item 2020=5.15\n').budget)
    [section] = [s for s in symbols if s.kind == "section"]
    assert [(c.name, c.kind) for c in section.children][-1] == ("Sum drift", "sum")
    assert "sum" in server._SYMBOL_KIND


def test_syntax_messages_name_what_a_sum_takes():
    def message(text: str) -> str:
        (problem,) = parse(text).problems
        return problem.message

    assert message('item "A" 2020=1\nsum "S" item cover invest allocate\n').endswith(
        "expected an amount such as 2020=3.5, the kind of lines it sums (`item`, `invest`, `cover`, `allocate`, "
        "`draw` or `loan`) or `plan`")
    assert message('item "A" 2020=1\nsum "S" item 2020=1 2021=2 x\n') == (
        "unexpected `x`; expected an amount such as 2020=3.5 or a new statement")


def test_many_sums_of_the_same_lines_add_them_up_once(monkeypatch):
    """A file of many `plan` sums (hostile, or a document that repeats its totals) must not add up
    the whole plan once for every sum: 5 000 of them over 5 000 lines took minutes. The work is
    counted, not timed: each line's figure is asked once a year, whatever the number of sums."""
    from budsjett_lint.rules import printed_sum

    asked = []
    known = printed_sum._known
    monkeypatch.setattr(printed_sum, "_known", lambda entry, year: asked.append(year) or known(entry, year))
    lines = "".join(f'item "Linje {i}" oppvekst 2020=1\n' for i in range(50))
    sums = "".join(f'sum "Sum {i}" item plan 2020={50 + (i == 3)}\n' for i in range(40))
    wrong = found(HEAD + lines + sums)
    assert [d.message.split(",")[0] for d in wrong] == ["`Sum 3` prints 51.0 mill for 2020"]
    assert len(asked) == 50  # the 50 lines once, for 2020: not once for each of the 40 sums
    assert len(wrong[0].related) <= 21  # the engine's cap, with its count of the rest
