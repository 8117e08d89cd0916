"""Named, idempotent schema migrations, recorded in ``legation_migrations``.

Opening a store applies, in order, every migration it has not recorded,
inside one write transaction (so two processes opening a new store at once
apply each migration once). A migration may run again safely: it creates
only what is missing. An applied migration is never edited; a change to
the schema is a new migration appended to :data:`MIGRATIONS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, delete, select, text, true, update

from ..errors import StoreError
from . import schema
from .engine import Database


@dataclass(frozen=True, slots=True)
class Migration:
    name: str
    apply: Callable[[Connection], None]


def _tables(conn: Connection) -> None:
    for table in schema.TABLES:
        table.create(conn, checkfirst=True)


def _indexes(conn: Connection) -> None:
    for index in schema.INDEXES:
        index.create(conn, checkfirst=True)


def _reports(conn: Connection) -> None:
    """Reports, LSH band keys and superseded texts; every stored article gets its own
    report and its band keys, so that copies of it are found from now on."""
    from .copies import fingerprint, save_bands

    for table in schema.REPORT_TABLES:
        table.create(conn, checkfirst=True)
    for index in schema.REPORT_INDEXES:
        index.create(conn, checkfirst=True)
    a = schema.articles.c
    have = set(conn.execute(select(schema.reports.c.article_id)).scalars())
    for row in conn.execute(select(a.id, a.source, a.url, a.published, a.title, a.origin, a.text)).all():
        if row.id in have:
            continue
        conn.execute(schema.reports.insert().values(
            article_id=row.id, id=row.id, source=row.source, url=row.url, published=row.published,
            title=row.title, origin=row.origin, similarity=1.0))
        save_bands(conn, row.id, fingerprint(row.text))


def _content_ids(conn: Connection) -> None:
    """Event ids from content (update.event_id): 64-bit columns on PostgreSQL, and every
    event merged again under its new id (the merge does not depend on order, so the events
    are the same, only their numbers change)."""
    from .rows import load_mentions
    from .update import recluster

    if conn.dialect.name == "postgresql":
        for table, column in (("event_links", "source_id"), ("event_links", "target_id"),
                              ("event_parties", "event_id"), ("mentions", "event_id"), ("events", "id")):
            conn.execute(text(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE BIGINT"))
    conn.execute(delete(schema.event_links))
    conn.execute(delete(schema.event_parties))
    conn.execute(update(schema.mentions).values(event_id=None))
    conn.execute(delete(schema.events))
    mentions = load_mentions(conn, true())
    if mentions:
        recluster(conn, {m.id: m for m in mentions}, set())


MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_tables", _tables),
    Migration("0002_indexes", _indexes),
    Migration("0003_reports", _reports),
    Migration("0004_content_ids", _content_ids),
)


def migrate(db: Database) -> list[str]:
    """Apply the missing migrations; the names applied now (empty if up to date)."""

    def work(conn: Connection) -> list[str]:
        schema.migrations.create(conn, checkfirst=True)
        done = set(conn.execute(select(schema.migrations.c.name)).scalars())
        unknown = done - {m.name for m in MIGRATIONS}
        if unknown:
            raise StoreError(f"{db.url} was written by a newer legation (migrations {', '.join(sorted(unknown))})")
        applied = []
        for m in MIGRATIONS:
            if m.name in done:
                continue
            m.apply(conn)
            conn.execute(schema.migrations.insert().values(
                name=m.name, applied_at=datetime.now(UTC).isoformat(timespec="seconds")))
            applied.append(m.name)
        return applied

    return db.write(work)


def applied(db: Database) -> list[str]:
    """Names of the migrations recorded in the store, in order."""
    with db.read() as conn:
        return sorted(conn.execute(select(schema.migrations.c.name)).scalars())
