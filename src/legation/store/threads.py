"""Story threads: canonical events that are steps of one story, linked in order.

A story hangs off a communication. Another event that a report tells
together with it (the two share at least one article) is its next step when

- **conveyed**: its actor is a named carrier of the communication (the envoy
  who "formally conveyed" the message meets the foreign ministry);
- **refused**, **replied**, **responded**: its actors are the communication's
  addressees and its recipients its authors (the diplomats who would not
  accept the letter; the reply to a message; any other reaction),

and it did not happen before the communication. Within one communication
the reports' stages (drafted, attempted, refused) are kept on the event
itself (``Canonical.stages``). A thread is a connected set of links; its
steps are ordered by depth from the communication, then by date.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass

from ..sameness import PartyId, parties_overlap
from .records import Canonical, Party


@dataclass(frozen=True, slots=True)
class Link:
    source: int
    target: int
    relation: str


@dataclass(frozen=True, slots=True)
class Step:
    event_id: int
    depth: int
    relation: str | None  # how it follows the step it hangs from; None for the first
    after: int | None


def relation(a: Canonical, b: Canonical) -> str | None:
    """How ``b`` follows communication ``a`` in one story, or None."""
    if a.comm_kind is None or a is b or b.date_hi < a.date_lo:
        return None
    if (b.actors and b.recipients and parties_overlap(_ids(b.actors), _ids(a.recipients))
            and parties_overlap(_ids(b.recipients), _ids(a.actors))):
        if b.event_type == "REJECT":
            return "refused"
        return "replied" if b.comm_kind is not None else "responded"
    if b.comm_kind is None and _carries(a.channel, b.actors):
        return "conveyed"
    return None


def link(a: Canonical, b: Canonical) -> tuple[Canonical, Canonical, str] | None:
    """The link between two events of one report, oriented from the earlier step."""
    ab, ba = relation(a, b), relation(b, a)
    if ab and ba:
        return (a, b, ab) if _when(a) <= _when(b) else (b, a, ba)
    if ab:
        return a, b, ab
    if ba:
        return b, a, ba
    return None


def components(links: Iterable[Link]) -> dict[int, int]:
    """Event id -> the id of its thread (the thread's smallest event id), for linked events."""
    parent: dict[int, int] = {}

    def root(x: int) -> int:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for ln in links:
        a, b = root(ln.source), root(ln.target)
        if a != b:
            parent[max(a, b)] = min(a, b)
    return {x: root(x) for x in list(parent)}


def members(links: Iterable[Link], start: int) -> set[int]:
    """The events of the thread that contains event ``start``."""
    threads = components(links)
    if start not in threads:
        return {start}
    return {e for e, r in threads.items() if r == threads[start]}


def order(links: Iterable[Link], events: set[int], dates: dict[int, str]) -> list[Step]:
    """The steps of one thread (``events``, see :func:`members`) in story order."""
    out_edges: dict[int, list[Link]] = defaultdict(list)
    in_edges: dict[int, list[Link]] = defaultdict(list)
    for ln in links:
        if ln.source in events:
            out_edges[ln.source].append(ln)
            in_edges[ln.target].append(ln)
    depth: dict[int, int] = {}
    parent: dict[int, Link | None] = {}
    roots = sorted(n for n in events if not in_edges[n]) or [min(events)]
    todo = deque(roots)
    for r in roots:
        depth[r], parent[r] = 0, None
    while todo:
        n = todo.popleft()
        for ln in sorted(out_edges[n], key=lambda x: x.target):
            if ln.target not in depth:
                depth[ln.target], parent[ln.target] = depth[n] + 1, ln
                todo.append(ln.target)
    for n in events:  # a cycle without a root: what is left starts a story of its own
        depth.setdefault(n, 0)
        parent.setdefault(n, None)
    steps = []
    for n in events:
        p = parent[n]
        steps.append(Step(n, depth[n], p.relation if p else None, p.source if p else None))
    return sorted(steps, key=lambda s: (s.depth, dates.get(s.event_id, ""), s.event_id))


def _ids(ps: list[Party]) -> list[PartyId]:
    return [p.ident for p in ps]


def _carries(channel: list[Party], actors: list[Party]) -> bool:
    """Is one of ``actors`` a named carrier in ``channel`` (the same person or body, not a generic)?"""
    keys = {p.ident.key for p in channel if p.ident.key}
    return any(p.ident.key in keys for p in actors if p.ident.key)


def _when(c: Canonical) -> tuple[str, str, str]:
    return (c.date_lo, c.first.published or "", c.first.id)
