"""`budsjett-lint import DOCUMENT [-o FILE]`: a first draft of a .budsjett file from the proposal document.

Reads plain text, Markdown (`.md`), a Word document (`.docx`, with the
optional python-docx) or a PDF (`.pdf`, with the optional pdfplumber; both:
`pip install 'budsjett-lint[import]'`, `pdf_reader.py`), writes the
formatted draft to standard output or FILE, and a short report to standard
error. Exit codes: 0 the draft was written, 2 the document or FILE could not
be read or written.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import sys
from pathlib import Path

from ..config import ConfigError, find_config, load_config
from ..engine import decode
from ..escaping import visible
from ..files import ReadError, read_named, write_atomic
from ..editor.formatter import FormatterError, SyntaxErrors
from ..importer import Block, DocumentTooLarge, blocks_from_markdown, blocks_from_text, import_blocks
from ..pdf_reader import blocks_from_pdf

_FORMATS = {".md": "markdown", ".markdown": "markdown", ".docx": "docx", ".pdf": "pdf"}
#: The formats read with an optional library: what the document is called, and the library.
_LIBRARIES = {"docx": ("a Word document", "a Word document (.docx)", "python-docx"),
              "pdf": ("a PDF", "a PDF", "pdfplumber")}


def add_arguments(p: argparse.ArgumentParser, name: str) -> None:
    p.add_argument("document", metavar="DOCUMENT",
                   help="the proposal: a .txt, .md, .docx or .pdf file, or - for text on standard input")
    p.add_argument("--output", "-o", metavar="FILE", help="write the draft to FILE instead of standard output")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    p.add_argument("--from", dest="kind", choices=["text", "markdown", "docx", "pdf"],
                   help="how to read DOCUMENT (default: by its extension; text otherwise)")


def run(args: argparse.Namespace) -> int:
    if args.output and Path(args.output).is_dir():
        return _error(f"{args.output}: is a folder; give the name of the file to write")
    if args.output and os.path.lexists(args.output) and not args.force:  # a dangling link exists too
        return _error(f"{args.output}: exists; the draft is not written over it (use --force to replace it)")
    try:
        config = load_config(find_config(Path(args.output).parent if args.output else Path.cwd()))
        data = read_named(args.document, config.max_file_size)
    except (ConfigError, ReadError) as exc:
        return _error(str(exc))
    kind = args.kind or _FORMATS.get(Path(args.document).suffix.lower(), "text")
    if kind in _LIBRARIES:
        what, named, library = _LIBRARIES[kind]
        try:
            blocks = (blocks_from_docx if kind == "docx" else blocks_from_pdf)(data)
        except ImportError:
            return _error(f"{args.document}: reading {what} needs {library}: "
                          "pip install 'budsjett-lint[import]' (or save the document as text)")
        except DocumentTooLarge as exc:
            return _error(f"{args.document}: {what} too large to read: {exc}")
        except ValueError as exc:
            return _error(f"{args.document}: not {named} that can be read: {exc}")
    else:
        text, problem = decode(data, args.document)
        if text is None:
            assert problem is not None
            print(visible(f"{args.document}:{problem.span.line}:{problem.span.column}: {problem.code} "
                          f"{problem.message}"), file=sys.stderr)
            return _error(f"{args.document}: not read; save it as UTF-8 text")
        blocks = blocks_from_markdown(text) if kind == "markdown" else blocks_from_text(text)
    try:
        draft = import_blocks(blocks, config.format)
    except (SyntaxErrors, FormatterError) as exc:  # pragma: no cover - a bug: the importer writes valid text
        return _error(f"{args.document}: the draft could not be written ({exc}). "
                      "This is a bug in budsjett-lint: please report it with the document")
    if args.output:
        try:
            write_atomic(args.output, draft.text.encode("utf-8"))
        except OSError as exc:
            return _error(f"{args.output}: cannot write: {exc.strerror or exc}")
    else:
        sys.stdout.write(draft.text)
        sys.stdout.flush()
    shown = "standard input" if args.document == "-" else visible(args.document)
    print(draft.report(shown), end="", file=sys.stderr)
    return 0


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


def _error(message: str) -> int:
    print(f"budsjett-lint: error: {visible(message)}", file=sys.stderr)
    return 2
