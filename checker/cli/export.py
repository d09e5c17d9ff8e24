"""`budsjett-lint export FILE`: the model as JSON."""

from __future__ import annotations

import argparse
import json
import sys

from ...dsl import parse
from ...dsl.export import to_data
from ..config import DEFAULT_MAX_FILE_SIZE
from ..engine import decode
from ..escaping import visible
from ..files import ReadError, read_named
from ._output import emit


def add_arguments(p: argparse.ArgumentParser, name: str) -> None:
    p.add_argument("file", metavar="FILE", help="a .budsjett file, or - for standard input")
    p.add_argument("--output", "-o", metavar="FILE",
                   help="write the JSON to FILE (atomically: all of it or nothing) instead of standard output")


def run(args: argparse.Namespace) -> int:
    try:
        data = read_named(args.file, DEFAULT_MAX_FILE_SIZE)
    except ReadError as exc:
        print(f"budsjett-lint: error: {visible(str(exc))}", file=sys.stderr)
        return 2
    text, problem = decode(data, args.file)
    if text is None:
        assert problem is not None
        print(visible(f"{args.file}:{problem.span.line}:{problem.span.column}: {problem.code} {problem.message}"),
              file=sys.stderr)
        return 1
    result = parse(text)
    for p in result.problems:
        print(visible(f"{args.file}:{p.span.line}:{p.span.column}: {p.code} {p.message}"), file=sys.stderr)
    if not emit(json.dumps(to_data(result.budget), ensure_ascii=False, indent=2) + "\n", args.output):
        return 2
    return 1 if result.problems else 0
