"""The event store: one object, one method per thing a user does with it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Self

from ..records import Document, Skipped
from . import queries
from .engine import Database, connect
from .export import write, write_parquet
from .migrations import migrate
from .queries import Explanation, Filters, TimelineRow
from .threads import Step

if TYPE_CHECKING:
    from ..kb import KnowledgeBase
    from .ingest import IngestReport, Outcome, Runner


class Store:
    """Articles, their event mentions and the canonical events they report.

    ``Store.open(url)`` connects and brings the schema up to date; ``url`` is
    ``sqlite:///FILE`` (the default ``sqlite:///legation.db``, or
    ``$LEGATION_DB``), a plain file path, or ``postgresql://...``.
    """

    def __init__(self, db: Database) -> None:
        self.db = db

    @classmethod
    def open(cls, url: str | None = None) -> Store:
        db = connect(url)
        try:
            migrate(db)
        except BaseException:
            db.close()
            raise
        return cls(db)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing --------------------------------------------------------------------------
    def ingest(self, items: Iterable[Document | Skipped], extractor: Runner,
               progress: Callable[[Document | Skipped, Outcome | None], None] | None = None,
               kb: KnowledgeBase | None = None) -> IngestReport:
        """Extract and store documents, one transaction each (see :mod:`legation.store.ingest`).

        ``extractor`` is an Extractor or a BatchExtractor; with the latter give
        ``kb``, the knowledge base its workers load.
        """
        from .ingest import Ingestor  # needs the extraction pipeline; queries do not

        return Ingestor(self.db, extractor, kb).ingest(items, progress)

    def remove(self, article_ids: Iterable[str]) -> tuple[list[str], list[str]]:
        """Remove articles and merge their events again without them: (removed, not found)."""
        from .ingest import remove_article

        removed: list[str] = []
        missing: list[str] = []
        for a in article_ids:
            done = self.db.write(partial(remove_article, article_id=a))
            (removed if done else missing).append(a)
        return removed, missing

    # -- reading --------------------------------------------------------------------------
    def query(self, filters: Filters | None = None) -> list[dict[str, Any]]:
        with self.db.read() as conn:
            return queries.events(conn, filters or Filters())

    def event(self, event_id: int) -> dict[str, Any] | None:
        with self.db.read() as conn:
            return queries.event(conn, event_id)

    def timeline(self, a: str, b: str, filters: Filters | None = None) -> list[TimelineRow]:
        with self.db.read() as conn:
            return queries.timeline(conn, a, b, filters or Filters())

    def explain(self, event_id: int) -> Explanation | None:
        with self.db.read() as conn:
            return queries.explain(conn, event_id)

    def thread(self, event_id: int) -> list[tuple[Step, dict[str, Any]]]:
        with self.db.read() as conn:
            return queries.thread(conn, event_id)

    def counts(self) -> dict[str, int]:
        with self.db.read() as conn:
            return queries.counts(conn)

    def export(self, fmt: str, out: IO[str] | Path) -> int:
        """Write every canonical event as ``fmt`` (jsonl, csv, parquet); the number written."""
        with self.db.read() as conn:
            records = queries.all_events(conn)
            if fmt == "parquet":
                if not isinstance(out, Path):
                    raise ValueError("parquet is written to a file")
                return write_parquet(records, out)
            if isinstance(out, Path):
                with out.open("w", encoding="utf-8", newline="") as f:
                    return write(fmt, records, f)
            return write(fmt, records, out)
