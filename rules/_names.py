"""Names in messages: their order, lists of them, what a line is, and did-you-mean suggestions."""

from __future__ import annotations

from collections.abc import Iterable

from ..dsl.model import INVISIBLE, Directive, Entry


def close_matches(word: str, candidates: Iterable[str], n: int = 3, cutoff: float = 0.6) -> list[str]:
    """`difflib.get_close_matches`, imported only when a name refers to nothing (start-up time)."""
    import difflib

    return difflib.get_close_matches(word, candidates, n=n, cutoff=cutoff)


def by_name(entry: Entry | Directive) -> tuple[str, str]:
    """The order of lines in messages: by name, alphabetical whatever the case, then as written."""
    text = entry.name.text
    return text.casefold(), text


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate most like `word`, ignoring case, if any is close enough."""
    by_folded: dict[str, str] = {}
    for c in candidates:
        by_folded.setdefault(c.casefold(), c)
    match = close_matches(word.casefold(), list(by_folded), n=1, cutoff=0.6)
    return by_folded[match[0]] if match else None


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
