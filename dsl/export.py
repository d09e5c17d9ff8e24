"""The model as plain data, for `budsjett-lint export` and for tools."""

from __future__ import annotations

from decimal import Decimal

from .model import Budget, Entry, Section, Sum


def _num(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _attributes(e: Entry) -> dict:
    attrs: dict = {}
    if e.heading is not None:
        attrs["heading"] = _num(e.heading.value)
    for flag in ("halfyear", "permanent", "oneoff", "trial", "continued", "ramp", "frees"):
        if getattr(e, flag) is not None:
            attrs[flag] = True
    if e.until is not None:
        attrs["until"] = e.until.year
    if e.evaluate is not None:
        ev = e.evaluate
        attrs["evaluate"] = f"{ev.year}-{ev.month:02d}" if ev.month else str(ev.year)
    if e.exempt:
        attrs["exempt"] = [s.id for s in e.exempt]
    if e.total is not None:
        attrs["total"] = _num(e.total.value)
    if e.fund is not None:
        attrs["fund"] = e.fund.text
    if e.prose is not None:
        attrs["text"] = e.prose.text
    return attrs


def to_data(budget: Budget) -> dict:
    header = budget.header
    entries = []
    for e in budget.entries:
        item = {
            "kind": "fund" if e.kind in ("allocate", "draw") else e.kind,
            "name": e.name.text,
            "sector": e.sector.id if e.sector else None,
            "amounts": {str(a.year): _num(a.value) for a in e.amounts},
            "unquantified": e.is_unquantified,
            "line": e.span.line,
            "attributes": _attributes(e),
        }
        if e.direction:
            item["direction"] = e.direction
        entries.append(item)
    directives = []
    for d in budget.directives:
        cost: object = {"none": "none", "unknown": "unknown", None: "unknown"}.get(d.cost)
        if d.cost == "amount" and d.cost_amount is not None:
            cost = float(d.cost_amount.value)
        elif d.cost == "amount":
            cost = sum(float(a.value) for a in d.cost_amounts if a.value is not None)
        directives.append({
            "name": d.name.text,
            "sector": d.sector.id if d.sector else None,
            "cost": cost,
            "funded_by": d.funded_by.text if d.funded_by else None,
            "cost_years": {str(a.year): _num(a.value) for a in d.cost_amounts},
            "line": d.span.line,
            "text": d.prose.text if d.prose else None,
        })
    sums = []
    section: Section | None = None
    for s in budget.statements:
        if isinstance(s, Section):
            section = s
        elif isinstance(s, Sum):
            sums.append({
                "name": s.name.text,
                "kinds": list(s.kinds),
                "section": section.name.text if section is not None and s.plan is None else None,
                "amounts": {str(a.year): _num(a.value) for a in s.amounts},
                "line": s.span.line,
            })
    return {
        "name": header.name.text if header else None,
        "title": header.title.text if header and header.title else None,
        "base": header.base.text if header and header.base else None,
        "period": list(budget.period) if budget.period else None,
        "period_inferred": budget.inferred_period is not None,  # no `period` declared: the years the file names
        "unit": header.unit if header else "mill",
        "amounts_unit": "mill",  # every figure below is in millions of NOK, whatever the file's unit
        "text": header.prose.text if header and header.prose else None,
        "sectors": [{"id": s.id, "name": s.name} for s in budget.sectors.values()],
        "funds": [{"name": f.name.text, "opening": _num(f.opening.value) if f.opening else None, "line": f.span.line}
                  for f in budget.funds],
        "pots": [{"name": p.name.text, "sector": p.sector.id if p.sector else None, "line": p.span.line}
                 for p in budget.pots],
        "sections": [{"name": s.name.text, "sector": s.sector.id if s.sector else None,
                      "text": s.prose.text if s.prose else None, "line": s.span.line}
                     for s in budget.sections],
        "entries": entries,
        "links": [{"kind": ln.kind, "from": ln.source.text, "to": ln.target.text,
                   "amounts": {str(a.year): _num(a.value) for a in ln.amounts}, "line": ln.span.line}
                  for ln in budget.links],
        "directives": directives,
        "sums": sums,
    }
