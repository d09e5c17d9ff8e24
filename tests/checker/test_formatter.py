"""The formatter's canonical layout, case by case, and its refusals."""

from __future__ import annotations

import textwrap

import pytest

from budsjett_lint.checker.editor import formatter
from budsjett_lint.checker.config import FormatOptions
from budsjett_lint.checker.editor.formatter import FormatterError, SyntaxErrors, comment_texts, format_text, meaning
from budsjett_lint.dsl import parse
from tests.conftest import ROOT, budsjett_blocks

NO_ALIGN = FormatOptions(align=False)


def fmt(text: str, options: FormatOptions = FormatOptions()) -> str:
    """Format dedented text, and check on the way that the result is stable and means the same."""
    text = textwrap.dedent(text)
    out = format_text(text, options)
    assert format_text(out, options) == out
    assert meaning(parse(out).budget) == meaning(parse(text).budget)
    assert comment_texts(parse(out).budget) == comment_texts(parse(text).budget)
    return out


def test_head_line_then_attributes_in_table_order_then_text():
    out = fmt('''
        item "A" oppvekst text "t" trial 2020=1 heading 1 exempt helse kultur halfyear evaluate 2021-7 until 2022 ramp
    ''', NO_ALIGN)
    assert out == ('item "A" oppvekst 2020=1\n'
                   '  heading 1 halfyear ramp until 2022 trial evaluate 2021-07 exempt helse kultur\n'
                   '  text "t"\n')


def test_header_directive_fund_pot_area_and_links():
    out = fmt('''
        budget "B" unit mill base "Grunnlag" period 2020..2023 title "Tittel"
        area byutvikling   "Byutvikling"
        fund "F"   opening 350.0
        pot "P" kultur text "potten"
        directive "D" kultur text "x" funded-by "P" cost 8.50
        directive "E" cost none
        directive "G" cost ?
        offset "A"   <->   "B"
        funds "C" -> "D" 2021=1 2020=2
        reallocate "P" -> "D"
    ''', NO_ALIGN)
    assert out == textwrap.dedent('''\
        budget "B"
          title "Tittel"
          period 2020..2023
          base "Grunnlag"
          unit mill
        area byutvikling "Byutvikling"
        fund "F" opening 350
        pot "P" kultur
          text "potten"
        directive "D" kultur cost 8.5
          funded-by "P"
          text "x"
        directive "E" cost none
        directive "G" cost ?
        offset "A" <-> "B"
        funds "C" -> "D" 2020=2 2021=1
        reallocate "P" -> "D"
    ''')


@pytest.mark.parametrize("written, canonical", [
    ("2020=7.0", "2020=7"), ("2020=3.50", "2020=3.5"), ("2020=-0.0", "2020=0"), ("2020=700", "2020=700"),
    ("2020=0.000001", "2020=0.000001"), ("2020=400000kr", "2020=400 000 kr"), ("2020=1000 kr", "2020=1 000 kr"),
    ("2020=-400 000 kr", "2020=-400 000 kr"), ("2020=0400 kr", "2020=400 kr"), ("2020..2021=5.0", "2020..2021=5"),
    ("2020..2020=5", "2020..2020=5"), ("2020=?", "2020=?"), ("?", "?"),
])
def test_one_spelling_for_each_figure(written, canonical):
    assert fmt(f'cover "A" {written}\n') == f'cover "A" {canonical}\n'


def test_heading_total_and_opening_in_kroner_stay_kroner():
    assert fmt('item "A" heading 400000kr total 1234567 kr\n', NO_ALIGN) == \
        'item "A"\n  heading 400 000 kr total 1 234 567 kr\n'


def test_years_in_order_but_not_where_a_year_is_given_twice():
    assert fmt('cover "A" 2023=4 2020..2021=? 2022=3\n') == 'cover "A" 2020..2021=? 2022=3 2023=4\n'
    # 2021 is 2 as written; in year order it would be 1.
    assert fmt('cover "A" 2021=2 2020..2023=1\n') == 'cover "A" 2021=2 2020..2023=1\n'


def test_to_and_from_are_kept_as_written():
    text = 'allocate "A" 2020=1 to "F"\ndraw "B" 2020=1 from # why\n  "F"\nitem "C" from "F"\n'
    assert fmt(text, NO_ALIGN) == ('allocate "A" 2020=1\n  to "F"\ndraw "B" 2020=1\n  from "F"  # why\n'
                                   'item "C"\n  from "F"\n')


def test_columns_within_a_section():
    out = fmt('''
        item "Toppet bemanning" oppvekst 2020=3.5 2021=7
        cover "Innkjøp" 2021=15 2023=25
        cover "Udisponert reserve" ?
        item "Uten beløp" helse
        section "Neste"
        cover "Kort" 2023=1
        funds "Innkjøp" -> "Toppet bemanning" 2021=1
    ''')
    assert out == textwrap.dedent('''\
        item "Toppet bemanning"    oppvekst 2020=3.5 2021=7
        cover "Innkjøp"                              2021=15 2023=25
        cover "Udisponert reserve"          ?
        item "Uten beløp"          helse

        section "Neste"
        cover "Kort" 2023=1
        funds "Innkjøp" -> "Toppet bemanning" 2021=1
    ''')


def test_align_off_and_indent():
    text = 'item "Toppet bemanning" oppvekst 2020=3.5 halfyear\ncover "I" 2020=3.5\n'
    assert fmt(text, FormatOptions(indent=4, align=False)) == \
        'item "Toppet bemanning" oppvekst 2020=3.5\n    halfyear\ncover "I" 2020=3.5\n'


def test_blank_lines_collapse_and_sections_get_one():
    out = fmt('''


        budget "B" period 2020..2021



        item "A" 2020=1
        # about the section
        section "S"
        item "B" 2020=1
        section "T"


    ''', NO_ALIGN)
    assert out == ('budget "B"\n  period 2020..2021\n\nitem "A" 2020=1\n\n# about the section\nsection "S"\n'
                   'item "B" 2020=1\n\nsection "T"\n')


def test_a_comment_kept_apart_from_a_section_by_a_blank_line_stays_apart():
    out = fmt('item "A" 2020=1\n# about A\n\nsection "S"\n', NO_ALIGN)
    assert out == 'item "A" 2020=1\n# about A\n\nsection "S"\n'


def test_comments_stay_with_what_they_comment():
    out = fmt('''
        # before the header
        budget "B"  # on the name
          period 2020..2021

        # before A, indented oddly
            # and a second line
        item "A" oppvekst  # on the head
          # before the heading
          heading 1 halfyear  # on the attributes
          text """
            Tekst # not a comment
          """  # after the text
        cover "C" 2021=7 2020=3.5  # a trailing comment stays at the end of its line
        # at the end
    ''', NO_ALIGN)
    assert out == textwrap.dedent('''\
        # before the header
        budget "B"  # on the name
          period 2020..2021

        # before A, indented oddly
        # and a second line
        item "A" oppvekst  # on the head
          # before the heading
          heading 1 halfyear  # on the attributes
          text """
            Tekst # not a comment
          """  # after the text
        cover "C" 2020=3.5 2021=7  # a trailing comment stays at the end of its line
        # at the end
    ''')


def test_comments_inside_a_head_line_break_it_where_needed():
    out = fmt('''
        draw "Trekk"  # on the name
           2020=1 # on 2020
           # before from
           from
           "F" # on the fund
    ''', NO_ALIGN)
    assert out == ('draw "Trekk"  # on the name\n  2020=1  # on 2020\n  # before from\n'
                   '  from "F"  # on the fund\n')


def test_a_trailing_comment_follows_its_token_when_the_attributes_are_reordered():
    out = fmt('item "A"\n  halfyear  # on halfyear\n  heading 1\n', NO_ALIGN)
    assert out == 'item "A"\n  heading 1 halfyear  # on halfyear\n'
    out = fmt('item "A"\n  heading 1  # on heading\n  trial  # on trial\n  halfyear\n', NO_ALIGN)
    assert out == 'item "A"\n  heading 1  # on heading\n  halfyear trial  # on trial\n'


def test_comment_text_is_kept_but_trailing_blanks_go():
    assert fmt('# a   \t\nitem "A" 2020=1 #b  \n') == '# a\nitem "A" 2020=1  #b\n'


def test_text_blocks_are_reindented_keeping_their_lines_and_relative_indentation():
    out = fmt('''
        section "S"
                   text """Første linje
                        andre linje

                          innrykket   
        """
    ''')
    assert out == 'section "S"\n  text """\n    Første linje\n    andre linje\n\n      innrykket\n  """\n'
    assert parse(out).budget.sections[0].prose.text == "Første linje\nandre linje\n\ninnrykket"


def test_text_on_one_line_is_kept_as_written():
    assert fmt('pot "P" text """  på én linje """\npot "Q" text "  streng "\n') == \
        'pot "P"\n  text """  på én linje """\npot "Q"\n  text "  streng "\n'


def test_line_ends_and_byte_order_mark_are_kept():
    lf = 'budget "B" period 2020..2021\nitem "A" 2020=1.0  # c\n'
    want = 'budget "B"\n  period 2020..2021\nitem "A" 2020=1  # c\n'
    assert format_text(lf.replace("\n", "\r\n")) == want.replace("\n", "\r\n")
    assert format_text(lf.replace("\n", "\r")) == want.replace("\n", "\r")
    assert format_text("\ufeff" + lf) == "\ufeff" + want
    crlf_text = 'item "A" text """\r\n    a\r\n    b\r\n  """\r\n'
    assert format_text(crlf_text) == 'item "A"\r\n  text """\r\n    a\r\n    b\r\n  """\r\n'


def test_empty_and_comment_only_files():
    assert format_text("") == ""
    assert format_text("\n\n  \n") == ""
    assert format_text("# bare\n\n\n# kommentarer") == "# bare\n\n# kommentarer\n"


def test_text_with_syntax_errors_is_refused_with_its_problems():
    with pytest.raises(SyntaxErrors) as exc:
        format_text('item "A" 2020 = 1\nitem "B" 2020=3,5\n')
    assert [(p.span.line, p.code) for p in exc.value.problems] == [(1, "SYN001"), (2, "SYN003")]


def test_a_formatter_that_would_change_a_figure_raises_instead(monkeypatch):
    monkeypatch.setattr(formatter, "spell_in_unit", lambda value, unit: "1")
    with pytest.raises(FormatterError):
        format_text('item "A" 2020=2\n')


def test_meaning_ignores_spans_and_order_of_amounts_but_not_figures():
    a = parse('item "A" oppvekst 2021=7 2020=3.5\n').budget
    b = parse('item  "A"\n  oppvekst 2020=3.50 2021=7.0\n').budget
    c = parse('item "A" oppvekst 2020=3.5 2021=7.1\n').budget
    assert meaning(a) == meaning(b) != meaning(c)


LANGUAGE = budsjett_blocks((ROOT / "docs" / "language.md").read_text(encoding="utf-8"))


@pytest.mark.parametrize("text", LANGUAGE, ids=[f"example{i}" for i in range(len(LANGUAGE))])
def test_every_example_of_the_language_reference_formats(text):
    fmt(text)


def test_the_formatting_example_of_the_reference_is_what_the_formatter_writes():
    before, after = [b for b in LANGUAGE if b.startswith("# Oppvekst, as typed")]
    assert format_text(before) == after


def test_a_sum_is_one_line_with_its_kinds_plan_and_amounts_in_year_order():
    out = fmt('''
        section "S"
        item "A" 2020=1
        sum   "Sum drift"   item  allocate
            plan 2021=?   2020=1.50  # the document's row
    ''')
    assert out == ('section "S"\n'
                   'item "A" 2020=1\n'
                   'sum "Sum drift" item allocate plan 2020=1.5 2021=?  # the document\'s row\n')
