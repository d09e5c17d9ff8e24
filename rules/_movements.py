"""The words that say a line is a fund draw, an allocation to a fund or borrowing. Read by BAL008.

One place for the word lists, in bokmål and nynorsk. A line's name and its
`text` are read as the marker words of TXT003-TXT007 are (`rules/_markers.py`):
whole words, case ignored, a hyphenated line end joined, not where a negation
or a word of reduction stands up to three words before ("avsettes ikke til",
"Redusert bruk av disposisjonsfondet", "Reduserte låneopptak": a change of a
movement the base budget has, whose side the words do not settle), and not in
a sentence that asks the administration for something. A fund word is a word
that ends in `fond`, `fondet`, `fondene` or `fonda`, or `fondsmidler` /
`fondsmidlar` ("disposisjonsfondet", "premiefond", "bufferfondet"); between
the verb and the fund word stand at most five words ("tilfører 14,6 millioner
kroner til kommunens disposisjonsfond").

| movement    | words (bokmål / nynorsk), then a fund word                                      | not read |
|-------------|---------------------------------------------------------------------------------|----------|
| draw        | bruk av, midler fra, midlar frå, trekk på/fra/frå, uttak fra/frå, dekkes/dekkast/dekket/dekt av/fra/frå/med/ved, finansieres/finansierast av/fra/frå/med/ved/over, belastes/belastast, hentes/hentast fra/frå | "Kutt i bruk av konsulenter" (no fund word), "Fondets avkastning" (no verb), "bruk av fondets avkastning" (the fund's yield), "disposisjonsfond skal kunne brukes til" (the fund before the verb) |
| allocation  | avsetning, avsetting, avsetjing, avsatt, avsett, avsetter, avsettes, avsette, avsetjast, setter av, settes av, set av, setjast av, tilføres, tilførast, tilfører, tilførsel, overføres, overførast, overfører, overføring, tilbakeføres, tilbakeførast, tilbakeføring | "avsettes ikke til pensjonskostnader" (negated, and no fund word), "Styrking av kulturfondet" (a grant scheme called a fund: no verb of allocation) |
| borrowing   | låneopptak, lånopptak, opptak av lån, økt/økte/auka/nye lån, lånefinansiering, lånefinansiert, lånefinansieres, lånemidler, lånemidlar (no fund word needed) | "Reduserte låneopptak", "mindre låneopptak" (reduced), "startlån", "avdrag på lån" |

An `item` is read by its name alone: its text tells what the money is spent on
and often how it is paid ("finansieres ved bruk av disposisjonsfondet"), which
makes the item no draw. A `cover` line is read by its name and its text; what
its text says is not read where the movement it speaks of is written as a
line of its own: a line of that kind linked to it, or one whose name begins
with its name (the second line of the same heading, as in the proposal's
"Fastlegetilskudd – økte midler fra disposisjonsfondet").
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..dsl.model import Entry
from ._markers import Marker, Said, any_hint, hint, may_hold_words, stated

#: Words that, up to three words before, make a movement word not what the line is:
#: a reduction of a movement the base budget has ("Redusert bruk av disposisjonsfondet").
REDUCTIONS = ("redusert", "reduserte", "redusere", "reduserer", "reduseres", "reduksjon", "reduksjonen",
              "reduksjon", "mindre", "lavere", "lågare", "kutt", "kutte", "kutter", "kuttes", "færre", "nedgang",
              "nedtrapping", "lågare", "minske", "mindreforbruk")

_FUND = r"(?:\w*fond(?:et|ene|a)?|\w*fondsmid(?:ler|lene|lar|lane))(?![\w-])"
_GAP = r"(?:[^\s.!?;:]+\s+){0,5}?"  # up to five words between the verb and the fund word


def _words(verbs: str, fund: bool = True) -> re.Pattern[str]:
    tail = rf"\s+{_GAP}{_FUND}" if fund else r"(?![\w-])"
    return re.compile(rf"(?<![\w-])(?:{verbs}){tail}", re.I)


_DRAW = _words(r"bruk\s+av|midler\s+fra|midlar\s+frå|trekk\s+(?:på|fra|frå)"
               r"|uttak\s+(?:fra|frå)|(?:dekkes|dekkast|dekket|dekt)(?:\s+inn)?\s+(?:av|fra|frå|med|ved)"
               r"|(?:finansieres|finansierast)\s+(?:av|fra|frå|med|ved|over)|belastes|belastast"
               r"|(?:hentes|hentast)\s+(?:fra|frå)")
_ALLOCATE = _words(r"avsetning|avsetting|avsetjing|avsatt|avsett|avsetter|avsettes|avsette|avsetjast"
                   r"|(?:setter|settes|set|setjast)\s+av|tilføres|tilførast|tilfører|tilførsel"
                   r"|overføres|overførast|overfører|overføring|tilbakeføres|tilbakeførast|tilbakeføring")
_BORROW = _words(r"låneopptak(?:et|ene|a)?|lånopptak(?:et|a)?|opptak\s+av\s+(?:nye\s+)?lån"
                 r"|(?:økt|økte|auka|nye)\s+lån|lånefinansier(?:ing|ingen|t|te|es|ast)|lånemid(?:ler|lene|lar|la)",
                 fund=False)


class Movement(NamedTuple):
    kind: str  # the kind of line it is: draw, allocate or loan
    what: str  # in words, for the message
    marker: Marker


MOVEMENTS = (
    Movement("draw", "a draw on a fund", Marker("draw", _DRAW, "a draw on a fund", REDUCTIONS, hint("fond"))),
    Movement("allocate", "an allocation to a fund", Marker("allocate", _ALLOCATE, "an allocation to a fund",
                                                            REDUCTIONS, hint("fond"))),
    Movement("loan", "borrowing", Marker("loan", _BORROW, "borrowing", REDUCTIONS, hint("lån"))),
)


#: The movements' hints, tested once for all three (BAL008 asks of every `item` and `cover` line).
_HINTS = any_hint(m.marker for m in MOVEMENTS)


def disguised(entry: Entry) -> tuple[Movement, Said] | None:
    """The movement that an `item`'s name, or a `cover` line's name or else its text, says it is."""
    text = entry.kind == "cover"
    if not may_hold_words(entry.name.text, _HINTS) and not (
            text and entry.prose is not None and may_hold_words(entry.prose.raw, _HINTS)):
        return None
    found = [(m, s) for m in MOVEMENTS if (s := stated(entry, m.marker, text)) is not None]
    if not found:
        return None
    by_name = [f for f in found if f[1].prose.span == entry.name.span]
    return min(by_name or found, key=lambda f: f[1].start)


def fund_stem(name: str) -> str:
    """A fund's name without its definite ending: "Disposisjonsfondet" -> "disposisjonsfond"."""
    folded = name.casefold().strip()
    return re.sub(r"(?<=fond)(?:et|ene|a)$", "", folded)
