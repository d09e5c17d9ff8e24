"""The built parser, kept between runs, so that a run does not build the grammar again.

Building the LALR tables from `budsjett.lark` takes longer than checking a
council's proposal. The built parser is saved with lark's own serialisation
(`Lark.save`) in the user's cache folder, under a name made from a hash of
the grammar, the parser's options, lark's version and Python's: a changed
grammar or an upgraded lark never reads a file written for another. The file
is written under a temporary name and renamed into place, so that a reader
sees either a whole file or none, also with runs going on at the same time. A
cache that cannot be read or written (missing, cut short, corrupt, a
read-only home) costs only the time of building the grammar; a run never fails
because of it.

lark's own `cache=` option is not used because it writes the file in place,
where another run can read it half written.

The folder is `$BUDSJETT_LINT_CACHE_DIR`, else `$XDG_CACHE_HOME/budsjett-lint`,
`%LOCALAPPDATA%\\budsjett-lint` on Windows, or `~/.cache/budsjett-lint`.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Any

import lark
from lark import Lark

#: Bump when what is stored changes shape.
FORMAT = 1
#: What the cached data must not contain: they are given again at every load.
RUNTIME_OPTIONS = ("transformer", "lexer_callbacks")


def cache_dir() -> Path:
    explicit = os.environ.get("BUDSJETT_LINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or (os.environ.get("LOCALAPPDATA") if sys.platform == "win32" else None)
    return Path(base) / "budsjett-lint" if base else Path.home() / ".cache" / "budsjett-lint"


def cache_key(grammar: str, options: dict[str, Any]) -> str:
    """A hash of everything the built tables depend on."""
    parts = [str(FORMAT), lark.__version__, "%d.%d" % sys.version_info[:2], repr(sorted(options.items())), grammar]
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:32]


def load_parser(grammar: str, options: dict[str, Any], **runtime: Any) -> tuple[Lark, bool]:
    """The parser for `grammar`, and whether it came from the cache.

    `options` shape the tables (parser, lexer, ...); `runtime` (the
    transformer, lexer callbacks) is attached at every load.
    """
    key = cache_key(grammar, options)
    path = cache_dir() / f"parser-{key}.pickle"
    try:
        with open(path, "rb") as fh:
            if fh.readline().rstrip(b"\n") != key.encode("ascii"):
                raise ValueError("the cache file belongs to another grammar")
            stored = pickle.load(fh)
            # lark's own loader for its saved parsers, the one its cache uses.
            return Lark._load_from_dict(stored["data"], stored["memo"], **runtime), True
    except Exception:  # noqa: BLE001 - whatever is wrong with a cache, the answer is to build
        pass
    parser = Lark(grammar, **options, **runtime)
    try:
        _write(path, key, parser)
    except OSError:
        pass  # a read-only or full disk: the next run builds again
    return parser, False


def _write(path: Path, key: str, parser: Lark) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".parser-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(key.encode("ascii") + b"\n")
            parser.save(fh, exclude_options=RUNTIME_OPTIONS)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
