"""The lexer: lark's basic lexer, with its loop written out.

lark's `BasicLexer` finds each token with one regular expression for all the
terminals, and spends most of its time around it: a method call to match, a
`LineCounter` to feed, a `Token` built through a constructor that checks its
arguments, and the same again for the white space between every two tokens.
On `proposal.budsjett` (prose, comments) lexing was 5 of the 8.5 ms of the
parse, and a third of the parse of a large synthetic file.

`Lexer` is that same lexer, from the same terminals, the same pattern, the
same callbacks (the keyword lookup, the comments) and the same errors, with
the loop over the text in one generator: positions are kept in local
variables and written back to the lexer state before each token is handed to
the parser, which may read them. `tests/dsl/test_lexer.py` holds it to lark's
own lexer, token for token and error for error.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lark.exceptions import UnexpectedCharacters
from lark.lexer import BasicLexer, LexerState, Token

_token = Token._future_new  # the constructor without its check for a deprecated keyword


class Lexer(BasicLexer):
    """lark's basic lexer for this grammar; give the class as `lexer=` to `Lark`."""

    __future_interface__ = 2  # lark calls `lex(lexer_state, parser_state)`

    def lex(self, state: LexerState, parser_state: Any) -> Iterator[Token]:
        scanner = self.scanner
        if len(scanner._mres) != 1 or self.use_bytes:  # lark splits very large grammars: not this one
            yield from super().lex(state, parser_state)
            return
        match = scanner._mres[0].match
        text, end = state.text.text, state.text.end
        counter = state.line_ctr
        pos, line, line_start = counter.char_pos, counter.line, counter.line_start_pos
        ignore, newlines, callback = self.ignore_types, self.newline_types, self.callback
        while pos < end:
            m = match(text, pos, end)
            if m is None:
                counter.char_pos, counter.line, counter.line_start_pos = pos, line, line_start
                counter.column = pos - line_start + 1
                allowed = scanner.allowed_types - ignore or {"<END-OF-FILE>"}
                raise UnexpectedCharacters(text, pos, line, counter.column, allowed=allowed,
                                           token_history=state.last_token and [state.last_token],
                                           state=parser_state, terminals_by_name=self.terminals_by_name)
            kind, after = m.lastgroup, m.end()
            first_line, column = line, pos - line_start + 1
            if kind in newlines:
                value = m.group()
                count = value.count("\n")
                if count:
                    line += count
                    line_start = pos + value.rindex("\n") + 1
            if kind in ignore:
                if kind in callback:  # a comment: kept by its callback, not given to the parser
                    callback[kind](_token(kind, m.group(), pos, first_line, column, line, after - line_start + 1, after))
                pos = after
                continue
            token = _token(kind, m.group(), pos, first_line, column, line, after - line_start + 1, after)
            pos = after
            if kind in callback:
                token = callback[kind](token)  # a bare word that is a keyword becomes the keyword
            state.last_token = token
            counter.char_pos, counter.line, counter.line_start_pos = pos, line, line_start
            counter.column = pos - line_start + 1
            yield token
        counter.char_pos, counter.line, counter.line_start_pos = pos, line, line_start
        counter.column = pos - line_start + 1
