"""`budsjett-lint import DOCUMENT [-o FILE]`: a first draft of a .budsjett file from the proposal document.

Reads plain text, Markdown (`.md`), a Word document (`.docx`, with the
optional python-docx) or a PDF (`.pdf`, with the optional pdfplumber; both:
`pip install 'budsjett-lint[import]'`; `checker/importer/docx.py`, `pdf.py`), writes the
formatted draft to standard output or FILE, and a short report to standard
error. Exit codes: 0 the draft was written, 2 the document or FILE could not
be read or written.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..config import ConfigError, config_at
from ..diagnostics import one_line
from ..engine import decode
from ..escaping import visible
from ..files import ReadError, read_named, write_atomic
from ..editor.formatter import FormatterError, SyntaxErrors
from ..importer.draft import DocumentTooLarge, blocks_from_markdown, blocks_from_text, import_blocks
from ..importer.docx import blocks_from_docx
from ..importer.pdf import blocks_from_pdf

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
        config = config_at(Path(args.output).parent if args.output else Path.cwd())
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
            print(visible(one_line(args.document, problem.span, problem.code, problem.message)), file=sys.stderr)
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


def _error(message: str) -> int:
    print(f"budsjett-lint: error: {visible(message)}", file=sys.stderr)
    return 2
