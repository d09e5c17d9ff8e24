"""A bidi control or another invisible character in a name or a text, or a bidi control in a comment.

## What it does
Reports a name or a text that holds an invisible format character: a bidi
control (U+202A to U+202E, U+2066 to U+2069, U+200E, U+200F, U+061C), a
zero-width space, joiner or non-joiner (U+200B to U+200D), a word joiner
(U+2060), a byte-order mark inside the text (U+FEFF), a soft hyphen (U+00AD)
or any other character of Unicode's category Cf. One finding for each name or
text, at the first such character, naming every one it holds.

A comment is reported for a bidi control only. A comment is the author's own
note, not the document's words: a zero-width joiner there may belong to an
emoji, and no invisible character in it changes what a line says or how it
is found. A bidi control does change how the comment displays, and a comment
is where a reviewer reads why a figure is what it is (`# the document gives
no figure`) and where a suppression stands (`# budsjett-lint: ignore[...]`):
a right-to-left override can make either show something it does not say, the
"Trojan Source" trick that compilers now report in comments too.

## Why
A right-to-left override makes a line display as something it does not say
(`"Skole<U+202E>tsok"` shows as `Skolekost`), and a zero-width space makes
two names that look alike different: one line is not found by a link, or is
counted twice. Text pasted from a PDF or a web page carries them unseen.
Names are compared without them (STR012), but what a reader sees must be what
the file says.

## Example
The name ends in a zero-width space, which no editor shows:
```budsjett
budget "Eksempel" period 2020..2021
item "Kulturskolen​" oppvekst 2020=1
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2021
item "Kulturskolen" oppvekst 2020=1
```
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from ..dsl.model import INVISIBLE, Budget, Name, Prose, Span, holds_invisible
from .base import Finding, NoOptions

CODE = "TXT010"
NAME = "invisible-character"
SEVERITY = "error"
SUMMARY = "A bidi control or another invisible character in a name or a text"
Options = NoOptions

_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _invisible(text: str) -> list[int]:
    """The offsets of the invisible format characters in `text`."""
    if text.isascii():
        return []
    return [m.start() for m in INVISIBLE.finditer(text)]


def _describe(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X}" + (f" ({name.lower()})" if name else "")


def _place(span: Span, raw: str, at: int, quote: int) -> Span:
    """The span of the character `at` of `raw`, which starts `quote` characters into `span`."""
    before = raw.rfind("\n", 0, at)
    line = span.line + raw.count("\n", 0, at)
    column = span.column + quote + at if before < 0 else at - before
    start = span.start + quote + at
    return Span(line, column, line, column + 1, start, start + 1)


_TEXT_FIELDS: dict[Any, tuple[str, ...]] = {}


def _text_fields(kind: Any) -> tuple[str, ...]:
    """The fields of a kind of statement that hold a name or a text."""
    fields = _TEXT_FIELDS.get(kind)
    if fields is None:  # read from the annotations as written ("Name | None"): evaluating them costs ms
        fields = _TEXT_FIELDS[kind] = tuple(f.name for f in dataclasses.fields(kind)
                                            if {"Name", "Prose"} & set(re.findall(r"\w+", str(f.type))))
    return fields


def _texts(budget: Budget) -> Iterator[tuple[str, str, Span, int]]:
    """(what it is, its text, its span, where the text starts in the span) of every name and text."""
    for stmt in budget.statements:
        for field in _text_fields(type(stmt)):
            value = getattr(stmt, field)
            if isinstance(value, Name):
                yield "name", value.text, value.span, 1
            elif isinstance(value, Prose):
                yield "text", value.raw, value.span, 3 if value.block else 1


def _comments(budget: Budget) -> Iterator[tuple[str, str, Span, int]]:
    """Every comment, as `_texts` gives names and texts; only its bidi controls count."""
    for comment in budget.comments:
        if not comment.text.isascii() and any(ch in _BIDI for ch in comment.text):
            yield "comment", comment.text, comment.span, 0


def check(budget: Budget, options: NoOptions) -> Iterator[Finding]:
    if budget.text and not holds_invisible(budget.text):
        return  # none in the file, so none in its names, texts and comments: most files, read in C
    for what, text, span, quote in itertools.chain(_texts(budget), _comments(budget)):
        found = [i for i in _invisible(text) if what != "comment" or text[i] in _BIDI]
        if not found:
            continue
        chars = list(dict.fromkeys(text[i] for i in found))
        bidi = any(ch in _BIDI for ch in chars)
        words = ", ".join(_describe(ch) for ch in chars)
        kind = "a bidi control" if bidi else "an invisible character"
        count = f"{len(found)} invisible characters" if len(found) > 1 else kind
        message = f"this {what} holds {count}: {words}"
        if bidi:
            message += "; it may display as something other than what it says"
        hint = ("remove it: a comment should display as it reads" if what == "comment" else
                "remove it: names and texts are the document's words as written, in plain letters")
        yield Finding(message, _place(span, text, found[0], quote), hint)
