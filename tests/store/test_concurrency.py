"""Two ingest processes at once, and an ingest killed halfway: real processes, real databases."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select

from legation.extract import Extractor
from legation.reader import Reader
from legation.store import Store
from legation.store import schema as t
from legation.store.rows import text_hash

from ..conftest import REPO
from .conftest import snapshot
from .corpus import build


def write_corpus(path: Path, docs: list[dict]) -> Path:  # type: ignore[type-arg]
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return path


def ingest_process(url: str, corpus: Path) -> subprocess.Popen[str]:
    exe = Path(sys.executable).with_name("legation")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "legation.cli"]
    return subprocess.Popen([*cmd, "ingest", str(corpus), "--db", url, "-q"], cwd=REPO, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=dict(os.environ))


def sequential(url: str, corpus: Path, extractor: Extractor) -> Store:
    store = Store.open(url)
    store.ingest(Reader().read([str(corpus)]), extractor)
    return store


def consistent(store: Store) -> None:
    """Whole articles only: every mention in an event, every event counting its mentions."""
    m, e = t.mentions.c, t.events.c
    with store.db.read() as conn:
        assert conn.execute(select(func.count()).where(m.event_id.is_(None))).scalar() == 0
        counted = dict(conn.execute(select(m.event_id, func.count()).group_by(m.event_id)).all())
        events = dict(conn.execute(select(e.id, e.mention_count)).all())
        no_sentences = conn.execute(select(func.count()).select_from(t.mentions).where(
            ~select(t.sentences.c.seq).where(t.sentences.c.article_id == m.article_id,
                                             t.sentences.c.seq == m.sentence_seq).exists())).scalar()
    assert counted == events
    assert no_sentences == 0


def test_store_parallel_ingests_equal_one_sequential(new_store_url: Callable[[], str], tmp_path: Path) -> None:
    docs = build(80, seed=11)
    a = write_corpus(tmp_path / "a.jsonl", docs[:50])
    b = write_corpus(tmp_path / "b.jsonl", docs[25:])  # 25 articles in both
    url, url_alone = new_store_url(), new_store_url()
    # the sequential ingest runs beside the two parallel ones, so that all three use the same code
    procs = [ingest_process(url, a), ingest_process(url, b),
             ingest_process(url_alone, write_corpus(tmp_path / "all.jsonl", docs))]
    for p in procs:
        _, err = p.communicate(timeout=600)
        assert p.returncode == 0, err
    together, alone = Store.open(url), Store.open(url_alone)
    try:
        consistent(together)
        got, want = snapshot(together), snapshot(alone)
        # every article once (wire copies with the same text count once)
        assert len(got["articles"]) == len({text_hash(d["text"]) for d in docs})
        assert got["articles"] == want["articles"]
        assert got["events"] == want["events"]
        assert got["links"] == want["links"]
        merged = [k for k in want["events"] if len({i.split(":")[0] for i in k}) > 1]
        assert len(merged) >= 10  # the corpus does exercise the cross-report merge
    finally:
        together.close()
        alone.close()


def test_store_killed_ingest_leaves_whole_articles_and_resumes(new_store_url: Callable[[], str],
                                                                 tmp_path: Path, extractor: Extractor) -> None:
    docs = build(200, seed=5)
    corpus = write_corpus(tmp_path / "corpus.jsonl", docs)
    url = new_store_url()
    store = Store.open(url)
    try:
        p = ingest_process(url, corpus)
        deadline = time.monotonic() + 300
        while store.counts()["articles"] < 20 and p.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        p.send_signal(signal.SIGKILL)
        p.communicate(timeout=60)
        assert p.returncode == -signal.SIGKILL
        with store.db.read() as conn:
            stored = set(conn.execute(select(t.articles.c.id)).scalars())
        assert 20 <= len(stored) < len(docs) / 2, "the ingest was not killed halfway"
        consistent(store)
        report = store.ingest(Reader().read([str(corpus)]), extractor)
        assert stored <= set(report.unchanged) and not stored & set(report.added)
        assert report.documents + len(report.skipped) == len(docs) and len(report.added) > len(docs) / 2
        consistent(store)
        alone = sequential(new_store_url(), corpus, extractor)
        try:
            got, want = snapshot(store), snapshot(alone)
            assert got["events"] == want["events"] and got["links"] == want["links"]
        finally:
            alone.close()
    finally:
        store.close()
