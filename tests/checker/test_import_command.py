"""The `import` command: documents in, a draft out, a report on standard error."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from budsjett_lint.checker import cli as command_line
from budsjett_lint.dsl import parse

ROOT = Path(__file__).parents[2]
SEED = ROOT / "tests" / "data" / "trondheimsbudsjettet-2020.txt"


def test_the_seed_to_a_file_and_the_diff_shows_the_rest(cli, tmp_path):
    draft = tmp_path / "draft.budsjett"
    done = cli("import", str(SEED), "-o", str(draft))
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert done.stderr.startswith(f"budsjett-lint import: {SEED}: ")
    assert "17 coverage lines" in done.stderr and "Left for review (" in done.stderr
    assert not parse(draft.read_text(encoding="utf-8")).problems
    diff = cli("diff", str(draft), str(ROOT / "proposal.budsjett"))
    rows = {line.split()[2]: line for line in diff.stdout.splitlines() if line.startswith(("+  ", "-  ", "~  "))}
    # What the draft does not have: the lines the proposal derives from prose, its pots and links.
    assert rows["oppgradering"].split()[:2] == ["+", "item"]
    assert "+  pot          Tilbudet som ble avviklet på Rosten" in diff.stdout
    assert "+  offset       offset Toppet bemanning i barnehage <-> Redusert vikarinnleie barnehage" in diff.stdout
    assert not [line for line in diff.stdout.splitlines() if line.startswith("-  ")]  # nothing the proposal lacks


def test_standard_output_and_standard_input(cli):
    text = "Budsjett\nForslag 2021-2024\n\nDrift\n\nTiltak    1 million\nVi setter av 1 million i 2021.\n"
    done = cli("import", "-", input=text)
    assert done.returncode == 0, done.stderr
    assert 'item "Tiltak" 2021=1' in done.stdout
    assert done.stderr.startswith("budsjett-lint import: standard input: 1 entry, 0 coverage lines")


@pytest.mark.parametrize(("document", "written", "note"), [
    ("Tiltak    1 million\nVi setter av 999999999999999 milliarder i 2021.\n", 'item "Tiltak" 2021=1',
     '"999999999999999 milliarder i 2021": no amount can hold it'),
    ("Tiltak    1 million\nVi setter av 0,123456 kroner i 2021.\n", 'item "Tiltak" 2021=1',
     '"0,123456 kroner i 2021": no amount can hold it'),
    ("Tiltak    999999999999999 milliarder\nVi setter av det i 2021.\n", 'item "Tiltak" 2021=?',
     'the heading\'s "999999999999999 milliarder": no amount can hold it'),
    ("Tiltak\t2021\t2022\nEn\t1\t" + "9" * 40 + "\nTo\t0,123456789\t1 234 567 890 123 456\n",
     'item "En" 2021=1', 'gives 2022: ' + "9" * 27 + "...: no amount can hold it"),
    ("Tiltak\t2021\t2022\nEn\t1\t1," + "9" * 40 + "\n", 'item "En" 2021=1', "gives 2022: 1,9999"),
    ("Tiltak (1000 kr)\t2021\t2022\nEn\t1000\t0,000001\n", 'item "En" 2021=1000', "gives 2022: 0,000001: no amount"),
])
def test_a_figure_no_amount_can_hold_is_left_for_review(cli, document, written, note):
    """Figures of more than 15 digits before the point or 8 after it (in millions), in prose, a heading or a
    table, made a draft that did not parse ("This is a bug", exit 2), or were rounded (1,99...9 written 2)."""
    done = cli("import", "-", input="Budsjett\nForslag 2021-2024\n\nDrift\n\n" + document)
    assert done.returncode == 0, done.stderr
    assert written in [" ".join(line.split()) for line in done.stdout.splitlines()]
    assert note in done.stdout and "not placed" in done.stdout
    assert "not an amount" in done.stderr
    assert not parse(done.stdout).problems


def test_an_existing_file_is_not_written_over(cli, tmp_path):
    target = tmp_path / "proposal.budsjett"
    target.write_text("# hand-written\n", encoding="utf-8")
    done = cli("import", str(SEED), "-o", str(target))
    assert done.returncode == 2
    assert done.stderr == (f"budsjett-lint: error: {target}: exists; the draft is not written over it "
                           "(use --force to replace it)\n")
    assert target.read_text(encoding="utf-8") == "# hand-written\n"
    assert cli("import", str(SEED), "-o", str(target), "--force").returncode == 0
    assert target.read_text(encoding="utf-8").startswith('budget "Trondheimsbudsjettet"')


def test_a_missing_document_and_one_that_is_not_utf8(cli, tmp_path):
    done = cli("import", str(tmp_path / "nowhere.txt"))
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"budsjett-lint: error: {tmp_path / 'nowhere.txt'}: No such file or directory\n"
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Budsjett\nTiltak for b\xf8rn\n".encode("latin-1"))
    done = cli("import", str(latin))
    assert done.returncode == 2 and done.stdout == ""
    first, second = done.stderr.splitlines()
    assert first.startswith(f"{latin}:2:13: SYN007 ")
    assert second == f"budsjett-lint: error: {latin}: not read; save it as UTF-8 text"


def test_a_word_document_with_heading_amount_prose_and_a_table(cli, tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading("Bodøbudsjettet", level=0)
    document.add_paragraph("Forslag til budsjett 2021 og økonomiplan 2021-2024")
    document.add_heading("Oppvekst", level=1)
    document.add_paragraph("Barna først.")
    document.add_heading("Flere helsesykepleiere\t2 millioner", level=2)
    document.add_paragraph("Vi setter av 2 millioner i 2021 økende til 4 millioner i 2022.")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Leksehjelp"
    table.rows[0].cells[1].text = "0,5 millioner"
    document.add_paragraph("Leksehjelp for alle fra 2022.")
    years = document.add_table(rows=2, cols=5)  # a table of figures per year, in millions
    for cell, text in zip(years.rows[0].cells, ["", "2021", "2022", "2023", "2024"]):
        cell.text = text
    for cell, text in zip(years.rows[1].cells, ["Flere helsesykepleiere", "2", "4", "4", "4,5"]):
        cell.text = text
    document.add_heading("Verbale føringer - Oppvekst", level=1)
    document.add_heading("Skolemat", level=2)
    document.add_paragraph("Kommunedirektøren bes utrede skolemat.")
    path = tmp_path / "forslag.docx"
    document.save(path)

    done = cli("import", str(path))
    assert done.returncode == 0, done.stderr
    budget = parse(done.stdout).budget
    assert not parse(done.stdout).problems
    assert (budget.header.name.text, budget.period) == ("Bodøbudsjettet", (2021, 2024))
    entries = {e.name.text: e for e in budget.entries}
    assert entries["Flere helsesykepleiere"].by_year == {2021: 2, 2022: 4, 2023: 4, 2024: Decimal("4.5")}
    assert entries["Flere helsesykepleiere"].heading.value == 2
    assert entries["Flere helsesykepleiere"].sector.id == "oppvekst"
    assert entries["Leksehjelp"].heading.value == pytest.approx(0.5)
    assert entries["Leksehjelp"].prose.text == "Leksehjelp for alle fra 2022."
    assert [(d.name.text, d.cost) for d in budget.directives] == [("Skolemat", "none")]
    assert "2 entries, 0 coverage lines, 1 directive," in done.stderr


def _thousands_document(tmp_path: Path, says: str | None, name: str = "tusen.docx") -> Path:
    """A real .docx of a proposal whose figures are printed in thousands of kroner: a heading with a
    bare figure, prose with bare figures before years, a table of figures per year and its sum.
    `says` is where the document says so: a paragraph of its own, a table's caption, or nowhere."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading("Budsjettforslag fra Høyre", level=0)
    document.add_paragraph("Budsjett 2024 og økonomiplan 2024-2027")
    if says == "paragraph":
        document.add_paragraph("Alle tall i 1000 kr.")
    document.add_heading("Oppvekst", level=1)
    document.add_heading("Drift", level=2)
    document.add_paragraph("Flere lærere\t\t5 650")
    document.add_paragraph("Vi setter av 5 650 i 2024, økende til 11 300 i 2025.")
    document.add_paragraph("Ny skolefritidsordning\t\t1 500")
    document.add_paragraph("Tilbudet starter høsten 2024.")
    document.add_heading("Inndekning", level=2)
    document.add_paragraph("Redusert innleie")
    document.add_paragraph("Innleie av konsulenter reduseres.")
    if says == "caption":
        document.add_paragraph("Tabell 1: Endringer drift (i hele tusen kroner)")
    years = document.add_table(rows=5, cols=5)
    rows = [["Tiltak", "2024", "2025", "2026", "2027"],
            ["Flere lærere", "5 650", "11 300", "11 300", "11 300"],
            ["Ny skolefritidsordning", "1 500", "3 000", "3 000", "3 000"],
            ["Redusert innleie", "7 150", "14 300", "14 300", "14 300"],
            ["Sum drift", "7 150", "14 300", "14 300", "14 300"]]
    for row, cells in zip(years.rows, rows):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    path = tmp_path / name
    document.save(path)
    return path


@pytest.mark.parametrize("says", ["paragraph", "caption"])
def test_a_word_document_in_thousands_is_imported_in_unit_tusen_with_its_figures_as_printed(cli, tmp_path, says):
    path = _thousands_document(tmp_path, says)
    done = cli("import", str(path))
    assert done.returncode == 0, done.stderr
    result = parse(done.stdout)
    assert not result.problems
    budget = result.budget
    assert budget.header.unit == "tusen"
    # A Word document's blank paragraph between the name and the title does not lose the title.
    assert (budget.header.title.text, budget.period) == ("Budsjett 2024 og økonomiplan 2024-2027", (2024, 2027))
    assert "no plan period found" not in done.stdout
    # The figures as printed: 5 650 is written 5650 (thousands), never converted to 5.65 nor misread.
    assert 'item "Flere lærere"           oppvekst 2024=5650 2025..2027=11300' in done.stdout
    assert "heading 5650 ramp" in done.stdout
    assert 'item "Ny skolefritidsordning" oppvekst 2024=1500 2025..2027=3000' in done.stdout
    entries = {e.name.text: e for e in budget.entries}
    assert sorted(entries) == ["Flere lærere", "Ny skolefritidsordning", "Redusert innleie"]  # not the caption
    assert entries["Flere lærere"].by_year == {2024: Decimal("5.65"), 2025: Decimal("11.3"),
                                               2026: Decimal("11.3"), 2027: Decimal("11.3")}
    assert entries["Ny skolefritidsordning"].heading.value == Decimal("1.5")
    assert (entries["Redusert innleie"].kind, entries["Redusert innleie"].by_year[2024]) == ("cover", Decimal("7.15"))
    assert "# REVIEW: the document says" in done.stdout and "`unit tusen`" in done.stdout
    assert "1 unit" in done.stderr
    # The draft reads its own text in thousands: the prose agrees with the amounts, and the plan balances.
    draft = tmp_path / "draft.budsjett"
    draft.write_text(done.stdout, encoding="utf-8")
    checked = cli("check", str(draft), "--format", "json")
    found = {d["code"] for d in __import__("json").loads(checked.stdout)}
    assert not found & {"TXT001", "TXT002", "BAL001", "STR011"}, checked.stdout


def test_a_word_document_that_does_not_say_thousands_is_read_in_millions(cli, tmp_path):
    """Near miss: the same document without its "tall i 1000 kr" is not in thousands: the heading's bare 5 650
    is no amount (it stays in the name for review) and the table's figures are millions as printed."""
    path = _thousands_document(tmp_path, None)
    done = cli("import", str(path))
    assert done.returncode == 0, done.stderr
    budget = parse(done.stdout).budget
    assert budget.header.unit == "mill"
    assert "unit tusen" not in done.stdout and "`unit tusen`" not in done.stdout


def test_a_document_with_one_amount_in_thousands_is_not_in_thousands():
    """Near miss: "100 (1000 kr)" is one amount in thousands, not the document's unit."""
    from budsjett_lint.checker.importer.draft import blocks_from_text, import_blocks

    draft = import_blocks(blocks_from_text("Budsjett\nForslag 2021-2024\n\nDrift\n\nTiltak    1 million\n"
                                           "Vi setter av 100 (1000 kr) i 2021.\n"))
    assert "unit" not in draft.text
    assert 'item "Tiltak" 2021=100 000 kr' in draft.text


def test_a_word_document_without_python_docx(tmp_path, monkeypatch, capsys):
    path = tmp_path / "forslag.docx"
    path.write_bytes(b"PK\x03\x04 not really")
    monkeypatch.setitem(__import__("sys").modules, "docx", None)  # as if python-docx were not installed
    assert command_line.main(["import", str(path)]) == 2
    assert capsys.readouterr().err == (
        f"budsjett-lint: error: {path}: reading a Word document needs python-docx: "
        "pip install 'budsjett-lint[import]' (or save the document as text)\n")


def test_a_file_that_is_no_word_document(tmp_path, capsys):
    pytest.importorskip("docx")
    path = tmp_path / "forslag.docx"
    path.write_text("plain text, not a zip", encoding="utf-8")
    assert command_line.main(["import", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"budsjett-lint: error: {path}: not a Word document (.docx) that can be read: ")


def test_a_folder_is_no_output_file(cli, tmp_path):
    done = cli("import", str(SEED), "-o", str(tmp_path))
    assert (done.returncode, done.stderr) == (2, f"budsjett-lint: error: {tmp_path}: is a folder; "
                                                 "give the name of the file to write\n")


# -- Word documents that are bombs ------------------------------------------------------------------


def _word_document(tmp_path: Path, body: bytes, name: str = "bomb.docx", extra: dict[str, bytes] | None = None) -> Path:
    """A real .docx (made by python-docx) with its body replaced by `body`, packed as tightly as zip can."""
    import io
    import zipfile

    docx = pytest.importorskip("docx")
    made = io.BytesIO()
    docx.Document().save(made)
    source = zipfile.ZipFile(made)
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.partition(b"<w:body>")[0] + b"<w:body>" + body + b"</w:body></w:document>"
            out.writestr(info.filename, data)
        for member, data in (extra or {}).items():
            out.writestr(member, data)
    return path


def test_a_paragraph_bomb_is_refused_at_once(cli, tmp_path):
    """Two million empty paragraphs in 50 kB: python-docx took minutes and hundreds of megabytes."""
    path = _word_document(tmp_path, b"<w:p/>" * 2_000_000)
    assert path.stat().st_size < 120_000
    done = cli("import", str(path))
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (f"budsjett-lint: error: {path}: a Word document too large to read: it has 2000000 "
                           "paragraphs and table cells, more than the 50000 a document may have; "
                           "split it, or save it as text\n")


def test_a_text_node_bomb_is_refused_before_it_is_unpacked(cli, tmp_path):
    path = _word_document(tmp_path, b"<w:p><w:r><w:t>" + b"a" * 60_000_000 + b"</w:t></w:r></w:p>")
    assert path.stat().st_size < 200_000
    done = cli("import", str(path))
    assert done.returncode == 2
    assert done.stderr == (f"budsjett-lint: error: {path}: a Word document too large to read: its text and layout "
                           "(XML) unpack to 60.8 MB, more than the 50 MB a document may have; save it as text\n")


def test_a_document_that_unpacks_to_more_than_the_limit_is_refused(tmp_path, monkeypatch, capsys):
    from budsjett_lint.checker.importer import docx as import_

    path = _word_document(tmp_path, b"<w:p><w:r><w:t>Ja</w:t></w:r></w:p>", extra={"word/media/image1.png": bytes(3_000_000)})
    monkeypatch.setattr(import_, "MAX_DOCX_UNCOMPRESSED", 2_000_000)
    assert command_line.main(["import", str(path)]) == 2
    assert "a Word document too large to read: it unpacks to 3.8 MB, more than the 2 MB" in capsys.readouterr().err


def test_a_long_document_with_styles_imports_in_reasonable_time(cli, tmp_path):
    """Headings are told by a style table made once: 20 000 paragraphs took python-docx's own style lookup 80 s."""
    plain = b"<w:p><w:r><w:t>Tekst.</w:t></w:r></w:p>"
    heading = b'<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Oppvekst</w:t></w:r></w:p>'
    path = _word_document(tmp_path, plain + heading + plain * 20_000)
    done = cli("import", str(path))
    assert done.returncode == 0, done.stderr
    assert 'section "Oppvekst" oppvekst' in done.stdout, "the heading style was read"


def test_a_word_document_with_amounts_in_its_headings_and_an_area_of_its_own(cli, tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading("Bodøbudsjettet", level=0)
    document.add_paragraph("Alternativt budsjett 2024 og økonomiplan 2024-2027")
    document.add_heading("Oppvekst", level=1)
    document.add_heading("Flere lærere 3,5 mill", level=2)
    document.add_paragraph("Flere lærere gir mindre klasser.")
    document.add_heading("Skolemat", level=2)
    document.add_paragraph("Skolemat for alle: 2024: 4, 2025: 6 mill.")
    document.add_heading("Tekniske tjenester", level=1)
    document.add_heading("Hjemmetjenesten", level=2)
    document.add_paragraph("Vi styrker hjemmetjenesten med 2 millioner i 2024.")
    document.add_heading("Demens", level=2)
    document.add_paragraph("2024: 1, 2025: 2 mill til dagtilbud.")
    table = document.add_table(rows=4, cols=3)
    for row, texts in zip(table.rows, [["Tiltak", "2024", "2025"], ["Hjemmetjenesten", "2", "2"],
                                       ["Demens", "1", "2"], ["Sum", "3", "5"]]):
        for cell, text in zip(row.cells, texts):
            cell.text = text
    document.add_heading("Inndekning", level=1)
    document.add_heading("Konsulenter 5 mill", level=2)
    path = tmp_path / "bodø.docx"
    document.save(path)

    done = cli("import", str(path), "-o", str(tmp_path / "draft.budsjett"))
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "draft.budsjett").read_text(encoding="utf-8")
    budget = parse(text).budget
    got = {e.name.text: (e.kind, e.sector.id if e.sector else None, e.by_year) for e in budget.entries}
    assert got == {
        "Flere lærere": ("item", "oppvekst", {2024: Decimal("3.5")}),
        "Skolemat": ("item", "oppvekst", {2024: 4, 2025: 6}),
        "Hjemmetjenesten": ("item", "tekniske-tjenester", {2024: 2, 2025: 2}),
        "Demens": ("item", "tekniske-tjenester", {2024: 1, 2025: 2}),
        "Konsulenter": ("cover", None, {2024: 5}),
    }
    assert [s.name.text for s in budget.sums] == ["Sum"]
    assert "# REVIEW: the rows of the table \"Tekniske tjenester\" add up to 4 for 2025, its row \"Sum\" prints 5" in text
    assert "13 figures read: 13 placed, 0 marked for review; 1 sum checked against its rows." in done.stderr
    checked = cli(str(tmp_path / "draft.budsjett"))
    assert "STR013" in checked.stdout and "`Sum` prints 5.0 mill for 2025" in checked.stdout


@pytest.mark.parametrize(("lines", "title", "note"), [
    (["Budsjett 2024, økonomiplan 2024-2027."], "Budsjett 2024, økonomiplan 2024-2027", None),
    (["Dette er vårt forslag.", "Økonomiplan 2024-2027"], None,
     '# REVIEW: the plan period read from "Økonomiplan 2024-2027", not the title'),
])
def test_the_title_and_period_of_a_word_document_in_other_layouts(tmp_path, lines, title, note):
    docx = pytest.importorskip("docx")
    from budsjett_lint.checker.importer.docx import blocks_from_docx
    from budsjett_lint.checker.importer.draft import import_blocks

    document = docx.Document()
    document.add_heading("Moldebudsjettet", level=0)
    for line in lines:
        document.add_paragraph(line)
    document.add_heading("Oppvekst", level=1)
    path = tmp_path / "molde.docx"
    document.save(path)
    draft = import_blocks(blocks_from_docx(path.read_bytes()))
    budget = parse(draft.text).budget
    assert (budget.header.name.text, budget.period) == ("Moldebudsjettet", (2024, 2027))
    assert (budget.header.title.text if budget.header.title else None) == title
    assert (note in draft.text.splitlines()) if note else not draft.text.startswith("# REVIEW")
