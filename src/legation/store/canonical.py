"""The canonical event of a group of mentions, and its PLOVER record.

The merged event takes, as the within-document merge does for one article,
the furthest status any report gives, the most certain factuality, and the
best date (a stated date over a publication date, the more precise, the
earlier of two days: ``temporal.better``). Its type, CAMEO code and mode
are those of the report that names the communication most specifically
(else of the most common type); its parties the union of the reports'
parties, a country or group yielding to a named member of it. The record
lists every supporting report with its outlet, publication date and
evidence (sentence, offsets, spans), the mention count and the earliest
report.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from ..records import CERTAINTY_ORDER, STATUS_ORDER
from ..temporal import better
from .dedup import GENERIC_COMM, date_span
from .records import Canonical, Party, Stage, StoredMention


def summarize(mentions: Iterable[StoredMention]) -> Canonical:
    """Merge the mentions of one event (at least one) into its canonical event."""
    ms = sorted(mentions, key=lambda m: m.order)
    if not ms:
        raise ValueError("a canonical event needs at least one mention")
    rep = _representative(ms)
    when = None
    for m in ms:
        when = better(when, m.date)
    lo, hi = date_span(when)
    status = max((m.status for m in ms), key=STATUS_ORDER.index)
    factuality = min((m.factuality for m in ms), key=CERTAINTY_ORDER.index)
    actors = union(p for m in ms for p in m.actors)
    keys = {p.ident.key or p.label() for p in actors}
    recipients = [p for p in union(p for m in ms for p in m.recipients)
                  if (p.ident.key or p.label()) not in keys]
    channel = union(p for m in ms for p in m.channel)
    occasion = next((m.occasion for m in ms if m.occasion), None)
    stages = _stages(ms) if rep.comm_kind else []
    c = Canonical(
        mentions=ms, event_type=rep.event_type, cameo=rep.record.get("cameo"), date=when,
        date_lo=lo, date_hi=hi, status=status, factuality=factuality, comm_kind=rep.comm_kind,
        occasion=occasion, actors=actors, recipients=recipients, channel=channel, stages=stages,
        record={},
    )
    c.record = _record(c, rep)
    return c


def union(parties: Iterable[Party]) -> list[Party]:
    """One party each; a country, group or institution yields to a named member of it."""
    ps = list(parties)
    specific_codes = {p.code for p in ps if not p.generic}
    out: list[Party] = []
    seen: set[str] = set()
    for p in ps:
        if p.generic and p.code in specific_codes:
            continue
        k = p.ident.key or (f"generic:{p.code}:{p.sector}" if p.generic else p.label())
        if k in seen:
            continue
        seen.add(k)
        out.append(p)
    return out


def _representative(ms: list[StoredMention]) -> StoredMention:
    """The report whose type, code and mode the event takes."""
    if ms[0].comm_kind is not None:
        return next((m for m in ms if m.comm_kind and m.comm_kind != GENERIC_COMM), ms[0])
    counts = Counter(m.event_type for m in ms)
    best = max(counts.values())
    return next(m for m in ms if counts[m.event_type] == best)


def _stages(ms: list[StoredMention]) -> list[Stage]:
    """The furthest each report says the communication got, first report of each stage."""
    out: dict[str, Stage] = {}
    for m in ms:
        out.setdefault(m.status, Stage(m.status, m.id, m.article_id, m.published))
    return [out[s] for s in STATUS_ORDER if s in out]


def _record(c: Canonical, rep: StoredMention) -> dict[str, Any]:
    ms = c.mentions
    r = rep.record
    sources: dict[str, dict[str, Any]] = {}
    for m in ms:
        for s in (m.record.get("attribution") or {}).get("sources", []):
            name = s.get("name") or s.get("entity_text") or "?"
            sources.setdefault(name.lower(), {"name": name, "code": s.get("code"),
                                              "sector": s.get("sector"),
                                              "anonymous": bool(s.get("anonymous"))})
    location = next((m.record["event_loc"] for m in ms if m.record.get("event_loc")), None)
    event_text = list(dict.fromkeys(t for m in ms for t in m.record.get("event_text", [])))
    first = c.first
    return {
        "id": c.id,
        "date": c.date.value if c.date else None,
        "date_info": c.date.to_dict() if c.date else None,
        "actor": [p.to_dict() for p in c.actors],
        "recipient": [p.to_dict() for p in c.recipients],
        "event": [c.event_type],
        "mode": list(r.get("mode") or []),
        "context": list(r.get("context") or []),
        "cameo": r.get("cameo"),
        "quad_code": r.get("quad_code"),
        "event_scale": r.get("event_scale"),
        "event_text": event_text,
        "status": c.status,
        "factuality": c.factuality,
        "attribution": {"sources": list(sources.values())},
        "communication": None if c.comm_kind is None else {
            "kind": c.comm_kind, "occasion": c.occasion, "channel": [p.to_dict() for p in c.channel]},
        "event_loc": location,
        "text": first.record.get("text", ""),
        "confidence": max(float(m.record.get("confidence") or 0.0) for m in ms),
        "mention_count": len(ms),
        "report_count": c.report_count,
        "first_reported": {"article_id": first.article_id, "published": first.published,
                           "source": first.outlet},
        "sources": c.outlets,
        "stages": [{"status": s.status, "mention_id": s.mention_id, "article_id": s.article_id,
                    "published": s.published} for s in c.stages],
        "reports": [_report(m) for m in ms],
    }


def _report(m: StoredMention) -> dict[str, Any]:
    r = m.record
    return {
        "mention_id": m.id,
        "article_id": m.article_id,
        "published": m.published,
        "source": m.outlet,
        "url": m.url,
        "attribution": [s.get("name") or s.get("entity_text")
                        for s in (r.get("attribution") or {}).get("sources", [])],
        "date": r.get("date"),
        "status": m.status,
        "factuality": m.factuality,
        "text": r.get("text"),
        "text_info": r.get("text_info"),
        "evidence": r.get("evidence", []),
        "copies": [x.to_dict() for x in m.copies],
    }
