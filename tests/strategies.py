"""Hypothesis strategies that write valid budsjett text.

Shared by the property tests of the rules, the formatter and the robustness
suite: one generator of documents, so that they all test the same language.

`documents()` gives text. `document_models()` and `balanced_documents()` give
a `Document`: its statements with their figures kept as numbers, so that a
test can write it with every amount scaled, or its statements in another
order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from hypothesis import strategies as st

AREAS = ("oppvekst", "arbeid", "helse", "kultur", "miljø", "areal", "finans")
YEARS = (2020, 2021, 2022, 2023)
KINDS = ("item", "invest", "cover", "allocate", "draw", "loan")
OPERATING_KINDS = ("item", "cover", "allocate", "draw")
FUND = "Disposisjonsfondet"
BALANCING_LINE = "Inndekning drift"
POT = "Potten til nærmiljøanlegg"

_name_chars = st.sampled_from(list("abcdefghijklmnopqrstuvwxyzæøåABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ0123456789 -/,.()#"))
names = st.text(_name_chars, min_size=1, max_size=30).map(str.strip).filter(bool)
amount_values = st.decimals(min_value=Decimal("-500"), max_value=Decimal("500"), places=1, allow_nan=False,
                            allow_infinity=False)
prose_words = st.sampled_from(
    ["De", "rødgrønne", "setter", "av", "3,5", "millioner", "i", "2020", "økende", "til", "7", "mill", "2021",
     "halvårseffekt", "fra", "400", "000", "kroner", "prøveprosjekt", "æøå", "–", "«sitat»", "#ikke-kommentar",
     '"sitat"', "2020=1"])
prose = st.lists(prose_words, min_size=1, max_size=25).map(" ".join)
comments = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30).map(lambda s: "# " + s)


def fmt_amount(value: Decimal) -> str:
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".") or "0"
    return "0" if text in ("-0", "") else text


@dataclass(frozen=True)
class Figure:
    """An amount in a generated statement, kept as a number so that it can be written scaled."""

    value: Decimal
    year: int | None = None  # the year it is the amount of; None for a heading or a cost


Part = str | Figure
Statement = tuple[Part, ...]


@dataclass(frozen=True)
class Document:
    """A generated document: its statements (each with the lines it spans), in source order."""

    statements: tuple[Statement, ...]

    def text(self, scale: int | Decimal = 1, order: Sequence[int] | None = None) -> str:
        """The document, with every amount multiplied by `scale` and the statements in `order`."""
        chosen = self.statements if order is None else [self.statements[i] for i in order]
        return "".join(_render(s, Decimal(scale)) + "\n" for s in chosen)

    def with_statement(self, *parts: Part) -> Document:
        return Document((*self.statements, tuple(parts)))


def _render(statement: Statement, scale: Decimal) -> str:
    return "".join(p if isinstance(p, str) else fmt_amount(p.value * scale) for p in statement)


@st.composite
def amounts(draw, unknown: bool = True) -> Statement:
    """Amounts for some plan years; `unknown` allows `2021=?`."""
    years = draw(st.lists(st.sampled_from(YEARS), min_size=1, max_size=4, unique=True))
    parts: list[Part] = []
    for y in sorted(years):
        parts.append(" " if parts else "")
        if unknown and draw(st.booleans()) and draw(st.integers(0, 9)) == 0:
            parts.append(f"{y}=?")
        else:
            parts += [f"{y}=", Figure(draw(amount_values), y)]
    return tuple(parts)


def _years_of(statement: Statement) -> set[int]:
    return {p.year for p in statement if isinstance(p, Figure) and p.year is not None}


@st.composite
def entry(draw, name: str, fund: str, kinds: Sequence[str] = KINDS, unknown: bool = True) -> Statement:
    """One entry of one of `kinds`; `unknown` allows `?` and years without a figure."""
    kind = draw(st.sampled_from(kinds))
    parts: list[Part] = [kind, f' "{name}"']
    if kind in ("item", "invest") or draw(st.booleans()):
        parts.append(" " + draw(st.sampled_from(AREAS)))
    parts.append(" ")
    attrs = draw(st.lists(st.sampled_from(["halfyear", "ramp", "permanent", "oneoff", "trial", "continued",
                                            "heading", "until", "evaluate"]), unique=True, max_size=3))
    if unknown and draw(st.integers(0, 9)) == 0:
        parts.append("?")
    else:
        stated = draw(amounts(unknown))
        if not unknown and ("ramp" in attrs or "permanent" in attrs) and YEARS[-1] not in _years_of(stated):
            # a lasting line says nothing of the years after its last: state the plan's last year too
            stated = (*stated, f" {YEARS[-1]}=", Figure(draw(amount_values), YEARS[-1]))
        parts += stated
    if kind == "allocate":
        parts.append(f' to "{fund}"')
    if kind == "draw":
        parts.append(f' from "{fund}"')
    for a in attrs:
        if a == "heading":
            parts += [" heading ", Figure(draw(amount_values))]
        elif a == "until":
            parts.append(f" until {draw(st.sampled_from(YEARS))}")
        elif a == "evaluate":
            parts.append(f" evaluate {draw(st.sampled_from(YEARS))}-{draw(st.integers(1, 12)):02d}")
        else:
            parts.append(" " + a)
    if draw(st.booleans()):
        parts.append('\n  text """\n    ' + draw(prose) + '\n  """')
    return tuple(parts)


@st.composite
def _statements(draw, min_entries: int, max_entries: int, kinds: Sequence[str], unknown: bool) -> list[Statement]:
    all_names = draw(st.lists(names.filter(lambda n: n not in (FUND, BALANCING_LINE, POT)), min_size=min_entries,
                              max_size=max_entries + 3, unique=True))
    directives = draw(st.integers(0, min(3, len(all_names) - min_entries)))
    entry_names, directive_names = all_names[directives:], all_names[:directives]
    opening: Statement = draw(st.sampled_from([(), (" opening ", Figure(Decimal(50)))]))
    statements: list[Statement] = [('budget "Generert"\n  period 2020..2023',), (f'fund "{FUND}"', *opening)]
    for name in entry_names:
        if draw(st.integers(0, 4)) == 0:
            statements.append((draw(comments),))
        statements.append(draw(entry(name, FUND, kinds, unknown)))
    if draw(st.booleans()):
        statements.append((f'pot "{POT}" {draw(st.sampled_from(AREAS))}',))
    if len(entry_names) >= 2:
        for _ in range(draw(st.integers(0, 3))):
            a, b = draw(st.permutations(entry_names + directive_names))[:2]
            kind = draw(st.sampled_from(["offset", "funds", "reallocate"]))
            arrow = "<->" if kind == "offset" else "->"
            promised = (" ", *draw(amounts(unknown))) if kind != "offset" and draw(st.booleans()) else ()
            statements.append((f'{kind} "{a}" {arrow} "{b}"', *promised))
    for name in directive_names:
        costs: list[Statement] = [(" cost none",), (" cost ", Figure(Decimal("2.5"))), ()]
        cost: Statement = draw(st.sampled_from(costs + [(" cost ?",)] if unknown else costs))
        funding = draw(st.sampled_from(["", f' funded-by "{POT}"'] + [f' funded-by "{n}"' for n in entry_names[:3]]))
        statements.append((f'directive "{name}" {draw(st.sampled_from(AREAS))}', *cost, funding))
    return statements


@st.composite
def document_models(draw, min_entries: int = 0, max_entries: int = 12) -> Document:
    """A whole valid document: header, fund, pot, entries, links, directives, comments."""
    statements = draw(_statements(min_entries, max_entries, KINDS, True))
    return Document(tuple(statements))


def documents(min_entries: int = 0, max_entries: int = 12):
    """A whole valid document, as text."""
    return document_models(min_entries, max_entries).map(Document.text)


@st.composite
def balanced_documents(draw, max_entries: int = 12) -> Document:
    """A document whose every plan year balances by construction.

    Every line is an operating line with figures for the years it names; a
    last coverage line, `Inndekning drift`, covers exactly what the others
    leave uncovered in each year. With no investments, no link can take
    coverage out of the operating balance.
    """
    statements = draw(_statements(1, max_entries, OPERATING_KINDS, False))
    gap = {y: Decimal(0) for y in YEARS}
    kinds: dict[str, str] = {}
    for statement in statements:
        if statement[0] in OPERATING_KINDS:
            kinds.setdefault(statement[1].split('"')[1], statement[0])
            sign = 1 if statement[0] in ("item", "allocate") else -1
            for part in statement:
                if isinstance(part, Figure) and part.year is not None:
                    gap[part.year] += sign * part.value
    # A directive's cost is spending where a coverage line pays for it (`funded-by`, `funds`, `reallocate`).
    paid_by_coverage = set()
    for statement in statements:
        head = statement[0]
        if head.startswith(("funds ", "reallocate ")) and kinds.get(head.split('"')[1]) in ("cover", "draw"):
            paid_by_coverage.add(head.split('"')[3])
        if head.startswith("directive ") and "funded-by" in statement[-1]:
            if kinds.get(statement[-1].split('"')[1]) in ("cover", "draw"):
                paid_by_coverage.add(head.split('"')[1])
    for statement in statements:
        head = statement[0]
        if head.startswith("directive ") and head.split('"')[1] in paid_by_coverage:
            for part in statement:
                if isinstance(part, Figure) and part.year is None:
                    for y in YEARS:
                        gap[y] += part.value
    balancing: list[Part] = [f'cover "{BALANCING_LINE}"']
    for y in YEARS:
        balancing += [f" {y}=", Figure(gap[y], y)]
    statements.append(tuple(balancing))
    return Document(tuple(statements))


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


# -- broken text: mutations of valid documents, for the robustness tests ------
# They live in bench/robustness.py, which the long fuzz run shares; the default base here
# is the generated documents above.

from bench import robustness as _robustness  # noqa: E402

JUNK_PIECES = _robustness.JUNK_PIECES


def mutated(base=None):
    """`bench.robustness.mutated`, from `documents()` by default."""
    return _robustness.mutated(base if base is not None else documents())


def mutated_bytes(base=None):
    """`bench.robustness.mutated_bytes`, from `documents()` by default."""
    return _robustness.mutated_bytes(base if base is not None else documents())
