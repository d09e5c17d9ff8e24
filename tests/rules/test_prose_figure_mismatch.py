"""TXT001 prose-figure-mismatch, on snippets of the real document."""

from __future__ import annotations

from decimal import Decimal

import pytest
from budsjett_lint.rules.base import fmt
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import codes as all_codes
from tests.helpers import lint, triples
from tests.strategies import amount_values, fmt_amount, prose_stating

HEAD = 'budget "Trondheimsbudsjettet" period 2020..2023\n'


def codes(text: str, config: dict | None = None) -> list[str]:
    """The codes of the prose figures (TXT001, TXT002): these snippets do not balance, and need not."""
    return [c for c in all_codes(text, config) if c in ("TXT001", "TXT002")]


TOPPET = HEAD + '''\
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021={y2021}
  heading 3.5 halfyear trial
  text """
    skelig dersom de ansatte i barnehagen har høyt sykefravær. Vi satser på toppet bemanning i ti
    kommunale barnehager. Det vil sørge for mer kontinuitet, mindre bruk av vikarer og på sikt et
    lavere sykefravær. Vi setter av 3,5 millioner (halvårseffekt) i 2020, økende til 7 millioner i 2021
    til et prøveprosjekt. Ordningen skal evalueres etter 1,5 år og vurderes også videreført etter
    2021.
  """
'''


def test_fires_at_the_words_of_the_figure_and_relates_the_declared_amount():
    text = TOPPET.format(y2021="6")
    assert triples(text, "TXT001") == [(7, 86, "TXT001")]
    (d,) = [d for d in lint(text) if d.code == "TXT001"]
    line = text.split("\n")[6]
    assert line[d.span.column - 1 : d.span.end_column - 1] == "7 millioner"
    assert d.message == 'the text gives 7.0 for 2021 ("økende til 7 millioner i 2021"), but 2021 is 6.0'
    assert d.hint == "if the text is right, write 2021=7; if the amounts are right, correct the text"
    assert [(r.span.line, r.span.column, r.note) for r in d.related] == [(2, 55, "2021 declared here")]


@pytest.mark.parametrize("y2021", ["7", "7.0", "7.04", "6.95", "-7"])
def test_silent_where_the_figures_agree_within_the_tolerance(y2021):
    assert codes(TOPPET.format(y2021=y2021)) == []


@pytest.mark.parametrize("y2021", ["7.06", "6.9", "3.5"])
def test_near_misses_beyond_the_tolerance_fire(y2021):
    assert triples(TOPPET.format(y2021=y2021), "TXT001") == [(7, 86, "TXT001")]


def test_tolerance_option():
    text = TOPPET.format(y2021="7.1")
    assert triples(text, "TXT001") == [(7, 86, "TXT001")]
    assert triples(text, "TXT001", {"options": {"TXT001": {"tolerance": 0.1}}}) == []


def test_a_year_declared_as_unknown_is_not_compared():
    assert codes(TOPPET.format(y2021="?")) == []


UTSTYRSPOTT = HEAD + '''\
item "Økt utstyrspott for haller og idrettsanlegg" kultur 2020=0.9 2021={y2021}
  heading 0.9
  text """
    For å redusere etterslepet på utbytting av utslitt utstyr i haller og anlegg settes det i 2020 av
    0,9 millioner ekstra og 0,2 millioner utover kommunedirektørens forslag i 2021.  Bevilgningen
    kan disponeres til både kommunale og private anlegg og i samråd med Idrettsrådet.
  """
'''


def test_a_year_before_the_figure_and_a_year_after_the_next():
    """0,9 millioner in 2020 ("settes det i 2020 av 0,9 millioner"), 0,2 millioner in 2021: no mismatch."""
    assert codes(UTSTYRSPOTT.format(y2021="0.2")) == []
    assert triples(UTSTYRSPOTT.format(y2021="1.1"), "TXT001") == [(6, 29, "TXT001")]


INNLEIE = HEAD + '''\
cover "Innleie av arbeidskraft" 2020=5 2021..2022=? 2023={y2023}
  text """
    Gjennom målrettede tiltak innen tjenesteområdene vil behovet for innleid arbeidskraft redu-
    seres. Budsjettet for innleie i kommunen kuttes derfor med 5 mill i 2020 økende med 20 mill i
    2023.
  """
'''


@pytest.mark.parametrize("y2023", ["20", "25", "24.96", "-25"])
def test_either_reading_of_a_step_agrees(y2023):
    assert codes(INNLEIE.format(y2023=y2023)) == []


def test_a_step_that_neither_reading_matches():
    text = INNLEIE.format(y2023="30")
    assert triples(text, "TXT001") == [(5, 89, "TXT001")]
    (d,) = [d for d in lint(text) if d.code == "TXT001"]
    assert d.message == ('the text gives 20.0, or 25.0 counted from 5.0, for 2023 ("økende med 20 mill i 2023"), '
                         "but 2023 is 30.0")
    assert d.hint == "if the text is right, write 2023=20 or 2023=25; if the amounts are right, correct the text"


def test_a_step_from_an_unstated_level_is_not_judged():
    text = HEAD + 'cover "Innleie" 2023=99\n  text "Kuttet er økende med 20 mill i 2023."\n'
    assert codes(text) == []


KLIMA = HEAD + '''\
item "Klimatiltak" miljø 2020=4 2021=5.5 2022={y2022} 2023=2.3
  heading 4
  text """
    klimahandlingsplanen. Det settes av ytterligere 4 millioner i 2020; 5,5 millioner i 2021; 6,3
    millioner i 2022 og 2,3 millioner i 2023.
  """
'''


def test_a_figure_wrapped_over_two_lines_is_pointed_at_on_both():
    assert codes(KLIMA.format(y2022="6.3")) == []
    text = KLIMA.format(y2022="6")
    (d,) = [d for d in lint(text) if d.code == "TXT001"]
    assert (d.span.line, d.span.column, d.span.end_line, d.span.end_column) == (5, 95, 6, 14)
    assert d.message == 'the text gives 6.3 for 2022 ("6,3 millioner i 2022"), but 2022 is 6.0'
    assert text[d.span.start : d.span.end] == "6,3\n    millioner"


KVINNEHELSE = HEAD + '''\
item "Kunnskap om kvinnehelse" helse {amounts}
  heading 0.3
  text """
    De rødgrønne ønsker å styrke arbeidet rundt innvandrerkvinners helse og avsetter 300 000
    kroner til dette arbeidet i 2020 og 2021. Kommunedirektøren bes komme med en sak til
  """
'''


@pytest.mark.parametrize("amounts", ["2020..2021=300 000 kr", "2020..2021=0.3", "2020=0.3 2021=0.3"])
def test_kroner_and_two_years(amounts):
    assert codes(KVINNEHELSE.format(amounts=amounts)) == []


def test_two_years_one_of_them_wrong():
    text = KVINNEHELSE.format(amounts="2020=0.3 2021=0.4")
    assert triples(text, "TXT001") == [(5, 86, "TXT001")]
    (d,) = [d for d in lint(text) if d.code == "TXT001"]
    assert d.message == ('the text gives 0.3 for 2021 ("300 000 kroner til dette arbeidet i 2020 og 2021"), '
                         "but 2021 is 0.4")
    assert d.hint == "if the text is right, write 2021=300 000 kr; if the amounts are right, correct the text"


def test_years_of_one_range_are_related_once():
    text = KVINNEHELSE.format(amounts="2020..2021=0.5")
    (d,) = [d for d in lint(text) if d.code == "TXT001"]
    assert d.message.endswith("but 2020 is 0.5 and 2021 is 0.5")
    assert [r.note for r in d.related] == ["2020 and 2021 declared here"]


BRYGGA = HEAD + '''\
item "Brygga - individuell jobbstøtte" arbeid {amounts}
  text """
    De rødgrønne vil sikre drift på Brygga knyttet til prosjektet “individuell jobbstøtte” som er et
    sosialfaglig ettervernstilbud for rusmiddelavhengige. Vi øker derfor tilskuddet til Stavne ar-
    beid og kompetanse KF med med 5 millioner fra 2021 øremerket tilbudet på Brygga.
  """
'''


def test_from_a_year_on():
    assert codes(BRYGGA.format(amounts="2021..2023=5")) == []
    assert triples(BRYGGA.format(amounts="2021=5 2022=4 2023=5"), "TXT001") == [(6, 35, "TXT001")]


def test_for_two_years_counts_from_the_first_plan_year():
    text = HEAD + 'item "Kompetansetilskudd" helse {amounts}\n  text "Vi styrker kompetansetilskuddet til fastlegene med 10 millioner i to år."\n'
    assert codes(text.format(amounts="2020..2021=10")) == []
    assert triples(text.format(amounts="2020=10 2021=12"), "TXT001") == [(3, 60, "TXT001")]


# -- figures that name no year ------------------------------------------------------

BATTERIET = HEAD + '''\
item "Batteriet" arbeid {amounts}
  {heading}
  text """
    denne gruppen, og de rødgrønne øker støtten med 0,1 million for å styrke dette arbeidet. De
  """
'''


@pytest.mark.parametrize(
    ("amounts", "heading"),
    [
        ("2020..2023=0.1", "heading 0.1"),
        ("2020..2023=0.2", "heading 0.1"),  # the heading said again
        ("2020=0.2 2021=0.1", "heading 0.2"),  # the amount of a year
        ("2020..2023=0.1", ""),
        ("?", ""),  # nothing to compare with
        ("2020..2023=?", ""),
    ],
)
def test_a_figure_with_no_year_is_the_heading_or_an_amount(amounts, heading):
    assert triples(BATTERIET.format(amounts=amounts, heading=heading), "TXT001") == []


def test_a_figure_with_no_year_that_is_neither_the_heading_nor_any_amount():
    text = BATTERIET.format(amounts="2020..2023=0.2", heading="heading 0.2")
    assert triples(text, "TXT001") == [(5, 53, "TXT001")]
    (d,) = [d for d in lint(text) if d.code == "TXT001"]
    assert d.message == 'the text gives 0.1 with no year ("0,1 million"), but the heading is 0.2 and no year is 0.1'
    assert [(r.span.line, r.note) for r in d.related] == [(3, "the heading")]
    plain = BATTERIET.format(amounts="2020..2023=0.2", heading="")
    (d,) = [d for d in lint(plain) if d.code == "TXT001"]
    assert d.message == 'the text gives 0.1 with no year ("0,1 million"), but no year is 0.1'


def test_a_ramp_start_with_no_year_is_the_heading():
    text = HEAD + '''\
item "Opptrapping av grunnbemanning i eldreomsorgen" helse 2020=20 2021..2023=40
  heading 20 ramp
  text """
    Det legges inn opptrapping av grunnbemanning i tråd med eldreplanen på 20 millioner øken-
    de til 40 millioner i 2021. Kommunedirektøren bes jobbe målrettet sammen med enhetene
  """
'''
    assert codes(text) == []
    assert triples(text.replace("2021..2023=40", "2021..2023=45"), "TXT001") == [(6, 12, "TXT001")]


# -- totals, other kinds, other places ----------------------------------------------

LAAN = HEAD + '''\
loan "Reduserte låneopptak" {amounts} frees
  text """
    Ved å redusere kommunens låneopptak med totalt 365 millioner kroner, reduseres behovet
    for å betale ekstraordinære avdrag på lån i perioden. Dermed øker vi kommunens handlings-
  """
'''


@pytest.mark.parametrize("amounts", ["? total -365", "2020..2023=? total 365", "2020=-65 2021..2023=-100", "?"])
def test_a_total_agrees(amounts):
    assert triples(LAAN.format(amounts=amounts), "TXT001") == []


def test_a_total_that_differs():
    (d,) = [d for d in lint(LAAN.format(amounts="? total -300")) if d.code == "TXT001"]
    assert (d.span.line, d.span.column) == (4, 52)
    assert d.message == 'the text gives a total of 365.0 ("totalt 365 millioner kroner"), but the total is -300.0'
    assert d.hint == "if the text is right, correct the total; if the total is right, correct the text"
    (d,) = [d for d in lint(LAAN.format(amounts="2020..2023=-100")) if d.code == "TXT001"]
    assert d.message.endswith("but the amounts of 2020, 2021, 2022 and 2023 add up to -400.0")


def test_years_outside_the_plan_and_text_elsewhere_are_not_compared():
    text = HEAD + '''\
cover "Bydelsutvikling" areal 2020=1
  text "Midler avsatt fra årsoppgjøret: 2 millioner i 2017 skal disponeres til dette."
directive "Trondheim Kino" kultur cost ?
  text "Det er i dag et forventet utbytte på 8 millioner fra Trondheim Kino."
section "Innledning"
  text "Vi styrker kompetansetilskuddet til fastlegene med 10 millioner i to år."
'''
    # A directive's text is TXT008's (its `cost ?` while the text gives 8 millioner), not TXT001's.
    assert [c for c in codes(text) if c != "TXT008"] == []


def test_positions_in_a_file_with_crlf_line_ends():
    text = TOPPET.format(y2021="6").replace("\n", "\r\n")
    assert triples(text, "TXT001") == [(7, 86, "TXT001")]


# -- property: prose written from the amounts agrees with them ------------------------

_years_amounts = st.dictionaries(st.sampled_from([2020, 2021, 2022, 2023]),
                                 amount_values.filter(lambda v: v != 0), min_size=1)


def _entry(amounts: dict[int, Decimal], prose: str) -> str:
    declared = " ".join(f"{y}={fmt_amount(v)}" for y, v in sorted(amounts.items()))
    return HEAD + f'item "Tiltak" oppvekst {declared}\n  text """\n    {prose}\n  """\n'


@settings(max_examples=150, deadline=None)
@given(_years_amounts, st.data())
def test_prose_that_states_the_declared_amounts_agrees(amounts, data):
    prose = data.draw(prose_stating(amounts))
    assert codes(_entry(amounts, prose)) == [], prose


@settings(max_examples=150, deadline=None)
@given(_years_amounts, st.data())
def test_a_declared_amount_changed_beyond_the_tolerance_is_found(amounts, data):
    prose = data.draw(prose_stating(amounts))
    year = data.draw(st.sampled_from(sorted(amounts)))
    changed = dict(amounts)
    changed[year] = abs(amounts[year]) + data.draw(st.sampled_from([Decimal("0.1"), Decimal("1"), Decimal("12.5")]))
    found = [d for d in lint(_entry(changed, prose)) if d.code == "TXT001"]
    assert len(found) == 1, prose
    assert f"but {year} is {fmt(changed[year])}" in found[0].message, prose


# -- issue 17: the line's own change, approximate totals, thousands, names ---------

def _txt001(text: str) -> list[str]:
    return [d.message for d in lint(text) if d.code == "TXT001"]


@pytest.mark.parametrize("amount", ["2", "-2", "2.04"])
def test_the_line_s_own_change_agrees(amount):
    assert codes(HEAD + f'item "Tilskudd" kultur 2020={amount}\n  text "Tilskuddet økes med 2 millioner i 2020."\n') == []


@pytest.mark.parametrize(("verb", "amount"), [("økes", "0.2"), ("reduseres", "-0.2"), ("styrkes", "0.2"),
                                              ("kuttes", "-0.2")])
def test_the_line_s_own_change_differs(verb, amount):
    text = HEAD + f'item "Tilskudd" kultur 2020={amount}\n  text "Tilskuddet {verb} med 2 millioner i 2020."\n'
    assert _txt001(text) == [f'the text gives 2.0 for 2020 ("{verb} med 2 millioner i 2020"), but 2020 is {amount}']


SUMMED = HEAD + 'item "Tiltak" kultur 2020=5 2021=6.4 2022=7\n  text "Vi setter av {words} millioner."\n'


@pytest.mark.parametrize("words", ["totalt ca. 18", "totalt om lag 17", "totalt ca 20", "i alt cirka 19",
                                   "totalt 18.4", "totalt 18,4"])
def test_an_approximate_total_within_a_tenth_is_silent(words):
    assert codes(SUMMED.format(words=words)) == []


@pytest.mark.parametrize(("words", "given"), [("totalt ca 15", "15.0"), ("totalt 18", "18.0"),
                                              ("totalt ca. 21", "21.0"), ("samlet over perioden 16", "16.0")])
def test_a_total_beyond_its_tolerance_is_a_total_mismatch(words, given):
    (message,) = _txt001(SUMMED.format(words=words))
    assert message.startswith(f"the text gives a total of {given} (")
    assert message.endswith("but the amounts of 2020, 2021 and 2022 add up to 18.4")


@pytest.mark.parametrize(("words", "amount", "fires"), [
    ("Tilskudd 100 (1000 kr) i 2020.", "0.1", False),
    ("Tilskudd 100 (1000 kr) i 2020.", "0.001", True),
    ("Tall i 1000 kr. Tilskudd 100 i 2020.", "0.1", False),
    ("Tall i 1000 kr. Tilskudd 100 i 2020.", "100", True),
    ("Tilskudd 100 i 2020.", "7", False),  # no unit and no declaration: not a figure
    ("Vi gir 500 tusen kroner i 2020.", "0.5", False),
    ("Vi gir 500 tusen kroner i 2020.", "500", True),
    ("Det settes av MNOK 5 i 2020.", "5", False),
    ("Det settes av MNOK 5 i 2020.", "0.5", True),
    ("Det settes av 1,5 mil i 2020.", "1.5", False),
    ("Det settes av 1,5 mil i 2020.", "15", True),
    ("Det bygges 1,5 mil sykkelvei i 2020.", "15", False),
    ("Det gis 150.000 kroner i 2020.", "0.15", False),
    ("Det gis 150.000 kroner i 2020.", "150", True),
    ("Det gis 150 000 kroner i 2020.", "1.5", True),
])
def test_units_of_issue_17(words, amount, fires):
    text = HEAD + f'item "Tilskudd" kultur 2020={amount}\n  text "{words}"\n'
    assert (codes(text) == ["TXT001"]) is fires, lint(text)


def test_a_figure_in_the_name_is_compared():
    text = HEAD + 'item "Veivedlikehold økes med 2 mill fra 2021" areal 2021=0.2 2022..2023=2\n'
    assert triples(text, "TXT001") == [(2, 31, "TXT001")]
    assert _txt001(text) == ['the text gives 2.0 for 2021 ("økes med 2 mill fra 2021"), but 2021 is 0.2']
    assert codes(text.replace("2021=0.2", "2021=2")) == []


def test_a_name_with_a_number_that_is_not_money_is_silent():
    assert codes(HEAD + 'item "Tiltak 2 i 2021" areal 2021=5\n') == []


def test_a_long_number_in_prose_is_not_read_and_does_not_crash():
    text = HEAD + 'item "Tiltak" kultur 2020=1\n  text "Vi setter av ' + "999 " * 120 + 'kr i 2020."\n'
    assert codes(text) == []
    text = HEAD + 'item "Tiltak" kultur 2020=1\n  text "Vi setter av ' + "9" * 400 + ' millioner i 2020."\n'
    assert codes(text) == []


SKOLEMAT = '''\
budget "Bodøbudsjettet" period 2024..2027
item "Skolemat" oppvekst 2024=4 2025={y2025}
  text """
    Skolemat for alle: 2024: 4, 2025: 6 mill.
  """
'''


def test_a_list_of_years_with_colons_is_compared_year_by_year():
    assert codes(SKOLEMAT.format(y2025="6")) == []
    (d,) = [d for d in lint(SKOLEMAT.format(y2025="5")) if d.code == "TXT001"]
    assert d.message == 'the text gives 6.0 for 2025 ("2025: 6 mill"), but 2025 is 5.0'


def test_a_text_of_many_lines_and_figures_places_each_where_it_stands():
    """Each figure's place in the file, on a text of many lines: found from the text's line starts,
    made once for the text (counting the lines before each figure again was quadratic: one text of
    50 000 figures took minutes)."""
    from budsjett_lint.rules import _prose

    body = "".join(f"    Linje {i}: økes med {i + 2} millioner i 2020.\n" for i in range(300))
    text = ('budget "B" period 2020..2021\nitem "A" oppvekst 2020=1\n  text """\n' + body + '  """\n')
    _prose._line_starts.cache_clear()
    found = [d for d in lint(text) if d.code == "TXT001"]
    assert len(found) == 300
    lines = text.split("\n")
    for d in found:  # where the words stand, as the file's own lines say
        assert lines[d.span.line - 1][d.span.column - 1 : d.span.end_column - 1] == d.message.split('"')[1].split(
            " i 2020")[0].removeprefix("økes med ")
        assert text[d.span.start : d.span.end] == lines[d.span.line - 1][d.span.column - 1 : d.span.end_column - 1]
    assert _prose._line_starts.cache_info().misses == 1  # the text's lines found once
