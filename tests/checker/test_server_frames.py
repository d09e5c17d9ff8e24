"""The language server's input, byte by byte: a frame too large, malformed or cut short never kills the
server or puts it out of step; the next good frame is answered (`checker/editor/lsp_frames.py`)."""

from __future__ import annotations

import io
import json
import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from budsjett_lint.checker.editor.lsp_frames import MAX_HEADER, Frames

SERVER = [str(Path(sys.executable).with_name("budsjett-lint")), "server"]


def frame(message: dict, header: bytes = b"Content-Length: %d\r\n\r\n") -> bytes:
    body = json.dumps(message).encode()
    return header % len(body) + body


def request(n: int, method: str = "budsjett/ping", params: dict | None = None) -> dict:
    return {"jsonrpc": "2.0", "id": n, "method": method, "params": params or {}}


# -- the reader alone ----------------------------------------------------------------------------


def frames_of(data: bytes, max_frame: int = 1 << 20) -> list[bytes]:
    """The bodies pygls would read, as it reads them (a header line, a blank line, `read(n)`)."""
    reader, bodies = Frames(io.BytesIO(data), max_frame=max_frame), []
    while header := reader.readline():
        assert header.startswith(b"Content-Length: ") and reader.readline() == b"\r\n"
        bodies.append(reader.read(int(header.split(b":")[1])))
    return bodies


GOOD = frame(request(1))
BODY = GOOD.split(b"\r\n\r\n", 1)[1]


@pytest.mark.parametrize(("data", "count"), [
    (GOOD + GOOD, 2),
    (frame(request(1), b"content-length: %d\r\n\r\n") + GOOD, 2),
    (frame(request(1), b"CONTENT-LENGTH:%d\n\n") + GOOD, 2),
    (frame(request(1), b"Content-Length: %d\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n"), 1),
    (b"Content-Length: 99999999999\r\n\r\n" + b"x" * 100_000 + GOOD, 1),
    (b"Content-Length: 12ab\r\n\r\n" + BODY + GOOD, 1),
    (b"Content-Type: x\r\n\r\n" + BODY + GOOD, 1),
    (b"\r\n" + BODY + GOOD, 1),
    (b"Content-Length: 5000\r\n\r\n" + BODY + GOOD, 1),
    (b"Content-Length: 5000\r\n\r\n" + BODY + b"Content-Length:  %d \n\n" % len(BODY) + BODY, 1),
    (b"x" * (MAX_HEADER * 100) + GOOD, 1),
    (b"garbage\r\n" + GOOD, 1),
    (b"Content-Length: 0\r\n\r\n" + GOOD, 1),
    (GOOD[:-3], 0),
    (b"", 0),
])
def test_every_good_frame_and_only_those(data, count):
    bodies = frames_of(data)
    assert len(bodies) == count
    assert all(json.loads(b) == request(1) for b in bodies)


def test_a_body_that_mentions_content_length_is_read_whole():
    message = request(1, params={"text": "Content-Length: 12\r\n\r\nnot a header, a string"})
    assert [json.loads(b) for b in frames_of(frame(message) + GOOD)] == [message, request(1)]


def test_a_large_body_arrives_in_pieces():
    message = request(1, params={"text": "å" * 300_000})

    class Trickle(io.BytesIO):
        def read1(self, n=-1):
            return super().read1(min(n, 777))

    reader = Frames(Trickle(frame(message)))
    header = reader.readline()
    reader.readline()
    assert json.loads(reader.read(int(header.split(b":")[1]))) == message


# -- the server ----------------------------------------------------------------------------------


class Server:
    """`budsjett-lint server` over pipes, with no client library between: bytes in, frames out."""

    def __init__(self):
        self.proc = subprocess.Popen(SERVER, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.out = b""
        self.send(frame(request(0, "initialize", {"processId": None, "rootUri": None, "capabilities": {}})))
        assert self.answer(0)["result"]["capabilities"]
        self.send(frame({"jsonrpc": "2.0", "method": "initialized", "params": {}}))

    def send(self, data: bytes) -> None:
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def answer(self, n: int, timeout: float = 20) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            while b"\r\n\r\n" in self.out:
                head, rest = self.out.split(b"\r\n\r\n", 1)
                length = int(head.split(b"\r\n")[0].split(b":")[1])
                if len(rest) < length:
                    break
                self.out = rest[length:]
                message = json.loads(rest[:length])
                if message.get("id") == n:
                    return message
            left = deadline - time.monotonic()
            assert left > 0 and self.proc.poll() is None, f"no answer to {n}; exit {self.proc.poll()}"
            if select.select([self.proc.stdout], [], [], left)[0]:
                chunk = os.read(self.proc.stdout.fileno(), 65536)
                assert chunk, f"the server closed its output; exit {self.proc.wait()}"
                self.out += chunk

    def close(self) -> str:
        self.send(frame(request(999, "shutdown")))
        self.answer(999)
        self.send(frame({"jsonrpc": "2.0", "method": "exit"}))
        self.proc.stdin.close()
        self.proc.wait(timeout=20)
        return self.proc.stderr.read().decode("utf-8", "replace")


@pytest.fixture(scope="module")
def server():
    s = Server()
    yield s
    if s.proc.poll() is None:
        s.proc.kill()
        s.proc.wait()


@pytest.mark.parametrize("bad", [
    b"Content-Length: 99999999999\r\n\r\n" + b"x" * 200_000,
    frame(request(-1), b"content-length: %d\r\n\r\n"),
    frame(request(-1), b"Content-Length: %d\n\n"),
    b"Content-Type: application/vscode-jsonrpc\r\n\r\n" + BODY,
    b"Content-Length: 4000\r\n\r\n" + BODY,
    b"x" * 1_000_000,
    b"Content-Length: -5\r\n\r\n" + BODY,
], ids=["huge", "lowercase", "lf-only", "no-length", "short-body", "a-megabyte-line", "negative"])
def test_the_server_answers_the_next_frame_after(server, bad):
    n = hash(bad) % 100_000 + 1
    server.send(bad)
    server.send(frame(request(n)))
    assert server.answer(n)["error"]["code"] == -32601  # method not found: an answer, so in step


def test_the_server_says_what_it_skipped_and_exits_when_told(server):
    server.send(b"Content-Length: 99999999999\r\n\r\n")
    server.send(frame(request(7)))
    server.answer(7)
    log = server.close()
    assert "more than the" in log and "Traceback" not in log
    assert server.proc.returncode == 0
