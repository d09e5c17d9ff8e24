"""What every command does at its edge the same way: errors on standard error,
colour only on a terminal, and a report to standard output or, atomically, to a file."""

from __future__ import annotations

import argparse
import sys

from ..escaping import visible
from ..files import write_atomic


def error(message: str) -> None:
    """One line on standard error; a file name in it is shown with `escaping.visible`, as in reports."""
    print(f"budsjett-lint: error: {visible(message)}", file=sys.stderr)


def note(message: str) -> None:
    """A line on standard error that is not an error (`budsjett-lint: NAME: ...`), escaped as `error`'s."""
    print(f"budsjett-lint: {visible(message)}", file=sys.stderr)


def use_color(args: argparse.Namespace) -> bool:
    """Never where NO_COLOR is set (no-color.org); else `--color always|never`; for `auto`, colour
    where the report goes to standard output and that is a terminal or FORCE_COLOR is set
    (force-color.org: a CI log that shows colour). A report written to a file has none."""
    import os

    if os.environ.get("NO_COLOR"):
        return False
    if args.color != "auto":
        return args.color == "always"
    return not args.output and (bool(os.environ.get("FORCE_COLOR")) or sys.stdout.isatty())


def emit(report: str, output: str | None) -> bool:
    """Write the report to `output` (atomically) or to standard output; False where it could not be written."""
    if not output:
        sys.stdout.write(report)
        sys.stdout.flush()
        return True
    try:
        write_atomic(output, report.encode("utf-8"))
    except OSError as exc:
        error(f"{output}: cannot write the report: {exc.strerror or exc}")
        return False
    return True
