"""Writing is atomic: `write_atomic` leaves a file either as it was or completely
written, when the write fails half-way, when it is interrupted, and when many
threads or processes write the same file at once. Reading refuses what is too
large."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from budsjett_lint.checker import files
from budsjett_lint.checker.files import ReadError, read_bytes, write_atomic

OLD = b"budget \"Gammel\" period 2020..2023\n" * 1000


def leftovers(folder: Path, keep: set[str]) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


def test_writes_and_replaces(tmp_path):
    target = tmp_path / "report.txt"
    write_atomic(target, b"first")
    write_atomic(str(target), b"second")
    assert target.read_bytes() == b"second"
    assert leftovers(tmp_path, {"report.txt"}) == []


def test_keeps_the_permissions_of_the_file_it_replaces(tmp_path):
    target = tmp_path / "forslag.budsjett"
    target.write_bytes(OLD)
    target.chmod(0o600)
    write_atomic(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_link_at_the_target_is_replaced_and_never_written_through(tmp_path):
    # A report path committed on a branch as a link to a file elsewhere (issue 24).
    outside = tmp_path / "outside"
    outside.mkdir()
    victim = outside / "victim.txt"
    victim.write_bytes(b"victim")
    repo = tmp_path / "repo"
    repo.mkdir()
    link = repo / "budsjett-lint.sarif"
    link.symlink_to("../outside/victim.txt")
    write_atomic(link, b"the report")
    assert victim.read_bytes() == b"victim"
    assert not link.is_symlink() and link.read_bytes() == b"the report"
    dangling = repo / "draft.budsjett"
    dangling.symlink_to("../outside/new.txt")
    write_atomic(dangling, b"the draft")
    assert not (outside / "new.txt").exists()
    assert dangling.read_bytes() == b"the draft"


def test_rewriting_a_budget_file_through_a_link_keeps_the_link(tmp_path):
    real = tmp_path / "real.budsjett"
    real.write_bytes(OLD)
    link = tmp_path / "link.budsjett"
    link.symlink_to(real)
    files.rewrite(link, b"through the link")
    assert link.is_symlink()
    assert real.read_bytes() == b"through the link"


@pytest.mark.parametrize("failing", ["fsync", "replace", "chmod"])
@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_a_write_that_fails_half_way_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch, failing, error):
    target = tmp_path / "forslag.budsjett"
    target.write_bytes(OLD)
    real = getattr(os, failing)
    calls = []

    def fail(*args, **kwargs):
        calls.append(args)
        raise error

    monkeypatch.setattr(files.os, failing, fail)
    with pytest.raises(type(error)):
        write_atomic(target, b"new content that must not be seen half-written")
    monkeypatch.setattr(files.os, failing, real)
    assert calls, f"os.{failing} was never reached"
    assert target.read_bytes() == OLD
    assert leftovers(tmp_path, {"forslag.budsjett"}) == []


def test_a_missing_folder_is_an_os_error_and_leaves_nothing(tmp_path):
    with pytest.raises(FileNotFoundError):
        write_atomic(tmp_path / "no" / "such" / "folder.txt", b"x")
    assert leftovers(tmp_path, set()) == []


def _payload(writer: int, round_: int) -> bytes:
    """A version that tells whether it was read whole: a head, a large body, a tail."""
    head = f"writer {writer} round {round_}\n".encode()
    return head + bytes([65 + writer % 26]) * 300_000 + b"\nend " + head


def _whole(data: bytes) -> bool:
    head, _, _ = data.partition(b"\n")
    return data.endswith(b"\nend " + head + b"\n") and len(data) == 2 * len(head) + 2 + 300_000 + 5


def test_concurrent_threads_always_leave_one_whole_version(tmp_path):
    target = tmp_path / "shared.txt"
    write_atomic(target, _payload(0, 0))
    done = threading.Event()
    torn: list[bytes] = []
    reads = 0

    def read_while_written():
        nonlocal reads
        while not done.is_set():
            data = target.read_bytes()
            reads += 1
            if not _whole(data):
                torn.append(data[:80])

    def write(writer: int):
        for round_ in range(15):
            write_atomic(target, _payload(writer, round_))

    reader = threading.Thread(target=read_while_written)
    reader.start()
    writers = [threading.Thread(target=write, args=(w,)) for w in range(1, 7)]
    for t in writers:
        t.start()
    for t in writers:
        t.join()
    done.set()
    reader.join()
    assert reads > 0
    assert torn == []
    assert _whole(target.read_bytes())
    assert leftovers(tmp_path, {"shared.txt"}) == []


_WRITER = """
import sys
from budsjett_lint.checker.files import write_atomic
from tests.checker.test_files import _payload
writer = int(sys.argv[2])
for round_ in range(15):
    write_atomic(sys.argv[1], _payload(writer, round_))
"""


def test_concurrent_processes_always_leave_one_whole_version(tmp_path):
    # As pre-commit runs hooks in parallel: separate processes, one file.
    target = tmp_path / "shared.txt"
    write_atomic(target, _payload(0, 0))
    root = Path(__file__).resolve().parents[2]
    procs = [subprocess.Popen([sys.executable, "-c", _WRITER, str(target), str(w)], cwd=root)
             for w in range(1, 5)]
    torn, reads = [], 0
    while any(p.poll() is None for p in procs):
        data = target.read_bytes()
        reads += 1
        if not _whole(data):
            torn.append(data[:80])
    assert [p.wait(timeout=600) for p in procs] == [0, 0, 0, 0]
    assert reads > 0
    assert torn == []
    assert _whole(target.read_bytes())
    assert leftovers(tmp_path, {"shared.txt"}) == []


def test_reading_refuses_a_file_over_the_limit_and_says_which_limit(tmp_path):
    big = tmp_path / "big.budsjett"
    big.write_bytes(b"#" * 101)
    with pytest.raises(ReadError) as info:
        read_bytes(str(big), 100)
    assert str(info.value) == (f"{big}: 101 bytes is larger than the limit of 100 bytes "
                               "(set max-file-size in the configuration to allow more)")
    assert read_bytes(str(big), 101) == b"#" * 101


def test_the_default_limit_admits_any_real_budget_and_refuses_junk():
    from budsjett_lint.checker.config import Config

    limit = Config().max_file_size
    # A whole city's budget is ~100 kB and the 100 000-entry stress test ~16 MB, which checks in
    # under 300 MB (docs/performance.md); far beyond that, a file is junk or a mistake.
    assert 16_000_000 <= limit <= 32_000_000


_SLOW_WRITER = """
import os, sys, time
from budsjett_lint.checker import files
real = os.fsync
def slow(fd):
    print("writing", flush=True)
    time.sleep(3)
    real(fd)
files.os.fsync = slow
files.write_atomic(sys.argv[1], b"new content")
"""


def _killed_while_writing(target: Path, sig: int) -> int:
    proc = subprocess.Popen([sys.executable, "-c", _SLOW_WRITER, str(target)], stdout=subprocess.PIPE)
    assert proc.stdout is not None and proc.stdout.readline() == b"writing\n"  # the temporary file is written
    assert leftovers(target.parent, {target.name}), "the writer made no temporary file"
    proc.send_signal(sig)
    return proc.wait(timeout=60)


def test_sigterm_during_a_write_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "forslag.budsjett"
    target.write_bytes(OLD)
    status = _killed_while_writing(target, signal.SIGTERM)
    assert status == -signal.SIGTERM  # it still ends, once the file is written
    assert target.read_bytes() in (OLD, b"new content")
    assert leftovers(tmp_path, {"forslag.budsjett"}) == []


def test_the_next_write_removes_what_a_killed_run_left(tmp_path):
    target = tmp_path / "forslag.budsjett"
    target.write_bytes(OLD)
    assert _killed_while_writing(target, signal.SIGKILL) == -signal.SIGKILL  # SIGKILL cannot be caught
    assert target.read_bytes() == OLD
    assert len(leftovers(tmp_path, {"forslag.budsjett"})) == 1
    (tmp_path / ".forslag.budsjett.notours.tmp").write_bytes(b"someone else's")  # not our pattern: kept
    write_atomic(target, b"next run")
    assert target.read_bytes() == b"next run"
    assert leftovers(tmp_path, {"forslag.budsjett"}) == [".forslag.budsjett.notours.tmp"]


def test_a_temporary_file_of_a_live_writer_is_left_alone(tmp_path):
    target = tmp_path / "shared.txt"
    live = tmp_path / f".shared.txt.{os.getppid()}.abcdefgh.tmp"  # the parent process lives
    live.write_bytes(b"being written")
    write_atomic(target, b"x")
    assert live.exists()


def test_a_folder_in_git_leaves_out_what_gitignore_ignores(cli, tmp_path):
    import shutil
    import subprocess

    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / ".gitignore").write_text("build/\n*.kopi.budsjett\n", encoding="utf-8")
    text = 'budget "E" period 2020..2020\nitem "A" oppvekst 2020=2\ncover "B" 2020=1\n'
    for name in ("build/x.budsjett", "a.kopi.budsjett", "a.budsjett"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    done = cli("check", "--format", "concise", ".", cwd=tmp_path)
    assert [line.split(":")[0] for line in done.stdout.splitlines()[:-1]] == ["a.budsjett"]
    assert done.stdout.splitlines()[-1] == "Found 1 finding: 1 error."
    named = cli("check", "--format", "concise", "build/x.budsjett", cwd=tmp_path)
    assert named.stdout.startswith("build/x.budsjett:")  # named on the command line: checked
