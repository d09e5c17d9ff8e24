"""Git, at the edge: the repository root that reports are relative to, files
read from a revision (`REF:path`) for `budsjett-lint diff`, and the base
revision that `check` judges an amendment against.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import NamedTuple

from ..files import ReadError

_TIMEOUT = 60  # seconds; git on a local repository answers in far less


class WorkTree(NamedTuple):
    """The git work tree a run is in, from one question to git."""

    root: Path  # its top; the folder asked about outside a work tree, or without git
    head: str | None = None  # HEAD's commit; None before the first commit, or outside git
    branch: str | None = None  # the branch HEAD is on (`refs/heads/main`); None where detached


def work_tree(cwd: Path | None = None) -> WorkTree:
    """The work tree around `cwd`: its top, with HEAD's commit and branch, which `default_base` needs
    (on the main branch itself they save it a question: every run in amendment mode asks these)."""
    cwd = cwd or Path.cwd()
    done = _run(["rev-parse", "--show-toplevel", "HEAD", "--symbolic-full-name", "HEAD"], cwd)
    said = done.stdout.decode("utf-8", "replace").splitlines() if done is not None else []
    top = said[0].strip() if said and Path(said[0].strip()).is_absolute() else ""  # printed before HEAD fails
    if not top:
        return WorkTree(cwd)
    if done is None or done.returncode != 0 or len(said) != 3:  # before the first commit: no HEAD yet
        return WorkTree(Path(top))
    branch = said[2].strip()
    return WorkTree(Path(top), said[1].strip(), branch if branch.startswith("refs/heads/") else None)


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


#: The branches an amendment is judged against by default, in this order: the first that exists.
MAIN_BRANCHES = ("main", "master")


def _run(arguments: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes] | None:
    """Git's answer, or None where git is missing or does not answer."""
    try:
        return subprocess.run(["git", *arguments], cwd=cwd, capture_output=True, timeout=_TIMEOUT, check=False)
    except (OSError, subprocess.SubprocessError):
        return None


def _quiet(arguments: list[str], cwd: Path) -> str | None:
    """Git's standard output, or None where git is missing or fails: for questions whose answer may be no."""
    done = _run(arguments, cwd)
    return done.stdout.decode("utf-8", "replace") if done is not None and done.returncode == 0 else None


def _refused(done: subprocess.CompletedProcess[bytes] | None) -> str | None:
    """Why git refused to work at all (a repository owned by another user: "dubious ownership"), in
    git's words with its remedy, from its answer to any question; None where it did not refuse."""
    said = done.stderr.decode("utf-8", "replace") if done is not None and done.returncode != 0 else ""
    if "dubious ownership" not in said:
        return None
    remedy = next((ln.strip() for ln in said.splitlines() if "safe.directory" in ln), None)
    return "git refuses this repository: it is owned by another user (\"dubious ownership\")" + (
        f"; to trust it: {remedy}" if remedy else "")


def default_base(tree: WorkTree) -> tuple[str | None, str | None]:
    """The merge base of HEAD with the main branch (`main`, else `master`), as a commit; None outside a
    git work tree, before the first commit, or without such a branch. On the main branch itself it is
    HEAD, so what is judged is the change not yet committed. Second, where there is none because git
    refuses the repository, why (from the same answers: no question more)."""
    if tree.head is not None and tree.branch == f"refs/heads/{MAIN_BRANCHES[0]}":
        return tree.head, None  # the merge base of a branch with itself: no question to ask
    for branch in MAIN_BRANCHES:  # one question a branch: a missing branch fails as a missing merge base
        done = _run(["merge-base", "HEAD", f"refs/heads/{branch}"], tree.root)
        if done is not None and done.returncode == 0 and done.stdout.strip():
            return done.stdout.decode("utf-8", "replace").strip(), None
        if why := _refused(done):
            return None, why
    return None, None


def refusal(root: Path) -> str | None:
    """Why git refuses to work in this folder at all, as `_refused` says it; None where it works, or
    where this is no repository."""
    return _refused(_run(["rev-parse", "--git-dir"], root))


def is_commit(ref: str, root: Path) -> bool:
    """Whether git knows `ref` as a commit here."""
    return not ref.startswith("-") and _quiet(["rev-parse", "--verify", "-q", f"{ref}^{{commit}}"], root) is not None


def file_at(ref: str, path: str, root: Path, max_size: int) -> str | None:
    """The text of `path` (relative to the repository root) in revision `ref`; None where git is missing,
    the file is not tracked there, is too large, or is not UTF-8."""
    if ref.startswith("-") or path == "-" or path.startswith("../"):
        return None
    done = _run(["cat-file", "blob", f"{ref}:{path}"], root)  # fails where it is no file (a folder, a submodule)
    if done is None or done.returncode != 0 or len(done.stdout) > max_size:
        return None
    try:
        return done.stdout.decode("utf-8")
    except UnicodeDecodeError:
        return None
