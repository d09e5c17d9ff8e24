"""`budsjett-lint export FILE`: the model as JSON."""

from __future__ import annotations

import argparse
import json

from ...dsl.export import to_data
from ._output import emit, read_parsed


def add_arguments(p: argparse.ArgumentParser, name: str) -> None:
    p.add_argument("file", metavar="FILE", help="a .budsjett file, or - for standard input")
    p.add_argument("--output", "-o", metavar="FILE",
                   help="write the JSON to FILE (atomically: all of it or nothing) instead of standard output")
    p.add_argument("--config", metavar="FILE", help="use this configuration file instead of searching for one")


def run(args: argparse.Namespace) -> int:
    read = read_parsed(args.file, args.config)
    if isinstance(read, int):
        return read
    _, result = read
    if not emit(json.dumps(to_data(result.budget), ensure_ascii=False, indent=2) + "\n", args.output):
        return 2
    return 1 if result.problems else 0
