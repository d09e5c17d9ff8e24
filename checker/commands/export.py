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
from ..files import ReadError, read_bytes


def add_arguments(p: argparse.ArgumentParser, name: str) -> None:
    p.add_argument("file", metavar="FILE", help="a .budsjett file, or - for standard input")


def run(args: argparse.Namespace) -> int:
    try:
        data = read_bytes(args.file, DEFAULT_MAX_FILE_SIZE)
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
    json.dump(to_data(result.budget), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 1 if result.problems else 0
