"""`import` of a PDF: a real PDF made by the test (fpdf2), read with pdfplumber, gives the draft
that the same document gives as text: headings by their font, paragraphs by their gaps, the
table by its ruling lines, page numbers left out."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

fpdf = pytest.importorskip("fpdf", reason="fpdf2 (the test extra) makes the PDFs of these tests")
pytest.importorskip("pdfplumber", reason="pdfplumber (the import extra) reads PDFs")

from budsjett_lint.checker.importer.draft import Block, blocks_from_text, import_blocks  # noqa: E402
from budsjett_lint.checker.importer.pdf import MAX_PDF_PAGES, PdfTooLarge, blocks_from_pdf  # noqa: E402

LINT = str(Path(sys.executable).with_name("budsjett-lint"))

BODY = ("Vi setter av 3,5 millioner i 2024 økende til 7 millioner fra 2025 til flere lærere i skolen, "
        "slik at klassene blir mindre og elevene får mer hjelp.")
TABLE = [["Tiltak", "2024", "2025", "2026", "2027"], ["Flere lærere", "3,5", "7", "7", "7"],
         ["Helsesykepleiere", "1", "2", "2", "2"]]


def make_pdf(path: Path, pages: int = 1) -> None:
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 18)
    pdf.multi_cell(0, 9, "Alternativt budsjett 2024-2027", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Helvetica", "B", 14)
    pdf.multi_cell(0, 8, "Oppvekst", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, BODY, new_x="LMARGIN", new_y="NEXT")  # wraps: one paragraph on two lines
    pdf.ln(4)
    with pdf.table() as table:
        for cells in TABLE:
            row = table.row()
            for cell in cells:
                row.cell(cell)
    pdf.ln(4)
    pdf.multi_cell(0, 6, "1", new_x="LMARGIN", new_y="NEXT", align="C")  # a page number
    for _ in range(pages - 1):
        pdf.add_page()
    pdf.output(str(path))


def test_headings_paragraphs_and_the_table_are_read(tmp_path: Path):
    source = tmp_path / "forslag.pdf"
    make_pdf(source)
    blocks = [b for b in blocks_from_pdf(source.read_bytes())]
    texts = [b.text for b in blocks]
    assert [b.text for b in blocks if b.heading] == ["Alternativt budsjett 2024-2027", "Oppvekst"]
    assert "\t".join(TABLE[1]) in texts and "\t".join(TABLE[2]) in texts
    body = texts[texts.index("Oppvekst") + 2:]
    paragraph = body[: body.index("")]
    assert len(paragraph) == 2 and " ".join(paragraph) == BODY  # both lines, in one paragraph
    assert "1" not in texts  # the page number


def test_the_draft_is_the_one_the_same_text_gives(tmp_path: Path):
    source = tmp_path / "forslag.pdf"
    make_pdf(source)
    done = subprocess.run([LINT, "import", str(source)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    from_pdf = blocks_from_pdf(source.read_bytes())
    as_text = "\n".join(b.text for b in from_pdf)
    # The same lines typed as a text file, with the headings marked as the PDF's fonts mark them.
    typed = [Block(b.text, b.text in ("Alternativt budsjett 2024-2027", "Oppvekst")) for b in blocks_from_text(as_text)]
    assert done.stdout == import_blocks(typed).text
    lines = [" ".join(line.split()) for line in done.stdout.splitlines()]
    assert 'item "Flere lærere" oppvekst 2024=3.5 2025..2027=7' in lines
    assert 'item "Helsesykepleiere" oppvekst 2024=1 2025..2027=2' in lines
    # The area's text gives two figures that no line holds: marked beside it, not lost.
    assert "10 figures read: 8 placed, 2 marked for review" in done.stderr


def test_not_a_pdf_and_too_many_pages_are_clear_errors(tmp_path: Path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4\nnot really\n")
    done = subprocess.run([LINT, "import", str(bad)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "not a PDF that can be read" in done.stderr and "Traceback" not in done.stderr
    big = tmp_path / "big.pdf"
    make_pdf(big, pages=MAX_PDF_PAGES + 1)
    with pytest.raises(PdfTooLarge, match=f"{MAX_PDF_PAGES + 1} pages"):
        blocks_from_pdf(big.read_bytes())
