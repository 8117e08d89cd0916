"""Four ingest processes at once, and an ingest killed at several points: real processes, real
databases, compared record for record with one sequential ingest."""

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
    # four overlapping corpora: every article in two or three of them
    corpora = [write_corpus(tmp_path / "a.jsonl", docs[:40]), write_corpus(tmp_path / "b.jsonl", docs[20:60]),
               write_corpus(tmp_path / "c.jsonl", docs[40:]), write_corpus(tmp_path / "d.jsonl", docs[::-2])]
    url, url_alone = new_store_url(), new_store_url()
    # the sequential ingest runs beside the parallel ones, so that all use the same code
    procs = [ingest_process(url, c) for c in corpora]
    procs.append(ingest_process(url_alone, write_corpus(tmp_path / "all.jsonl", docs)))
    for p in procs:
        _, err = p.communicate(timeout=900)
        assert p.returncode == 0, err
    together, alone = Store.open(url), Store.open(url_alone)
    try:
        consistent(together)
        got, want = snapshot(together), snapshot(alone)
        # every article once (wire copies with the same text are reports of one article)
        assert len(got["articles"]) == len({text_hash(d["text"]) for d in docs})
        assert got["articles"] == want["articles"]
        assert got["reports"] == want["reports"]
        assert len(got["reports"]) == len({d["id"] for d in docs})  # every copy kept as a report
        assert got["events"] == want["events"]
        assert got["links"] == want["links"]
        merged = [k for k in want["events"] if len({i.split(":")[0] for i in k}) > 1]
        assert len(merged) >= 10  # the corpus does exercise the cross-report merge
    finally:
        together.close()
        alone.close()


def _kill_after(store: Store, p: subprocess.Popen[str], articles: int) -> None:
    deadline = time.monotonic() + 300
    while store.counts()["articles"] < articles and p.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    p.send_signal(signal.SIGKILL)
    p.communicate(timeout=60)
    assert p.returncode == -signal.SIGKILL, "the ingest ended before it was killed"


def test_store_killed_ingest_leaves_whole_articles_and_resumes(new_store_url: Callable[[], str],
                                                                 tmp_path: Path, extractor: Extractor) -> None:
    docs = build(200, seed=5)
    corpus = write_corpus(tmp_path / "corpus.jsonl", docs)
    url = new_store_url()
    store = Store.open(url)
    try:
        # killed three times, each at a later point of the corpus, resumed each time
        for point in (10, 30, 60):
            _kill_after(store, ingest_process(url, corpus), point)
            consistent(store)
        with store.db.read() as conn:
            stored = set(conn.execute(select(t.articles.c.id)).scalars())
        assert 60 <= len(stored) < len(docs) / 2, "the ingest was not killed part of the way"
        report = store.ingest(Reader().read([str(corpus)]), extractor)
        assert stored <= set(report.unchanged) and not stored & set(report.added)
        assert report.documents + len(report.skipped) == len(docs) and len(report.added) > len(docs) / 3
        consistent(store)
        alone = sequential(new_store_url(), corpus, extractor)
        try:
            got, want = snapshot(store), snapshot(alone)
            assert got["events"] == want["events"] and got["links"] == want["links"]
            assert got["articles"] == want["articles"] and got["reports"] == want["reports"]
        finally:
            alone.close()
    finally:
        store.close()


HOSTILE = ["'; DROP TABLE events; --", "\" OR 1=1 --", "%", "_", "%Trump%", "\\", "Kim' OR '1'='1",
           "); DELETE FROM mentions; --", "\x00", "[link=x]y[/link]"]


def test_store_filters_with_sql_metacharacters_match_literally(new_store_url: Callable[[], str],
                                                                extractor: Extractor) -> None:
    from legation.store import Filters

    url = new_store_url()
    with Store.open(url) as store:
        store.ingest([d for d in Reader().read([str(REPO / "tests" / "data" / "store")])], extractor)
        before = snapshot(store)
        everything = store.query()
        assert everything
        for s in HOSTILE:
            for f in (Filters(actor=[s]), Filters(recipient=[s]), Filters(country=[s]), Filters(text=s),
                      Filters(event=[s]), Filters(dyad=(s, "PRK")), Filters(status=[s])):
                try:
                    found = store.query(f)
                except Exception as e:  # an unknown name may be refused, never run as SQL
                    assert "syntax" not in str(e).lower(), (s, e)
                    continue
                assert found == [], (s, f)  # no event holds these strings: % and _ match literally
            store.timeline(s, "PRK")
        assert snapshot(store) == before
        assert store.query(Filters(text="refused")) != []  # the text filter does match
