"""Reading and writing files: the side effects at the edge.

Reads refuse what is not a regular file (a folder, a FIFO that would block
forever) and what is larger than the configured limit. Writes are atomic: a
temporary file beside the target, flushed, then renamed over it, so that an
interrupted or concurrent run leaves the file either as it was or complete.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path


class ReadError(Exception):
    """A file that cannot be read; the message says which and why."""


def collect(paths: list[str]) -> tuple[list[str], list[str]]:
    """Expand folders into the .budsjett files below them, in a stable order.

    Returns the files, and errors for paths that do not exist.
    """
    files: list[str] = []
    errors: list[str] = []
    for p in paths:
        if p == "-":
            files.append(p)
            continue
        path = Path(p)
        if path.is_dir():
            # Everything but folders: a FIFO or a dangling link is reported when read, not passed over.
            found = sorted(str(f) for f in path.rglob("*.budsjett") if not f.is_dir() and not _hidden(f, path))
            files.extend(git_kept(found, path))
        elif path.exists() or path.is_symlink():
            files.append(p)
        else:
            errors.append(f"{p}: no such file or folder")
    return files, errors


def git_kept(found: list[str], folder: Path) -> list[str]:
    """The files found in a folder that git does not ignore (`.gitignore`, `.git/info/exclude`); all of
    them outside a git work tree or without git. A file named on the command line is never passed here."""
    import subprocess

    if not found:
        return found
    try:
        done = subprocess.run(["git", "check-ignore", "--stdin", "-z"], cwd=folder, capture_output=True,
                              input="\0".join(str(Path(f).resolve()) for f in found).encode("utf-8"),
                              timeout=60, check=False)
    except (OSError, subprocess.SubprocessError):
        return found
    if done.returncode not in (0, 1):  # 128: not a work tree
        return found
    ignored = set(done.stdout.decode("utf-8", "replace").split("\0"))
    return [f for f in found if str(Path(f).resolve()) not in ignored]


def _hidden(f: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in f.relative_to(root).parts[:-1])


def read_bytes(path: str, max_size: int) -> bytes:
    if path == "-":
        data = sys.stdin.buffer.read(max_size + 1)
        if len(data) > max_size:
            raise ReadError(f"standard input is larger than the limit of {max_size} bytes (max-file-size)")
        return data
    try:
        st = os.stat(path)
    except OSError as exc:
        raise ReadError(f"{path}: {exc.strerror or exc}") from None
    if stat.S_ISDIR(st.st_mode):
        raise ReadError(f"{path}: is a folder")
    if not stat.S_ISREG(st.st_mode):
        raise ReadError(f"{path}: not a regular file (a FIFO, socket or device is not read)")
    if st.st_size > max_size:
        raise ReadError(f"{path}: {st.st_size} bytes is larger than the limit of {max_size} bytes "
                        "(set max-file-size in the configuration to allow more)")
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_size + 1)
    except OSError as exc:
        raise ReadError(f"{path}: {exc.strerror or exc}") from None
    if len(data) > max_size:  # it grew after the stat
        raise ReadError(f"{path}: larger than the limit of {max_size} bytes "
                        "(set max-file-size in the configuration to allow more)")
    return data


def write_atomic(path: str | Path, data: bytes) -> None:
    """Replace the file's content at once; its permissions are kept, and a
    symbolic link stays a link: the file it points to is replaced."""
    import tempfile  # only when a file is written (start-up time)

    path = Path(os.path.realpath(path))
    folder = path.parent
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        mode = 0o644
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
