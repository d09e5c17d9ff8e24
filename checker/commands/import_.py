"""`budsjett-lint import DOCUMENT [-o FILE]`: a first draft of a .budsjett file from the proposal document.

Reads plain text, Markdown (`.md`) or a Word document (`.docx`, with the
optional python-docx: `pip install 'budsjett-lint[import]'`), writes the
formatted draft to standard output or FILE, and a short report to standard
error. Exit codes: 0 the draft was written, 2 the document or FILE could not
be read or written.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path

from ..config import ConfigError, find_config, load_config
from ..engine import decode
from ..escaping import visible
from ..files import ReadError, read_bytes, write_atomic
from ..formatter import FormatterError, SyntaxErrors
from ..importer import Block, blocks_from_markdown, blocks_from_text, import_blocks

_FORMATS = {".md": "markdown", ".markdown": "markdown", ".docx": "docx"}


def add_arguments(p: argparse.ArgumentParser, name: str) -> None:
    p.add_argument("document", metavar="DOCUMENT",
                   help="the proposal: a .txt, .md or .docx file, or - for text on standard input")
    p.add_argument("--output", "-o", metavar="FILE", help="write the draft to FILE instead of standard output")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    p.add_argument("--from", dest="kind", choices=["text", "markdown", "docx"],
                   help="how to read DOCUMENT (default: by its extension; text otherwise)")


def run(args: argparse.Namespace) -> int:
    if args.output and Path(args.output).is_dir():
        return _error(f"{args.output}: is a folder; give the name of the file to write")
    if args.output and os.path.lexists(args.output) and not args.force:  # a dangling link exists too
        return _error(f"{args.output}: exists; the draft is not written over it (use --force to replace it)")
    try:
        config = load_config(find_config(Path(args.output).parent if args.output else Path.cwd()))
        data = read_bytes(args.document, config.max_file_size)
    except (ConfigError, ReadError) as exc:
        return _error(str(exc))
    kind = args.kind or _FORMATS.get(Path(args.document).suffix.lower(), "text")
    if kind == "docx":
        try:
            blocks = blocks_from_docx(data)
        except ImportError:
            return _error(f"{args.document}: reading a Word document needs python-docx: "
                          "pip install 'budsjett-lint[import]' (or save the document as text)")
        except ValueError as exc:
            return _error(f"{args.document}: not a Word document (.docx) that can be read: {exc}")
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


def blocks_from_docx(data: bytes) -> list[Block]:
    """A Word document's paragraphs and tables, in order: a heading style marks a heading,
    a table row becomes one line with its cells separated by tabs, a blank line between paragraphs."""
    import docx  # optional: only for .docx

    try:
        return _docx_blocks(docx.Document(io.BytesIO(data)))
    except Exception as exc:  # python-docx raises several kinds for a file that is no .docx, or a broken one
        raise ValueError(str(exc) or type(exc).__name__) from None


def _docx_blocks(document) -> list[Block]:
    from docx.table import Table

    blocks: list[Block] = []
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            for row in item.rows:
                cells = [" ".join(cell.text.split()) for cell in row.cells]
                if any(cells):
                    blocks.append(Block("\t".join(cells)))
        else:
            style = (item.style.name if item.style is not None else "") or ""
            heading = style.lower().startswith(("heading", "title", "overskrift", "tittel"))
            for line in item.text.split("\n"):
                blocks.append(Block(line.rstrip(), heading and bool(line.strip())))
        blocks.append(Block(""))
    return blocks


def _error(message: str) -> int:
    print(f"budsjett-lint: error: {visible(message)}", file=sys.stderr)
    return 2
