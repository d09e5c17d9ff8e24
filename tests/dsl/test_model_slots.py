"""The slotted nodes behave as the frozen dataclasses they are: fields, equality, caches."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from decimal import Decimal

import pytest

from budsjett_lint.dsl import parse
from budsjett_lint.dsl.model import Entry, Prose

TEXT = 'item "A" oppvekst 2020=1 2021=2 2021=3 heading 1\n  text """\n    Første linje.\n    Andre.\n  """\n'


def entry() -> Entry:
    return parse(TEXT).budget.entries[0]


def test_entries_and_prose_are_dataclasses_with_their_fields():
    assert [f.name for f in dataclasses.fields(Entry)][:5] == ["kind", "name", "span", "sector", "amounts"]
    assert [f.name for f in dataclasses.fields(Prose)][:2] == ["raw", "span"]
    for node in (Entry, Prose):
        assert not any(f.name.startswith("_") for f in dataclasses.fields(node)), "the caches are no fields"
    assert repr(entry()).startswith("Entry(kind='item', name=Name(text='A'")
    assert dataclasses.replace(entry(), kind="cover").kind == "cover"


def test_they_are_frozen_and_have_no_dict():
    e = entry()
    with pytest.raises(dataclasses.FrozenInstanceError):
        e.kind = "cover"
    with pytest.raises(dataclasses.FrozenInstanceError):
        e.prose.raw = ""
    assert not hasattr(e, "__dict__") and not hasattr(e.prose, "__dict__")


def test_equality_hash_copy_and_pickle_ignore_the_caches():
    e, f = entry(), entry()
    assert e.by_year == {2020: Decimal(1), 2021: Decimal(3)}  # the last statement of a year wins
    assert e.prose.text == "Første linje.\nAndre."
    assert e == f and hash(e) == hash(f)
    for other in (copy.copy(e), copy.deepcopy(e), pickle.loads(pickle.dumps(e))):
        assert other == e and type(other) is Entry
        assert other.by_year == e.by_year and other.prose.text == e.prose.text


def test_the_caches_are_computed_once():
    e = entry()
    assert e.by_year is e.by_year
    assert e.prose.text is e.prose.text


def test_the_quick_test_for_invisible_characters_finds_what_the_pattern_finds():
    from budsjett_lint.dsl.model import INVISIBLE, holds_invisible

    every = "".join(chr(cp) for cp in range(0x110000) if not 0xD800 <= cp < 0xE000)
    invisible = [m.group() for m in INVISIBLE.finditer(every)]
    assert len(invisible) > 150 and any(ord(c) > 0xFFFF for c in invisible)
    assert all(holds_invisible(f"Skole æ{c}") for c in invisible)
    visible = INVISIBLE.sub("", every)
    assert not any(holds_invisible(visible[i:i + 4096]) for i in range(0, len(visible), 4096))
    assert not holds_invisible("Kulturskolen på Ørland") and not holds_invisible("ascii")
