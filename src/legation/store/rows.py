"""Between records and rows: what ingest writes, and the mentions the merge reads back.

The kind of each party (person, country, institution...) is taken from the
knowledge base when the article is ingested and stored with it, so that
the merge, removal and re-merging never need the knowledge base again.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Connection, bindparam, select

from ..kb import KnowledgeBase
from ..records import DateInfo, Document, Entity, EventRecord
from . import schema as t
from .dedup import date_span
from .records import Party, Report, StoredMention

_CHUNK = 500
_DEDUP_ROLES = ("actor", "recipient", "channel")


class Kinds:
    """What kind of party an output entity is, by the knowledge base that resolved it."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._by_qid = {e.wikidata: e.kind for e in kb.entities.values() if e.wikidata}

    def of(self, e: Entity) -> str:
        if e.identifier_id and e.identifier_id in self._by_qid:
            return self._by_qid[e.identifier_id]
        if not e.name:
            return "group"  # "North Korean diplomats", "officials": a generic of its country
        for k in self.kb.find(e.name):
            if e.code is None or k.code == e.code:
                return k.kind
        return "person" if e.office else "named"


def text_hash(text: str) -> str:
    """The identity of an article's text: white space and line ends do not count."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def report_row(article_id: str, doc: Document, similarity: float = 1.0) -> dict[str, Any]:
    """The row of ``reports`` that says ``doc`` arrived (as ``article_id`` or a copy of it)."""
    return {"article_id": article_id, "id": doc.id, "source": doc.source, "url": doc.url or None,
            "published": doc.published.isoformat() if doc.published else None, "title": doc.title,
            "origin": doc.origin or None, "similarity": similarity}


def article_row(doc: Document, version: int, url: str | None) -> dict[str, Any]:
    return {
        "id": doc.id, "url": url, "text_hash": text_hash(doc.text), "title": doc.title,
        "source": doc.source, "published": doc.published.isoformat() if doc.published else None,
        "origin": doc.origin or None, "version": version, "text": doc.text,
    }


def sentence_rows(doc: Document, events: Sequence[EventRecord]) -> list[dict[str, Any]]:
    """The sentences the events come from (each once)."""
    out: dict[int, dict[str, Any]] = {}
    for e in events:
        ti = e.text_info
        out.setdefault(ti["sequence"], {"article_id": doc.id, "seq": ti["sequence"],
                                        "start_char": ti["start"], "end_char": ti["end"], "text": e.text})
    return [out[k] for k in sorted(out)]


def mention_rows(doc: Document, events: Sequence[EventRecord],
                 kinds: Kinds) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Rows of ``mentions`` and ``parties`` for one article's event records."""
    ms: list[dict[str, Any]] = []
    ps: list[dict[str, Any]] = []
    for seq, e in enumerate(events, 1):
        lo, hi = date_span(e.date_info)
        di = e.date_info
        ms.append({
            "id": e.id, "article_id": doc.id, "seq": seq, "event_id": None,
            "event_type": e.event[0], "cameo": e.cameo,
            "comm_kind": e.communication.kind if e.communication else None,
            "occasion": e.communication.occasion if e.communication else None,
            "status": e.status, "factuality": e.factuality,
            "date": e.date, "date_precision": di.precision if di else None,
            "date_basis": di.basis if di else None, "date_text": di.text if di else None,
            "date_lo": lo, "date_hi": hi, "sentence_seq": e.text_info.get("sequence"),
            "text": e.text, "confidence": e.confidence,
            "record": json.dumps(e.to_dict(), ensure_ascii=False),
        })
        roles: list[tuple[str, list[Entity]]] = [
            ("actor", e.actor), ("recipient", e.recipient), ("source", e.attribution.sources),
            ("channel", e.communication.channel if e.communication else [])]
        for role, entities in roles:
            for pos, x in enumerate(entities):
                ps.append({
                    "mention_id": e.id, "role": role, "pos": pos, "entity_text": x.entity_text,
                    "name": x.name, "code": x.code, "sector": x.sector, "office": x.office,
                    "identifier_id": x.identifier_id, "kind": kinds.of(x), "start_char": x.start,
                    "end_char": x.end, "anonymous": bool(x.anonymous),
                })
    return ms, ps


# built once: the ingest runs these for every article
_MENTIONS = (select(t.mentions, t.articles.c.published, t.articles.c.source.label("outlet"), t.articles.c.url)
             .join(t.articles, t.articles.c.id == t.mentions.c.article_id))
_PARTIES = (select(t.parties)
            .where(t.parties.c.mention_id.in_(bindparam("ids", expanding=True)),
                   t.parties.c.role.in_(_DEDUP_ROLES))
            .order_by(t.parties.c.mention_id, t.parties.c.role, t.parties.c.pos))


def load_mentions(conn: Connection, where: ColumnElement[bool]) -> list[StoredMention]:
    """The stored mentions that satisfy ``where`` (over ``mentions``), with their parties."""
    rows = list(conn.execute(_MENTIONS.where(where)).mappings())
    parties: dict[str, dict[str, list[Party]]] = defaultdict(lambda: defaultdict(list))
    ids = [r["id"] for r in rows]
    for chunk in chunks(ids):
        for p in conn.execute(_PARTIES, {"ids": list(chunk)}).mappings():
            parties[p["mention_id"]][p["role"]].append(Party(
                name=p["name"], code=p["code"], sector=p["sector"], kind=p["kind"],
                identifier_id=p["identifier_id"], office=p["office"], entity_text=p["entity_text"]))
    reports: dict[str, list[Report]] = defaultdict(list)
    for chunk in chunks(sorted({r["article_id"] for r in rows})):
        q = select(t.reports).where(t.reports.c.article_id.in_(chunk)).order_by(
            t.reports.c.article_id, t.reports.c.published, t.reports.c.id)
        for p in conn.execute(q).mappings():
            reports[p["article_id"]].append(Report(p["id"], p["source"], p["url"], p["published"],
                                                   p["similarity"]))
    out = []
    for r in rows:
        date = None
        if r["date"] is not None:
            date = DateInfo(r["date"], r["date_text"], r["date_precision"], r["date_basis"])
        ps = parties[r["id"]]
        out.append(StoredMention(
            id=r["id"], article_id=r["article_id"], seq=r["seq"], published=r["published"],
            outlet=r["outlet"], event_type=r["event_type"], comm_kind=r["comm_kind"],
            occasion=r["occasion"], status=r["status"], factuality=r["factuality"], date=date,
            actors=tuple(ps["actor"]), recipients=tuple(ps["recipient"]), channel=tuple(ps["channel"]),
            record=json.loads(r["record"]), url=r["url"], reports=tuple(reports[r["article_id"]])))
    return out


def chunks(xs: Sequence[Any], n: int = _CHUNK) -> Iterable[Sequence[Any]]:
    """``xs`` in slices short enough for one SQL ``IN`` list."""
    for i in range(0, len(xs), n):
        yield xs[i:i + n]
