"""Positions between our spans (1-based, characters) and the protocol's (0-based, code units)."""

from __future__ import annotations

from lsprotocol.types import Position, PositionEncodingKind, Range
from pygls.workspace.position_codec import PositionCodec

from budsjett_lint.checker.editor.server import LineIndex
from budsjett_lint.dsl.model import Span

TEXT = 'item "😀 Ø"\r\nline two\rthree\x0cstill three\u2028still three\nend'


def index(encoding=PositionEncodingKind.Utf16) -> LineIndex:
    return LineIndex(TEXT, PositionCodec(encoding))


def test_lines_break_at_crlf_cr_and_lf_only():
    assert index().starts == [0, 12, 21, 51]


def test_utf16_counts_an_emoji_as_two_units():
    ix = index()
    assert ix.position(TEXT.index("Ø")) == Position(0, 9)
    assert ix.range(Span(1, 6, 1, 11)) == Range(Position(0, 5), Position(0, 11))


def test_utf8_and_utf32():
    assert index(PositionEncodingKind.Utf8).position(TEXT.index("Ø")) == Position(0, 11)
    assert index(PositionEncodingKind.Utf32).position(TEXT.index("Ø")) == Position(0, 8)


def test_offsets_round_trip():
    ix = index()
    for offset in range(len(TEXT) + 1):
        if TEXT[offset - 1: offset + 1] == "\r\n" or TEXT[offset - 1: offset] in ("\r", "\n"):
            continue  # a position can only name the end of a line, not a place inside its break
        assert ix.offset(ix.position(offset)) == offset, offset


def test_form_feed_and_line_separator_stay_on_their_line():
    ix = index()
    assert ix.position(TEXT.index("end")) == Position(3, 0)
    assert ix.line_column(Position(2, 6)) == (3, 7)


def test_positions_outside_the_text_are_kept_inside_it():
    ix = index()
    assert ix.position_at(1, 999) == Position(0, 11)
    assert ix.position_at(99, 1) == Position(3, 3)
    assert ix.offset(Position(0, 999)) == TEXT.index("\r")
    assert ix.offset(Position(99, 0)) == len(TEXT)
    assert ix.position(10_000) == Position(3, 3)
