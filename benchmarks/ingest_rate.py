"""Ingest rate of the event store: documents per second into SQLite (and PostgreSQL).

    .venv/bin/python benchmarks/ingest_rate.py                       # 2,000 synthetic articles, SQLite
    .venv/bin/python benchmarks/ingest_rate.py --docs 5000 --postgres postgresql://user@host/db
    .venv/bin/python benchmarks/ingest_rate.py --corpus news.jsonl    # your own articles

The corpus (``tests/store/corpus.py``) has several reports of each event,
so the cross-report merge does real work. The script times extraction
alone, then a full ingest (extraction, storage, merging, threads) into a
new store, then a second ingest of the same corpus (every article found
unchanged), and prints the figures with the merge's agreement with the
corpus's truth (pairs of aligned mentions put in one event or kept apart).
On PostgreSQL it creates a database of its own next to the one named, and
drops it afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
import uuid
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from sqlalchemy import create_engine, select  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from legation.extract import Extractor  # noqa: E402
from legation.reader import Reader  # noqa: E402
from legation.records import Document  # noqa: E402
from legation.store import Store, resolve_url  # noqa: E402
from legation.store import schema as t  # noqa: E402
from tests.store.corpus import build, world  # noqa: E402


def docs_of(corpus: Path) -> list[Document]:
    return [d for d in Reader().read([str(corpus)]) if isinstance(d, Document)]


def timed(label: str, n: int, fn: Any) -> tuple[float, Any]:
    """Run ``fn``; print wall time and this process's CPU time (a PostgreSQL server's is not in it)."""
    t0, c0 = time.perf_counter(), time.process_time()
    result = fn()
    s, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"  {label:<30} {n:>6} docs {s:7.1f} s {n / s:8.1f} docs/s   (CPU {cpu:6.1f} s, "
          f"{n / max(cpu, 1e-9):8.1f} docs/CPU-s)", flush=True)
    return s, result


def merge_agreement(store: Store, corpus: list[dict[str, Any]]) -> tuple[float, float, int, int]:
    """Pairwise precision and recall of the merge against the corpus truth; events true and stored."""
    truth = {e.id: e for e in world(max(1, int(len(corpus) * 1.8 / 2.5)))}
    told = {d["id"]: d["truth"] for d in corpus}
    with store.db.read() as conn:
        rows = conn.execute(select(t.mentions.c.article_id, t.mentions.c.event_id, t.mentions.c.date,
                                   t.mentions.c.id)).all()
        parties: dict[str, dict[str, set[str]]] = {}
        for mid, role, code in conn.execute(select(t.parties.c.mention_id, t.parties.c.role, t.parties.c.code)):
            parties.setdefault(mid, {}).setdefault(role, set()).add(code)
    aligned: list[tuple[str, int]] = []  # (true event, stored event)
    for article, event, day, mid in rows:
        p = parties.get(mid, {})
        for wid in told.get(article, []):
            e = truth[wid]
            if e.a in p.get("actor", set()) and e.b in p.get("recipient", set()) and day == e.day.isoformat():
                aligned.append((wid, event))
                break
    same_true = same_stored = both = 0
    for (w1, e1), (w2, e2) in combinations(aligned, 2):
        same_true += w1 == w2
        same_stored += e1 == e2
        both += w1 == w2 and e1 == e2
    precision = both / same_stored if same_stored else 1.0
    recall = both / same_true if same_true else 1.0
    return precision, recall, len({w for w, _ in aligned}), len({e for _, e in aligned})


def run(url: str, name: str, docs: list[Document], extractor: Extractor, corpus: list[dict[str, Any]] | None) -> None:
    print(f"{name}:")
    store = Store.open(url)
    try:
        _, report = timed("ingest into an empty store", len(docs), lambda: store.ingest(docs, extractor))
        timed("ingest again (all unchanged)", len(docs), lambda: store.ingest(docs, extractor))
        c = store.counts()
        print(f"  stored: {c['articles']} articles, {c['mentions']} mentions, {c['events']} canonical events, "
              f"{c['links']} thread links; {len(report.skipped)} inputs skipped")
        if corpus is not None:
            p, r, true_events, stored_events = merge_agreement(store, corpus)
            print(f"  merge vs truth: pairwise precision {p:.3f}, recall {r:.3f} "
                  f"({true_events} true events -> {stored_events} canonical events, aligned mentions only)")
    finally:
        store.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000, help="synthetic articles to build (default 2000)")
    ap.add_argument("--corpus", type=Path, help="ingest this JSON Lines corpus instead")
    ap.add_argument("--postgres", metavar="URL", help="also ingest into PostgreSQL (a new database beside URL)")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        corpus_records = None
        if args.corpus:
            path = args.corpus
        else:
            corpus_records = build(args.docs)
            path = Path(tmp) / "corpus.jsonl"
            path.write_text("".join(json.dumps(d) + "\n" for d in corpus_records), encoding="utf-8")
        docs = docs_of(path)
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
              f"{platform.system()} {platform.release()}; load average {load:.1f}; {date.today()}")
        t0 = time.perf_counter()
        extractor = Extractor()
        print(f"corpus: {len(docs)} documents, {sum(len(d.text) for d in docs):,} characters; "
              f"extractor built in {time.perf_counter() - t0:.1f} s")
        print("extraction alone:")
        timed("extract", len(docs), lambda: sum(len(r.events) for r in extractor.run(docs)))
        run(f"sqlite:///{Path(tmp) / 'bench.db'}", "SQLite", docs, extractor, corpus_records)
        if args.postgres:
            base = make_url(resolve_url(args.postgres))
            name = f"legation_bench_{uuid.uuid4().hex[:8]}"
            admin = create_engine(base, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
            try:
                run(base.set(database=name).render_as_string(hide_password=False), "PostgreSQL", docs,
                    extractor, corpus_records)
            finally:
                with admin.connect() as conn:
                    conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                admin.dispose()


if __name__ == "__main__":
    main()
