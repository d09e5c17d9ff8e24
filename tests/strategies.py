"""Hypothesis strategies that write valid budsjett text.

Shared by the property tests of the rules, the formatter and the robustness
suite: one generator of documents, so that they all test the same language.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

AREAS = ("oppvekst", "arbeid", "helse", "kultur", "miljø", "areal", "finans")
YEARS = (2020, 2021, 2022, 2023)
KINDS = ("item", "invest", "cover", "allocate", "draw", "loan")

_name_chars = st.sampled_from(list("abcdefghijklmnopqrstuvwxyzæøåABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ0123456789 -/,.()"))
names = st.text(_name_chars, min_size=1, max_size=30).map(str.strip).filter(bool)
amount_values = st.decimals(min_value=Decimal("-500"), max_value=Decimal("500"), places=1, allow_nan=False,
                            allow_infinity=False)
prose_words = st.sampled_from(
    ["De", "rødgrønne", "setter", "av", "3,5", "millioner", "i", "2020", "økende", "til", "7", "mill", "2021",
     "halvårseffekt", "fra", "400", "000", "kroner", "prøveprosjekt", "æøå", "–", "«sitat»", "#ikke-kommentar"])
prose = st.lists(prose_words, min_size=1, max_size=25).map(" ".join)
comments = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30).map(lambda s: "# " + s)


def fmt_amount(value: Decimal) -> str:
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".") or "0"
    return "0" if text in ("-0", "") else text


@st.composite
def amounts(draw) -> str:
    years = draw(st.lists(st.sampled_from(YEARS), min_size=1, max_size=4, unique=True))
    parts = []
    for y in sorted(years):
        if draw(st.booleans()) and draw(st.integers(0, 9)) == 0:
            parts.append(f"{y}=?")
        else:
            parts.append(f"{y}={fmt_amount(draw(amount_values))}")
    return " ".join(parts)


@st.composite
def entry(draw, name: str, fund: str) -> str:
    kind = draw(st.sampled_from(KINDS))
    parts = [kind, f'"{name}"']
    if kind in ("item", "invest") or draw(st.booleans()):
        parts.append(draw(st.sampled_from(AREAS)))
    parts.append("?" if draw(st.integers(0, 9)) == 0 else draw(amounts()))
    if kind == "allocate":
        parts.append(f'to "{fund}"')
    if kind == "draw":
        parts.append(f'from "{fund}"')
    attrs = draw(st.lists(st.sampled_from(["halfyear", "ramp", "permanent", "oneoff", "trial", "continued",
                                            "heading", "until", "evaluate"]), unique=True, max_size=3))
    for a in attrs:
        if a == "heading":
            parts.append(f"heading {fmt_amount(draw(amount_values))}")
        elif a == "until":
            parts.append(f"until {draw(st.sampled_from(YEARS))}")
        elif a == "evaluate":
            parts.append(f"evaluate {draw(st.sampled_from(YEARS))}-{draw(st.integers(1, 12)):02d}")
        else:
            parts.append(a)
    text = " ".join(parts)
    if draw(st.booleans()):
        text += '\n  text """\n    ' + draw(prose) + '\n  """'
    return text


@st.composite
def documents(draw, min_entries: int = 0, max_entries: int = 12) -> str:
    """A whole valid document: header, fund, entries, links, directives, comments."""
    entry_names = draw(st.lists(names, min_size=min_entries, max_size=max_entries, unique=True))
    fund = "Disposisjonsfondet"
    lines = ['budget "Generert"', "  period 2020..2023", f'fund "{fund}"']
    for name in entry_names:
        if draw(st.integers(0, 4)) == 0:
            lines.append(draw(comments))
        if name == fund:
            continue
        lines.append(draw(entry(name, fund)))
    if len(entry_names) >= 2:
        for _ in range(draw(st.integers(0, 3))):
            a, b = draw(st.permutations(entry_names))[:2]
            kind = draw(st.sampled_from(["offset", "funds", "reallocate"]))
            arrow = "<->" if kind == "offset" else "->"
            lines.append(f'{kind} "{a}" {arrow} "{b}"')
    for i in range(draw(st.integers(0, 3))):
        cost = draw(st.sampled_from(["cost none", "cost ?", "cost 2.5", ""]))
        lines.append(f'directive "Føring {i}" {draw(st.sampled_from(AREAS))} {cost}'.rstrip())
    return "\n".join(lines) + "\n"


# -- broken text: mutations of valid documents, for the robustness tests ------

#: Pieces of junk that the grammar treats specially, and things it must survive.
JUNK_PIECES = (
    '"', '"""', "#", "?", "=", "..", "<->", "->", "-", " ", "\n", "\r", "\r\n", "\t", "\ufeff", "\x00", "\x07",
    "\x1b[31m", "\x0b", "\x85", "\u2028", "\ud800", "æøå", "🙂", "\u200b", "0", "2020", "2020=", "=1", "2020=?",
    "2022..2023=5", "1e309", "nan", "-0", "00.5", "3,5", "99999", "-2020", "400 000 kr", " kr", "budget", "period",
    "item", "cover", "draw", "loan", "directive", "offset", "funds", "reallocate", "section", "pot", "fund",
    "area", "text", "heading", "halfyear", "ramp", "until", "evaluate", "exempt", "total", "to", "from", "cost",
    "funded-by", "none", "# budsjett-lint: ignore[BAL001]", "# budsjett-lint: ignore-file[STR001]",
    "9" * 40, "2020=" + "9" * 30, "-0 kr", "1 000 000 kr", "2020..2020=1", "2023..2020=1", "2021-00", 'text """',
    '"""x"""', "<->", '"a" -> "b"',
)
junk = st.sampled_from(JUNK_PIECES) | st.text(max_size=6)
MUTATIONS = ("delete", "delete-line", "duplicate-line", "swap-lines", "truncate", "insert")


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.splitlines(keepends=True):
        spans.append((pos, pos + len(line)))
        pos += len(line)
    return spans or [(0, 0)]


@st.composite
def mutated(draw, base=None) -> str:
    """A document from `base` (default: `documents()`) broken by one to four
    deletions, duplications, swaps, truncations or insertions of junk."""
    text = draw(base if base is not None else documents())
    for kind in draw(st.lists(st.sampled_from(MUTATIONS), min_size=1, max_size=4)):
        at = draw(st.integers(0, len(text)))
        lines = _line_spans(text)
        a, b = lines[draw(st.integers(0, len(lines) - 1))]
        if kind == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 40)):]
        elif kind == "delete-line":
            text = text[:a] + text[b:]
        elif kind == "duplicate-line":
            text = text[:at] + text[a:b] + text[at:]
        elif kind == "swap-lines":
            c, d = lines[draw(st.integers(0, len(lines) - 1))]
            (a, b), (c, d) = sorted([(a, b), (c, d)])
            if b <= c:
                text = text[:a] + text[c:d] + text[b:c] + text[a:b] + text[d:]
        elif kind == "truncate":
            text = text[:at]
        else:
            text = text[:at] + draw(junk) + text[at:]
    return text


@st.composite
def mutated_bytes(draw, base=None) -> bytes:
    """`mutated()` as a file's bytes, with a few bits flipped: often not UTF-8 any more."""
    data = bytearray(draw(mutated(base)).encode("utf-8", "surrogatepass"))
    for _ in range(draw(st.integers(0, 3)) if data else 0):
        data[draw(st.integers(0, len(data) - 1))] ^= 1 << draw(st.integers(0, 7))
    return bytes(data)
