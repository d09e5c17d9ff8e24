"""The words of a text that say what kind of change a line is, and the attribute each asks for.

One place for the word lists of TXT003-TXT007, in bokmål and nynorsk. A word is
read in an entry's name and its `text`, as a whole word (case ignored, a
hyphen at a line end joined as `dsl/prose.py` joins it), and not where one of
the negations below stands up to three words before it ("ikke varig", "ikkje
eit prøveprosjekt"), nor in a sentence that asks the administration for
something ("ber kommunedirektøren komme tilbake med en opptrappingsplan",
"kommunedirektøren bes vurdere en opptrapping"): that is what may come, not
what the line is.

| attribute   | words (bokmål / nynorsk)                                                         | not read |
|-------------|----------------------------------------------------------------------------------|----------|
| `halfyear`  | halvårseffekt, halvårsvirkning, halvårsverknad, halvårsdrift                     | helårseffekt |
| `permanent` | varig, varige, varigt, permanent, permanente, permanenteres, permanentgjøres     | langvarig, kortvarig, varighet |
| `oneoff`    | engangs…, eingongs… (engangsbevilgning, engangstilskudd, engangsbeløp, eingongsløyving, eingongstilskot, …) | engangsplast, engangsartikler, engangsbruk, engangsemballasje, engangsprodukter |
| `trial`     | prøveprosjekt, prøveordning, prøveperiode, forsøk, forsøksordning, forsøksprosjekt, pilot, pilotprosjekt | "forsøk på å", forsøke |
| `ramp`      | opptrapping, opptrappingsplan, trappes opp, trappast opp, trappe opp, økende til, aukande til | nedtrapping; "økende til" on a line marked `halfyear` or whose text says "halvårseffekt" (the full year after a half) |
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import NamedTuple

from ..dsl.model import Budget, Entry, Prose
from ._prose import span_in, written_as_it_reads
from .base import Edit, Finding, Fix
from .totals import per_budget

NEGATIONS = ("ikke", "ikkje", "ingen", "inga", "uten", "utan", "verken", "aldri")
# A sentence that asks the administration for something ("ber kommunedirektøren komme tilbake med
# en opptrappingsplan", "kommunedirektøren bes vurdere en opptrapping") speaks of what may come,
# not of the line's money: its words are not read.
REQUEST = re.compile(r"(?<![\w])(?:ber|bes|bedt|vurdere|vurderer|vurderast|utrede|utgreie|komme tilbake"
                     r"|legge fram|leggje fram|legge frem)(?![\w])", re.I)
_SENTENCE_END = re.compile(r"[.!?…](?= +[\"«(]?[A-ZÆØÅ])|\n\s*\n")


class Marker(NamedTuple):
    attribute: str  # the entry's field and keyword
    words: re.Pattern[str]
    meaning: str  # what the words say, for the message
    not_after: tuple[str, ...] = ()  # words that, up to three words before, make it not read (beside NEGATIONS)
    #: A piece of every text the words are found in, unless a hyphenated line end ("-\n") is
    #: joined there: a quick test that lets most texts by unread.
    hint: re.Pattern[str] | None = None


def _words(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{pattern})(?![\w])", re.I)


def hint(pieces: str) -> re.Pattern[str]:
    """A `Marker.hint`: any of the pieces, case ignored as in the words."""
    return re.compile(pieces, re.I)


MARKERS: dict[str, Marker] = {
    "halfyear": Marker("halfyear", _words(r"halvårs(?:effekt|virkning|verknad|drift)(?:en|a)?"),
                       "a half-year effect", hint=hint("halvår")),
    "permanent": Marker("permanent", _words(r"varig[et]?|permanent(?:e|eres|gjøres|gjerast)?"),
                        "a lasting change", hint=hint("varig|permanent")),
    "oneoff": Marker("oneoff", _words(
        r"(?:engangs|eingongs)(?!plast|artik|bruk|emballas|produkt|servise|grill|kopp|bleie)\w*"),
        "a one-off change", hint=hint("engangs|eingongs")),
    "trial": Marker("trial", _words(
        r"prøve(?:prosjekt|ordning|periode)(?:et|en|a|er|ane|ene)?"
        r"|forsøks(?:ordning|prosjekt)(?:en|a|et)?|forsøk(?! på)|pilot(?:prosjekt(?:et)?)?"),
        "a trial", hint=hint("prøve|forsøk|pilot")),
    "ramp": Marker("ramp", _words(
        r"opptrapping(?:en|a|splan(?:en)?)?|trappes (?:gradvis )?opp|trappast (?:gradvis )?opp"
        r"|trappe (?:gradvis )?opp|økende til|aukande til"),
        "an increasing ramp", hint=hint("trapp|økende|aukande")),
}
_FULL_YEAR_AFTER_HALF = re.compile(r"(?:økende|aukande) til", re.I)


def _negated(raw: str, start: int, also: tuple[str, ...] = ()) -> bool:
    before = re.findall(r"\w+", raw[max(0, start - 40) : start])[-3:]
    return any(w.lower() in NEGATIONS or w.lower() in also for w in before)


class Said(NamedTuple):
    """Words of a text, as offsets into its raw form."""

    prose: Prose
    start: int
    end: int
    words: str  # on one line, a hyphenated line end joined


_HYPHENATED = re.compile(r"(?<=\w)-\n\s*")


# Five rules read the same texts, one after the other: room for every text of a plan of some
# 25 000 entries, since read in order a smaller cache keeps none of them.
@lru_cache(maxsize=1 << 15)
def _joined(raw: str) -> tuple[str, array[int] | None, tuple[int, ...]]:
    """The text with hyphenated line ends joined ("prøve-\nprosjekt") and white space as
    spaces; the offset in `raw` of each of its characters, None where they are the same (no
    line end joined: most texts); where its sentences end."""
    keep: array[int] | None = None
    pieces: list[str] = []
    copied = 0
    for m in _HYPHENATED.finditer(raw):
        keep = keep if keep is not None else array("l")
        pieces.append(raw[copied : m.start()])
        keep.extend(range(copied, m.start()))
        copied = m.end()
    if keep is not None:
        pieces.append(raw[copied:])
        keep.extend(range(copied, len(raw)))
    joined = re.sub(r"\s", " ", "".join(pieces) if keep is not None else raw)
    ends = (0, *(e.end() for e in _SENTENCE_END.finditer(joined)), len(joined))
    return joined, keep, ends


def _said(raw: str, marker: Marker) -> tuple[tuple[int, int, str], ...]:
    """(start, end, words) of the marker's words in a text, as offsets into `raw`."""
    if marker.hint is not None and "-\n" not in raw and not marker.hint.search(raw):
        return ()  # most texts: let by at once
    return _read_said(raw, marker)


# The texts that may hold the words, read once for each marker and kept: the editor's checks read
# the same texts at every keystroke (the proposal's marker rules: 2.7 to 0.6 ms a check).
@lru_cache(maxsize=1 << 12)
def _read_said(raw: str, marker: Marker) -> tuple[tuple[int, int, str], ...]:
    joined, keep, ends = _joined(raw)
    found = []
    for m in marker.words.finditer(joined):
        k = bisect_right(ends, m.start())
        if not _negated(joined, m.start(), marker.not_after) and not REQUEST.search(joined, ends[k - 1], ends[k]):
            start, last = (m.start(), m.end() - 1) if keep is None else (keep[m.start()], keep[m.end() - 1])
            found.append((start, last + 1, " ".join(m.group().split())))
    return tuple(found)


def forget() -> None:
    """Let go of the texts read, as a new process starts (`bench/phases.py`, as `dsl.prose.forget`)."""
    _joined.cache_clear()
    _read_said.cache_clear()


def stated(entry: Entry, marker: Marker, text: bool = True) -> Said | None:
    """The first place the entry's name or (with `text`) its text says the marker's words, not negated."""
    texts: list[tuple[str, Prose | None]] = [(entry.name.text, None)] if written_as_it_reads(entry.name) else []
    if text and entry.prose is not None:
        texts.append((entry.prose.raw, entry.prose))
    for raw, prose in texts:
        for start, end, words in _said(raw, marker):
            if marker.attribute == "ramp" and _FULL_YEAR_AFTER_HALF.fullmatch(words) and (
                    entry.halfyear is not None or stated(entry, MARKERS["halfyear"]) is not None):
                continue  # "3,5 millioner (halvårseffekt) i 2020, økende til 7 millioner i 2021"
            return Said(prose or Prose(entry.name.text, entry.name.span, block=False), start, end, words)
    return None


def _insert_at(entry: Entry) -> int:
    """Where an attribute goes: after the last of the name, area and amounts on the entry's head."""
    spans = [entry.name.span, *(s.span for s in (entry.sector, entry.unquantified) if s is not None),
             *(a.span for a in entry.amounts)]
    return max(s.end for s in spans if s.line == entry.name.span.line)


def any_hint(markers: Iterable[Marker]) -> re.Pattern[str]:
    """The markers' hints as one pattern, for `may_hold_words`. Every marker has one."""
    hints = [m.hint for m in markers]
    assert all(h is not None for h in hints)
    return re.compile("|".join(h.pattern.casefold() for h in hints if h is not None))


#: Every marker's hint, matched in casefolded text: a pattern with `re.I` is three times slower on
#: Norwegian text.
_ANY_HINT = any_hint(MARKERS.values())


def may_hold_words(raw: str, hints: re.Pattern[str] = _ANY_HINT) -> bool:
    """Whether one of the `hints` (`any_hint`) is in the text, or a hyphenated line end, which `_said`
    joins. Casefolding folds every letter that `re.I` takes for a letter of the hints but two, the
    Turkish dotted and dotless I, which are folded here too (a test goes through every character)."""
    if "-\n" in raw:
        return True
    folded = raw.casefold()
    if "\u0131" in folded or "\u0307" in folded:
        folded = folded.replace("\u0131", "i").replace("\u0307", "")
    return hints.search(folded) is not None


@per_budget
def _may_say(budget: Budget) -> tuple[Entry, ...]:
    """The entries whose name or text may hold some marker's words (`Marker.hint`), found once for
    the five rules: each would otherwise test every entry for its own words."""
    return tuple(e for e in budget.entries
                 if may_hold_words(e.name.text) or (e.prose is not None and may_hold_words(e.prose.raw)))


def check_marker(budget: Budget, attribute: str, safe: bool) -> Iterator[Finding]:
    marker = MARKERS[attribute]
    for entry in _may_say(budget):
        if getattr(entry, attribute) is not None:
            continue
        found = stated(entry, marker)
        if found is None:
            continue
        at = _insert_at(entry)
        yield Finding(
            f"the text says \"{found.words}\", {marker.meaning}, but `{entry.name.text}` is not marked `{attribute}`",
            span_in(found.prose, found.start, found.end),
            f"add `{attribute}` to the line, or reword the text if the line is not {marker.meaning}",
            fix=Fix(f"add `{attribute}`", (Edit(at, at, f" {attribute}"),), safe=safe),
        )
