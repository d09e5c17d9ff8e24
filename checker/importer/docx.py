"""Reading a Word document for `import`: its paragraphs and tables, as `Block`s.

With the optional python-docx (`pip install 'budsjett-lint[import]'`). A heading style marks
a heading (its number, `Heading 2`, its level); a table row becomes one line with its cells
separated by tabs. The document is measured before it is read: a zip bomb, or millions of
empty paragraphs in a few kilobytes, is refused with its size and the limit.
"""

from __future__ import annotations

import io
import re

from .draft import Block, DocumentTooLarge

#: What a Word document may hold, uncompressed: a council's proposal is a few megabytes of XML and a few
#: thousand paragraphs; a zip bomb is gigabytes, or millions of empty paragraphs in a few kilobytes.
MAX_DOCX_UNCOMPRESSED = 200_000_000
MAX_DOCX_XML = 50_000_000
MAX_DOCX_PARAGRAPHS = 50_000
#: The start of a paragraph or a table cell in the document's XML, counted before it is parsed.
_PARAGRAPH_OR_CELL = re.compile(rb"<(?:[\w.-]+:)?(?:p|tc)[\s/>]")


class DocxTooLarge(DocumentTooLarge):
    """A Word document larger than the limits: said with its size and the limit."""


def blocks_from_docx(data: bytes) -> list[Block]:
    """A Word document's paragraphs and tables, in order: a heading style marks a heading,
    a table row becomes one line with its cells separated by tabs, a blank line between paragraphs.

    The zip's members are measured before anything is unpacked (zipfile never unpacks more than a member
    says it holds), and the paragraphs and table cells counted before they are read."""
    import docx  # optional: only for .docx

    _check_docx_sizes(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several kinds for a file that is no .docx, or a broken one
        raise ValueError(str(exc) or type(exc).__name__) from None
    try:
        return _docx_blocks(document)
    except Exception as exc:  # noqa: BLE001 - as above: a broken document
        raise ValueError(str(exc) or type(exc).__name__) from None


def _check_docx_sizes(data: bytes) -> None:
    import zipfile

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ValueError(str(exc) or type(exc).__name__) from None
    total = sum(m.file_size for m in members)
    xml = sum(m.file_size for m in members if m.filename.lower().endswith((".xml", ".rels")))
    if total > MAX_DOCX_UNCOMPRESSED:
        raise DocxTooLarge(f"it unpacks to {_mb(total)}, more than the {_mb(MAX_DOCX_UNCOMPRESSED)} "
                           "a document may have; save it as text")
    if xml > MAX_DOCX_XML:
        raise DocxTooLarge(f"its text and layout (XML) unpack to {_mb(xml)}, more than the {_mb(MAX_DOCX_XML)} "
                           "a document may have; save it as text")
    body = next((m for m in members if m.filename == "word/document.xml"), None)
    if body is not None:
        try:
            count = len(_PARAGRAPH_OR_CELL.findall(archive.read(body)))
        except Exception as exc:  # noqa: BLE001 - a broken member: zipfile raises several kinds
            raise ValueError(str(exc) or type(exc).__name__) from None
        if count > MAX_DOCX_PARAGRAPHS:
            raise DocxTooLarge(f"it has {count} paragraphs and table cells, more than the {MAX_DOCX_PARAGRAPHS} "
                               "a document may have; split it, or save it as text")


def _mb(size: int) -> str:
    return f"{round(size / 1_000_000, 1):g} MB"


def _docx_blocks(document) -> list[Block]:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.table import Table

    # A paragraph's style by its id, from a table made once: python-docx's `paragraph.style` searches
    # every style of the document for each paragraph (milliseconds each: minutes for a long document).
    names = {s.style_id: s.name or "" for s in document.styles if s.type == WD_STYLE_TYPE.PARAGRAPH}
    default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    default_name = (default.name or "") if default is not None else ""
    blocks: list[Block] = []
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            for row in item.rows:
                cells = [" ".join(cell.text.split()) for cell in row.cells]
                if any(cells):
                    blocks.append(Block("\t".join(cells)))
        else:
            style_id = item._p.style
            style = names.get(style_id, default_name) if style_id else default_name
            heading = style.lower().startswith(("heading", "title", "overskrift", "tittel"))
            level = int(m.group()) if heading and (m := re.search(r"\d+$", style.strip())) else 0
            for line in item.text.split("\n"):
                blocks.append(Block(line.rstrip(), heading and bool(line.strip()), level if heading else 0))
        blocks.append(Block(""))
    return blocks
