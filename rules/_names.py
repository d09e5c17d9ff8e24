"""Names in messages: their order, lists of them, what a line is, and did-you-mean suggestions."""

from __future__ import annotations

from collections.abc import Iterable

from ..dsl.model import INVISIBLE, Directive, Entry


def close_matches(word: str, candidates: Iterable[str], n: int = 3, cutoff: float = 0.6) -> list[str]:
    """`difflib.get_close_matches`, imported only when a name refers to nothing (start-up time)."""
    import difflib

    return difflib.get_close_matches(word, candidates, n=n, cutoff=cutoff)


#: Comparisons of a word with a candidate that one rule's did-you-mean suggestions may make in a
#: check: each word is compared with every candidate, so a file of many names that refer to nothing
#: among many that exist (20 000 of each) would take hours. A real file needs a few thousand.
GUESS_WORK = 50_000
#: A word or candidate longer than this is no heading that a typo made: it is not compared.
GUESS_LENGTH = 200


class Guesser:
    """Did-you-mean suggestions among `candidates`, ignoring case, each word guessed once, within
    `GUESS_WORK` comparisons in all: past them (a hostile file), words get no suggestion."""

    def __init__(self, candidates: Iterable[str], work: int | None = None) -> None:
        self._candidates: Iterable[str] | None = candidates  # read at the first guess: most checks make none
        self._by_folded: dict[str, str] = {}
        self._folded: list[str] = []
        self._left = GUESS_WORK if work is None else work
        self._guessed: dict[str, str | None] = {}

    def guess(self, word: str) -> str | None:
        """The candidate most like `word`, if one is close enough (`difflib`'s ratio of 0.6)."""
        if word in self._guessed:
            return self._guessed[word]
        if self._candidates is not None:
            for c in self._candidates:
                if len(c) <= GUESS_LENGTH:
                    self._by_folded.setdefault(c.casefold(), c)
            self._folded, self._candidates = list(self._by_folded), None
        guess = None
        if len(word) <= GUESS_LENGTH and self._left >= len(self._folded):
            self._left -= len(self._folded)
            match = close_matches(word.casefold(), self._folded, n=1, cutoff=0.6)
            guess = self._by_folded[match[0]] if match else None
        self._guessed[word] = guess
        return guess


def by_name(entry: Entry | Directive) -> tuple[str, str]:
    """The order of lines in messages: by name, alphabetical whatever the case, then as written."""
    text = entry.name.text
    return text.casefold(), text


_KIND_WORDS = {
    "item": "an operating item",
    "invest": "an investment",
    "cover": "a coverage line",
    "allocate": "an allocation to a fund",
    "draw": "a draw on a fund",
    "loan": "a borrowing change",
}


def what_is(stmt: object) -> str:
    """What a named statement is, in words: `a coverage line`, `a pot`."""
    kind = getattr(stmt, "kind", None)
    if kind in _KIND_WORDS:
        return _KIND_WORDS[kind]
    return {"Directive": "a directive", "Fund": "a fund", "Pot": "a pot"}.get(type(stmt).__name__, "a line")


#: How many names a message lists before it counts the rest.
SHOWN = 5


def listing(names: Iterable[object], shown: int = SHOWN, total: int | None = None) -> str:
    """`A`, `B` and `C`; beyond `shown` names, the first ones and "and N more".

    `total` says how many there are where `names` holds only the first of them."""
    quoted = [f"`{n}`" for n in names]
    total = len(quoted) if total is None else total
    if total > shown:
        return ", ".join(quoted[:shown]) + f" and {total - shown} more"
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def shown(text: str) -> str:
    """A name or text as a message quotes it: invisible format characters (zero-width, bidi
    controls: category Cf) and control characters written as `<U+202E>`, so that a name
    displays as what it says."""
    if text.isascii() and text.isprintable():
        return text
    return "".join(f"<U+{ord(ch):04X}>" if INVISIBLE.match(ch) or (not ch.isprintable() and ch != " ") else ch
                   for ch in text)
