"""The import's invariant, on generated documents of every format: every figure of the document is
in the draft, as an amount of an entry (or a printed sum) or in a `# REVIEW:` comment beside the text
it came from, and the draft parses.

A document is generated as parts (area and part headings, headings with and without an amount, prose
sentences in the number forms the reader knows, tables of figures per year with or without a sum
row), each figure with a value of its own. It is written as plain text, Markdown, a Word document
(python-docx) and a PDF (fpdf2), imported, and the figures the generator wrote are counted against
the report (placed + marked) and looked for in the draft: each value as an amount of the model, or
written in a `# REVIEW:` comment. Where every figure names its years and none is marked, the lines of
the draft add up, in each year, to the document's figures of that year.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from budsjett_lint.checker.importer.draft import REVIEW, blocks_from_markdown, blocks_from_text, import_blocks
from budsjett_lint.dsl import parse
from budsjett_lint.dsl.model import Entry, Sum

FIRST, LAST = 2024, 2027
# Standard areas, and areas of a document's own (read as areas where the document gives heading levels,
# in plain text by numbers or capitals).
AREAS = ["Oppvekst", "Arbeid og sosial", "Helse og eldre", "Kultur, idrett og friluftsliv", "Tekniske tjenester",
         "Byutvikling"]
NAMES = ["Flere lærere", "Skolemat", "Leirskole", "Helsesykepleiere", "Hjemmetjenesten", "Dagtilbud",
         "Bibliotek", "Fritidsklubber", "Sykkelveier", "Kollektivtilbud", "Ungdomshus", "Brannvern",
         "Lekeplasser", "Turstier", "Legevakt", "Rusomsorg"]
COVER_NAMES = ["Konsulenttjenester", "Innkjøp", "Vikarbruk", "Reiseutgifter"]
DIRECTIVE_NAMES = ["Skolevei", "Demensvennlig by", "Gratis frukt"]


def comma(v: Decimal) -> str:
    return f"{v:f}".replace(".", ",")


# A sentence: its text, given the figure's value written in millions and in whole kroner, and a year.
SENTENCES = {
    "in year": lambda m, kr, y: f"Vi setter av {m} millioner i {y}.",
    "from year": lambda m, kr, y: f"Tiltaket koster {m} mill fra {y}.",
    "two years": lambda m, kr, y: f"Det gir {m} millioner i {y} og {y + 1}.",
    "total": lambda m, kr, y: f"Totalt {m} millioner over perioden.",
    "no year": lambda m, kr, y: f"Vi bruker {m} millioner på dette.",
    "kroner": lambda m, kr, y: f"Det koster {kr} kroner i {y}.",
    "outside": lambda m, kr, y: f"Senere kommer {m} millioner i {y + 10}.",
    "year colon": None,  # "2024: 4 mill, 2025: 6 mill" or "2024: 4, 2025: 6 mill": two figures
}
FORMS = sorted(SENTENCES)
WORDS = ["Dette er viktig for byen.", "Vi vil gjøre mer for innbyggerne.", ""]


@dataclass
class Figures:
    """Values handed out one at a time, each new: the document's figures, to be found again."""

    values: list[Decimal]
    used: int = 0

    def next(self) -> Decimal:
        self.used += 1
        return self.values[self.used - 1]


@st.composite
def documents(draw):
    """A document as (kind, ...) parts, and the values of its figures, in millions."""
    values = [Decimal(n) / 100 for n in draw(st.lists(st.integers(1, 99_999), min_size=80, max_size=80,
                                                          unique=True))]
    figures = Figures(values)
    names = iter(draw(st.permutations(NAMES)))
    parts: list[tuple] = []
    shown: list[Decimal] = []  # every figure the document prints, in millions
    # What the lines' figures add up to in each year, where every figure names its years (None otherwise).
    by_year: dict[int, Decimal] = {}
    yearless: list[bool] = []

    def add(years, v: Decimal) -> None:
        for y in years:
            by_year[y] = by_year.get(y, Decimal(0)) + v

    def prose(count: int) -> list[str]:
        out = []
        for _ in range(count):
            form = draw(st.sampled_from(FORMS))
            if form == "kroner":  # whole thousands, not tens of them: never one of the values in millions
                k = draw(st.integers(1, 999))
                while k % 10 == 0 or Decimal(k) / 1000 in shown:
                    k = k % 999 + 1
                v = Decimal(k) / 1000
                kr = f"{int(v * 1_000_000):,}".replace(",", " ")
                year = draw(st.integers(FIRST, LAST))
                out.append(SENTENCES[form](None, kr, year))
                shown.append(v)
                add([year], v)
            elif form == "year colon":
                year = draw(st.integers(FIRST, LAST - 1))
                a, b = figures.next(), figures.next()
                unit = " mill" if draw(st.booleans()) else ""
                out.append(f"Beløp: {year}: {comma(a)}{unit}, {year + 1}: {comma(b)} mill.")
                shown.extend([a, b])
                add([year], a)
                add([year + 1], b)
            else:
                v = figures.next()
                year = draw(st.integers(FIRST, LAST - 1))
                out.append(SENTENCES[form](comma(v), None, year))
                shown.append(v)
                years = {"in year": [year], "from year": range(year, LAST + 1), "two years": [year, year + 1]}
                if form in years:
                    add(years[form], v)
                else:
                    yearless.append(True)  # a total, no year, a year outside the plan
            if draw(st.booleans()):
                out.append(draw(st.sampled_from(WORDS)))
        return [" ".join(s for s in out if s)] if out else []

    for area in draw(st.lists(st.sampled_from(AREAS), min_size=1, max_size=2, unique=True)):
        parts.append(("heading1", area, prose(draw(st.integers(0, 1)))))
        items = []
        for _ in range(draw(st.integers(1, 3))):
            name = next(names)
            amount = figures.next() if draw(st.booleans()) else None
            if amount is not None:
                shown.append(amount)
                yearless.append(True)  # a heading amount: no year of its own
            elif draw(st.integers(0, 3)) == 0:  # a figure in the heading's own words
                v = figures.next()
                year = draw(st.integers(FIRST, LAST))
                name = f"{name} økes med {comma(v)} mill fra {year}"
                shown.append(v)
                add(range(year, LAST + 1), v)
            parts.append(("item", name, amount, prose(draw(st.integers(0, 2)))))
            if " økes med " not in name:  # a row named so would print its figure again
                items.append(name)
        if draw(st.booleans()):
            rows = [*items[: draw(st.integers(0, len(items)))], *[next(names) for _ in range(draw(st.integers(0, 2)))]]
            table = []
            for name in rows:
                cells = []
                for year in range(FIRST, LAST + 1):
                    v = figures.next() if draw(st.integers(0, 3)) else None
                    cells.append(v)
                    if v is not None:
                        shown.append(v)
                        add([year], v)
                table.append((name, cells))
            if table and draw(st.booleans()):
                sums = [sum((c[k] for _, c in table if c[k] is not None), Decimal(0)) for k in range(LAST - FIRST + 1)]
                if draw(st.booleans()):
                    sums[0] += 1  # a sum that its rows do not make
                table.append(("Sum", sums))
                shown += sums
            if table:
                parts.append(("table", table))
    if draw(st.booleans()):
        parts.append(("heading1", "Verbale føringer", []))
        for name in draw(st.lists(st.sampled_from(DIRECTIVE_NAMES), min_size=1, max_size=2, unique=True)):
            parts.append(("heading2", name, ["Kommunedirektøren bes utrede saken.", *prose(draw(st.integers(0, 1)))]))
    parts.append(("heading1", "Inndekning", []))
    for name in draw(st.lists(st.sampled_from(COVER_NAMES), min_size=1, max_size=2, unique=True)):
        amount = figures.next() if draw(st.booleans()) else None
        if amount is not None:
            shown.append(amount)
            yearless.append(True)
        parts.append(("item", name, amount, prose(draw(st.integers(0, 2)))))
    return parts, shown, None if yearless else by_year


TITLE = ("Eksempelbudsjettet", f"Forslag til budsjett {FIRST} og økonomiplan {FIRST}-{LAST}")


def as_text(parts, numbered: bool = False, capitals: bool = False) -> str:
    """Plain text; `numbered`, with the headings of areas and parts numbered ("2 Oppvekst") and those
    under them too ("2.1 Skolevei"), the lines not; `capitals`, with the headings of areas and parts in
    capitals: the levels that plain text shows by numbers or capitals."""
    lines = [*TITLE, ""]
    top = sub = 0
    for part in parts:
        if part[0] in ("heading1", "heading2"):
            top, sub = (top + 1, 0) if part[0] == "heading1" else (top, sub + 1)
            number = (f"{top} " if part[0] == "heading1" else f"{top}.{sub} ") if numbered else ""
            name = part[1].upper() if capitals and part[0] == "heading1" else part[1]
            lines += ["", number + name, *part[2]]
        elif part[0] == "item":
            _, name, amount, prose = part
            lines += ["", f"{name}\t\t{comma(amount)} millioner" if amount is not None else name, *prose]
        else:
            lines += ["", "\t".join(["Tiltak", *map(str, range(FIRST, LAST + 1))])]
            lines += ["\t".join([name, *(comma(v) if v is not None else "" for v in cells)]) for name, cells in part[1]]
    return "\n".join(lines) + "\n"


def as_markdown(parts) -> str:
    lines = [f"# {TITLE[0]}", TITLE[1], ""]
    for part in parts:
        if part[0] in ("heading1", "heading2"):
            lines += ["", f"{'##' if part[0] == 'heading1' else '###'} {part[1]}", "", *part[2]]
        elif part[0] == "item":
            _, name, amount, prose = part
            lines += ["", f"### {name} {comma(amount)} millioner" if amount is not None else f"### {name}", "", *prose]
        else:
            lines += ["", "| Tiltak | " + " | ".join(map(str, range(FIRST, LAST + 1))) + " |",
                      "|---" * (LAST - FIRST + 2) + "|"]
            lines += ["| " + " | ".join([name, *(comma(v) if v is not None else "" for v in cells)]) + " |"
                      for name, cells in part[1]]
    return "\n".join(lines) + "\n"


def as_docx(parts) -> bytes:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading(TITLE[0], level=0)
    document.add_paragraph(TITLE[1])
    for part in parts:
        if part[0] in ("heading1", "heading2"):
            document.add_heading(part[1], level=1 if part[0] == "heading1" else 2)
            for paragraph in part[2]:
                document.add_paragraph(paragraph)
        elif part[0] == "item":
            _, name, amount, prose = part
            document.add_heading(f"{name} {comma(amount)} mill" if amount is not None else name, level=2)
            for paragraph in prose:
                document.add_paragraph(paragraph)
        else:
            rows = [["Tiltak", *map(str, range(FIRST, LAST + 1))],
                    *([name, *(comma(v) if v is not None else "" for v in cells)] for name, cells in part[1])]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for row, texts in zip(table.rows, rows):
                for cell, text in zip(row.cells, texts):
                    cell.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def as_pdf(parts) -> bytes:
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.add_page()

    def write(text: str, size: int, bold: bool = False) -> None:
        pdf.set_font("Helvetica", "B" if bold else "", size)
        pdf.multi_cell(0, size * 0.55, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)

    write(TITLE[0], 18, True)
    write(TITLE[1], 11)
    for part in parts:
        if part[0] in ("heading1", "heading2"):
            write(part[1], 14 if part[0] == "heading1" else 12, True)
            for paragraph in part[2]:
                write(paragraph, 10)
        elif part[0] == "item":
            _, name, amount, prose = part
            write(f"{name} {comma(amount)} mill" if amount is not None else name, 12, True)
            for paragraph in prose:
                write(paragraph, 10)
        else:
            pdf.set_font("Helvetica", "", 10)
            with pdf.table() as table:
                for texts in [["Tiltak", *map(str, range(FIRST, LAST + 1))],
                              *([name, *(comma(v) if v is not None else "" for v in cells)] for name, cells in part[1])]:
                    row = table.row()
                    for text in texts:
                        row.cell(text)
            pdf.ln(3)
    return bytes(pdf.output())


def blocks_of(kind: str, parts):
    if kind in ("text", "numbered text", "capital text"):
        return blocks_from_text(as_text(parts, numbered=kind == "numbered text", capitals=kind == "capital text"))
    if kind == "markdown":
        return blocks_from_markdown(as_markdown(parts))
    if kind == "docx":
        from budsjett_lint.checker.importer.docx import blocks_from_docx

        return blocks_from_docx(as_docx(parts))
    pytest.importorskip("pdfplumber")
    from budsjett_lint.checker.importer.pdf import blocks_from_pdf

    return blocks_from_pdf(as_pdf(parts))


def model_values(budget) -> set[Decimal]:
    """Every figure the draft writes as an amount: per year, a heading amount, a total, a printed sum."""
    found: set[Decimal] = set()
    for s in budget.statements:
        if isinstance(s, Entry):
            found.update(abs(v) for v in s.by_year.values() if v is not None)
            found.update(abs(n.value) for n in (s.heading, s.total) if n is not None)
        elif isinstance(s, Sum):
            found.update(abs(a.value) for a in s.amounts if a.value is not None)
    return found


def in_a_review(value: Decimal, reviews: str) -> bool:
    """The value written in a `# REVIEW:` comment: as the document prints it (`3,25`, `340 000`) or as
    the draft spells it (`3.25`)."""
    kroner = value * 1_000_000
    forms = {comma(value.normalize()), f"{value.normalize():f}"}
    if kroner == kroner.to_integral_value():
        forms.add(f"{int(kroner):,}".replace(",", " "))
    return any(re.search(rf"(?<![\d,.]){re.escape(f)}(?![\d]|,\d)", reviews) for f in forms)


def check(kind: str, parts, shown, by_year) -> None:
    draft = import_blocks(blocks_of(kind, parts))
    result = parse(draft.text)
    assert not result.problems, (result.problems, draft.text)
    assert draft.figures_read == len(shown), (draft.report(kind), shown, draft.text)
    assert draft.figures_placed + draft.figures_marked == len(shown), draft.report(kind)
    placed = model_values(result.budget)
    reviews = "\n".join(ln for ln in draft.text.splitlines() if ln.lstrip().startswith(REVIEW))
    lost = [v for v in shown if v not in placed and not in_a_review(v, reviews)]
    assert not lost, (lost, draft.text)
    if by_year is not None and not draft.reviews:
        # Every figure names its years and the draft asks nothing: the lines add up to the document in
        # each year. (Two figures for one year, "0,01 millioner i 2024" and "0,26 mill fra 2024", are
        # both placed, the second from 2025 on, with a `# REVIEW:` on the year they share.)
        made: dict[int, Decimal] = {}
        for e in result.budget.entries:
            for y, v in e.by_year.items():
                if v is not None:
                    made[y] = made.get(y, Decimal(0)) + abs(v)
        assert made == {y: v for y, v in by_year.items() if v}, draft.text
    assert draft.text.count(f"\n{REVIEW}") + draft.text.startswith(REVIEW) == len(draft.reviews)


@pytest.mark.parametrize("kind", ["text", "numbered text", "capital text", "markdown"])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=documents())
def test_every_figure_of_a_text_document_is_placed_or_marked(kind, document):
    check(kind, *document)


@pytest.mark.parametrize("kind", ["docx", "pdf"])
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=documents())
def test_every_figure_of_a_word_or_pdf_document_is_placed_or_marked(kind, document):
    check(kind, *document)


@pytest.mark.parametrize("kind", ["text", "docx"])
def test_two_figures_for_one_year_are_both_placed_and_the_year_they_share_is_asked(kind):
    """Found by the property above: "0,01 millioner i 2024" and "0,26 mill fra 2024" in one text. The
    first is 2024's, the second the later years', and a review says what became of the second in 2024."""
    text = "Vi setter av 0,01 millioner i 2024. Tiltaket koster 0,26 mill fra 2024."
    parts = [("heading1", "Oppvekst", []), ("item", "Flere lærere", None, []), ("heading1", "Inndekning", []),
             ("item", "Konsulenttjenester", None, [text])]
    by_year = {2024: Decimal("0.27"), 2025: Decimal("0.26"), 2026: Decimal("0.26"), 2027: Decimal("0.26")}
    check(kind, parts, [Decimal("0.01"), Decimal("0.26")], by_year)
    draft = import_blocks(blocks_of(kind, parts))
    assert any("0.26 for 2024, after 0.01" in r.note for r in draft.reviews)
