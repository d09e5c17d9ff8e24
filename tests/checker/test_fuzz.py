"""Broken text never breaks the tool: mutated documents through the public API
and through the command. The checks themselves are in `tests/robustness.py`.

The bounded run here is part of the normal suite (a few thousand inputs); the
long run is `pytest -m fuzz` (FUZZ_EXAMPLES inputs a test, default 20 000) or
`bench/fuzz.py`, which keeps going after a failure and counts what it tried.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import PROPOSAL, ROOT, budsjett_blocks
from tests.robustness import check_api, check_command
from tests.strategies import documents, mutated, mutated_bytes


def _seed_texts() -> list[str]:
    """Valid and broken texts that the project keeps: the reference's and the rule
    pages' examples, and the bad-input corpus."""
    texts = budsjett_blocks((ROOT / "docs" / "language.md").read_text(encoding="utf-8"))
    for page in sorted((ROOT / "docs" / "rules").glob("*.md")):
        texts += budsjett_blocks(page.read_text(encoding="utf-8"))
    for f in sorted((ROOT / "tests" / "bad").glob("*.budsjett")):
        data = f.read_bytes()
        if len(data) < 100_000:
            texts.append(data.decode("utf-8", "replace"))
    return texts


SEEDS = st.sampled_from(_seed_texts())
BASES = documents() | SEEDS
_quiet = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]


def _bounded(n: int):
    return settings(max_examples=n, deadline=None, suppress_health_check=_quiet)


@_bounded(700)
@given(mutated())
def test_api_survives_mutated_documents(text):
    check_api(text)


@_bounded(1500)
@given(mutated(SEEDS))
def test_api_survives_mutated_examples(text):
    check_api(text)


@_bounded(300)
@given(mutated_bytes(BASES))
def test_command_survives_mutated_bytes(data):
    check_command(data)


@pytest.mark.skipif(not PROPOSAL.exists(), reason="proposal.budsjett is not in this tree")
@_bounded(40)
@given(st.data())
def test_api_and_command_survive_a_mutated_proposal(data):
    proposal = PROPOSAL.read_text(encoding="utf-8")
    check_api(data.draw(mutated(st.just(proposal))))
    check_command(data.draw(mutated_bytes(st.just(proposal))))


# -- the long run ---------------------------------------------------------------

_LONG = int(os.environ.get("FUZZ_EXAMPLES", "20000"))


@pytest.mark.fuzz
@_bounded(_LONG)
@given(mutated(BASES))
def test_long_api(text):
    check_api(text)


@pytest.mark.fuzz
@_bounded(_LONG)
@given(mutated_bytes(BASES))
def test_long_command(data):
    check_command(data)
