"""RMP006: a trial whose cost goes on past its end without being continued."""

from __future__ import annotations

from tests.helpers import lint, triples

HEAD = 'budget "Trondheimsbudsjettet" period 2020..2023\n'
TOPPET = (
    'item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7.0 {more}\n'
    '  heading 3.5 halfyear trial evaluate 2021-12 {flag}\n'
    '  text """\n'
    '    Vi setter av 3,5 millioner (halvårseffekt) i 2020, økende til 7 millioner i 2021\n'
    '    til et prøveprosjekt. Ordningen skal evalueres etter 1,5 år og vurderes også\n'
    '    videreført etter 2021.\n'
    '  """\n'
)


def rmp006(text: str):
    return [d for d in lint(HEAD + text) if d.code == "RMP006"]


def test_the_seed_s_trial_that_goes_on_in_2022_without_being_continued_fires():
    text = HEAD + TOPPET.format(more="2022..2023=7.0", flag="")
    assert triples(text, "RMP006") == [(2, 64, "RMP006")]
    (d,) = rmp006(text[len(HEAD):])
    assert d.message == ("the trial `Toppet bemanning i barnehage` is evaluated in 2021-12, "
                         "but goes on with 7.0 in 2022 and 7.0 in 2023")
    assert [(r.span.line, r.span.column, r.note) for r in d.related] == [
        (3, 30, "the trial is evaluated in 2021-12")]


def test_a_trial_that_ends_with_its_evaluation_is_silent():
    assert rmp006(TOPPET.format(more="", flag="")) == []
    assert rmp006(TOPPET.format(more="2022..2023=0", flag="")) == []


def test_a_continued_trial_is_silent():
    assert rmp006(TOPPET.format(more="2022..2023=7.0", flag="continued")) == []


def test_until_is_the_end_where_both_are_given():
    assert rmp006('item "Økt byliv" miljø 2020..2022=1 trial until 2022 evaluate 2021\n') == []
    (d,) = rmp006('item "Økt byliv" miljø 2020..2023=1 trial until 2022 evaluate 2021\n')
    assert d.message == "the trial `Økt byliv` ends in 2022, but goes on with 1.0 in 2023"
    assert d.related[0].note == "the trial ends in 2022"


def test_an_evaluation_year_without_month_and_an_unknown_amount():
    (d,) = rmp006('item "Økt byliv" miljø 2020..2021=1 2022=? trial evaluate 2021\n')
    assert d.message == "the trial `Økt byliv` is evaluated in 2021, but goes on with ? in 2022"


def test_no_end_or_no_trial_is_silent():
    assert rmp006('item "Styrking av barnevernet" arbeid 2020=3.5 2021..2023=7 halfyear trial\n') == []
    assert rmp006('item "Renhold" miljø 2020..2023=0.6 until 2021\n') == []


def test_the_remedy_adds_continued_after_trial_and_ends_the_finding():
    from budsjett_lint.checker.editor.editor import apply_edits
    from budsjett_lint.dsl import parse
    from budsjett_lint.rules.trial_outlives_end import remedies

    text = HEAD + ('item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021..2023=7.0\n'
                   '  heading 3.5 halfyear trial evaluate 2021-12\n')
    [finding] = [d for d in lint(text) if d.code == "RMP006"]
    budget = parse(text).budget
    [fix] = remedies(budget, finding.span)
    assert not fix.safe and fix.description == "the trial goes on: add `continued`"
    fixed = apply_edits(text, list(fix.edits))
    assert "  heading 3.5 halfyear trial continued evaluate 2021-12\n" in fixed
    assert "RMP006" not in [d.code for d in lint(fixed)]
    assert remedies(budget, budget.entries[0].name.span) == []
