"""Small helpers for tests: check text in the language and look at the result."""

from __future__ import annotations

import textwrap

from budsjett_lint.checker.config import Config, parse_config
from budsjett_lint.checker.engine import check_text


def lint(text: str, config: dict | None = None, file: str = "test.budsjett"):
    """The diagnostics for a snippet (dedented), with an optional config table."""
    cfg = parse_config(config, "test-config") if config else Config()
    return check_text(textwrap.dedent(text), file, cfg).diagnostics


def codes(text: str, config: dict | None = None) -> list[str]:
    return [d.code for d in lint(text, config)]


def triples(text: str, code: str | None = None, config: dict | None = None) -> list[tuple[int, int, str]]:
    """(line, column, code) of each diagnostic, as yamllint's tests state them."""
    return [(d.span.line, d.span.column, d.code) for d in lint(text, config) if code is None or d.code == code]
