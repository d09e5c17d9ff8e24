"""The default report, in the manner of rustc and hledger, read top to bottom:

1. the verdict: each file's operating balance per plan year (spend, coverage and
   the gap, or why the year cannot be verified), as `rules._totals` computes it
   for BAL001, BAL002 and `summary`;
2. the findings, errors first, then warnings, then infos: the first finding of
   each rule with its code and message, the source line with the span underlined,
   at most `RELATED_SHOWN` related places with their notes ("and N more"), a hint
   at the fix; the rule's other findings one line each. `--show-all`
   (`Context.show_all`) shows every finding and every related place so;
3. the closing count.

Work is bounded by what is shown: an excerpt cuts its window out of the source
line before anything else is done with it, so a long line is never copied whole
for each finding on it. Colour only on a terminal (or FORCE_COLOR), and never
where NO_COLOR is set; with colour, the report is drawn with rich and the source
lines are highlighted with the language's Pygments lexer. Without colour it is
the same text, written without loading rich.
"""

from __future__ import annotations

import os
from collections import Counter
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple, Sequence

from ...dsl.model import Span
from ..diagnostics import SEVERITY_RANK, Diagnostic
from ..engine import CheckResult
from ..escaping import visible
from . import Context

if TYPE_CHECKING:
    from rich.text import Text

_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}

#: A line of the report: pieces of text, each with its style ("" for none). A piece of
#: source may be a rich `Text` that carries its highlighting (only when colour is drawn).
Line = list[tuple[Any, str]]


#: Without `--show-all`: how many findings of one rule are shown with their source (the rest
#: of that rule's findings one line each), and how many related places one finding shows.
FRAMED_PER_RULE = 1
RELATED_SHOWN = 2
#: The operating balance is shown first for this many files; a folder of many files would
#: otherwise begin with pages of balances.
VERDICT_FILES = 5


def render(results: Sequence[CheckResult], context: Context) -> str:
    color = context.color and not os.environ.get("NO_COLOR")  # no-color.org: set and not empty
    out: list[Line] = []
    counts: Counter[str] = Counter()
    fixable = 0
    _verdict(out, results)
    lines_of: dict[int, list] = {}
    framed: Counter[str] = Counter()
    # Errors first, then warnings, then infos; within each, file by file in the order of the lines.
    findings = sorted(((r, d) for r in results for d in r.diagnostics),
                      key=lambda rd: -SEVERITY_RANK[rd[1].severity])
    for r, d in findings:
        counts[d.severity] += 1
        fixable += d.fix is not None and d.fix.safe
        if not context.show_all and framed[d.code] >= FRAMED_PER_RULE:
            if out and out[-1] and out[-1][0][0].startswith(" "):  # after a frame, a blank line first
                out.append([])
            out.append([(f"{d.severity}[{d.code}]", _STYLE[d.severity]),
                        (f": {visible(d.file)}:{d.span.line}:{d.span.column}: {d.message}", "")])
            continue
        framed[d.code] += 1
        if id(r) not in lines_of:
            lines_of[id(r)] = _highlighted(r.budget.text) if color else r.budget.text.split("\n")
        if out and out[-1]:
            out.append([])
        _finding(out, d, lines_of[id(r)], context)
    if out and out[-1]:
        out.append([])
    out.extend(_closing(counts, fixable, len(results)))
    return _draw(out) if color else "".join("".join(str(text) for text, _ in line) + "\n" for line in out)


def _draw(out: list[Line]) -> str:
    """The report in colour, by rich."""
    import io

    from rich.console import Console
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, highlight=False, width=10_000, soft_wrap=True,
                      emoji=False, markup=False)
    for line in out:
        console.print(Text.assemble(*(text if isinstance(text, Text) else (text, style) for text, style in line)))
    return buffer.getvalue()


def _highlighted(text: str) -> list[Text]:
    """The text's lines as shown, coloured by the lexer's tokens (lexed whole, so that prose
    stays prose); one character shown for each in the source, so that the columns hold."""
    from bisect import bisect_right

    from pygments.token import Whitespace
    from rich.syntax import Syntax
    from rich.text import Text

    from ..editor.lexer import BudsjettLexer

    theme = Syntax.get_theme("ansi_dark")
    raw = text.split("\n")
    starts = [0]
    for line in raw[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    lines = [Text(_source(line)) for line in raw]
    for index, token, value in BudsjettLexer().get_tokens_unprocessed(text):
        style = theme.get_style_for_token(token)
        if not (value and style) or token in Whitespace:
            continue
        end = index + len(value)
        while index < end:  # a token may run over several lines (prose)
            i = bisect_right(starts, index) - 1
            stop = min(end, starts[i] + len(lines[i]))
            if stop > index:
                lines[i].stylize(style, index - starts[i], stop - starts[i])
            index = starts[i] + len(raw[i]) + 1
    return lines


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
    (`rules._totals.operating_balance`, made once a budget); none for a file with syntax errors."""
    from ...rules._totals import operating_balance

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


def _finding(out: list[Line], d: Diagnostic, lines: list, context: Context) -> None:
    out.append([(f"{d.severity}[{d.code}]", _STYLE[d.severity]), (f": {d.message}", "bold")])
    related = d.related if context.show_all else d.related[:RELATED_SHOWN]
    width = len(str(max([d.span.line] + [r.span.line for r in related])))
    _excerpt(out, d.file, d.span, lines, width, _STYLE[d.severity], None)
    previous = d.span.line
    for rel in related:  # a place on the line just shown is marked under it, as rustc does
        _excerpt(out, d.file, rel.span, lines, width, "bold blue", rel.note, again=rel.span.line == previous)
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


def _excerpt(out: list[Line], file: str, span: Span, lines: list, width: int, style: str,
             note: str | None, again: bool = False) -> None:
    """The place's source line with the span marked; with `again`, only the marks, under the
    line the place before showed."""
    gutter = " " * width
    if not again:
        out.append([(f"{gutter}--> ", "bold blue"), (f"{visible(file)}:{span.line}:{span.column}", "")])
    if not 0 < span.line <= len(lines):
        return
    source = lines[span.line - 1]
    if isinstance(source, str):
        source = source.rstrip("\r")
    start = max(span.column - 1, 0)
    end = span.end_column - 1 if span.end_line == span.line else len(source)
    end = max(min(end, len(source)), start + 1)
    shown, start, end = _clip(source, start, end)  # the window first: a long line is never copied whole
    shown = _source(shown)
    if not again:
        out.append([(f"{gutter} |", "bold blue")])
        out.append([(f"{span.line:>{width}} | ", "bold blue"), (shown, "")])
    marks = [(f"{gutter} | ", "bold blue"), (" " * start + "^" * (end - start), style)]
    if note:
        marks.append((f" {note}", style))
    out.append(marks)


def _source(line: Any) -> Any:
    """A source line as shown, one character for each in the source: a `str`, or a rich
    `Text` that `_highlighted` made so and coloured."""
    return _printable(line.rstrip("\r")) if isinstance(line, str) else line


def _clip(source: Any, start: int, end: int, limit: int = 160) -> tuple[Any, int, int]:
    """Keep very long lines readable: show a window around the span (of a `str` or a rich `Text`)."""
    if len(source) <= limit:
        return source, start, end
    left = max(0, start - 40)
    right = min(len(source), max(end, start + 1) + 40, left + limit)
    prefix = "..." if left else ""
    suffix = "..." if right < len(source) else ""
    shift = left - len(prefix)
    return source[:0] + prefix + source[left:right] + suffix, start - shift, min(end, right) - shift


def _printable(s: str) -> str:
    """Tabs as one space and control characters as U+FFFD: one character shown for each in the source."""
    return "".join(" " if ch == "\t" else ch if ch.isprintable() else "\ufffd" for ch in s)


def closing_line(results: Sequence[CheckResult]) -> str:
    """The line that ends every human format: how many findings of each severity, or that all passed."""
    counts = Counter(d.severity for r in results for d in r.diagnostics)
    return "".join(str(text) for text, _ in _closing(counts, 0, len(results))[0])


def _closing(counts: Counter[str], fixable: int, files: int) -> list[Line]:
    total = sum(counts.values())
    if not total:
        return [[(f"All checks passed ({files} file{'s' * (files != 1)}).", "bold green")]]
    parts = [f"{counts[s]} {s}{'s' * (counts[s] != 1)}" for s in ("error", "warning", "info") if counts[s]]
    closing = [[(f"Found {total} finding{'s' * (total != 1)}: " + ", ".join(parts) + ".", "bold")]]
    if fixable:
        closing.append([(f"{fixable} fixable with `--fix`.", "")])
    return closing
