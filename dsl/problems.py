"""Problems found while reading a file, before any rule runs."""

from __future__ import annotations

from typing import NamedTuple

from .model import Span


class Problem(NamedTuple):
    """A syntax problem: its SYN code, what is wrong, where, and what would fix it."""

    code: str
    message: str
    span: Span
    hint: str | None = None
