"""The search for merge candidates, and the components the merge is recomputed over.

:func:`candidates` asks the database for every stored mention that could
pass the merge rule with a given one: it shares a party code or Wikidata
id (every rule-passing pair does, through ``sameness.same_party``), has
the same type (or both are communications), and its dates come within
reach. :func:`component` follows pairs that do pass the rule, from a set
of seed mentions, until no new mention joins.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

from sqlalchemy import Connection, bindparam, or_, select

from . import schema as t
from .dedup import same_event, search_span
from .records import StoredMention
from .rows import chunks, load_mentions


def component(conn: Connection, seeds: Iterable[StoredMention]) -> dict[str, StoredMention]:
    """Every stored mention joined to a seed by a chain of pairs that pass the merge rule."""
    found = {m.id: m for m in seeds}
    todo = deque(found.values())
    while todo:
        m = todo.popleft()
        for c in candidates(conn, m, found):
            if c.id not in found and same_event(m, c):
                found[c.id] = c
                todo.append(c)
    return found


_m = t.mentions.c
_SHARING = select(t.parties.c.mention_id).where(
    t.parties.c.role.in_(("actor", "recipient")),
    or_(t.parties.c.code.in_(bindparam("codes", expanding=True)),
        t.parties.c.identifier_id.in_(bindparam("qids", expanding=True))))
_NEAR = select(_m.id).where(_m.id.in_(_SHARING), _m.article_id != bindparam("article"),
                            _m.date_hi >= bindparam("lo"), _m.date_lo <= bindparam("hi"))
_NEAR_COMMUNICATIONS = _NEAR.where(_m.comm_kind.is_not(None))
_NEAR_OF_TYPE = _NEAR.where(_m.event_type == bindparam("type"), _m.comm_kind.is_(None))


def candidates(conn: Connection, m: StoredMention, known: dict[str, StoredMention]) -> list[StoredMention]:
    """Stored mentions not in ``known`` that could pass the merge rule with ``m``: a shared
    party code or Wikidata id, the same type (or both communications), dates within reach."""
    lo, hi = search_span(m.date)
    parties = m.actors + m.recipients
    params = {"codes": sorted({p.code for p in parties if p.code}),
              "qids": sorted({p.identifier_id for p in parties if p.identifier_id}),
              "article": m.article_id, "lo": lo, "hi": hi}
    if m.comm_kind is not None:
        q = _NEAR_COMMUNICATIONS
    else:
        q, params["type"] = _NEAR_OF_TYPE, m.event_type
    ids = [i for i in conn.execute(q, params).scalars() if i not in known]
    out: list[StoredMention] = []
    for chunk in chunks(ids):
        out += load_mentions(conn, _m.id.in_(chunk))
    return out
