"""Time the editor server: from a `didChange` to the diagnostics it publishes.

    python bench/editor.py proposal.budsjett [--changes 20] [--keystrokes [--typing line]] [--memory]
    python bench/editor.py --entries 10000 --keystrokes --changes 5

starts `budsjett-lint server` as an editor does, speaks the language server
protocol to it over standard input and output, opens the file (or a plan of
`--entries` entries written by `bench/generate.py`), and then sends changes
one after the other, each time waiting for the `textDocument/publishDiagnostics`
of that version: whole texts, each with a line added at the end, or with
`--keystrokes` one character typed at a time, as an increment (the sync kind
the server asks for), into a comment in the middle of the file, or with
`--typing line` as new lines of an entry there (`item "Ny skole" oppvekst
2021=4.5`, over and over), whose texts mostly do not read until a line is
whole. Prints JSON
with the latency of every change in seconds, the debounce the server waits on
purpose before it checks (`DEBOUNCE_SECONDS` in `budsjett_lint.checker.editor.server`,
0 where it has none), so that the time spent checking is the latency minus it,
and its median; with `--memory`, the server's resident memory (MB) after
opening and after every tenth of the changes.

The targets (issue 21), in `target_after_debounce`: after the debounce, new
diagnostics within 100 ms of a keystroke on a 10 000-entry plan and within
10 ms on the proposal; memory flat over 1 000 keystrokes on the 10 000-entry
plan (`--entries 10000 --keystrokes --changes 1000 --memory`: long).

The client is the few lines of JSON-RPC framing that the protocol needs, so
that what is measured is the server as an editor sees it, pipes included.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import statistics
import subprocess
import sys
import tempfile
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


#: Seconds after the debounce within which a keystroke's diagnostics should arrive, by plan size.
TARGETS = ((10_000, 0.100), (0, 0.010))
NOTE = "# merknad "  # the comment typed into with --keystrokes
#: What `--keystrokes --typing line` types, over and over, on new lines before the same entry: most of
#: the texts it passes through do not read ("item", an open quote, "2021="), as when a person types.
LINE = '\nitem "Ny skole" oppvekst 2021=4.5'


def measure(path: Path, changes: int, command: list[str], keystrokes: bool = False, memory: bool = False,
            typing: str = "comment") -> dict:
    text = path.read_text(encoding="utf-8")
    if keystrokes:
        lines = text.split("\n")  # the comment (or an empty line) goes before the first entry past the middle
        middle = next((i for i in range(len(lines) // 2, len(lines)) if _is_entry(lines[i])), len(lines))
        text = "\n".join([*lines[:middle], NOTE if typing == "comment" else "", *lines[middle:]])
    cursor = [middle, len(NOTE) if typing == "comment" else 0] if keystrokes else [0, 0]
    uri = path.resolve().as_uri()
    client = Client(command)
    rss: list[float] = []
    try:
        client.request("initialize", {"processId": os.getpid(), "rootUri": path.resolve().parent.as_uri(),
                                      "capabilities": {}})
        client.send({"method": "initialized", "params": {}})
        client.send({"method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "budsjett", "version": 1, "text": text}}})
        published = lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri  # noqa: E731
        client.wait(published)
        if memory:
            rss.append(_rss(client.proc.pid))
        latencies = []
        for version in range(2, changes + 2):
            if keystrokes:  # one character at the cursor: at the end of the comment, or of the line typed
                where = {"line": cursor[0], "character": cursor[1]}
                typed = "x" if typing == "comment" else LINE[(version - 2) % len(LINE)]
                change = {"range": {"start": where, "end": where}, "text": typed}
                cursor = [cursor[0] + 1, 0] if typed == "\n" else [cursor[0], cursor[1] + 1]
            else:  # an edit as a user makes one: a line typed at the end of the file
                change = {"text": text + f"# {version}\n"}
            sent = client.send({"method": "textDocument/didChange", "params": {
                "textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}})
            at, _ = client.wait(lambda m: published(m) and m["params"].get("version", version) == version)  # noqa: B023 (waited for at once)
            latencies.append(at - sent)
            if memory and (version - 1) % max(1, changes // 10) == 0:
                rss.append(_rss(client.proc.pid))
    finally:
        client.close()
    debounce = _debounce()
    result = {"file": str(path), "latencies": latencies, "debounce": debounce,
              "median_after_debounce": statistics.median(latencies) - debounce if latencies else None}
    if keystrokes:
        result["typing"] = typing
        result["target_after_debounce"] = next(t for size, t in TARGETS if _entries(text) >= size)
    if memory:
        result["rss_mb"] = rss
    return result


def _is_entry(line: str) -> bool:
    return line.split(" ", 1)[0] in ("item", "invest", "cover", "allocate", "draw", "loan")


def _entries(text: str) -> int:
    """The number of entries of a plan, counted by their keywords at the start of a line."""
    return sum(1 for line in text.split("\n") if _is_entry(line))


def _rss(pid: int) -> float:
    """The resident memory of a process in MB (Linux; NaN elsewhere)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def _debounce() -> float:
    try:
        from budsjett_lint.checker.editor import server
    except ImportError:
        return 0.0
    return float(getattr(server, "DEBOUNCE_SECONDS", 0.0))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("file", type=Path, nargs="?", help="the file to open (or --entries)")
    p.add_argument("--entries", type=int, help="open a plan of this many entries, written by bench/generate.py")
    p.add_argument("--changes", type=int, default=20)
    p.add_argument("--keystrokes", action="store_true", help="one character typed at a time, as increments")
    p.add_argument("--typing", choices=("comment", "line"), default="comment",
                   help="with --keystrokes: type into a comment (texts that read), or type new lines "
                        "of an entry (texts that mostly do not, as while a person types)")
    p.add_argument("--memory", action="store_true", help="sample the server's resident memory")
    p.add_argument("--command", default=str(Path(sys.executable).with_name("budsjett-lint")) + " server",
                   help="how to start the server (default: budsjett-lint server)")
    args = p.parse_args(argv)
    if (args.file is None) == (args.entries is None):
        p.error("give a file or --entries, not both")
    with tempfile.TemporaryDirectory() as tmp:
        path = args.file
        if path is None:
            sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
            from bench.generate import generate

            path = Path(tmp) / f"proposal-{args.entries}.budsjett"
            path.write_text(generate(args.entries), encoding="utf-8")
        result = measure(path, args.changes, args.command.split(), args.keystrokes, args.memory, args.typing)
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
