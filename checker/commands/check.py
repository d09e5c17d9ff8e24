"""`budsjett-lint check PATH...`: lint files and folders."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..config import Config, ConfigError, find_config, load_config
from ..diagnostics import SEVERITY_RANK
from ..engine import CheckResult, check_text, decode
from ..files import ReadError, collect, read_bytes, write_atomic
from ..report import FORMATS, Context, render


def add_arguments(p: argparse.ArgumentParser, name: str) -> None:
    p.add_argument("paths", nargs="*", default=["."], metavar="PATH",
                   help="files, folders (every *.budsjett below) or - for standard input")
    p.add_argument("--format", choices=list(FORMATS), default="full", help="output format (default: full)")
    p.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of standard output")
    p.add_argument("--config", metavar="FILE", help="use this configuration file instead of searching for one")
    p.add_argument("--select", metavar="CODES", help="comma-separated codes or prefixes to check, e.g. BAL,FUN001")
    p.add_argument("--ignore", metavar="CODES", help="comma-separated codes or prefixes to leave out")
    p.add_argument("--fail-on", choices=["error", "warning", "info"],
                   help="the lowest severity that makes the run fail (default: error)")
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings fail the run")
    p.add_argument("--stdin-filename", metavar="NAME", help="the name of standard input, for reports and configuration")
    p.add_argument("--color", choices=["auto", "always", "never"], default="auto", help="colour in the full format")


def run(args: argparse.Namespace) -> int:
    status = 0
    files, errors = collect(args.paths)
    for e in errors:
        _error(e)
        status = 2
    try:
        override = load_config(Path(args.config)) if args.config else None
        checked, failed_io = _check_files(files, args, override)
    except ConfigError as exc:
        _error(str(exc))
        return 2
    status = 2 if failed_io else status
    results = [r for r, _ in checked]
    context = Context(color=_color(args))
    report = render(args.format, results, context)
    if args.output:
        try:
            write_atomic(args.output, report.encode("utf-8"))
        except OSError as exc:
            _error(f"{args.output}: cannot write the report: {exc.strerror or exc}")
            return 2
    else:
        sys.stdout.write(report)
        sys.stdout.flush()
    if status:
        return status
    failing = any(SEVERITY_RANK[d.severity] >= SEVERITY_RANK[config.fail_on]
                  for r, config in checked for d in r.diagnostics)
    return 1 if failing and not args.exit_zero else 0


_config_cache: dict[Path, Config] = {}


def config_for(file: str, args: argparse.Namespace, override: Config | None) -> Config:
    if override is not None:
        base = override
    else:
        where = Path(args.stdin_filename) if file == "-" and args.stdin_filename else Path(file if file != "-" else ".")
        found = find_config(where if where.exists() else Path.cwd())
        if found not in _config_cache:
            _config_cache[found] = load_config(found)
        base = _config_cache[found]
    split = lambda s: [c.strip() for c in s.split(",") if c.strip()] if s is not None else None  # noqa: E731
    return base.with_overrides(select=split(args.select), ignore=split(args.ignore), fail_on=args.fail_on)


def _check_files(files: list[str], args: argparse.Namespace,
                 override: Config | None) -> tuple[list[tuple[CheckResult, Config]], bool]:
    results: list[tuple[CheckResult, Config]] = []
    failed = False
    for file in files:
        config = config_for(file, args, override)
        shown = args.stdin_filename if file == "-" and args.stdin_filename else file
        try:
            data = read_bytes(file, config.max_file_size)
        except ReadError as exc:
            _error(str(exc))
            failed = True
            continue
        text, problem = decode(data, shown)
        if text is None:
            from ...dsl.model import Budget

            results.append((CheckResult(shown, Budget(text=data.decode("utf-8", "replace")), (problem,)), config))
            continue
        del data  # the text holds the file now: a large file's bytes need not stay while it is checked
        results.append((check_text(text, shown, config), config))
    return results, failed


def _color(args: argparse.Namespace) -> bool:
    if args.color != "auto":
        return args.color == "always"
    return not args.output and sys.stdout.isatty()


def _error(message: str) -> None:
    print(f"budsjett-lint: error: {message}", file=sys.stderr)
