"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

    ::error file=proposal.budsjett,line=4,col=19,endLine=4,endColumn=23,title=BAL001 unbalanced-year::message

Paths are relative to the repository root, as GitHub expects. What came from a
file or a file name is made visible first (`escaping.visible`: no escape sequence
or line break of its own reaches the log), then every value is escaped as GitHub's
toolkit does: `%`, `\\r` and `\\n` everywhere, and `:` and `,` in the properties too.
"""

from __future__ import annotations

from typing import Sequence

from ..engine import CheckResult
from ..escaping import visible
from . import Context, relative

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(results: Sequence[CheckResult], context: Context) -> str:
    lines = []
    for r in results:
        file = escape_property(visible(relative(r.file, context.root)))
        for d in r.diagnostics:
            s = d.span
            properties = (f"file={file},line={s.line},col={s.column},endLine={s.end_line},"
                          f"endColumn={s.end_column},title={escape_property(f'{d.code} {d.name}')}")
            message = visible(d.message) if not d.hint else f"{visible(d.message)}\nhelp: {visible(d.hint)}"
            lines.append(f"::{COMMAND[d.severity]} {properties}::{escape_data(message)}")
    return "".join(line + "\n" for line in lines)
