"""A first draft of a .budsjett file from the proposal document itself.

Pure: the document's lines in (`Block`s, from plain text, Markdown or a Word
document), a formatted draft and a report out. The draft is what an adviser
reviews and corrects instead of transcribing; every guess and every line that
could not be placed carries a comment starting with `# REVIEW:`, and no
figure is ever invented: a figure comes from the document's words (read with
the same reader as the prose rules, `dsl.prose.read_figures`), or from the
amount printed beside a heading, or it is `?`. And no figure is lost: each
figure of the document is either placed (an amount, a total, a heading
amount, a printed `sum`) or marked (written in a `# REVIEW:` comment beside
the text it came from), and the report counts both.

How the document is read, by its structure (no heading of any one document is
known here):

- The first line names the budget; the next, where it names a year, is the
  title, and its `2020-2023` the plan period.
- A *heading* is a line marked as one (Markdown `#`, a Word heading style), a
  line that ends in an amount after tabs or a run of spaces ("Toppet bemanning
  i barnehage ... 3,5 millioner"), or a short line standing alone after a
  blank line or another heading, that ends no sentence and whose next line
  does not continue it. Everything up to the next heading is its prose.
- A heading whose words are those of a service area ("Oppvekst", "Finans og
  organisering") opens that area; one whose words are those of a part
  ("Drift", "Investeringer", "Verbale føringer", "Inndekning"), possibly
  followed by " - Area", opens that part. Both become `section`s.
- Where the document gives heading levels (in plain text: by numbers or
  capitals), a heading over lines that is no standard area is an area of the
  document's own (declared with `area`), and an area ends at a heading as high
  as its own. An investment or directive part without an area holds the
  areas under it.
- Under an area, headings without an amount or figures before the first entry
  are sections (introductions); then, by the part: operating items, investments,
  directives or coverage lines. A heading with an amount is an entry; an
  amount met in the directives starts items again, and the heading without
  an amount just before it is read as a section.
- In the coverage part "Avsetning til X" is an allocation to the fund X,
  "Bruk av X" a draw on it, and a line about borrowing ("låneopptak") a loan.
- A row of years starts a table of figures per year; its rows fill in the
  entries of their names, or become entries of their own; its sum row is a
  `sum` of those lines, checked against the rows.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterable, Literal

from ...dsl.model import BUILTIN_SECTORS
from ...dsl.parser import CONTROL_CHARACTERS, fits
from ...dsl.prose import Figure, read_figures
from ...dsl.written import spell_amounts, spell_in_unit
from ..config import FormatOptions
from ..editor.formatter import format_text

__all__ = ["Block", "Draft", "Review", "import_blocks", "blocks_from_markdown", "blocks_from_text"]

REVIEW = "# REVIEW:"

Part = Literal["intro", "item", "invest", "directive", "cover"]


class DocumentTooLarge(ValueError):
    """A document beyond what a proposal holds (a Word or PDF file): said with its size and the limit."""


@dataclass(frozen=True)
class Block:
    """One line of the document (a paragraph of a Word document); blank between paragraphs."""

    text: str
    heading: bool = False  # marked as a heading by the document itself
    level: int = 0  # a marked heading's level, where the document gives one (Heading 1, `##`): 1 is the highest


@dataclass(frozen=True)
class Review:
    """A guess or a line that could not be placed, left for the reviewer."""

    kind: str  # a short category for the report, e.g. "directive cost"
    note: str  # the comment's text


@dataclass(frozen=True)
class Draft:
    text: str  # the formatted draft
    entries: int  # items and investments
    coverage: int  # cover, draw, allocate and loan lines
    directives: int
    sections: int
    figures_read: int  # every figure of the document: in its prose, beside its headings, in its tables
    figures_placed: int  # those written as an amount, a total, a heading amount or a printed sum
    figures_marked: int  # those written only in a `# REVIEW:` comment, beside the text they came from
    reviews: tuple[Review, ...]
    sums_checked: int = 0  # table sum rows compared by the import with the rows above them

    def report(self, source: str) -> str:
        """The short report for standard error."""
        kinds = Counter(r.kind for r in self.reviews)
        left = ", ".join(f"{n} {k}" for k, n in kinds.most_common()) or "nothing"
        return (
            f"budsjett-lint import: {source}: {_count(self.entries, 'entry', 'entries')}, "
            f"{_count(self.coverage, 'coverage line')}, {_count(self.directives, 'directive')}, "
            f"{_count(self.sections, 'section')}; {_count(self.figures_read, 'figure')} read: "
            f"{self.figures_placed} placed, {self.figures_marked} marked for review; "
            f"{_count(self.sums_checked, 'sum')} checked against {'its' if self.sums_checked == 1 else 'their'} rows.\n"
            f"Left for review ({_count(len(self.reviews), 'line')} marked `{REVIEW}`): {left}.\n"
        )


def _count(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else plural or word + 's'}"


# -- reading documents into blocks ---------------------------------------------------


def blocks_from_text(text: str) -> list[Block]:
    """Plain text (a Word document saved as text): one block a line."""
    return [Block(_clean(line)) for line in _lines(text)]


_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")


def blocks_from_markdown(text: str) -> list[Block]:
    """Markdown: `#` and underlined headings, bold lines as headings, tables as rows of cells."""
    blocks: list[Block] = []
    for raw in _lines(text):
        line = _clean(raw)
        if m := _MD_HEADING.match(line):
            blocks.append(Block(_MD_EMPHASIS.sub(r"\2", m.group(2)), True, len(m.group(1))))
        elif _MD_SETEXT.match(line) and blocks and blocks[-1].text.strip() and not blocks[-1].heading:
            blocks[-1] = Block(blocks[-1].text, True, 1 if line.strip().startswith("=") else 2)
        elif _MD_TABLE_RULE.match(line) and "|" in line:
            continue
        elif line.strip().startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            blocks.append(Block("\t".join(_MD_EMPHASIS.sub(r"\2", c) for c in cells)))
        elif re.fullmatch(r"\s*(\*\*|__)[^*_].*\1\s*", line):
            blocks.append(Block(_MD_EMPHASIS.sub(r"\2", line.strip()), True))
        else:
            blocks.append(Block(_MD_EMPHASIS.sub(r"\2", line)))
    return blocks


def _lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufeff]")


def _clean(line: str) -> str:
    """Control characters (a form feed between pages) become spaces; trailing space goes."""
    return _CONTROL.sub(" ", line).rstrip()


# -- the structure -------------------------------------------------------------------

_SENTENCE_END = tuple(".,;:!?-–")
_NAME_MAX = 110  # characters: longer lines are prose
_WORDS_MAX = 16
_WORDS_RIGHT_AFTER = 8  # a heading directly under another is short ("Idrett for alle")

# The kinds of parts, by the words of their headings ("Verbale føringer - Oppvekst").
_PART_WORDS: dict[str, Part] = {
    "drift": "item", "driftstiltak": "item", "utgifter": "item", "driftsutgifter": "item",
    "investering": "invest", "investeringer": "invest", "investeringstiltak": "invest",
    "verbale": "directive", "verbal": "directive", "føringer": "directive", "føring": "directive",
    "verbalforslag": "directive", "forslag": "directive",
    "inndekning": "cover", "inndekninger": "cover", "dekning": "cover", "inntekter": "cover",
}
_PART_ORDER: tuple[Part, ...] = ("cover", "directive", "invest", "item")  # "Inndekning drift" is coverage
_JOINERS = {"og", "&", "-", "–", ",", "/"}
_AREA_SPLIT = re.compile(r"\s+[-–:]\s+")


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[\w&]+", text.lower()) if w not in _JOINERS]


def _same_word(a: str, b: str) -> bool:
    """Equal, or an inflection: "organisering" and "organisasjon" share their stem."""
    if a == b:
        return True
    common = 0
    for x, y in zip(a, b):
        if x != y:
            break
        common += 1
    return common >= 6 and abs(len(a) - len(b)) <= 2


_AREA_WORDS = {s.id: _words(s.name) for s in BUILTIN_SECTORS}
#: Words that a municipality's name for a standard area adds to the area's own ("Oppvekst og utdanning",
#: "Helse og omsorg"): a heading of these and at least one of the area's own words names the area.
_AREA_MORE_WORDS = {
    "oppvekst": ["utdanning"],
    "arbeid": ["velferd", "inkludering"],
    "helse": ["omsorg", "omsorgstjenester", "velferd", "pleie", "mestring"],
    "kultur": ["fritid"],
    "miljø": ["klima", "landbruk"],
    "areal": ["byutvikling", "plan", "transport"],
    "finans": ["økonomi", "administrasjon", "styring"],
}


_NUMBERED = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(?=[A-ZÆØÅ])")


def _unnumbered(text: str) -> str:
    """A heading without its number: "2.1 Drift" is "Drift"."""
    return _NUMBERED.sub("", text.strip(), count=1)


def area_of(text: str) -> str | None:
    """The built-in area whose words the text consists of ("Finans og organisering": finans)."""
    words = _words(_unnumbered(text))
    if not words or len(words) > 5:
        return None
    for area, names in _AREA_WORDS.items():
        more = _AREA_MORE_WORDS.get(area, [])
        if all(any(_same_word(w, n) for n in (*names, *more)) for w in words) and any(
                any(_same_word(w, n) for n in names) for w in words):
            return area
    return None


def part_of(text: str) -> tuple[Part, str | None] | None:
    """The part a heading opens, and its area: "Verbale føringer - Idrett" is (directive, kultur)."""
    pieces = _AREA_SPLIT.split(_unnumbered(text), maxsplit=1)
    words = _words(pieces[0])
    if not words or not all(w in _PART_WORDS for w in words):
        return None
    kinds = {_PART_WORDS[w] for w in words}
    part = next(p for p in _PART_ORDER if p in kinds)
    area = area_of(pieces[1]) if len(pieces) > 1 else None
    if len(pieces) > 1 and area is None:
        return None
    return part, area


def _opens_area(headings: list[_Heading], k: int, thousands: bool) -> bool:
    """A heading of a known level that is no standard area and no part, under which come headings of
    a deeper level that are lines (an amount beside them, or figures in their text): an area of the
    document's own ("Tekniske tjenester")."""
    h = headings[k]
    if not h.level or h.amount is not None or h.table is not None or area_of(h.name) or part_of(h.name):
        return False
    if _gives_figures(h, thousands):
        return False  # its text gives figures: a line
    for sub in headings[k + 1:]:
        if sub.table is None and sub.amount is None and area_of(sub.name):
            return False  # a standard area's heading: what follows it is that area's
        if sub.table is not None or not sub.level:
            continue
        if sub.level <= h.level:
            return False
        if sub.amount is not None or _gives_figures(sub, thousands):
            return True
    return False


_TOC_ENTRY = re.compile(r"(?:\s*(?:\.{2,}|…+)\s*|\t+|\s{2,})\d{1,4}$")  # "2 Oppvekst ...... 5": the contents
_CAPS_LETTERS = 5  # "AKKS", "NAV": a short name in capitals is a name, not a heading's style
#: A line of a table of contents: its heading, dot leaders (or a tab), its page number.
_CONTENTS_LINE = re.compile(r"\S.*?(?:\s*(?P<dots>\.{3,}|…+)\s*|\t+)(?P<page>\d{1,4})$")
_CONTENTS_TITLE = re.compile(r"(?:innhold|innholdsfortegnelse|innhaldsliste|innhald)\W*$", re.I)


def _contents(headings: list[_Heading]) -> set[int]:
    """Which headings are a table of contents ("1 Oppvekst ....... 2", "2 Tekniske tjenester\t3"): a run
    of at least two lines with no text under them, each ending in its page number after dot leaders or
    a tab, the numbers never falling, and the run's own heading ("Innhold") where it has one. Its
    headings come again below, with their text; read as headings, they would be sections of their own
    (or, in a document in thousands, amounts of a few thousand kroner)."""
    found: set[int] = set()
    k = 0
    while k < len(headings):
        page, dots = 0, False  # the run's last page number, and whether a line of it has dot leaders
        j = k
        while j < len(headings) and headings[j].table is None and not _prose(headings[j].body).strip() \
                and (m := _CONTENTS_LINE.fullmatch(headings[j].name.strip())) and int(m.group("page")) >= page:
            page, dots = int(m.group("page")), dots or m.group("dots") is not None
            j += 1
        if j - k >= 2 and dots:
            found.update(range(k, j))
            if k > 0 and _CONTENTS_TITLE.fullmatch(headings[k - 1].name.strip()) \
                    and not _prose(headings[k - 1].body).strip():
                found.add(k - 1)
        k = max(j, k + 1)
    return found



def _text_levels(headings: list[_Heading]) -> None:
    """Levels for the headings of a document that marks none (plain text), where it shows them in
    another way: by their numbers ("2 Tekniske tjenester", "2.1 Brannvern": the number's depth), where
    at least two headings are numbered in order and the numbers show the structure ("2" over "2.1", or
    an area's or a part's heading numbered); else by capitals ("TEKNISKE TJENESTER" over headings that
    are not in capitals), where a standard area's heading is in capitals too. A heading without the
    sign is under those with it; a standard area's or a part's without it has no level, so that it
    neither opens nor ends one by its level. The lines of a table of contents ("2 Oppvekst ..... 5")
    are left out: their numbers come again below."""
    candidates = [h for h in headings if h.table is None and not _TOC_ENTRY.search(h.name)]
    numbered = [(h, m.group("number").rstrip(".")) for h in candidates if (m := _NUMBERED.match(h.name))]
    tops = [int(n.split(".")[0]) for _, n in numbered]
    numbers = {n for _, n in numbered}
    levels: dict[int, int] = {}
    # Numbers that give the document's structure: "2" over "2.1", or an area's or a part's heading numbered
    # (not a numbered list of directives, "1. Skolevei", "2. Gratis frukt").
    if len(numbered) >= 2 and tops == sorted(tops) and any(
            n.rsplit(".", 1)[0] in numbers and "." in n or area_of(h.name) or part_of(h.name) for h, n in numbered):
        levels = {id(h): n.count(".") + 1 for h, n in numbered}
    else:
        caps = [h for h in candidates if h.amount is None and not re.search(r"[a-zæøå]", h.name)
                and len(re.findall(r"[A-ZÆØÅ]", h.name)) >= _CAPS_LETTERS and not part_of(h.name)]
        # Capitals as the document's style for its areas: a standard area's heading among them.
        if any(area_of(h.name) for h in caps) and any(re.search(r"[a-zæøå]", h.name) for h in candidates):
            levels = {id(h): 1 for h in caps}
    if not levels:
        return
    below = max(levels.values()) + 1
    for h in candidates:
        if id(h) in levels:
            h.level = levels[id(h)]
        elif not (area_of(h.name) or part_of(h.name)):
            h.level = below


def _gives_figures(h: _Heading, thousands: bool) -> bool:
    """Whether a heading's name or text states a figure (beside the amount printed next to it)."""
    return bool(read_figures(h.name, thousands) or read_figures(_prose(h.body), thousands))


def _has_subheadings(headings: list[_Heading], k: int) -> bool:
    """Whether a heading of a known level has headings of a deeper level under it."""
    level = headings[k].level
    following = next((h for h in headings[k + 1:] if h.table is None and h.level), None)
    return bool(level) and following is not None and following.level > level


def _area_id(name: str, taken: set[str]) -> str:
    """An id for an area of the document's own: its words joined by hyphens, made unique."""
    words = [w for w in _words(name) if re.fullmatch(r"[^\W\d]\w*", w)]
    base = "-".join(words[:3]) or "område"
    found, n = base, 1
    while found in taken:
        n += 1
        found = f"{base}-{n}"
    return found


@dataclass
class _Heading:
    name: str
    amount: Figure | None = None
    amount_text: str = ""
    body: list[str] = field(default_factory=list)
    table: dict[int, Decimal] | None = None  # a row of a table of figures per year
    sum_row: bool = False  # the table's sum ("Sum", "Totalt"), not an entry
    table_no: int = -1  # which table of the document a row is of
    level: int = 0  # a heading's level where the document marks it (1 the highest), 0 where it does not
    refused: tuple[str, ...] = ()  # figures of the heading or the row that no amount can hold, as written


#: Why a figure is not placed: the language's amounts are below 10**15 million and to whole øre.
_NOT_AN_AMOUNT = "no amount can hold it (at most 15 digits before the point and 8 after, in millions): not placed"


_HEADING_AMOUNT = re.compile(r"^(?P<name>\S.*\S|\S)(?:\t|\s{2,}|\s*\.{3,}|\s*…)\s*(?P<amount>\S[^\t]*?)\s*$")


def _heading_amount(text: str, thousands: bool = False) -> tuple[str, Figure, str] | None:
    """A heading followed by its amount on the same line: the name, the figure and its words.
    In a document in thousands a bare number is an amount too ("Flere lærere    5 650")."""
    m = _HEADING_AMOUNT.match(text.strip())
    if not m:
        return None
    name, tail = m.group("name").strip(), m.group("amount").rstrip(".")
    figures = read_figures(tail, thousands)
    if thousands and not figures and (value := _bare_number(tail)) is not None:
        figures = (Figure(value / 1000, 0, len(tail), 0, len(tail), kroner=True, thousands=True),)
    if len(figures) != 1 or figures[0].start != 0 or figures[0].end != len(tail) or figures[0].years:
        return None
    if name.endswith(_SENTENCE_END) or len(name) > _NAME_MAX:
        return None
    return name, figures[0], tail


def _marked_heading_amount(text: str, thousands: bool = False) -> tuple[str, Figure, str] | None:
    """A line the document marks as a heading that ends in its amount without a gap before it
    ("Flere lærere 3,5 mill", as a Word heading or a PDF's bold line prints it)."""
    line = text.strip().rstrip(".")
    figures = read_figures(line, thousands)
    if not figures or figures[-1].end != len(line) or figures[-1].years or figures[-1].change != "level":
        return None
    name = line[: figures[-1].start].rstrip(" :–-")
    if not name or name.endswith(_SENTENCE_END) or len(name) > _NAME_MAX or not re.search(r"[^\W\d]", name):
        return None
    if re.search(r"\b(?:med|til|på|av|for|ca\.?|om lag|totalt|samlet|i alt)$", name, re.I):
        return None  # "Veivedlikehold økes med 2 mill": the figure is what the heading says, not beside it
    return name, figures[-1], line[figures[-1].start:]


def _bare_number(text: str) -> Decimal | None:
    """A number standing alone, as a table or a heading prints one ("5 650", "1.500", "2,5"); not a year."""
    if _YEAR_CELL.fullmatch(text) or not _NUMBER_CELL.fullmatch(text) or text[0] in "-−–":
        return None
    digits = re.sub(r"[ \u00a0]", "", text)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", digits):
        digits = digits.replace(".", "")
    return Decimal(digits.replace(",", "."))


_YEAR_CELL = re.compile(r"(?:19|20)\d\d")
_NUMBER_CELL = re.compile(r"[-−–]? ?(?:\d{1,3}(?:[ \u00a0.]\d{3})+|\d+)(?:,\d+)?|[-−–]? ?\d+\.\d+")
_NO_FIGURE_CELL = {"", "-", "–", "−"}
_SUM_ROW = re.compile(r"(?:sum|totalt?|i alt)\b", re.I)
_THOUSANDS = re.compile(r"\b(?:1[ \u00a0.]?000|tusen) ?(?:kr|kroner|nok)\b", re.I)
# A document that says its figures are thousands of kroner: "Alle tall i 1000 kr", "Beløp i hele
# tusen kroner", a caption "Driftstiltak (1000 kr)" (not "100 (1000 kr)": that is one amount).
_UNIT_THOUSANDS = re.compile(
    r"\b(?:(?:alle )?(?:tall|tallene|beløp|beløpene)(?: er)?(?: oppgitt| gitt| angitt| vist)? i (?:hele )?"
    r"|i hele |(?<=\()(?:tall |beløp )?(?:i )?(?:hele )?)(?:1[ \u00a0.]?000|tusen) ?(?:kr|kroner|nok)\b", re.I)
_MILLION_WORDS = re.compile(r"\b(?:mill\w*|mnok|mrd|milliard\w*)(?!\w)", re.I)
_KRONER = re.compile(r"\b(?:kr|kroner|nok)\b", re.I)
_MILLIONS = re.compile(r"\bmill", re.I)


@dataclass(frozen=True)
class _Table:
    """A table of figures per year: a header row of years, then a row a line with its figures."""

    columns: tuple[int, ...]  # the cell index of each year
    years: tuple[int, ...]
    width: int  # cells in the header row
    scale: Decimal  # millions per unit of the table's figures

    def row(self, text: str) -> tuple[str, dict[int, Decimal], tuple[str, ...]] | None:
        """The name, the figures of a row (a year left empty or "-" gives none) and the cells that
        no amount can hold (`2020: 1234567890123456`), if it is one."""
        cells = [c.strip() for c in text.split("\t")]
        if len(cells) < self.width:
            cells += [""] * (self.width - len(cells))  # empty cells at the end of a line of text
        if len(cells) != self.width:
            cells = [c for c in cells if c]  # a text export: runs of tabs between cells
            if len(cells) != len(self.years) + 1:
                return None
            columns = tuple(range(1, len(cells)))
        else:
            columns = self.columns
        name = cells[0]
        values = [cells[c] for c in columns]
        if not name or _NUMBER_CELL.fullmatch(name) or not all(
                v in _NO_FIGURE_CELL or _NUMBER_CELL.fullmatch(v) for v in values):
            return None
        figures = {}
        refused = []
        for year, v in zip(self.years, values):
            if v not in _NO_FIGURE_CELL:
                digits = re.sub(r"[ \u00a0]", "", v).replace("−", "-").replace("–", "-")
                if re.fullmatch(r"-?\d{1,3}(?:\.\d{3})+(?:,\d+)?", digits):
                    digits = digits.replace(".", "")
                sign, coefficient, exponent = Decimal(digits.replace(",", ".")).as_tuple()
                assert isinstance(exponent, int)  # the cell matched a figure: finite
                value = Decimal((sign, coefficient, exponent + self.scale.adjusted()))  # exact, as the scale is 10**k
                if fits(value):
                    figures[year] = value
                else:
                    refused.append(f"{year}: {v if len(v) <= 30 else v[:27] + '...'}")
        return (name, figures, tuple(refused)) if figures or refused else None


def _table_header(text: str, thousands: bool = False) -> _Table | None:
    """A header row of a table of figures per year: `Tiltak | 2020 | 2021 | ...` (tab-separated)."""
    if "\t" not in text:
        return None
    cells = [c.strip() for c in text.split("\t")]
    columns = tuple(k for k, c in enumerate(cells) if _YEAR_CELL.fullmatch(c))
    others = [c for k, c in enumerate(cells) if c and k not in columns]
    if len(columns) < 2 or len(others) > 1 or columns[0] == 0:
        return None
    label = others[0] if others else ""
    scale = Decimal("0.001") if thousands and not _MILLIONS.search(label) else Decimal(1)
    if _THOUSANDS.search(label):
        scale = Decimal("0.001")
    elif _KRONER.search(label) and not _MILLIONS.search(label):
        scale = Decimal("0.000001")
    return _Table(columns, tuple(int(cells[k]) for k in columns), len(cells), scale)


def _short_title(line: str) -> bool:
    """A few words that end no sentence: a heading directly under another, or a row heading a table's rows."""
    return (len(line.split()) <= _WORDS_RIGHT_AFTER and not line.endswith(_SENTENCE_END)
            and (line[0].isupper() or line[0].isdigit()))


def _standalone(blocks: list[Block], i: int, after_heading: bool) -> bool:
    """A short line standing alone: after a blank line or a heading, ending no sentence."""
    text = blocks[i].text
    line = text.strip()
    if not line or text[0].isspace() or line.endswith(_SENTENCE_END):
        return False
    if len(line) > _NAME_MAX or len(line.split()) > _WORDS_MAX or not (line[0].isupper() or line[0].isdigit()):
        return False
    if re.search(r"[.!?] +[A-ZÆØÅ]", _unnumbered(line)):
        return False  # two sentences ("2. Helse og omsorg" is one heading, numbered)
    before_blank = i == 0 or not blocks[i - 1].text.strip()
    if not before_blank and not (after_heading and _short_title(line)):
        return False
    following = blocks[i + 1].text.strip() if i + 1 < len(blocks) else ""
    return not (following and following[0].islower())


def _split(blocks: list[Block], thousands: bool) -> tuple[list[str], list[_Heading], list[Block]]:
    """The title lines, the headings with their prose, and what stood before the first heading."""
    start = 0
    while start < len(blocks) and not blocks[start].text.strip():
        start += 1
    title: list[str] = []
    i = start
    # The budget's name, and a title that names a year, unless they are headings with amounts.
    while i < len(blocks) and len(title) < 2 and not _heading_amount(blocks[i].text, thousands):
        if title and not blocks[i].text.strip():
            # A blank line (a Word document has one between paragraphs) before a title that gives the plan.
            j = next((j for j in range(i, len(blocks)) if blocks[j].text.strip()), len(blocks))
            if j == len(blocks) or not _PERIOD.search(blocks[j].text) or _heading_amount(blocks[j].text, thousands):
                break
            i = j
        if not blocks[i].text.strip():
            break
        line = blocks[i].text.strip()
        if title and line.endswith(".") and _PERIOD.search(line):
            line = line.rstrip(".")  # "Budsjett 2024, økonomiplan 2024-2027.": the title, as a sentence
        if line.endswith(_SENTENCE_END) or title and not re.search(r"\b(?:19|20)\d\d\b", line):
            break
        title.append(line)
        i += 1
    headings: list[_Heading] = []
    loose: list[Block] = []
    previous_heading = False
    table: _Table | None = None
    tables = 0
    for k in range(i, len(blocks)):
        b = blocks[k]
        if found := _table_header(b.text, thousands):
            table = found
            tables += 1
            continue
        if table is not None and (row := table.row(b.text)):
            headings.append(_Heading(row[0], table=row[1], sum_row=bool(_SUM_ROW.match(row[0])), refused=row[2],
                                     table_no=tables))
            previous_heading = False
            continue
        cells = [c.strip() for c in b.text.split("\t") if c.strip()]
        subheading = len(cells) == 1 and not b.heading and _short_title(cells[0])
        if table is not None and cells and not subheading:
            table = None  # something else than a row: the table has ended
        with_amount = _heading_amount(b.text, thousands) or (
            (b.heading or _standalone(blocks, k, previous_heading)) and _marked_heading_amount(b.text, thousands))
        if table is not None and subheading:
            headings.append(_Heading(cells[0]))  # a row of one cell heads the rows below it
            previous_heading = True
        elif with_amount:
            name, figure, words = with_amount
            held = fits(figure.amount)
            headings.append(_Heading(name, figure if held else None, words if held else "",
                                     refused=() if held else (words,), level=b.level if b.heading else 0))
            previous_heading = True
        elif b.heading and b.text.strip() or _standalone(blocks, k, previous_heading):
            headings.append(_Heading(b.text.strip(), level=b.level if b.heading else 0))
            previous_heading = True
        else:
            previous_heading = previous_heading and not b.text.strip()
            if headings:
                headings[-1].body.append(b.text)
            elif b.text.strip():
                loose.append(b)
    return title, headings, loose


# -- reading the prose ---------------------------------------------------------------


def _prose(body: list[str]) -> str:
    """The prose as lines of text: tabs to spaces, runs of blank lines to one, none at the ends."""
    lines = [ln.replace("\t", "    ").rstrip() for ln in body]
    out: list[str] = []
    for ln in lines:
        if ln.strip() or (out and out[-1]):
            out.append(ln if ln.strip() else "")
    while out and not out[-1]:
        out.pop()
    text = "\n".join(out)
    return re.sub(r'"{3,}', lambda m: "”" * len(m.group()), text)


def _flat(text: str) -> str:
    """The prose on one line, words hyphenated at a line end joined: for finding words."""
    return " ".join(re.sub(r"(?<=[a-zæøå])-\s*\n\s*(?=[a-zæøå])", "", text).split())


_YEARS_NAMED = re.compile(
    r"(?<![\w.])(?P<prep>i|fra|fra og med|f\.o\.m\.?)\s+(?:(?:høsten|høst|våren|vår)\s+)?"
    r"(?P<y1>(?:19|20)\d\d)(?!\d)(?:\s*[-–]\s*(?P<y2>(?:19|20)\d\d)|(?P<more>(?:,\s*(?:19|20)\d\d)*\s+og\s+(?:19|20)\d\d))?",
    re.I,
)


def _named_years(flat: str, first: int, last: int) -> list[int]:
    """The plan years the prose names with "i 2020", "fra 2021", "i 2020 og 2021" or "i 2022-2023"."""
    years: set[int] = set()
    found: range | list[int]
    for m in _YEARS_NAMED.finditer(flat):
        y1 = int(m.group("y1"))
        if m.group("y2"):
            found = range(y1, int(m.group("y2")) + 1)
        elif m.group("more"):
            found = [y1, *(int(y) for y in re.findall(r"\d{4}", m.group("more")))]
        elif m.group("prep").lower() != "i":
            found = range(y1, last + 1)
        else:
            found = [y1]
        years.update(y for y in found if first <= y <= last)
    return sorted(years)


@dataclass
class _Reading:
    """What an entry's prose and heading say: amounts per year and attributes."""

    amounts: dict[int, tuple[Decimal | None, bool]] = field(default_factory=dict)  # year -> (value, kroner)
    total: Decimal | None = None
    halfyear: bool = False
    ramp: bool = False
    permanent: bool = False
    figures: int = 0
    placed: int = 0  # figures written as an amount, a total or the heading amount
    marked: int = 0  # figures written only in a note
    notes: list[Review] = field(default_factory=list)


def _read_entry(h: _Heading, prose: str, first: int, last: int, reducing: bool, unit: str) -> _Reading:
    r = _Reading()
    if read_figures(h.name, unit == "tusen"):
        # The heading's own figures ("Veivedlikehold økes med 2 mill fra 2021") are the line's too: read as
        # a sentence before the text (a blank line ends it).
        prose = f"{_name(h.name)}\n\n{prose}"
    figures = read_figures(prose, unit == "tusen")

    def spell(value: Decimal) -> str:
        return spell_in_unit(value, unit)

    def kroner(f: Figure) -> bool:
        """Written in kroner in the draft: as the document prints it, a figure in thousands in a file in them."""
        return f.kroner and not (unit == "tusen" and f.thousands)
    r.figures = len(figures)

    def words(f: Figure) -> str:
        return " ".join(prose[f.phrase_start : f.phrase_end].split())

    r.figures += len(h.refused)
    r.marked += len(h.refused)
    r.notes += [Review("not an amount", f'the heading\'s "{words}": {_NOT_AN_AMOUNT}') for words in h.refused]
    for f in figures:
        if not fits(f.amount):
            r.notes.append(Review("not an amount", f'"{words(f)}": {_NOT_AN_AMOUNT}'))
            r.marked += 1
            continue
        if f.change == "total":
            if r.total is None:
                r.total = -f.amount if reducing else f.amount
                r.placed += 1
                if reducing:
                    r.notes.append(Review("sign", f'"{words(f)}" read as a total of -{spell(f.amount)} '
                                                  "(a reduction)"))
            else:
                r.notes.append(Review("conflicting figures", f'"{words(f)}" is a second total, after '
                                      f"{spell(abs(r.total))}: not placed"))
                r.marked += 1
            continue
        years = f.years_in(first, last)
        if not years and (f.years or f.for_years):
            r.notes.append(Review("figure outside the plan",
                                  f'"{words(f)}" names no year of the plan {first}-{last}: not placed'))
            r.marked += 1
            continue
        if not years:
            if r.amounts:
                r.notes.append(Review("figure without a year", f'"{words(f)}" names no year: not placed'))
                r.marked += 1
                continue
            years = (first,)
            r.notes.append(Review("figure without a year", f'"{words(f)}" names no year: read as {first}'))
        if f.change in ("to", "by"):
            r.ramp = r.ramp or not r.halfyear
            placed = [y for y, (v, _) in r.amounts.items() if v is not None]
            if placed:
                for y in range(max(placed) + 1, years[0]):
                    r.amounts.setdefault(y, (None, False))
        if f.change == "by":
            other = ", ".join(spell(v) for v in f.readings[1:])
            reading = f" (as a step it would be {other})" if other else ""
            r.notes.append(Review("step", f'"{words(f)}" read as the level reached{reading}'))
        r.halfyear = r.halfyear or f.halfyear
        r.permanent = r.permanent or (f.onwards and len(years) > 1)
        written_any = False
        for y in years:
            known = r.amounts.get(y, (None, False))[0]
            if known is not None and known != f.amount:
                r.notes.append(Review("conflicting figures", f'"{words(f)}" gives {spell(f.amount)} for {y}, '
                                      f"after {spell(known)}: the first is kept"))
                continue
            r.amounts[y] = (f.amount, kroner(f))
            written_any = True
        r.placed += written_any
        r.marked += not written_any
    if h.amount is not None:
        r.figures += 1
        r.placed += 1
        value = h.amount.amount
        if not any(v is not None for v, _ in r.amounts.values()) and r.total is None:
            r.amounts[first] = (value, kroner(h.amount))
            r.notes.append(Review("heading amount as first year",
                                  f"the text gives no figure: the heading's {h.amount_text} is read as {first}"))
        elif (known := r.amounts.get(first, (None, False))[0]) is not None and known != value:
            r.notes.append(Review("heading differs", f"the heading says {h.amount_text}, the text "
                                  f"{spell(known)} for {first}"))
    if not any(v is not None for v, _ in r.amounts.values()) and r.total is None:
        for y in _named_years(_flat(prose), first, last):
            r.amounts[y] = (None, False)
        r.notes.append(Review("no figure", "the document gives no figure for this line"))
    return r


def _amount_tokens(amounts: dict[int, tuple[Decimal | None, bool]], unit: str) -> str:
    """`2020=3.5 2021..2022=? 2023=7`: runs of years with one figure written as ranges."""
    runs: list[tuple[list[int], Decimal | None, bool]] = []
    for y in sorted(amounts):
        value, kroner = amounts[y]
        if runs and runs[-1][0][-1] == y - 1 and runs[-1][1] == value and runs[-1][2] == kroner:
            runs[-1][0].append(y)
        else:
            runs.append(([y], value, kroner))
    return " ".join(spell_amounts(years, value, kroner, unit) for years, value, kroner in runs) or "?"


# -- directives ------------------------------------------------------------------------

_ASKS = re.compile(r"\b(?:ber|bes|bestiller|bestilles|ønsker å få|forventer|må komme med|komme tilbake|"
                   r"legge fram|legges fram)\b", re.I)
_ORDERS = re.compile(
    r"\b(?:sak|saken|utredning|utrede|utredes|orientering|orientere|gjennomgang|gjennomgå|vurdere|vurderes|"
    r"vurdering|plan|planer|forslag|redegjørelse|kartlegging|evaluering|mulighetsstudie|framdriftsplan)\b",
    re.I,
)
_COMMITS = re.compile(
    r"\b(?:opprett\w*|innfør\w*|utvid\w*|øremerk\w*|ansett\w*|fast\w* (?:ressurs|stilling|støtte)\w*|"
    r"holdes åpne?|ikke en nedbemanning|avsettes ressurser|videreføres og utvides)\b",
    re.I,
)
_OWN_FUNDING = re.compile(r"\b(?:omdisponere|omdisponeres|innenfor potten|dekkes (?:inn )?av|finansieres av)\b", re.I)
_FUND = re.compile(r"\bdisposisjonsfond\w*|\bfond(?:et)?\b", re.I)


def _directive_cost(flat: str) -> tuple[str, str]:
    """A guess at what a directive costs, and why: an order for a case or report costs nothing."""
    orders = _ASKS.search(flat) and _ORDERS.search(flat)
    commits = _COMMITS.search(flat)
    if orders and not commits:
        return "none", f'it orders a case or report ("{orders.group()}")'
    if commits:
        return "?", f'it commits to something that costs ("{commits.group()}")'
    return "?", "it commits the municipality to something, cost unknown"


# -- the draft -------------------------------------------------------------------------

_ALLOCATE = re.compile(r"^(?:avsetninger|avsetning|avsatt|overføring) til (?P<fund>\w.*fond\w*)$", re.I)
_DRAW = re.compile(r"^(?:bruk av|bruk fra|trekk på|trekk fra) (?P<fund>\w.*fond\w*)$", re.I)
_LOAN = re.compile(r"\blåneopptak\w*|\blån\b", re.I)
_REDUCING = re.compile(r"\b(?:redus\w*|kutt\w*|lavere|mindre)\b", re.I)
_TRIAL = re.compile(r"\bprøveprosjekt\w*", re.I)
_PERIOD = re.compile(r"\b((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _name(text: str) -> str:
    """A heading as a name: one line, no double quote (the language has no escapes), no control characters."""
    return " ".join(CONTROL_CHARACTERS.sub(" ", text).replace('"', "”").split())


def _comment(note: str) -> str:
    return f"{REVIEW} {' '.join(note.split())}"


def _text_block(prose: str) -> list[str]:
    if not prose:
        return []
    return ['  text """', *(f"    {ln}" if ln else "" for ln in prose.split("\n")), '  """']


@dataclass
class _Statement:
    """One statement of the draft, kept as parts until the end so that a table can add to an entry."""

    keyword: str  # item, invest, ..., section, directive; "" for comments alone
    name: str = ""
    area: str | None = None
    amounts: dict[int, tuple[Decimal | None, bool]] | None = None  # entries: year -> (value, kroner)
    tail: str = ""  # the rest of the head line, e.g. `cost none`
    attrs: list[str] = field(default_factory=list)
    prose: str = ""
    notes: list[Review] = field(default_factory=list)
    rows: list[_Statement] = field(default_factory=list)  # a sum's: the lines its table's rows are
    source: str = ""  # a sum's: the heading of its table

    def lines(self, unit: str) -> list[str]:
        out = ["", *(_comment(n.note) for n in self.notes)]
        if not self.keyword:
            return out
        head = [self.keyword, f'"{self.name}"', *([self.area] if self.area else [])]
        if self.keyword == "sum":  # the kinds come before the amounts
            head.append(self.tail)
        if self.amounts is not None:
            head.append(_amount_tokens(self.amounts, unit))
        out.append(" ".join([*head, *([self.tail] if self.tail and self.keyword != "sum" else [])]))
        if self.attrs:
            out.append("  " + " ".join(self.attrs))
        return out + _text_block(self.prose)


_COVERAGE = ("cover", "draw", "allocate", "loan")
_SUM_TOLERANCE = Decimal("0.05")  # millions: rounding in the document, as STR013's default


class _Writer:
    def __init__(self, first: int, last: int, unit: str):
        self.first, self.last, self.unit = first, last, unit
        self.statements: list[_Statement] = []
        self.entries: dict[str, _Statement] = {}
        self.names: Counter[str] = Counter()
        self.funds: list[str] = []
        self.figures_read = 0
        self.figures_placed = 0
        self.figures_marked = 0
        self.sums_checked = 0

    def spell(self, value: Decimal) -> str:
        return spell_in_unit(value, self.unit)

    def add(self, statement: _Statement) -> None:
        if statement.keyword in ("", "section", "sum"):  # sections may share a name; lines may not
            self.statements.append(statement)
            return
        self.names[statement.name] += 1
        if self.names[statement.name] > 1:
            new = f"{statement.name} ({self.names[statement.name]})"
            statement.notes.append(Review("name", f'the heading "{statement.name}" comes again: renamed "{new}"'))
            statement.name = new
        if statement.amounts is not None:
            self.entries.setdefault(statement.name, statement)
        self.statements.append(statement)

    def figures(self, text: str) -> tuple[Figure, ...]:
        return read_figures(text, self.unit == "tusen")

    def note(self, review: Review, text: str = "") -> None:
        """A note that belongs to no statement; the figures of `text`, which it quotes, are marked."""
        self.mark(len(self.figures(text)) if text else 0)
        self.add(_Statement("", notes=[review]))

    def mark(self, figures: int) -> None:
        """Figures of the document written only in a note."""
        self.figures_read += figures
        self.figures_marked += figures

    def unplaced(self, prose: str, kind: str, why: str, where: str = "text") -> list[Review]:
        """The note for the figures of a text that no entry holds (a section's, a directive's), marked."""
        figures = self.figures(prose)
        self.mark(len(figures))
        if not figures:
            return []
        named = "; ".join(f'"{" ".join(prose[f.phrase_start:f.phrase_end].split())}"' for f in figures)
        return [Review(kind, f"the {where} names {named}: {why}")]

    def section(self, h: _Heading, area: str | None, prose: str, why: str | None = None, kind: str = "section") -> None:
        notes = [Review(kind, why)] if why else []
        notes += self.unplaced(h.name, "section figure", "not placed (a section's heading)", "heading")
        notes += self.unplaced(prose, "section figure", "not placed (a section's text; if it is a line's, "
                                                        "make the section an item)")
        self.add(_Statement("section", _name(h.name), area, prose=prose, notes=notes))

    def entry(self, kind: str, h: _Heading, area: str | None, prose: str) -> None:
        name = _name(h.name)
        notes: list[Review] = []
        fund = None
        if kind in ("item", "cover"):
            if m := _ALLOCATE.match(name):
                kind, fund = "allocate", m.group("fund")
            elif m := _DRAW.match(name):
                kind, fund = "draw", m.group("fund")
            elif kind == "cover" and _LOAN.search(name):
                kind = "loan"
            if kind not in ("item", "cover"):
                notes.append(Review("kind", f"read as `{kind}` from the heading's words"))
        flat = _flat(prose)
        reducing = kind == "loan" and bool(_REDUCING.search(f"{name} {flat}"))
        reading = _read_entry(h, prose, self.first, self.last, reducing, self.unit)
        self.figures_read += reading.figures
        self.figures_placed += reading.placed
        self.figures_marked += reading.marked
        notes += reading.notes
        if kind in ("item", "invest") and area is None:
            notes.append(Review("no area", "no service area: add one after the name"))
        if kind == "cover" and (named := _FUND.search(flat)):
            notes.append(Review("kind", f'the text names "{named.group()}": '
                                        "perhaps a `draw` from it or an `allocate` to it"))
        attrs = [f"heading {self.spell(h.amount.amount)}"] if h.amount is not None else []
        attrs += [word for word, on in (("halfyear", reading.halfyear), ("ramp", reading.ramp),
                                        ("permanent", reading.permanent), ("trial", bool(_TRIAL.search(flat))))
                  if on]
        if reading.total is not None:
            attrs.append(f"total {self.spell(reading.total)}")
        if fund:
            fund = fund[0].upper() + fund[1:]
            if fund not in self.funds:
                self.funds.append(fund)
            attrs.append(f'{"to" if kind == "allocate" else "from"} "{fund}"')
        if kind == "loan" and re.search(r"\bavdrag\b", flat, re.I):
            attrs.append("frees")
            notes.append(Review("kind", "`frees`: the text says lower repayments (avdrag) free operating room"))
        self.add(_Statement(kind, name, area, reading.amounts, attrs=attrs, prose=prose, notes=notes))

    def table_row(self, kind: str, h: _Heading, area: str | None, source: str) -> _Statement:
        """A row of a table of figures per year: added to the entry of that name, or a new entry."""
        assert h.table is not None
        name = _name(h.name)
        outside = sorted(y for y in h.table if not self.first <= y <= self.last)
        known = self.entries.get(name)
        if known is None:
            notes = [Review("table only", f'only in the table "{source}": no text; the kind and area are guessed')]
            known = _Statement(kind, name, area, {}, notes=notes)
            self.add(known)
        assert known.amounts is not None
        for cell in h.refused:
            known.notes.append(Review("not an amount", f'the table "{source}" gives {cell}: {_NOT_AN_AMOUNT}'))
        self.mark(len(h.refused) + len(outside))
        known.notes += self.unplaced(h.name, "table figure", f'not placed (a row\'s name, in the table "{source}")', "row")
        for y, value in sorted(h.table.items()):
            if y in outside:
                continue
            before = known.amounts.get(y, (None, False))[0]
            if before is not None and abs(before) != abs(value):
                known.notes.append(Review("conflicting figures", f'the table "{source}" gives {self.spell(value)} '
                                          f"for {y}, the text {self.spell(before)}: the text's is kept"))
                self.mark(1)
                continue
            if before is None:
                known.amounts[y] = (value, False)
            self.figures_read += 1
            self.figures_placed += 1
        if outside:
            known.notes.append(Review("figure outside the plan", f'the table "{source}" gives figures for '
                                      f"{', '.join(map(str, outside))}, outside the plan: not placed"))
        if any(v is not None for v, _ in known.amounts.values()):
            # The table settles what was a guess: a line without figures, the heading read as the first year.
            heading_in_table = h.table.get(self.first)
            known.notes = [n for n in known.notes if n.kind != "no figure" and not (
                n.kind == "heading amount as first year" and heading_in_table is not None
                and known.amounts.get(self.first, (None, False))[0] == heading_in_table)]
        return known

    def table_sum(self, h: _Heading, rows: list[tuple[_Statement, dict[int, Decimal]]], source: str) -> None:
        """A table's sum row: checked against the table's rows above it, and written as a `sum` of the
        lines those rows are, so that the checker compares it with them (`_place_sums` decides where)."""
        assert h.table is not None
        notes = [Review("not an amount", f'the table "{source}" gives {cell}: {_NOT_AN_AMOUNT}') for cell in h.refused]
        outside = sorted(y for y in h.table if not self.first <= y <= self.last)
        if outside:
            notes.append(Review("figure outside the plan", f'the sum "{h.name}" of the table "{source}" gives '
                                f"figures for {', '.join(map(str, outside))}, outside the plan: not placed"))
        self.mark(len(h.refused) + len(outside))
        figures = {y: v for y, v in h.table.items() if y not in outside}
        if rows:
            self.sums_checked += 1
            for y, printed in sorted(figures.items()):
                made = sum((cells.get(y, Decimal(0)) for _, cells in rows), Decimal(0))
                if abs(made - printed) > _SUM_TOLERANCE:
                    notes.append(Review("sum differs", f'the rows of the table "{source}" add up to '
                                        f'{self.spell(made)} for {y}, its row "{h.name}" prints {self.spell(printed)}'))
        statement = _Statement("sum", _name(h.name), amounts={y: (v, False) for y, v in figures.items()},
                               notes=notes)
        statement.rows = [row for row, _ in rows]
        statement.source = source
        self.figures_read += len(figures)
        self.figures_placed += len(figures)
        self.add(statement)

    def place_sums(self) -> None:
        """Each sum where the checker sums exactly its table's lines: where it stands, or with `plan`, or
        after the last of its lines where they are all the lines of their kinds in one section; where
        none of these is so, the sum stays a comment, with its figures."""
        section_of: dict[int, int | None] = {}
        current: int | None = None
        for s in self.statements:
            if s.keyword == "section":
                current = id(s)
            section_of[id(s)] = current
        for total in [s for s in self.statements if s.keyword == "sum"]:
            rows = {id(r): r for r in total.rows}
            kinds = sorted({r.keyword for r in total.rows})

            def lines(scope: int | None, whole: bool = False, kinds: list[str] = kinds) -> set[int]:
                return {id(e) for e in self.statements if e.keyword in kinds and (whole or section_of[id(e)] == scope)}

            total.tail = " ".join(kinds)
            here = section_of[id(total)]
            if rows and here is not None and lines(here) == rows.keys():
                continue
            if rows and lines(None, whole=True) == rows.keys():
                total.tail += " plan" if here is not None else ""
                continue
            homes = {section_of[k] for k in rows}
            if len(homes) == 1 and (home := homes.pop()) is not None and lines(home) == rows.keys():
                self.statements.remove(total)
                last = max(self.statements.index(r) for r in total.rows)
                self.statements.insert(last + 1, total)
                continue
            # No scope sums exactly these lines: the figures go in the comment.
            assert total.amounts is not None  # a sum row has its figures
            figures = [y for y, (v, _) in total.amounts.items() if v is not None]
            self.figures_placed -= len(figures)
            self.figures_marked += len(figures)
            why = ("the table has no rows above it" if not rows else
                   "its rows are not all the lines of their kinds in one section or in the plan")
            total.notes.append(Review("table sum", f'a sum in the table "{total.source}", not written as a `sum` '
                                      f"({why}): {total.name} {_amount_tokens(total.amounts, self.unit)}"))
            total.keyword = ""

    def directive(self, h: _Heading, area: str | None, prose: str) -> None:
        flat = _flat(prose)
        cost, why = _directive_cost(flat)
        notes = [Review("directive cost", f"cost {cost} guessed: {why}")]
        if m := _OWN_FUNDING.search(flat):
            notes.append(Review("funding", f'the text names its own funding ("{m.group()}"): '
                                           "add a `pot` and `funded-by`"))
        notes += self.unplaced(h.name, "directive figure", "a cost estimate?", "heading")
        notes += self.unplaced(prose, "directive figure", "a cost estimate?")
        self.add(_Statement("directive", _name(h.name), area, tail=f"cost {cost}", prose=prose, notes=notes))

    def reviews(self) -> list[Review]:
        return [n for s in self.statements for n in s.notes]

    def count(self, *keywords: str) -> int:
        return sum(s.keyword in keywords for s in self.statements)


_PERIOD_LINES = 10  # the first lines of a document, where it says its plan period if not in its title


def _period(title: list[str], blocks: list[Block]) -> tuple[int, int, Review | None]:
    for line in title:
        if m := _PERIOD.search(line):
            return int(m.group(1)), int(m.group(2)), None
    for b in [b for b in blocks if b.text.strip()][:_PERIOD_LINES]:
        if (m := _PERIOD.search(b.text)) and int(m.group(1)) <= int(m.group(2)) <= int(m.group(1)) + 10:
            said = " ".join(b.text.split())
            return int(m.group(1)), int(m.group(2)), Review("period", f'the plan period read from "{said}", '
                                                                       "not the title")
    for b in blocks:
        if m := _YEAR.search(b.text):
            first = int(m.group())
            return first, first + 3, Review("period", f"no plan period found: {first}..{first + 3} assumed "
                                                      "(the first year named, and a four-year plan)")
    return 2020, 2023, Review("period", "no year found in the document: the period is a placeholder")


def _unit(blocks: list[Block]) -> tuple[str, Review | None, int | None]:
    """`tusen` where the document says that its figures are thousands of kroner, with the note that
    says so and the line it says it in: in a line of its own or of the prose ("Alle tall i 1000 kr"),
    or by the labels of all its tables of figures per year ("1000 kr") where no figure is in millions."""
    tables = []
    for k, b in enumerate(blocks):
        if (table := _table_header(b.text)) is not None:
            tables.append(table)
            continue
        for m in _UNIT_THOUSANDS.finditer(b.text):
            if not re.search(r"\d\s*\(?$", b.text[: m.start()]):  # "100 (1000 kr)" is one amount
                said = " ".join(b.text.split())
                return "tusen", Review("unit", f'the document says "{said}": `unit tusen`, '
                                               "its figures as printed, in thousands of kroner"), k
    if tables and all(t.scale == Decimal("0.001") for t in tables) and not any(
            _MILLION_WORDS.search(b.text) for b in blocks):
        return "tusen", Review("unit", "the tables give their figures in 1000 kr: `unit tusen`, "
                                       "the figures as printed, in thousands of kroner"), None
    return "mill", None, None


def import_blocks(blocks: Iterable[Block], options: FormatOptions = FormatOptions()) -> Draft:
    """The formatted draft of the document's blocks, with what was found and what is left for review."""
    blocks = list(blocks)
    unit, unit_note, unit_line = _unit(blocks)
    if unit_line is not None and len(blocks[unit_line].text.split()) <= _WORDS_RIGHT_AFTER + 2:
        # A line that only says the unit ("Alle tall i 1000 kr", a table's caption) is read as the unit
        # (its note quotes it), not as a heading or as prose.
        blocks[unit_line] = Block("")
    title, headings, loose = _split(blocks, unit == "tusen")
    contents = _contents(headings)
    headings = [h for k, h in enumerate(headings) if k not in contents]
    if not any(b.level for b in blocks):  # plain text, or a document whose headings have no levels
        _text_levels(headings)
    first, last, period_note = _period(title, blocks)
    w = _Writer(first, last, unit)

    notes = [n for n in (None if title else Review("header", "the document does not start with its name: "
                                                     "the budget's name is a placeholder"), period_note,
                         unit_note) if n]
    for said in title:
        if figures := w.figures(said):
            w.mark(len(figures))
            notes.append(Review("header", f'the title names "{said[figures[0].start:figures[-1].end]}": not placed'))
    header = [*(_comment(n.note) for n in notes), f'budget "{_name(title[0]) if title else "Budsjett"}"']
    if len(title) > 1:
        header.append(f'  title "{_name(title[1])}"')
    header.append(f"  period {first}..{last}")
    if unit != "mill":
        header.append(f"  unit {unit}")
    for b in loose:
        w.note(Review("unplaced text", f"not placed (before the first heading): {b.text.strip()}"), b.text)
    if contents:
        w.note(Review("contents", f"the document's table of contents ({len(contents)} lines) is left out: "
                                  "its headings come again below"), "")

    # Where the document has area or part headings, those before the first are its introduction.
    opening = [k for k, h in enumerate(headings) if h.amount is None and h.table is None
               and (area_of(h.name) or part_of(h.name))]
    area: str | None = None
    area_level = 0  # the level of the heading that opened `area`, where the document gives levels
    declared: list[tuple[str, str]] = []  # the document's own areas: id, name
    part: Part = "intro"
    spanning: Part | None = None  # an investment or directive part without an area: it holds the area headings
    spanning_level = 0
    section = ""
    rows: dict[int, list[tuple[_Statement, dict[int, Decimal]]]] = {}  # each table's rows: their lines and figures
    for k, h in enumerate(headings):
        prose = _prose(h.body)
        following = headings[k + 1] if k + 1 < len(headings) else None
        if spanning and h.level and spanning_level and h.level <= spanning_level and h.table is None:
            spanning = None  # a heading as high as the part's ends it
        # What an area's heading opens, and what its introduction gives way to at its first line.
        opens: Part = "directive" if spanning == "directive" else "intro"
        resume: Part = "invest" if spanning == "invest" else "item"
        if h.level and area_level and h.level <= area_level and h.table is None:
            # A heading as high as the area's own ends it: areas are inherited only within their heading.
            area, area_level = None, 0
            part = opens if part != "cover" else part
        if h.sum_row:
            w.table_sum(h, rows.pop(h.table_no, []), section)
        elif h.table is not None:
            line = w.table_row(resume if part in ("intro", "directive") else part, h, area, section)
            rows.setdefault(h.table_no, []).append((line, h.table))
            if prose:
                w.note(Review("unplaced text", f'text after the table "{section}", not placed: {_flat(prose)}'), prose)
        elif h.amount is None and (found := area_of(h.name)):
            area, part, section, area_level = found, opens, h.name, h.level
            w.section(h, area, prose)
        elif _opens_area(headings, k, unit == "tusen"):
            found = _area_id(h.name, {s.id for s in BUILTIN_SECTORS} | {i for i, _ in declared})
            declared.append((found, _name(_unnumbered(h.name))))
            area, part, section, area_level = found, opens, h.name, h.level
            w.section(h, area, prose, f'read as an area of the document\'s own (`area {found}`): '
                                      "the headings under it are lines", "area")
        elif h.amount is None and (opened := part_of(h.name)):
            part, named_area = opened
            area = named_area if named_area else (None if part == "cover" else area)
            spanning, spanning_level = (part, h.level) if part in ("invest", "directive") and not named_area \
                else (None, 0)
            if named_area or part == "cover":
                area_level = h.level
            section = h.name
            w.section(h, area, prose)
        elif h.amount is not None:
            if part in ("intro", "directive"):
                part = resume
            w.entry(part, h, area, prose)
        elif part == "intro" and _gives_figures(h, unit == "tusen") and (
                area is not None or not opening or opening[0] < k):
            part = resume  # a heading whose text gives figures is a line: its money is not left in a section
            w.entry(part, h, area, prose)
        elif part == "intro" or (_has_subheadings(headings, k) and not _gives_figures(h, unit == "tusen")):
            # An introduction, or a heading over others: a section. Among operating items, what comes under
            # it is read as under an area's heading: sections until a heading whose text gives figures.
            section, part = h.name, "intro" if part == "item" else part
            w.section(h, area, prose)
        elif part == "directive" and following is not None and following.amount is not None:
            part, section = "intro", h.name
            w.section(h, area, prose, "read as a section: entries with amounts follow it without a part heading")
        elif part == "directive":
            w.directive(h, area, prose)
        else:
            w.entry(part, h, area, prose)

    w.place_sums()
    funds = [f'fund "{f}"' for f in w.funds] + [f'area {i} "{name}"' for i, name in declared]
    body = [line for s in w.statements for line in s.lines(unit)]
    text = "\n".join([*header, *([""] + funds if funds else []), *body]) + "\n"
    return Draft(
        text=format_text(text, options),
        entries=w.count("item", "invest"),
        coverage=w.count(*_COVERAGE),
        directives=w.count("directive"),
        sections=w.count("section"),
        figures_read=w.figures_read,
        figures_placed=w.figures_placed,
        figures_marked=w.figures_marked,
        reviews=(*notes, *w.reviews()),
        sums_checked=w.sums_checked,
    )
