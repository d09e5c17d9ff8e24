"""The hover texts on keywords are what docs/language.md says, and every keyword has one."""

from __future__ import annotations

from pathlib import Path

from budsjett_lint.checker.editor import reference
from budsjett_lint.checker.editor._reference import REFERENCE
from budsjett_lint.checker.editor.editor import keyword_hover
from budsjett_lint.checker.editor.lexer import KEYWORDS, VALUE_WORDS

PAGE = Path(__file__).resolve().parents[2] / "docs" / "language.md"
WORDS = KEYWORDS | frozenset(VALUE_WORDS)


def test_the_shipped_texts_are_those_of_the_page():
    built = reference.build(PAGE.read_text(encoding="utf-8"), WORDS)
    assert reference.module_text(built) == Path(reference.__file__).with_name("_reference.py").read_text(
        encoding="utf-8"), "run: python -m budsjett_lint.checker.editor.reference docs/language.md"


def test_the_page_documents_every_keyword():
    assert sorted(WORDS - set(REFERENCE)) == []


def test_what_the_page_says_of_a_keyword():
    page = """# The language
## Entries
| kind | what it is | side |
| --- | --- | --- |
| `item` | operating spend | spending |

`budget` names the proposal. Other words. A `fund` declares a fund.

```budsjett
item "Not read" oppvekst 2020=1
```

- `offset "A" <-> "B"`: the saving is caused by the measure.

## The model as JSON

`budget` is the JSON's header.
"""
    built = reference.build(page, frozenset({"item", "budget", "fund", "offset", "draw"}))
    assert built == {
        "budget": "`budget` names the proposal. *(Entries)*",
        "fund": "A `fund` declares a fund. *(Entries)*",
        "item": "`item` — operating spend; side: spending *(Entries)*",
        "offset": '`offset "A" <-> "B"`: the saving is caused by the measure. *(Entries)*',
    }


def test_hover_only_on_keywords():
    text = 'budget "A" period 2020..2021\nitem "ramp" oppvekst 2020=1 ramp\n  text """item ramp"""\n'
    at = text.index(" ramp\n") + 2
    start, end, shown = keyword_hover(text, at)
    assert text[start:end] == "ramp" and shown.startswith("**ramp**\n\n") and "opptrapping" in shown
    assert keyword_hover(text, text.index('"ramp"') + 2) is None  # a name
    assert keyword_hover(text, text.index("item ramp") + 1) is None  # prose
    assert keyword_hover(text, text.index("oppvekst") + 1) is None  # an area
