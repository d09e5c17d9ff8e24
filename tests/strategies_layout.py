"""Hypothesis strategies for layout: documents written in every way the language allows.

The formatter's property tests need what `tests/strategies.py` leaves regular:
every spelling of a figure (`7`, `7.0`, kroner), ranges, years out of order,
text blocks of every form, statements laid out over several lines, and
comments in every place a comment may stand: on lines of their own between
statements and between the attributes of one statement, and at the end of any
line. The building blocks (names, prose, comments, areas) are shared with
`tests/strategies.py`.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from tests.strategies import AREAS, KINDS, YEARS, amount_values, comments, fmt_amount, names, prose  # noqa: F401


@st.composite
def spelled(draw, value: Decimal) -> str:
    """A figure in one of the spellings the language allows: 7, 7.0, 7.50, or kroner."""
    how = draw(st.integers(0, 5))
    if how == 0:
        kroner = int(value * 1_000_000)
        grouped = f"{abs(kroner):,}".replace(",", draw(st.sampled_from([" ", ""])))
        return ("-" if kroner < 0 else "") + grouped + draw(st.sampled_from([" kr", "kr"]))
    text = fmt_amount(value)
    if how == 1:
        text += ".0" if "." not in text else "0"
    return text


@st.composite
def amounts(draw) -> list[str]:
    """Amount tokens for distinct years, some as ranges, in year order or not."""
    years = sorted(draw(st.lists(st.sampled_from(YEARS), min_size=1, max_size=4, unique=True)))
    tokens = []
    i = 0
    while i < len(years):
        j = i
        if draw(st.integers(0, 3)) == 0:  # a range over the following consecutive years
            while j + 1 < len(years) and years[j + 1] == years[j] + 1 and draw(st.booleans()):
                j += 1
        label = f"{years[i]}..{years[j]}" if j > i or draw(st.integers(0, 9)) == 0 else str(years[i])
        if draw(st.integers(0, 9)) == 0:
            tokens.append(f"{label}=?")
        else:
            tokens.append(f"{label}={draw(spelled(draw(amount_values)))}")
        i = j + 1
    if draw(st.integers(0, 4)) == 0:
        tokens = draw(st.permutations(tokens))
    return list(tokens)


@st.composite
def text_block(draw) -> str:
    """A text attribute: a quoted string, a block on one line, or a block over several lines."""
    how = draw(st.integers(0, 3))
    if how == 0:
        return f'text "{draw(prose).replace(chr(34), "")}"'
    if how == 1:
        return 'text """' + draw(prose).replace('"', "") + '"""'
    lines = draw(st.lists(st.tuples(st.integers(0, 6), prose), min_size=1, max_size=4))
    body = "\n".join((" " * (4 + indent) + words) if draw(st.integers(0, 5)) else "" for indent, words in lines)
    first = draw(prose).replace('"', "") if draw(st.integers(0, 4)) == 0 else ""
    return 'text """' + first + "\n" + body + "\n" + " " * draw(st.integers(0, 4)) + '"""'


@st.composite
def laid_out(draw, tokens: list[str]) -> str:
    """Tokens of one statement, each after a space, a line break, a trailing or an own-line comment."""
    out = tokens[0]
    for tok in tokens[1:]:
        how = draw(st.integers(0, 11))
        if how == 0:
            out += "  " + draw(comments) + "\n  " + tok
        elif how == 1:
            out += "\n  " + draw(comments) + "\n  " + tok
        elif how == 2:
            out += "\n  " + tok
        else:
            out += " " + tok
    return out


@st.composite
def entry(draw, name: str, fund: str) -> str:
    kind = draw(st.sampled_from(KINDS))
    parts = [f'{kind} "{name}"']
    if kind in ("item", "invest") or draw(st.booleans()):
        parts.append(draw(st.sampled_from(AREAS)))
    rest = ["?"] if draw(st.integers(0, 9)) == 0 else draw(amounts())
    if kind == "allocate":
        rest.append(f'to "{fund}"')
    if kind == "draw":
        rest.append(f'from "{fund}"')
    attrs = draw(st.lists(st.sampled_from(["halfyear", "ramp", "permanent", "oneoff", "trial", "continued",
                                            "heading", "until", "evaluate", "exempt", "total", "frees"]),
                          unique=True, max_size=4))
    for a in attrs:
        if a in ("heading", "total"):
            rest.append(f"{a} {draw(spelled(draw(amount_values)))}")
        elif a == "until":
            rest.append(f"until {draw(st.sampled_from(YEARS))}")
        elif a == "evaluate":
            rest.append(f"evaluate {draw(st.sampled_from(YEARS))}" + draw(st.sampled_from(
                ["", f"-{draw(st.integers(1, 12)):02d}", f"-{draw(st.integers(1, 9))}"])))
        elif a == "exempt":
            rest.append("exempt " + " ".join(draw(st.lists(st.sampled_from(AREAS), min_size=1, max_size=3))))
        else:
            rest.append(a)
    rest = draw(st.permutations(rest)) if draw(st.integers(0, 3)) == 0 else rest
    if draw(st.booleans()):
        rest.append(draw(text_block()))
    return draw(laid_out(parts + list(rest)))


@st.composite
def documents(draw, min_entries: int = 0, max_entries: int = 12) -> str:
    """A whole valid document: header, areas, funds, pots, sections, entries, links, directives, comments."""
    entry_names = draw(st.lists(names, min_size=min_entries, max_size=max_entries, unique=True))
    fund = "Disposisjonsfondet"
    pot = "Potten"
    entry_names = [n for n in entry_names if n not in (fund, pot)]
    statements = [draw(laid_out(['budget "Generert"', "period 2020..2023"]
                                + draw(st.lists(st.sampled_from(['title "Tittel"', 'base "Grunnlag"', "unit mill"]),
                                                unique=True, max_size=3)))),
                  f'fund "{fund}"' + (f" opening {draw(spelled(draw(amount_values)))}" if draw(st.booleans()) else ""),
                  f'pot "{pot}" kultur' + (" " + draw(text_block()) if draw(st.booleans()) else "")]
    if draw(st.booleans()):
        statements.append('area byutvikling "Byutvikling"')
    for name in entry_names:
        if draw(st.integers(0, 5)) == 0:
            section = f'section "Seksjon {len(statements)}"' + (f" {draw(st.sampled_from(AREAS))}" if draw(st.booleans()) else "")
            statements.append(section + (" " + draw(text_block()) if draw(st.booleans()) else ""))
        statements.append(draw(entry(name, fund)))
    if len(entry_names) >= 2:
        for _ in range(draw(st.integers(0, 3))):
            a, b = draw(st.permutations(entry_names))[:2]
            kind = draw(st.sampled_from(["offset", "funds", "reallocate"]))
            arrow = "<->" if kind == "offset" else "->"
            tokens = [f'{kind} "{a}"', f'{arrow} "{b}"'] + ([] if kind == "offset" else draw(amounts()))
            statements.append(draw(laid_out(tokens)))
    for i in range(draw(st.integers(0, 3))):
        tokens = [f'directive "Føring {i}"', draw(st.sampled_from(AREAS))]
        tokens += draw(st.lists(st.sampled_from(["cost none", "cost ?", "cost 2.5", f'funded-by "{pot}"']),
                                max_size=1))
        if draw(st.booleans()):
            tokens.append(draw(text_block()))
        statements.append(draw(laid_out(tokens)))
    lines: list[str] = []
    for s in statements:
        for _ in range(draw(st.integers(0, 2)) if draw(st.integers(0, 3)) == 0 else 0):
            lines.append(draw(comments))
        if draw(st.integers(0, 4)) == 0:
            lines.append("")
        if draw(st.integers(0, 5)) == 0:
            s += "  " + draw(comments)
        lines.append(s)
    if draw(st.integers(0, 5)) == 0:
        lines.append(draw(comments))
    return "\n".join(lines) + "\n"
