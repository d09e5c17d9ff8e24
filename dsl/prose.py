"""Read the figures that Norwegian budget prose states.

`read_figures(text)` finds the amounts of money in a text ("3,5 millioner",
"400 000 kroner", "5,1 mill", "14,6 millioner kroner", "kr 300 000") and what
the words around each say: the years it is stated for ("i 2020", "i 2020 og
2021", "i 2022-2023", "fra 2021", "i to år", a year just before it as in
"settes det i 2020 av 0,9 millioner", a year and a colon before it as in
"2024: 4 mill, 2025: 6 mill", where a figure without a unit in such a list
takes the unit of the next one: "2024: 4, 2025: 6 mill") and how it relates to
them. "økende til
7 millioner i 2021" is a level reached; "økende med 20 mill i 2023" is a step
from the figure before it, which real documents also write for the level
reached, so it is marked ambiguous and carries both readings; "totalt 365
millioner" is a total over the period.

Only amounts with a unit of money are figures: counts ("ti barnehager", "60
nye plasser", "9-15 barn"), years, times ("kl. 8-15:30"), durations ("1,5
år"), ordinals ("6. og 9. trinn"), ranges of money ("3-5 millioner", which
state no single figure), rates ("50 kroner per time") and "4G" (four times the
national insurance base amount) are never read.

Text may be wrapped as documents wrap it: line breaks and indentation are
spaces, a space (also a non-breaking one) or a line break separates groups of
thousands ("300\\n000 kroner"), and a word hyphenated at a line end is read
whole ("øken-\\nde til"). A blank line ends a sentence.

Pure and total: any string in, a tuple of figures out, never an exception.
Offsets are into the text as given, so that a caller can point at the words.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from decimal import Decimal
from functools import lru_cache
from typing import Literal, NamedTuple

__all__ = ["Change", "Figure", "read_figures"]

Change = Literal["level", "to", "by", "total"]

MILLION = Decimal(1_000_000)
THOUSAND = Decimal(1_000)
#: How far an approximate figure ("ca.", "om lag", "cirka", "omtrent", "rundt", "anslagsvis")
#: may lie from what it describes: a tenth of the figure.
APPROXIMATE = Decimal("0.10")
#: Digits a number may have before and after its comma to be read as money. No budget
#: states more (10^15 kroner is a thousand times the national budget); a longer string
#: of digits is not a figure, and is not read (it would only cost time and overflow).
MAX_DIGITS, MAX_DECIMALS = 15, 6


class Figure(NamedTuple):
    """An amount of money the text states, with the years and relation its words give.

    `amount` is in millions of NOK and unsigned: prose says "kutter med 5
    millioner", not "-5". `start` and `end` are the offsets of the amount and
    its unit; `phrase_start` and `phrase_end` also take in the words that give
    its relation and years ("økende til 7 millioner i 2021").
    """

    amount: Decimal
    start: int
    end: int
    phrase_start: int
    phrase_end: int
    years: tuple[int, ...] = ()  # the years named for it, in the order written
    onwards: bool = False  # "fra 2021": the first of `years` and every year after it
    for_years: int | None = None  # "i to år": that many years, from `years[0]` or the plan's first year
    change: Change = "level"  # level: the amount in its years; to: a level reached; by: a step; total: over the period
    base: Decimal | None = None  # for a step: the figure it steps from, where the same sentence gives one
    falling: bool = False  # for a step: a step down ("reduseres med")
    kroner: bool = False  # written in kroner ("400 000 kroner"), not in millions
    halfyear: bool = False  # marked as a half-year effect ("(halvårseffekt)")
    approximate: bool = False  # "ca. 18 millioner", "om lag 15 millioner": within `APPROXIMATE` of the amount
    thousands: bool = False  # written in thousands ("100 (1000 kr)", "500 tusen kroner", "500 i 2020" after "tall i 1000 kr")

    @property
    def ambiguous(self) -> bool:
        """A step ("økende med") may mean the level reached or the increase: documents use both."""
        return self.change == "by"

    @property
    def readings(self) -> tuple[Decimal, ...]:
        """What the figure can mean for each of its years: the amount, and for a
        step from a known base also the base plus (or minus) the step."""
        if self.change == "by" and self.base is not None:
            return (self.amount, self.base - self.amount if self.falling else self.base + self.amount)
        return (self.amount,)

    @property
    def settled(self) -> bool:
        """False for a step from a base the text does not give: then the level is unknown."""
        return not (self.change == "by" and self.base is None)

    def years_in(self, first: int | None = None, last: int | None = None) -> tuple[int, ...]:
        """The years the figure is stated for, within the plan `first..last` where given.

        "fra 2021" runs to `last`; "i to år" counts from its own year or from `first`.
        """
        years: tuple[int, ...] | range = self.years
        if self.for_years is not None:
            begin = self.years[0] if self.years else first
            years = range(begin, begin + self.for_years) if begin is not None else ()
        elif self.onwards and self.years and last is not None:
            years = range(self.years[0], last + 1)
        return tuple(y for y in years
                     if (first is None or y >= first) and (last is None or y <= last))


# -- flattening: wrapped text to one line of words, with a map back ----------------

_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"  # soft hyphen, zero-width characters
# What flattening changes; everything else (words, a hyphen within a line, a single
# space before more text) is copied as it stands.
# The lookahead on the first character lets the search pass over the letters of words
# quickly, without trying each alternative at each of them.
_CHANGED = re.compile(
    rf"(?=[-\s{_INVISIBLE}])"
    rf"(?:(?P<hyphen>-[^\S\n]*\n\s*)|(?P<space>(?! (?!\s))\s+)|(?P<invisible>[{_INVISIBLE}]+))"
)
_COMPOUND_TAIL = re.compile(r"(?:og|eller)\b")


class _Origin:
    """Offsets into the text of the characters of its flat form: `origin[i]` is where
    flat character `i` came from, and `origin[len(flat)]` is the end of the text.

    Kept as runs (the flat offset where each starts, and the offset in the text it
    came from) that are looked up for the few offsets a caller needs, not as one
    number a character.
    """

    __slots__ = ("_flat", "_source", "_length", "_end")

    def __init__(self, flat: list[int], source: list[int], length: int, end: int):
        self._flat, self._source, self._length, self._end = flat, source, length, end

    def __getitem__(self, i: int) -> int:
        if i == self._length:
            return self._end
        k = bisect_right(self._flat, i) - 1
        return self._source[k] + i - self._flat[k]


def _flatten(text: str) -> tuple[str, _Origin]:
    """The text as one line of words (a blank line becomes a newline), and where each
    of its characters came from in the text."""
    pieces: list[str] = []
    flat_starts: list[int] = []  # the runs of `_Origin`
    source_starts: list[int] = []
    length = 0  # of the flat text so far

    def add(piece: str, source: int) -> None:
        nonlocal length
        if not piece:
            return
        if not source_starts or source - source_starts[-1] != length - flat_starts[-1]:
            flat_starts.append(length)
            source_starts.append(source)
        pieces.append(piece)
        length += len(piece)

    copied = 0  # the text is copied up to here
    for m in _CHANGED.finditer(text):
        start = m.start()
        add(text[copied:start], copied)
        copied = m.end()
        kind = m.lastgroup
        if kind == "space":
            add("\n" if m.group().count("\n") >= 2 else " ", start)
        elif kind == "hyphen":
            before = pieces[-1][-1] if pieces else ""
            after = text[copied : copied + 1]
            compound = _COMPOUND_TAIL.match(text, copied)
            if before.isalpha() and after.isalpha() and after.islower() and not compound:
                continue  # "øken-\nde": one word
            add("- " if compound else "-", start)  # "2022-\n2023"; "helse-\nog omsorg"
        # invisible characters are left out
    add(text[copied:], copied)
    return "".join(pieces), _Origin(flat_starts, source_starts, length, len(text))


# -- the patterns --------------------------------------------------------------------

_NUMBER = r"(?:\d{1,3}(?: \d{3})+|\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?|\d+\.\d+"
# "mil" is short for millions in amendments ("1,5 mil"), and a Norwegian mile (10 km) before
# the words of a distance ("1,5 mil gang- og sykkelvei"), which are not read.
_MILE = r"mil(?! (?:\w+- og )?(?:gang|sykkel|vei|veg|løype|tur|kyst|strekning|lang|unna|fra|til|avstand))"
_MILLIONS = rf"(?i:million(?:er|ar)?|mill|{_MILE}|mnok|mkr)(?![\w])"
_THOUSANDS = r"(?i:tusen)(?= ?(?i:kroner|kr)(?![\w]))"  # "500 tusen kroner"; "5 tusen innbyggere" is a count
_IN_THOUSANDS = r"\((?i:i )?(?:1 ?000|1\.000|tusen) (?i:kr|kroner|NOK)\.?\)"  # "100 (1000 kr)"
_BILLIONS = r"(?i:milliard(?:er|ar)?|mrd)(?![\w])"
_KRONER = r"(?:(?i:kroner|kr)|NOK)(?![\w])"
# An amount starts with a digit, with "kr" or with "MNOK" (whose k (?i) also matches as the Kelvin
# sign): the lookahead on that first character spares the lookbehinds at every other place.
_AMOUNT = re.compile(
    r"(?=[\dkKmM\u212a])"
    rf"(?:(?<![\w.,\-–/:])(?P<num>{_NUMBER}) ?"
    rf"(?:(?:(?P<mill>{_MILLIONS})|(?P<bill>{_BILLIONS})|(?P<thou>{_THOUSANDS}))(?:\.? ?{_KRONER})?"
    rf"|(?P<kr>{_KRONER})|(?P<in_thou>{_IN_THOUSANDS}))"
    rf"|(?<![\w.])(?i:kr)\.? ?(?P<num2>{_NUMBER})(?!\d)(?:,-)?"
    rf"|(?<![\w.])(?i:mnok|mill\. ?kr|mill kr)\.? ?(?P<num3>{_NUMBER})(?![\d\w]))"
)
_RATE = re.compile(r"\.? ?(?:(?:per|pr\.?|/) ?(?!år\b|året\b)\w|i (?:timen|måneden|mnd|uka|uken|døgnet|dagen)\b)",
                   re.I)
_RANGE_BEFORE = re.compile(r"\d ?[-–] ?$")  # "3-5 millioner": a range, not one figure

_YEAR = r"(?:19|20)\d\d(?!\d)"
_DIGIT = re.compile(r"\d")
# A piece of every unit of `_AMOUNT` and `_IN_THOUSANDS_DECLARED` (million, mill, mil, MNOK, mkr,
# milliard, mrd, kroner, kr, NOK), case ignored as there.
_UNIT = re.compile(r"mil|mrd|kr|nok", re.I)
_JOINS = re.compile(rf"-[^\S\n]*\n|[{_INVISIBLE}]")  # where flattening joins pieces of words (`_CHANGED`)
_PREPOSITION = r"(?:i løpet av|i årene|i året|fra og med|f\.o\.m\.?|fom\.?|i|fra|for)"
_SEASON = r"(?:(?:høsten|våren|sommeren|vinteren|høst|vår|sommer|vinter) )?"
_YEARS = re.compile(
    rf"(?:(?<![\w.])(?P<prep>{_PREPOSITION}) {_SEASON})?(?<![\w.,])(?P<y1>{_YEAR})"
    rf"(?:(?: ?[-–] ?| til (?:og med )?)(?P<y2>{_YEAR}|\d\d(?!\d))|(?P<more>(?:, {_YEAR})* og {_YEAR}))?",
    re.I,
)
_NUMBER_WORDS = {"ett": 1, "en": 1, "et": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "sju": 7,
                 "syv": 7, "åtte": 8, "ni": 9, "ti": 10}
_FOR_YEARS = re.compile(rf"(?<![\w.])i (?P<n>{'|'.join(_NUMBER_WORDS)}|\d) (?:år|budsjettår)(?![\w])", re.I)
_ONWARDS = {"fra", "fra og med", "f.o.m.", "f.o.m", "fom", "fom."}

_APPROX = r"(?:ca\.?|cirka|om lag|omlag|omkring|omtrent|rundt|anslagsvis|anslått)"
_STEP = re.compile(
    r"(?<![\w])(?P<word>økende|økning|øker|økes|stigende|stiger|opptrapping|trappes opp|trapper opp|opp"
    r"|synkende|synker|reduseres|reduksjon|nedtrapping|minkende|faller"
    r"|styrkes|styrker|styrking|kuttes|kutter|kutt|reduserer|aukar|aukast|auke)"
    r"(?: (?:derfor|også|videre|dermed))? (?:(?P<to>til)|med|på)(?: (?:ytterligere|ekstra))?"
    rf"(?P<approx> {_APPROX})? $",
    re.I,
)
_FALLING = {"synkende", "synker", "reduseres", "reduksjon", "nedtrapping", "minkende", "faller",
            "kuttes", "kutter", "kutt", "reduserer"}
# The line's own change: "Veivedlikehold økes med 2 mill fra 2021" states the line's amount,
# where a step after a figure ("5 millioner i 2020, økende med 2 i 2021") steps from it.
_CHANGE_WORDS = {"økes", "øker", "økning", "styrkes", "styrker", "styrking", "kuttes", "kutter", "kutt",
                 "reduseres", "reduserer", "reduksjon", "aukar", "aukast", "auke"}
# "over perioden", "i hele økonomiplanperioden", "over fireårsperioden", "(over) de neste fire årene":
# the years of the plan together ("10 millioner hvert år de neste fire årene" is by year: not read so).
_COUNT = r"(?:to|tre|fire|fem|seks|\d)"
_PERIOD = (r"(?:(?:over|i|for) (?:hele )?(?:plan|økonomiplan|fireårs|fem\w*års|\w*årige )?perioden"
           rf"|(?:(?:over|i løpet av|i|for) )?de (?:(?:neste|kommende) {_COUNT}|{_COUNT} (?:neste|kommende)) årene)")
_TOTAL_BEFORE = re.compile(
    rf"(?<![\w])(?:totalt|til sammen|samlet|i alt|{_PERIOD})(?: {_PERIOD})?(?: på| med)?"
    rf"(?P<approx> {_APPROX})? $", re.I)
_TOTAL_AFTER = re.compile(rf" (?:totalt|til sammen|i alt|samlet|{_PERIOD})(?![\w])", re.I)
_APPROX_BEFORE = re.compile(rf"(?<![\w]){_APPROX} $", re.I)
# "Tall i 1000 kr": the text's bare figures before a year ("500 i 2020") are thousands of kroner.
_IN_THOUSANDS_DECLARED = re.compile(
    r"(?<![\w])(?:(?:alle )?(?:tall|tallene|beløp|beløpene)(?: er)?(?: oppgitt| gitt| angitt| vist)? i (?:hele )?"
    r"|\((?:tall |beløp )?i (?:hele )?|i hele )(?:1 ?000|1\.000|tusen) (?:kr|kroner|NOK)(?![\w])\.?\)?", re.I)
_BARE = re.compile(
    rf"(?<![\w.,\-–/:])(?!(?:19|20)\d\d(?![\d ,.]))(?P<num>{_NUMBER})"  # not a year itself
    rf"(?= (?:{_PREPOSITION}) (?:19|20)\d\d(?!\d))", re.I)
_HALFYEAR = re.compile(r"halvårs(?:effekt|virkning)", re.I)

# A clause ends at ; : or a comma before a space ("3,5" is a number), and so does a
# sentence: at . ! ? before a capital letter, and at a blank line. (The lookahead on
# the first character is for speed, as in _AMOUNT.)
_CLAUSE_END = re.compile(r"(?=[;:,.!?…\n])(?:[;:]|,(?= )|[.!?…](?= [\"«(]?[A-ZÆØÅ])|\n)")
_WORD = re.compile(r"\S+")
_AFTER_WORDS = 4  # words allowed between an amount and its year: "0,2 millioner utover kommunedirektørens forslag i 2021"
_BEFORE_WORDS = 3  # words allowed between a year and the amount after it: "i 2020 av 0,9 millioner"


@lru_cache(maxsize=4096)  # the same figure comes back in many texts: one Decimal for all of them
def _number(raw: str) -> Decimal | None:
    """The number as written, or None where it has more digits than money can have."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", raw):
        raw = raw.replace(".", "")  # "1.500.000": points between thousands
    whole, _, decimals = raw.replace(" ", "").replace(",", ".").partition(".")
    if len(whole) > MAX_DIGITS or len(decimals) > MAX_DECIMALS:
        return None
    return Decimal(f"{whole}.{decimals}" if decimals else whole)


def _years_of(m: re.Match) -> tuple[int, ...]:
    return _years(m.group("y1"), m.group("y2"), m.group("more"))


@lru_cache(maxsize=1024)  # one tuple for all the figures of the same years
def _years(first: str, second: str | None, more: str | None) -> tuple[int, ...]:
    y1 = int(first)
    if second:
        y2 = int(second) if len(second) == 4 else y1 // 100 * 100 + int(second)
        return tuple(range(y1, y2 + 1)) if y1 <= y2 <= y1 + 50 else ()
    if more:
        return (y1, *(int(y) for y in re.findall(_YEAR, more)))
    return (y1,)


class _Found(NamedTuple):
    amount: Decimal
    start: int  # in the flat text
    end: int
    kroner: bool
    thousands: bool = False
    year: int | None = None  # "2024: 4 mill": the year written before it, with a colon
    year_start: int = 0  # where that year starts
    scale: Decimal = Decimal(1)  # millions per unit of the number as written (1/1000 for "500 tusen kroner")


# "2024: 4 mill, 2025: 6 mill", "2024: 4, 2025: 6 mill": a list of years each with a colon and a figure,
# separated by a comma, "og" or a semicolon. A figure of the list without a unit takes the unit of the
# next figure that has one; in a list with no unit at all the figures are no money (unless the text is
# in thousands, where a bare figure is an amount).
_YEAR_COLON = re.compile(rf"(?<![\w.,])(?P<year>{_YEAR}) ?: ?(?P<num>{_NUMBER})(?!\d|,\d)")
_YEAR_LIST_GAP = re.compile(r"(?:,| og|;) ?")
_BARE_END = re.compile(r"\.?(?:[,;)]|$| og |\.? ?\n|\. )")


def _year_lists(flat: str, found: list[_Found], thousands: bool) -> list[_Found]:
    """The amounts with the years of a "2024: 4 mill, 2025: 6 mill" list, figures without a unit added."""
    by_start = {f.start: k for k, f in enumerate(found)}
    items = list(_YEAR_COLON.finditer(flat))
    lists: list[list[re.Match]] = []
    for m in items:
        if lists:
            last = lists[-1][-1]
            k = by_start.get(last.start("num"))
            end = found[k].end if k is not None else last.end()
            if _YEAR_LIST_GAP.fullmatch(flat, end, m.start()):
                lists[-1].append(m)
                continue
        lists.append([m])
    out = list(found)
    for group in lists:
        unit: _Found | None = None  # of the next figure with a unit, from the end of the list
        for m in reversed(group):
            k = by_start.get(m.start("num"))
            year = int(m.group("year"))
            if k is not None:
                unit = found[k]
                out[k] = found[k]._replace(year=year, year_start=m.start())
                continue
            if not _BARE_END.match(flat, m.end()):
                continue  # "2024: 12 plasser": a count
            value = _number(m.group("num"))
            if value is None:
                continue
            if unit is not None:
                out.append(_Found(value * unit.scale, m.start("num"), m.end("num"), unit.kroner, unit.thousands,
                                  year, m.start(), unit.scale))
            elif thousands:
                out.append(_Found(value / THOUSAND, m.start("num"), m.end("num"), True, True, year, m.start(),
                                  1 / THOUSAND))
    return sorted(out, key=lambda f: f.start)


def _amounts(flat: str, thousands: bool) -> list[_Found]:
    found = []
    declared = [(m.start(), m.end()) for m in _IN_THOUSANDS_DECLARED.finditer(flat)]

    def in_declaration(m: re.Match) -> bool:
        return any(start <= m.start() < end for start, end in declared)

    for m in _AMOUNT.finditer(flat):
        if (_RANGE_BEFORE.search(flat, max(0, m.start() - 4), m.start()) or _RATE.match(flat, m.end())
                or in_declaration(m)):
            continue
        value = _number(m.group("num") or m.group("num2") or m.group("num3"))
        if value is None:
            continue
        kroner = bool(m.group("kr") or m.group("num2"))
        scale = Decimal(1)
        if kroner:
            scale = 1 / MILLION
            value = value / MILLION
        elif m.group("bill"):
            scale = Decimal(1000)
            value = value * 1000
        elif m.group("thou") or m.group("in_thou"):
            scale = 1 / THOUSAND
            value, kroner = value / THOUSAND, True
        found.append(_Found(value, m.start(), m.end(), kroner, bool(m.group("thou") or m.group("in_thou")),
                            scale=scale))
    if declared or thousands:  # bare figures before a year, after "tall i 1000 kr" (or all through)
        taken = [(f.start, f.end) for f in found]
        for m in _BARE.finditer(flat, 0 if thousands else declared[0][1]):
            if any(s <= m.start() < e for s, e in taken) or in_declaration(m):
                continue
            value = _number(m.group("num"))
            if value is not None:
                found.append(_Found(value / THOUSAND, m.start(), m.end(), True, True, scale=1 / THOUSAND))
        found.sort(key=lambda f: f.start)
    if ":" in flat:
        found = _year_lists(flat, found, thousands)
    return found


# The editor checks the same texts again at every change. Room for every text of a plan of some
# 25 000 entries (about 14 MB for 10 000): read in order, a smaller cache would keep none of them.
@lru_cache(maxsize=1 << 15)
def read_figures(text: str, thousands: bool = False) -> tuple[Figure, ...]:
    """Every figure the text states, in the order written. With `thousands` (a text of a
    document whose figures are in thousands of kroner), a bare figure before a year ("500 i
    2020") is thousands from the start, as after "tall i 1000 kr"."""
    if not could_state(text, thousands):
        return ()
    return _read(text, thousands)


def could_state(text: str, thousands: bool = False) -> bool:
    """Whether the text could state a figure: every figure has a digit, and one with a unit
    (`_UNIT`) unless bare figures are read as thousands; flattening may join a unit from
    pieces (`_JOINS`). Most texts of a plan are let by here, unread."""
    return bool(_DIGIT.search(text)) and (thousands or bool(_UNIT.search(text)) or bool(_JOINS.search(text)))


def _read(text: str, thousands: bool) -> tuple[Figure, ...]:
    flat, origin = _flatten(text)
    found = _amounts(flat, thousands)
    clause_ends = [m.start() for m in _CLAUSE_END.finditer(flat)]
    sentence_ends = [e for e in clause_ends if flat[e] in ".!?…\n"]
    figures: list[Figure] = []
    consumed = 0  # the flat offset up to which earlier figures took their words
    for i, f in enumerate(found):
        k = bisect_left(clause_ends, f.start)
        clause_start = clause_ends[k - 1] + 1 if k else 0
        k = bisect_left(clause_ends, f.end)
        clause_end = clause_ends[k] if k < len(clause_ends) else len(flat)
        next_start = found[i + 1].start if i + 1 < len(found) else len(flat)
        after_stop = min(next_start, clause_end)
        before_from = max(consumed, clause_start)
        before = flat[before_from : f.start]

        change: Change = "level"
        falling = False
        approximate = bool(_APPROX_BEFORE.search(before))
        phrase_start, phrase_end = f.start, f.end
        if step := _STEP.search(before):
            change = "to" if step.group("to") else "by"
            falling = change == "by" and step.group("word").lower() in _FALLING
            approximate = approximate or bool(step.group("approx"))
            phrase_start = before_from + step.start()
        elif total := _TOTAL_BEFORE.search(before):
            change = "total"
            approximate = approximate or bool(total.group("approx"))
            phrase_start = before_from + total.start()
        if total_after := _TOTAL_AFTER.match(flat, f.end, after_stop):
            change = "total"
            phrase_end = total_after.end()  # "30 millioner over perioden": the words that make it a total
        base = None
        line_change = change == "by" and step is not None and step.group("word").lower() in _CHANGE_WORDS
        if change == "by" and figures and figures[-1].change in ("level", "to") and not (
                line_change and _between(sentence_ends, found[i - 1].end, f.start)):
            base = figures[-1].amount  # the step starts from the figure before it
        elif line_change:
            change = "level"  # "økes med 2 millioner i 2020": the line is the change, and 2 its amount

        years: tuple[int, ...] = ()
        onwards = False
        for_years = None
        if f.year is not None:  # "2024: 4 mill"
            phrase, years = None, (f.year,)
            phrase_start = min(phrase_start, f.year_start)
        elif phrase := _year_after(flat, f.end, after_stop, next_start):
            phrase_end = phrase[1].end()
        elif phrase := _year_before(flat, before_from, f.start):
            phrase_start = min(phrase_start, phrase[1].start())
        if phrase and phrase[0] == "years":
            m = phrase[1]
            years = _years_of(m)
            onwards = bool(m.group("prep")) and m.group("prep").lower() in _ONWARDS and len(years) == 1
        elif phrase:
            word = phrase[1].group("n").lower()
            for_years = _NUMBER_WORDS.get(word) or int(word) or None
        consumed = phrase_end
        figures.append(Figure(
            amount=f.amount,
            start=origin[f.start],
            end=origin[f.end - 1] + 1,
            phrase_start=origin[phrase_start],
            phrase_end=origin[phrase_end - 1] + 1,
            years=years,
            onwards=onwards,
            for_years=for_years,
            change=change,
            base=base,
            falling=falling,
            kroner=f.kroner,
            halfyear=bool(_HALFYEAR.search(flat, f.end, after_stop)),
            approximate=approximate,
            thousands=f.thousands,
        ))
    return tuple(figures)


def _between(ends: list[int], start: int, end: int) -> bool:
    """Whether one of the sorted offsets `ends` lies in `start..end`."""
    k = bisect_left(ends, start)
    return k < len(ends) and ends[k] < end


def forget() -> None:
    """Let go of what was read, as a new process starts: for measuring a first reading (`bench/phases.py`)."""
    for cached in (read_figures, _number, _years):
        cached.cache_clear()


def _year_after(flat: str, begin: int, stop: int, limit: int) -> tuple[str, re.Match] | None:
    """The years phrase that starts within a few words after an amount and before
    `stop` (the end of its clause), if any; the phrase itself may run on to `limit`
    ("i 2020, 2021 og 2022").

    A year directly after the unit needs no preposition ("5 millioner 2021");
    further on it does ("utover kommunedirektørens forslag i 2021"). The first
    year met decides: one without a preposition belongs to something else.
    """
    found = [("years", m) for m in [_YEARS.search(flat, begin, limit)] if m]
    found += [("count", m) for m in [_FOR_YEARS.search(flat, begin, limit)] if m]
    if not found:
        return None
    kind, m = min(found, key=lambda c: c[1].start())
    if m.start() >= stop:
        return None
    between = flat[begin : m.start()]
    if kind == "count" or m.group("prep"):
        return (kind, m) if len(_WORD.findall(between)) <= _AFTER_WORDS else None
    return (kind, m) if not between.strip(" .") else None


def _year_before(flat: str, begin: int, end: int) -> tuple[str, re.Match] | None:
    """A years phrase with a preposition shortly before an amount: "settes det i 2020 av 0,9 millioner"."""
    last: tuple[str, re.Match] | None = None
    for m in _YEARS.finditer(flat, begin, end):
        if m.group("prep"):
            last = ("years", m)
    for m in _FOR_YEARS.finditer(flat, begin, end):
        if last is None or m.start() > last[1].start():
            last = ("count", m)
    if last is None:
        return None
    between = _WORD.findall(flat, last[1].end(), end)
    if len(between) > _BEFORE_WORDS or any(w.lower() in ("og", "eller") for w in between):
        return None
    return last
