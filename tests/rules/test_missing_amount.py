"""STR005 missing-amount."""

from __future__ import annotations

from tests.helpers import lint, triples

HEAD = 'budget "T" period 2020..2023\n'


def only(text: str):
    return [d for d in lint(text) if d.code == "STR005"]


def test_an_entry_with_nothing_written_is_reported():
    # From the seed: "Udisponert reserve" names no figure.
    text = HEAD + 'cover "Udisponert reserve" finans\n  text "De rødgrønne omdisponerer det som er lagt igjen"\n'
    [d] = only(text)
    assert (d.span.line, d.span.column) == (2, 7)
    assert d.message == "`Udisponert reserve` has no amount"


def test_a_total_without_years_and_without_question_mark():
    [d] = only(HEAD + 'loan "Reduserte låneopptak" total -365 frees\n')
    assert d.message == "`Reduserte låneopptak` gives a total but no amount for any year"
    assert d.hint.startswith("write `?` beside the total")


def test_question_mark_and_figures_contradict():
    text = HEAD + 'item "A" oppvekst ? 2020..2021=3 2022=?\n'
    [d] = only(text)
    assert (d.span.line, d.span.column) == (2, 19)
    assert d.message == "`A` is marked `?` (no figure for any year) but gives amounts: 2020..2021=3 2022=?"
    assert [(r.span.line, r.span.column) for r in d.related] == [(2, 21)]


def test_question_mark_and_years_without_figures():
    [d] = only(HEAD + 'cover "A" 2020=? ?\n')
    assert d.message == "`A` is marked `?` and names years without figures as well: 2020=?"


def test_marked_or_quantified_entries_are_silent():
    text = HEAD + ('cover "Udisponert reserve" finans ?\n'
                   'loan "Reduserte låneopptak" ? total -365 frees\n'
                   'cover "Vikarinnleie" 2020=? 2021=?\n'
                   'item "Ung i jobb" finans 2020..2023=400 000 kr\n'
                   'item "Null" oppvekst 2020=0\n')
    assert triples(text, "STR005") == []
