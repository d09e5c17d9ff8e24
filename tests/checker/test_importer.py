"""`budsjett-lint import`: a first draft from the proposal document, measured against proposal.budsjett."""

from __future__ import annotations

import textwrap
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from budsjett_lint.checker.engine import check_text
from budsjett_lint.checker.importer.draft import REVIEW, Block, blocks_from_markdown, blocks_from_text, import_blocks
from budsjett_lint.dsl import parse
from budsjett_lint.dsl.model import Budget, Directive, Entry
from budsjett_lint.dsl.prose import read_figures

ROOT = Path(__file__).parents[2]
SEED = ROOT / "tests" / "data" / "trondheimsbudsjettet-2020.txt"
PROPOSAL = ROOT / "proposal.budsjett"
TROMSO = Path(__file__).parent / "data" / "tromsobudsjettet-2021.txt"


def draft_of(text: str, markdown: bool = False):
    return import_blocks(blocks_from_markdown(text) if markdown else blocks_from_text(text))


def model(text: str) -> Budget:
    result = parse(text)
    assert not result.problems, result.problems
    return result.budget


def named(budget: Budget) -> dict[str, Entry | Directive]:
    """Entries (coverage lines among them) and directives, by name."""
    return {s.name.text: s for s in (*budget.entries, *budget.directives)}


def stated(item: Entry | Directive) -> dict[str, Decimal]:
    """The figures a line states: per year, its heading amount and its total."""
    if isinstance(item, Directive):
        return {}
    figures = {str(y): v for y, v in item.by_year.items() if v is not None}
    figures.update({k: n.value for k, n in (("heading", item.heading), ("total", item.total)) if n})
    return figures


@pytest.fixture(scope="module")
def seed_draft():
    return draft_of(SEED.read_text(encoding="utf-8"))


def test_the_seed_draft_parses_without_syntax_findings_and_is_formatted(seed_draft):
    found = check_text(seed_draft.text, "draft.budsjett").diagnostics
    assert not [d for d in found if d.code.startswith("SYN")]
    from budsjett_lint.checker.editor.formatter import format_text

    assert format_text(seed_draft.text) == seed_draft.text


def test_the_seed_draft_matches_the_hand_written_proposal(seed_draft):
    draft, proposal = named(model(seed_draft.text)), named(model(PROPOSAL.read_text(encoding="utf-8")))
    common = draft.keys() & proposal.keys()
    # By name: how many of the draft's lines the proposal has, and how many of the proposal's the draft has.
    assert len(common) / len(draft) >= 0.95
    assert len(common) / len(proposal) >= 0.95
    compared, disagreements = 0, []
    for name in common:
        ours, theirs = stated(draft[name]), stated(proposal[name])
        for key in ours.keys() & theirs.keys():
            compared += 1
            if ours[key] != theirs[key]:
                disagreements.append((name, key, ours[key], theirs[key]))
    assert disagreements == []
    assert compared >= 90  # the figures of the document: per year, beside headings, totals
    # What is left: lines the proposal derives from a coverage line's prose; `diff` shows them.
    assert sorted(proposal.keys() - draft.keys()) == [
        "Fastlegetilskudd – økte midler fra disposisjonsfondet",
        "Omtaksering eiendomsskatt – tilbakeføring til disposisjonsfondet",
        "Pensjonskostnader – overføring til disposisjonsfondet",
        "oppgradering av Øvre Bakklandet 52",
    ]


def test_the_seed_draft_never_invents_a_figure(seed_draft):
    document = SEED.read_text(encoding="utf-8")
    in_document = {f.amount for f in read_figures(document)}
    for item in named(model(seed_draft.text)).values():
        for key, value in stated(item).items():
            assert abs(value) in in_document, (item.name.text, key, value)


def test_the_seed_draft_reads_the_structure(seed_draft):
    budget = model(seed_draft.text)
    assert budget.header.name.text == "Trondheimsbudsjettet"
    assert budget.period == (2020, 2023)
    sections = [(s.name.text, s.sector.id if s.sector else None) for s in budget.sections]
    assert sections[:4] == [("Innledning", None), ("Oppvekst", "oppvekst"),
                            ("Investeringer - Oppvekst", "oppvekst"), ("Verbale føringer - Oppvekst", "oppvekst")]
    assert ("Verbale føringer - Idrett", "kultur") in sections
    assert ("Drift - Finans og organisering", "finans") in sections
    assert ("Inndekning", None) in sections
    entries = budget.entry_by_name
    toppet = entries["Toppet bemanning i barnehage"]
    assert (toppet.kind, toppet.sector.id, toppet.by_year) == ("item", "oppvekst", {2020: Decimal("3.5"), 2021: 7})
    assert toppet.halfyear and toppet.trial and toppet.heading.value == Decimal("3.5")
    assert entries["Brygga - individuell jobbstøtte"].by_year == {y: 5 for y in range(2021, 2024)}
    assert entries["Brygga - individuell jobbstøtte"].permanent
    assert entries["Skolebygg"].kind == "invest" and entries["Skolebygg"].by_year == {2022: None, 2023: None}
    assert entries["Innkjøp"].by_year == {2020: 15, 2021: None, 2022: None, 2023: 25} and entries["Innkjøp"].ramp
    avsetning = entries["Avsetning til disposisjonsfondet"]
    assert (avsetning.kind, avsetning.fund.text, avsetning.by_year) == ("allocate", "Disposisjonsfondet",
                                                                        {2020: Decimal("14.6")})
    assert [f.name.text for f in budget.funds] == ["Disposisjonsfondet"]
    loan = entries["Reduserte låneopptak"]
    assert (loan.kind, loan.total.value, loan.is_unquantified) == ("loan", -365, True)
    kino = next(d for d in budget.directives if d.name.text == "Trondheim Kino")
    assert kino.sector.id == "kultur"


def test_every_guess_is_marked_for_review(seed_draft):
    lines = seed_draft.text.splitlines()
    marked = [ln for ln in lines if ln.startswith(REVIEW)]
    assert len(marked) == len(seed_draft.reviews)
    budget = model(seed_draft.text)
    # Every directive's cost is a guess, and so is every heading amount read as the first year.
    for d in budget.directives:
        above = []
        k = d.span.line - 2
        while k >= 0 and lines[k].startswith(REVIEW):
            above.append(lines[k])
            k -= 1
        assert any(c.startswith(f"{REVIEW} cost ") for c in above), d.name.text
    assert f'{REVIEW} the text gives no figure: the heading\'s 1,6 millioner is read as 2020' in lines
    assert f'{REVIEW} "økende med 20 mill i 2023" read as the level reached (as a step it would be 25)' in lines


def test_the_report_counts_what_was_found(seed_draft):
    report = seed_draft.report("seed.txt")
    budget = model(seed_draft.text)
    coverage = [e for e in budget.entries if e.kind in ("cover", "draw", "allocate", "loan")]
    assert seed_draft.coverage == len(coverage) == 17
    assert seed_draft.entries == len(budget.entries) - len(coverage)
    assert seed_draft.directives == len(budget.directives)
    assert report.startswith(f"budsjett-lint import: seed.txt: {seed_draft.entries} entries, 17 coverage lines, "
                             f"{seed_draft.directives} directives")
    assert f"Left for review ({len(seed_draft.reviews)} lines marked `{REVIEW}`): " in report
    assert seed_draft.figures_read == seed_draft.figures_placed + seed_draft.figures_marked
    assert seed_draft.figures_placed > 80


def test_another_municipality_in_the_same_style():
    draft = draft_of(TROMSO.read_text(encoding="utf-8"))
    budget = model(draft.text)
    assert not [d for d in check_text(draft.text).diagnostics if d.code.startswith("SYN")]
    assert (budget.header.name.text, budget.period) == ("Tromsøbudsjettet", (2021, 2024))
    got = {e.name.text: (e.kind, e.sector.id if e.sector else None, e.by_year) for e in budget.entries}
    assert got == {
        "Flere lærere i småskolen": ("item", "oppvekst", {2021: 6, 2022: 12}),
        "Leirskole for alle": ("item", "oppvekst", {y: Decimal("0.4") for y in range(2021, 2025)}),
        "Skolebibliotek": ("item", "oppvekst", {2021: Decimal("1.5"), 2022: Decimal("1.5")}),
        "Ny barnehage på Kvaløya": ("invest", "oppvekst", {2023: None, 2024: None}),
        "Flere hender i hjemmetjenesten": ("item", "helse", {2021: 3}),
        "Konsulenttjenester": ("cover", None, {2021: 4, 2022: None, 2023: None, 2024: 6}),
        "Bruk av disposisjonsfondet": ("draw", None, {2021: 2}),
        "Avsetning til disposisjonsfondet": ("allocate", None, {2022: 1}),
        "Reduserte låneopptak": ("loan", None, {}),
        "Eiendomsskatt": ("cover", None, {2022: None, 2023: None, 2024: None}),
    }
    e = budget.entry_by_name
    assert e["Flere lærere i småskolen"].halfyear and e["Flere hender i hjemmetjenesten"].trial
    assert e["Bruk av disposisjonsfondet"].fund.text == "Disposisjonsfondet"
    assert e["Reduserte låneopptak"].total.value == -50
    assert {d.name.text: (d.sector.id, d.cost) for d in budget.directives} == {
        "Skolevei": ("oppvekst", "none"), "Gratis frukt": ("oppvekst", "unknown"),
        "Demensvennlig by": ("helse", "none")}
    assert [s.name.text for s in budget.sections] == [
        "Innledning", "Oppvekst", "Drift - Oppvekst", "Investeringer - Oppvekst", "Verbale føringer - Oppvekst",
        "Helse og eldre", "Verbalforslag - Helse og eldre", "Inndekning"]
    assert [f.name.text for f in budget.funds] == ["Disposisjonsfondet"]


def test_markdown_headings_and_tables():
    text = textwrap.dedent("""\
        # Bergensbudsjettet
        Forslag til budsjett 2022 og økonomiplan 2022-2025

        ## Kultur, idrett og friluftsliv

        Kulturen løftes.

        | Tiltak | Beløp |
        |---|---|
        | **Bibliotek** | 2 millioner |

        Vi styrker bibliotekene med 2 millioner i 2022 økende til 3 millioner i 2023.

        ### Verbale føringer

        #### Konserthus
        Kommunedirektøren bes legge fram en sak om nytt konserthus.
        """)
    budget = model(draft_of(text, markdown=True).text)
    assert (budget.header.name.text, budget.period) == ("Bergensbudsjettet", (2022, 2025))
    bibliotek = budget.entry_by_name["Bibliotek"]
    assert (bibliotek.kind, bibliotek.sector.id, bibliotek.heading.value) == ("item", "kultur", 2)
    assert bibliotek.by_year == {2022: 2, 2023: 3} and bibliotek.ramp
    assert [(d.name.text, d.sector.id, d.cost) for d in budget.directives] == [("Konserthus", "kultur", "none")]


def test_what_cannot_be_placed_is_marked_and_nothing_is_lost():
    text = textwrap.dedent("""\

        Her står tekst før noe navn.

        Drift
        Tiltak uten område        2 millioner
        Vi setter av 2 millioner.
        """)
    draft = draft_of(text)
    budget = model(draft.text)
    lines = draft.text.splitlines()
    assert f"{REVIEW} the document does not start with its name: the budget's name is a placeholder" in lines
    assert f"{REVIEW} no year found in the document: the period is a placeholder" in lines
    assert f"{REVIEW} not placed (before the first heading): Her står tekst før noe navn." in lines
    entry = budget.entry_by_name["Tiltak uten område"]
    assert entry.by_year == {2020: 2} and entry.sector is None
    assert f"{REVIEW} no service area: add one after the name" in lines


def test_a_name_with_a_quote_and_a_repeated_heading():
    text = 'Budsjett\nForslag 2021-2024\n\nDrift\n\nTiltak "A"    1 million\nTekst.\n\nTiltak "A"    2 millioner\nTekst.\n'
    budget = model(draft_of(text).text)
    assert [e.name.text for e in budget.entries] == ["Tiltak ”A”", "Tiltak ”A” (2)"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", "Oppvekst", "Inndekning", "Verbale føringer - Helse og eldre", "Tiltak\t\t3,5 millioner",
                     'Navn "med" """sitat"""', "i 2020 økende til 7 millioner i 2021.", "Avsetning til fondet",
                     "Reduserte låneopptak", "  innrykket linje", "# overskrift", "| a | 1 million |",
                     "Tiltak\t2020\t2021", "Rad\t1,5\t-", "Sum\t3\t4", "| | 2021 | 2022 |", "| Rad | 2 | |",
                     "## Helse og velferd", "### Tiltak 3 mill", "# Oppvekst", "2020: 4, 2021: 6 mill.",
                     "Tiltak økes med 2 mill fra 2021", "Budsjett 2020, økonomiplan 2020-2023."]),
), max_size=25), st.booleans())
def test_any_document_gives_a_draft_that_parses(lines, markdown):
    text = "\n".join(lines)
    blocks = blocks_from_markdown(text) if markdown else blocks_from_text(text)
    draft = import_blocks(blocks)
    assert not parse(draft.text).problems
    assert draft.text.count(f"\n{REVIEW}") + draft.text.startswith(REVIEW) == len(draft.reviews)
    assert draft.figures_read == draft.figures_placed + draft.figures_marked


def test_blocks_keep_their_lines():
    assert blocks_from_text("a\r\nb\rc\x0cd") == [Block("a"), Block("b"), Block("c d")]


def test_the_documentation_tells_the_truth_about_the_seed(seed_draft):
    doc = (ROOT / "docs" / "import.md").read_text(encoding="utf-8")
    assert seed_draft.report("trondheimsbudsjettet-2020.txt") in doc
    draft, proposal = named(model(seed_draft.text)), named(model(PROPOSAL.read_text(encoding="utf-8")))
    common = len(draft.keys() & proposal.keys())
    assert f"the draft has {common} of the {len(proposal)} entries" in " ".join(doc.split())


TABLES = """\
Testbudsjettet
Forslag til budsjett 2020 og økonomiplan 2020-2023

Oppvekst

Toppet bemanning\t\t3,5 millioner
Vi setter av 3,5 millioner i 2020.

Kulturskole\t\t1 million
Vi setter av 1 million i 2020.

Lekeplasser
Vi vil bygge flere lekeplasser.

Inndekning

Innkjøp
Vi kutter i innkjøp.

Utgifter drift
Tiltak\t2020\t2021\t2022\t2023
Toppet bemanning\t3,5\t7\t7\t-
Kulturskole\t2\t\t\t
Lekeplasser\t1\t1
Ny rad\t2\t2\t2\t2
Sum\t8,5\t10\t9\t2

Inndekning drift
1000 kr\t2020\t2021\t2022\t2023
Innkjøp\t10 000\t15 000\t15 000\t20 000
"""


def test_a_table_of_figures_per_year_fills_the_entries_and_adds_the_rest():
    draft = draft_of(TABLES)
    budget = model(draft.text)
    got = {e.name.text: (e.kind, e.by_year) for e in budget.entries}
    assert got == {
        "Toppet bemanning": ("item", {2020: Decimal("3.5"), 2021: 7, 2022: 7}),
        "Kulturskole": ("item", {2020: 1}),
        "Lekeplasser": ("item", {2020: 1, 2021: 1}),
        "Innkjøp": ("cover", {2020: 10, 2021: 15, 2022: 15, 2023: 20}),
        "Ny rad": ("item", {y: 2 for y in range(2020, 2024)}),
    }
    lines = draft.text.splitlines()
    assert f'{REVIEW} the table "Utgifter drift" gives 2 for 2020, the text 1: the text\'s is kept' in lines
    assert f'{REVIEW} only in the table "Utgifter drift": no text; the kind and area are guessed' in lines
    # The sum row sums the table's rows, which are all the items of the plan: a `sum ... plan`.
    assert "sum \"Sum\" item plan 2020=8.5 2021=10 2022=9 2023=2" in lines
    assert draft.sums_checked == 1 and not any("add up to" in ln for ln in lines)  # the rows make it
    # The table gave the figures the text lacked: those lines are no longer marked as having none.
    assert not any("gives no figure for this line" in ln for ln in lines)



def test_a_heading_whose_text_gives_figures_is_a_line_and_an_introduction_keeps_them_marked():
    text = textwrap.dedent("""\
        Bodøbudsjettet
        Forslag til budsjett 2024 og økonomiplan 2024-2027

        Innledning
        Vi bruker 12 millioner mer på skolen i to år.

        Oppvekst
        Barna først.

        Helsesykepleiere
        Vi setter av 2,5 millioner i 2024 økende til 5 millioner i 2025.

        Leksehjelp
        Leksehjelp for alle.
        """)
    draft = draft_of(text)
    budget = model(draft.text)
    assert [s.name.text for s in budget.sections] == ["Innledning", "Oppvekst"]
    assert budget.entry_by_name["Helsesykepleiere"].by_year == {2024: Decimal("2.5"), 2025: 5}
    assert budget.entry_by_name["Helsesykepleiere"].sector.id == "oppvekst"
    assert budget.entry_by_name["Leksehjelp"].by_year == {}  # after a line: a line without figures
    lines = draft.text.splitlines()
    note = lines.index('section "Innledning"') - 1
    assert lines[note].startswith(f'{REVIEW} the text names "12 millioner') and "not placed" in lines[note]
    assert (draft.figures_read, draft.figures_placed, draft.figures_marked) == (3, 2, 1)
    assert "3 figures read: 2 placed, 1 marked for review" in draft.report("x")


TWO_TABLES = """\
Bodøbudsjettet
Forslag til budsjett 2024 og økonomiplan 2024-2027

Oppvekst

Flere lærere
Vi setter av 3 millioner i 2024.

Skolemat
Vi setter av 2 millioner i 2024.

Tiltak\t2024\t2025
Flere lærere\t3\t6
Skolemat\t2\t2
Sum\t5\t8

Helse og eldre

Hjemmetjenesten
Vi setter av 1 million i 2024.

Tiltak\t2024\t2025
Hjemmetjenesten\t1\t1
Dagtilbud\t2\t2
Sum drift\t3\t4
"""


def test_each_table_sum_is_a_sum_of_its_own_rows_in_its_own_section():
    draft = draft_of(TWO_TABLES)
    budget = model(draft.text)
    lines = draft.text.splitlines()
    assert [(s.name.text, s.kinds, s.plan is not None, {a.year: a.value for a in s.amounts}) for s in budget.sums] == [
        ("Sum", ("item",), False, {2024: 5, 2025: 8}), ("Sum drift", ("item",), False, {2024: 3, 2025: 4})]
    # Each stands in the section of its table, after its lines.
    order = [s.name.text for s in budget.statements if hasattr(s, "name")]
    assert order.index("Sum") < order.index("Helse og eldre") < order.index("Sum drift")
    assert draft.sums_checked == 2
    # The import sees that the second table's rows make 2025=3, not 4, and says so with both figures.
    assert f'{REVIEW} the rows of the table "Helse og eldre" add up to 3 for 2025, its row "Sum drift" prints 4' in lines
    assert "2 sums checked against their rows" in draft.report("x")
    # And the checker compares the sums with the lines: the first holds, the second differs in 2025.
    found = [d for d in check_text(draft.text).diagnostics if d.code == "STR013"]
    assert [(d.message.split(" prints ")[0], d.message.split(" for ")[1][:4]) for d in found] == [("`Sum drift`", "2025")]


def test_a_table_sum_whose_rows_are_lines_of_two_sections_stays_a_comment():
    text = TWO_TABLES.replace("Hjemmetjenesten\t1\t1\n", "Hjemmetjenesten\t1\t1\nSkolemat\t2\t2\n")
    draft = draft_of(text)
    budget = model(draft.text)
    assert [s.name.text for s in budget.sums] == ["Sum"]
    assert any(ln.startswith(f'{REVIEW} a sum in the table "Helse og eldre", not written as a `sum` (its rows are not '
                             "all the lines of their kinds in one section or in the plan): Sum drift 2024=3 2025=4")
               for ln in draft.text.splitlines())
    assert draft.figures_read == draft.figures_placed + draft.figures_marked


def test_a_heading_whose_only_figures_are_years_with_colons_keeps_its_money():
    text = textwrap.dedent("""\
        Bodøbudsjettet
        Forslag til budsjett 2024 og økonomiplan 2024-2027

        Oppvekst

        Skolemat
        Skolemat for alle: 2024: 4, 2025: 6 mill.
        """)
    draft = draft_of(text)
    entry = model(draft.text).entry_by_name["Skolemat"]
    assert (entry.kind, entry.sector.id, entry.by_year) == ("item", "oppvekst", {2024: 4, 2025: 6})
    assert (draft.figures_read, draft.figures_placed) == (2, 2)


OWN_AREAS = """\
# Bodøbudsjettet
Forslag til budsjett 2024 og økonomiplan 2024-2027

## Oppvekst

### Flere lærere 3,5 mill
Flere lærere gir mindre klasser.

## Tekniske tjenester
Vi satser på helse.

### Hjemmetjenesten
Vi styrker hjemmetjenesten med 2 millioner i 2024.

### Demensomsorg 1 million

## Sykkelveier
Vi setter av 4 millioner i 2025.

## Om budsjettet
Budsjettet er lagt fram av tre partier.

### Bakgrunn
Vi har lyttet til innbyggerne.
"""


def test_a_heading_with_an_amount_is_a_line_and_a_heading_over_lines_is_an_area_of_its_own():
    draft = draft_of(OWN_AREAS, markdown=True)
    budget = model(draft.text)
    got = {e.name.text: (e.sector.id if e.sector else None, e.by_year, e.heading.value if e.heading else None)
           for e in budget.entries}
    assert got == {
        "Flere lærere": ("oppvekst", {2024: Decimal("3.5")}, Decimal("3.5")),
        "Hjemmetjenesten": ("tekniske-tjenester", {2024: 2}, None),
        "Demensomsorg": ("tekniske-tjenester", {2024: 1}, 1),
        # A heading as high as the area's is not under it: the area is not inherited (no area, marked).
        "Sykkelveier": (None, {2025: 4}, None),
    }
    assert [(s.id, s.name) for s in budget.declared_sectors] == [("tekniske-tjenester", "Tekniske tjenester")]
    sections = {s.name.text: s.sector.id if s.sector else None for s in budget.sections}
    assert sections == {"Oppvekst": "oppvekst", "Tekniske tjenester": "tekniske-tjenester", "Om budsjettet": None,
                        "Bakgrunn": None}
    assert f"{REVIEW} read as an area of the document's own (`area tekniske-tjenester`): the headings under it are lines" \
        in draft.text.splitlines()
    assert not [d for d in check_text(draft.text).diagnostics if d.code.startswith(("SYN", "STR00"))]


def test_without_heading_levels_a_heading_is_no_area_of_its_own():
    text = "\n".join(line.lstrip("#").strip() for line in OWN_AREAS.splitlines())
    budget = model(draft_of(text).text)
    assert not budget.declared_sectors
    # A short line standing alone that ends in its amount is a heading with that amount in plain text too.
    assert budget.entry_by_name["Flere lærere"].heading.value == Decimal("3.5")
    assert budget.entry_by_name["Demensomsorg"].heading.value == 1


@pytest.mark.parametrize("document", [SEED, TROMSO], ids=lambda p: p.name)
def test_every_figure_of_a_real_document_is_placed_or_marked(document):
    """The invariant on real documents: the figures the prose reader finds in the whole text (these have
    no tables) are the figures read, each placed as an amount or written in a `# REVIEW:` comment."""
    from tests.checker.test_import_invariant import in_a_review, model_values

    text = document.read_text(encoding="utf-8")
    draft = draft_of(text)
    figures = read_figures(text)
    assert draft.figures_read == len(figures) == draft.figures_placed + draft.figures_marked
    placed = model_values(model(draft.text))
    reviews = "\n".join(ln for ln in draft.text.splitlines() if ln.startswith(REVIEW))
    assert [text[f.start:f.end] for f in figures if f.amount not in placed and not in_a_review(f.amount, reviews)] == []


def test_figures_in_a_heading_are_the_lines_or_marked():
    text = textwrap.dedent("""\
        Bodøbudsjettet
        Forslag til budsjett 2024 og økonomiplan 2024-2027

        Miljø og næring

        Veivedlikehold økes med 2 mill fra 2025
        Veiene skal bli bedre.

        Verbale føringer

        Sykkelplan for 3 millioner
        Kommunedirektøren bes legge fram en sykkelplan.
        """)
    draft = draft_of(text)
    budget = model(draft.text)
    vei = budget.entry_by_name["Veivedlikehold økes med 2 mill fra 2025"]
    assert (vei.by_year, vei.heading) == ({2025: 2, 2026: 2, 2027: 2}, None)
    assert f'{REVIEW} the heading names "3 millioner": a cost estimate?' in draft.text.splitlines()
    assert (draft.figures_read, draft.figures_placed, draft.figures_marked) == (2, 1, 1)


def test_a_figure_in_the_name_of_a_table_row_is_marked():
    text = "Budsjett\nForslag 2024-2027\n\nOppvekst\n\nTiltak\t2024\t2025\nTilskudd 2 mill til lag\t2\t3\n"
    draft = draft_of(text)
    assert f'{REVIEW} the row names "2 mill": not placed (a row\'s name, in the table "Oppvekst")' in draft.text.splitlines()
    assert (draft.figures_read, draft.figures_placed, draft.figures_marked) == (3, 2, 1)


def test_a_table_sum_in_a_document_in_thousands_is_a_sum_as_printed():
    text = ("Budsjett\nForslag 2024-2027\nAlle tall i 1000 kr\n\nOppvekst\n\nLærere\nVi setter av 5 650 i 2024.\n\n"
            "Tiltak\t2024\t2025\nLærere\t5 650\t11 300\nSkolemat\t1 000\t1 000\nSum\t6 650\t12 400\n")
    draft = draft_of(text)
    lines = draft.text.splitlines()
    assert "sum \"Sum\" item 2024=6650 2025=12400" in lines
    assert f'{REVIEW} the rows of the table "Oppvekst" add up to 12300 for 2025, its row "Sum" prints 12400' in lines
    found = [d for d in check_text(draft.text).diagnostics if d.code == "STR013"]
    assert len(found) == 1 and "for 2025" in found[0].message
