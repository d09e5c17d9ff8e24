"""What every command does at its edge the same way: its configuration, reading and parsing
a file with its syntax problems on standard error, errors on standard error, colour only on a
terminal, and a report to standard output or, atomically, to a file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..escaping import visible
from ..files import write_atomic

if TYPE_CHECKING:  # the parser, the rules and the configuration load only when a command asks for them
    from ...dsl import ParseResult
    from ..config import Config


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


_config_cache: dict[Path | None, Config] = {}


def config_for(file: str, args: argparse.Namespace, override: Config | None) -> Config:
    """The configuration of one of many files of a run (`check`, `format`): `override` (from
    `--config`) or the nearest one, each read once a run, with its per-file-ignores and the
    command line's --select, --ignore and --fail-on."""
    from ..config import find_config, load_config

    if override is not None:
        base = override
    else:
        where = Path(args.stdin_filename) if file == "-" and args.stdin_filename else Path(file if file != "-" else ".")
        found = find_config(where)  # a --stdin-filename need not exist: its folder still has a configuration
        if found not in _config_cache:
            _config_cache[found] = load_config(found)
        base = _config_cache[found]
    if file != "-" or args.stdin_filename:
        base = base.for_file(args.stdin_filename if file == "-" else file)  # per-file-ignores
    split = lambda s: [c.strip() for c in s.split(",") if c.strip()] if s is not None else None  # noqa: E731
    return base.with_overrides(select=split(args.select), ignore=split(args.ignore), fail_on=args.fail_on)


def read_parsed(file: str, explicit_config: str | None) -> tuple[Config, ParseResult] | int:
    """One file's configuration, and the file read (within its `max-file-size`), decoded and
    parsed, for the commands that show a model rather than check it (`summary`, `export`).
    Its syntax problems are printed on standard error, one line each; an exit code where the
    file or its configuration could not be read (2) or decoded (1)."""
    from ...dsl import parse
    from ..config import ConfigError, config_at
    from ..diagnostics import one_line
    from ..engine import decode
    from ..files import ReadError, read_named

    try:
        config = config_at(Path(file) if file != "-" else Path.cwd(), explicit_config)
        data = read_named(file, config.max_file_size)
    except (ConfigError, ReadError) as exc:
        error(str(exc))
        return 2
    text, problem = decode(data, file)
    if text is None:
        assert problem is not None  # what could not be decoded is said
        print(visible(one_line(file, problem.span, problem.code, problem.message)), file=sys.stderr)
        return 1
    parsed = parse(text)
    for p in parsed.problems:
        print(visible(one_line(file, p.span, p.code, p.message)), file=sys.stderr)
    return config, parsed
