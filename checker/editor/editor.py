"""What the editor server knows about a document, without the protocol.

Pure functions over the model and the text: the names that declare and refer
to lines, hover texts, the outline, completion, renaming and the suppression
edit. Positions are 1-based lines and columns (as in `Span`) or character
offsets into the text (as in `Edit`); `checker/editor/server.py` converts them to
the protocol's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pygments.token import Comment, Error, Keyword, Number, Operator, String, Whitespace
from pygments.token import Name as NameToken

from ...dsl import parse
from ...dsl.model import (
    Budget,
    Directive,
    Entry,
    Fund,
    Header,
    Link,
    Name,
    Pot,
    Section,
    Sector,
    Span,
    Statement,
    Sum,
)
from ...dsl.parser import CONTROL_CHARACTERS, split_statements
from ...rules.base import Edit, fmt
from .lexer import ATTRIBUTES, STATEMENT_KEYWORDS, BudsjettLexer
from ..suppressions import find_suppressions

Named = Entry | Directive | Fund | Pot

KIND_WORDS = {
    "item": "operating item",
    "invest": "investment",
    "cover": "coverage",
    "allocate": "allocation to a fund",
    "draw": "draw on a fund",
    "loan": "change of borrowing",
}
LINK_KEYWORDS = {"offset": "offset", "funds": "funds", "reallocates": "reallocate"}
_AREA_TAKERS = frozenset(KIND_WORDS) | {"pot", "section", "directive"}
_WORD = re.compile(r"[\w-]*")  # the rest of the word at the cursor


def statement_word(stmt: Statement) -> str:
    """The keyword that starts a statement."""
    if isinstance(stmt, Entry):
        return stmt.kind
    if isinstance(stmt, Link):
        return LINK_KEYWORDS[stmt.kind]
    return {Header: "budget", Sector: "area", Fund: "fund", Pot: "pot", Section: "section",
            Directive: "directive", Sum: "sum"}[type(stmt)]


# -- names: declarations and references -------------------------------------------


@dataclass(frozen=True)
class Occurrence:
    """A quoted name that declares a line, directive, fund or pot, or refers to one."""

    name: Name
    declaration: bool
    statement: Statement  # the statement the name stands in

    @property
    def inner(self) -> tuple[int, int]:
        """Character offsets of the name between its quotes."""
        return self.name.span.start + 1, self.name.span.end - 1


def occurrences(budget: Budget) -> list[Occurrence]:
    """Every declaring or referring name, in source order."""
    found: list[Occurrence] = []
    for stmt in budget.statements:
        if isinstance(stmt, (Entry, Directive, Fund, Pot)):
            found.append(Occurrence(stmt.name, True, stmt))
        if isinstance(stmt, Entry) and stmt.fund is not None:
            found.append(Occurrence(stmt.fund, False, stmt))
        elif isinstance(stmt, Directive) and stmt.funded_by is not None:
            found.append(Occurrence(stmt.funded_by, False, stmt))
        elif isinstance(stmt, Link):
            found.append(Occurrence(stmt.source, False, stmt))
            found.append(Occurrence(stmt.target, False, stmt))
    return found


def occurrence_at(budget: Budget, line: int, column: int) -> Occurrence | None:
    return next((o for o in occurrences(budget) if o.name.span.contains(line, column)), None)


def occurrences_of(budget: Budget, name: str) -> list[Occurrence]:
    return [o for o in occurrences(budget) if o.name.text == name]


# -- hover ---------------------------------------------------------------------------


def hover(budget: Budget, name: str) -> str:
    """Markdown about the line, directive, fund or pot of that name."""
    target = budget.named.get(name)
    if target is None:
        return f'No line, directive, fund or pot is named "{name}" in this file.'
    if isinstance(target, Entry):
        parts = [_entry_head(budget, target), _amounts_table(budget, target), _entry_attributes(target)]
    elif isinstance(target, Directive):
        parts = [_directive_head(budget, target)]
    elif isinstance(target, Fund):
        opening = f", opening balance {fmt(target.opening.value)} mill" if target.opening else ""
        parts = [f'**fund** "{target.name.text}"{opening}']
    else:
        parts = [f'**pot** "{target.name.text}"{_area(budget, target.sector)}']
    parts.append(_connections(budget, name))
    prose = getattr(target, "prose", None)
    if prose is not None and prose.text:
        shown = prose.text if len(prose.text) <= 500 else prose.text[:497] + "..."
        parts.append("\n".join("> " + ln for ln in shown.split("\n")))
    return "\n\n".join(p for p in parts if p)


def _area(budget: Budget, ref) -> str:
    if ref is None:
        return ""
    sector = budget.sectors.get(ref.id)
    return f" · {sector.name} (`{ref.id}`)" if sector else f" · `{ref.id}` (not a declared area)"


def _entry_head(budget: Budget, e: Entry) -> str:
    return f'**{e.kind}** "{e.name.text}" — {KIND_WORDS[e.kind]}{_area(budget, e.sector)}'


def _amounts_table(budget: Budget, e: Entry) -> str:
    if e.is_unquantified:
        return "No figure for any year (`?`)."
    years = sorted(set(budget.years) | set(e.by_year))
    cells = ["?" if e.by_year.get(y, 0) is None else fmt(e.by_year.get(y, 0)) for y in years]
    return "\n".join([
        "| " + " | ".join(map(str, years)) + " |",
        "|" + " ---: |" * len(years),
        "| " + " | ".join(cells) + " |",
        "",
        "Millions of NOK; a year the line does not name is 0.",
    ])


def _entry_attributes(e: Entry) -> str:
    words: list[str] = []
    if e.heading is not None:
        words.append(f"heading {fmt(e.heading.value)}")
    for flag in ("halfyear", "ramp", "permanent", "oneoff", "trial", "continued", "frees"):
        if getattr(e, flag) is not None:
            words.append(flag)
    if e.until is not None:
        words.append(f"until {e.until.year}")
    if e.evaluate is not None:
        ev = e.evaluate
        words.append(f"evaluate {ev.year}-{ev.month:02d}" if ev.month else f"evaluate {ev.year}")
    if e.exempt:
        words.append("exempt " + " ".join(s.id for s in e.exempt))
    if e.total is not None:
        words.append(f"total {fmt(e.total.value)}")
    if e.fund is not None:
        words.append(f'{"to" if e.kind == "allocate" else "from"} "{e.fund.text}"')
    return " · ".join(f"`{w}`" for w in words)


def _directive_head(budget: Budget, d: Directive) -> str:
    cost = {"none": "costs nothing by itself", "unknown": "costs money, amount unknown",
            None: "cost not stated"}.get(d.cost)
    if d.cost == "amount" and d.cost_amount is not None:
        cost = f"costs about {fmt(d.cost_amount.value)} mill a year"
    funded = f'; funded by "{d.funded_by.text}"' if d.funded_by else ""
    return f'**directive** "{d.name.text}" — verbal directive{_area(budget, d.sector)}\n\n{cost}{funded}'


def _connections(budget: Budget, name: str) -> str:
    lines: list[str] = []
    for ln in budget.links:
        amounts = " ".join(f"{a.year}={fmt(a.value)}" for a in ln.amounts)
        amounts = f" ({amounts})" if amounts else ""
        where = f" — line {ln.span.line}"
        if ln.kind == "offset" and ln.source.text == name:  # `offset "Measure" <-> "Saving"`
            lines.append(f'- causes the saving "{ln.target.text}"{where}')
        elif ln.kind == "offset" and ln.target.text == name:
            lines.append(f'- a saving caused by "{ln.source.text}"{where}')
        elif ln.source.text == name:
            verb = "pays for" if ln.kind == "funds" else "moves money to"
            lines.append(f'- {verb} "{ln.target.text}"{amounts}{where}')
        elif ln.target.text == name:
            verb = "paid for by" if ln.kind == "funds" else "gets money moved from"
            lines.append(f'- {verb} "{ln.source.text}"{amounts}{where}')
    for d in budget.directives:
        if d.funded_by is not None and d.funded_by.text == name:
            lines.append(f'- funds the directive "{d.name.text}" — line {d.span.line}')
    for e in budget.entries:
        if e.fund is not None and e.fund.text == name:
            verb = "filled by" if e.kind == "allocate" else "drawn on by"
            lines.append(f'- {verb} "{e.name.text}" — line {e.span.line}')
    return "\n".join(lines)


# -- outline -------------------------------------------------------------------------


@dataclass(frozen=True)
class Symbol:
    name: str
    detail: str
    kind: str  # the statement's keyword
    span: Span
    selection: Span
    children: tuple[Symbol, ...] = ()


def outline(budget: Budget) -> list[Symbol]:
    """The document's outline: sections hold the statements after them, up to the next section."""
    top: list[Symbol] = []
    section: Section | None = None
    inside: list[Symbol] = []

    def close() -> None:
        if section is not None:
            end = inside[-1].span if inside else section.span
            span = Span(section.span.line, section.span.column, end.end_line, end.end_column,
                        section.span.start, end.end)
            top.append(Symbol(_label(section.name.text), _area_name(budget, section.sector), "section",
                              span, section.name.span, tuple(inside)))

    for stmt in budget.statements:
        if isinstance(stmt, Section):
            close()
            section, inside = stmt, []
            continue
        (inside if section is not None else top).append(_symbol(budget, stmt))
    close()
    return top


def _label(text: str) -> str:
    return text if text.strip() else f'"{text}"'  # the protocol does not allow an empty name


def _area_name(budget: Budget, ref) -> str:
    if ref is None:
        return ""
    sector = budget.sectors.get(ref.id)
    return sector.name if sector else ref.id


def _symbol(budget: Budget, stmt: Statement) -> Symbol:
    word = statement_word(stmt)
    if isinstance(stmt, Header):
        period = f"{stmt.period[0]}–{stmt.period[1]}" if stmt.period else ""
        return Symbol(_label(stmt.name.text), period, word, stmt.span, stmt.name.span)
    if isinstance(stmt, Sector):
        assert stmt.span is not None  # an area declared in the file (the built-in ones are no statements)
        return Symbol(stmt.id, stmt.name, word, stmt.span, stmt.span)
    if isinstance(stmt, Link):
        arrow = "↔" if stmt.kind == "offset" else "→"
        return Symbol(f"{stmt.source.text} {arrow} {stmt.target.text}", word, word, stmt.span, stmt.source.span)
    detail = [word]
    sector = getattr(stmt, "sector", None)
    if sector is not None:
        detail.append(_area_name(budget, sector))
    if isinstance(stmt, Entry) and stmt.amounts:
        detail.append(" ".join(f"{a.year}={fmt(a.value)}" for a in stmt.amounts))
    return Symbol(_label(stmt.name.text), " · ".join(detail), word, stmt.span, stmt.name.span)


# -- rename --------------------------------------------------------------------------


class RenameError(ValueError):
    """A new name that cannot be used; the message says why."""


def rename_edits(budget: Budget, old: str, new: str) -> list[Edit]:
    """Edits that rename a line, directive, fund or pot and every reference to it."""
    if not new.strip():
        raise RenameError("a name cannot be empty")
    if '"' in new or "\n" in new or "\r" in new:
        raise RenameError('a name is written on one line and cannot contain "')
    bad = CONTROL_CHARACTERS.search(new)
    if bad:
        raise RenameError(f"a name cannot contain the control character U+{ord(bad.group()):04X}")
    if new != old and new in budget.named:
        raise RenameError(f'"{new}" is already the name of line {budget.named[new].span.line}')
    return [Edit(*o.inner, new) for o in occurrences_of(budget, old)]


# -- suppressions ----------------------------------------------------------------------


def suppression_edit(budget: Budget, line: int, code: str) -> Edit | None:
    """An edit that suppresses `code` on `line`, or None where no comment can do it.

    Extends a suppression that already applies to the line; else appends one to
    the line, or puts one alone on the line above where the line has a comment
    of its own or ends inside a text block. The statement is parsed again with
    each candidate, so that a comment that would land inside a text block is
    never offered.
    """
    text = budget.text
    for s in find_suppressions(budget):
        if s.line == line and s.codes:
            close = s.comment.text.index("]", s.comment.text.index("["))
            at = s.comment.span.start + close
            return Edit(at, at, f", {code}")
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    if not 0 < line <= len(starts):
        return None
    start = starts[line - 1]
    end = starts[line] - 1 if line < len(starts) else len(text)
    if text[start:end].endswith("\r"):
        end -= 1
    comment = f"# budsjett-lint: ignore[{code}]"
    line_text = text[start:end]
    indent = line_text[: len(line_text) - len(line_text.lstrip(" \t"))]
    newline = "\r\n" if "\r\n" in text else "\n"
    candidates = [(Edit(start, start, indent + comment + newline), line + 1)]
    if not any(c.span.line == line for c in budget.comments):
        candidates.insert(0, (Edit(end, end, "  " + comment), line))
    # The statement around the line is read again with the comment; statements start on their own line.
    chunk_start, chunk_end, first_line = next(
        (c for c in reversed(split_statements(text)) if c[0] <= start), (0, len(text), 1))
    for edit, target in candidates:
        moved = Edit(edit.start - chunk_start, edit.end - chunk_start, edit.replacement)
        changed = parse(apply_edits(text[chunk_start:chunk_end], [moved])).budget
        if any(s.line == target - first_line + 1 and code in s.codes for s in find_suppressions(changed)):
            return edit
    return None


def apply_edits(text: str, edits: list[Edit]) -> str:
    """The text with non-overlapping edits applied."""
    for e in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[: e.start] + e.replacement + text[e.end :]
    return text


# -- completion ----------------------------------------------------------------------


@dataclass(frozen=True)
class Completion:
    label: str
    kind: str  # keyword, attribute, value, area or name
    detail: str
    start: int  # the offsets of the text the completion replaces
    end: int
    insert: str


_VALUE_ATTRIBUTES = frozenset({"heading", "total", "until", "evaluate", "opening", "to", "from", "funded-by",
                               "text", "title", "period", "base"})
_VALUES = {"unit": ("mill", "kr"), "cost": ("none", "?")}


def completions(budget: Budget, offset: int) -> list[Completion]:
    """What may be written at a character offset of the budget's text."""
    text = budget.text
    offset = max(0, min(offset, len(text)))
    tokens = [t for t in BudsjettLexer().get_tokens_unprocessed(text[:offset]) if t[2]]
    if sum(1 for _, t, v in tokens if t in String.Doc and v == '"""') % 2:
        return []  # inside a text block
    last = tokens[-1] if tokens else None
    if last is not None and last[1] in Comment:
        return []
    if last is not None and last[1] in String and last[1] not in String.Doc and not _closed(last[2]):
        return _names(budget, tokens, last[0] + 1, offset)
    word_start = offset
    if last is not None and (last[1] in Keyword or last[1] in NameToken) and re.fullmatch(r"[\w-]+", last[2]):
        word_start = last[0]
        tokens = tokens[:-1]
    elif last is not None and last[1] not in Whitespace:
        return []  # right after a number, a name or an operator
    word = _WORD.match(text, offset)
    word_end = word.end() if word else offset
    significant = [t for t in tokens if t[1] not in Whitespace]
    statement = next((i for i in range(len(significant) - 1, -1, -1)
                      if significant[i][1] is Keyword and significant[i][2] in STATEMENT_KEYWORDS), None)
    keyword = significant[statement][2] if statement is not None else None
    after = significant[statement + 1:] if statement is not None else significant
    used = {v for _, t, v in after if t is NameToken.Attribute}
    line_start = text.rfind("\n", 0, word_start) + 1

    def items(words, kind: str, detail: str) -> list[Completion]:
        return [Completion(w, kind, detail, word_start, word_end, w) for w in words]

    attributes = items([a for a in ATTRIBUTES.get(keyword or "", ()) if a not in used], "attribute",
                       f"attribute of {keyword}")
    if not text[line_start:word_start].strip():
        result = items(sorted(STATEMENT_KEYWORDS), "keyword", "statement")
        if word_start > line_start and after:  # an indented line continues the statement
            result += attributes
        return result
    prev = significant[-1] if significant else None
    if prev is None:
        return []
    areas = [Completion(s.id, "area", s.name, word_start, word_end, s.id) for s in budget.sectors.values()]
    if prev[1] is NameToken.Attribute and prev[2] in _VALUES:
        return items(_VALUES[prev[2]], "value", f"value of {prev[2]}")
    if prev[1] is NameToken.Attribute and prev[2] in _VALUE_ATTRIBUTES:
        return []
    if _after_exempt(significant):
        return areas + attributes
    if prev[1] in String and len(after) == 1 and keyword in _AREA_TAKERS:
        return areas + attributes  # right after the statement's own name: its area may follow
    return attributes if after else []


def _closed(string: str) -> bool:
    return len(string) >= 2 and string.endswith('"')


def _after_exempt(significant: list) -> bool:
    for _, t, v in reversed(significant):
        if t is NameToken.Attribute:
            return v == "exempt"
        if t not in (NameToken, NameToken.Builtin):
            return False
    return False


def _names(budget: Budget, tokens: list, start: int, offset: int) -> list[Completion]:
    """Names for the open string that starts at `start`, if the place takes a reference."""
    significant = [t for t in tokens[:-1] if t[1] not in Whitespace]
    prev = significant[-1] if significant else None
    if prev is None:
        return []
    if prev[1] is NameToken.Attribute and prev[2] in ("to", "from"):
        targets = list(budget.funds)
    elif prev[1] is NameToken.Attribute and prev[2] == "funded-by":
        targets = list(budget.named.values())
    elif (prev[1] is Keyword and prev[2] in LINK_KEYWORDS.values()) or (
            prev[1] is Operator and len(significant) >= 3 and significant[-2][1] in String
            and significant[-3][1] is Keyword and significant[-3][2] in LINK_KEYWORDS.values()):
        targets = list(budget.named.values())
    else:
        return []
    text = budget.text
    line_end = text.find("\n", offset)
    rest = text[offset: len(text) if line_end < 0 else line_end]
    close = rest.find('"')
    end, suffix = (offset + close, "") if close >= 0 else (offset, '"')
    return [Completion(t.name.text, "name", _describe(t), start, end, t.name.text + suffix)
            for t in {t.name.text: t for t in targets}.values()]


def _describe(target: Named) -> str:
    kind = target.kind if isinstance(target, Entry) else type(target).__name__.lower()
    return f"{kind}, line {target.span.line}"


# -- semantic tokens ------------------------------------------------------------------------

#: The token types and modifiers the server declares (its legend), in the protocol's standard
#: vocabulary, so that editors without the TextMate grammar (Neovim, Helix) colour the language
#: as VS Code's grammar does: statement keywords `keyword.control`, attributes
#: `keyword.other.attribute`, `none`/`mill`/`?` `constant.language`, areas
#: `support.constant.area`/`variable.other.area`, names and prose strings, years and amounts
#: numbers, suppressions and comments.
TOKEN_TYPES = ("keyword", "decorator", "enumMember", "namespace", "string", "number", "operator", "comment")
TOKEN_MODIFIERS = ("defaultLibrary", "documentation", "year")


def _token_kind(token) -> tuple[str, tuple[str, ...]] | None:
    """The semantic type and modifiers of a lexer token; None for what is not coloured."""
    if token in Whitespace or token in Error:
        return None
    if token in Keyword.Constant:
        return "enumMember", ()
    if token in Keyword:
        return "keyword", ()
    if token in NameToken.Attribute:
        return "decorator", ()
    if token in NameToken.Builtin:
        return "namespace", ("defaultLibrary",)
    if token in NameToken:
        return "namespace", ()
    if token in String.Doc:
        return "string", ("documentation",)
    if token in String:
        return "string", ()
    if token in Number.Integer:
        return "number", ("year",)
    if token in Number:
        return "number", ()
    if token in Operator:
        return "operator", ()
    if token in Comment:
        return "comment", ()
    return None


@dataclass(frozen=True)
class SemanticToken:
    start: int  # character offsets into the text, on one line
    end: int
    type: str  # one of TOKEN_TYPES
    modifiers: tuple[str, ...]  # of TOKEN_MODIFIERS


def semantic_tokens(text: str) -> list[SemanticToken]:
    """The text's tokens as the editor colours them, in order, each within one line (a prose block
    spans lines: each line's part is a token of its own, without its indentation)."""
    found: list[SemanticToken] = []
    for start, token, value in BudsjettLexer().get_tokens_unprocessed(text):
        kind = _token_kind(token)
        if kind is None or not value:
            continue
        offset = start
        for piece in value.split("\n"):
            body = piece.strip(" \t\r\f\ufeff")
            if body:
                begin = offset + piece.index(body)
                found.append(SemanticToken(begin, begin + len(body), *kind))
            offset += len(piece) + 1
    return found


def keyword_at(text: str, offset: int) -> tuple[int, int, str] | None:
    """The keyword, attribute or value word (`item`, `halfyear`, `none`) at a character offset of
    the text, with where it starts and ends; None elsewhere (names, prose, comments, figures)."""
    for start, token, value in BudsjettLexer().get_tokens_unprocessed(text):
        if start > offset:
            break
        if start <= offset <= start + len(value) and (token in Keyword or token in NameToken.Attribute):
            return start, start + len(value), value
    return None


def keyword_hover(text: str, offset: int) -> tuple[int, int, str] | None:
    """The language reference on the keyword at the offset (from docs/language.md), with its place."""
    from ._reference import REFERENCE

    found = keyword_at(text, offset)
    if found is None or found[2] not in REFERENCE:
        return None
    start, end, word = found
    return start, end, f"**{word}**\n\n{REFERENCE[word]}"
