"""RMP003: a year left out between two years that an entry states."""

from __future__ import annotations

from tests.helpers import lint, triples

HEAD = 'budget "Trondheimsbudsjettet" period 2020..2023\n'


def rmp003(text: str):
    return [d for d in lint(HEAD + text) if d.code == "RMP003"]


def test_a_gap_fires_at_the_year_after_it():
    text = HEAD + 'cover "Innkjøp" 2020=15 2022=? 2023=25 ramp\n'
    assert triples(text, "RMP003") == [(2, 25, "RMP003")]
    (d,) = rmp003(text[len(HEAD):])
    assert d.message == "`Innkjøp` states 2020 and 2022 but not 2021; a year not stated is a change of zero"
    assert d.hint == "write 2021=? where the document gives no figure, or 2021=0 where nothing changes"
    assert [(r.span.column, r.note) for r in d.related] == [(17, "2020 is stated here")]


def test_unknown_years_and_ranges_count_as_stated():
    text = (
        'cover "Innkjøp" 2020=15 2021..2022=? 2023=25 ramp\n'
        'item "Klimatiltak" miljø 2020=4 2021=5.5 2022=6.3 2023=2.3\n'
        'item "Ung i jobb" finans 2020..2023=400 000 kr\n'
    )
    assert rmp003(text) == []


def test_lines_that_start_late_or_stop_early_have_no_gap():
    assert rmp003('item "Brygga" arbeid 2021..2023=5\nitem "Renhold" miljø 2020..2021=0.6\n') == []


def test_a_longer_gap_is_one_finding_with_a_range_in_the_hint():
    (d,) = rmp003('item "A" helse 2020=1 2023=1\n')
    assert d.message == "`A` states 2020 and 2023 but not 2021 and 2022; a year not stated is a change of zero"
    assert d.hint.startswith("write 2021..2022=?")


def test_every_gap_is_reported():
    assert [d.message.split(" but not ")[1].split(";")[0] for d in rmp003('item "A" helse 2020=1 2022=1 2024=1\n')] == [
        "2021", "2023"]


def test_years_written_out_of_order_are_sorted_first():
    assert rmp003('item "A" helse 2021=1 2020=1 2022=1\n') == []


def test_an_explicit_zero_closes_the_gap():
    assert rmp003('item "Kompetanseløft fastleger" helse 2020=10 2021=0 2022=10\n') == []


def test_a_range_far_beyond_the_period_states_every_year_it_spans():
    """A range is held as the years near the period and its two ends (`1000..9999=1` is a few dozen amounts):
    the years in between that are not held are stated all the same. RMP003 once listed 7 966 of them."""
    assert rmp003('item "A" helse 1000..9999=1\nitem "B" helse 2020..9999=1\ncover "C" 1000..2021=1 2022..2023=2\n') == []


def test_a_gap_next_to_a_range_is_still_found():
    (d,) = rmp003('item "A" helse 2020=1 2025..9999=1\n')
    assert d.message.startswith("`A` states 2020 and 2025 but not the 4 years 2021..2024;")


def test_a_long_gap_is_named_by_its_ends_not_listed():
    (d,) = rmp003('item "A" helse 2020=1 9999=1\n')
    assert d.message == ("`A` states 2020 and 9999 but not the 7978 years 2021..9998; "
                         "a year not stated is a change of zero")
    assert d.hint.startswith("write 2021..9998=?")
