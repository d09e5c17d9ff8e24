"""A Pygments lexer for the budsjett language, and the language's vocabulary.

Registered as a Pygments plugin (`pygmentize -l budsjett FILE`, and ```budsjett
blocks in documentation). The `full` report colours source excerpts with it,
and the editor server reads the token before the cursor to decide what to
complete.

The tokens follow the terminals of `dsl/budsjett.lark` and are as lenient as
they are, so that a file with a wrong figure still lexes; only characters the
grammar has no terminal for become `Error` tokens. A name whose closing quote
is missing runs to the end of its line, as the editor shows it while typing.
"""

from __future__ import annotations

from pygments.lexer import RegexLexer, bygroups, words
from pygments.token import (
    Comment,
    Error,
    Keyword,
    Name,
    Number,
    Operator,
    String,
    Whitespace,
)

from ...dsl.model import BUILTIN_SECTORS
from ...dsl.parser import ATTRIBUTES, STATEMENT_KEYWORDS

__all__ = ["ATTRIBUTES", "BudsjettLexer", "Error", "KEYWORDS", "STATEMENT_KEYWORDS", "VALUE_WORDS"]


#: Words that stand for a value: `cost none`, `unit mill`, `unit kr`.
VALUE_WORDS = ("none", "mill", "tusen", "kr")

#: Every reserved word of the language.
KEYWORDS = frozenset(STATEMENT_KEYWORDS) | {a for attrs in ATTRIBUTES.values() for a in attrs}

_WORD_END = r"(?![\w-])"
_YEARS = r"-?\d+(?:\.\.-?\d+)?"


class BudsjettLexer(RegexLexer):
    """Budget proposals in the budsjett language."""

    name = "Budsjett"
    aliases = ["budsjett"]
    filenames = ["*.budsjett"]
    mimetypes = ["text/x-budsjett"]

    tokens = {
        "root": [
            (r"[ \t\f\r\n\ufeff]+", Whitespace),
            (r'"""', String.Doc, "prose"),
            (r'"[^"\n]*"?', String),
            (r"#\s*budsjett-lint:[^\n]*", Comment.Special),
            (r"#[^\n]*", Comment.Single),
            (words(sorted(STATEMENT_KEYWORDS, key=len, reverse=True), suffix=_WORD_END), Keyword),
            (words(sorted(KEYWORDS - STATEMENT_KEYWORDS, key=len, reverse=True), suffix=_WORD_END), Name.Attribute),
            (words(VALUE_WORDS, suffix=_WORD_END), Keyword.Constant),
            (words([s.id for s in BUILTIN_SECTORS], suffix=_WORD_END), Name.Builtin),
            # Amounts: `2020=3.5`, `2022..2023=5`, `2021=?`, `2020=400 000 kr` (the value is checked by the parser).
            (rf"({_YEARS})(=)(\?)", bygroups(Number.Integer, Operator, Keyword.Constant)),
            (rf"({_YEARS})(=)(-?\d{{1,3}}(?: \d{{3}})+ ?kr\b|[^\s#\"]*(?: kr\b)?)",
             bygroups(Number.Integer, Operator, Number)),
            # Figures, years, periods and dates: `3.5`, `400 000 kr`, `2020..2023`, `2021-07`.
            (r"-?\d{1,3}(?: \d{3})+ ?kr\b|-?\d[\w.,+-]*(?: kr\b)?", Number),
            (r"<->|->|=", Operator),
            (r"\?", Keyword.Constant),
            (r"[^\W\d][\w-]*", Name),  # area ids
        ],
        "prose": [
            (r'"""', String.Doc, "#pop"),
            (r'(?:[^"]|"(?!""))+', String.Doc),
        ],
    }
