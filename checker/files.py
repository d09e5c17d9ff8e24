"""Reading and writing files: the side effects at the edge.

Reads refuse what is not a regular file (a folder, a FIFO that would block
forever), what is larger than the configured limit, and a symbolic link that
leads out of the tree being checked (`collect`). Writes are atomic and never
follow a link (`write_atomic`); a file rewritten in place keeps its owner, its
mode and its hard links, or is refused (`rewrite`). docs/robustness.md states
the policy.
"""

from __future__ import annotations

import errno
import os
import re
import signal
import stat
import sys
from pathlib import Path


class ReadError(Exception):
    """A file that cannot be read; the message says which and why."""


def collect(paths: list[str]) -> tuple[list[str], list[str]]:
    """Expand folders into the .budsjett files below them, in a stable order.

    Returns the files, and errors for paths that do not exist, folders that cannot be
    read, and symbolic links that are not followed (`_walk`, `link_problem`).
    """
    files: list[str] = []
    errors: list[str] = []
    for p in paths:
        if p == "-":
            files.append(p)
            continue
        path = Path(p)
        if path.is_dir():
            found, problems = _walk(path)
            files.extend(git_kept(found, path))
            errors.extend(problems)
        elif problem := named_problem(path):
            errors.append(problem + " (name the file it points to, to check it)")
        elif path.exists() or path.is_symlink():
            files.append(p)
        else:
            errors.append(f"{p}: no such file or folder")
    return files, errors


def _walk(root: Path) -> tuple[list[str], list[str]]:
    """The *.budsjett files below `root`, sorted, and what could not be walked.

    Hidden folders are skipped. A folder that cannot be read is an error naming it, never
    passed over. Links to folders are not followed (as git and ruff do; it also ends
    cycles); a link to a file is followed only where it leads to a regular file inside
    `root`, and is otherwise an error naming it: a link on a branch must not make the
    tool print another file (`~/.git-credentials`, `/proc/self/environ`) as an excerpt.
    FIFOs and dangling links are kept: reading them reports them.
    """
    found: list[str] = []
    problems: list[str] = []
    pending = [root]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            problems.append(f"{folder}: cannot read the folder: {exc.strerror or exc}; the files in it are not checked")
            continue
        for entry in entries:
            path = folder / entry.name
            try:
                link = entry.is_symlink()
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError as exc:  # pragma: no cover - an entry that vanished while listed
                problems.append(f"{path}: {exc.strerror or exc}")
                continue
            if is_dir:
                if not entry.name.startswith("."):
                    pending.append(path)
            elif entry.name.endswith(".budsjett") and not (link and _is_folder(path)):
                problem = link_problem(path, root) if link else None
                if problem:
                    problems.append(problem + " (name the file it points to, to check it)")
                else:
                    found.append(str(path))
    return sorted(found), problems


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # pragma: no cover
        return False


def link_problem(link: Path, tree: Path) -> str | None:
    """Why the symbolic link `link` is not followed, or None where it may be: it leads to a
    regular file inside `tree` (or to nothing, which reading reports)."""
    target = Path(os.path.realpath(link))
    if not target.exists():
        return None  # dangling: reported when read, as "No such file or directory"
    inside = target.is_relative_to(Path(os.path.realpath(tree)))
    if not inside:
        return (f"{link}: a symbolic link to a file outside {tree if str(tree) != '.' else 'the current folder'}; "
                "not followed")
    if not target.is_file():
        return f"{link}: a symbolic link to something that is not a regular file; not followed"
    return None


def named_problem(path: Path) -> str | None:
    """Why a file named on the command line is not read, or None: a link that leads out of the current
    folder (a committed `proposal.budsjett -> /proc/self/environ`, where CI runs `summary proposal.budsjett`),
    or a relative path inside the current folder, as written, that a folder link on its way leads out."""
    if path.is_symlink():
        problem = link_problem(path, Path("."))
    else:
        real = Path(os.path.realpath(path.parent))
        problem = None if _lexically_outside(path) or real.is_relative_to(Path(os.path.realpath("."))) else (
            f"{path}: a folder on the way is a symbolic link out of the current folder (to {real}); not followed")
    return problem


def _lexically_outside(path: str | Path) -> bool:
    """An absolute path, or one that starts with `..`: named outside the current folder, on purpose."""
    written = os.path.normpath(path)
    return os.path.isabs(written) or written == os.pardir or written.startswith(os.pardir + os.sep)


def read_named(path: str, max_size: int) -> bytes:
    """A file named on the command line and read alone (`summary`, `export`, `diff`, `import`, a
    baseline): refused as `collect` refuses a named file (`named_problem`), else `read_bytes`."""
    if path != "-" and (problem := named_problem(Path(path))):
        raise ReadError(problem + " (name the file it points to, to read it)")
    return read_bytes(path, max_size)


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


class WriteRefused(OSError):
    """A file that is not rewritten: the message says why, and what would allow it."""


#: The temporary file beside a target: `.NAME.PID.RANDOM.tmp`; the process id tells a
#: later run whether the writer still lives (`_remove_stale`).
_TEMPORARY = re.compile(r"\.(?P<name>.+)\.(?P<pid>\d+)\.[a-z0-9_]{8}\.tmp")
#: Signals that end a run, held while a file is written (`write_atomic`).
_HELD = {signal.SIGTERM, signal.SIGHUP, signal.SIGINT} if hasattr(signal, "pthread_sigmask") else set()


def write_atomic(path: str | Path, data: bytes) -> None:
    """The one way the tool writes a file: replace it at once, or leave it as it was.

    A temporary file beside the target is written, flushed and synced, given the
    owner and mode of the file it replaces, and renamed over the target. The target
    path is never followed: a symbolic link there is replaced by the file, not written
    through (a link committed on a branch must not make a report overwrite a file
    elsewhere), and a hard link is split. A failure or an interruption at any point
    leaves the target as it was and no temporary file; SIGTERM, SIGHUP and SIGINT
    wait while the file is written, and temporaries that a killed run left are removed.
    """
    import tempfile  # only when a file is written (start-up time)

    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if problem := _through_a_link(path):
        raise OSError(errno.EPERM, problem)
    try:
        st: os.stat_result | None = os.lstat(path)
    except FileNotFoundError:
        st = None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(21, "Is a directory")
    _remove_stale(folder, path.name)
    held = _hold_signals()
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            if st is not None and stat.S_ISREG(st.st_mode):
                if (st.st_uid, st.st_gid) != _owner(tmp):
                    os.chown(tmp, st.st_uid, st.st_gid)  # as root: the owner keeps the file
                os.chmod(tmp, stat.S_IMODE(st.st_mode))
            else:
                os.chmod(tmp, 0o666 & ~_umask())
            os.replace(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass
            raise
        _sync_folder(folder)
    finally:
        _release_signals(held)


def _through_a_link(path: Path) -> str | None:
    """Why a relative path that stays inside the current folder as written is not written: a folder
    on its way is a symbolic link out of it (`reports -> ../..` committed on a branch, and CI writing
    `--output reports/x.sarif`), as git refuses to write "beyond a symbolic link". A path that is
    absolute or starts with `..` is the user's choice, followed wherever it leads."""
    if _lexically_outside(path):
        return None
    here = Path(os.path.realpath("."))
    real = Path(os.path.realpath(os.path.dirname(os.path.normpath(path)) or "."))
    if real.is_relative_to(here):
        return None
    return f"a folder on the way is a symbolic link out of the current folder (to {real}); not written through it"


def rewrite(path: str | Path, data: bytes, force: bool = False) -> None:
    """Rewrite a budget file in place (`format`, `check --fix`), atomically.

    A symbolic link is kept and the file it leads to rewritten (`collect` admitted it:
    it lies inside the tree). Refused, unless `force`: a read-only file (its mode
    grants no write), and a file with more than one hard link (the rewrite would
    split them, and the other names keep the old text). Owner and mode are kept.
    """
    target = Path(os.path.realpath(path))
    st = os.stat(target)
    if not force:
        if not st.st_mode & 0o222:
            raise WriteRefused(f"the file is read-only (mode {stat.S_IMODE(st.st_mode):o}); "
                               "not rewritten (use --force to rewrite it anyway)")
        if st.st_nlink > 1:
            raise WriteRefused(f"the file has {st.st_nlink} hard links, which a rewrite would split; "
                               "not rewritten (use --force to rewrite this name alone)")
    write_atomic(target, data)


def _owner(path: str) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_uid, st.st_gid


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _sync_folder(folder: Path) -> None:
    """Make the rename durable; where a folder cannot be opened (some systems), the rename still holds."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def _remove_stale(folder: Path, name: str) -> None:
    """Remove the temporaries of `name` that a run killed while writing it left (SIGKILL
    cannot be caught): ours by their pattern, and only where their process is gone."""
    prefix = f".{name}."
    try:
        names = [n for n in os.listdir(folder) if n.startswith(prefix) and n.endswith(".tmp")]
    except OSError:
        return
    for n in names:
        m = _TEMPORARY.fullmatch(n)
        if not m or m["name"] != name or _alive(int(m["pid"])):
            continue
        try:
            os.unlink(folder / n)
        except OSError:
            pass


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True  # another thread of this run may be writing
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # it lives (another user's), or we cannot tell: leave it
    return True


def _hold_signals() -> set:
    if not _HELD:  # pragma: no cover - not on this system
        return set()
    return signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)


def _release_signals(previous: set) -> None:
    if _HELD:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
