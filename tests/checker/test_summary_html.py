"""`summary --format html`: a well-formed, self-contained page that shows every plan year, drawn in a real browser."""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from budsjett_lint.checker.report.summary import TABLES, render
from budsjett_lint.checker.config import Config
from budsjett_lint.checker.engine import check_text
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
        self.links: list[str] = []  # addresses outside the page
        self.anchors: list[str] = []  # links within it (`#findings`)
        self.ids: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.handle_startendtag(tag, attrs)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.links += [v or "" for k, v in attrs if k in ("src", "href") and not (v or "").startswith("#")]
        self.anchors += [v[1:] for k, v in attrs if k == "href" and (v or "").startswith("#")]
        self.ids += [v for k, v in attrs if k == "id"]

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def _page(text: str) -> str:
    return render(summarize(parse(text).budget), "html", TABLES)


def _page_with_findings(text: str, config: Config = Config()) -> tuple[str, list]:
    result = check_text(text, "x.budsjett", config)
    return (render(summarize(result.budget), "html", TABLES, result=result, docs_url=config.rule_url),
            list(result.diagnostics))


def _check(page: str) -> _Checker:
    c = _Checker()
    c.feed(page)
    c.close()
    assert not c.errors and not c.stack, (c.errors, c.stack)
    assert len(set(c.ids)) == len(c.ids) and set(c.anchors) <= set(c.ids), "ids unique, and every link within finds one"
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
    # and by how much the known part is out, at a glance under each year (as in the terminal's verdict)
    for known in ("known gap 71.5", "known gap 99.9", "known gap 7.0", "known surplus 57.0"):
        assert known in text
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


def test_the_proposal_page_shows_every_finding_with_its_excerpt_errors_first():
    text = PROPOSAL.read_text(encoding="utf-8")
    page, found = _page_with_findings(text, Config(ignore=("STR011",)))
    c = _check(page)
    below = _Checker()
    below.feed(page.split('<h2 id="findings">', 1)[1])
    findings = "".join(below.text)
    top = "".join(c.text)
    assert top.index("Plan years") < top.index(f"Found {len(found)} findings") < top.index("Spending and coverage per area")
    assert len(found) > 20 and f"Found {len(found)} findings" in findings
    lines = text.splitlines()
    for d in found:
        assert f"{d.severity}[{d.code}]: {d.message}" in findings
        assert f"x.budsjett:{d.span.line}:{d.span.column}" in findings  # the place, then its source line:
        assert f"{d.span.line} | {lines[d.span.line - 1][:40]}" in findings
        if d.hint:
            assert f"= help: {d.hint}" in findings
    errors, warnings = findings.index("Errors ("), findings.index("Warnings (")
    first_warning = next(d for d in found if d.severity == "warning")
    assert errors < warnings < findings.index(f"warning[{first_warning.code}]: {first_warning.message}")
    assert not c.links  # no `docs-url`: no link, rather than an invented address


def test_rule_codes_link_to_the_pages_docs_url_names():
    page, found = _page_with_findings('budget "G" period 2020..2020\nitem "x" oppvekst 2020=5\ncover "y" 2020=2\n',
                                      Config(docs_url="https://wiki.example/rule?id={code}"))
    assert found and all(f'<a href="https://wiki.example/rule?id={d.code}"' in page for d in found)
    assert not [u for u in _check(page).links if not u.startswith("https://wiki.example/rule?id=")]


def test_names_in_findings_and_excerpts_are_escaped():
    name = "<script>alert(1)</script><img src=x onerror=alert('x')>"
    page, found = _page_with_findings(f'budget "I" period 2020..2020\nitem "{name}" oppvekst 2020=5\n'
                                      f'item "{name}" oppvekst 2020=1\ncover "c\u202e" 2020=2\n')
    c = _check(page)
    assert "<script" not in page and "<img" not in page and not c.links
    text = "".join(c.text)
    assert any(name in d.message for d in found)  # the duplicate is named in a message ...
    assert text.count(name) >= 3  # ... and shown as written: the message, and the two source lines
    assert "\u202e" not in page


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


def test_the_command_shows_the_findings_linked_by_the_configured_docs_url(cli, tmp_path):
    (tmp_path / ".budsjett-lint.yaml").write_text("docs-url: https://docs.kommune.example/rules/\n", encoding="utf-8")
    (tmp_path / "x.budsjett").write_text('budget "X" period 2020..2020\nitem "a" oppvekst 2020=5\ncover "b" 2020=2\n',
                                         encoding="utf-8")
    done = cli("summary", "--format", "html", "-o", "report.html", "x.budsjett", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    c = _check(page)
    assert c.links == ["https://docs.kommune.example/rules/BAL001.md"]
    assert "error[BAL001]: 2020 does not balance: spend 5.0, covered 2.0, gap 3.0 mill" in "".join(c.text)


FUNDS = """\
budget "Fond" period 2020..2022
fund "Disposisjonsfondet" opening 50
fund "Havnefondet <b>" opening 10
fund "Uten inngang"
item "a" oppvekst 2020..2022=3
allocate "Avsetning" 2020=20 2021=? 2022=5 to "Disposisjonsfondet"
draw "Bruk" 2020=10 2021=10 2022=30 from "Disposisjonsfondet"
draw "Bruk havn" 2020..2022=4 from "Havnefondet <b>"
cover "b" helse 2020..2022=3
"""


def test_a_fund_with_an_opening_balance_is_drawn_year_by_year_overdrawn_in_red():
    from budsjett_lint.checker.report.page import GAP

    page = _page(FUNDS)
    c = _check(page)
    text = "".join(c.text)
    assert "opening: 50.0; 2020: 60.0; 2021: 50.0 + ?; 2022: 25.0 + ?" in text  # the known part after 2021
    assert "opening: 10.0; 2020: 6.0; 2021: 2.0; 2022: -2.0" in text
    assert "Havnefondet <b>" in text and "<b>" not in page.replace("<b style", "")  # escaped
    assert f'fill="{GAP}"' in page.split("Havnefondet &lt;b&gt;: balance", 1)[1]  # -2.0: below the line, red
    assert "Without an opening balance, and so not drawn: Uten inngang." in text


def test_spending_and_coverage_per_area():
    text = "".join(_check(_page(FUNDS)).text)
    assert "Spending and coverage per area" in text
    assert "Oppvekst: 2020 spending 3.0, coverage 0.0" in text
    assert "Helse og eldre: 2020 spending 0.0, coverage 3.0" in text  # coverage that names its area
    assert "(draws from funds): 2020 spending 0.0, coverage 14.0, 2021 spending 0.0, coverage 14.0" in text
    assert "(allocations to funds): 2020 spending 20.0, coverage 0.0, 2021 spending 0.0 + ?, coverage 0.0" in text


def test_the_proposal_page_says_why_no_fund_balance_is_drawn():
    text = "".join(_check(_page(PROPOSAL.read_text(encoding="utf-8"))).text)
    assert "No fund has an opening balance" in text
    assert "Oppvekst: 2020 spending 22.2, coverage 0.0 + ?, 2021 spending 34.2 + ?, coverage 0.0 + ?" in text


def test_investments_and_borrowing_per_year():
    text = "".join(_check(_page(PROPOSAL.read_text(encoding="utf-8"))).text)
    assert "Investments and their financing" in text
    assert "Investments: 2020 investments 0.0, 2021 investments 2.5, 2022 investments 5.0 + ?" in text
    assert "Borrowing: 2020 borrowing 0.0 + ?, 2021 borrowing 0.0 + ?" in text  # 365 less in total, no figure per year
    assert "Investments and their financing" not in "".join(_check(_page(FUNDS)).text)  # none: no chart
