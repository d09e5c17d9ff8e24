"""Money that flows in a circle through `funds` or `reallocate` links.

## What it does
Follows every `funds` and `reallocate` link from the line that pays to the
line that is paid for, and reports each group of lines that money can flow
around and come back to: one finding per group, at its first link, naming
every link in the circle. A link from a line to itself is LNK004's.

## Why
A `funds` link says that one line pays for another; a `reallocate` link
moves money from a pot to a new use. Money that flows back to where it came
from pays for nothing: `A` funds `B` and `B` funds `A` leaves the reader with
no line that brings the money in. Such a circle is usually a link written the
wrong way round.

## Example
```budsjett
budget "Eksempel" period 2020..2021
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7
cover "Innkjøp" 2020=3.5 2021=7
funds "Innkjøp" -> "Toppet bemanning i barnehage"
funds "Toppet bemanning i barnehage" -> "Innkjøp"
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2021
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7
cover "Innkjøp" 2020=3.5 2021=7
funds "Innkjøp" -> "Toppet bemanning i barnehage"
```
"""

from __future__ import annotations

from collections.abc import Iterator

from ..dsl.model import Budget, Link
from .base import Finding, NoOptions, Related

CODE = "LNK005"
NAME = "link-cycle"
SEVERITY = "error"
SUMMARY = "Money that flows in a circle through funds or reallocate links"
Options = NoOptions

_KEYWORD = {"funds": "funds", "reallocates": "reallocate"}


def check(budget: Budget, options: NoOptions) -> Iterator[Finding]:
    links = [link for link in budget.links if link.kind in _KEYWORD and link.source.text != link.target.text]
    graph: dict[str, list[str]] = {}
    for link in links:
        graph.setdefault(link.source.text, []).append(link.target.text)
        graph.setdefault(link.target.text, [])
    group = _components(graph)
    circles: dict[int, list[Link]] = {}
    for link in links:
        g = group[link.source.text]
        if g == group[link.target.text]:
            circles.setdefault(g, []).append(link)
    for members in sorted(circles.values(), key=lambda ls: ls[0].span.start):
        first, *rest = members
        # By name, as every message lists lines, so that the order of the statements does not change it.
        names = sorted({n for link in members for n in (link.source.text, link.target.text)},
                       key=lambda n: (n.casefold(), n))
        shown = ", ".join(f"`{n}`" for n in names)
        yield Finding(
            f"money flows in a circle through {len(members)} links between {shown}",
            first.span,
            "a `funds` or `reallocate` link runs from the line that pays to the line paid for; "
            "remove the link written the wrong way round",
            tuple(Related(link.span, f"`{_KEYWORD[link.kind]}` link in the circle") for link in rest),
        )


def _components(graph: dict[str, list[str]]) -> dict[str, int]:
    """Strongly connected components (Tarjan, without recursion): node -> component number."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    group: dict[str, int] = {}
    counter = 0
    for root in graph:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            successors = graph[node]
            if i < len(successors):
                work.append((node, i + 1))
                nxt = successors[i]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group[member] = index[node]
                    if member == node:
                        break
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return group
