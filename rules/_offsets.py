"""Offsets: which measures cause which saving. Shared by LNK002 and LNK003."""

from __future__ import annotations

from typing import NamedTuple

from ..dsl.model import COVER_KINDS, Budget, Entry, Link
from .base import listing

#: The kinds an `offset` can pair: a measure that spends, and a saving that covers.
SPEND_SIDE = frozenset({"item", "invest", "allocate"})


def side(entry: Entry) -> str | None:
    """`spend`, `cover`, or None for a loan (which can be either: borrowing or freed repayments)."""
    return "spend" if entry.kind in SPEND_SIDE else "cover" if entry.kind in COVER_KINDS else None


class Offset(NamedTuple):
    """A saving and every measure that an `offset` link names as its cause."""

    saving: Entry
    measures: tuple[Entry, ...]
    links: tuple[Link, ...]

    @property
    def measures_dated(self) -> bool:
        """Whether every measure names its years; one that is only `?` could run in any year."""
        return all(m.amounts for m in self.measures)


def offsets(budget: Budget) -> list[Offset]:
    """Every saving named by an `offset` link, with its measures, in the order first linked.

    The language writes `offset "Measure" <-> "Saving"`; where the first end is
    coverage and the second is not, the ends are read the other way round. Ends
    that name no entry are LNK001's to report; two ends on the same side
    (two spending lines, or two coverage lines) are LNK006's.
    """
    grouped: dict[str, tuple[Entry, list[Entry], list[Link]]] = {}
    entries = budget.entry_by_name
    for link in budget.links:
        if link.kind != "offset":
            continue
        first, second = entries.get(link.source.text), entries.get(link.target.text)
        if first is None or second is None or first is second:
            continue
        if side(first) is not None and side(first) == side(second):
            continue  # two spending lines or two coverage lines: LNK006's, not a saving
        measure, saving = (second, first) if first.kind in COVER_KINDS and second.kind not in COVER_KINDS else (first, second)
        _, measures, links = grouped.setdefault(saving.name.text, (saving, [], []))
        if all(m is not measure for m in measures):
            measures.append(measure)
        links.append(link)
    return [Offset(saving, tuple(measures), tuple(links)) for saving, measures, links in grouped.values()]


def measure_words(offset: Offset) -> str:
    """`measure "A"` or `measures "A" and "B"`, for messages; sorted, so that the
    message does not depend on the order of the statements."""
    names = [f"`{n}`" for n in sorted(m.name.text for m in offset.measures)]
    return ("measure " if len(names) == 1 else "measures ") + listing(names)
