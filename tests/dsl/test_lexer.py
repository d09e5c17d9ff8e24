"""`dsl.lexer.Lexer` gives what lark's own basic lexer gives: the same tokens with
the same positions, the same comments to the callback, the same errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from budsjett_lint.dsl.lexer import Lexer
from budsjett_lint.dsl.parser import _GRAMMAR, _OPTIONS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lark import Lark
from lark.exceptions import UnexpectedCharacters
from lark.lexer import BasicLexer, LexerState
from lark.utils import TextSlice

from tests.conftest import SEED
from tests.strategies import documents, mutated

ROOT = Path(__file__).resolve().parents[2]
FILES = [ROOT / "proposal.budsjett", *sorted((ROOT / "tests" / "bad").glob("*.budsjett"))]


class _Lexers:
    """Ours and lark's, each over the grammar with a callback that keeps the comments."""

    def __init__(self) -> None:
        self.comments: dict[type, list] = {}
        self.lexers = {}
        for kind in (Lexer, BasicLexer):
            kept: list = []
            lark = Lark(_GRAMMAR, **{**_OPTIONS, "lexer": kind if kind is Lexer else "basic"},
                        lexer_callbacks={"COMMENT": kept.append})
            assert type(lark.parser.lexer) is kind
            self.comments[kind], self.lexers[kind] = kept, lark.parser.lexer

    def run(self, kind: type, text: str, start: int = 0) -> tuple:
        """Every token, the comments, and the error or the position where it stopped."""
        self.comments[kind].clear()
        state = LexerState(TextSlice(text, start, len(text)))
        tokens, error = [], None
        try:
            for t in self.lexers[kind].lex(state, None):
                tokens.append((t.type, str(t), t.start_pos, t.line, t.column, t.end_line, t.end_column, t.end_pos))
        except UnexpectedCharacters as exc:
            error = (exc.pos_in_stream, exc.line, exc.column, exc.char, sorted(exc.allowed),
                     [str(t) for t in exc.token_history or ()])
        comments = [(str(t), t.start_pos, t.line, t.column, t.end_line, t.end_column, t.end_pos)
                    for t in self.comments[kind]]
        counter = state.line_ctr
        return tokens, comments, error, (counter.char_pos, counter.line, counter.column, counter.line_start_pos)

    def same(self, text: str, start: int = 0) -> tuple:
        ours = self.run(Lexer, text, start)
        assert ours == self.run(BasicLexer, text, start)
        return ours


@pytest.fixture(scope="module")
def lexers() -> _Lexers:
    return _Lexers()


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_proposal_and_the_bad_corpus_lex_as_lark_lexes_them(lexers, path):
    lexers.same(path.read_text(encoding="utf-8", errors="replace"))


def test_the_seed_document_is_not_budsjett_and_fails_where_lark_fails(lexers):
    tokens, _, error, _ = lexers.same(SEED.read_text(encoding="utf-8"))
    assert error is not None and tokens  # it reads a few words, then meets a character no terminal allows


def test_keywords_comments_positions_and_a_slice(lexers):
    text = ('budget "T" period 2020..2021  # a comment\r\n'
            'item "Ny linje" oppvekst 2020=1 2021=?\n  halfyear\n  text """\n  to linjer\n  """\n'
            'item "B" halfyearly 2020=1\n')
    tokens, comments, error, _ = lexers.same(text)
    assert error is None
    assert ("HALFYEAR", "halfyear", 84, 3, 3, 3, 11, 92) in tokens  # a keyword, not a bare word
    assert any(t[:2] == ("IDENT", "halfyearly") for t in tokens)
    assert comments == [("# a comment", 30, 1, 31, 1, 42, 41)]
    lexers.same(text, start=text.index("item"))  # a statement of its own, as recovery lexes it


def test_an_error_names_the_place_and_what_was_allowed(lexers):
    tokens, _, error, counter = lexers.same('item "A" oppvekst 2020=1 § 2021=2\n')
    assert [t[1] for t in tokens] == ["item", '"A"', "oppvekst", "2020=1"]
    assert error[:4] == (25, 1, 26, "§")
    assert counter[0] == 25


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(documents(), mutated()))
def test_generated_and_broken_documents_lex_as_lark_lexes_them(lexers, text):
    lexers.same(text)
