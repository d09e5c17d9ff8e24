"""The STR and BAL rules on a sample of the real document, Trondheimsbudsjettet 2020.

The sample encodes a few operating items and investments and the coverage
section ("Inndekning") as the document gives them: many coverage lines have
no figure, and borrowing is reduced by 365 million in total with no figure
per year. Each finding below is true by a reading of the document's text.
"""

from __future__ import annotations

from collections import Counter

from tests.helpers import lint

SAMPLE = '''\
budget "Trondheimsbudsjettet"
  title "De rødgrønnes forslag til budsjett 2020 og økonomiplan 2020-2023"
  period 2020..2023
  base "Kommunedirektørens forslag til budsjett 2020 og økonomiplan 2020-2023"

fund "Disposisjonsfondet"

section "Oppvekst" oppvekst
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7.0
  heading 3.5 halfyear trial evaluate 2021-07
item "Skolehelsetjenesten" oppvekst 2020=2.6 2021=5.1 heading 2.6 ramp
invest "Skolebygg" oppvekst 2022=? 2023=?

section "Helse og eldre" helse
item "Kompetanseløft fastleger" helse 2020..2021=10 heading 10

section "Miljø og næring" miljø
invest "Utskifting av tunge kjøretøy" miljø 2021=2.5 2022..2023=5

section "Inndekning"
cover "Udisponert reserve" finans ?
cover "Redusert vikarinnleie barnehage" oppvekst 2020=? 2021=?
offset "Toppet bemanning i barnehage" <-> "Redusert vikarinnleie barnehage"
draw "Østmarka drift" ? from "Disposisjonsfondet"
cover "Innkjøp" 2020=15 2021..2022=? 2023=25 ramp
cover "Innleie av arbeidskraft" 2020=5 2021..2022=? 2023=?
draw "Fastlegetilskudd fra disposisjonsfondet" 2020=? 2021=? from "Disposisjonsfondet"
cover "Effektivisering" 2021=5 2022=? 2023=10 ramp exempt oppvekst helse
allocate "Avsetning til disposisjonsfondet" 2020=14.6 to "Disposisjonsfondet"
loan "Reduserte låneopptak" ? total -365 frees
cover "Redusert befolkningsprognoser barnehage" oppvekst 2022=5 2023=10
'''


def test_the_sample_has_no_structural_findings():
    assert not [d for d in lint(SAMPLE) if d.code.startswith(("SYN", "STR"))]


def test_every_year_is_unverifiable_and_the_findings_say_what_is_known():
    found = lint(SAMPLE)
    assert Counter(d.code for d in found if d.code.startswith("BAL")) == {"BAL002": 4, "BAL004": 4}
    bal002 = [d.message for d in found if d.code == "BAL002"]
    # 2020: items 3.5 + 2.6 + 10 and the allocation 14.6; coverage Innkjøp 15 and Innleie 5.
    assert bal002[0] == (
        "2020 cannot be verified: 5 lines without a figure for 2020 (`Fastlegetilskudd fra disposisjonsfondet`, "
        "`Redusert vikarinnleie barnehage`, `Reduserte låneopptak`, `Udisponert reserve` and `Østmarka drift`); "
        "known spending 30.7, coverage 20.0, known gap 10.7 mill")
    # 2023: Innkjøp 25, Effektivisering 10, Redusert befolkningsprognoser 10; no item has a 2023 figure.
    assert bal002[3].endswith("known spending 0.0, coverage 45.0, known surplus 45.0 mill")
    bal004 = [d.message for d in found if d.code == "BAL004"]
    assert bal004[1] == (
        "the investment financing of 2021 cannot be verified: investments rise by 2.5; `Reduserte låneopptak` "
        "reduces borrowing by 365.0 in total over the period, no figure per year; "
        "no draw or coverage is linked to an investment")
