"""Areas in plain text, where no heading is marked with a level: by numbers and capitals, standard
areas by their long forms, and investments that keep their part across area headings."""

from __future__ import annotations

import re
import textwrap

from budsjett_lint.checker.importer.draft import REVIEW, area_of, blocks_from_text, import_blocks
from budsjett_lint.dsl import parse
from budsjett_lint.dsl.model import Budget
from decimal import Decimal


def draft_of(text: str):
    return import_blocks(blocks_from_text(textwrap.dedent(text)))


def model(text: str) -> Budget:
    result = parse(text)
    assert not result.problems, result.problems
    return result.budget


def areas(budget: Budget) -> dict[str, tuple[str, str | None]]:
    return {e.name.text: (e.kind, e.sector.id if e.sector else None) for e in budget.entries}


NUMBERED = """\
    Bodøbudsjettet
    Forslag til budsjett 2024 og økonomiplan 2024-2027

    1 Oppvekst

    1.1 Flere lærere\t3,5 mill
    Flere lærere gir mindre klasser.

    2 Tekniske tjenester
    Vi satser på tekniske tjenester.

    2.1 Brannvern
    Vi styrker brannvernet med 2 millioner i 2024.

    2.2 Vannverk\t1 mill

    3 Lekeplasser\t0,5 mill
    """


def test_numbered_headings_give_an_area_of_the_documents_own_in_plain_text():
    draft = draft_of(NUMBERED)
    budget = model(draft.text)
    assert [(s.id, s.name) for s in budget.declared_sectors] == [("tekniske-tjenester", "Tekniske tjenester")]
    assert areas(budget) == {
        "1.1 Flere lærere": ("item", "oppvekst"),
        "2.1 Brannvern": ("item", "tekniske-tjenester"),
        "2.2 Vannverk": ("item", "tekniske-tjenester"),
        # "3 Lekeplasser" is as high as "2 Tekniske tjenester": the area ends there (no area, marked).
        "3 Lekeplasser": ("item", None),
    }
    assert f"{REVIEW} read as an area of the document's own (`area tekniske-tjenester`): " \
        "the headings under it are lines" in draft.text.splitlines()


CAPITALS = """\
    Bodøbudsjettet
    Forslag til budsjett 2024 og økonomiplan 2024-2027

    OPPVEKST

    Flere lærere\t3,5 mill
    Flere lærere gir mindre klasser.

    TEKNISKE TJENESTER
    Vi satser på tekniske tjenester.

    Drift

    Brannvern
    Vi styrker brannvernet med 2 millioner i 2024.

    NAV-kontoret\t1 mill
    """


def test_headings_in_capitals_give_an_area_of_the_documents_own_in_plain_text():
    budget = model(draft_of(CAPITALS).text)
    assert [s.id for s in budget.declared_sectors] == ["tekniske-tjenester"]
    assert areas(budget) == {"Flere lærere": ("item", "oppvekst"), "Brannvern": ("item", "tekniske-tjenester"),
                             "NAV-kontoret": ("item", "tekniske-tjenester")}


def test_a_heading_over_lines_without_a_sign_of_its_level_is_no_area():
    """Near misses: a heading over lines in a document with no numbers and no capitals (as Trondheim's
    "Kulturbyen Trondheim"), a short name in capitals, two headings that begin with a count."""
    plain = "\n".join(line.split(" ", 1)[1] if line.strip()[:1].isdigit() else line
                      for line in textwrap.dedent(NUMBERED).splitlines())
    assert not model(import_blocks(blocks_from_text(plain)).text).declared_sectors
    short_caps = CAPITALS.replace("TEKNISKE TJENESTER", "VANN")
    assert not model(draft_of(short_caps).text).declared_sectors
    counts = """\
        Bodøbudsjettet
        Forslag til budsjett 2024 og økonomiplan 2024-2027

        Oppvekst

        Nye lærere
        Vi ansetter 3 lærere for 2 millioner i 2024.

        2 nye barnehager
        Vi bygger 2 nye barnehager.

        Helsesykepleiere\t1 mill

        3 nye skoler
        Det koster 4 millioner i 2025.
        """
    budget = model(draft_of(counts).text)
    assert not budget.declared_sectors
    assert {area for _, area in areas(budget).values()} == {"oppvekst"}


def test_a_long_form_of_a_standard_area_names_it():
    long_forms = {"Oppvekst og utdanning": "oppvekst", "Helse og omsorg": "helse", "Helse og velferd": "helse",
                  "Helse- og omsorgstjenester": "helse", "Kultur og idrett": "kultur", "Kultur og fritid": "kultur",
                  "Klima og miljø": "miljø", "Miljø": "miljø", "Samferdsel": "areal", "Plan og samferdsel": "areal",
                  "Arbeid og velferd": "arbeid", "Økonomi og organisasjon": "finans", "2 Helse og omsorg": "helse"}
    assert {name: area_of(name) for name in long_forms} == long_forms
    # Near misses: the added words alone, or an area's word in a name that says more.
    for name in ["Utdanning", "Omsorg", "Velferd", "Økonomi", "Plan", "Helse og sosial", "Kultur for læring",
                 "Miljø i skolen", "Eldre bygg", "Omsorg for eldre", "Plan for eldre", "Helsesøster i skolen"]:
        assert area_of(name) is None, name


def test_items_under_a_long_form_of_an_area_take_that_area():
    text = """\
        Bodøbudsjettet
        Forslag til budsjett 2024 og økonomiplan 2024-2027

        Oppvekst og utdanning

        Flere lærere\t3,5 mill
        Flere lærere gir mindre klasser.

        Helse og velferd

        Hjemmetjenesten\t2 mill
        Vi styrker hjemmetjenesten.

        Investeringer - Helse og omsorg

        Sykehjem\t40 mill
        """
    budget = model(draft_of(text).text)
    assert not budget.declared_sectors
    assert areas(budget) == {"Flere lærere": ("item", "oppvekst"), "Hjemmetjenesten": ("item", "helse"),
                             "Sykehjem": ("invest", "helse")}
    assert {s.name.text: s.sector.id for s in budget.sections} == {
        "Oppvekst og utdanning": "oppvekst", "Helse og velferd": "helse", "Investeringer - Helse og omsorg": "helse"}


INVESTMENTS = """\
    Bodøbudsjettet
    Forslag til budsjett 2024 og økonomiplan 2024-2027

    Drift

    Oppvekst

    Flere lærere\t3,5 mill

    Investeringer

    Oppvekst

    Nye skolebygg\t40 mill

    Helse og omsorg
    Vi bygger for eldre.

    Sykehjem
    Vi investerer 60 millioner i 2025.

    Omsorgsboliger\t20 mill

    Verbale føringer

    Skolevei
    Kommunedirektøren bes legge fram en sak om trygg skolevei.

    Helse og eldre

    Legevakt\t2 mill
    """


def test_investments_keep_their_part_across_the_area_headings_under_them():
    budget = model(draft_of(INVESTMENTS).text)
    assert areas(budget) == {
        "Flere lærere": ("item", "oppvekst"),
        "Nye skolebygg": ("invest", "oppvekst"),
        "Sykehjem": ("invest", "helse"),
        "Omsorgsboliger": ("invest", "helse"),
        # Another part heading ends the investments: a line after an area heading is an item again.
        "Legevakt": ("item", "helse"),
    }
    assert [d.name.text for d in budget.directives] == ["Skolevei"]


def test_an_areas_own_investment_part_ends_at_the_next_area():
    """Near miss: "Investeringer - Oppvekst" is oppvekst's; the next area's lines are items."""
    text = INVESTMENTS.replace("    Investeringer\n\n    Oppvekst\n", "    Investeringer - Oppvekst\n")
    assert areas(model(draft_of(text).text)) == {
        "Flere lærere": ("item", "oppvekst"), "Nye skolebygg": ("invest", "oppvekst"),
        "Sykehjem": ("item", "helse"), "Omsorgsboliger": ("item", "helse"), "Legevakt": ("item", "helse")}


def test_in_markdown_a_heading_as_high_as_the_investment_part_ends_it():
    text = textwrap.dedent("""\
        # Bodøbudsjettet
        Forslag til budsjett 2024 og økonomiplan 2024-2027

        ## Investeringer
        ### Oppvekst
        #### Nye skolebygg 40 mill
        ### Helse og omsorg
        #### Sykehjem 60 mill
        ## Helse og eldre
        ### Legevakt 2 mill
        """)
    from budsjett_lint.checker.importer.draft import blocks_from_markdown

    got = areas(model(import_blocks(blocks_from_markdown(text)).text))
    assert got == {"Nye skolebygg": ("invest", "oppvekst"), "Sykehjem": ("invest", "helse"),
                   "Legevakt": ("item", "helse")}


def test_a_numbered_list_and_a_heading_in_capitals_that_are_no_structure():
    """Near misses: numbered directives ("1. Skolevei") over lines with amounts, and one heading in
    capitals ("INNLEDNING") with no area's heading in capitals: no levels, no area of the document's own."""
    directives = """\
        Bodøbudsjettet
        Forslag til budsjett 2024 og økonomiplan 2024-2027

        Oppvekst

        Flere lærere\t3,5 mill

        Verbale føringer

        1. Skolevei
        Kommunedirektøren bes legge fram en sak om trygg skolevei.

        2. Gratis frukt
        Kommunedirektøren bes utrede gratis frukt.

        Arbeid og sosial

        Uteseksjonen\t1 mill
        """
    budget = model(draft_of(directives).text)
    assert not budget.declared_sectors
    assert [d.name.text for d in budget.directives] == ["1. Skolevei", "2. Gratis frukt"]
    assert areas(budget) == {"Flere lærere": ("item", "oppvekst"), "Uteseksjonen": ("item", "arbeid")}
    numbered = directives.replace("    Oppvekst\n", "    1 Oppvekst\n").replace("1. Skolevei", "2. Skolevei") \
        .replace("2. Gratis", "3. Gratis")
    assert not model(draft_of(numbered).text).declared_sectors  # numbers, and no heading over lines among them
    introduction = """\
        Bodøbudsjettet
        Forslag til budsjett 2024 og økonomiplan 2024-2027

        INNLEDNING
        Vi legger fram et budsjett i balanse.

        Flere lærere\t3,5 mill

        Oppvekst

        Skolemat\t2 mill
        """
    budget = model(draft_of(introduction).text)
    assert not budget.declared_sectors
    assert areas(budget) == {"Flere lærere": ("item", None), "Skolemat": ("item", "oppvekst")}


def test_headings_without_levels_in_markdown_are_read_by_their_numbers_too():
    from budsjett_lint.checker.importer.draft import blocks_from_markdown

    text = "\n".join(f"**{line.strip()}**" if line.strip()[:1].isdigit() else line.strip()
                     for line in textwrap.dedent(NUMBERED).splitlines())
    budget = model(import_blocks(blocks_from_markdown(text)).text)
    assert [s.id for s in budget.declared_sectors] == ["tekniske-tjenester"]
    assert areas(budget)["2.1 Brannvern"] == ("item", "tekniske-tjenester")


def test_directives_keep_their_part_across_the_area_headings_under_them():
    text = """\
        Bodøbudsjettet
        Forslag til budsjett 2024 og økonomiplan 2024-2027

        Oppvekst

        Flere lærere\t3,5 mill

        Verbale føringer

        Oppvekst

        Skolevei
        Kommunedirektøren bes legge fram en sak om trygg skolevei.

        Helse og omsorg

        Demensvennlig by
        Kommunedirektøren bes utrede en demensvennlig by.

        Inndekning

        Konsulenter\t2 mill
        """
    budget = model(draft_of(text).text)
    assert {d.name.text: d.sector.id for d in budget.directives} == {"Skolevei": "oppvekst",
                                                                    "Demensvennlig by": "helse"}
    assert {s.name.text for s in budget.sections} == {"Oppvekst", "Verbale føringer", "Helse og omsorg",
                                                      "Inndekning"}
    # Near miss: an area's own directives ("Verbale føringer - Oppvekst") end at the next area heading,
    # whose headings are its introduction until a line.
    own = textwrap.dedent(text).replace("Verbale føringer\n\nOppvekst\n", "Verbale føringer - Oppvekst\n")
    assert own != textwrap.dedent(text)
    budget = model(draft_of(own).text)
    assert [d.name.text for d in budget.directives] == ["Skolevei"]
    assert "Demensvennlig by" in {s.name.text for s in budget.sections}


def test_a_table_of_contents_does_not_hide_the_numbers_of_the_headings():
    """The contents number the headings first ("1 Oppvekst ....... 2"); the numbers below still count."""
    head, rest = textwrap.dedent(NUMBERED).split("\n\n", 1)
    contents = ("Innhold\n1 Oppvekst .................... 2\n1.1 Flere lærere ......... 2\n"
                "2 Tekniske tjenester ........ 3\n3 Lekeplasser\t\t4\n")
    draft = import_blocks(blocks_from_text(f"{head}\n\n{contents}\n{rest}"))
    budget = model(draft.text)
    assert [s.id for s in budget.declared_sectors] == ["tekniske-tjenester"]
    # the contents themselves are left out, and the review says so
    assert not any(re.search(r"\.{3}|Innhold|Lekeplasser 4", s.name.text) for s in budget.sections)
    assert [r.note for r in draft.reviews if r.kind == "contents"] == [
        "the document's table of contents (5 lines) is left out: its headings come again below"]
    assert areas(budget)["2.2 Vannverk"] == ("item", "tekniske-tjenester")


def test_a_table_of_contents_in_thousands_gives_no_amounts_and_headings_with_amounts_stay():
    text = """\
        Bodøbudsjettet
        Forslag til budsjett 2024 og økonomiplan 2024-2027
        Tall i 1000 kr

        Innhold
        1 Oppvekst ..................... 2
        2 Tekniske tjenester ........... 3

        1 Oppvekst

        1.1 Flere lærere\t5650

        1.2 Leirskole\t700
        """
    budget = model(draft_of(text).text)
    assert {e.name.text: e.by_year.get(2024) for e in budget.entries} == {
        "1.1 Flere lærere": Decimal("5.65"), "1.2 Leirskole": Decimal("0.7")}
    assert [s.name.text for s in budget.sections] == ["1 Oppvekst"]
    # near miss: headings that end in their amounts after a tab, with no dot leaders, are no contents
    assert "contents" not in {r.kind for r in draft_of(text.replace("Innhold\n", "").replace(
        "1 Oppvekst ..................... 2\n        2 Tekniske tjenester ........... 3\n", "")).reviews}
