"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

    ::error file=proposal.budsjett,line=4,col=19,endLine=4,endColumn=23,title=BAL001 unbalanced-year::message

Paths are relative to the repository root, as GitHub expects. What came from a
file or a file name is made visible first (`escaping.visible`: no escape sequence
or line break of its own reaches the log), then every value is escaped as GitHub's
toolkit does: `%`, `\\r` and `\\n` everywhere, and `:` and `,` in the properties too.

GitHub shows at most 10 error, 10 warning and 10 notice annotations a step
and drops the rest silently. So where a level has more, the first 9 are
annotations and the 10th says how many more there are and of which codes;
those not shown as annotations are still in the log, one a line.
"""

from __future__ import annotations

from collections import Counter
from typing import Sequence

from ..diagnostics import location
from ..engine import CheckResult
from ..escaping import visible
from . import Context, relative

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}
LIMIT = 10  # annotations of one level that GitHub shows a step


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(results: Sequence[CheckResult], context: Context) -> str:
    found = [(visible(relative(r.file, context.root)), d) for r in results for d in r.diagnostics]
    count = Counter(d.severity for _, d in found)
    shown: Counter[str] = Counter()
    lines, hidden = [], []
    for path, d in found:
        level = d.severity
        if count[level] > LIMIT and shown[level] >= LIMIT - 1:  # the last place is for the summary
            hidden.append((path, d))
            continue
        shown[level] += 1
        s = d.span
        properties = (f"file={escape_property(path)},line={s.line},col={s.column},endLine={s.end_line},"
                      f"endColumn={s.end_column},title={escape_property(f'{d.code} {d.name}')}")
        message = visible(d.message) if not d.hint else f"{visible(d.message)}\nhelp: {visible(d.hint)}"
        lines.append(f"::{COMMAND[level]} {properties}::{escape_data(message)}")
    for level in ("error", "warning", "info"):
        left = [(path, d) for path, d in hidden if d.severity == level]
        if not left:
            continue
        codes = Counter(d.code for _, d in left)
        by_code = ", ".join(f"{code} ×{n}" if n > 1 else code for code, n in sorted(codes.items()))
        noun = {"error": "error", "warning": "warning", "info": "notice"}[level]
        plural = f"{noun}{'s' * (len(left) != 1)}"
        lines.append(f"::{COMMAND[level]} title={escape_property(f'budsjett-lint: {len(left)} more {plural}')}::"
                     + escape_data(f"{len(left)} more {plural} not shown as annotations ({by_code}): GitHub shows "
                                   f"{LIMIT} a step. They are in this step's log below; `budsjett-lint check` "
                                   "lists them all."))
    for path, d in hidden:  # in the log, not as annotations
        lines.append(escape_data(f"{location(path, d.span)}: {d.severity}[{d.code}] {visible(d.message)}"))
    return "".join(line + "\n" for line in lines)
