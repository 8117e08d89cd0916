"""Fixtures of the store tests: the same tests on a SQLite file and on a PostgreSQL server.

``store_url`` is parametrized over both backends. The PostgreSQL half needs
``LEGATION_TEST_POSTGRES_URL`` (``make test`` starts a throwaway server and
sets it, see ``scripts/ensure-postgres.sh``); each test gets a database of
its own, dropped afterwards. Without the variable the PostgreSQL half is
skipped with the reason, except under CI (``$CI`` set), where it fails.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from legation.records import Document
from legation.store import Store, resolve_url

from ..conftest import REPO, shared_path

DATA = REPO / "tests" / "data" / "store"
PG_ENV = "LEGATION_TEST_POSTGRES_URL"
BACKENDS = ["sqlite", "postgresql"]


def postgres_base() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        reason = f"{PG_ENV} is not set: no PostgreSQL server to test against (make test starts one)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return url


@pytest.fixture(params=BACKENDS)
def new_store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], str]]:
    """Makes URLs of new, empty stores on one backend; they are dropped after the test."""
    made: list[str] = []
    admin = None
    if request.param == "postgresql":
        base = make_url(resolve_url(postgres_base()))
        admin = create_engine(base, isolation_level="AUTOCOMMIT")

    def new() -> str:
        if admin is None:
            return f"sqlite:///{tmp_path / f'store-{uuid.uuid4().hex[:8]}.db'}"
        name = f"legation_t_{uuid.uuid4().hex[:16]}"
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        made.append(name)
        return admin.url.set(database=name).render_as_string(hide_password=False)

    try:
        yield new
    finally:
        if admin is not None:
            with admin.connect() as conn:
                for name in made:
                    conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.dispose()


@pytest.fixture
def store_url(new_store_url: Callable[[], str]) -> str:
    """A new, empty store on each backend."""
    return new_store_url()


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    s = Store.open(store_url)
    try:
        yield s
    finally:
        s.close()


def seed_documents() -> list[Document]:
    """The seed article and the two articles written for these tests that re-report its events."""
    seed = json.loads(shared_path("eval", "seed", "article.jsonl").read_text(encoding="utf-8"))
    docs = [Document(id=seed["id"], text=seed["text"], published=date.fromisoformat(seed["published"]),
                     source=seed.get("source"), url="https://news.example/seed")]
    for name, published, source in [("kcna-russia-day", "2025-06-13", "Korean Central News Agency"),
                                    ("trump-letter-followup", "2025-06-27", "Wire report")]:
        docs.append(Document(id=name, text=(DATA / f"{name}.txt").read_text(encoding="utf-8"),
                             published=date.fromisoformat(published), source=source,
                             url=f"https://news.example/{name}"))
    return docs


def snapshot(store: Store) -> dict[str, Any]:
    """The store's content without its numbering: what two equal stores share.

    Canonical events are named by the sorted ids of their mentions; links by
    the events at their ends.
    """
    from sqlalchemy import select

    from legation.store import schema as t

    with store.db.read() as conn:
        members: dict[int, list[str]] = {}
        for mid, eid in conn.execute(select(t.mentions.c.id, t.mentions.c.event_id)):
            members.setdefault(eid, []).append(mid)
        name = {eid: tuple(sorted(ms)) for eid, ms in members.items()}
        events = {}
        for row in conn.execute(select(t.events)).mappings():
            rec = json.loads(row["record"])
            events[name[row["id"]]] = (row["event_type"], row["date"], row["status"], row["factuality"],
                                      row["mention_count"], row["report_count"], row["first_article_id"],
                                      json.dumps(rec, sort_keys=True))
        links = {(name[s], name[d], r) for s, d, r in conn.execute(
            select(t.event_links.c.source_id, t.event_links.c.target_id, t.event_links.c.relation))}
        articles = {r.id: (r.text_hash, r.version) for r in conn.execute(select(t.articles))}
        reports = {(r.article_id, r.id, r.source, r.url) for r in conn.execute(select(t.reports))}
        orphans = conn.execute(select(t.mentions.c.id).where(t.mentions.c.event_id.is_(None))).all()
    return {"events": events, "links": links, "articles": articles, "reports": reports,
            "orphan_mentions": orphans}
