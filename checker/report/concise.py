"""`file:line:col: CODE message`, one a line, for editors' problem matchers."""

from __future__ import annotations

from typing import Sequence

from ..diagnostics import one_line
from ..engine import CheckResult
from ..escaping import visible
from . import Context


def render(results: Sequence[CheckResult], context: Context) -> str:
    lines = []
    for r in results:
        for d in r.diagnostics:
            lines.append(one_line(visible(d.file), d.span, d.code, d.message))
    from .full import closing_line

    lines.append(closing_line(results, context.not_shown))  # a problem matcher skips it: it has no `file:line:col:`
    return "".join(line + "\n" for line in lines)
