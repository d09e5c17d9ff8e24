"""`budsjett-lint format PATH...`: rewrite files in the canonical layout.

Exit codes: 0 every file is formatted (or was rewritten), 1 a file would change
(`--check`, `--diff`) or has syntax errors and was left as it was, 2 a file or
the configuration could not be read or written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..config import Config, ConfigError, load_config
from ..engine import decode
from ..files import ReadError, collect, read_bytes, rewrite
from ..editor.formatter import FormatterError, SyntaxErrors, format_text
from ..report.textdiff import unified_diff
from ..escaping import visible
from ._output import config_for, error


def add_arguments(p: argparse.ArgumentParser, name: str) -> None:
    p.add_argument("paths", nargs="*", default=["."], metavar="PATH",
                   help="files, folders (every *.budsjett below) or - to format standard input to standard output")
    p.add_argument("--check", action="store_true",
                   help="write nothing; list the files that would change, and exit 1 if any would")
    p.add_argument("--diff", action="store_true",
                   help="write nothing; print the changes as a unified diff, and exit 1 if there are any")
    p.add_argument("--force", action="store_true",
                   help="rewrite read-only files and files with several hard links too (they are refused otherwise)")
    p.add_argument("--config", metavar="FILE", help="use this configuration file instead of searching for one")
    p.add_argument("--stdin-filename", metavar="NAME", help="the name of standard input, for messages and configuration")
    # The configuration is found as `check` finds it; these `check` options do not apply here.
    p.set_defaults(select=None, ignore=None, fail_on=None)


def run(args: argparse.Namespace) -> int:
    files, errors = collect(args.paths)
    status = 0
    for e in errors:
        error(e)
        status = 2
    try:
        override = load_config(Path(args.config)) if args.config else None
        counts = {"changed": 0, "unchanged": 0, "failed": 0}
        for file in files:
            status = max(status, _format_file(file, args, config_for(file, args, override), counts))
    except ConfigError as exc:
        error(str(exc))
        return 2
    if any(f != "-" for f in files):
        _summary(counts, args)
    return status


def _format_file(file: str, args: argparse.Namespace, config: Config, counts: dict[str, int]) -> int:
    shown = args.stdin_filename if file == "-" and args.stdin_filename else file
    try:
        data = read_bytes(file, config.max_file_size)
    except ReadError as exc:
        error(str(exc))
        return 2
    text, problem = decode(data, shown)
    if text is None:
        assert problem is not None
        _report(shown, problem.span.line, problem.span.column, problem.code, problem.message)
        return 1
    try:
        formatted = format_text(text, config.format)
    except SyntaxErrors as exc:
        for p in exc.problems:
            _report(shown, p.span.line, p.span.column, p.code, p.message)
        error(f"{shown}: not formatted: it has syntax errors" + ("" if file == "-" else "; the file is left as it was"))
        return 1
    except FormatterError as exc:
        error(f"{shown}: not formatted: {exc}. This is a bug in budsjett-lint: please report it with the file")
        return 2
    changed = formatted != text
    if args.diff or args.check or file == "-" or not changed:
        counts["changed" if changed else "unchanged"] += 1
    if args.diff:
        _out(unified_diff(text, formatted, shown))
        return int(changed)
    if args.check:
        if changed:
            _out(f"would reformat {visible(shown)}\n")
        return int(changed)
    if file == "-":
        _out(formatted)
    elif changed:
        try:
            rewrite(file, formatted.encode("utf-8"), force=args.force)
        except OSError as exc:
            error(f"{file}: cannot write: {exc.strerror or exc}; the file is left as it was")
            counts["failed"] += 1
            return 2
        counts["changed"] += 1
    return 0


def _summary(counts: dict[str, int], args: argparse.Namespace) -> None:
    def files(n: int) -> str:
        return f"{n} file{'s' * (n != 1)}"

    if args.check or args.diff:
        message = f"{files(counts['changed'])} would be reformatted, {files(counts['unchanged'])} already formatted"
    else:
        message = f"{files(counts['changed'])} reformatted, {files(counts['unchanged'])} left unchanged"
        if counts["failed"]:
            message += f", {files(counts['failed'])} could not be written"
    print(message, file=sys.stderr)


def _out(text: str) -> None:
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.buffer.flush()


def _report(file: str, line: int, column: int, code: str, message: str) -> None:
    print(visible(f"{file}:{line}:{column}: {code} {message}"), file=sys.stderr)

