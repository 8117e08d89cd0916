"""Connecting to the store's database: SQLite or PostgreSQL through one interface.

Every change to the store happens inside :meth:`Database.write`, one
transaction that holds the store's write lock for its whole length: on
SQLite a ``BEGIN IMMEDIATE`` transaction (WAL journal, so readers are never
blocked), on PostgreSQL a transaction-scoped advisory lock. Writers are
therefore serialized, which is what keeps two ingest processes from
creating the same canonical event twice; extraction, which takes nearly
all the time, runs outside the lock. A write that loses a race for the
lock ("database is locked", a deadlock, a serialization failure) is run
again from the start. Errors of SQLAlchemy and the drivers are translated
here into :class:`~legation.errors.StoreError`.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError, SQLAlchemyError

from ..errors import StoreError

log = logging.getLogger(__name__)

T = TypeVar("T")

DEFAULT_URL = "sqlite:///legation.db"
ENV_VAR = "LEGATION_DB"
# pg_advisory_xact_lock key of the store's write lock ("legation" in ASCII, truncated)
_PG_LOCK = 0x6C65676174696F
_RETRIES = 8
_SQLITE_BUSY_MS = 60_000


def resolve_url(url: str | None = None) -> str:
    """The store URL: ``url``, else ``$LEGATION_DB``, else a SQLite file here.

    A plain path (``events.db``) means a SQLite file; ``postgresql://`` URLs
    use the psycopg (version 3) driver.
    """
    value = url or os.environ.get(ENV_VAR) or DEFAULT_URL
    if "://" not in value:
        return f"sqlite:///{value}"
    if value.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    return value


def redact(url: str) -> str:
    """The URL with its password hidden, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


class Database:
    """One store database; build it with :func:`connect`."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name  # "sqlite" or "postgresql"

    @property
    def url(self) -> str:
        return redact(str(self.engine.url))

    def write(self, work: Callable[[Connection], T]) -> T:
        """Run ``work`` in one transaction holding the write lock; retried if it loses a race."""
        delay = 0.05
        for attempt in range(_RETRIES + 1):
            try:
                with self.engine.begin() as conn:
                    if self.dialect == "postgresql":
                        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK})
                    return work(conn)
            except DBAPIError as e:
                if attempt < _RETRIES and _is_transient(e):
                    log.info("store busy (%s); trying again", _first_line(e))
                    time.sleep(delay)
                    delay = min(delay * 2, 2.0)
                    continue
                raise StoreError(f"{self.url}: {_first_line(e)}") from e
            except SQLAlchemyError as e:
                raise StoreError(f"{self.url}: {_first_line(e)}") from e
        raise AssertionError("unreachable")  # pragma: no cover

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read-only transaction that sees one consistent snapshot of the store."""
        try:
            options: dict[str, Any] = {"legation_read": True}
            if self.dialect == "postgresql":
                options["isolation_level"] = "REPEATABLE READ"
            with self.engine.connect().execution_options(**options) as conn, conn.begin():
                yield conn
        except SQLAlchemyError as e:
            raise StoreError(f"{self.url}: {_first_line(e)}") from e

    def close(self) -> None:
        self.engine.dispose()


def connect(url: str | None = None) -> Database:
    """Open the database at ``url`` (see :func:`resolve_url`); nothing is created yet."""
    full = resolve_url(url)
    try:
        u = make_url(full)
    except ArgumentError as e:
        raise StoreError(f"not a database URL: {full!r}") from e
    if u.get_backend_name() == "sqlite":
        return Database(_sqlite_engine(full, u.database))
    if u.get_backend_name() == "postgresql":
        try:
            engine = create_engine(full, pool_pre_ping=True)
        except (ArgumentError, ImportError) as e:
            raise StoreError(f"cannot use {redact(full)}: {e}") from e
        db = Database(engine)
        try:
            with engine.connect():
                pass
        except SQLAlchemyError as e:
            raise StoreError(f"cannot connect to {db.url}: {_first_line(e)}") from e
        return db
    raise StoreError(f"unsupported database {u.get_backend_name()!r}: use sqlite:///FILE or postgresql://...")


def _sqlite_engine(url: str, path: str | None) -> Engine:
    if not path or path == ":memory:":
        raise StoreError("the store needs a SQLite file, not an in-memory database")
    parent = Path(path).expanduser().resolve().parent
    if not parent.is_dir():
        raise StoreError(f"cannot create the store {path!r}: directory {str(parent)!r} does not exist")
    engine = create_engine(url)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # transactions are begun below, not by the driver
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {_SQLITE_BUSY_MS}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # a writer takes the write lock at once, so two writers never deadlock on an upgrade
        read = conn.get_execution_options().get("legation_read", False)
        conn.exec_driver_sql("BEGIN" if read else "BEGIN IMMEDIATE")

    return engine


def _is_transient(e: DBAPIError) -> bool:
    if isinstance(e, OperationalError) and "locked" in str(e.orig).lower():
        return True
    code = getattr(e.orig, "sqlstate", None) or getattr(e.orig, "pgcode", None)
    return code in ("40001", "40P01")  # serialization failure, deadlock


def _first_line(e: Exception) -> str:
    orig = getattr(e, "orig", None)
    msg = str(orig if orig is not None else e).strip()
    return msg.splitlines()[0] if msg else type(e).__name__
