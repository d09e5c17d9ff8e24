"""`budsjett-lint server`: the language server for editors, on standard input and output."""

from __future__ import annotations

import argparse
import logging


def add_arguments(p: argparse.ArgumentParser, name: str) -> None:
    # Editors' clients add `--stdio` to say how they talk; stdio is the only way this server talks.
    p.add_argument("--stdio", action="store_true", help="talk over standard input and output (the default)")
    p.add_argument("--log-level", choices=["error", "warning", "info", "debug"], default="warning",
                   help="what the server logs to standard error (default: warning)")


def run(args: argparse.Namespace) -> int:
    logging.basicConfig(level=args.log_level.upper(), format="budsjett-lint server: %(levelname)s: %(message)s")
    from ..editor.server import main

    main()
    return 0
