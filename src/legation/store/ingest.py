"""Ingest: extract articles and store them, one transaction per article.

What an arriving document is to the store (:func:`identify`):

* **unchanged**: its id holds this very text already;
* a **copy**: the same text (white space aside), or nearly the same (``copies.NEAR_COPY``),
  is stored under a smaller id. It is kept as a further *report* of that article, with its
  own id, outlet, URL and date, counted on every event the article supports; it is not
  extracted. A copy under a *smaller* id than the stored one takes the article over (the
  smallest id names an article, so the store does not depend on which copy came first),
  and the stored one's reports become its copies;
* **stale**: a text that a correction has replaced (or one published before the version
  stored under its id) is not taken back; it is reported, and the store keeps the newer;
* **corrected**: its id is stored with another text, or its URL is, by an article of the
  same story (``copies.SAME_STORY``): the old version's mentions are removed and the new
  ones merged in their place. Another article that only shares the URL is a distinct
  article; it is added, and its URL kept in its report;
* **added**: anything else.

Each article is written in one transaction (article, reports, sentences, mentions, parties,
the re-merge of the events they touch), so an ingest killed at any moment leaves whole
articles, and running it again picks up where it stopped."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

from sqlalchemy import Connection, delete, insert, select, update

from ..extract import Result
from ..kb import KnowledgeBase
from ..records import Document, EventRecord, Skipped
from . import schema as t
from .candidates import component
from .copies import (
    NEAR_COPY,
    SAME_STORY,
    Fingerprint,
    drop_bands,
    fingerprint,
    save_bands,
    similar_articles,
    similarity_to,
)
from .engine import Database
from .records import StoredMention
from .rows import (
    Kinds,
    article_row,
    chunks,
    load_mentions,
    mention_rows,
    report_row,
    sentence_rows,
    text_hash,
)
from .update import recluster

Outcome = Literal["added", "corrected", "copy", "stale", "unchanged"]


class Runner(Protocol):
    """What extracts: an :class:`~legation.extract.Extractor`, or a ``batch.BatchExtractor``."""

    def run(self, items: Iterable[Document | Skipped]) -> Iterator[Result]: ...


@dataclass(slots=True)
class IngestReport:
    """What one ingest did, article by article."""

    added: list[str] = field(default_factory=list)
    corrected: list[str] = field(default_factory=list)
    copies: list[str] = field(default_factory=list)  # kept as further reports of a stored text
    stale: list[str] = field(default_factory=list)  # older versions, not taken back
    unchanged: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    mentions: int = 0

    @property
    def documents(self) -> int:
        return len(self.added) + len(self.corrected) + len(self.copies) + len(self.stale) + len(self.unchanged)

    def note(self, doc_id: str, outcome: Outcome) -> None:
        getattr(self, "copies" if outcome == "copy" else outcome).append(doc_id)


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
        self._fingerprints: dict[str, Fingerprint] = {}  # of documents sent to extraction

    def ingest(self, items: Iterable[Document | Skipped],
               progress: Callable[[Document | Skipped, Outcome | None], None] | None = None
               ) -> IngestReport:
        """Store every document of ``items``; ``progress`` hears of each one as it is done."""
        report = IngestReport()

        def fresh(items: Iterable[Document | Skipped]) -> Iterator[Document | Skipped]:
            for item in items:
                if isinstance(item, Document):
                    outcome = self.settle(item)
                    if outcome is not None:
                        report.note(item.id, outcome)
                        if progress:
                            progress(item, outcome)
                        continue
                yield item

        for result in self.extractor.run(fresh(items)):
            if result.skipped is not None:
                if result.skipped.doc_id is not None:
                    self._fingerprints.pop(result.skipped.doc_id, None)
                report.skipped.append(result.skipped)
                if progress:
                    progress(result.skipped, None)
                continue
            assert result.doc is not None
            doc, events = result.doc, result.events
            outcome = self.write(doc, events)
            report.note(doc.id, outcome)
            if outcome in ("added", "corrected"):
                report.mentions += len(events)
            if progress:
                progress(doc, outcome)
        return report

    def settle(self, doc: Document) -> Outcome | None:
        """The outcome of a document that needs no extraction (unchanged, stale, a copy of a
        stored article, which is recorded now); None when it must be extracted."""
        fp = fingerprint(doc.text)
        with self.db.read() as conn:
            found = identify(conn, doc, text_hash(doc.text), fp)
        if found.kind in ("unchanged", "stale"):
            return found.kind
        if found.kind == "copy":
            return self.db.write(lambda conn: write_article(conn, doc, [], self.kinds, fp))
        self._fingerprints[doc.id] = fp  # for the write after extraction
        return None

    def write(self, doc: Document, events: Sequence[EventRecord]) -> Outcome:
        """Store one extracted article in one transaction."""
        fp = self._fingerprints.pop(doc.id, None)
        return self.db.write(lambda conn: write_article(conn, doc, events, self.kinds, fp))


@dataclass(frozen=True, slots=True)
class Identity:
    """What the store makes of an arriving document (see the module's docstring)."""

    kind: Literal["unchanged", "stale", "copy", "takeover", "new"]
    article_id: str | None = None  # the stored article it is a copy of, or takes over
    similarity: float = 1.0


def identify(conn: Connection, doc: Document, h: str, fp: Fingerprint) -> Identity:
    a = t.articles.c
    if conn.execute(select(t.superseded.c.article_id).where(t.superseded.c.text_hash == h)).first():
        return Identity("stale")
    exact = conn.execute(select(a.id).where(a.text_hash == h)).scalar()
    if exact == doc.id:
        return Identity("unchanged", exact)
    if exact is not None:
        if _reported(conn, exact, doc.id):
            return Identity("unchanged", exact)  # this copy is recorded already
        return Identity("copy" if exact < doc.id else "takeover", exact)
    own = conn.execute(select(a.published).where(a.id == doc.id)).first()
    if own is not None:
        if own.published and doc.published and doc.published.isoformat() < own.published:
            return Identity("stale", doc.id)  # an earlier version than the one stored
        return Identity("new")
    if doc.url:  # a new version of the story at its URL, under a new id: a correction
        at_url = conn.execute(select(a.id).where(a.url == doc.url)).scalar()
        if at_url is not None and similarity_to(conn, at_url, fp) >= SAME_STORY:
            return Identity("new")
    for other, similarity in similar_articles(conn, fp, NEAR_COPY):
        if _reported(conn, other, doc.id):
            return Identity("unchanged", other)
        return Identity("copy" if other < doc.id else "takeover", other, similarity)
    return Identity("new")


def _reported(conn: Connection, article_id: str, report_id: str) -> bool:
    r = t.reports.c
    return conn.execute(select(r.id).where(r.article_id == article_id, r.id == report_id)).first() is not None


def write_article(conn: Connection, doc: Document, events: Sequence[EventRecord], kinds: Kinds,
                  fp: Fingerprint | None = None) -> Outcome:
    """Store one document (extracted, unless it is a copy) as :func:`identify` says; ``sig``
    is its text's fingerprint where the caller has it already."""
    a = t.articles.c
    h, fp = text_hash(doc.text), fp or fingerprint(doc.text)
    found = identify(conn, doc, h, fp)
    if found.kind in ("unchanged", "stale"):
        return found.kind
    if found.kind == "copy":
        assert found.article_id is not None
        conn.execute(insert(t.reports).values(**report_row(found.article_id, doc, found.similarity)))
        refresh(conn, found.article_id)
        return "copy"
    # earlier versions: the article of this id, and an article of the same story at this URL
    old = list(conn.execute(select(a.id, a.version, a.text_hash).where(a.id == doc.id)).all())
    url: str | None = doc.url or None  # "" is no URL
    if doc.url:
        owner = conn.execute(select(a.id, a.version, a.text_hash).where(a.url == doc.url)).first()
        if owner is not None and owner.id != doc.id and owner.id != found.article_id:
            if similarity_to(conn, owner.id, fp) >= SAME_STORY:
                old.append(owner)
            else:
                url = None  # another article at the same URL: its URL is kept in its report
    taken = [found.article_id] if found.kind == "takeover" and found.article_id else []
    ids = sorted({o.id for o in old} | set(taken))
    carried = _carried_reports(conn, doc, ids, taken, found.similarity)
    _repoint_superseded(conn, ids, doc.id)
    scope, touched = _take_out(conn, ids)
    version = 1 + max((o.version for o in old), default=0)
    conn.execute(insert(t.articles).values(**article_row(doc, version, url)))
    conn.execute(insert(t.reports), [report_row(doc.id, doc), *carried])
    save_bands(conn, doc.id, fp)
    replaced = sorted({o.text_hash for o in old} - {h})
    have = set(conn.execute(select(t.superseded.c.text_hash).where(t.superseded.c.text_hash.in_(replaced)))
               .scalars()) if replaced else set()
    for x in replaced:
        if x not in have:
            conn.execute(insert(t.superseded).values(text_hash=x, article_id=doc.id))
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
    if old:
        return "corrected"
    return "copy" if taken else "added"


def _carried_reports(conn: Connection, doc: Document, ids: list[str], taken: list[str],
                     similarity: float) -> list[dict[str, object]]:
    """The reports that pass to the new article: every report of an article it takes over
    (a copy of the same text), and the copies (not the own report) of earlier versions."""
    if not ids:
        return []
    out: dict[str, dict[str, object]] = {}
    r = t.reports.c
    for row in conn.execute(select(t.reports).where(r.article_id.in_(ids))).mappings():
        if row["id"] == doc.id or (row["article_id"] not in taken and row["id"] == row["article_id"]):
            continue
        own = row["id"] == row["article_id"]
        out.setdefault(row["id"], {**row, "article_id": doc.id,
                                   "similarity": similarity if own else row["similarity"]})
    return [out[k] for k in sorted(out)]


def _repoint_superseded(conn: Connection, ids: list[str], new_id: str) -> None:
    """Texts replaced by the articles ``ids`` stay replaced once they give way to ``new_id``."""
    if ids:
        conn.execute(update(t.superseded).where(t.superseded.c.article_id.in_(ids)).values(article_id=new_id))


def refresh(conn: Connection, article_id: str) -> None:
    """Rewrite the events of an article's mentions (their reports changed)."""
    ms = load_mentions(conn, t.mentions.c.article_id == article_id)
    if not ms:
        return
    touched = {e for e in conn.execute(select(t.mentions.c.event_id).where(
        t.mentions.c.article_id == article_id, t.mentions.c.event_id.is_not(None))).scalars()}
    recluster(conn, component(conn, ms), touched)


def remove_article(conn: Connection, article_id: str) -> bool:
    """Remove an article, its reports and its mentions (the events it supported are merged
    again without them); or, for the id of a copy, that report alone."""
    if conn.execute(select(t.articles.c.id).where(t.articles.c.id == article_id)).first() is None:
        host = conn.execute(select(t.reports.c.article_id).where(t.reports.c.id == article_id)).scalar()
        if host is None:
            return False
        conn.execute(delete(t.reports).where(t.reports.c.id == article_id, t.reports.c.article_id == host))
        refresh(conn, host)
        return True
    scope, touched = _take_out(conn, [article_id])
    conn.execute(delete(t.superseded).where(t.superseded.c.article_id == article_id))
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
    conn.execute(delete(t.reports).where(t.reports.c.article_id.in_(article_ids)))
    drop_bands(conn, article_ids)
    conn.execute(delete(t.articles).where(t.articles.c.id.in_(article_ids)))
    return {k: v for k, v in comp.items() if k not in gone}, touched
