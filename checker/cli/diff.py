"""`budsjett-lint diff BASE HEAD`: what an amendment changes, per year, and whether it still balances.

Each side is a file, `-` for standard input, or `REF:path` read from git
(`main:proposal.budsjett`). Exit 1 when the amendment introduces a finding at
or above the failing severity (errors by default), leaves a year that
balanced before unbalanced or without the figures to show that it balances,
or, in a year that does not balance, is not funded on its own: its changes
spend more than they cover, or cannot be added up.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..amend.diff import compare
from ..amend.repo import is_revision_path, show
from ..config import Config, ConfigError, config_at
from ..engine import CheckResult, check_text, decode
from ..files import ReadError, read_named
from ..report.diff import render
from . import HUMAN, format_name
from ._output import emit, error


def add_arguments(p: argparse.ArgumentParser, name: str) -> None:
    p.add_argument("base", metavar="BASE", help="the budget before: a file, - or REF:path, e.g. main:proposal.budsjett")
    p.add_argument("head", metavar="HEAD", help="the budget after the amendment: a file, - or REF:path")
    p.add_argument("--format", type=format_name, choices=[HUMAN, "markdown", "json"], default=HUMAN,
                   help="full (default), markdown for a pull request comment, or json")
    p.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--config", metavar="FILE", help="use this configuration file instead of searching for one")
    p.add_argument("--fail-on", choices=["error", "warning", "info"],
                   help="the lowest severity of an introduced finding that fails (default: error)")


def run(args: argparse.Namespace) -> int:
    if args.base == "-" and args.head == "-":
        error("only one side can be read from standard input")
        return 2
    try:
        config = _config(args)
        base = _check(args.base, config)
        head = _check(args.head, config)
    except (ConfigError, ReadError) as exc:
        error(str(exc))
        return 2
    amendment = compare(base, head, config.balance_tolerance, args.fail_on or config.fail_on)
    report = render(amendment, args.format)
    if not emit(report, args.output):
        return 2
    return 1 if amendment.fails else 0


def _config(args: argparse.Namespace) -> Config:
    head = args.head
    return config_at(Path(head) if head != "-" and not is_revision_path(head) else Path.cwd(), args.config)


def _check(spec: str, config: Config) -> CheckResult:
    if spec != "-" and is_revision_path(spec):
        data = show(spec, config.max_file_size)
    else:
        data = read_named(spec, config.max_file_size)
    text, problem = decode(data, spec)
    if text is None:
        from ...dsl.model import Budget

        assert problem is not None
        return CheckResult(spec, Budget(text=data.decode("utf-8", "replace")), (problem,))
    return check_text(text, spec, config)
