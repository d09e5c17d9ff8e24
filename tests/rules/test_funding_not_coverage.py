"""FUN003: funding that names a line that does not exist or is not coverage."""

from __future__ import annotations


from tests.helpers import lint, triples

HEAD = 'budget "Trondheimsbudsjettet" period 2020..2023\n'
ROSTEN = 'pot "Tilbudet som ble avviklet på Rosten" kultur\n'


def fun003(text: str):
    return [d for d in lint(HEAD + text) if d.code == "FUN003"]


def test_a_misspelt_funded_by_fires_with_a_suggestion():
    text = HEAD + ROSTEN + (
        'directive "Tegnspråkklubb hørselshemmede" kultur cost ? funded-by "Tilbudet som ble avvikla på Rosten"\n')
    assert triples(text, "FUN003") == [(3, 67, "FUN003")]
    (d,) = fun003(text[len(HEAD):])
    assert d.message == ("`funded-by` names `Tilbudet som ble avvikla på Rosten`, which is no entry or pot; "
                         "did you mean `Tilbudet som ble avviklet på Rosten`?")
    assert d.hint == 'write "Tilbudet som ble avviklet på Rosten"'


def test_an_unknown_name_with_nothing_close_gets_no_suggestion():
    (d,) = fun003(ROSTEN + 'directive "Fritidsverter" kultur cost ? funded-by "Idrettens integreringsmidler"\n')
    assert "did you mean" not in d.message


def test_suggestions_are_only_for_names_that_could_pay():
    # The item is closer than the pot, but an item cannot fund anything.
    text = 'item "Kulturskolen" oppvekst 2020=1\npot "Kulturskolepotten" oppvekst\n'
    (d,) = fun003(text + 'directive "Utvidet tilbud" oppvekst cost ? funded-by "Kulturskolen2"\n')
    assert d.message.endswith("did you mean `Kulturskolepotten`?")


def test_a_name_misspelt_many_times_is_guessed_once_and_suggested_at_each(monkeypatch):
    from budsjett_lint.rules import _names

    compared = []
    close_matches = _names.close_matches
    monkeypatch.setattr(_names, "close_matches", lambda word, candidates, **kw: compared.append(word)
                        or close_matches(word, candidates, **kw))
    text = ROSTEN + "".join(
        f'directive "Føring {i}" kultur cost ? funded-by "Tilbudet som ble avvikla på Rosten"\n' for i in range(30))
    found = fun003(text)
    assert len(found) == 30
    assert all(d.message.endswith("did you mean `Tilbudet som ble avviklet på Rosten`?") for d in found)
    assert len(compared) == 1


def test_funded_by_coverage_a_draw_or_a_pot_is_silent():
    text = (
        ROSTEN
        + 'fund "Disposisjonsfondet"\n'
        + 'cover "Innkjøp" 2020=15\n'
        + 'draw "Fastlegetilskudd fra disposisjonsfondet" 2020=? from "Disposisjonsfondet"\n'
        + 'directive "A" kultur cost ? funded-by "Tilbudet som ble avviklet på Rosten"\n'
        + 'directive "B" kultur cost ? funded-by "Innkjøp"\n'
        + 'directive "C" kultur cost ? funded-by "Fastlegetilskudd fra disposisjonsfondet"\n'
    )
    assert fun003(text) == []


def test_funded_by_an_item_fires_and_points_at_the_item():
    text = 'item "Ung i jobb" finans 2020..2023=400 000 kr\n' + (
        'directive "Sommerjobb" finans cost ? funded-by "Ung i jobb"\n')
    (d,) = fun003(text)
    assert d.message == "`funded-by` names `Ung i jobb`, an item (operating spending), not coverage"
    assert (d.span.line, d.span.column) == (3, 48)
    assert [(r.span.line, r.span.column, r.note) for r in d.related] == [(2, 6, "`Ung i jobb` is defined here")]


def test_funded_by_a_fund_asks_for_a_draw_line():
    (d,) = fun003('fund "Disposisjonsfondet"\n'
                  'directive "Helsestasjon for ungdom" oppvekst cost ? funded-by "Disposisjonsfondet"\n')
    assert "a fund, which pays only through a `draw` line" in d.message
    assert 'draw "..." from "Disposisjonsfondet"' in d.hint


def test_funded_by_a_directive_or_a_loan_fires():
    text = (
        'directive "Tillitsreform" finans cost none\n'
        'loan "Reduserte låneopptak" ? total -365 frees\n'
        'directive "A" finans cost ? funded-by "Tillitsreform"\n'
        'directive "B" finans cost ? funded-by "Reduserte låneopptak"\n'
    )
    messages = [d.message for d in fun003(text)]
    # the directive funded by borrowing is one finding, BAL003's (borrowing used for operations)
    assert messages == ["`funded-by` names `Tillitsreform`, a directive, not coverage"]
    assert [d.code for d in lint(HEAD + text) if d.code in ("BAL003", "FUN003") and "Reduserte" in d.message] == ["BAL003"]


def test_a_funds_link_from_an_item_fires_at_its_source():
    text = 'item "Veteranhus" finans 2020=400 000 kr\ncover "Reformstøtte" ?\nfunds "Veteranhus" -> "Reformstøtte"\n'
    (d,) = fun003(text)
    assert d.message == ("this `funds` link takes its money from `Veteranhus`, "
                         "an item (operating spending), not coverage")
    assert (d.span.line, d.span.column) == (4, 7)


def test_a_funds_link_from_coverage_a_draw_or_a_pot_is_silent():
    text = (
        ROSTEN
        + 'fund "Disposisjonsfondet"\n'
        + 'item "Veteranhus" finans 2020=0.4\n'
        + 'cover "Reformstøtte" ?\n'
        + 'draw "Bruk av fond" 2020=1 from "Disposisjonsfondet"\n'
        + 'funds "Reformstøtte" -> "Veteranhus" 2020=0.4\n'
        + 'funds "Bruk av fond" -> "Veteranhus"\n'
        + 'funds "Tilbudet som ble avviklet på Rosten" -> "Veteranhus"\n'
    )
    assert fun003(text) == []


def test_a_funds_link_from_a_name_that_does_not_exist_is_left_to_lnk001():
    assert fun003('item "Veteranhus" finans 2020=0.4\nfunds "Reformstøtten" -> "Veteranhus"\n') == []


def test_borrowing_may_fund_an_investment_but_not_operations():
    text = (
        'loan "Låneopptak skolebygg" 2022..2023=?\n'
        'invest "Skolebygg" oppvekst 2022..2023=?\n'
        'item "Drift skolebygg" oppvekst 2023=1\n'
        'funds "Låneopptak skolebygg" -> "Skolebygg"\n'
        'funds "Låneopptak skolebygg" -> "Drift skolebygg"\n'
    )
    assert fun003(text) == []  # the loan that pays for operations is BAL003's finding, said once
    assert [(d.code, d.span.line) for d in lint(HEAD + text) if d.code in ("BAL003", "FUN003")] == [("BAL003", 6)]


def test_reallocations_may_move_money_from_any_line():
    assert fun003('item "A" oppvekst 2020=1\nitem "B" oppvekst 2020=1\nreallocate "A" -> "B"\n') == []
