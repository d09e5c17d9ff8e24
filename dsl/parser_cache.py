"""The built parser, kept between runs, so that a run neither builds the grammar again nor imports lark.

Building the LALR tables from `budsjett.lark` takes longer than checking a
council's proposal, and importing lark, with its grammar compiler and its
Earley and CYK parsers that the check never uses, takes longer still. So the
parser is kept as lark's stand-alone module (`lark.tools.standalone`, the
generator lark ships for this): the part of lark that runs an LALR parser,
with the tables built from the grammar. It is stored compiled (a `marshal`
code object), and a run executes it as the module
`budsjett_lint.dsl._lark_runtime`, whose `Token`, `Transformer` and
exceptions the parser uses.
Only when there is no usable stored module is lark imported, the grammar
built and the module generated (and stored, for the next run); where lark
cannot generate it (its sources not on disk, as in a zipped install), lark
itself runs the parser.

The file is in the user's cache folder, named by a checksum of what it
depends on (the grammar, the parser's options, the installed lark and the
Python that compiled it), and begins with all of that written out, which a
run compares before it executes anything: a changed grammar, an upgraded lark
or another Python never runs a module made for another. The file is written
under a temporary name and renamed into place, so that a reader sees either a
whole file or none, also with runs going on at the same time. A cache that
cannot be read or written (missing, cut short, corrupt, a read-only home)
costs only the time of building the parser; a run never fails because of it.

The folder is `$BUDSJETT_LINT_CACHE_DIR`, else `$XDG_CACHE_HOME/budsjett-lint`,
`%LOCALAPPDATA%\\budsjett-lint` on Windows, or `~/.cache/budsjett-lint`.
"""

from __future__ import annotations

import importlib.util
import io
import marshal
import os
import sys
import types
import zlib
from pathlib import Path
from typing import Any

#: Bump when what is stored changes shape.
FORMAT = 2
#: The name the stand-alone module runs under.
MODULE = "budsjett_lint.dsl._lark_runtime"


def cache_dir() -> Path:
    explicit = os.environ.get("BUDSJETT_LINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or (os.environ.get("LOCALAPPDATA") if sys.platform == "win32" else None)
    return Path(base) / "budsjett-lint" if base else Path.home() / ".cache" / "budsjett-lint"


def lark_stamp() -> str:
    """The installed lark, without importing it: where it is, and its `__init__.py`'s size and time.

    Installing another version of lark rewrites that file."""
    spec = importlib.util.find_spec("lark")
    if spec is None or not spec.origin:
        return "lark not found"
    st = os.stat(spec.origin)
    return f"{spec.origin} {st.st_size} {st.st_mtime_ns}"


def cache_header(grammar: str, options: dict[str, Any]) -> bytes:
    """Everything the stored module depends on, as the first part of its file."""
    parts = [f"budsjett-lint parser {FORMAT}", lark_stamp(), sys.implementation.cache_tag or "",
             repr(sorted(options.items())), grammar]
    text = "\0".join(parts).encode("utf-8", "surrogatepass")
    return b"%d\n" % len(text) + text


def cache_key(header: bytes) -> str:
    """The file's name: a checksum of its header (the header itself is compared on reading)."""
    return f"{zlib.crc32(header):08x}{zlib.adler32(header):08x}"


def load_runtime(grammar: str, options: dict[str, Any]) -> tuple[types.ModuleType, bool]:
    """The stand-alone parser module for `grammar`, and whether it came from the cache.

    Make the parser with `module.Lark_StandAlone(transformer=..., lexer_callbacks=...)`.
    """
    header = cache_header(grammar, options)
    path = cache_dir() / f"parser-{cache_key(header)}.bin"
    try:
        with open(path, "rb") as fh:
            if fh.read(len(header)) != header:
                raise ValueError("the cache file belongs to another grammar, lark or Python")
            code = marshal.load(fh)
        return _execute(code), True
    except Exception:  # noqa: BLE001 - whatever is wrong with a cache, the answer is to build
        pass
    try:
        code = compile(generate(grammar, options), f"<{MODULE}: lark's stand-alone parser>", "exec")
        module = _execute(code)
    except Exception:  # noqa: BLE001 - lark could not make its module here (a zipped or frozen install, say)
        return _lark_itself(grammar, options), False
    try:
        _write(path, header + marshal.dumps(code))
    except OSError:
        pass  # a read-only or full disk: the next run builds again
    return module, False


def generate(grammar: str, options: dict[str, Any]) -> str:
    """The source of lark's stand-alone parser module for the grammar, made with lark's own generator."""
    from lark import Lark
    from lark.tools.standalone import gen_standalone

    out = io.StringIO()
    gen_standalone(Lark(grammar, **options), out=out)
    return out.getvalue()


def _lark_itself(grammar: str, options: dict[str, Any]) -> types.ModuleType:
    """lark itself, in the stand-alone module's place: the names the parser takes from it."""
    import lark
    from lark.exceptions import VisitError

    module = types.ModuleType(MODULE)
    module.__dict__.update(
        Token=lark.Token, Transformer=lark.Transformer, UnexpectedCharacters=lark.UnexpectedCharacters,
        UnexpectedEOF=lark.UnexpectedEOF, UnexpectedInput=lark.UnexpectedInput,
        UnexpectedToken=lark.UnexpectedToken, VisitError=VisitError,
        Lark_StandAlone=lambda **runtime: lark.Lark(grammar, **options, **runtime),
    )
    return module


def _execute(code: types.CodeType) -> types.ModuleType:
    module = types.ModuleType(MODULE)
    sys.modules[MODULE] = module  # classes defined in it look their module up
    try:
        exec(code, module.__dict__)
    except BaseException:
        del sys.modules[MODULE]
        raise
    return module


def _write(path: Path, data: bytes) -> None:
    import tempfile  # only when the cache is written

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".parser-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
