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
POT = "Potten til nærmiljøanlegg"

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
    """A whole valid document: header, fund, pot, entries, links, directives, comments."""
    entry_names = draw(st.lists(names, min_size=min_entries, max_size=max_entries, unique=True))
    fund = "Disposisjonsfondet"
    lines = ['budget "Generert"', "  period 2020..2023", f'fund "{fund}"']
    for name in entry_names:
        if draw(st.integers(0, 4)) == 0:
            lines.append(draw(comments))
        if name == fund:
            continue
        lines.append(draw(entry(name, fund)))
    directive_names = [f"Føring {i}" for i in range(draw(st.integers(0, 3)))]
    if draw(st.booleans()):
        lines.append(f'pot "{POT}" {draw(st.sampled_from(AREAS))}')
    if len(entry_names) >= 2:
        for _ in range(draw(st.integers(0, 3))):
            a, b = draw(st.permutations(entry_names + directive_names))[:2]
            kind = draw(st.sampled_from(["offset", "funds", "reallocate"]))
            arrow = "<->" if kind == "offset" else "->"
            promised = f" {draw(amounts())}" if kind != "offset" and draw(st.booleans()) else ""
            lines.append(f'{kind} "{a}" {arrow} "{b}"{promised}')
    for name in directive_names:
        cost = draw(st.sampled_from(["cost none", "cost ?", "cost 2.5", ""]))
        funding = draw(st.sampled_from(["", f' funded-by "{POT}"'] + [f' funded-by "{n}"' for n in entry_names[:3]]))
        lines.append(f'directive "{name}" {draw(st.sampled_from(AREAS))} {cost}'.rstrip() + funding)
    return "\n".join(lines) + "\n"
