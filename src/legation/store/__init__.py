"""The event store: every report kept, every real-world event counted once.

Modules, one job each::

    engine      connecting to SQLite or PostgreSQL; the write lock; errors translated
    schema      the tables            migrations  named, idempotent, recorded
    rows        records <-> rows      ingest      extract and write, one article per transaction
    dedup       the cross-report merge rule (pure)     candidates  where the merge looks
    canonical   a group of reports -> one PLOVER record (pure)
    update      re-merging what an article touches; story links
    threads     the story-thread rule (pure)           queries     filters, timelines, explanations
    export      JSON Lines, CSV, Parquet, table        store       the Store object
"""

from .engine import DEFAULT_URL, ENV_VAR, resolve_url
from .queries import Explanation, Filters, TimelineRow
from .store import Store

__all__ = ["DEFAULT_URL", "ENV_VAR", "Explanation", "Filters", "Store", "TimelineRow", "resolve_url"]
