"""Keeping canonical events and story links right when mentions come and go.

When an article is added, corrected or removed, only the part of the store
its mentions touch is merged again: the connected component, in the graph
whose edges join mentions that pass the merge rule, of every mention added
or removed. ``dedup.cluster`` never puts two components in one event, so
re-clustering those components gives exactly what clustering the whole
store would: the store depends only on which articles it holds, not on the
order or the processes that brought them. An event's id comes from its
content (:func:`event_id`: its first report), so the same articles give
the same ids in any store, after any removal and re-ingest; events left
without mentions are deleted, with their links.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import Connection, bindparam, delete, insert, or_, select, update

from . import schema as t
from .canonical import summarize
from .dedup import cluster
from .records import Canonical, StoredMention
from .rows import chunks, load_mentions
from .threads import link

_m1, _m2 = t.mentions.alias("m1"), t.mentions.alias("m2")
# events told in an article that also tells of event :event
_CO_REPORTED = (select(_m2.c.event_id).distinct().join(_m1, _m1.c.article_id == _m2.c.article_id)
                .where(_m1.c.event_id == bindparam("event"), _m2.c.event_id.is_not(None),
                       _m2.c.event_id != bindparam("event")))


def recluster(conn: Connection, scope: dict[str, StoredMention], touched: set[int]) -> None:
    """Merge the mentions of ``scope`` (whole components) into events again.

    ``touched`` are events that lost mentions (deleted with their article):
    they are rewritten even if what is left of them still forms one group.
    """
    current: dict[str, int | None] = {}
    for chunk in chunks(list(scope)):
        q = select(t.mentions.c.id, t.mentions.c.event_id).where(t.mentions.c.id.in_(chunk))
        current.update({mid: eid for mid, eid in conn.execute(q)})
    members: dict[int, set[str]] = defaultdict(set)
    for mid, eid in current.items():
        if eid is not None:
            members[eid].add(mid)
    before = set(members) | touched
    used: set[int] = set()
    changed: dict[int, Canonical] = {}
    for group in cluster(scope.values()):
        ids = {m.id for m in group}
        eid = event_id(group)
        while eid in used or (eid not in before and _taken(conn, eid)):
            eid += 1  # another event has this id (about one in 10^9 at a million events)
        used.add(eid)
        if members.get(eid) == ids and eid not in touched:
            continue  # the same mentions as before: nothing to rewrite
        c = summarize(group)
        _save(conn, eid, c, exists=eid in before and _taken(conn, eid))
        changed[eid] = c
        for chunk in chunks(sorted(ids)):
            conn.execute(update(t.mentions).where(t.mentions.c.id.in_(chunk)).values(event_id=eid))
    gone = sorted(before - used)
    for chunk in chunks(gone):
        conn.execute(delete(t.event_links).where(or_(t.event_links.c.source_id.in_(chunk),
                                                     t.event_links.c.target_id.in_(chunk))))
        conn.execute(delete(t.event_parties).where(t.event_parties.c.event_id.in_(chunk)))
        conn.execute(delete(t.events).where(t.events.c.id.in_(chunk)))
    _relink(conn, changed)


def event_id(group: Iterable[StoredMention]) -> int:
    """The id of the event a group of mentions reports: a 52-bit number (exact in
    JavaScript) from the id of its first report (by publication date, article id, mention
    id), which names the article, the sentence and the type (``merge.mention_id``)."""
    first = min(group, key=lambda m: (m.published or "9999-99-99", m.article_id, m.id))
    return int.from_bytes(hashlib.blake2b(first.id.encode("utf-8"), digest_size=8).digest(), "big") >> 12


def _taken(conn: Connection, eid: int) -> bool:
    return conn.execute(select(t.events.c.id).where(t.events.c.id == eid)).first() is not None


def load_canonical(conn: Connection, event_id: int) -> Canonical | None:
    ms = load_mentions(conn, t.mentions.c.event_id == event_id)
    if not ms:
        return None
    c = summarize(ms)
    c.id = event_id
    return c


def _save(conn: Connection, eid: int, c: Canonical, exists: bool) -> int:
    r = c.record
    loc = r.get("event_loc") or {}
    row = {
        "event_type": c.event_type, "cameo": c.cameo, "quad_code": r.get("quad_code"),
        "event_scale": r.get("event_scale"), "date": c.date.value if c.date else None,
        "date_precision": c.date.precision if c.date else None, "date_lo": c.date_lo,
        "date_hi": c.date_hi, "status": c.status, "factuality": c.factuality,
        "comm_kind": c.comm_kind, "occasion": c.occasion, "loc_country": loc.get("country"),
        "mention_count": len(c.mentions), "report_count": c.report_count,
        "first_reported": c.first.published, "first_article_id": c.first.article_id,
        "confidence": r.get("confidence"),
        "record": json.dumps({k: v for k, v in r.items() if k != "id"}, ensure_ascii=False),
    }
    if not exists:
        conn.execute(insert(t.events).values(id=eid, **row))
    else:
        conn.execute(update(t.events).where(t.events.c.id == eid).values(**row))
        conn.execute(delete(t.event_parties).where(t.event_parties.c.event_id == eid))
    c.id = eid
    rows = [{"event_id": eid, "role": role, "pos": pos, "name": p.name,
             "name_lower": p.name.lower() if p.name else None, "code": p.code, "sector": p.sector,
             "identifier_id": p.identifier_id}
            for role, ps in (("actor", c.actors), ("recipient", c.recipients))
            for pos, p in enumerate(ps)]
    if rows:
        conn.execute(insert(t.event_parties), rows)
    return eid


def _relink(conn: Connection, changed: dict[int, Canonical]) -> None:
    """Recompute the story links of the changed events with every event they share a report with."""
    ids = sorted(changed)
    for chunk in chunks(ids):
        conn.execute(delete(t.event_links).where(or_(t.event_links.c.source_id.in_(chunk),
                                                     t.event_links.c.target_id.in_(chunk))))
    cache: dict[int, Canonical | None] = dict(changed)
    done: set[tuple[int, int]] = set()
    for eid in ids:
        for pid in sorted(conn.execute(_CO_REPORTED, {"event": eid}).scalars()):
            pair = (min(eid, pid), max(eid, pid))
            if pair in done:
                continue
            done.add(pair)
            if pid not in cache:
                cache[pid] = load_canonical(conn, pid)
            other = cache[pid]
            found = link(changed[eid], other) if other is not None else None
            if found is not None:
                src, dst, rel = found
                conn.execute(insert(t.event_links).values(source_id=src.id, target_id=dst.id,
                                                          relation=rel))
