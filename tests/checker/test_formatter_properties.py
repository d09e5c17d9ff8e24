"""Properties of the formatter on generated documents: it keeps the meaning and every
comment, and a second run changes nothing, whatever the line ends and options."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from budsjett_lint.checker.config import FormatOptions
from budsjett_lint.checker.editor.formatter import comment_texts, format_text, meaning
from budsjett_lint.dsl import parse
from tests.strategies_layout import documents

options = st.builds(FormatOptions, indent=st.integers(1, 8), align=st.booleans())
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(documents(), options)
def test_formatting_keeps_the_meaning_and_every_comment_and_is_idempotent(text, opts):
    before = parse(text).budget
    once = format_text(text, opts)
    after = parse(once)
    assert after.problems == ()
    assert meaning(after.budget) == meaning(before)
    assert comment_texts(after.budget) == comment_texts(before)
    assert format_text(once, opts) == once
    assert once.endswith("\n") and not any(line != line.rstrip(" \t") for line in once.split("\n"))


@settings(SETTINGS, max_examples=50)
@given(documents())
def test_crlf_stays_crlf_and_formats_like_lf(text):
    crlf = text.replace("\n", "\r\n")
    out = format_text(crlf)
    assert out == format_text(text).replace("\n", "\r\n")
    assert "\n" not in out.replace("\r\n", "")


@settings(SETTINGS, max_examples=30)
@given(documents())
def test_a_byte_order_mark_is_kept(text):
    out = format_text("\ufeff" + text)
    assert out == "\ufeff" + format_text(text)
