"""The parser: every construct, every kind of syntax error with its position, recovery."""

from __future__ import annotations

import textwrap
from decimal import Decimal

import pytest
from budsjett_lint.dsl import parse
from budsjett_lint.dsl.model import Directive, Entry, Fund, Header, Link, Pot, Section, Sector


def one(text: str):
    result = parse(textwrap.dedent(text))
    assert result.problems == ()
    assert len(result.budget.statements) == 1
    return result.budget.statements[0]


def problems(text: str) -> list[tuple[int, int, str]]:
    return [(p.span.line, p.span.column, p.code) for p in parse(textwrap.dedent(text)).problems]


# -- constructs ------------------------------------------------------------------


def test_the_users_line_parses_exactly_as_written():
    e = one('item "Toppet bemanning" oppvekst 2020=3.5 2021=7.0\n')
    assert isinstance(e, Entry)
    assert (e.kind, e.name.text, e.sector.id) == ("item", "Toppet bemanning", "oppvekst")
    assert e.by_year == {2020: Decimal("3.5"), 2021: Decimal("7.0")}


def test_the_users_offset_link_parses_exactly_as_written():
    link = one('offset "Toppet bemanning" <-> "Redusert vikarinnleie barnehage"\n')
    assert isinstance(link, Link)
    assert (link.kind, link.source.text, link.target.text) == (
        "offset", "Toppet bemanning", "Redusert vikarinnleie barnehage")


def test_header():
    h = one('''
        budget "Trondheimsbudsjettet"
          title "De rødgrønnes forslag"
          period 2020..2023
          base "Kommunedirektørens forslag"
          unit kr
    ''')
    assert isinstance(h, Header)
    assert h.name.text == "Trondheimsbudsjettet"
    assert h.title.text == "De rødgrønnes forslag"
    assert h.period == (2020, 2023)
    assert h.base.text == "Kommunedirektørens forslag"
    assert h.unit == "kr"
    assert (h.span.line, h.span.column, h.span.end_line) == (2, 1, 6)


def test_header_defaults_to_millions():
    assert one('budget "X" period 2020..2021').unit == "mill"


def test_area_declaration():
    s = one('area byutvikling "Byutvikling"')
    assert s == Sector("byutvikling", "Byutvikling", s.span)


def test_fund_with_and_without_opening_balance():
    assert one('fund "Disposisjonsfondet"').opening is None
    f = one('fund "Disposisjonsfondet" opening 350')
    assert isinstance(f, Fund) and f.opening.value == Decimal(350)


def test_pot_and_section_with_area_and_text():
    p = one('pot "Nærmiljøanlegg" kultur text "potten til nærmiljøanlegg"')
    assert isinstance(p, Pot) and p.sector.id == "kultur" and p.prose.text == "potten til nærmiljøanlegg"
    s = one('section "Verbale føringer - Oppvekst" oppvekst')
    assert isinstance(s, Section) and s.sector.id == "oppvekst" and s.prose is None


@pytest.mark.parametrize("kind", ["item", "invest", "cover", "allocate", "draw", "loan"])
def test_every_entry_kind(kind):
    e = one(f'{kind} "Linje" 2020=1')
    assert e.kind == kind


def test_negative_amounts_ranges_unknown_years_and_kroner():
    e = one('cover "Innkjøp" 2020=15 2021..2022=? 2023=-45 2024=400 000 kr 2025=1500000kr')
    assert e.by_year == {2020: Decimal(15), 2021: None, 2022: None, 2023: Decimal(-45),
                         2024: Decimal("0.4"), 2025: Decimal("1.5")}
    assert [a.ranged for a in e.amounts] == [False, True, True, False, False, False]
    assert [a.kroner for a in e.amounts] == [False, False, False, False, True, True]


def test_unquantified_marker():
    e = one('cover "Udisponert reserve" ?')
    assert e.unquantified is not None and e.amounts == () and e.is_unquantified


def test_every_attribute():
    e = one('''
        item "Toppet bemanning" oppvekst 2020=3.5 2021=7
          heading 3.5 halfyear ramp permanent oneoff until 2021 trial evaluate 2021-07 continued
          exempt oppvekst helse total 10.5 frees
          text """
            Vi setter av 3,5 millioner (halvårseffekt) i 2020,
            økende til 7 millioner i 2021.
          """
    ''')
    assert e.heading.value == Decimal("3.5")
    for flag in ("halfyear", "ramp", "permanent", "oneoff", "trial", "continued", "frees"):
        assert getattr(e, flag) is not None, flag
    assert e.until.year == 2021
    assert (e.evaluate.year, e.evaluate.month) == (2021, 7)
    assert [s.id for s in e.exempt] == ["oppvekst", "helse"]
    assert e.total.value == Decimal("10.5")
    assert e.prose.text == "Vi setter av 3,5 millioner (halvårseffekt) i 2020,\nøkende til 7 millioner i 2021."


def test_fund_references_keep_their_keyword():
    e = one('allocate "Avsetning" 2020=14.6 to "Disposisjonsfondet"')
    assert (e.fund.text, e.fund_keyword) == ("Disposisjonsfondet", "to")
    assert (e.fund_clause.column, e.fund_clause.end_column) == (32, 55)
    e = one('draw "Bruk" 2020=? from "Disposisjonsfondet"')
    assert (e.fund.text, e.fund_keyword) == ("Disposisjonsfondet", "from")


def test_amounts_and_attributes_in_any_order():
    e = one('item "X" oppvekst halfyear 2020=1 heading 1 2021=2')
    assert e.by_year == {2020: 1, 2021: 2} and e.halfyear and e.heading.value == 1


@pytest.mark.parametrize("cost, expected", [("cost none", ("none", None)), ("cost ?", ("unknown", None)),
                                            ("cost 8", ("amount", Decimal(8))), ("", (None, None))])
def test_directive_costs(cost, expected):
    d = one(f'directive "Trondheim Kino" kultur {cost}')
    assert isinstance(d, Directive)
    assert (d.cost, d.cost_amount.value if d.cost_amount else None) == expected


def test_directive_cost_by_year():
    d = one('directive "Bystyresekretariatet" finans cost 2022..2023=?')
    assert d.cost == "unknown" and [(a.year, a.value) for a in d.cost_amounts] == [(2022, None), (2023, None)]
    d = one('directive "Fast ressurs" finans cost 2021=0.5 2022..2023=1')
    assert d.cost == "amount" and d.cost_amount is None
    assert [(a.year, a.value) for a in d.cost_amounts] == [(2021, Decimal("0.5")), (2022, 1), (2023, 1)]
    assert (d.cost_span.column, d.cost_span.end_column) == (33, 59)


def test_directive_funded_by_and_text():
    d = one('directive "Tegnspråkklubb" kultur cost ? funded-by "Rosten" text """omdisponere midler"""')
    assert d.funded_by.text == "Rosten" and d.prose.text == "omdisponere midler"


@pytest.mark.parametrize("kind, keyword, arrow", [("funds", "funds", "->"), ("reallocates", "reallocate", "->")])
def test_funding_links_with_amounts(kind, keyword, arrow):
    link = one(f'{keyword} "Reformstøtte" {arrow} "Veteranhus" 2020=0.4')
    assert link.kind == kind and link.amounts[0].value == Decimal("0.4")


def test_comments_are_kept_with_positions():
    result = parse('# først\nitem "A" oppvekst 2020=1  # etter\n"""ikke""" \n')
    texts = [(c.text, c.span.line, c.span.column) for c in result.budget.comments]
    assert ("# først", 1, 1) in texts and ("# etter", 2, 27) in texts


def test_hash_inside_names_and_text_is_not_a_comment():
    result = parse('item "A #1" oppvekst 2020=1 text """# ikke en kommentar"""\n')
    assert result.problems == () and result.budget.comments == ()
    assert result.budget.entries[0].name.text == "A #1"


def test_norwegian_letters_bom_and_crlf():
    text = '\ufeffbudget "Økonomiplan" period 2020..2021\r\nitem "Særskilt åpningstid" miljø 2020=1\r\n'
    result = parse(text)
    assert result.problems == ()
    e = result.budget.entries[0]
    assert e.name.text == "Særskilt åpningstid" and e.sector.id == "miljø"
    assert (e.span.line, e.span.column) == (2, 1)


def test_lone_carriage_returns_count_as_line_ends():
    result = parse('budget "X" period 2020..2021\ritem "A" oppvekst 2020=x\r')
    assert [(p.span.line, p.span.column, p.code) for p in result.problems] == [(2, 19, "SYN003")]


def test_spans_are_one_based_with_exclusive_end():
    e = one('item "Toppet bemanning" oppvekst 2020=3.5')
    assert (e.name.span.line, e.name.span.column, e.name.span.end_column) == (1, 6, 24)
    assert e.amounts[0].span.column == 34 and e.amounts[0].span.end_column == 42


# -- syntax errors -------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ('item "A" oppvekst 2020=\n', [(1, 19, "SYN003")]),
    ('item "A" oppvekst 2020=3,5\n', [(1, 19, "SYN003")]),
    ('item "A" oppvekst 2020=1e309\n', [(1, 19, "SYN003")]),
    ('item "A" oppvekst 2020=nan\n', [(1, 19, "SYN003")]),
    ('item "A" oppvekst 2020=00.5\n', [(1, 19, "SYN003")]),
    ('item "A" oppvekst 99999=1\n', [(1, 19, "SYN004")]),
    ('item "A" oppvekst 0=1\n', [(1, 19, "SYN004")]),
    ('item "A" oppvekst -2020=1\n', [(1, 19, "SYN004")]),
    ('item "A" oppvekst 2023..2020=1\n', [(1, 19, "SYN004")]),
    ('item "A" oppvekst 2020=1 evaluate 2021-13\n', [(1, 35, "SYN004")]),
    ('budget "X" period 2023..2020\n', [(1, 12, "SYN004")]),
    ('budget "X" unit euro\n', [(1, 17, "SYN005")]),
    ('item "A" oppvekst 2020 = 1\n', [(1, 19, "SYN001")]),
    ('item "A oppvekst 2020=1\n', [(1, 6, "SYN002")]),
    ('item "A" oppvekst text """aldri lukket\n', [(1, 24, "SYN002")]),
    ('item "A" oppvekst 2020=1 heading\n', [(1, 33, "SYN001")]),
    ('item "A" oppvekst 2020=1 halfyear halfyear\n', [(1, 35, "SYN006")]),
    ('item oppvekst 2020=1\n', [(1, 6, "SYN001")]),
    ('offset "A" -> "B"\n', [(1, 12, "SYN001")]),
    ('item "A" oppvekst 2020=1\x00\n', [(1, 25, "SYN001")]),
])
def test_every_kind_of_syntax_error_with_its_position(text, expected):
    assert problems(text) == expected


def test_messages_say_what_was_found_and_expected_in_words():
    p = parse('item "A" oppvekst 2020 = 1\n').problems[0]
    assert p.message.startswith("unexpected `2020`; expected an amount such as 2020=3.5")
    assert "STRING" not in p.message and "AMOUNT" not in p.message
    assert p.hint == "write amounts without spaces around `=`, e.g. 2020=3.5"
    assert parse('item "A" oppvekst 2020=3,5').problems[0].hint.startswith("write millions with a decimal point")


def test_recovery_reports_every_error_and_keeps_the_rest():
    text = textwrap.dedent('''\
        budget "X" period 2020..2021
        item "A" oppvekst 2020=
        item "B" oppvekst 2020=1
        junk here
        item "C" oppvekst 2020 = 3
        cover "D" 2020=1
        item "E" oppvekst text """aldri lukket
        item "F" oppvekst 2020=2
    ''')
    result = parse(text)
    assert [(p.span.line, p.code) for p in result.problems] == [
        (2, "SYN003"), (4, "SYN001"), (5, "SYN001"), (7, "SYN002")]
    # A: its bad year is unknown; C: the year its unreadable `2020 = 3` names is unknown;
    # E: the line without its text, which is never closed
    assert [e.name.text for e in result.budget.entries] == ["A", "B", "C", "D", "E", "F"]
    by_name = {e.name.text: e.by_year for e in result.budget.entries}
    assert by_name["A"] == {2020: None} and by_name["B"] == {2020: 1}
    assert by_name["C"] == {2020: None} and by_name["E"] == {}
    assert result.budget.entries[4].prose is None
    assert result.budget.header is not None


def test_unexpected_input_inside_an_entry_is_passed_over_and_the_line_stays():
    head = 'budget "X" period 2020..2023\n'

    def read(line):
        result = parse(head + line + "\n")
        return result.budget.entries, [(p.span.line, p.span.column, p.code) for p in result.problems]

    # a word the grammar does not take: reported once, where it stands; the rest of the line is read
    (entry,), problems = read('item "A" oppvekst 2020=3.5 halfyer 2021=7 2023=1')
    assert problems == [(2, 28, "SYN001")]
    assert entry.by_year == {2020: 3.5, 2021: 7, 2023: 1} and entry.sector.id == "oppvekst"
    # a second name, a second area, stray punctuation: passed over alike
    assert read('item "A" "B" oppvekst 2020..2023=1')[0][0].by_year == dict.fromkeys(range(2020, 2024), 1)
    assert read('item "A" oppvekst skole 2020..2023=1')[0][0].sector.id == "oppvekst"
    assert read('item "A" oppvekst 2020..2023=1 @@ ;')[0][0].by_year[2023] == 1
    # a year an unreadable piece names is unknown on the line, never 0 and never the other figure
    (entry,), problems = read('item "A" oppvekst 2020..2023=10 2023 = 12')
    assert problems == [(2, 33, "SYN001")] and entry.by_year == {2020: 10, 2021: 10, 2022: 10, 2023: None}
    # a misspelt `permanent` or `ramp`: the later years may be carried on, so they are unknown ...
    assert read('item "A" oppvekst 2020=5 permanet')[0][0].by_year == {2020: 5, 2021: None, 2022: None, 2023: None}
    assert read('item "A" oppvekst 2020=5 2021=6 rmap')[0][0].by_year == {2020: 5, 2021: 6, 2022: None, 2023: None}
    # ... not where the line says how it ends, nor for a word that is no such attribute
    assert read('item "A" oppvekst 2020=5 oneoff permanet')[0][0].by_year == {2020: 5}
    assert read('item "A" oppvekst 2020=5 halfyer')[0][0].by_year == {2020: 5}
    # a statement cut short after a keyword: the keyword is passed over
    (entry,), problems = read('item "A" oppvekst 2020..2023=1 until')
    assert problems == [(2, 37, "SYN001")] and entry.until is None and entry.by_year[2023] == 1
    # a keyword whose value does not follow is the piece passed over, not the word after it
    (entry,), problems = read('item "A" oppvekst 2020=1 heading evaluate 2021-01 until permanent')
    assert [code for *_, code in problems] == ["SYN001"]
    assert entry.heading is None and entry.evaluate.year == 2021 and entry.permanent is not None
    assert entry.by_year == {2020: 1, 2021: None, 2022: None, 2023: None}  # where it ends was not read
    # a statement of another kind: kept where the pieces passed over hold no figure ...
    assert parse(head + 'offset "A" <-> "B" "C"\n').budget.links[0].target.text == "B"
    assert parse('budget "X" "Y" period 2020..2023\n').budget.period == (2020, 2023)
    # ... else not: an amount-less `funds` would promise all of its source
    assert parse(head + 'funds "A" -> "B" 2020 = 3\n').budget.links == ()
    # a directive whose cost may be other than read costs `?`
    directive, = parse(head + 'directive "D" kultur cost 8 9\n').budget.directives
    assert (directive.cost, directive.cost_amount) == ("unknown", None)
    assert parse(head + 'directive "D" kultur cost 8 junk\n').budget.directives[0].cost_amount.value == 8


def test_a_name_never_closed_is_closed_where_the_line_reads_on():
    head = 'budget "X" period 2020..2023\narea oppvekst "Oppvekst"\n'
    result = parse(head + 'item "Kutt i innkjøp oppvekst 2020..2023=10 permanent\ncover "B" 2020=1\n')
    assert [(p.span.line, p.span.column, p.code) for p in result.problems] == [(3, 6, "SYN002")]
    a, b = result.budget.entries
    assert (a.name.text, a.sector.id, a.permanent is not None) == ("Kutt i innkjøp", "oppvekst", True)
    assert a.by_year == dict.fromkeys(range(2020, 2024), 10) and b.name.text == "B"
    # a text never closed: the rest of its line is the text, which is lost; the line's figures stay
    result = parse(head + 'item "A" oppvekst 2020..2023=10 text "flere ansatte 2021=3\n')
    (problem,) = result.problems
    assert (problem.code, problem.message) == ("SYN002", "this quoted text is never closed")
    # 2021=3 may be a figure after a missing quote, or words of the text: 2021 is unknown
    assert result.budget.entries[0].by_year == {2020: 10, 2021: None, 2022: 10, 2023: 10}
    result = parse(head + 'item "A" oppvekst 2020..2023=10 text "flere ansatte\n')
    assert result.budget.entries[0].by_year == dict.fromkeys(range(2020, 2024), 10)
    # where no closing makes a statement of it, the line is lost, as before (it states no figure)
    assert parse(head + 'item "A\n').budget.entries == ()


def test_a_bad_value_of_an_attribute_or_a_year_keeps_the_line():
    result = parse('budget "X" period 2020..2023\n'
                   'item "A" oppvekst 2020..2021=10 permanent until 20x3 heading 1,5\n'
                   'cover "B" 2023..2020=10\n'
                   'item "C" oppvekst 2020=5 202=5\n')
    assert [(p.span.line, p.code) for p in result.problems] == [
        (2, "SYN004"), (2, "SYN003"), (3, "SYN004"), (4, "SYN004")]
    a, b, c = result.budget.entries
    # `until` not read: where the line ends is unknown, so its later years are
    assert a.by_year == {2020: 10, 2021: 10, 2022: None, 2023: None} and a.heading is None
    assert b.by_year == dict.fromkeys(range(2020, 2024), 10)  # a range written backwards: its years, its figure
    assert c.by_year == {2020: 5, 2021: None, 2022: None, 2023: None}  # a figure for a year not read


def test_an_attribute_given_twice_keeps_the_line():
    result = parse('budget "X" period 2020..2021\n'
                   'item "A" oppvekst 2020..2021=10 heading 10 heading 10 halfyear halfyear\n'
                   'item "B" oppvekst 2020..2021=10 heading 10 heading 12 until 2021 until 2020\n'
                   'directive "D" kultur cost 5 cost 6\n'
                   'directive "E" kultur cost 5 cost 5\n'
                   'sum "S" item item 2020=20\n')
    assert [(p.span.line, p.code) for p in result.problems] == [
        (2, "SYN006"), (2, "SYN006"), (3, "SYN006"), (3, "SYN006"), (4, "SYN006"), (5, "SYN006"), (6, "SYN006")]
    a, b = result.budget.entries
    assert a.by_year == b.by_year == {2020: 10, 2021: 10}
    assert a.heading.value == 10 and a.halfyear is not None  # the same twice: kept once
    assert b.heading is None and b.until is None  # two different values: that attribute unknown, not the line
    d, e = result.budget.directives
    assert d.cost == "unknown" and d.cost_amount is None  # two costs: it costs, by an amount not known
    assert e.cost == "amount" and e.cost_amount.value == 5
    assert result.budget.sums[0].kinds == ("item",)


def test_a_junk_line_does_not_take_the_statement_before_it():
    result = parse('item "A" oppvekst 2020=1\n  heading 1\nnonsense\n')
    assert [(p.span.line, p.code) for p in result.problems] == [(3, "SYN001")]
    assert result.budget.entries[0].heading.value == 1


def test_comments_are_kept_when_recovering():
    result = parse('# én\nitem "A" oppvekst 2020=\n# to\n')
    assert [c.text for c in result.budget.comments] == ["# én", "# to"]


def test_empty_and_comment_only_files():
    assert parse("").problems == () and parse("").budget.statements == ()
    result = parse("# bare kommentarer\n# og mer\n")
    assert result.problems == () and len(result.budget.comments) == 2


def test_comment_spans_in_crlf_files_end_where_their_text_ends():
    for text in ('item "A" oppvekst 2020=1  # merk\r\n', 'item "A" oppvekst 2020=\r\n# merk\r\n'):
        [c] = parse(text).budget.comments
        assert c.text == "# merk" and text[c.span.start:c.span.end] == "# merk"


def test_prose_knows_whether_it_was_a_block():
    assert one('pot "P" text """blokk"""').prose.block is True
    assert one('pot "P" text "streng"').prose.block is False


def test_a_mistake_on_an_indented_attribute_line_keeps_the_statement_s_other_lines():
    result = parse('budget "X" period 2020..2023\n'
                   'item "A" oppvekst 2020=1 2021=2\n'
                   '  halfyer\n'
                   '  permanent\n'
                   'nonsense\n'
                   'cover "B" 2020=1\n')
    assert [(p.span.line, p.span.column, p.code) for p in result.problems] == [(3, 3, "SYN001"), (5, 1, "SYN001")]
    a, b = result.budget.entries
    assert a.permanent is not None and a.by_year == {2020: 1, 2021: 2} and b.name.text == "B"
