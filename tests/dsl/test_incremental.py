"""Reading again after an edit (`dsl.incremental.reparse`): the same as reading the whole new text,
node for node, after any edit; and only the statements an edit touched are read again."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from budsjett_lint.dsl import ParseResult, parse
from budsjett_lint.dsl import incremental
from budsjett_lint.dsl.incremental import moved, reparse
from budsjett_lint.dsl.model import Entry
from tests.strategies import documents

PROPOSAL = (Path(__file__).parents[2] / "proposal.budsjett").read_text(encoding="utf-8")

# What typing, deleting and pasting put in: pieces of the language, line ends, quotes that open
# and close text blocks, keywords at a line's start, attributes that join the line above.
PIECES = ['"', '"""', "#", "?", "=", "2020=", "2021=-1", "item ", "cover ", "\n", "\r\n", "\r", " heading 3 ",
          "<->", "æøå", "🙂", "\t", "-", " halfyear", 'cover "X" 2020=1\n', "\n  permanent", "  ", "..",
          'directive "D" kultur cost ?\n', "\ufeff", "\nbudget \"B\" period 2020..2023\n", " unit tusen",
          '\n  text """\n  3,5 millioner i 2021\n  """\n', "\nsection \"S\"\n", "\n\n"]
edits = st.tuples(st.floats(0, 1), st.integers(0, 12), st.lists(st.sampled_from(PIECES), max_size=3).map("".join))


def edited(text: str, edit) -> str:
    at, cut, insert = edit
    start = round(at * len(text))
    return text[:start] + insert + text[start + cut:]


def assert_same(got: ParseResult, text: str) -> None:
    want = parse(text)
    assert got.budget.text == want.budget.text
    assert got.problems == want.problems
    assert got.budget.comments == want.budget.comments
    assert got.budget.statements == want.budget.statements
    assert [e.by_year for e in got.budget.entries] == [e.by_year for e in want.budget.entries]


@settings(max_examples=150, deadline=None)
@given(text=documents(max_entries=8), steps=st.lists(edits, min_size=1, max_size=6))
def test_any_edits_read_as_the_whole_text(text: str, steps) -> None:
    before = parse(text)
    for step in steps:
        text = edited(text, step)
        before = reparse(before, text)
        assert_same(before, text)


@settings(max_examples=60, deadline=None)
@given(steps=st.lists(edits, min_size=1, max_size=4))
def test_any_edits_of_the_proposal_read_as_the_whole_text(steps) -> None:
    text, before = PROPOSAL, parse(PROPOSAL)
    for step in steps:
        text = edited(text, step)
        before = reparse(before, text)
        assert_same(before, text)


DOC = '''budget "B"
  period 2020..2021

item "A" oppvekst 2020=1
  text """
    1 million i 2020.
  """

# between
cover "C" 2020=1

item "D" kultur 2021=2
  text "2 millioner i 2021"
'''


def test_only_the_statement_an_edit_touches_is_read_again(monkeypatch) -> None:
    before = parse(DOC)
    read: list[str] = []
    real = incremental.read_statements
    monkeypatch.setattr(incremental, "read_statements", lambda chunk, *a: read.append(chunk) or real(chunk, *a))
    monkeypatch.setattr(incremental, "parse", lambda text: pytest_fail(f"read whole: {text!r}"))
    text = DOC.replace('cover "C" 2020=1', 'cover "C" 2020=5')
    after = reparse(before, text)
    assert_same(after, text)
    assert read == ['cover "C" 2020=5\n\n']
    old, new = before.budget.statements, after.budget.statements
    assert new[0] is old[0] and new[1] is old[1]  # kept as they were
    assert new[2] is not old[2]
    assert new[3] is old[3]  # moved by nothing: the edit kept every length


def test_statements_after_an_edit_are_moved_and_keep_what_was_read_of_them() -> None:
    before = parse(DOC)
    d = before.budget.entries[-1]
    assert d.prose is not None and d.prose.figures  # read once
    text = DOC.replace("# between", "# between\n# and more")
    after = reparse(before, text)
    assert_same(after, text)
    d2 = after.budget.entries[-1]
    assert (d2.span.line, d2.span.start) == (d.span.line + 1, d.span.start + 11)
    assert d2.by_year is d.by_year and d2.prose.figures is d.prose.figures  # the same readings, not made again
    assert after.budget.statements[0] is before.budget.statements[0]


def test_a_line_typed_under_a_statement_joins_it() -> None:
    before = parse(DOC)
    text = DOC.replace('cover "C" 2020=1\n', 'cover "C" 2020=1\n  permanent\n')
    after = reparse(before, text)
    assert_same(after, text)
    [cover] = [e for e in after.budget.entries if e.kind == "cover"]
    assert cover.permanent is not None


def test_statements_joined_on_one_line_and_parted_again() -> None:
    joined = DOC.replace('2020=1\n\nitem "D"', '2020=1 item "D"')
    after = reparse(parse(DOC), joined)
    assert_same(after, joined)
    assert [e.name.text for e in after.budget.entries] == ["A", "C", "D"]  # a keyword starts a statement
    edited_again = joined.replace('item "D"', 'item "E"')  # two statements on one line: both read again
    assert_same(reparse(after, edited_again), edited_again)
    parted = DOC.replace("# between\n", "# between\nitem \"E\" 2020=3\n")
    assert_same(reparse(parse(DOC), parted), parted)


def whole_reads(monkeypatch) -> list[str]:
    whole: list[str] = []
    real = incremental.parse
    monkeypatch.setattr(incremental, "parse", lambda text: whole.append(text) or real(text))
    return whole


def test_edits_that_change_how_every_line_reads_read_the_whole_text(monkeypatch) -> None:
    before = parse(DOC)
    whole = whole_reads(monkeypatch)
    for text in (DOC.replace("2020..2021", "2020..2023"),  # the period, in the header
                 DOC.replace("  period", "  unit tusen\n  period")):  # the unit
        assert_same(reparse(before, text), text)
    assert len(whole) == 2


def test_a_line_typed_a_character_at_a_time_is_read_alone_while_it_is_broken(monkeypatch) -> None:
    """Typing a new line passes through texts that do not read ("item", `item "Ny`, "2021="):
    the broken statement is read again by itself, as `parse` reads a text with syntax problems,
    and so is the next edit after it."""
    whole = whole_reads(monkeypatch)
    line = 'item "Ny skole" oppvekst 2021=4.5\n'
    at = DOC.index("# between")
    text, before = DOC, parse(DOC)
    broken = 0
    for n in range(1, len(line) + 1):
        text = DOC[:at] + line[:n] + DOC[at:]
        before = reparse(before, text)
        assert_same(before, text)
        broken += bool(before.problems)
    assert broken >= 15 and whole == []
    assert [e.name.text for e in before.budget.entries] == ["A", "Ny skole", "C", "D"] and not before.problems


def test_an_edit_that_opens_a_text_block_reading_past_its_statement_reads_the_whole_text(monkeypatch) -> None:
    whole = whole_reads(monkeypatch)
    before = parse(DOC)
    text = DOC.replace('cover "C" 2020=1', 'cover "C" 2020=1\n  text """')  # closed by D's text? no: read whole
    assert_same(reparse(before, text), text)
    closed = text.replace('text "2 millioner i 2021"', 'text """2 millioner i 2021"""')
    assert_same(reparse(parse(text), closed), closed)
    assert len(whole) <= 2


def test_moving_by_nothing_is_the_node_itself() -> None:
    e = parse(DOC).budget.entries[0]
    assert moved(e, 0, 0) is e
    m = moved(e, 2, 7)
    assert isinstance(m, Entry) and m.span.line == e.span.line + 2 and m.name.span.start == e.name.span.start + 7
    assert m.prose is not None and m.prose.span.end_line == e.prose.span.end_line + 2


def pytest_fail(message: str):
    raise AssertionError(message)
