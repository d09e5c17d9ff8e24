"""A finding's identity survives lines moving, and changes when what it says changes."""

from __future__ import annotations

from budsjett_lint.checker.engine import check_text
from budsjett_lint.checker.amend.fingerprint import Anchors, fingerprints, normalized_message, numbered
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
    assert normalized_message("2021 is 6.0; 2020 implies 7.0") == "2021 is #; 2020 implies #"
    assert normalized_message("2021=3.5, -45.0 mill and 17 lines") == "2021=#, # mill and # lines"


def test_moving_lines_keeps_fingerprints():
    moved = DOC.replace('cover "Innkjøp" 2020=1 2021=1\n', "") + "\n\n# moved\n" + 'cover "Innkjøp" 2020=1 2021=1\n'
    before = check_text(DOC, "x.budsjett")
    after = check_text(moved, "x.budsjett")
    assert [d.span.line for d in before.diagnostics] != [d.span.line for d in after.diagnostics]
    assert sorted(fingerprints(before.budget, before.diagnostics)) == sorted(fingerprints(after.budget,
                                                                                         after.diagnostics))


def test_a_changed_figure_keeps_the_identity():
    doc = DOC.replace('item "Kulturskolen" kultur 2021=1', 'item "Kulturskolen" kultur 2021=2')
    before = _prints(doc)
    after = _prints(doc.replace("kultur 2021=2", "kultur 2021=3"))  # the 2021 gap of BAL001 grows
    assert [k for k in before if k.startswith("BAL001 2021")] and before.keys() != after.keys()
    assert sorted(before.values()) == sorted(after.values())


PROPOSAL_LIKE = """\
budget "Forslag" period 2020..2021
item "Toppet bemanning" oppvekst 2020=3.5 2021=7.0
cover "Udisponert reserve" 2020=? 2021=?
cover "Innkjøp" 2020=1 2021=1
"""


def test_a_year_is_known_by_its_code_and_year_not_by_its_lines_or_figures():
    before = check_text(PROPOSAL_LIKE, "x.budsjett")
    # a reformatted file, another line without a figure, and every amount changed
    after = check_text(PROPOSAL_LIKE.replace(" 2020=3.5", "  2020=4.5").replace("2021=1", "2021=2")
                       + 'cover "Vikarinnleie" oppvekst 2020=? 2021=?\n', "x.budsjett")
    bal002 = lambda r: [fp for d, fp in zip(r.diagnostics, fingerprints(r.budget, r.diagnostics))  # noqa: E731
                        if d.code == "BAL002"]
    assert len(bal002(before)) == 2 and bal002(before) == bal002(after)
    assert [d.message for d in before.diagnostics] != [d.message for d in after.diagnostics]
    other_year = check_text(PROPOSAL_LIKE.replace("2021=?", "2021=1", 1).replace("period 2020..2021", "period 2020..2022"),
                            "x.budsjett")
    assert set(bal002(other_year)) != set(bal002(before))  # 2020 and 2022 are not 2020 and 2021


def test_the_anchor_is_the_statement_or_else_the_line():
    budget = parse(DOC + 'nonsense "Broken" oppvekst 2020 = 3\n').budget  # a line that is no statement
    anchors = Anchors(budget)
    duplicate = budget.entries[2]
    assert anchors.anchor(duplicate.name.span) == "item Kulturskolen"
    assert anchors.anchor(budget.header.period_span) == "budget Eksempel"
    from budsjett_lint.dsl.model import Span

    assert anchors.anchor(Span(5, 19, 5, 23)) == 'text nonsense "Broken" oppvekst 2020 = 3'


def test_equal_fingerprints_are_numbered():
    assert numbered(["a", "b", "a", "a"]) == ["a:0", "b:0", "a:1", "a:2"]


def test_a_finding_in_a_sum_statement_has_a_fingerprint():
    """Found by the long fuzz run: `sum` came into the language after the labels were written,
    and sarif, gitlab and the baseline raised a KeyError on a finding anchored in one."""
    text = ('budget "E" period 2020..2020\nsection "Oppvekst" oppvekst\n'
            'item "A" oppvekst 2020=2\nsum "Sum drift" item 2020=3\nsum "Sum drift" item 2020=3\n')
    result = check_text(text, "e.budsjett")
    assert [d for d in result.diagnostics if d.span.line in (4, 5)]
    prints = fingerprints(result.budget, result.diagnostics)
    assert len(prints) == len(result.diagnostics)
