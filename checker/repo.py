"""Git, at the edge: the repository root that reports are relative to, and
files read from a revision (`REF:path`) for `budsjett-lint diff`.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from .files import ReadError

_TIMEOUT = 60  # seconds; git on a local repository answers in far less


def repository_root(cwd: Path | None = None) -> Path:
    """The top of the git work tree around `cwd`; `cwd` itself outside one, or without git."""
    cwd = cwd or Path.cwd()
    try:
        done = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=cwd, capture_output=True,
                              text=True, timeout=_TIMEOUT, check=False)
    except (OSError, subprocess.SubprocessError):
        return cwd
    top = done.stdout.strip()
    return Path(top) if done.returncode == 0 and top else cwd


def is_revision_path(spec: str) -> bool:
    """`REF:path` names a file in a revision, unless a file of that name exists here."""
    return ":" in spec and not Path(spec).exists()


def show(spec: str, max_size: int) -> bytes:
    """The bytes of `REF:path` as `git show` gives them; a ReadError says why not."""
    ref, _, path = spec.partition(":")
    if not ref or not path or ref.startswith("-"):
        raise ReadError(f"{spec}: expected REF:path, e.g. main:proposal.budsjett")
    kind = _git(["cat-file", "-t", spec], spec).decode().strip()
    if kind != "blob":
        raise ReadError(f"{spec}: is a {'folder' if kind == 'tree' else kind} in git, not a file")
    data = _git(["show", spec], spec)
    if len(data) > max_size:
        raise ReadError(f"{spec}: {len(data)} bytes is larger than the limit of {max_size} bytes "
                        "(set max-file-size in the configuration to allow more)")
    return data


def _git(arguments: list[str], spec: str) -> bytes:
    try:
        done = subprocess.run(["git", *arguments], capture_output=True, timeout=_TIMEOUT, check=False)
    except FileNotFoundError:
        raise ReadError(f"{spec}: git is not installed, so a file cannot be read from a revision") from None
    except (OSError, subprocess.SubprocessError) as exc:
        raise ReadError(f"{spec}: git failed: {exc}") from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ReadError(f"{spec}: git cannot read it: {reason[-1] if reason else 'unknown error'}")
    return done.stdout
