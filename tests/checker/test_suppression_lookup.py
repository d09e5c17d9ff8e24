"""Which suppression silences which finding: by line and code, the first in the file winning."""

from __future__ import annotations

from tests.helpers import lint, triples as all_triples


def triples(text: str):
    """The structure findings only: the snippets do not balance, and need not."""
    return all_triples(text, config={"select": ["STR"]})

DUPLICATES = '''\
budget "X" period 2020..2021
item "A" oppvekst 2020..2021=1
item "A" oppvekst 2020..2021=1{same}
'''


def test_a_comment_on_the_line_silences_that_line():
    assert triples(DUPLICATES.format(same="  # budsjett-lint: ignore[STR001]")) == []


def test_a_comment_alone_silences_the_next_line_after_other_comments():
    text = '''\
        budget "X" period 2020..2021
        item "A" oppvekst 2020..2021=1
        # budsjett-lint: ignore[STR001]
        # another comment
        item "A" oppvekst 2020..2021=1
    '''
    assert triples(text) == []


def test_a_suppression_for_another_line_or_code_does_not_silence():
    text = '''\
        budget "X" period 2020..2021
        item "A" oppvekst 2020..2021=1  # budsjett-lint: ignore[STR001]
        item "A" oppvekst 2020..2021=1  # budsjett-lint: ignore[BAL001]
    '''
    assert triples(text) == [(2, 33, "STR009"), (3, 6, "STR001")]  # BAL001 is not checked here


def test_the_whole_file_and_the_first_matching_suppression_are_used():
    text = '''\
        # budsjett-lint: ignore-file[STR001]
        budget "X" period 2020..2021
        item "A" oppvekst 2020..2021=1
        item "A" oppvekst 2020..2021=1  # budsjett-lint: ignore[STR001]
    '''
    # The file-wide suppression comes first and silences the finding; the one on the line is unused.
    assert triples(text) == [(4, 33, "STR009")]


def test_every_finding_of_a_large_file_is_matched_by_its_own_line():
    entries = "".join('item "A" oppvekst 2020=1  # budsjett-lint: ignore[STR001]\n' for _ in range(2000))
    text = 'budget "X" period 2020..2020\nitem "A" oppvekst 2020=1\n' + entries
    assert lint(text, config={"select": ["STR"]}) == ()
