"""Files the tool cannot read are reported with exit 2, and the others are still
checked: missing files, folders where a file is meant, files without read
permission, FIFOs (refused, never waited for), dangling links, files over the
size limit. Runs the installed command.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from budsjett_lint.checker import files
from bench.robustness import run_command

COMMAND = Path(sys.executable).parent / "budsjett-lint"
NOBODY = 65534

GOOD = 'budget "Eksempel" period 2020..2021\nitem "Kulturskolen" kultur 2020=1\n'
GOOD_FINDING = "good.budsjett:1:19: BAL001 2020 does not balance"


def run(*args: str, cwd: Path, as_user: int | None = None) -> tuple[int, str, str]:
    def drop_privileges() -> None:  # pragma: no cover - runs in the child
        os.setgroups([])
        os.setgid(as_user)
        os.setuid(as_user)

    try:
        proc = subprocess.run([str(COMMAND), *args, "--format", "concise"], cwd=cwd, capture_output=True,
                              timeout=600, preexec_fn=drop_privileges if as_user is not None else None)
    except subprocess.TimeoutExpired:  # pragma: no cover - only when it waits for ever
        pytest.fail("budsjett-lint did not finish")
    return proc.returncode, proc.stdout.decode(), proc.stderr.decode()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "good.budsjett").write_text(GOOD, encoding="utf-8")
    (tmp_path / ".budsjett-lint.yaml").write_text("", encoding="utf-8")  # the defaults
    return tmp_path


def assert_reported(status: int, out: str, err: str, *errors: str) -> None:
    assert status == 2
    for e in errors:
        assert f"budsjett-lint: error: {e}" in err, err
    assert "Traceback" not in err
    assert GOOD_FINDING in out, "the readable file was not checked"


def test_a_missing_file(folder):
    assert_reported(*run("missing.budsjett", "good.budsjett", cwd=folder),
                    "missing.budsjett: no such file or folder")


def test_export_of_a_folder_says_so(folder):
    (folder / "empty").mkdir()
    proc = subprocess.run([str(COMMAND), "export", "empty"], cwd=folder, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 2
    assert proc.stderr == "budsjett-lint: error: empty: is a folder\n"


def test_a_fifo_is_refused_not_waited_for(folder):
    os.mkfifo(folder / "pipe.budsjett")
    assert_reported(*run("pipe.budsjett", "good.budsjett", cwd=folder),
                    "pipe.budsjett: not a regular file")


def test_a_fifo_in_a_folder_is_reported_not_passed_over(folder):
    os.mkfifo(folder / "pipe.budsjett")
    assert_reported(*run(".", cwd=folder), "pipe.budsjett: not a regular file")


def test_a_dangling_link(folder):
    (folder / "gone.budsjett").symlink_to(folder / "nowhere.budsjett")
    assert_reported(*run(".", cwd=folder), "gone.budsjett: No such file or directory")


def test_a_file_without_read_permission():
    # The tests run as root, who reads everything: the command then runs as
    # `nobody`, in a folder that `nobody` may enter.
    as_user = NOBODY if os.geteuid() == 0 else None
    folder = Path(tempfile.mkdtemp(prefix="budsjett-unreadable-"))
    try:
        folder.chmod(0o755)
        (folder / "good.budsjett").write_text(GOOD, encoding="utf-8")
        (folder / ".budsjett-lint.yaml").write_text("", encoding="utf-8")
        secret = folder / "secret.budsjett"
        secret.write_text(GOOD, encoding="utf-8")
        secret.chmod(0)
        if as_user is not None:
            try:
                can_run = run("good.budsjett", cwd=folder, as_user=as_user)[0] == 1
            except (OSError, subprocess.SubprocessError):
                can_run = False
            if not can_run:
                pytest.skip("the command cannot run as the unprivileged user `nobody` here, "
                            "and root reads files without permission")
        assert_reported(*run("secret.budsjett", "good.budsjett", cwd=folder, as_user=as_user),
                        "secret.budsjett: Permission denied")
    finally:
        shutil.rmtree(folder)


def test_a_file_the_system_refuses_to_read(folder, monkeypatch):
    # Always runs, as root too: the operating system's refusal, simulated.
    secret = folder / "secret.budsjett"
    secret.write_text(GOOD, encoding="utf-8")

    def refusing_open(path, *args, **kwargs):
        if Path(path).name == "secret.budsjett":
            raise PermissionError(13, "Permission denied", str(path))
        return open(path, *args, **kwargs)

    monkeypatch.setattr(files, "open", refusing_open, raising=False)
    monkeypatch.chdir(folder)
    assert_reported(*run_command(["secret.budsjett", "good.budsjett", "--format", "concise"]),
                    "secret.budsjett: Permission denied")


def test_a_file_over_the_size_limit_is_refused_with_the_limit_named(folder):
    (folder / ".budsjett-lint.yaml").write_text("max-file-size: 100\n", encoding="utf-8")
    (folder / "big.budsjett").write_text(GOOD + "# " + "x" * 200 + "\n", encoding="utf-8")
    status, out, err = run("big.budsjett", "good.budsjett", cwd=folder)
    assert_reported(status, out, err, "big.budsjett: 273 bytes is larger than the limit of 100 bytes")
    assert "max-file-size" in err


def test_standard_input_over_the_size_limit_is_refused(folder):
    (folder / ".budsjett-lint.yaml").write_text("max-file-size: 100\n", encoding="utf-8")
    proc = subprocess.run([str(COMMAND), "-", "--stdin-filename", "x.budsjett"], cwd=folder,
                          input=(GOOD * 10).encode(), capture_output=True, timeout=600)
    assert proc.returncode == 2
    assert b"standard input is larger than the limit of 100 bytes (max-file-size)" in proc.stderr


def test_an_unwritable_report_is_exit_2(folder):
    (folder / "reports").mkdir()
    status, out, err = run("good.budsjett", "--output", "reports", cwd=folder)
    assert status == 2
    assert err.startswith("budsjett-lint: error: reports: cannot write the report")
