"""`summary --format html`: a well-formed, self-contained page that shows every plan year, drawn in a real browser."""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from budsjett_lint.checker.cli.summary import TABLES, render
from budsjett_lint.checker.report.page import SPEND
from budsjett_lint.checker.summary import summarize
from budsjett_lint.dsl import parse
from tests.conftest import PROPOSAL

VOID = {"meta", "br", "img", "link", "input", "hr"}


class _Checker(HTMLParser):
    """Every element closed in order; the `src`/`href` attributes collected."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.links: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.links += [v or "" for k, v in attrs if k in ("src", "href")]
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.links += [v or "" for k, v in attrs if k in ("src", "href")]

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def _page(text: str) -> str:
    return render(summarize(parse(text).budget), "html", TABLES)


def _check(page: str) -> _Checker:
    c = _Checker()
    c.feed(page)
    c.close()
    assert not c.errors and not c.stack, (c.errors, c.stack)
    return c


def test_the_proposal_page_is_well_formed_offline_and_shows_every_year():
    page = _page(PROPOSAL.read_text(encoding="utf-8"))
    c = _check(page)
    assert page.startswith("<!DOCTYPE html>")
    assert not [u for u in c.links if "//" in u or u.startswith(("http:", "https:", "data:"))]
    text = "".join(c.text)
    for year in range(2020, 2024):
        assert str(year) in text
    assert "unverified" in text  # the proposal's years lack figures and say so
    assert "<svg" in page and "<title id=\"bt\">" in page and "<desc id=\"bd\">" in page


def test_names_are_escaped_and_invisible_characters_shown():
    page = _page('budget "A<b>&\u202eC" period 2020..2020\nitem "x</td>" oppvekst 2020=1\ncover "y" 2020=1\n')
    c = _check(page)
    text = "".join(c.text)
    assert "A<b>&<U+202E>C" in text and "x</td>" in text
    assert "\u202e" not in page
    assert "balanced" in text


def test_a_gap_is_labelled_with_its_amount():
    page = _page('budget "G" period 2020..2020\nitem "x" oppvekst 2020=5\ncover "y" 2020=2\n')
    assert "gap 3" in "".join(_check(page).text)


def _png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """The rows of an 8-bit RGB or RGBA PNG, unfiltered (enough for Chromium's screenshots)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8 and colour in (2, 6)
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw, rows, prev = zlib.decompress(idat), [], bytearray(width * bpp)
    stride = width * bpp + 1
    for y in range(height):
        f, line = raw[y * stride], bytearray(raw[y * stride + 1:(y + 1) * stride])
        for i in range(len(line)):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, bpp, rows


def test_chromium_draws_the_bars(tmp_path: Path):
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if not browser:
        pytest.skip("no Chromium on this machine (.ci/run installs Debian's `chromium` where it can)")
    html = tmp_path / "report.html"
    html.write_text(_page(PROPOSAL.read_text(encoding="utf-8")), encoding="utf-8")
    shot = tmp_path / "shot.png"
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", f"--screenshot={shot}",
                    "--window-size=900,700", html.as_uri()], capture_output=True, timeout=120, check=False)
    assert shot.exists(), "Chromium wrote no screenshot"
    width, bpp, rows = _png_pixels(shot.read_bytes())
    pixels = {row[i:i + 3] for row in rows for i in range(0, width * bpp, bpp)}
    assert len(pixels) > 2, "the screenshot is blank"
    bar = bytes.fromhex(SPEND[1:])
    assert any(sum(abs(p[k] - bar[k]) for k in range(3)) < 12 for p in pixels), "no spending bar in the picture"


def test_the_command_writes_the_page_to_a_file(cli, tmp_path):
    (tmp_path / "x.budsjett").write_text('budget "X" period 2020..2021\nitem "a" oppvekst 2020=1 2021=?\n',
                                         encoding="utf-8")
    done = cli("summary", "--format", "html", "-o", "report.html", "x.budsjett", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    _check(page)
    assert "2021" in page and "unverified:" in page
