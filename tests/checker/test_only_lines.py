"""`only_lines`: what a report keeps of a large file's text, the lines it shows."""

from __future__ import annotations

from budsjett_lint.checker.cli.check import only_lines
from hypothesis import given
from hypothesis import strategies as st


@given(st.lists(st.sampled_from(["", "a", "item \"X\" oppvekst 2020=1", " æ ø "]), min_size=1, max_size=12),
       st.sets(st.integers(-1, 14), max_size=5))
def test_the_shown_lines_stay_in_their_places_and_the_others_are_empty(lines, shown):
    text = "\n".join(lines)
    kept = only_lines(text, shown)
    assert kept.split("\n") == [line if n in shown else "" for n, line in enumerate(lines, 1)]
