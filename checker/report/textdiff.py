"""Unified diffs of a file's text before and after, for `format --diff` and `check --diff`."""

from __future__ import annotations

import difflib

from ..escaping import visible


def _lines(text: str) -> list[str]:
    """Lines with their ends; only LF ends a line, as in the language."""
    lines = text.split("\n")
    result = [ln + "\n" for ln in lines[:-1]]
    if lines[-1]:
        result.append(lines[-1])
    return result


def unified_diff(before: str, after: str, name: str) -> str:
    """The change as a unified diff, with the marker for a last line without a line end."""
    out = []
    for line in difflib.unified_diff(_lines(before), _lines(after), fromfile=visible(name), tofile=visible(name)):
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)
