"""The default report, in the manner of rustc and hledger: each finding with its
code and message, the source line with the span underlined, related places
with their notes, a hint at the fix, and a closing count. Drawn with rich:
colour only on a terminal, and never where NO_COLOR is set; with colour, the
source lines are highlighted with the language's Pygments lexer.
"""

from __future__ import annotations

import io
import os
from collections import Counter
from typing import Sequence

from rich.console import Console
from rich.text import Text

from ...dsl.model import Span
from ..diagnostics import Diagnostic
from ..engine import CheckResult
from . import Context

_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}


def render(results: Sequence[CheckResult], context: Context) -> str:
    out = io.StringIO()
    color = context.color and not os.environ.get("NO_COLOR")  # no-color.org: set and not empty
    console = Console(file=out, force_terminal=color, no_color=not color, highlight=False,
                      width=10_000, soft_wrap=True, emoji=False, markup=False)
    counts: Counter[str] = Counter()
    fixable = 0
    for r in results:
        if not r.diagnostics:
            continue
        lines = _highlighted(r.budget.text) if color else [Text(line) for line in r.budget.text.split("\n")]
        for d in r.diagnostics:
            counts[d.severity] += 1
            fixable += d.fix is not None and d.fix.safe
            _finding(console, d, lines, context)
    console.print(_closing(counts, fixable, len(results)))
    return out.getvalue()


def _highlighted(text: str) -> list[Text]:
    """The text's lines, coloured by the lexer's tokens (lexed whole, so that prose stays prose)."""
    from pygments.token import Whitespace
    from rich.syntax import Syntax

    from ..lexer import BudsjettLexer

    theme = Syntax.get_theme("ansi_dark")
    whole = Text(text)
    for index, token, value in BudsjettLexer().get_tokens_unprocessed(text):
        style = theme.get_style_for_token(token)
        if value and style and token not in Whitespace:
            whole.stylize(style, index, index + len(value))
    return whole.split("\n", allow_blank=True)


def _finding(console: Console, d: Diagnostic, lines: list[Text], context: Context) -> None:
    head = Text()
    head.append(f"{d.severity}[{d.code}]", style=_STYLE[d.severity])
    head.append(f": {d.message}", style="bold")
    console.print(head)
    width = len(str(max([d.span.line] + [r.span.line for r in d.related])))
    _excerpt(console, d.file, d.span, lines, width, _STYLE[d.severity], None)
    for rel in d.related:
        _excerpt(console, d.file, rel.span, lines, width, "bold blue", rel.note)
    if d.hint:
        console.print(Text(" " * width + " = ", style="bold blue") + Text(f"help: {d.hint}"))
    if d.fix is not None and context.show_fixes:
        kind = "fix" if d.fix.safe else "unsafe fix"
        console.print(Text(" " * width + " = ", style="bold blue") + Text(f"{kind}: {d.fix.description}"))
    console.print()


def _excerpt(console: Console, file: str, span: Span, lines: list[Text], width: int, style: str,
             note: str | None) -> None:
    gutter = " " * width
    console.print(Text(f"{gutter}--> ", style="bold blue") + Text(f"{file}:{span.line}:{span.column}"))
    if not 0 < span.line <= len(lines):
        return
    line = lines[span.line - 1]
    source = Text(_printable(line.plain.rstrip("\r")), spans=line.spans)  # one character for one
    start = max(span.column - 1, 0)
    end = span.end_column - 1 if span.end_line == span.line else len(source)
    end = max(min(end, len(source)), start + 1)
    shown, start, end = _clip(source, start, end)
    console.print(Text(f"{gutter} |", style="bold blue"))
    console.print(Text.assemble((f"{span.line:>{width}} | ", "bold blue"), shown))
    marks = Text.assemble((f"{gutter} | ", "bold blue"), (" " * start + "^" * (end - start), style))
    if note:
        marks.append(f" {note}", style=style)
    console.print(marks)


def _clip(source: Text, start: int, end: int, limit: int = 160) -> tuple[Text, int, int]:
    """Keep very long lines readable: show a window around the span."""
    if len(source) <= limit:
        return source, start, end
    left = max(0, start - 40)
    right = min(len(source), max(end, start + 1) + 40, left + limit)
    prefix = "..." if left else ""
    suffix = "..." if right < len(source) else ""
    shift = left - len(prefix)
    return Text(prefix) + source[left:right] + Text(suffix), start - shift, min(end, right) - shift


def _printable(s: str) -> str:
    """Tabs as one space and control characters as U+FFFD: one character shown for each in the source."""
    return "".join(" " if ch == "\t" else ch if ch.isprintable() else "\ufffd" for ch in s)


def _closing(counts: Counter[str], fixable: int, files: int) -> Text:
    total = sum(counts.values())
    if not total:
        return Text(f"All checks passed ({files} file{'s' * (files != 1)}).", style="bold green")
    parts = [f"{counts[s]} {s}{'s' * (counts[s] != 1)}" for s in ("error", "warning", "info") if counts[s]]
    text = Text(f"Found {total} finding{'s' * (total != 1)}: " + ", ".join(parts) + ".", style="bold")
    if fixable:
        text.append(f"\n{fixable} fixable with `--fix`.")
    return text
