"""RMP001: a half-year start whose next year is not about twice the first."""

from __future__ import annotations

from tests.helpers import lint, triples

HEAD = 'budget "Trondheimsbudsjettet" period 2020..2023\n'


def rmp001(text: str, config: dict | None = None):
    return [d for d in lint(HEAD + text, config) if d.code == "RMP001"]


def test_the_seed_document_s_half_year_starts_are_silent():
    text = (
        'item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7.0\n'
        '  heading 3.5 halfyear trial evaluate 2021-12\n'
        '  text """\n'
        '    Vi setter av 3,5 millioner (halvårseffekt) i 2020, økende til 7 millioner i 2021\n'
        '    til et prøveprosjekt.\n'
        '  """\n'
        'item "Styrking av barnevernet" arbeid 2020=3.5 2021..2023=7 heading 3.5 halfyear\n'
    )
    assert rmp001(text) == []


def test_a_second_year_that_is_not_doubled_fires_at_that_year():
    text = HEAD + 'item "Styrking av barnevernet" arbeid 2020=3.5 2021=6.0 halfyear\n'
    assert triples(text, "RMP001") == [(2, 48, "RMP001")]
    (d,) = rmp001(text[len(HEAD):])
    assert d.message == "2021 is 6.0; a half-year start at 3.5 in 2020 implies about 7.0"
    assert [(r.span.column, r.note) for r in d.related] == [(39, "the half-year start, 3.5 in 2020")]
    assert d.severity == "warning"


def test_near_misses_within_ten_percent():
    assert rmp001('item "A" arbeid 2020=3.5 2021=7.7 halfyear\n') == []  # exactly 10 % over
    assert rmp001('item "A" arbeid 2020=3.5 2021=6.3 halfyear\n') == []  # exactly 10 % under
    assert rmp001('item "A" arbeid 2020=2.6 2021=5.1 halfyear\n') == []  # rounding of the seed's figures
    assert len(rmp001('item "A" arbeid 2020=3.5 2021=7.8 halfyear\n')) == 1
    assert len(rmp001('item "A" arbeid 2020=3.5 2021=6.2 halfyear\n')) == 1


def test_the_tolerance_is_an_option():
    text = 'item "A" arbeid 2020=3.5 2021=7.7 halfyear\n'
    assert len(rmp001(text, {"options": {"RMP001": {"tolerance": 0.05}}})) == 1
    assert rmp001('item "A" arbeid 2020=3.5 2021=6.0 halfyear\n', {"options": {"RMP001": {"tolerance": 0.2}}}) == []


def test_cuts_written_negative_are_compared_by_size():
    assert rmp001('cover "Innleie" 2020=-2.5 2021=-5 halfyear\n') == []
    assert len(rmp001('cover "Innleie" 2020=-2.5 2021=-2.5 halfyear\n')) == 1


def test_a_missing_next_year_in_the_plan_counts_as_zero():
    (d,) = rmp001('item "Brygga - individuell jobbstøtte" arbeid 2021=2.5 halfyear\n')
    assert d.message == "2022 has no amount; a half-year start at 2.5 in 2021 implies about 5.0"
    assert (d.span.line, d.span.column) == (2, 6)


def test_silent_where_the_figures_or_the_plan_do_not_say():
    assert rmp001('item "A" arbeid 2020=3.5 2021=? halfyear\n') == []
    assert rmp001('item "A" arbeid 2020=? 2021=7 halfyear\n') == []
    assert rmp001('item "A" arbeid ? halfyear\n') == []
    assert rmp001('item "A" arbeid 2020=0 2021=7 halfyear\n') == []
    assert rmp001('item "A" arbeid 2023=3.5 halfyear\n') == []  # the plan ends with the start


def test_a_measure_that_has_no_full_year_is_silent():
    assert rmp001('item "A" arbeid 2020=3.5 halfyear oneoff\n') == []
    assert rmp001('item "A" arbeid 2020=3.5 halfyear until 2020\n') == []


def test_the_first_stated_year_is_the_start_whatever_the_order_of_writing():
    (d,) = rmp001('item "A" arbeid 2021=5 2020=3.5 halfyear\n')
    assert d.message.startswith("2021 is 5.0;") and d.span.column == 17


def test_kroner_amounts():
    assert rmp001('item "A" arbeid 2020=200 000 kr 2021=400 000 kr halfyear\n') == []
