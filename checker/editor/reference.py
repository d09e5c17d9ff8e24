"""The language reference for hover on a keyword, taken from `docs/language.md`.

The reference page is the one source: what it says of a keyword (the rows of
its tables whose first cell starts with the keyword, the bullets and the
sentences that begin with it) is what the editor shows when the cursor rests
on the keyword. The package does not carry `docs/`, so the texts are kept in
`_reference.py`, written by this module and checked fresh by
`tests/editors/test_reference.py`:

    python -m budsjett_lint.checker.editor.reference docs/language.md
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

_CODE = re.compile(r"`([^`]+)`")
_WORD = re.compile(r"[a-z][a-z-]*")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
#: Sections about other things than writing the language.
_NOT_REFERENCE = frozenset({"The model as JSON", "Grammar", "Errors"})


def _keyword(code: str) -> str | None:
    """The keyword a piece of code starts with (`heading 3.5` -> heading)."""
    m = _WORD.match(code)
    return m.group() if m else None


def _cells(row: str) -> list[str]:
    return [c.strip() for c in row.strip().strip("|").split("|")]


def build(markdown: str, keywords: frozenset[str]) -> dict[str, str]:
    """For each keyword the page documents: its lines of the page, under the heading they stand in."""
    found: dict[str, list[str]] = {}
    heading = ""
    header: list[str] = []
    in_code = False
    paragraph: list[str] = []

    def add(word: str | None, text: str) -> None:
        text = _LINK.sub(r"\1", text)  # the page's own links lead nowhere in a hover
        if word in keywords and heading not in _NOT_REFERENCE:
            lines = found.setdefault(word, [])
            line = f"{text} *({heading})*" if heading else text
            if line not in lines:
                lines.append(line)

    def flush() -> None:
        text = " ".join(paragraph)
        paragraph.clear()
        if text.startswith("- "):
            m = _CODE.match(text[2:])
            if m:
                add(_keyword(m.group(1)), text[2:])
            return
        for sentence in re.split(r"(?<=[.;:])\s+(?=[A-Z`])", text):
            m = re.match(r"(?:An? |The )?`([^`]+)`", sentence)
            if m:
                add(_keyword(m.group(1)), sentence)

    for raw in markdown.splitlines():
        line = raw.rstrip()
        if line.startswith("```"):
            in_code = not in_code
            flush()
            continue
        if in_code:
            continue
        if line.startswith("#"):
            flush()
            heading = line.lstrip("#").strip()
            continue
        if line.startswith("|"):
            flush()
            cells = _cells(line)
            if all(set(c) <= set("-: ") for c in cells):
                continue
            if not header:
                header = cells
                continue
            first, *rest = cells
            text = first + (f" — {rest[0]}" if rest else "") + "".join(
                f"; {h}: {c}" for h, c in zip(header[2:], rest[1:]) if c)
            for code in _CODE.findall(first):
                for word in _WORD.findall(code):
                    add(word, text)
            continue
        header = []  # a table ends at the first line that is not one of its rows
        if not line.strip() or line.startswith("- "):
            flush()
        if line.strip():
            paragraph.append(line.strip())
    flush()
    return {word: "\n\n".join(lines) for word, lines in sorted(found.items())}


def module_text(reference: dict[str, str]) -> str:
    body = "".join(f"    {word!r}: {text!r},\n" for word, text in reference.items())
    return ('"""Generated from docs/language.md by `python -m budsjett_lint.checker.editor.reference`;\n'
            'do not edit: edit the page and run it again."""\n\n'
            f"REFERENCE: dict[str, str] = {{\n{body}}}\n")


def main(argv: list[str] | None = None) -> int:
    from .lexer import KEYWORDS, VALUE_WORDS

    [page] = argv if argv is not None else sys.argv[1:]
    reference = build(Path(page).read_text(encoding="utf-8"), KEYWORDS | frozenset(VALUE_WORDS))
    target = Path(__file__).with_name("_reference.py")
    target.write_text(module_text(reference), encoding="utf-8")
    print(f"wrote {target}: {len(reference)} keywords")
    return 0


if __name__ == "__main__":
    sys.exit(main())
