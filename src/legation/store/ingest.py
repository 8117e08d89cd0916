"""Ingest: extract articles and store them, one transaction per article.

An article already in the store (the same text, under any id) is skipped before extraction;
the same text under a smaller id takes that id instead, so that the store does not depend on
which copy of a wire story came first. An article whose id, or else URL, is in the store
with another text is a corrected version: its old mentions are removed and the new ones
merged in their place. Each article is written in one transaction (article, sentences,
mentions, parties, the re-merge of the events they touch), so an ingest killed at any moment
leaves whole articles, and running it again picks up where it stopped."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

from sqlalchemy import Connection, delete, insert, or_, select

from ..extract import Result
from ..kb import KnowledgeBase
from ..records import Document, EventRecord, Skipped
from . import schema as t
from .candidates import component
from .engine import Database
from .records import StoredMention
from .rows import Kinds, article_row, chunks, load_mentions, mention_rows, sentence_rows, text_hash
from .update import recluster

Outcome = Literal["added", "corrected", "unchanged"]


class Runner(Protocol):
    """What extracts: an :class:`~legation.extract.Extractor`, or a ``batch.BatchExtractor``."""

    def run(self, items: Iterable[Document | Skipped]) -> Iterator[Result]: ...


@dataclass(slots=True)
class IngestReport:
    """What one ingest did, article by article."""

    added: list[str] = field(default_factory=list)
    corrected: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    mentions: int = 0

    @property
    def documents(self) -> int:
        return len(self.added) + len(self.corrected) + len(self.unchanged)

    def note(self, doc_id: str, outcome: Outcome) -> None:
        getattr(self, outcome).append(doc_id)


class Ingestor:
    """Extracts documents with ``extractor`` and writes them to ``db``.

    ``kb`` is the knowledge base the extractor resolves actors with (by
    default the extractor's own; give it when extraction runs in worker
    processes).
    """

    def __init__(self, db: Database, extractor: Runner, kb: KnowledgeBase | None = None) -> None:
        self.db = db
        self.extractor = extractor
        if kb is None:
            kb = getattr(extractor, "kb", None)
            if kb is None:
                raise TypeError("give the knowledge base of an extractor that runs elsewhere")
        self.kinds = Kinds(kb)

    def ingest(self, items: Iterable[Document | Skipped],
               progress: Callable[[Document | Skipped, Outcome | None], None] | None = None
               ) -> IngestReport:
        """Store every document of ``items``; ``progress`` hears of each one as it is done."""
        report = IngestReport()

        def fresh(items: Iterable[Document | Skipped]) -> Iterator[Document | Skipped]:
            for item in items:
                if isinstance(item, Document) and self.stored(item):
                    report.unchanged.append(item.id)
                    if progress:
                        progress(item, "unchanged")
                    continue
                yield item

        for result in self.extractor.run(fresh(items)):
            if result.skipped is not None:
                report.skipped.append(result.skipped)
                if progress:
                    progress(result.skipped, None)
                continue
            assert result.doc is not None
            doc, events = result.doc, result.events
            outcome = self.write(doc, events)
            report.note(doc.id, outcome)
            if outcome != "unchanged":
                report.mentions += len(events)
            if progress:
                progress(doc, outcome)
        return report

    def stored(self, doc: Document) -> bool:
        """Is this text already in the store, under this id or a smaller one?"""
        with self.db.read() as conn:
            q = select(t.articles.c.id).where(t.articles.c.text_hash == text_hash(doc.text))
            row = conn.execute(q).first()
            return row is not None and row.id <= doc.id

    def write(self, doc: Document, events: Sequence[EventRecord]) -> Outcome:
        """Store one extracted article in one transaction."""
        return self.db.write(lambda conn: write_article(conn, doc, events, self.kinds))


def write_article(conn: Connection, doc: Document, events: Sequence[EventRecord], kinds: Kinds) -> Outcome:
    a = t.articles.c
    copy = conn.execute(select(a.id).where(a.text_hash == text_hash(doc.text))).first()
    if copy is not None and copy.id <= doc.id:
        return "unchanged"
    # earlier versions: the article with this id, and the one at this URL (the same, or another)
    same = or_(a.id == doc.id, a.url == doc.url) if doc.url else a.id == doc.id
    old = conn.execute(select(a.id, a.version).where(same).order_by(a.id)).all()
    # a copy of this very text under a larger id gives way: the smallest id names the article
    scope, touched = _take_out(conn, [o.id for o in old] + ([copy.id] if copy is not None else []))
    version = 1 + max((o.version for o in old), default=0)
    conn.execute(insert(t.articles).values(**article_row(doc, version)))
    rows = sentence_rows(doc, events)
    if rows:
        conn.execute(insert(t.sentences), rows)
    ms, ps = mention_rows(doc, events, kinds)
    if ms:
        conn.execute(insert(t.mentions), ms)
    if ps:
        conn.execute(insert(t.parties), ps)
    new = load_mentions(conn, t.mentions.c.article_id == doc.id)
    scope.update(component(conn, new))
    recluster(conn, scope, touched)
    if copy is not None and not old:
        return "unchanged"  # the same article, now under its smallest id
    return "corrected" if old else "added"


def remove_article(conn: Connection, article_id: str) -> bool:
    """Remove an article and its mentions; the events it supported are merged again without it."""
    if conn.execute(select(t.articles.c.id).where(t.articles.c.id == article_id)).first() is None:
        return False
    scope, touched = _take_out(conn, [article_id])
    recluster(conn, scope, touched)
    return True


def _take_out(conn: Connection, article_ids: list[str]) -> tuple[dict[str, StoredMention], set[int]]:
    """Delete articles; return what is left of their mentions' components, and their events."""
    if not article_ids:
        return {}, set()
    m = t.mentions.c
    old = load_mentions(conn, m.article_id.in_(article_ids))
    comp = component(conn, old)
    q = select(m.event_id).where(m.article_id.in_(article_ids), m.event_id.is_not(None))
    touched = set(conn.execute(q).scalars())
    gone = {x.id for x in old}
    for chunk in chunks(sorted(gone)):
        conn.execute(delete(t.parties).where(t.parties.c.mention_id.in_(chunk)))
    conn.execute(delete(t.mentions).where(m.article_id.in_(article_ids)))
    conn.execute(delete(t.sentences).where(t.sentences.c.article_id.in_(article_ids)))
    conn.execute(delete(t.articles).where(t.articles.c.id.in_(article_ids)))
    return {k: v for k, v in comp.items() if k not in gone}, touched
