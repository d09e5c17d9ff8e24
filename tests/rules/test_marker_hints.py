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
