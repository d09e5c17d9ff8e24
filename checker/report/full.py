"""The default report, in the manner of rustc and hledger: each finding with its
code and message, the source line with the span underlined, related places
with their notes, a hint at the fix, and a closing count. Colour only on a
terminal, and never where NO_COLOR is set; with colour, the report is drawn
with rich and the source lines are highlighted with the language's Pygments
lexer. Without colour it is the same text, written without loading rich.
"""

from __future__ import annotations

import os
from collections import Counter
from typing import TYPE_CHECKING, Any, Sequence

from ...dsl.model import Span
from ..diagnostics import Diagnostic
from ..engine import CheckResult
from ..escaping import visible
from . import Context

if TYPE_CHECKING:
    from rich.text import Text

_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}

#: A line of the report: pieces of text, each with its style ("" for none). A piece of
#: source may be a rich `Text` that carries its highlighting (only when colour is drawn).
Line = list[tuple[Any, str]]


def render(results: Sequence[CheckResult], context: Context) -> str:
    color = context.color and not os.environ.get("NO_COLOR")  # no-color.org: set and not empty
    out: list[Line] = []
    counts: Counter[str] = Counter()
    fixable = 0
    for r in results:
        if not r.diagnostics:
            continue
        lines = _highlighted(r.budget.text) if color else r.budget.text.split("\n")
        for d in r.diagnostics:
            counts[d.severity] += 1
            fixable += d.fix is not None and d.fix.safe
            _finding(out, d, lines, context)
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

    from ..lexer import BudsjettLexer

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


def _finding(out: list[Line], d: Diagnostic, lines: list, context: Context) -> None:
    out.append([(f"{d.severity}[{d.code}]", _STYLE[d.severity]), (f": {d.message}", "bold")])
    width = len(str(max([d.span.line] + [r.span.line for r in d.related])))
    _excerpt(out, d.file, d.span, lines, width, _STYLE[d.severity], None)
    for rel in d.related:
        _excerpt(out, d.file, rel.span, lines, width, "bold blue", rel.note)
    if d.hint:
        out.append([(" " * width + " = ", "bold blue"), (f"help: {d.hint}", "")])
    if d.fix is not None and context.show_fixes:
        kind = "fix" if d.fix.safe else "unsafe fix"
        out.append([(" " * width + " = ", "bold blue"), (f"{kind}: {d.fix.description}", "")])
    out.append([])


def _excerpt(out: list[Line], file: str, span: Span, lines: list, width: int, style: str,
             note: str | None) -> None:
    gutter = " " * width
    out.append([(f"{gutter}--> ", "bold blue"), (f"{visible(file)}:{span.line}:{span.column}", "")])
    if not 0 < span.line <= len(lines):
        return
    source = _source(lines[span.line - 1])
    start = max(span.column - 1, 0)
    end = span.end_column - 1 if span.end_line == span.line else len(source)
    end = max(min(end, len(source)), start + 1)
    shown, start, end = _clip(source, start, end)
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


def _closing(counts: Counter[str], fixable: int, files: int) -> list[Line]:
    total = sum(counts.values())
    if not total:
        return [[(f"All checks passed ({files} file{'s' * (files != 1)}).", "bold green")]]
    parts = [f"{counts[s]} {s}{'s' * (counts[s] != 1)}" for s in ("error", "warning", "info") if counts[s]]
    closing = [[(f"Found {total} finding{'s' * (total != 1)}: " + ", ".join(parts) + ".", "bold")]]
    if fixable:
        closing.append([(f"{fixable} fixable with `--fix`.", "")])
    return closing
