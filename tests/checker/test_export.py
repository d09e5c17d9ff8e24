"""`budsjett-lint export` prints the model in the documented JSON schema."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

CLI = str(Path(sys.executable).with_name("budsjett-lint"))

DOC = '''\
budget "Eksempel"
  period 2020..2023
fund "Disposisjonsfondet" opening 100
item "Toppet bemanning" oppvekst 2020=3.5 2021=7.0 halfyear heading 3.5
cover "Udisponert reserve" ?
allocate "Avsetning til disposisjonsfondet" 2020=14.6 to "Disposisjonsfondet"
loan "Reduserte låneopptak" ? total -365 frees
offset "Toppet bemanning" <-> "Redusert vikarinnleie barnehage"
cover "Redusert vikarinnleie barnehage" oppvekst 2020=? 2021=?
directive "Bystyresekretariatet" finans cost ?
directive "Trondheim Kino" kultur cost 8
directive "Tegnspråkklubb" kultur cost ? funded-by "Rosten"
'''


def export(tmp_path, text):
    path = tmp_path / "x.budsjett"
    path.write_text(text, encoding="utf-8")
    return subprocess.run([CLI, "export", str(path)], capture_output=True, text=True)


def test_export_schema(tmp_path):
    proc = export(tmp_path, DOC)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["name"] == "Eksempel" and data["period"] == [2020, 2023] and data["unit"] == "mill"
    assert {"id": "oppvekst", "name": "Oppvekst"} in data["sectors"]
    for e in data["entries"]:
        assert set(e) >= {"kind", "name", "sector", "amounts", "unquantified", "line", "attributes"}
        assert e["kind"] in ("item", "invest", "cover", "fund", "loan")
        assert isinstance(e["line"], int) and e["line"] >= 1
    by_name = {e["name"]: e for e in data["entries"]}
    assert by_name["Toppet bemanning"]["amounts"] == {"2020": 3.5, "2021": 7.0}
    assert by_name["Toppet bemanning"]["attributes"] == {"heading": 3.5, "halfyear": True}
    assert by_name["Toppet bemanning"]["unquantified"] is False and by_name["Toppet bemanning"]["line"] == 4
    assert by_name["Udisponert reserve"]["unquantified"] is True
    assert by_name["Redusert vikarinnleie barnehage"]["amounts"] == {"2020": None, "2021": None}
    assert by_name["Redusert vikarinnleie barnehage"]["unquantified"] is True
    fund = by_name["Avsetning til disposisjonsfondet"]
    assert (fund["kind"], fund["direction"], fund["attributes"]["fund"]) == ("fund", "allocate", "Disposisjonsfondet")
    assert "direction" not in by_name["Toppet bemanning"]
    assert by_name["Reduserte låneopptak"]["attributes"] == {"total": -365.0, "frees": True}
    assert data["links"] == [{"kind": "offset", "from": "Toppet bemanning", "to": "Redusert vikarinnleie barnehage",
                              "amounts": {}, "line": 8}]
    costs = {d["name"]: (d["cost"], d["funded_by"], d["sector"]) for d in data["directives"]}
    assert costs == {"Bystyresekretariatet": ("unknown", None, "finans"), "Trondheim Kino": (8.0, None, "kultur"),
                     "Tegnspråkklubb": ("unknown", "Rosten", "kultur")}


def test_export_reports_syntax_errors_and_exports_the_rest(tmp_path):
    proc = export(tmp_path, 'budget "X" period 2020..2021\nitem "A" oppvekst 2020=\nitem "B" oppvekst 2020=1\n')
    assert proc.returncode == 1
    assert "x.budsjett:2:19: SYN003" in proc.stderr
    # A bad amount makes its year unknown; the line is exported with the year as null.
    entries = json.loads(proc.stdout)["entries"]
    assert [(e["name"], e["amounts"]) for e in entries] == [("A", {"2020": None}), ("B", {"2020": 1.0})]


def test_export_of_a_missing_file_is_an_io_error(tmp_path):
    proc = subprocess.run([CLI, "export", str(tmp_path / "nope.budsjett")], capture_output=True, text=True)
    assert proc.returncode == 2 and "nope.budsjett" in proc.stderr and "Traceback" not in proc.stderr


def test_export_keeps_the_configured_file_size_limit_as_every_command_does(tmp_path):
    (tmp_path / ".budsjett-lint.yaml").write_text("max-file-size: 100\n", encoding="utf-8")
    proc = export(tmp_path, DOC)
    assert proc.returncode == 2 and proc.stdout == ""
    assert "x.budsjett" in proc.stderr and "100" in proc.stderr
    small = tmp_path / "other.yaml"
    small.write_text("max-file-size: 1000000\n", encoding="utf-8")
    path = tmp_path / "x.budsjett"
    named = subprocess.run([CLI, "export", str(path), "--config", str(small)], capture_output=True, text=True)
    assert named.returncode == 0, named.stderr
    assert json.loads(named.stdout)["name"] == "Eksempel"


def test_export_reports_syntax_problems_as_file_line_column_code(tmp_path):
    proc = export(tmp_path, DOC + 'item "Broken" oppvekst 2020=\n')
    assert proc.returncode == 1
    assert proc.stderr == f"{tmp_path / 'x.budsjett'}:13:24: SYN003 the amount is missing\n"
