"""A finding's identity survives lines moving, and changes when what it says changes."""

from __future__ import annotations

from budsjett_lint.checker.engine import check_text
from budsjett_lint.checker.fingerprint import Anchors, fingerprints, normalized_message, numbered
from budsjett_lint.dsl import parse

DOC = """\
budget "Eksempel" period 2020..2021
item "Kulturskolen" oppvekst 2020=1
cover "Innkjøp" 2020=1 2021=1
item "Kulturskolen" kultur 2021=1
"""


def _prints(text: str) -> dict[str, str]:
    r = check_text(text, "x.budsjett")
    return {f"{d.code} {d.message}": fp for d, fp in zip(r.diagnostics, fingerprints(r.budget, r.diagnostics))}


def test_line_numbers_are_taken_out_of_messages():
    assert normalized_message("`A` is already the name of line 12") == "`A` is already the name of line N"
    assert normalized_message("see lines 3, 5 and 7; column 4") == "see lines N; column N"
    assert normalized_message("2021 is 6.0; 2020 implies 7.0") == "2021 is 6.0; 2020 implies 7.0"


def test_moving_lines_keeps_fingerprints():
    moved = DOC.replace('cover "Innkjøp" 2020=1 2021=1\n', "") + "\n\n# moved\n" + 'cover "Innkjøp" 2020=1 2021=1\n'
    before = check_text(DOC, "x.budsjett")
    after = check_text(moved, "x.budsjett")
    assert [d.span.line for d in before.diagnostics] != [d.span.line for d in after.diagnostics]
    assert sorted(fingerprints(before.budget, before.diagnostics)) == sorted(fingerprints(after.budget,
                                                                                         after.diagnostics))


def test_a_changed_figure_in_the_message_is_a_new_finding():
    before = _prints(DOC)
    after = _prints(DOC.replace("2021=1\n", "2021=2\n", 1))
    assert set(before.values()) != set(after.values())


def test_the_anchor_is_the_statement_or_else_the_line():
    budget = parse(DOC + 'item "Broken" oppvekst 2020 = 3\n').budget
    anchors = Anchors(budget)
    duplicate = budget.entries[2]
    assert anchors.anchor(duplicate.name.span) == "item Kulturskolen"
    assert anchors.anchor(budget.header.period_span) == "budget Eksempel"
    from budsjett_lint.dsl.model import Span

    assert anchors.anchor(Span(5, 19, 5, 23)) == 'text item "Broken" oppvekst 2020 = 3'


def test_equal_fingerprints_are_numbered():
    assert numbered(["a", "b", "a", "a"]) == ["a:0", "b:0", "a:1", "a:2"]
