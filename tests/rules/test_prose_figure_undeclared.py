"""TXT002 prose-figure-undeclared, on snippets of the real document."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import lint, triples
from tests.strategies import amount_values, fmt_amount, prose_stating

HEAD = 'budget "Trondheimsbudsjettet" period 2020..2023\n'

BRYGGA = HEAD + '''\
item "Brygga - individuell jobbstøtte" arbeid {amounts}
  text """
    sosialfaglig ettervernstilbud for rusmiddelavhengige. Vi øker derfor tilskuddet til Stavne ar-
    beid og kompetanse KF med med 5 millioner fra 2021 øremerket tilbudet på Brygga.
  """
'''


def test_fires_at_the_figure_for_the_years_not_declared():
    text = BRYGGA.format(amounts="2021=5")
    assert triples(text, "TXT002") == [(5, 35, "TXT002")]
    (d,) = [d for d in lint(text) if d.code == "TXT002"]
    assert text[d.span.start : d.span.end] == "5 millioner"
    assert d.message == ('the text gives 5.0 for 2022 and 2023 ("5 millioner fra 2021"), '
                         "but `Brygga - individuell jobbstøtte` declares no amount for them")
    assert d.hint == "add 2022..2023=5, or 2022..2023=? if the figure is not this line's"
    assert [(r.span.line, r.span.column, r.note) for r in d.related] == [(2, 6, "declares amounts for 2021")]


@pytest.mark.parametrize(
    "amounts",
    [
        "2021..2023=5",
        "2021=5 2022..2023=?",  # named, figure unknown
        "2021..2023=4",  # declared, if wrongly: TXT001's
        "?",  # the line says the document gives no figure
    ],
)
def test_silent_where_every_stated_year_is_declared(amounts):
    assert triples(BRYGGA.format(amounts=amounts), "TXT002") == []


def test_a_line_with_no_amount_at_all():
    (d,) = [d for d in lint(BRYGGA.format(amounts="")) if d.code == "TXT002"]
    assert "for 2021, 2022 and 2023" in d.message
    assert d.related[0].note == "declares no year"


def test_kroner_from_a_year_on():
    text = HEAD + '''\
item "Ung i jobb" finans 2020=400 000 kr heading 0.4
  text """
    De rødgrønne ønsker å starte satsingen for å tilby sommerjobb til flere ungdommer og re-
    kruttere til kommunen. Det legges inn 400 000 kroner allerede fra 2020.
  """
'''
    assert triples(text, "TXT002") == [(5, 43, "TXT002")]
    (d,) = [d for d in lint(text) if d.code == "TXT002"]
    assert d.hint == "add 2021..2023=400 000 kr, or 2021..2023=? if the figure is not this line's"
    assert triples(text.replace("2020=400 000 kr", "2020..2023=400 000 kr"), "TXT002") == []


def test_two_years_named_one_declared():
    text = HEAD + '''\
item "Kompetanseløft fastleger" helse 2020=10
  heading 10
  text """
    For å styrke kompetansen og bidra til stabilitet i fastlegetjenesten settes det av 10 millioner
    i 2020 og 2021. Det forutsettes at staten fra 2022 sørger for et bedre finansieringssystem.
  """
'''
    assert triples(text, "TXT002") == [(5, 88, "TXT002")]
    (d,) = [d for d in lint(text) if d.code == "TXT002"]
    assert d.message.startswith('the text gives 10.0 for 2021 ("10 millioner i 2020 og 2021"), but')
    assert d.message.endswith("declares no amount for it")


def test_both_readings_of_a_step_are_offered():
    text = HEAD + '''\
cover "Innleie av arbeidskraft" 2020=5
  text """
    seres. Budsjettet for innleie i kommunen kuttes derfor med 5 mill i 2020 økende med 20 mill i
    2023.
  """
'''
    (d,) = [d for d in lint(text) if d.code == "TXT002"]
    assert d.message.startswith("the text gives 20.0 or 25.0 for 2023")
    assert d.hint == "add 2023=20 or 2023=25, or 2023=? if the figure is not this line's"


def test_figures_with_no_year_or_outside_the_plan_are_not_undeclared():
    text = HEAD + '''\
item "Batteriet" arbeid 2020=0.1 heading 0.1
  text "de rødgrønne øker støtten med 0,1 million for å styrke dette arbeidet."
item "Bydelsutvikling" areal 2020=1
  text "Midler avsatt fra årsoppgjøret: 2 millioner i 2017 skal disponeres til dette."
'''
    assert triples(text, "TXT002") == []


def test_without_a_period_from_a_year_on_is_that_year():
    text = BRYGGA.format(amounts="2021=5").replace(" period 2020..2023", "")
    assert triples(text, "TXT002") == []


_years_amounts = st.dictionaries(st.sampled_from([2020, 2021, 2022, 2023]),
                                 amount_values.filter(lambda v: v != 0), min_size=2)


@settings(max_examples=150, deadline=None)
@given(_years_amounts, st.data())
def test_a_year_left_out_of_the_amounts_is_found(amounts, data):
    prose = data.draw(prose_stating(amounts))
    year = data.draw(st.sampled_from(sorted(amounts)))
    declared = " ".join(f"{y}={fmt_amount(v)}" for y, v in sorted(amounts.items()) if y != year)
    text = HEAD + f'item "Tiltak" oppvekst {declared}\n  text """\n    {prose}\n  """\n'
    found = [d for d in lint(text) if d.code in ("TXT001", "TXT002")]
    assert [d.code for d in found] == ["TXT002"], prose
    assert f"for {year} (" in found[0].message and "declares no amount for it" in found[0].message, prose
