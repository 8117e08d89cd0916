"""Reading the store: filtered canonical events, dyad timelines, explanations, threads.

Every function returns data (records as the export writes them, or typed
rows); the command line only formats it. A party filter value matches a
PLOVER code (``PRK``), a Wikidata id (``Q56226``) or a canonical name
(``Kim Jong Un``, any case).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, exists, false, func, or_, select

from . import schema as t
from .candidates import candidates
from .dedup import Check, compare
from .records import StoredMention
from .rows import load_mentions
from .threads import Link, Step, components, members, order


@dataclass(frozen=True, slots=True)
class Filters:
    """Which canonical events to return; values within one filter are alternatives."""

    actor: Sequence[str] = ()
    recipient: Sequence[str] = ()
    dyad: tuple[str, str] | None = None  # either direction
    country: Sequence[str] = ()  # any party, or where it happened
    event: Sequence[str] = ()
    quad: Sequence[int] = ()
    since: date | None = None
    until: date | None = None
    factuality: Sequence[str] = ()
    status: Sequence[str] = ()
    text: str | None = None  # in the sentence of any report
    limit: int | None = None

    def matches_nothing(self) -> bool:
        """A value holding NUL matches no event: no stored text can hold one (the reader
        removes control characters), and the databases cannot compare with one."""
        values = [*self.actor, *self.recipient, *(self.dyad or ()), *self.country, *self.event,
                  *self.factuality, *self.status, self.text or ""]
        return any("\x00" in v for v in values)


@dataclass(frozen=True, slots=True)
class TimelineRow:
    month: str  # YYYY-MM (YYYY for events dated only to a year)
    events: int
    quads: dict[int, int]  # quad code -> events
    mean_score: float | None
    event_ids: list[int]

    def to_dict(self) -> dict[str, Any]:
        return {"month": self.month, "events": self.events,
                **{f"quad{q}": n for q, n in sorted(self.quads.items())},
                "mean_score": self.mean_score, "event_ids": self.event_ids}


@dataclass(frozen=True, slots=True)
class Pair:
    """One report checked against the event's first report."""

    mention_id: str
    checks: tuple[Check, ...]


@dataclass(frozen=True, slots=True)
class NearMiss:
    """A report of another event that was a merge candidate, and what kept it apart."""

    event_id: int | None
    mention_id: str
    failed: tuple[Check, ...]


@dataclass(frozen=True, slots=True)
class Explanation:
    record: dict[str, Any]
    reports: list[StoredMention]
    pairs: list[Pair]
    near_misses: list[NearMiss]
    thread: list[tuple[Step, dict[str, Any]]]

    def to_dict(self) -> dict[str, Any]:
        first = self.reports[0].id if self.reports else None
        return {
            "event": self.record,
            "merged": [{"mention_id": p.mention_id, "against": first,
                        "checks": [asdict(c) for c in p.checks]} for p in self.pairs],
            "not_merged": [{"mention_id": n.mention_id, "event_id": n.event_id,
                            "failed": [asdict(c) for c in n.failed]} for n in self.near_misses],
            "thread": [{"event_id": s.event_id, "depth": s.depth, "relation": s.relation,
                        "after": s.after} for s, _ in self.thread],
        }


def events(conn: Connection, f: Filters) -> list[dict[str, Any]]:
    """Canonical event records matching ``f``, in date order."""
    if f.matches_nothing():
        return []
    e = t.events.c
    cond: list[ColumnElement[bool]] = []
    if f.actor:
        cond.append(or_(*(_party(v, "actor") for v in f.actor)))
    if f.recipient:
        cond.append(or_(*(_party(v, "recipient") for v in f.recipient)))
    if f.dyad:
        a, b = f.dyad
        cond.append(or_(and_(_party(a, "actor"), _party(b, "recipient")),
                        and_(_party(b, "actor"), _party(a, "recipient"))))
    if f.country:
        cond.append(or_(*(or_(_party(c, None, code_only=True), e.loc_country == c.upper())
                          for c in f.country)))
    if f.event:
        cond.append(e.event_type.in_([x.upper() for x in f.event]))
    if f.quad:
        cond.append(e.quad_code.in_(list(f.quad)))
    if f.since:
        cond.append(e.date_hi >= f.since.isoformat())
    if f.until:
        cond.append(e.date_lo <= f.until.isoformat())
    if f.factuality:
        cond.append(e.factuality.in_(list(f.factuality)))
    if f.status:
        cond.append(e.status.in_(list(f.status)))
    if f.text:
        m = t.mentions.c
        cond.append(exists().where(m.event_id == e.id,
                                   func.lower(m.text).contains(f.text.lower(), autoescape=True)))
    q = select(e.id, e.record).where(*cond).order_by(e.date_lo, e.id)
    if f.limit:
        q = q.limit(f.limit)
    rows = list(conn.execute(q))
    threads = thread_ids(conn)
    return [_record(i, r, threads) for i, r in rows]


def all_events(conn: Connection, batch: int = 1000) -> Iterator[dict[str, Any]]:
    """Every canonical event record, in id order, read in batches."""
    threads = thread_ids(conn)
    last = 0
    while True:
        q = (select(t.events.c.id, t.events.c.record).where(t.events.c.id > last)
             .order_by(t.events.c.id).limit(batch))
        rows = list(conn.execute(q))
        if not rows:
            return
        for i, r in rows:
            yield _record(i, r, threads)
        last = rows[-1][0]


def event(conn: Connection, event_id: int) -> dict[str, Any] | None:
    row = conn.execute(select(t.events.c.record).where(t.events.c.id == event_id)).first()
    return None if row is None else _record(event_id, row[0], thread_ids(conn))


def timeline(conn: Connection, a: str, b: str, f: Filters | None = None) -> list[TimelineRow]:
    """The dyad's events (either direction) by month: counts per quad and the mean PLOVER score."""
    f = replace(f or Filters(), dyad=(a, b), limit=None)
    months: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in events(conn, f):
        months[(r["date"] or "?")[:7]].append(r)
    out = []
    for month in sorted(months):
        rs = months[month]
        quads = {q: sum(1 for r in rs if r.get("quad_code") == q) for q in (1, 2, 3, 4)}
        scores = [r["event_scale"] for r in rs if r.get("event_scale") is not None]
        out.append(TimelineRow(month, len(rs), quads,
                               round(sum(scores) / len(scores), 2) if scores else None,
                               [r["id"] for r in rs]))
    return out


def explain(conn: Connection, event_id: int, near: int = 10) -> Explanation | None:
    """Why the reports of an event were merged, which candidates were not and why, its thread."""
    record = event(conn, event_id)
    if record is None:
        return None
    reports = sorted(load_mentions(conn, t.mentions.c.event_id == event_id), key=lambda m: m.order)
    first = reports[0]
    pairs = [Pair(m.id, compare(first, m).checks) for m in reports[1:]]
    members = {m.id for m in reports}
    misses: list[NearMiss] = []
    for m in _neighbours(conn, reports):
        if m.id in members:
            continue
        v = compare(first, m)
        if not v.ok:
            eid = conn.execute(select(t.mentions.c.event_id).where(t.mentions.c.id == m.id)).scalar()
            misses.append(NearMiss(eid, m.id, tuple(v.failed())))
    return Explanation(record, reports, pairs, misses[:near], thread(conn, event_id))


def thread(conn: Connection, event_id: int) -> list[tuple[Step, dict[str, Any]]]:
    """The story the event is a step of, in order, with each step's record."""
    links = _links(conn)
    events_ = members(links, event_id)
    q = select(t.events.c.id, t.events.c.date_lo).where(t.events.c.id.in_(sorted(events_)))
    steps = order(links, events_, {i: d for i, d in conn.execute(q)})
    out = []
    for s in steps:
        r = event(conn, s.event_id)
        if r is not None:
            out.append((s, r))
    return out


def thread_ids(conn: Connection) -> dict[int, int]:
    """Event id -> the id of its thread, for events in a thread."""
    return components(_links(conn))


def counts(conn: Connection) -> dict[str, int]:
    """How many articles, mentions, canonical events and links the store holds."""
    out = {}
    for name, table in (("articles", t.articles), ("mentions", t.mentions), ("events", t.events),
                        ("links", t.event_links)):
        out[name] = int(conn.execute(select(func.count()).select_from(table)).scalar() or 0)
    return out


# -- helpers --------------------------------------------------------------------------------
def _party(value: str, role: str | None, code_only: bool = False) -> ColumnElement[bool]:
    p = t.event_parties.c
    match = p.code == value.upper()
    if not code_only:
        match = or_(match, p.identifier_id == value, p.name_lower == value.lower())
    cond = [p.event_id == t.events.c.id, match]
    if role is not None:
        cond.append(p.role == role)
    return exists().where(*cond) if value else false()


def _record(event_id: int, raw: str, threads: dict[int, int]) -> dict[str, Any]:
    rec = json.loads(raw)
    return {"id": event_id, **rec, "thread": threads.get(event_id)}


def _links(conn: Connection) -> list[Link]:
    q = select(t.event_links.c.source_id, t.event_links.c.target_id, t.event_links.c.relation)
    return [Link(s, d, r) for s, d, r in conn.execute(q)]


def _neighbours(conn: Connection, reports: list[StoredMention]) -> list[StoredMention]:
    """Mentions of other events that the merge considered for these reports."""
    seen: dict[str, StoredMention] = {m.id: m for m in reports}
    out: list[StoredMention] = []
    for m in reports:
        for c in candidates(conn, m, seen):
            seen[c.id] = c
            out.append(c)
    return sorted(out, key=lambda m: m.order)
