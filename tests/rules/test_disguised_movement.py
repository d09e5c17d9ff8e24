"""BAL008: a fund draw, an allocation to a fund or borrowing written as an ordinary line."""

from __future__ import annotations

import pytest
from budsjett_lint.checker.config import parse_config
from budsjett_lint.checker.fixes import fix_text

from tests.helpers import codes, lint, triples

HEAD = 'budget "E" period 2020..2021\nfund "Disposisjonsfondet"\n'
ITEM = 'item "Kompetanseløft fastleger" helse 2020..2021=10\n'


def bal008(text: str):
    return [d for d in lint(HEAD + text) if d.code == "BAL008"]


def fixed(text: str) -> str:
    return fix_text(HEAD + text, "t.budsjett", parse_config({"select": ["BAL008"]}, "test"), unsafe=True).text


@pytest.mark.parametrize("line, kind", [
    ('cover "Bruk av disposisjonsfondet" 2020..2021=10', "draw"),
    ('cover "Økt bruk av disposisjonsfond" 2020..2021=10', "draw"),
    ('cover "Midler fra disposisjonsfondet" 2020..2021=10', "draw"),
    ('cover "Midlar frå disposisjonsfondet" 2020..2021=10', "draw"),  # nynorsk
    ('cover "Bruk av bundne driftsfond" 2020..2021=10', "draw"),
    ('item "Bruk av fond" 2020..2021=-10', "draw"),  # a negative item covers
    ('item "Avsetning til disposisjonsfondet" 2020..2021=10', "allocate"),
    ('item "Avsetjing til disposisjonsfondet" 2020..2021=10', "allocate"),  # nynorsk
    ('cover "Avsatt til premiefond" 2020..2021=-10', "allocate"),  # coverage lost spends
    ('cover "Økt låneopptak" 2020..2021=10', "loan"),
    ('cover "Auka låneopptak" 2020..2021=10', "loan"),  # nynorsk
    ('cover "Opptak av nye lån" 2020..2021=10', "loan"),
    ('item "Lånefinansiering av drift" 2020..2021=-10', "loan"),
])
def test_fires_on_each_form_and_says_what_the_line_is(line, kind):
    (d,) = bal008(ITEM + line + "\n")
    what = {"draw": "a draw on a fund", "allocate": "an allocation to a fund", "loan": "borrowing"}[kind]
    assert f" is {what}, as its name says" in d.message
    assert d.fix is not None and not d.fix.safe
    assert f"`{kind} " in d.hint
    after = fixed(ITEM + line + "\n")
    assert "BAL008" not in codes(after)
    assert f"\n{kind} " in after


def test_a_draw_as_cover_balances_the_same_but_hides_the_fund_draw():
    text = ITEM + 'cover "Bruk av disposisjonsfondet" 2020..2021=10\n'
    assert triples(HEAD + text, "BAL008") == [(4, 7, "BAL008")]
    (d,) = bal008(text)
    assert d.message == (
        '`Bruk av disposisjonsfondet` is a draw on a fund, as its name says ("Bruk av disposisjonsfondet"), but is '
        "written as `cover`: it covers 10.0 in each year 2020–2021 as the year's own income would; BAL006 cannot "
        "show a year that balances only by drawing on a fund, nor BAL005 weigh it against the fund")
    assert [r.note for r in d.related] == ["the fund it names"]
    assert "BAL006" not in codes(HEAD + text)
    after = fixed(text)
    assert 'draw "Bruk av disposisjonsfondet" 2020..2021=10 from "Disposisjonsfondet"\n' in after
    # the same balance, and now BAL006 can say that it is balanced by a fund draw
    assert "BAL001" not in codes(after) and "BAL006" in codes(after)


def test_borrowing_as_coverage_says_what_the_year_loses_and_bal003_sees_it_after():
    text = ITEM + 'cover "Økt låneopptak" 2020=10 2021=8\n'
    (d,) = bal008(text)
    assert "it pays for operating spending with borrowing, 10.0 in 2020 and 8.0 in 2021" in d.message
    assert "BAL003 cannot see" in d.message
    assert "BAL003" not in codes(HEAD + text)
    after = fixed(text)
    assert 'loan "Økt låneopptak" 2020=10 2021=8\n' in after
    assert "BAL003" in codes(after) and "BAL001" in codes(after)


def test_borrowing_that_balances_a_year_is_an_error_and_fails_the_check():
    """An amendment that pays for an item with borrowing written as coverage must not pass: the year
    balances only by the borrowing, which may not pay for operations, so the finding is an error."""
    (d,) = bal008(ITEM + 'cover "Økt låneopptak" 2020..2021=10\n')
    assert d.severity == "error"
    assert d.message.endswith("though borrowing may finance investments only: without it 2020 and 2021 do not "
                              "balance, 10.0 mill a year uncovered; BAL003 cannot see borrowing that pays for "
                              "operations")
    (d,) = bal008('item "Tiltak" oppvekst 2020=10 2021=4\ncover "Økt låneopptak" 2020=10 2021=6\n'
                  'cover "Kutt" 2021=1\n')
    assert "without it 2020 and 2021 do not balance, 10.0 in 2020 and 3.0 in 2021 uncovered" in d.message
    # near misses: other coverage balances the year anyway, and a fund draw as cover balances lawfully
    (d,) = bal008(ITEM + 'cover "Økt låneopptak" 2020=10\ncover "Kutt" 2020..2021=10\n')
    assert d.severity == "warning" and "and 2020 needs as much coverage from elsewhere" in d.message
    (d,) = bal008(ITEM + 'cover "Bruk av disposisjonsfondet" 2020..2021=10\n')
    assert d.severity == "warning"


def test_an_allocation_written_as_coverage_is_on_the_wrong_side():
    (d,) = bal008(ITEM + 'cover "Avsetning til disposisjonsfondet" 2020..2021=10\n')
    assert ("as written it covers 10.0 in each year 2020–2021, while an allocation to a fund costs like spending: "
            "the sign or the kind is wrong") in d.message


def test_a_negative_item_draw_is_rewritten_positive_with_its_fund():
    after = fixed(ITEM + 'item "Bruk av disposisjonsfondet" helse 2020=-4 2021=-6\n')
    assert 'draw "Bruk av disposisjonsfondet" helse 2020=4 2021=6 from "Disposisjonsfondet"\n' in after
    assert "BAL008" not in codes(after)


def test_mixed_signs_get_no_fix_and_an_unknown_fund_no_clause():
    (d,) = bal008('cover "Bruk av disposisjonsfondet" 2020=5 2021=-1\n')
    assert d.fix is None
    (d,) = bal008('cover "Bruk av premiefondet" 2020=5\n')
    assert d.related == () and 'from "Fund"' in d.hint
    assert d.fix is not None and d.fix.edits[0].replacement == "draw" and len(d.fix.edits) == 1


def test_a_cover_line_is_read_by_its_text_too():
    text = ITEM + 'cover "Fastlegetilskudd" 2020..2021=10\n  text "Dette kompenseres med økte midler fra disposisjonsfondet."\n'
    (d,) = bal008(text)
    assert 'as its text says ("midler fra disposisjonsfondet")' in d.message
    assert (d.span.line, d.span.column) == (5, 36)  # at "midler"


@pytest.mark.parametrize("line", [
    'cover "Kutt i bruk av konsulenter" 2020..2021=10',  # no fund
    'cover "Fondets avkastning" 2020..2021=10',  # the yield of a fund is income
    'cover "Bruk av fondets avkastning" 2020..2021=10',
    'cover "Redusert bruk av disposisjonsfondet" 2020..2021=10',  # a change of the base budget's draw
    'cover "Reduserte låneopptak" 2020..2021=10',  # lower repayments
    'cover "Mindre låneopptak" 2020..2021=10',
    'cover "Startlån" 2020..2021=10',
    'cover "Avdrag på lån" 2020..2021=10',
    'cover "Styrking av kulturfondet" 2020..2021=10',
    'cover "Ikke avsetning til disposisjonsfondet" 2020..2021=10',
    'cover "Innkjøp" 2020..2021=10\n  text "Kommunens disposisjonsfond skal kunne brukes til uforutsette hendelser."',
    'cover "Reformstøtte" 2020..2021=10\n  text "Reformstøtten avsettes ikke til pensjonskostnader."',
    'cover "Innkjøp" 2020..2021=10\n  text "Vi ber kommunedirektøren vurdere bruk av disposisjonsfondet."',
    # an item's text says how it is paid, which makes it no draw
    'item "Kino" kultur 2020..2021=10\n  text "Finansieres ved bruk av disposisjonsfondet."',
    # the right kinds
    'draw "Bruk av disposisjonsfondet" 2020..2021=10 from "Disposisjonsfondet"',
    'allocate "Avsetning til disposisjonsfondet" 2020..2021=10 to "Disposisjonsfondet"',
    'loan "Økt låneopptak" 2020..2021=10',
])
def test_near_misses_stay_silent(line):
    assert bal008(ITEM + line + "\n") == []


def test_a_text_that_speaks_of_a_movement_written_as_its_own_line_is_silent():
    # as the proposal writes it: the coverage, then the second line of the same heading
    cover = 'cover "Omtaksering eiendomsskatt" 2020=10\n  text "10 millioner tilbakeføres disposisjonsfondet."\n'
    assert len(bal008(cover)) == 1
    allocate = 'allocate "Omtaksering eiendomsskatt – tilbakeføring til disposisjonsfondet" 2020=10 to "Disposisjonsfondet"\n'
    assert bal008(cover + allocate) == []
    linked = ('allocate "Til fondet" 2020=10 to "Disposisjonsfondet"\n'
              'funds "Omtaksering eiendomsskatt" -> "Til fondet" 2020=10\n')
    assert bal008(cover + linked) == []


def test_the_proposal_writes_every_movement_as_its_kind():
    from pathlib import Path

    text = (Path(__file__).parents[2] / "proposal.budsjett").read_text(encoding="utf-8")
    assert [d for d in lint(text) if d.code == "BAL008"] == []
    # its coverage line "Fastlegetilskudd" speaks of "midler fra disposisjonsfondet": without the
    # draw that the proposal writes for it, that is a draw written as coverage
    without = text.replace('draw "Fastlegetilskudd – økte midler fra disposisjonsfondet"', 'draw "Fastlegedraw"')
    (d,) = [d for d in lint(without) if d.code == "BAL008"]
    assert d.message.startswith("`Fastlegetilskudd` is a draw on a fund, as its text says")
