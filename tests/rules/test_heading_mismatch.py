"""RMP007: a heading amount that differs from the first year's figure, and its unsafe fix."""

from __future__ import annotations

from tests.helpers import lint, triples

HEAD = 'budget "Trondheimsbudsjettet" period 2020..2023\n'


def rmp007(text: str, config: dict | None = None):
    return [d for d in lint(text, config) if d.code == "RMP007"]


def apply(text: str, diagnostic) -> str:
    for edit in sorted(diagnostic.fix.edits, key=lambda e: e.start, reverse=True):
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return text


def test_seed_headings_that_match_are_silent():
    text = HEAD + (
        'item "Gratis SFO for førsteklassinger" oppvekst 2020=5.5 2021=12 heading 5.5 ramp\n'
        'item "Ung i jobb" finans 2020..2023=400 000 kr heading 0.4 permanent\n'
        'item "Kunnskap om kvinnehelse" helse 2020..2021=300 000 kr heading 0.3\n'
        'item "Likebehandling av private barnehager" oppvekst 2020..2021=1 heading 1\n'
        'item "Økt utstyrspott for haller og idrettsanlegg" kultur 2020=0.9 2021=0.2 heading 0.9\n'
        'item "Brygga - individuell jobbstøtte" arbeid 2021..2023=5 heading 5\n'
    )
    assert rmp007(text) == []


def test_a_heading_that_differs_fires_at_the_heading():
    text = HEAD + 'item "Skolehelsetjenesten" oppvekst 2020=2.6 2021=5.1 heading 2.0\n'
    assert triples(text, "RMP007") == [(2, 63, "RMP007")]
    (d,) = rmp007(text)
    assert d.message == "the heading says 2.0, but the first year, 2020, is 2.6"
    assert d.hint == "set the heading to 2.6, or correct the amount of 2020"
    assert [(r.span.column, r.note) for r in d.related] == [(37, "2020 is 2.6")]


def test_the_fix_is_unsafe_and_sets_the_heading_to_the_first_year():
    text = HEAD + 'item "Skolehelsetjenesten" oppvekst 2020=2.6 2021=5.1\n  heading 5.1 # from the table\n'
    (d,) = rmp007(text)
    assert d.fix is not None and d.fix.safe is False
    assert d.fix.description == "set the heading to 2.6"
    fixed = apply(text, d)
    assert fixed == HEAD + 'item "Skolehelsetjenesten" oppvekst 2020=2.6 2021=5.1\n  heading 2.6 # from the table\n'
    assert rmp007(fixed) == []


def test_the_fix_replaces_a_heading_in_kroner_and_keeps_crlf_offsets():
    text = HEAD.replace("\n", "\r\n") + 'item "Ung i jobb" finans\r\n  2020..2023=300 000 kr heading 400 000 kr\r\n'
    (d,) = rmp007(text)
    fixed = apply(text, d)
    assert fixed.endswith("2020..2023=300 000 kr heading 0.3\r\n")
    assert rmp007(fixed) == [] and not [x for x in lint(fixed) if x.code.startswith("SYN")]


def test_near_misses_within_the_rounding_of_one_decimal():
    assert rmp007(HEAD + 'item "A" helse 2020=350 000 kr heading 0.4\n') == []
    assert rmp007(HEAD + 'item "A" helse 2020=0.45 heading 0.4\n') == []
    assert len(rmp007(HEAD + 'item "A" helse 2020=340 000 kr heading 0.4\n')) == 1
    assert len(rmp007(HEAD + 'item "A" helse 2020=0.46 heading 0.4\n')) == 1
    assert len(rmp007(HEAD + 'item "A" helse 2020=0.45 heading 0.4\n', {"options": {"RMP007": {"tolerance": 0}}})) == 1


def test_the_first_stated_year_counts_and_unknown_figures_are_silent():
    (d,) = rmp007(HEAD + 'item "A" helse 2021=7 2020=3.5 heading 7\n')
    assert d.message == "the heading says 7.0, but the first year, 2020, is 3.5"
    assert rmp007(HEAD + 'item "Utstyrspott til korps og kulturskolen" oppvekst ? heading 1\n') == []
    assert rmp007(HEAD + 'item "Garderobeleie" kultur 2020=? 2021=2 heading 1\n') == []
