"""A marker's `hint` (rules/_markers.py) only lets by texts its words cannot be found in:
reading a text with the hint gives what reading it without gives, for every marker of
TXT003-TXT007 and of BAL008."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from budsjett_lint.rules._markers import MARKERS, _said
from budsjett_lint.rules._movements import MOVEMENTS

ALL = (*MARKERS.values(), *(m.marker for m in MOVEMENTS))

# Pieces of every word list, and what stands around them in real texts.
PIECES = ("halvårseffekt", "halvårsvirkning", "HALVÅRSDRIFT", "varig", "Varige", "langvarig", "permanenteres",
          "engangsbevilgning", "eingongstilskot", "engangsplast", "prøveprosjekt", "forsøk på", "Forsøksordning",
          "pilot", "opptrapping", "trappes opp", "trappast gradvis opp", "økende til", "aukande til", "ikke",
          "ber", "kommunedirektøren", "bruk av", "disposisjonsfondet", "fondsmidler", "midler fra", "avsetning til",
          "setter av", "tilføres", "premiefond", "låneopptak", "Økte lån", "lånefinansiert", "redusert", "3,5",
          "millioner", "2021", ".", ",", "-", "\n", "-\n   ", "\n\n", " ", "  ", "halv", "års", "effekt", "fond",
          "lån", "opp", "trapp", "ing")


def _same(text: str) -> None:
    for marker in ALL:
        assert marker.hint is not None, marker.attribute
        assert list(_said(text, marker)) == list(_said(text, marker._replace(hint=None))), (marker.attribute, text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14).map("".join))
def test_a_hint_never_hides_the_words(text):
    _same(text)


@given(st.text(alphabet="aehvlrsåøfondtpgi -\n.", max_size=40))
def test_a_hint_never_hides_the_words_in_any_spelling(text):
    _same(text)


def test_the_hint_lets_by_a_text_without_the_words_and_reads_one_with_them():
    ramp = MARKERS["ramp"]
    assert ramp.hint is not None and not ramp.hint.search("Styrking av skolehelsetjenesten")
    assert [w for _, _, w in _said("Tilskuddet trappes opp", ramp)] == ["trappes opp"]
    halfyear = MARKERS["halfyear"]  # a hyphenated line end joined: the hint is not asked
    assert halfyear.hint is not None and not halfyear.hint.search("med halv-\n  årseffekt i 2020")
    assert [w for _, _, w in _said("med halv-\n  årseffekt i 2020", halfyear)] == ["halvårseffekt"]


def test_the_rules_pass_over_no_text_that_a_hint_finds():
    """The five marker rules, and BAL008 for its movements, read only texts where `may_hold_words` finds a hint, in casefolded text:
    so it must find every writing of a hint that the hint itself (`re.I`) finds, each letter
    written as any character that `re.I` takes for it (Kelvin sign, long s, dotless i, ...)."""
    import re

    from budsjett_lint.rules._markers import any_hint, may_hold_words
    from budsjett_lint.rules._movements import MOVEMENTS

    movements = [m.marker for m in MOVEMENTS]
    pieces = [p for m in (*MARKERS.values(), *movements) for p in m.hint.pattern.split("|")]
    letters = set("".join(pieces))
    every = "".join(chr(cp) for cp in range(0x110000) if not 0xD800 <= cp < 0xE000)
    alike = {c: re.findall(re.escape(c), every, re.I) for c in letters}
    assert "\u212a" in alike["k"] and "\u017f" in alike["s"] and "\u0131" in alike["i"]
    for piece in pieces:
        for i, letter in enumerate(piece):
            for other in alike[letter]:
                text = f"Vi gir {piece[:i]}{other}{piece[i + 1:]} til alle"
                found = [m for m in (*MARKERS.values(), *movements) if m.hint.search(text)]
                assert found
                assert may_hold_words(text, any_hint(found)), text
                assert may_hold_words(text, any_hint(MARKERS.values())) or \
                    may_hold_words(text, any_hint(movements)), text
    assert not may_hold_words("Flere lærere i skolen") and may_hold_words("halv-\n årseffekt")
