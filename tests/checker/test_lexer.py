"""The Pygments lexer: no error tokens on real text, the right token for each part, found as a plugin."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pygments.lexers import get_lexer_by_name, get_lexer_for_filename
from pygments.token import Comment, Error, Keyword, Name, Number, Operator, String

from budsjett_lint.checker.editor.lexer import ATTRIBUTES, KEYWORDS, STATEMENT_KEYWORDS, VALUE_WORDS, BudsjettLexer
from tests.conftest import PROPOSAL, ROOT, budsjett_blocks
from tests.strategies import documents

DOCS = [ROOT / "docs" / "language.md", *sorted((ROOT / "docs" / "rules").glob("*.md"))]
BLOCKS = [(f"{path.name}#{i}", block) for path in DOCS
          for i, block in enumerate(budsjett_blocks(path.read_text(encoding="utf-8")))]


def tokens(text: str) -> list[tuple[object, str]]:
    return [(t, v) for _, t, v in BudsjettLexer().get_tokens_unprocessed(text) if v.strip()]


def errors(text: str) -> list[tuple[int, str]]:
    return [(i, v) for i, t, v in BudsjettLexer().get_tokens_unprocessed(text) if t in Error]


def test_the_documentation_has_examples_to_lex():
    assert len(BLOCKS) >= 20


@pytest.mark.parametrize("block", [b for _, b in BLOCKS], ids=[name for name, _ in BLOCKS])
def test_no_error_token_in_documented_examples(block):
    assert errors(block) == []


@pytest.mark.skipif(not PROPOSAL.exists(), reason="proposal.budsjett is not written yet")
def test_no_error_token_in_the_proposal():
    assert errors(PROPOSAL.read_text(encoding="utf-8")) == []


def test_characters_outside_the_language_are_errors():
    assert errors('item "A" oppvekst 2020=1 @ ;') == [(25, "@"), (27, ";")]


def test_each_part_gets_its_token():
    text = ('item "Toppet # bemanning" oppvekst 2020=3.5 2021..2022=? halfyear heading 1\n'
            '  text """\n    # not a comment, "quoted"\n  """  # a note\n'
            '# budsjett-lint: ignore[BAL001]\n'
            'offset "A" <-> "B"\n'
            'budget "X" period 2020..2023 unit kr\n'
            'directive "D" byutvikling cost none funded-by "Pott\n')
    assert tokens(text) == [
        (Keyword, "item"), (String, '"Toppet # bemanning"'), (Name.Builtin, "oppvekst"),
        (Number.Integer, "2020"), (Operator, "="), (Number, "3.5"),
        (Number.Integer, "2021..2022"), (Operator, "="), (Keyword.Constant, "?"),
        (Name.Attribute, "halfyear"), (Name.Attribute, "heading"), (Number, "1"),
        (Name.Attribute, "text"), (String.Doc, '"""'), (String.Doc, '\n    # not a comment, "quoted"\n  '),
        (String.Doc, '"""'), (Comment.Single, "# a note"),
        (Comment.Special, "# budsjett-lint: ignore[BAL001]"),
        (Keyword, "offset"), (String, '"A"'), (Operator, "<->"), (String, '"B"'),
        (Keyword, "budget"), (String, '"X"'), (Name.Attribute, "period"), (Number, "2020..2023"),
        (Name.Attribute, "unit"), (Keyword.Constant, "kr"),
        (Keyword, "directive"), (String, '"D"'), (Name, "byutvikling"), (Name.Attribute, "cost"),
        (Keyword.Constant, "none"), (Name.Attribute, "funded-by"), (String, '"Pott'),
    ]


def test_kroner_amounts_are_one_number():
    assert tokens('item "Ung i jobb" finans 2020..2023=400 000 kr total 1 200 000 kr') == [
        (Keyword, "item"), (String, '"Ung i jobb"'), (Name.Builtin, "finans"),
        (Number.Integer, "2020..2023"), (Operator, "="), (Number, "400 000 kr"),
        (Name.Attribute, "total"), (Number, "1 200 000 kr"),
    ]


def test_keywords_inside_words_are_area_ids():
    assert tokens("exempt itemised to-do") == [(Name.Attribute, "exempt"), (Name, "itemised"), (Name, "to-do")]


def test_vocabulary_matches_the_grammar():
    grammar = (ROOT / "dsl" / "budsjett.lark").read_text(encoding="utf-8")
    literals = set(re.findall(r'"([a-z][a-z-]*)"', grammar))
    kinds = set(re.search(r"ENTRY_KIND\.\d+: /\((.*?)\)", grammar).group(1).split("|"))
    links = set(re.findall(r"LINK_\w+\.\d+: /(\w+)", grammar))
    assert literals | kinds | links == KEYWORDS | {"none"}
    assert kinds | links <= STATEMENT_KEYWORDS
    assert set(ATTRIBUTES) == STATEMENT_KEYWORDS - links - {"area"}  # links and areas take no attributes
    assert "none" in VALUE_WORDS


def test_registered_as_a_pygments_plugin():
    assert isinstance(get_lexer_by_name("budsjett"), BudsjettLexer)
    assert isinstance(get_lexer_for_filename("proposal.budsjett"), BudsjettLexer)


@settings(max_examples=50, deadline=None)
@given(documents())
def test_no_error_token_in_generated_documents(text):
    assert errors(text) == []


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_tokens_cover_any_text_exactly(text):
    assert "".join(v for _, _, v in BudsjettLexer().get_tokens_unprocessed(text)) == text
