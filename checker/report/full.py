"""The default report, in the manner of rustc and hledger, read top to bottom:

1. the verdict: each file's operating balance per plan year (spend, coverage and
   the gap, or why the year cannot be verified), as `rules.totals` computes it
   for BAL001, BAL002 and `summary`;
2. the findings, errors first, then warnings, then infos (an amendment's own
   findings, BAL013 and BAL014, first among the errors): the first finding of
   each rule with its code and message, the source line with the span underlined,
   at most `RELATED_SHOWN` related places with their notes ("and N more"), a hint
   at the fix; the rule's other findings one line each. `--show-all`
   (`Context.show_all`) shows every finding and every related place so;
3. the closing count.

Work is bounded by what is shown: a line is found when a finding shows it (`Source`),
and an excerpt cuts its window out of the source line before anything else is done with
it, so the file is never split into lines and a long line is never copied whole for each
finding on it. Colour only on a terminal (or FORCE_COLOR), and never where NO_COLOR is
set; with colour, the shown windows are highlighted with the language's Pygments lexer
and the report is written with ANSI codes of its own. Without colour it is the same text,
written without loading Pygments.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from decimal import Decimal
from typing import Any, Iterator, Mapping, NamedTuple, Sequence

from ...dsl.model import Span
from ..diagnostics import SEVERITY_RANK, Diagnostic, location
from ..engine import CheckResult
from ..escaping import visible
from . import Context, NotShown

_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}

#: A line of the report: pieces of text, each with its style ("" for none).
Line = list[tuple[str, str]]


#: Without `--show-all`: how many findings of one rule are shown with their source (the rest
#: of that rule's findings one line each), and how many related places one finding shows.
FRAMED_PER_RULE = 1
RELATED_SHOWN = 1
#: The findings on what an amendment changed (`checker.amend.amendment`): shown before the file's others.
AMENDMENT_CODES = frozenset({"BAL013", "BAL014"})
#: The operating balance is shown first for this many files; a folder of many files would
#: otherwise begin with pages of balances.
VERDICT_FILES = 5


def render(results: Sequence[CheckResult], context: Context) -> str:
    color = context.color and not os.environ.get("NO_COLOR")  # no-color.org: set and not empty
    out: list[Line] = []
    counts: Counter[str] = Counter()
    fixable = 0
    _verdict(out, results)
    sources: dict[int, Source] = {}
    for r, d, framed in grouped(results, context.show_all):
        counts[d.severity] += 1
        fixable += d.fix is not None and d.fix.safe
        if not framed:
            if out and out[-1] and out[-1][0][0].startswith(" "):  # after a frame, a blank line first
                out.append([])
            out.append(one_line(d))
            continue
        if id(r) not in sources:
            sources[id(r)] = Source(r.budget.text, color)
        if out and out[-1]:
            out.append([])
        header = r.budget.header
        _finding(out, d, sources[id(r)], context, header.period_span if header is not None else None)
    if out and out[-1]:
        out.append([])
    out.extend(_closing(counts, fixable, len(results), context.not_shown))
    return "".join(_draw(line) if color else "".join(text for text, _ in line) + "\n" for line in out)


def grouped(results: Sequence[CheckResult], show_all: bool) -> Iterator[tuple[CheckResult, Diagnostic, bool]]:
    """The findings in the order the report shows them, each with whether it is framed (shown with
    its source): errors first, then warnings, then infos; within each, what an amendment did (BAL013,
    BAL014) first, then file by file in the order of the lines. The first `FRAMED_PER_RULE` of each
    rule are framed, or every one with `show_all`. The HTML page (`report/page.py`) shows them in this
    order too."""
    framed: Counter[str] = Counter()
    found = sorted(((r, d) for r in results for d in r.diagnostics),
                   key=lambda rd: (-SEVERITY_RANK[rd[1].severity], rd[1].code not in AMENDMENT_CODES))
    for result, d in found:
        shown = show_all or framed[d.code] < FRAMED_PER_RULE
        framed[d.code] += shown
        yield result, d, shown


def one_line(d: Diagnostic) -> Line:
    """A finding that is not framed: its code, place and message on one line."""
    return [(f"{d.severity}[{d.code}]", _STYLE[d.severity]),
            (f": {location(visible(d.file), d.span)}: {d.message}", "")]


def frame(d: Diagnostic, source: Source, context: Context) -> list[Line]:
    """A framed finding's lines: code and message, the source excerpts with their marks, help and fix."""
    out: list[Line] = []
    _finding(out, d, source, context, None)  # every place framed, the `period` line's too
    return out


#: Select Graphic Rendition codes of the styles the report uses, as ANSI terminals read them.
_SGR = {"bold": "1", "dim": "2", "underline": "4", "red": "31", "green": "32", "yellow": "33", "blue": "34",
        "cyan": "36", "bright_blue": "94", "bright_cyan": "96"}


def _draw(line: Line) -> str:
    """A line in colour: each styled piece between its SGR code and a reset."""
    return "".join(f"\x1b[{';'.join(_SGR[w] for w in style.split())}m{text}\x1b[0m" if style and text else text
                   for text, style in line) + "\n"


class Source:
    """The lines of one text as the report shows them, found when a finding shows them: the
    text is never split or copied, and with colour only the shown part of a line is lexed.

    A line is found from the offset its span carries (checked against the line number, by
    counting the newlines from the nearest line found before), or else by walking its
    newlines from there; the lines found are kept, so that each is looked for once.
    """

    __slots__ = ("text", "count", "color", "_found", "_blocks", "_scanned")

    def __init__(self, text: str, color: bool):
        self.text = text
        self.count = text.count("\n") + 1
        self.color = color
        self._found: list[tuple[int, int]] = [(1, 0)]  # (line, offset of its start), in order
        self._blocks: list[tuple[int, int]] = []  # text blocks, as the lexer reads them (colour only)
        self._scanned = 0

    def bounds(self, line: int, hint: int) -> tuple[int, int]:
        """Where line `line` (1-based, within the text) begins and ends, without its line end."""
        from bisect import bisect_right, insort

        text, found = self.text, self._found
        start = -1
        if 0 <= hint <= len(text):
            at = text.rfind("\n", 0, hint) + 1
            i = bisect_right(found, at, key=_offset) - 1
            if found[i][0] + text.count("\n", found[i][1], at) == line:
                start = at
        if start < 0:
            i = bisect_right(found, (line, len(text) + 1)) - 1
            start = found[i][1]
            for _ in range(line - found[i][0]):
                start = text.find("\n", start) + 1
        if (line, start) not in found:
            insort(found, (line, start))
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        while end > start and text[end - 1] == "\r":  # CRLF: the line as written, as `str.rstrip`
            end -= 1
        return start, end

    def pieces(self, start: int, end: int) -> Line:
        """The text from `start` to `end` (on one line) as pieces to show: coloured by the lexer's
        tokens where colour is on, each piece made printable."""
        if not self.color:
            return [(_printable(self.text[start:end]), "")]
        from pygments.token import Whitespace

        from ..editor.lexer import BudsjettLexer

        stack = ("root", "prose") if self._in_block(start) else ("root",)
        return [(_printable(value), "" if token in Whitespace else _token_style(token))
                for _, token, value in BudsjettLexer().get_tokens_unprocessed(self.text[start:end], stack=stack)]

    def _in_block(self, at: int) -> bool:
        """Whether offset `at` lies within a text block (after its opening quotes): where the lexer,
        reading the text from its start, would be in its `prose` state. Outside a block only a
        name (`"..."`) or a comment can hold quotes, and neither runs past its line, so a line's
        own start tells which quotes open a block; the blocks are found once, as far as asked."""
        from bisect import bisect_right

        text, blocks = self.text, self._blocks
        pos = self._scanned
        while pos <= at:
            i = text.find('"""', pos)
            if i < 0:
                self._scanned = len(text) + 1
                break
            lead = max(text.rfind("\n", pos, i) + 1, pos)
            if '"' in text[lead:i] or "#" in text[lead:i]:
                m = next(m for m in _ROOT_QUOTES.finditer(text, lead) if m.end() > i)
                if m.start() != i:  # the quotes are in a name or a comment
                    pos = max(m.end(), i + 1)
                    continue
            close = text.find('"""', i + 3)
            close = len(text) if close < 0 else close + 3
            blocks.append((i, close))
            pos = self._scanned = close
        j = bisect_right(blocks, (at, len(text) + 1)) - 1
        return j >= 0 and blocks[j][0] < at < blocks[j][1]


def _offset(found: tuple[int, int]) -> int:
    return found[1]


#: What can hold quotes outside a text block, as the lexer reads it: a block, a name, a comment.
_ROOT_QUOTES = re.compile(r'"""|"[^"\n]*"?|#[^\n]*')

#: The styles of the lexer's tokens: those of rich's `ansi_dark` theme, which the report used.
_TOKEN_STYLES = {"Comment": "dim", "Literal.String": "yellow", "Keyword": "bright_blue",
                 "Name.Attribute": "bright_cyan", "Name.Builtin": "bright_cyan", "Literal.Number": "bright_blue",
                 "Error": "underline red"}


def _token_style(token: Any) -> str:
    while token is not None:
        name = str(token)[6:]  # after "Token."
        if name in _TOKEN_STYLES:
            return _TOKEN_STYLES[name]
        token = token.parent
    return ""


class YearVerdict(NamedTuple):
    """What the verdict says of a plan year: its known figures and how many lines lack one
    (only counts and sums, so that keeping it keeps none of the model)."""

    year: int
    spend: Decimal
    cover: Decimal
    unknown: int

    @property
    def gap(self) -> Decimal:
        return self.spend - self.cover


def balance_of(result: CheckResult) -> tuple[YearVerdict, ...]:
    """The file's operating balance per plan year, as BAL001 and BAL002 and `summary` read it
    (`rules.totals.operating_balance`, made once a budget); none for a file with syntax errors."""
    from ...rules.totals import operating_balance

    if result.balance:
        return result.balance
    if not result.budget.years or any(d.code.startswith("SYN") for d in result.diagnostics):
        return ()
    return tuple(YearVerdict(b.year, b.spend, b.cover, len(b.unknown)) for b in operating_balance(result.budget))


def _verdict(out: list[Line], results: Sequence[CheckResult]) -> None:
    """The answer first: each file's operating balance per plan year."""
    from ...rules.base import fmt

    judged = [(r, years) for r in results if (years := balance_of(r))]
    for r, years in judged[:VERDICT_FILES]:
        out.append([(f"Operating balance of {visible(r.file)} (mill NOK):", "bold")])
        for year in years:
            figures = f"spend {fmt(year.spend)}, coverage {fmt(year.cover)}"
            gap = f"gap {fmt(year.gap)}" if year.gap >= 0 else f"surplus {fmt(-year.gap)}"
            if not year.unknown:
                state = f"{figures}, {gap}" if year.gap else f"{figures}: balanced"
                out.append([(f"  {year.year}  ", "bold"), (state, "" if not year.gap else _STYLE["error"])])
            else:
                n = year.unknown
                out.append([(f"  {year.year}  ", "bold"),
                            (f"cannot be verified: {n} line{'s' * (n != 1)} without figures, "
                             f"known {gap} ({figures})", _STYLE["warning"])])
        out.append([])
    if len(judged) > VERDICT_FILES:
        more = len(judged) - VERDICT_FILES
        out.append([(f"Operating balance of {more} more file{'s' * (more != 1)}: "
                     "`budsjett-lint summary FILE` shows it.", "bold")])
        out.append([])


def _finding(out: list[Line], d: Diagnostic, source: Source, context: Context, period: Span | None) -> None:
    """A finding with its source. One anchored at the header's `period` (a plan year's finding)
    shows only where it stands: the `period` line itself says nothing the message does not."""
    out.append([(f"{d.severity}[{d.code}]", _STYLE[d.severity]), (f": {d.message}", "bold")])
    related = d.related if context.show_all else d.related[:RELATED_SHOWN]
    width = len(str(max([d.span.line] + [r.span.line for r in related])))
    framed = context.show_all or period is None
    if not framed and d.span == period:
        _place(out, d.file, d.span, width, None)
    else:
        _excerpt(out, d.file, d.span, source, width, _STYLE[d.severity], None)
    previous = d.span.line
    for rel in related:  # a place on the line just shown is marked under it, as rustc does
        if not framed and rel.span == period:
            _place(out, d.file, rel.span, width, rel.note)
        else:
            _excerpt(out, d.file, rel.span, source, width, "bold blue", rel.note, again=rel.span.line == previous)
        previous = rel.span.line
    if len(related) < len(d.related):
        more = len(d.related) - len(related)
        out.append([(" " * width + " = ", "bold blue"),
                    (f"and {more} more related place{'s' * (more != 1)} (`--show-all` or `--format json` lists them)", "")])
    if d.hint:
        out.append([(" " * width + " = ", "bold blue"), (f"help: {d.hint}", "")])
    if d.fix is not None and context.show_fixes:
        kind = "fix" if d.fix.safe else "unsafe fix"
        out.append([(" " * width + " = ", "bold blue"), (f"{kind}: {d.fix.description}", "")])


def _place(out: list[Line], file: str, span: Span, width: int, note: str | None) -> None:
    """A place at the header's `period` line, without its frame: the line says nothing of its own."""
    out.append([(f"{' ' * width}--> ", "bold blue"), (f"{visible(file)}:{span.line}:{span.column}", ""),
                (" (the plan's `period`)" + (f": {note}" if note else ""), "")])


def _excerpt(out: list[Line], file: str, span: Span, source: Source, width: int, style: str,
             note: str | None, again: bool = False) -> None:
    """The place's source line with the span marked; with `again`, only the marks, under the
    line the place before showed."""
    gutter = " " * width
    if not again:
        out.append([(f"{gutter}--> ", "bold blue"), (location(visible(file), span), "")])
    if not 0 < span.line <= source.count:
        return
    first, last = source.bounds(span.line, span.start)
    length = last - first
    start = max(span.column - 1, 0)
    end = span.end_column - 1 if span.end_line == span.line else length
    end = max(min(end, length), start + 1)
    # the window first: a long line is never copied whole
    left, right, prefix, suffix, start, end = _clip(length, start, end)
    if not again:
        shown = source.pieces(first + left, first + right)
        if prefix or suffix:
            shown = [(prefix, ""), *shown, (suffix, "")]
        out.append([(f"{gutter} |", "bold blue")])
        out.append([(f"{span.line:>{width}} | ", "bold blue"), *shown])
    marks = [(f"{gutter} | ", "bold blue"), (" " * start + "^" * (end - start), style)]
    if note:
        marks.append((f" {note}", style))
    out.append(marks)


def _clip(length: int, start: int, end: int, limit: int = 160) -> tuple[int, int, str, str, int, int]:
    """Keep very long lines readable: the window of a line of `length` characters to show around
    the span from `start` to `end`, the ellipses around it, and the span within what is shown."""
    if length <= limit:
        return 0, length, "", "", start, end
    left = max(0, start - 40)
    right = min(length, max(end, start + 1) + 40, left + limit)
    prefix = "..." if left else ""
    suffix = "..." if right < length else ""
    shift = left - len(prefix)
    return left, right, prefix, suffix, start - shift, min(end, right) - shift


def _printable(s: str) -> str:
    """Tabs as one space and control characters as U+FFFD: one character shown for each in the source."""
    return "".join(" " if ch == "\t" else ch if ch.isprintable() else "\ufffd" for ch in s)


def closing_line(results: Sequence[CheckResult], not_shown: NotShown = NotShown()) -> str:
    """The line that ends every human format: how many findings of each severity, or that all passed,
    and what the run found but does not show."""
    counts: Counter[str] = Counter(d.severity for r in results for d in r.diagnostics)
    return "".join(text for text, _ in _closing(counts, 0, len(results), not_shown)[0])


def _closing(counts: Mapping[str, int], fixable: int, files: int, not_shown: NotShown = NotShown()) -> list[Line]:
    total = sum(counts.values())
    rest = not_shown.clause()
    if not total and not_shown.below:  # a pass only of what was shown: never "All checks passed"
        return [[(f"No findings at `--severity {not_shown.severity}` or above ({files} file{'s' * (files != 1)})"
                  f"{rest}.", "bold")]]
    if not total:
        return [[(f"All checks passed ({files} file{'s' * (files != 1)}){rest}.", "bold green")]]
    parts = [f"{counts[s]} {s}{'s' * (counts[s] != 1)}" for s in ("error", "warning", "info") if counts[s]]
    closing = [[(f"Found {total} finding{'s' * (total != 1)}: " + ", ".join(parts) + f"{rest}.", "bold")]]
    if fixable:
        closing.append([(f"{fixable} fixable with `--fix`.", "")])
    return closing
