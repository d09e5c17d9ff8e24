"""`proposal.budsjett` is held to the document it encodes.

The document is the red-green coalition's "Trondheimsbudsjettet" (budget 2020,
plan 2020-2023); a copy is kept in `tests/data/` so that these tests run
anywhere. Two kinds of test: some read the document itself (every heading and
every line of prose is in the file, in order, and every amount beside a
heading is declared); the others state, as literals worked out by hand from
the document, what the file must declare: counts, sums per year, a sample of
lines, the `?`s, the links and what each directive costs.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

import pytest
from budsjett_lint.checker.engine import check_text
from budsjett_lint.dsl import parse
from budsjett_lint.dsl.model import Directive, Entry, Section

from tests.conftest import PROPOSAL, SEED

DOCUMENT = SEED
YEARS = (2020, 2021, 2022, 2023)
D = Decimal

# An amount printed at the end of a heading line, after a run of tabs or spaces.
HEADING_AMOUNT = re.compile(r"[\t ]{2,}(\d+(?:,\d+)?) (?:millioner|million)\s*$")
# Figures in prose: "3,5 millioner", "5 mill", "1 million", "400 000 kroner".
PROSE_MILLIONS = re.compile(r"(\d+(?:,\d+)?) (?:millioner|million|mill)\b")
PROSE_KRONER = re.compile(r"(\d{1,3}(?: \d{3})+) kroner")
# The second line of a heading that must be two lines: "<heading> – <what>".
SECOND_LINE = " – "


@pytest.fixture(scope="module")
def text():
    return PROPOSAL.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def parsed(text):
    return parse(text)


@pytest.fixture(scope="module")
def budget(parsed):
    return parsed.budget


@pytest.fixture(scope="module")
def entries(budget):
    return {e.name.text: e for e in budget.entries}


def amounts(entry: Entry) -> dict[int, Decimal | None]:
    return dict(entry.by_year)


def attributes(entry: Entry) -> dict:
    """The attributes an entry declares, besides its amounts, name, area and text."""
    found: dict = {}
    for flag in ("halfyear", "permanent", "oneoff", "trial", "continued", "ramp", "frees"):
        if getattr(entry, flag) is not None:
            found[flag] = True
    if entry.unquantified is not None:
        found["?"] = True
    if entry.heading is not None:
        found["heading"] = entry.heading.value
    if entry.until is not None:
        found["until"] = entry.until.year
    if entry.evaluate is not None:
        found["evaluate"] = (entry.evaluate.year, entry.evaluate.month)
    if entry.exempt:
        found["exempt"] = tuple(s.id for s in entry.exempt)
    if entry.total is not None:
        found["total"] = entry.total.value
    if entry.fund is not None:
        found["fund"] = entry.fund.text
    return found


def prose_figures(prose: str) -> set[Decimal]:
    """The money figures that a piece of the document's prose names, in millions."""
    flat = " ".join(line.strip() for line in prose.splitlines())
    found = {D(m.group(1).replace(",", ".")) for m in PROSE_MILLIONS.finditer(flat)}
    found |= {D(m.group(1).replace(" ", "")) / 1_000_000 for m in PROSE_KRONER.finditer(flat)}
    return found


def own_prose(entry: Entry, entries: dict[str, Entry]) -> str:
    """An entry's prose; the second line of a heading reads the heading's prose."""
    if entry.prose is None and SECOND_LINE in entry.name.text:
        entry = entries[entry.name.text.split(SECOND_LINE)[0]]
    return entry.prose.text if entry.prose else ""


# -- it parses and checks ----------------------------------------------------------


def test_parses_without_a_syntax_problem(parsed):
    assert parsed.problems == ()


def test_the_checker_runs_on_it(text):
    result = check_text(text, "proposal.budsjett")
    assert not [d for d in result.diagnostics if d.code.startswith("SYN")]
    assert len(result.budget.entries) == 57


def test_header(budget):
    header = budget.header
    assert header.name.text == "Trondheimsbudsjettet"
    assert header.title.text == "De rødgrønnes forslag til budsjett 2020 og økonomiplan 2020-2023"
    assert header.period == (2020, 2023)
    assert header.base.text == "Kommunedirektørens budsjett for 2020 og handlings- og økonomiplan 2020-2023"
    assert header.unit == "mill"


def test_names_are_unique(budget):
    names = [s.name.text for s in budget.statements if hasattr(s, "name") and s is not budget.header]
    assert len(names) == len(set(names))


# -- the file against the document itself --------------------------------------------


def _heading_sequence(budget):
    """The document's headings as the file states them, in order: every section, and
    every entry and directive that carries the prose under a heading."""
    for s in budget.statements:
        if isinstance(s, Section) or (isinstance(s, (Entry, Directive)) and s.prose is not None):
            yield s


def _doc_heading(line: str) -> str:
    return HEADING_AMOUNT.sub("", line).strip()


def test_every_heading_and_line_of_prose_is_in_the_file_in_order(budget):
    """Walk the document heading by heading: the lines between two headings are exactly
    the prose of the first, so nothing of the document is missing, added or reordered."""
    lines = DOCUMENT.read_text(encoding="utf-8").split("\n")
    header = budget.header
    # The document's first heading is the budget's name; its only line is the title.
    sequence = [(header.name.text, header.title.text)]
    sequence += [(s.name.text, s.prose.text if s.prose else "") for s in _heading_sequence(budget)]
    positions, at = [], 0
    for name, _ in sequence:
        while at < len(lines) and _doc_heading(lines[at]) != name:
            at += 1
        assert at < len(lines), f"heading {name!r} is not in the document after the previous one"
        positions.append(at)
        at += 1
    assert not "".join(lines[: positions[0]]).strip()
    for k, (name, prose) in enumerate(sequence):
        end = positions[k + 1] if k + 1 < len(sequence) else len(lines)
        block = [ln.strip() for ln in lines[positions[k] + 1 : end]]
        assert prose == "\n".join(block).strip("\n"), f"the prose under {name!r} differs from the document"


def test_every_heading_amount_is_declared(budget, entries):
    lines = DOCUMENT.read_text(encoding="utf-8").split("\n")
    printed = {}
    for line in lines:
        m = HEADING_AMOUNT.search(line)
        if m:
            printed[_doc_heading(line)] = D(m.group(1).replace(",", "."))
    assert len(printed) == 33
    declared = {name: e.heading.value for name, e in entries.items() if e.heading is not None}
    assert declared == printed


def test_every_figure_is_one_the_document_states(entries):
    """Each declared amount is named in the line's prose or printed beside its heading."""
    for name, entry in entries.items():
        stated = prose_figures(own_prose(entry, entries))
        if entry.heading is not None:
            stated.add(entry.heading.value)
        for year, value in amounts(entry).items():
            assert value is None or value in stated, f"{name}: {year}={value} is not in the document"


def test_lines_without_figures_have_none_in_their_prose(entries):
    """A line whose every year is `?` has no figure in its prose, other than its total."""
    blank = [e for e in entries.values() if e.is_unquantified]
    assert len(blank) == 15
    for entry in blank:
        figures = prose_figures(own_prose(entry, entries))
        if entry.total is not None:
            figures.discard(abs(entry.total.value))
        assert not figures, f"{entry.name.text} is marked ? but its prose names {figures}"


def test_kroner_in_the_document_are_kroner_in_the_file(entries):
    in_kroner = {name for name, e in entries.items() if e.prose and PROSE_KRONER.search(
        " ".join(ln.strip() for ln in e.prose.text.splitlines()))}
    assert in_kroner == {"Kunnskap om kvinnehelse", "ROS - senter for spiseforstyrrelser", "Feministhus",
                         "AKKS", "Ung i jobb", "Veteranhus"}
    for name in in_kroner:
        assert all(a.kroner for a in entries[name].amounts), name


# -- counts ------------------------------------------------------------------------


def test_number_of_entries_of_each_kind(budget):
    assert Counter(e.kind for e in budget.entries) == {
        # Oppvekst 12, Arbeid og sosial 5, Helse og eldre 5, Kultur 5, Miljø 4,
        # Areal 1, Finans 2, and "oppgradering av Øvre Bakklandet 52" from Reformstøtte.
        "item": 35,
        "invest": 2,  # Skolebygg, Utskifting av tunge kjøretøy
        "cover": 14,
        "draw": 2,  # Østmarka drift, Fastlegetilskudd's draw
        "allocate": 3,  # Avsetning til disposisjonsfondet, and the second lines of two headings
        "loan": 1,
    }


def test_items_per_area(budget):
    assert Counter(e.sector.id if e.sector else None for e in budget.entries if e.kind == "item") == {
        "oppvekst": 12, "arbeid": 5, "helse": 5, "kultur": 5, "miljø": 4, "areal": 1, "finans": 2, None: 1,
    }


def test_directives_per_area(budget):
    assert Counter(d.sector.id for d in budget.directives) == {
        "oppvekst": 2, "arbeid": 9, "helse": 3, "kultur": 10,  # Idrett 6 + Kultur 4
        "miljø": 2, "areal": 4, "finans": 9,
    }


def test_sections_are_the_document_headings(budget):
    assert [(s.name.text, s.sector.id if s.sector else None) for s in budget.sections] == [
        ("Innledning", None),
        ("Oppvekst", "oppvekst"),
        ("Investeringer - Oppvekst", "oppvekst"),
        ("Verbale føringer - Oppvekst", "oppvekst"),
        ("Arbeid og sosial", "arbeid"),
        ("Verbale føringer - Arbeid og sosial", "arbeid"),
        ("Helse og eldre", "helse"),
        ("Verbale føringer - Helse og eldre", "helse"),
        ("Kultur, idrett og friluftsliv", "kultur"),
        ("Idrett for alle", "kultur"),
        ("Verbale føringer - Idrett", "kultur"),
        ("Kulturbyen Trondheim", "kultur"),
        ("Verbale føringer - Kultur", "kultur"),
        ("Miljø og næring", "miljø"),
        ("Drift - Miljø og næring", "miljø"),
        ("Investeringer - Miljø og næring", "miljø"),
        ("Verbale føringer - Miljø og næring", "miljø"),
        ("Areal og samferdsel", "areal"),
        ("Drift - Areal og samferdsel", "areal"),
        ("Verbale føringer - Areal og samferdsel", "areal"),
        ("Finans og organisasjon", "finans"),
        ("Drift - Finans og organisering", "finans"),
        ("Verbale føringer - Finans og organisering", "finans"),
        ("Inndekning", None),
        ("Utgifter drift", None),
        ("Inndekning drift", None),
    ]
    # The two final headings have no table in the document, and so no text.
    assert budget.sections[-1].prose is None and budget.sections[-2].prose is None


# -- sums per year -------------------------------------------------------------------


def _stated_sum(budget, kind: str, year: int) -> Decimal:
    return sum((e.by_year.get(year) or D(0) for e in budget.entries if e.kind == kind), D(0))


@pytest.mark.parametrize(("kind", "expected"), [
    ("item", {
        # Oppvekst 5.5+3.5+2.6+2+1.7+1+1.6+1+1+1+1+0.3 = 22.2; Arbeid 8+3.5+1+0.1 = 12.6;
        # Helse 20+10+1+0.3+0.1 = 31.4; Kultur 0.9+1.8+0.3+0.2+0.2 = 3.4;
        # Miljø 4+1+0.6+0.3 = 5.9; Areal 0.6; Finans 0.4+0.4 = 0.8. Sum 76.9
        2020: "76.9",
        # Oppvekst 12+7+5.1+4+5.1+1 = 34.2; Arbeid 7+5 = 12; Helse 40+10+2+0.3 = 52.3;
        # Kultur 0.2; Miljø 5.5+0.3 = 5.8 (Renhold 2021=?); Finans 0.4. Sum 104.9
        2021: "104.9",
        2022: "12.0",  # Brygga 5 + Klimatiltak 6.3 + Matsentralen 0.3 + Ung i jobb 0.4
        2023: "8.0",  # Brygga 5 + Klimatiltak 2.3 + Matsentralen 0.3 + Ung i jobb 0.4
    }),
    ("cover", {
        2020: "30",  # Innkjøp 15 + Innleie 5 + Omtaksering eiendomsskatt 10
        2021: "5",  # Effektivisering 5
        2022: "5",  # Redusert befolkningsprognoser barnehage 5
        2023: "65",  # Innkjøp 25 + Innleie 20 + Effektivisering 10 + befolkningsprognoser 10
    }),
    ("allocate", {2020: "24.6", 2021: "0", 2022: "0", 2023: "0"}),  # 14.6 + the 10 of Omtaksering
    ("draw", {2020: "0", 2021: "0", 2022: "0", 2023: "0"}),  # both draws have no figure
    ("invest", {2020: "0", 2021: "2.5", 2022: "5", 2023: "5"}),  # Utskifting av tunge kjøretøy
    ("loan", {2020: "0", 2021: "0", 2022: "0", 2023: "0"}),  # only a total of -365
])
def test_stated_figures_per_year(budget, kind, expected):
    assert {y: _stated_sum(budget, kind, y) for y in YEARS} == {y: D(v) for y, v in expected.items()}


# -- a sample of named lines -----------------------------------------------------------

SAMPLE = [
    ("item", "Gratis SFO for førsteklassinger", "oppvekst", {2020: "5.5", 2021: "12"},
     {"heading": D("5.5"), "ramp": True}),
    ("item", "Toppet bemanning i barnehage", "oppvekst", {2020: "3.5", 2021: "7"},
     {"heading": D("3.5"), "halfyear": True, "trial": True, "evaluate": (2022, 1), "until": 2021}),
    ("item", "Skolehelsetjenesten", "oppvekst", {2020: "2.6", 2021: "5.1"}, {"heading": D("2.6"), "ramp": True}),
    ("item", "Likebehandling av private barnehager", "oppvekst", {2020: "1", 2021: "1"}, {"heading": D(1)}),
    ("item", "Ungt Entreprenørskap", "oppvekst", {2020: "1.6"}, {"heading": D("1.6")}),
    ("item", "Barnetrygd utenfor inntektsberegning av sosialhjelp", "arbeid", {2020: "8"}, {"heading": D(8)}),
    ("item", "Styrking av barnevernet", "arbeid", {2020: "3.5", 2021: "7"},
     {"heading": D("3.5"), "halfyear": True, "trial": True}),
    ("item", "Brygga - individuell jobbstøtte", "arbeid", {2021: "5", 2022: "5", 2023: "5"}, {"permanent": True}),
    ("item", "Opptrapping av grunnbemanning i eldreomsorgen", "helse", {2020: "20", 2021: "40"},
     {"heading": D(20), "ramp": True}),
    ("item", "Kompetanseløft fastleger", "helse", {2020: "10", 2021: "10"}, {"heading": D(10), "until": 2021}),
    ("item", "Kunnskap om kvinnehelse", "helse", {2020: "0.3", 2021: "0.3"}, {"heading": D("0.3")}),
    ("item", "Økt utstyrspott for haller og idrettsanlegg", "kultur", {2020: "0.9", 2021: "0.2"},
     {"heading": D("0.9")}),
    ("item", "Klimatiltak", "miljø", {2020: "4", 2021: "5.5", 2022: "6.3", 2023: "2.3"}, {"heading": D(4)}),
    ("item", "Renhold", "miljø", {2020: "0.6", 2021: None}, {"heading": D("0.6"), "until": 2021}),
    ("item", "Matsentralen", "miljø", {y: "0.3" for y in YEARS}, {"heading": D("0.3"), "permanent": True}),
    ("item", "Ung i jobb", "finans", {y: "0.4" for y in YEARS}, {"heading": D("0.4"), "permanent": True}),
    ("item", "Veteranhus", "finans", {2020: "0.4"}, {"heading": D("0.4"), "oneoff": True}),
    ("item", "oppgradering av Øvre Bakklandet 52", None, {}, {"?": True}),
    ("invest", "Skolebygg", "oppvekst", {2022: None, 2023: None}, {}),
    ("invest", "Utskifting av tunge kjøretøy", "miljø", {2021: "2.5", 2022: "5", 2023: "5"}, {"ramp": True}),
    ("cover", "Udisponert reserve", None, {y: None for y in YEARS}, {}),
    ("cover", "Redusert vikarinnleie barnehage", "oppvekst", {2020: None, 2021: None}, {"until": 2021}),
    ("cover", "Innkjøp", None, {2020: "15", 2021: None, 2022: None, 2023: "25"}, {"ramp": True}),
    ("cover", "Innleie av arbeidskraft", None, {2020: "5", 2021: None, 2022: None, 2023: "20"}, {"ramp": True}),
    ("cover", "Fastlegetilskudd", "helse", {y: None for y in YEARS}, {"permanent": True}),
    ("cover", "Effektivisering", None, {2021: "5", 2022: None, 2023: "10"},
     {"ramp": True, "exempt": ("oppvekst", "helse")}),
    ("cover", "Effektivisering drift kirkegård", None, {2021: None, 2022: None, 2023: None}, {"permanent": True}),
    ("cover", "Redusert befolkningsprognoser barnehage", "oppvekst", {2022: "5", 2023: "10"}, {}),
    ("cover", "Omtaksering eiendomsskatt", None, {2020: "10"}, {}),
    ("cover", "Reformstøtte", None, {}, {"?": True}),
    ("allocate", "Avsetning til disposisjonsfondet", None, {2020: "14.6"}, {"fund": "Disposisjonsfondet"}),
    ("allocate", "Omtaksering eiendomsskatt – tilbakeføring til disposisjonsfondet", None, {2020: "10"},
     {"fund": "Disposisjonsfondet"}),
    ("allocate", "Pensjonskostnader – overføring til disposisjonsfondet", None, {},
     {"?": True, "fund": "Disposisjonsfondet"}),
    ("draw", "Østmarka drift", None, {}, {"?": True, "fund": "Disposisjonsfondet"}),
    ("draw", "Fastlegetilskudd – økte midler fra disposisjonsfondet", "helse", {2020: None, 2021: None},
     {"fund": "Disposisjonsfondet", "until": 2021}),
    ("loan", "Reduserte låneopptak", None, {}, {"?": True, "total": D(-365), "frees": True}),
]


@pytest.mark.parametrize(("kind", "name", "sector", "expected_amounts", "expected_attributes"), SAMPLE,
                         ids=[s[1] for s in SAMPLE])
def test_sample_line(entries, kind, name, sector, expected_amounts, expected_attributes):
    entry = entries[name]
    assert entry.kind == kind
    assert (entry.sector.id if entry.sector else None) == sector
    assert amounts(entry) == {y: None if v is None else D(v) for y, v in expected_amounts.items()}
    assert attributes(entry) == expected_attributes


def test_the_question_marks(entries):
    """Every year named without a figure, and every line named without any."""
    open_years = {name: sorted(y for y, v in amounts(e).items() if v is None)
                  for name, e in entries.items() if None in amounts(e).values()}
    assert open_years == {
        "Skolebygg": [2022, 2023],
        "Renhold": [2021],
        "Udisponert reserve": [2020, 2021, 2022, 2023],
        "Redusert vikarinnleie barnehage": [2020, 2021],
        "Innkjøp": [2021, 2022],
        "Innleie av arbeidskraft": [2021, 2022],
        "Fastlegetilskudd": [2020, 2021, 2022, 2023],
        "Fastlegetilskudd – økte midler fra disposisjonsfondet": [2020, 2021],
        "Effektivisering": [2022],
        "Garderobeleie i Trygg/Lade kombihall": [2020, 2021],
        "Effektivisering trossamfunn drift og administrasjon": [2021, 2022, 2023],
        "Effektivisering drift kirkegård": [2021, 2022, 2023],
    }
    assert {name for name, e in entries.items() if e.unquantified is not None} == {
        "Østmarka drift", "Reduserte låneopptak", "Reformstøtte", "oppgradering av Øvre Bakklandet 52",
        "Pensjonskostnader", "Pensjonskostnader – overføring til disposisjonsfondet",
        "Innbetaling til pensjonskassen i forbindelse med kommunesammenslåing",
    }


# -- funds, pots and links --------------------------------------------------------------


def test_the_fund_and_the_pots(budget, entries):
    assert [(f.name.text, f.opening) for f in budget.funds] == [("Disposisjonsfondet", None)]
    assert {(p.name.text, p.sector.id) for p in budget.pots} == {
        ("Potten som er satt av til nærmiljøanlegg i 2020", "kultur"),
        ("Tilbudet som ble avviklet på Rosten", "kultur"),
        ("Midler avsatt til deltakende budsjettering fra årsoppgjøret i 2017", "areal"),
        ("omdisponere midler i løpet av året", "oppvekst"),  # Helsestasjon for ungdom
        ("statlig finansieringstilskudd", "helse"),  # Frivilligsentralene
    }
    assert {e.fund.text for e in entries.values() if e.kind in ("allocate", "draw")} == {"Disposisjonsfondet"}


def test_the_links_the_document_states(budget):
    assert {(lk.kind, lk.source.text, lk.target.text, tuple((a.year, a.value) for a in lk.amounts))
            for lk in budget.links} == {
        ("offset", "Toppet bemanning i barnehage", "Redusert vikarinnleie barnehage", ()),
        ("funds", "Fastlegetilskudd – økte midler fra disposisjonsfondet", "Kompetanseløft fastleger", ()),
        ("reallocates", "Reformstøtte", "Fastlegetilskudd", ()),
        ("reallocates", "Reformstøtte", "Veteranhus", ()),
        ("reallocates", "Reformstøtte", "oppgradering av Øvre Bakklandet 52", ()),
        ("funds", "Omtaksering eiendomsskatt", "Omtaksering eiendomsskatt – tilbakeføring til disposisjonsfondet",
         ((2020, D(10)),)),
        ("funds", "Pensjonskostnader", "Pensjonskostnader – overføring til disposisjonsfondet", ()),
    }


def test_every_link_names_a_line_of_the_file(budget):
    named = budget.named
    for link in budget.links:
        assert link.source.text in named and link.target.text in named, link


# -- directives --------------------------------------------------------------------------


def test_what_each_directive_costs(budget):
    found = {d.name.text: (d.cost, d.cost_amount.value if d.cost_amount else None,
                           d.funded_by.text if d.funded_by else None) for d in budget.directives}
    none, unknown = ("none", None, None), ("unknown", None, None)
    assert found == {
        "Helsestasjon for ungdom": ("unknown", None, "omdisponere midler i løpet av året"),
        "Frivillighetens viktige rolle for sterke barnefellesskap": unknown,
        "Åpningstider Offentlig servicekontor": unknown,
        "Aktivitetsrett": unknown,
        "Kommunal bostøtte": none,
        "Oppsøkende behandlingstilbud til mennesker med alvorlige og langvarige psykoselidelser": none,
        "Tjenestene til innvandrere og flyktninger": none,
        "Krisesenteret": none,
        "Nulltoleranse for overdosedødsfall": none,
        "Kompetansekrav i barnevernet": none,
        "Tjenester til mennesker med utviklingshemming": unknown,
        "Bydelskafeer": none,
        "Ombygging av rådhuset i Klæbu": none,
        "Frivilligsentralene": ("unknown", None, "statlig finansieringstilskudd"),
        "Drift av bydriftstjenester i Granåsen": none,
        "Åpen hall - idrettsaktivitet for ungdom": none,
        "Utlånssentraler": none,
        "Terrengsykkelløype Nilsbyen": ("unknown", None, "Potten som er satt av til nærmiljøanlegg i 2020"),
        "Bydelsbasseng": unknown,
        "Ishall": unknown,
        "Tegnspråkklubb hørselshemmede": ("unknown", None, "Tilbudet som ble avviklet på Rosten"),
        "Fritidsverter": none,
        "Forutsigbarhet for mottakere av kommunal kulturstøtte": none,
        "Trondheim Kino": ("amount", D(8), None),
        "Klimatiltak i landbruket": none,
        "Offentlige toalett": none,
        "Varetransport": none,
        "Bydelsutvikling med deltakende budsjettering":
            ("unknown", None, "Midler avsatt til deltakende budsjettering fra årsoppgjøret i 2017"),
        "Kulturminner": none,
        "Brøyting boliggater": none,
        "Bærekraftmålene": unknown,
        "Tillitsreform": none,
        "Bestiller-/utførermodellen": none,
        "Innbyggerinvolvering på budsjett": none,
        "Utvidet partssamarbeid i oppvekst og helse- og velferd for et bedre arbeidsmiljø": unknown,
        "Analysesenteret": none,
        "Bystyresekretariatet": unknown,
        "Kostnadskontroll på tekniske tjenester finansiert som selvkost": none,
        "Tettere oppfølging av kommunens seriøsitetskrav": unknown,
    }


def test_every_directive_carries_its_prose(budget):
    assert all(d.prose is not None for d in budget.directives)


def test_directives_that_cost_from_a_year_name_those_years(budget):
    years = {d.name.text: [(a.year, a.value) for a in d.cost_amounts] for d in budget.directives if d.cost_amounts}
    assert years == {
        "Bystyresekretariatet": [(2022, None), (2023, None)],  # "ikke en nedbemanning ... fra 2022"
        "Tettere oppfølging av kommunens seriøsitetskrav": [(2021, None), (2022, None), (2023, None)],  # oppstart 2021
        "Frivilligsentralene": [(2021, None), (2022, None), (2023, None)],  # "følge opp dette i budsjett 2021"
    }


# --- the money as the checker reads it (issue 16) -----------------------------------------


def test_the_ramps_that_stop_after_2021_are_reported_and_their_later_years_are_unknown(text, budget):
    from budsjett_lint.rules.totals import operating_balance

    found = check_text(text, "proposal.budsjett").diagnostics
    stopped = {re.search(r"`(.*?)`", d.message).group(1) for d in found if d.code == "RMP008"}
    assert stopped == {"Gratis SFO for førsteklassinger", "Skolehelsetjenesten", "Styrke laget rundt elevene",
                       "Reversere kutt i andre yrkesgrupper i skolen", "Utstyrspott til korps og kulturskolen",
                       "Opptrapping av grunnbemanning i eldreomsorgen", "Fysioterapeuter og studentstillinger"}
    ramps_2021 = sum(budget.entry_by_name[n].by_year.get(2021) or 0 for n in stopped)
    assert ramps_2021 == Decimal("68.2")
    year_2023 = operating_balance(budget)[-1]
    assert not year_2023.verifiable and stopped <= {e.name.text for e in year_2023.unknown}


def test_the_kino_cost_is_shown_by_the_summary_as_unfunded(budget):
    from budsjett_lint.checker.summary import summarize

    kino = next(d for d in summarize(budget).directives if d.name == "Trondheim Kino")
    assert kino.years == dict.fromkeys(range(2020, 2024), Decimal(8)) and not kino.in_balance
    assert kino.funding == "nothing funds it (FUN001)"
