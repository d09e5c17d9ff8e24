"""Charts as Mermaid `xychart-beta` blocks, for Markdown: GitHub and GitLab draw a ```mermaid block in a
comment or a file, so a pull-request comment shows the picture beside its tables.

Mermaid draws a bar from the bottom of the y axis, not from zero, and draws the bars of several series at
one place over each other (a zero among them still shows as a sliver). So a chart here has at most one bar
series, of values not below zero, on an axis that starts at 0; what can be negative, or is a second series,
is drawn as a line. Mermaid's chart has no legend: the caller says in text which colour is which. No name
from a budget goes into a chart, only years and fixed words, so nothing in it needs escaping.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Sequence

from ...rules.base import fmt

Series = tuple[str, Sequence[Decimal]]  # (colour, a value per label)


def xy_chart(title: str, description: str, labels: Sequence[str], bar: Series | None = None,
             lines: Sequence[Series] = ()) -> str:
    """A ```mermaid block: at most one bar series (no value below zero) and any number of lines, each with
    a value per label; `title` is drawn above the chart, `description` is its text alternative."""
    series = ([bar] if bar else []) + list(lines)
    if not series or any(len(values) != len(labels) for _, values in series):
        raise ValueError("a chart has a series, and each series a value per label")
    if bar and any(v < 0 for v in bar[1]):
        raise ValueError("a bar is a size from zero: no value below zero")
    for text in (title, description, *labels):
        if '"' in text or "\n" in text:
            raise ValueError(f"a chart's words hold no quote or line break: {text!r}")
    values = [v for _, vs in series for v in vs]
    low, high = min(values + [Decimal(0)]), max(values + [Decimal(0)])
    palette = ", ".join(colour for colour, _ in series)
    out = [
        "```mermaid",
        '%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "' + palette + '"}}}}%%',
        "xychart-beta",
        f"    accTitle: {title}",
        f"    accDescr: {description}",
        f'    title "{title}"',
        "    x-axis [" + ", ".join(f'"{label}"' for label in labels) + "]",
        f'    y-axis "mill NOK" {"-" + _round_up(-low) if low < 0 else "0"} --> {_round_up(high)}',
        *([f"    bar [{', '.join(fmt(v) for v in bar[1])}]"] if bar else []),
        *(f"    line [{', '.join(fmt(v) for v in vs)}]" for _, vs in lines),
        "```",
    ]
    return "\n".join(out) + "\n"


def _round_up(highest: Decimal) -> str:
    """An end of the y axis: the value rounded up to a round number (120 for 104.9), at least 1."""
    if highest <= 0:
        return "1"
    power = Decimal(10) ** math.floor(math.log10(highest))
    top = next(m * power for m in map(Decimal, ("1", "1.2", "1.5", "2", "2.5", "3", "4", "5", "6", "8", "10"))
               if m * power >= highest)
    return f"{top.normalize():f}"
