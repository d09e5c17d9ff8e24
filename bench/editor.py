"""Time the editor server: from a `didChange` to the diagnostics it publishes.

    python bench/editor.py proposal.budsjett [--changes 20]

starts `budsjett-lint server` as an editor does, speaks the language server
protocol to it over standard input and output, opens the file, and then sends
whole-text changes one after the other, each time waiting for the
`textDocument/publishDiagnostics` of that version. Prints JSON with the
latency of every change in seconds, and the debounce the server waits on
purpose before it checks (`DEBOUNCE_SECONDS` in `budsjett_lint.checker.editor.server`,
0 where it has none), so that the time spent checking is the latency minus it.

The client is the few lines of JSON-RPC framing that the protocol needs, so
that what is measured is the server as an editor sees it, pipes included.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

TIMEOUT = 30.0


class Client:
    def __init__(self, command: list[str]) -> None:
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE)
        self.messages: queue.Queue = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.messages.put(None)
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            if length is None:
                continue
            message = json.loads(out.read(length))
            self.messages.put((time.perf_counter(), message))

    def send(self, message: dict) -> float:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.proc.stdin is not None
        sent = time.perf_counter()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()
        return sent

    def request(self, method: str, params: dict) -> dict:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == self.next_id and "method" not in m)[1]

    def wait(self, wanted) -> tuple[float, dict]:
        """The next message that `wanted` accepts; requests from the server are answered meanwhile."""
        deadline = time.perf_counter() + TIMEOUT
        while True:
            try:
                item = self.messages.get(timeout=max(0.0, deadline - time.perf_counter()))
            except queue.Empty:
                raise TimeoutError("the server did not answer within %.0f s" % TIMEOUT) from None
            if item is None:
                err = self.proc.stderr.read().decode("utf-8", "replace") if self.proc.stderr else ""
                raise RuntimeError(f"the server exited: {err.strip()[-500:]}")
            at, message = item
            if "method" in message and "id" in message:  # a request from the server
                self.send({"id": message["id"], "result": _answer(message)})
                continue
            if wanted(message):
                return at, message

    def close(self) -> None:
        try:
            self.request("shutdown", {})
            self.send({"method": "exit"})
            self.proc.wait(timeout=5)
        except (OSError, TimeoutError, RuntimeError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()


def _answer(request: dict):
    if request["method"] == "workspace/configuration":
        return [None] * len(request.get("params", {}).get("items", []))
    return None


def measure(path: Path, changes: int, command: list[str]) -> dict:
    text = path.read_text(encoding="utf-8")
    uri = path.resolve().as_uri()
    client = Client(command)
    try:
        client.request("initialize", {"processId": os.getpid(), "rootUri": path.resolve().parent.as_uri(),
                                      "capabilities": {}})
        client.send({"method": "initialized", "params": {}})
        client.send({"method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "budsjett", "version": 1, "text": text}}})
        published = lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri  # noqa: E731
        client.wait(published)
        latencies = []
        for version in range(2, changes + 2):
            # An edit as a user makes one: a line typed at the end of the file.
            changed = text + f"# {version}\n"
            sent = client.send({"method": "textDocument/didChange", "params": {
                "textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": changed}]}})
            at, _ = client.wait(lambda m: published(m) and m["params"].get("version", version) == version)  # noqa: B023 (waited for at once)
            latencies.append(at - sent)
    finally:
        client.close()
    return {"file": str(path), "latencies": latencies, "debounce": _debounce()}


def _debounce() -> float:
    try:
        from budsjett_lint.checker.editor import server
    except ImportError:
        return 0.0
    return float(getattr(server, "DEBOUNCE_SECONDS", 0.0))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("file", type=Path)
    p.add_argument("--changes", type=int, default=20)
    p.add_argument("--command", default=str(Path(sys.executable).with_name("budsjett-lint")) + " server",
                   help="how to start the server (default: budsjett-lint server)")
    args = p.parse_args(argv)
    json.dump(measure(args.file, args.changes, args.command.split()), sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
