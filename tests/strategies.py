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


# -- Norwegian prose that states given amounts (for the TXT rules) ------------------

_MILLION_UNITS = ("millioner", "mill", "mill.", "millioner kroner", "mill. kr")


@st.composite
def norwegian_amount(draw, value: Decimal) -> str:
    """An amount of millions as Norwegian prose writes it: `3,5 millioner`, `400 000 kroner`, `1 million`."""
    value = abs(value)
    kroner = value * 1_000_000
    if value < 10 and kroner == kroner.to_integral_value() and draw(st.booleans()):
        digits = f"{int(kroner):,}".replace(",", draw(st.sampled_from([" ", "\u00a0"])))
        return f"{digits} {draw(st.sampled_from(['kroner', 'kr']))}"
    number = fmt_amount(value).replace(".", ",")
    unit = "million" if number == "1" and draw(st.booleans()) else draw(st.sampled_from(_MILLION_UNITS))
    return f"{number} {unit}"


@st.composite
def prose_stating(draw, amounts: dict[int, Decimal]) -> str:
    """Prose that states each year's amount ("Vi setter av 3,5 millioner i 2020, økende til 7 mill i
    2021"), naming consecutive years of one amount together, wrapped at random spaces."""
    groups: list[list[int]] = []
    for year in sorted(amounts):
        if groups and amounts[groups[-1][-1]] == amounts[year] and groups[-1][-1] + 1 == year:
            groups[-1].append(year)
        else:
            groups.append([year])
    text = "Vi setter av "
    for i, years in enumerate(groups):
        if i:
            text += draw(st.sampled_from([" og ", "; ", ", økende til ", ". Det settes av "]))
        if len(years) == 1:
            when = f"i {years[0]}"
        elif len(years) == 2:
            when = draw(st.sampled_from([f"i {years[0]} og {years[1]}", f"i {years[0]}-{years[1]}"]))
        else:
            when = f"i {years[0]}-{years[-1]}"
        text += f"{draw(norwegian_amount(amounts[years[0]]))} {when}"
    words = (text + " til formålet.").split(" ")
    breaks = draw(st.lists(st.sampled_from([" ", " ", "\n    "]), min_size=len(words) - 1, max_size=len(words) - 1))
    return words[0] + "".join(b + w for b, w in zip(breaks, words[1:]))
