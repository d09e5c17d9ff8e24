"""Reading a PDF document for `import`: its lines, headings and tables, as `Block`s.

With the optional pdfplumber (`pip install 'budsjett-lint[import]'`), which
finds the characters of each page with their fonts and sizes, and the tables
by their ruling lines. What it gives becomes what a Word document gives:

- a line in a larger font than the body text (the size most characters have),
  or a short line wholly in bold, is a heading;
- a gap between two lines of more than 0.8 of the font's size ends a
  paragraph (a blank `Block`), as does a change between heading and text;
- a table is one `Block` a row, its cells separated by tabs, where it stands
  on the page; the page's lines inside it are not read twice;
- a page number alone on its line ("12", "Side 3 av 40") is left out.

The pages are counted before any is read, and a document with more than
`MAX_PDF_PAGES` is refused with the count.
"""

from __future__ import annotations

import io
import re
from collections import Counter

from .draft import Block, DocumentTooLarge

#: A council's proposal has tens of pages, a whole budget book a few hundred.
MAX_PDF_PAGES = 2_000
_PAGE_NUMBER = re.compile(r"^(?:(?:side|page|s\.)\s*)?\d{1,4}(?:\s*(?:av|/|of)\s*\d{1,4})?$", re.IGNORECASE)
_HEADING_LENGTH = 100  # a bold line longer than this is emphasis in the text, not a heading


class PdfTooLarge(DocumentTooLarge):
    """A PDF with more pages than a proposal has: said with its count and the limit."""


def blocks_from_pdf(data: bytes) -> list[Block]:
    """The document's lines and tables in reading order, headings marked, paragraphs apart.

    Raises ImportError without pdfplumber, PdfTooLarge, and ValueError for a file that is not a
    PDF that can be read."""
    import pdfplumber  # optional: only for .pdf

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # pdfminer raises several kinds for a file that is no PDF, or a broken one
        raise ValueError(str(exc) or type(exc).__name__) from None
    with pdf:
        try:
            pages = pdf.pages
        except Exception as exc:  # noqa: BLE001 - as above
            raise ValueError(str(exc) or type(exc).__name__) from None
        if len(pages) > MAX_PDF_PAGES:
            raise PdfTooLarge(f"it has {len(pages)} pages, more than the {MAX_PDF_PAGES} a document may have; "
                              "split it, or save it as text")
        try:
            return _blocks([_page(page) for page in pages])
        except Exception as exc:  # noqa: BLE001 - a broken page: pdfminer raises several kinds
            raise ValueError(str(exc) or type(exc).__name__) from None


# A page as read: ("line", top, bottom, size, bold, text) and ("table", top, bottom, rows).
_Item = tuple


def _page(page) -> list[_Item]:
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    items: list[_Item] = []
    for t in tables:
        rows = [[" ".join((cell or "").split()) for cell in row] for row in t.extract()]
        items.append(("table", t.bbox[1], t.bbox[3], [r for r in rows if any(r)]))
    for line in page.extract_text_lines(return_chars=True):
        middle = (line["top"] + line["bottom"]) / 2
        if any(x0 <= line["x0"] <= x1 and top <= middle <= bottom for x0, top, x1, bottom in boxes):
            continue  # read as part of its table
        chars = [c for c in line["chars"] if c["text"].strip()]
        if not chars:
            continue
        size = Counter(round(c["size"], 1) for c in chars).most_common(1)[0][0]
        bold = all("bold" in (c.get("fontname") or "").lower() for c in chars)
        items.append(("line", line["top"], line["bottom"], size, bold, " ".join(line["text"].split())))
    return sorted(items, key=lambda item: item[1])


def _blocks(pages: list[list[_Item]]) -> list[Block]:
    sizes = Counter(item[3] for page in pages for item in page if item[0] == "line")
    body = sizes.most_common(1)[0][0] if sizes else 0
    # A heading's level by its size: the largest is 1; a bold line of the body's size is the deepest.
    larger = sorted({size for size in sizes if size > body + 0.5}, reverse=True)
    blocks: list[Block] = []

    def blank() -> None:
        if blocks and blocks[-1].text:
            blocks.append(Block(""))

    for page in pages:
        last_bottom: float | None = None
        was_heading = False
        for item in page:
            if item[0] == "table":
                blank()
                blocks.extend(Block("\t".join(row)) for row in item[3])
                blank()
                last_bottom, was_heading = None, False
                continue
            _, top, bottom, size, bold, text = item
            if _PAGE_NUMBER.match(text):
                continue
            heading = size > body + 0.5 or (bold and len(text) <= _HEADING_LENGTH and not text.endswith("."))
            gap = top - last_bottom if last_bottom is not None else None
            if gap is None or gap > 0.8 * size or heading != was_heading:
                blank()
            level = (larger.index(size) + 1 if size in larger else len(larger) + 1) if heading else 0
            blocks.append(Block(text, heading, level))
            last_bottom, was_heading = bottom, heading
        blank()
    return blocks
