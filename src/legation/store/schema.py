"""The store's tables, as the migrations leave them.

    articles ──< sentences          one row per input article (id, url, text hash unique)
        │                            and the sentences its events come from
        ├──< reports                 every copy of its text that arrived: its own id, outlet, URL, date
        ├──< signature_bands         the LSH keys of its text, for finding near copies (copies.py)
        ├──< superseded              texts an article's corrections replaced: not taken back
        └──< mentions ──< parties    event mentions: one extracted record per event per article;
                │                    parties: their actors, recipients, sources, channels
                └──> events ──< event_parties    canonical events (one per real-world event):
                        │                        the merged record and its parties, for queries
                        └──< event_links         story threads: one step of a story to the next

Dates are ISO strings (``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``), so they sort
and compare the same way on every backend. ``date_lo``/``date_hi`` bound
the days an event may have happened on (see ``dedup.date_span``); they
make the search for merge candidates an index range scan. ``record``
columns hold JSON: the extractor's record for a mention, the merged PLOVER
record for a canonical event.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

# event ids are 52-bit numbers derived from content (update.event_id): BIGINT on PostgreSQL,
# INTEGER (64-bit) on SQLite
EventId = BigInteger().with_variant(Integer, "sqlite")

migrations = Table(
    "legation_migrations", metadata,
    Column("name", String(100), primary_key=True),
    Column("applied_at", String(32), nullable=False),
)

articles = Table(
    "articles", metadata,
    Column("id", String, primary_key=True),
    Column("url", String, unique=True),
    Column("text_hash", String, nullable=False, unique=True),
    Column("title", Text),
    Column("source", Text),
    Column("published", String),
    Column("origin", Text),
    Column("version", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

sentences = Table(
    "sentences", metadata,
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

events = Table(
    "events", metadata,
    Column("id", EventId, primary_key=True, autoincrement=False),
    Column("event_type", String, nullable=False),
    Column("cameo", String),
    Column("quad_code", Integer),
    Column("event_scale", Float),
    Column("date", String),
    Column("date_precision", String),
    Column("date_lo", String, nullable=False),
    Column("date_hi", String, nullable=False),
    Column("status", String, nullable=False),
    Column("factuality", String, nullable=False),
    Column("comm_kind", String),
    Column("occasion", Text),
    Column("loc_country", String),
    Column("mention_count", Integer, nullable=False),
    Column("report_count", Integer, nullable=False),
    Column("first_reported", String),
    Column("first_article_id", String),
    Column("confidence", Float),
    Column("record", Text, nullable=False),
)

mentions = Table(
    "mentions", metadata,
    Column("id", String, primary_key=True),
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("event_id", EventId, ForeignKey("events.id", ondelete="SET NULL")),
    Column("event_type", String, nullable=False),
    Column("cameo", String),
    Column("comm_kind", String),
    Column("occasion", Text),
    Column("status", String, nullable=False),
    Column("factuality", String, nullable=False),
    Column("date", String),
    Column("date_precision", String),
    Column("date_basis", String),
    Column("date_text", Text),
    Column("date_lo", String, nullable=False),
    Column("date_hi", String, nullable=False),
    Column("sentence_seq", Integer),
    Column("text", Text, nullable=False),
    Column("confidence", Float),
    Column("record", Text, nullable=False),
)

parties = Table(
    "parties", metadata,
    Column("mention_id", String, ForeignKey("mentions.id", ondelete="CASCADE"), primary_key=True),
    Column("role", String, primary_key=True),  # actor recipient source channel
    Column("pos", Integer, primary_key=True),
    Column("entity_text", Text),
    Column("name", Text),
    Column("code", String),
    Column("sector", String),
    Column("office", Text),
    Column("identifier_id", String),
    Column("kind", String, nullable=False),
    Column("start_char", Integer),
    Column("end_char", Integer),
    Column("anonymous", Boolean, nullable=False),
)

event_parties = Table(
    "event_parties", metadata,
    Column("event_id", EventId, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("role", String, primary_key=True),  # actor recipient
    Column("pos", Integer, primary_key=True),
    Column("name", Text),
    Column("name_lower", Text),
    Column("code", String),
    Column("sector", String),
    Column("identifier_id", String),
)

reports = Table(
    "reports", metadata,
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("id", String, primary_key=True),  # the id it came under (the article's own, for its first)
    Column("source", Text),
    Column("url", Text),
    Column("published", String),
    Column("title", Text),
    Column("origin", Text),
    Column("similarity", Float, nullable=False),  # to the stored text: 1.0 for an exact copy
)

signature_bands = Table(
    "signature_bands", metadata,
    Column("band", String, primary_key=True),
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
)

superseded = Table(
    "superseded", metadata,
    Column("text_hash", String, primary_key=True),
    # the article that replaced it; no foreign key: the row outlives that article's versions
    # (ingest.write_article), and goes with its removal (ingest.remove_article)
    Column("article_id", String, nullable=False),
)

event_links = Table(
    "event_links", metadata,
    Column("source_id", EventId, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("target_id", EventId, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("relation", String, nullable=False),
)

TABLES = (articles, sentences, events, mentions, parties, event_parties, event_links)
# added by migration 0003
REPORT_TABLES = (reports, signature_bands, superseded)

INDEXES = (
    Index("ix_mentions_article", mentions.c.article_id),
    Index("ix_mentions_event", mentions.c.event_id),
    Index("ix_mentions_block", mentions.c.event_type, mentions.c.date_lo),
    Index("ix_parties_code", parties.c.code, parties.c.role),
    Index("ix_parties_identifier", parties.c.identifier_id),
    Index("ix_event_parties_code", event_parties.c.code, event_parties.c.role),
    Index("ix_event_parties_name", event_parties.c.name_lower),
    Index("ix_events_date", events.c.date_lo),
    Index("ix_events_type", events.c.event_type),
    Index("ix_event_links_target", event_links.c.target_id),
)
REPORT_INDEXES = (
    Index("ix_signature_bands_article", signature_bands.c.article_id),
    Index("ix_superseded_article", superseded.c.article_id),
)
