"""The language server's input: the Language Server Protocol's frames, read strictly bounded and never lost in.

A frame is header lines (`Content-Length: N`, perhaps `Content-Type`), a
blank line and N bytes of JSON. pygls reads frames with `readline()` and
`read(n)` on standard input, trusting the client: a `Content-Length` of
99 999 999 999 makes it allocate that much and die, and a header it does not
recognise (`content-length`, lines ended by LF alone), a frame without
`Content-Length` or a body shorter than it says puts it out of step with the
stream for good, so that it answers nothing again.

`Frames` stands between standard input and pygls: it reads the client's
frames leniently (header names in any case, lines ended by CRLF or LF, other
headers ignored), and hands pygls each frame in the one form it reads,
`Content-Length: N\\r\\n\\r\\n` and the body. A frame it cannot use (no length,
a length that is not a number or larger than `MAX_FRAME`, a header line of
more than `MAX_HEADER` bytes, a body cut short by the next frame's header) is
logged and skipped, and reading goes on at the next `Content-Length` header,
holding at most a chunk of the skipped bytes at a time.
"""

from __future__ import annotations

import logging
import re
from typing import BinaryIO

log = logging.getLogger("budsjett-lint.server")

#: The largest body taken: a document of the largest file checked (`max-file-size`, 20 MB by default)
#: escaped as JSON, with room to spare.
MAX_FRAME = 64 * 1024 * 1024
#: The longest header line.
MAX_HEADER = 4096
_CHUNK = 64 * 1024
_HEADER = re.compile(rb"([!#$%&'*+.^_`|~0-9A-Za-z-]+)[ \t]*:[ \t]*([^\r\n]*?)[ \t]*\r?\n")
#: The start of a frame: what is looked for to get back in step. Raw line ends cannot be inside a JSON string,
#: and the words cannot be outside one, so a JSON body never holds this.
_FRAME_START = re.compile(rb"content-length[ \t]*:[ \t]*\d+[ \t]*\r?\n", re.IGNORECASE)
_OVERLAP = 64  # bytes kept when searching a stream piece by piece, for a header cut between pieces


class Frames:
    """Standard input as pygls reads it (`readline` and `read`), with every frame checked first."""

    def __init__(self, raw: BinaryIO, max_frame: int = MAX_FRAME):
        self.raw = raw
        self.max_frame = max_frame
        self.buf = bytearray()
        self.eof = False
        self.lines: list[bytes] = []  # what readline gives next
        self.body = b""

    # -- what pygls calls ------------------------------------------------------------------

    def readline(self, limit: int = -1) -> bytes:
        if self.lines:
            return self.lines.pop(0)
        body = self._next_frame()
        if body is None:
            return b""
        self.body = body
        self.lines = [b"\r\n"]
        return b"Content-Length: %d\r\n" % len(body)

    def read(self, n: int = -1) -> bytes:
        body, self.body = self.body, b""
        return body

    # -- reading the client's frames ---------------------------------------------------------

    def _fill(self) -> bool:
        """More bytes from the client; False at the end of the input."""
        if self.eof:
            return False
        read1 = getattr(self.raw, "read1", None)
        chunk = read1(_CHUNK) if read1 is not None else self.raw.read(1)
        if not chunk:
            self.eof = True
            return False
        self.buf += chunk
        return True

    def _line(self) -> bytes | None:
        """The next line, with its line end; None if it is longer than a header can be; b"" at the end."""
        searched = 0
        while (end := self.buf.find(b"\n", searched)) < 0:
            searched = len(self.buf)
            if searched > MAX_HEADER:
                return None
            if not self._fill():
                line = bytes(self.buf)
                self.buf.clear()
                return line
        if end + 1 > MAX_HEADER:
            return None
        line = bytes(self.buf[:end + 1])
        del self.buf[:end + 1]
        return line

    def _next_frame(self) -> bytes | None:
        """The body of the next good frame; None at the end of the input."""
        length: int | None = None
        headers = False  # whether a header of this frame was read
        while True:
            line = self._line()
            if line is None:
                self._skip("a header line longer than %d bytes" % MAX_HEADER)
                length = None
                continue
            if not line:
                return None
            if not line.strip():
                if length is None:
                    if headers:
                        self._skip("a frame without Content-Length")
                    headers = False  # else a blank line between frames: nothing lost
                    continue
                body = self._body(length) if length else None
                if length == 0:
                    log.error("skipped an empty frame")
                if body is not None:
                    return body
                length, headers = None, False
                continue
            headers = True
            start = _FRAME_START.search(line, 1)
            if start is not None:  # the rest of a frame without its line end, and the next frame
                log.error("skipped %s, which is no header", _shown(line[:start.start()]))
                self.buf[:0] = line[start.start():]
                length, headers = None, False
                continue
            header = _HEADER.fullmatch(line)
            if header is None:
                self._skip(f"a line that is no header: {_shown(line)}")
                length, headers = None, False
            elif header.group(1).lower() == b"content-length":
                value = header.group(2)
                if not value.isdigit():
                    self._skip(f"a Content-Length that is not a number: {_shown(value)}")
                    length = None
                elif int(value) > self.max_frame:
                    self._skip(f"a frame of {int(value)} bytes, more than the {self.max_frame} a frame may have")
                    length = None
                else:
                    length = int(value)

    def _body(self, length: int) -> bytes | None:
        """`length` bytes, unless the next frame's header comes first (a body shorter than it said)."""
        searched = 0
        while True:
            found = _FRAME_START.search(self.buf, max(0, searched - _OVERLAP), min(len(self.buf), length + _OVERLAP))
            if found is not None and found.start() < length:
                log.error("skipped a frame: its body is %d bytes, not the %d its Content-Length says",
                          found.start(), length)
                del self.buf[:found.start()]
                return None
            if len(self.buf) >= length:
                body = bytes(self.buf[:length])
                del self.buf[:length]
                return body
            searched = len(self.buf)
            if not self._fill():
                log.error("the input ended inside a frame: %d of its %d bytes came", len(self.buf), length)
                self.buf.clear()
                return None

    def _skip(self, why: str) -> None:
        """Drop input up to the next frame's header, holding at most a chunk of it."""
        log.error("skipped %s; reading on at the next Content-Length", why)
        while True:
            found = _FRAME_START.search(self.buf)
            if found is not None:
                del self.buf[:found.start()]
                return
            del self.buf[:max(0, len(self.buf) - _OVERLAP)]
            if not self._fill():
                self.buf.clear()
                return


def _shown(data: bytes) -> str:
    text = data[:60].decode("utf-8", "replace")
    return ascii(text) + ("..." if len(data) > 60 else "")
