"""Properties of the balance over generated proposals.

- A proposal balanced by construction has no BAL001, and every year can be
  verified (so the silence is not that of BAL002's unverifiable years); put
  0.1 out of balance in one year, and exactly that year is reported.
- No balance rule reports an error on a plan balanced by construction.
- The same money written on either side (a negative item or a cover line, a
  negative draw or an allocation, a fund draw as `cover` or as `draw`) gives
  the same verdict per year; a coverage line given a second use is reported.
- The order of statements does not change what is found.
- Scaling every amount by a factor does not change which years balance, and
  scales each gap by the same factor.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import lint
from tests.strategies import FUND, YEARS, Document, Figure, balanced_documents, document_models

_GAP = re.compile(r"^(\d{4}) does not balance: .*?(gap|surplus) (-?[\d.]+) mill( \(.*\))?(; .*)?$")


def unbalanced(text: str) -> dict[int, Decimal]:
    """Year -> signed gap, from BAL001's messages."""
    out = {}
    for d in lint(text):
        if d.code == "BAL001":
            m = _GAP.match(d.message)
            assert m, d.message
            out[int(m.group(1))] = Decimal(m.group(3)) * (1 if m.group(2) == "gap" else -1)
    return out


@settings(max_examples=150, deadline=None)
@given(balanced_documents(), st.sampled_from(YEARS))
def test_a_balanced_proposal_has_no_bal001_until_a_year_is_put_out_of_balance(doc, year):
    found = [d.code for d in lint(doc.text())]
    assert "BAL001" not in found and "BAL002" not in found, doc.text()
    off = doc.with_statement(f'item "Ubalanse" oppvekst {year}=', Figure(Decimal("0.1"), year))
    assert unbalanced(off.text()) == {year: Decimal("0.1")}


@settings(max_examples=150, deadline=None)
@given(st.one_of(document_models(), balanced_documents()), st.data())
def test_the_order_of_statements_does_not_change_the_findings(doc, data):
    order = data.draw(st.permutations(range(len(doc.statements))))
    before = Counter((d.code, d.message) for d in lint(doc.text()))
    after = Counter((d.code, d.message) for d in lint(doc.text(order=order)))
    assert before == after, doc.text(order=order)


@settings(max_examples=150, deadline=None)
@given(document_models(), st.sampled_from([2, 10, 100]))
def test_scaling_every_amount_keeps_the_unbalanced_years(doc, factor):
    gaps = unbalanced(doc.text())
    scaled = unbalanced(doc.text(scale=factor))
    assert scaled.keys() == gaps.keys(), doc.text()
    assert scaled == {year: gap * factor for year, gap in gaps.items()}


# --- the sign convention and the money spent once (issue 16) --------------------------------

_CUT = st.dictionaries(st.sampled_from(YEARS), st.decimals(min_value=Decimal("0.1"), max_value=Decimal("50"),
                                                          places=1, allow_nan=False, allow_infinity=False),
                       min_size=1, max_size=4)


def _amounts(values: dict[int, Decimal], sign: int = 1) -> str:
    return " ".join(f"{y}={sign * v}" for y, v in sorted(values.items()))


_WHOLE_GAP = re.compile(r"all of the gap of (?P<years>[\d–, and]+?) \((?P<gaps>[^)]*)\)")


def _years(said: str) -> list[int]:
    """`2020–2023`, `2020 and 2022`, `2020, 2021 and 2023` as years."""
    if "–" in said:
        first, last = (int(y) for y in said.split("–"))
        return list(range(first, last + 1))
    return [int(y) for y in re.findall(r"\d{4}", said)]


def verdict(text: str) -> tuple[dict[int, Decimal], set[int]]:
    """Per year: the signed gap where BAL001 reports one, or where BAL007 reports that the year's
    whole gap is a sign (its error, said there and not by BAL001); and the years BAL002 cannot verify."""
    found = lint(text)
    unknown = {int(d.message[:4]) for d in found if d.code == "BAL002"}
    gaps = unbalanced(text)
    for d in found:
        if d.code == "BAL007" and (m := _WHOLE_GAP.search(d.message)):
            years = _years(m.group("years"))
            each = re.fullmatch(r"(-?[\d.]+) mill in each year", m.group("gaps"))
            listed = {int(y): Decimal(v) for v, y in re.findall(r"(-?[\d.]+) mill in (\d{4})", m.group("gaps"))}
            gaps.update({y: Decimal(each.group(1)) for y in years} if each else listed)
    return gaps, unknown


@settings(max_examples=30, deadline=None)
@given(st.one_of(document_models(max_entries=6), balanced_documents(max_entries=6)), _CUT)
def test_a_saving_written_on_either_side_gives_the_same_verdict_per_year(doc, cut):
    """`item "Kutt" 2020=-5` (spending cut) and `cover "Kutt" 2020=5` (coverage) are the same money; so are a
    negative draw and an allocation to the fund."""
    base = doc.text()
    as_spending = base + f'item "Kutt i innkjøp" finans {_amounts(cut, -1)}\n'
    as_coverage = base + f'cover "Kutt i innkjøp" {_amounts(cut)}\n'
    assert verdict(as_spending) == verdict(as_coverage), as_coverage
    back_as_draw = base + f'draw "Tilbake" {_amounts(cut, -1)} from "Disposisjonsfondet"\n'
    back_as_allocation = base + f'allocate "Tilbake" {_amounts(cut)} to "Disposisjonsfondet"\n'
    assert verdict(back_as_draw) == verdict(back_as_allocation), back_as_draw


def test_a_negative_draw_that_is_all_of_a_gap_is_the_verdict_of_an_allocation():
    """Found by the property above: BAL007 says the year's gap where the sign is all of it (an error),
    and BAL001 is silent; the verdict for the year is the same as the allocation's."""
    base = 'budget "G"\n  period 2020..2023\nfund "Disposisjonsfondet"\nitem "0" oppvekst 2020=0.1\n'
    as_draw = verdict(base + 'draw "Tilbake" 2020=-0.1 from "Disposisjonsfondet"\n')
    as_allocation = verdict(base + 'allocate "Tilbake" 2020=0.1 to "Disposisjonsfondet"\n')
    assert as_draw == as_allocation == ({2020: Decimal("0.2")}, set())


_SECOND_USES = (
    'directive "Ny bruk" kultur cost {v}\n  funded-by "Ny dekning"\n',
    'directive "Ny bruk" kultur cost {v}\nfunds "Ny dekning" -> "Ny bruk"\n',
    'directive "Ny bruk" kultur cost {v}\nreallocate "Ny dekning" -> "Ny bruk"\n',
    'item "Ny bruk" kultur 2020..2023={v}\nfunds "Ny dekning" -> "Ny bruk"\n',
    'item "Ny bruk" kultur 2020..2023={v}\nreallocate "Ny dekning" -> "Ny bruk"\n',
)


@settings(max_examples=30, deadline=None)
@given(balanced_documents(max_entries=6),
       st.decimals(min_value=Decimal("0.1"), max_value=Decimal("50"), places=1, allow_nan=False),
       st.sampled_from(_SECOND_USES), st.booleans())
def test_a_coverage_line_given_a_second_use_always_gives_a_finding(doc, value, second, linked):
    """A new coverage line balances a new item (silent); spending its amount a second time is an error."""
    first = f'item "Ny" oppvekst 2020..2023={value}\ncover "Ny dekning" 2020..2023={value}\n'
    if linked:
        first += 'funds "Ny dekning" -> "Ny"\n'
    balanced = doc.text() + first
    before = {(d.code, d.message) for d in lint(balanced) if d.severity == "error"}
    assert not {code for code, _ in before} & {"BAL001", "BAL002"}, balanced
    twice = balanced + second.format(v=value)
    new = {(d.code, d.message) for d in lint(twice) if d.severity == "error"} - before
    assert {code for code, _ in new} & {"BAL001", "FUN004"}, twice


@settings(max_examples=60, deadline=None)
@given(balanced_documents(max_entries=8), st.sampled_from([1, 10]))
def test_a_plan_balanced_by_construction_has_no_bal_error(doc, factor):
    """Not only BAL001: no balance rule reports an error on a plan that balances in every year,
    however its lines are linked, once its fund has room for its draws (BAL005 weighs draws
    against the fund, not the year)."""
    statements = tuple((f'fund "{FUND}"', " opening ", Figure(Decimal(10 ** 6))) if s[0].startswith("fund ") else s
                       for s in doc.statements)
    text = Document(statements).text(scale=factor)
    errors = [(d.code, d.message) for d in lint(text) if d.code.startswith("BAL") and d.severity == "error"]
    assert errors == [], text


@settings(max_examples=30, deadline=None)
@given(st.one_of(document_models(max_entries=6), balanced_documents(max_entries=6)), _CUT)
def test_a_fund_draw_written_as_cover_counts_the_same_and_is_reported_and_its_fix_keeps_the_verdict(doc, cut):
    """BAL008's draw written as `cover` adds up as the `draw` it is: the same verdict per year."""
    from budsjett_lint.checker.config import parse_config
    from budsjett_lint.checker.fixes import fix_text

    base = doc.text() + f'item "Tiltak" oppvekst {_amounts(cut)}\n'
    disguised = base + f'cover "Bruk av disposisjonsfondet" {_amounts(cut)}\n'
    written = base + f'draw "Bruk av disposisjonsfondet" {_amounts(cut)} from "{FUND}"\n'
    assert verdict(disguised) == verdict(written), disguised
    assert "BAL008" in [d.code for d in lint(disguised)]
    assert "BAL008" not in [d.code for d in lint(written)]
    fixed = fix_text(disguised, "t.budsjett", parse_config({"select": ["BAL008"]}, "test"), unsafe=True).text
    assert verdict(fixed) == verdict(written), fixed
