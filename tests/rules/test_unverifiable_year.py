"""BAL002 unverifiable-year."""

from __future__ import annotations

from budsjett_lint.dsl import parse
from budsjett_lint.rules.totals import operating_balance

from tests.helpers import lint, triples

HEAD = 'budget "T" period 2020..2021\n'


def only(text: str, config: dict | None = None):
    return [d for d in lint(text, config) if d.code == "BAL002"]


def test_a_year_with_a_line_without_figure():
    # The seed: topped staffing is paid for partly by less substitute hiring, with no figure given.
    text = HEAD + ('item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7.0\n'
                   'cover "Innkjøp" 2020=3 2021=3\n'
                   'cover "Redusert vikarinnleie barnehage" oppvekst 2020=? 2021=3\n')
    assert triples(text, "BAL002") == [(1, 12, "BAL002")]
    [d] = only(text)
    assert d.message == ("2020 cannot be verified: 1 line without a figure for 2020 (`Redusert vikarinnleie barnehage`); "
                         "known spending 3.5, coverage 3.0, known gap 0.5 mill")
    assert d.hint == ("give these lines' figures for 2020 where the document has them; for 2020 to balance, "
                      "they must bring 0.5 mill more coverage than spending")
    assert [(r.span.line, r.note) for r in d.related] == [(4, "no figure for 2020")]
    # 2021 has every figure: BAL001 checks it, and finds it 1.0 short.
    assert [x.message for x in lint(text) if x.code == "BAL001"] == [
        "2021 does not balance: spend 7.0, covered 6.0, gap 1.0 mill"]


def test_a_bare_question_mark_counts_in_every_year_and_names_are_sorted():
    text = HEAD + ('item "Utstyrspott" kultur ?\n'
                   'cover "Udisponert reserve" finans ?\n'
                   'cover "Innkjøp" 2020=15 2021=20\n'
                   'loan "Reduserte låneopptak" ? total -365 frees\n')
    ds = only(text)
    assert [d.message for d in ds] == [
        "2020 cannot be verified: 3 lines without a figure for 2020 (`Reduserte låneopptak`, `Udisponert reserve` "
        "and `Utstyrspott`); known spending 0.0, coverage 15.0, known surplus 15.0 mill",
        "2021 cannot be verified: 3 lines without a figure for 2021 (`Reduserte låneopptak`, `Udisponert reserve` "
        "and `Utstyrspott`); known spending 0.0, coverage 20.0, known surplus 20.0 mill",
    ]
    assert ds[0].hint.endswith("they must bring 15.0 mill more spending than coverage")
    assert [r.span.line for r in ds[0].related] == [2, 3, 5]  # in source order


def test_many_lines_are_cut_short_in_the_message_but_all_are_related():
    text = HEAD + "".join(f'cover "Linje {i}" ?\n' for i in range(8))
    [first, _] = only(text)
    assert "(`Linje 0`, `Linje 1`, `Linje 2`, `Linje 3`, `Linje 4` and 3 more)" in first.message
    assert len(first.related) == 8
    assert first.hint.endswith("their coverage and spending must be equal")


def test_beyond_twenty_related_places_the_rest_are_counted():
    text = HEAD + "".join(f'cover "Linje {i}" ?\n' for i in range(25))
    [first, _] = only(text)
    assert "`Linje 12` and 20 more)" in first.message  # sorted by name
    assert [r.span.line for r in first.related[:20]] == list(range(2, 22))  # the first ones, in source order
    assert len(first.related) == 21
    last = first.related[-1]
    assert (last.span, last.note) == (first.span, "and 5 more places like these, not shown")


def test_a_year_named_without_figure_only_in_that_year():
    text = HEAD + 'item "A" oppvekst 2020=1 2021=2\ncover "B" 2020=1 2021=?\n'
    assert [d.message.split(":")[0] for d in only(text)] == ["2021 cannot be verified"]


def test_lines_outside_the_operating_balance_do_not_make_a_year_unverifiable():
    text = HEAD + ('item "A" oppvekst 2020..2021=1\ncover "B" 2020..2021=1\n'
                   'invest "Skolebygg" oppvekst 2020=? 2021=?\n'
                   'loan "Lån" ?\n')  # borrowing that frees nothing is not operations
    assert only(text) == []


def test_a_fully_known_year_is_silent():
    assert only(HEAD + 'item "A" oppvekst 2020..2021=1\ncover "B" 2020..2021=1\n') == []


def test_a_bad_amount_leaves_its_year_unverifiable_not_a_phantom_surplus():
    # `3,5` is not an amount (SYN003); 2020 cannot be verified, and 2021 still balances. The one
    # finding is SYN003's: BAL002 says nothing of a year that is unknown only for want of reading it.
    text = HEAD + ('item "Toppet bemanning i barnehage" oppvekst 2020=3,5 2021=7\n'
                   'cover "Innkjøp" 2020=7 2021=7\n')
    codes = [(d.code, d.message.split(":")[0]) for d in lint(text)]
    assert codes == [("SYN003", "`3,5` is not an amount")]
    first, second = operating_balance(parse(text).budget)
    assert not first.verifiable and second.verifiable and second.gap == 0


def test_a_year_unknown_only_because_a_line_could_not_be_read_is_the_syntax_findings():
    """One mistake, one finding: a misplaced attribute (SYN001) or a bad figure (SYN003) makes the
    line's years unknown; SYN says the file cannot be read there, and BAL002 stays silent for them."""
    misplaced = HEAD + ('item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7.0\n'
                        '  period 2020..2021\n'
                        'cover "Innkjøp" 2020=3.5 2021=7.0\n')
    assert [d.code for d in lint(misplaced)] == ["SYN001"]
    bad_figure = HEAD + ('item "Toppet bemanning i barnehage" oppvekst 2020=3,5 2021=7.0\n'
                         'cover "Innkjøp" 2020=3.5 2021=7.0\n')
    assert [d.code for d in lint(bad_figure)] == ["SYN003"]


def test_an_unread_line_beside_a_line_without_a_figure_is_named_as_unread():
    """Near miss: 2020 has a `?` of its own besides the unread figure: BAL002 reports it, and says
    which line is unknown only for want of reading it; a `?` alone is no syntax finding's."""
    text = HEAD + ('item "Toppet bemanning i barnehage" oppvekst 2020=3,5 2021=7.0\n'
                   'cover "Innkjøp" 2020=? 2021=7.0\n')
    [d] = only(text)
    assert d.message.startswith("2020 cannot be verified: 2 lines without a figure for 2020")
    assert [(r.span.line, r.note) for r in d.related] == [
        (2, "no figure for 2020: the line could not be read there (see its syntax finding)"),
        (3, "no figure for 2020")]
    question = HEAD + 'item "A" oppvekst 2020=? 2021=1\ncover "B" 2020=1 2021=1\n'
    assert [d.code for d in lint(question)] == ["BAL002"]
