"""LNK001 unknown-link-target."""

from __future__ import annotations

from budsjett_lint.checker.engine import check_text
from hypothesis import given, settings

from tests.helpers import lint, triples
from tests.strategies import documents

HEAD = """\
budget "Eksempel" period 2020..2021
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7
cover "Redusert vikarinnleie barnehage" oppvekst 2020..2021=?
cover "Reformstøtte" 2020=0.4
fund "Disposisjonsfondet"
pot "Potten til nærmiljøanlegg" kultur
directive "Terrengsykkelløype Nilsbyen" kultur cost ?
"""


def test_links_to_entries_directives_funds_and_pots_are_known():
    text = HEAD + """\
offset "Toppet bemanning i barnehage" <-> "Redusert vikarinnleie barnehage"
funds "Reformstøtte" -> "Toppet bemanning i barnehage" 2020=0.4
funds "Disposisjonsfondet" -> "Terrengsykkelløype Nilsbyen"
reallocate "Potten til nærmiljøanlegg" -> "Terrengsykkelløype Nilsbyen"
"""
    assert triples(text, "LNK001") == []


def test_each_unknown_end_is_reported_at_its_name():
    text = HEAD + """\
offset "Toppet bemaning i barnehage" <-> "Redusert vikarinnleie barnehage"
funds "Innkjøp" -> "Veteranhus"
reallocate "Reformstøtte" -> "Fastlegetilskudd"
"""
    assert triples(text, "LNK001") == [(8, 8, "LNK001"), (9, 7, "LNK001"), (9, 20, "LNK001"), (10, 30, "LNK001")]


def test_did_you_mean_points_at_the_closest_name_and_offers_an_unsafe_fix():
    text = HEAD + 'offset "Toppet bemaning i barnehage" <-> "redusert vikarinnleie Barnehage"\n'
    first, second = [d for d in lint(text) if d.code == "LNK001"]
    assert "the measure of this `offset` link, `Toppet bemaning i barnehage`, names no entry" in first.message
    assert first.hint == "did you mean `Toppet bemanning i barnehage`?"
    assert [(r.span.line, r.span.column, r.note) for r in first.related] == [(2, 6, "declared here")]
    assert first.fix is not None and not first.fix.safe
    (edit,) = first.fix.edits
    fixed = text[: edit.start] + edit.replacement + text[edit.end :]
    assert 'offset "Toppet bemanning i barnehage" <->' in fixed
    assert second.hint == "did you mean `Redusert vikarinnleie barnehage`?"  # case does not hide the match


def test_no_suggestion_when_nothing_is_close():
    (d,) = [d for d in lint(HEAD + 'funds "Innkjøp" -> "Toppet bemanning i barnehage"\n') if d.code == "LNK001"]
    assert d.hint == "declare a line of that name, or name one that the file declares"
    assert d.fix is None and d.related == ()


def test_a_section_name_is_not_a_line_to_link():
    text = HEAD + 'section "Inndekning"\nfunds "Inndekning" -> "Toppet bemanning i barnehage"\n'
    assert triples(text, "LNK001") == [(9, 7, "LNK001")]


@settings(max_examples=100, deadline=None)
@given(documents(min_entries=2))
def test_generated_documents_link_only_declared_names(text):
    """The generator links entries it declared: never an unknown end."""
    assert [d for d in check_text(text).diagnostics if d.code == "LNK001"] == []


def test_did_you_mean_does_a_bounded_amount_of_work(monkeypatch):
    """Each suggestion compares the name with every declared one: a file of many links to names that
    exist nowhere, among many that exist (20 000 of each ran for minutes), gets suggestions only as
    far as `GUESS_WORK` comparisons go, and the rest of its findings without one."""
    from budsjett_lint.rules import _names

    monkeypatch.setattr(_names, "GUESS_WORK", 1_000)
    compared = []
    close_matches = _names.close_matches
    monkeypatch.setattr(_names, "close_matches", lambda word, candidates, **kw: compared.append(len(candidates))
                        or close_matches(word, candidates, **kw))
    declared = "".join(f'cover "Innsparing {i:03d}" 2020=1\n' for i in range(300))
    links = "".join(f'funds "Innsparing {i:03d}x" -> "Innsparing {i:03d}"\n' for i in range(300))
    found = [d for d in lint(HEAD + declared + links) if d.code == "LNK001"]
    assert len(found) == 300
    assert sum(compared) <= 1_000 and len(compared) == 3  # three words guessed, some 300 candidates each
    assert [d.hint for d in found[:3]] == [f"did you mean `Innsparing {i:03d}`?" for i in range(3)]
    assert all("did you mean" not in d.hint for d in found[3:])  # past the work: the plain hint
