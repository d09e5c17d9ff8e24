"""STR002 unknown-area."""

from __future__ import annotations

from tests.helpers import lint, triples

HEAD = 'budget "T" period 2020..2021\n'


def test_unknown_area_on_every_kind_of_statement():
    text = HEAD + (
        'item "A" oppvekts 2020=1\n'
        'directive "B" kulturr cost none\n'
        'section "C" helsa\n'
        'pot "D" arbied\n'
        'cover "E" 2020=1 exempt oppvekst helsa\n'
    )
    assert triples(text, "STR002") == [(2, 10, "STR002"), (3, 15, "STR002"), (4, 13, "STR002"), (5, 9, "STR002"),
                                       (6, 34, "STR002")]


def test_did_you_mean_names_the_closest_area():
    [d] = [d for d in lint(HEAD + 'item "A" oppvekts 2020..2021=1\ncover "B" 2020..2021=1\n') if d.code == "STR002"]
    assert d.message == "unknown area `oppvekts`"
    assert d.hint == "did you mean `oppvekst` (Oppvekst)?"


def test_a_case_slip_is_suggested_too():
    [d] = [d for d in lint(HEAD + 'item "A" Helse 2020=1\n') if d.code == "STR002"]
    assert d.hint == "did you mean `helse` (Helse og eldre)?"


def test_without_a_close_match_the_hint_lists_the_areas():
    [d] = [d for d in lint(HEAD + 'item "A" byutvikling 2020=1\n') if d.code == "STR002"]
    assert d.hint.startswith('declare it with `area byutvikling "Name"`, or use one of: oppvekst, arbeid,')


def test_built_in_and_declared_areas_are_known():
    text = HEAD + (
        'item "A" miljø 2020=1\n'
        'item "B" byutvikling 2020=1\n'
        'area byutvikling "Byutvikling"\n'  # declared after its use: order does not matter
        'cover "C" 2020=2 exempt oppvekst helse byutvikling\n'
        'section "Kultur" kultur\n'
        'pot "P" finans\n'
    )
    assert triples(text, "STR002") == []


def test_a_declaration_that_renames_a_built_in_area_keeps_it_known():
    assert triples(HEAD + 'area helse "Helse og velferd"\nitem "A" helse 2020=1\n', "STR002") == []


def test_the_hint_lists_a_plan_s_ids_but_not_thousands_of_them():
    declared = "".join(f'area omr{i:03d} "Område {i}"\n' for i in range(40))
    (d,) = [d for d in lint(HEAD + declared + 'item "A" zzzzzzzzzz 2020=1\n') if d.code == "STR002"]
    offered = d.hint.split("use one of: ")[1]
    assert offered.startswith("oppvekst, arbeid, helse") and offered.endswith(" and 27 more")
    assert len(offered.split(", ")) == 20
    # near miss: a plan's own few areas are all listed
    (d,) = [d for d in lint(HEAD + 'area bydel "Bydel"\nitem "A" zzzzzzzzzz 2020=1\n') if d.code == "STR002"]
    assert d.hint.endswith("use one of: oppvekst, arbeid, helse, kultur, miljø, areal, finans, bydel")
