"""The event store on a real SQLite file and a real PostgreSQL server (the same tests on both)."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from legation.errors import StoreError
from legation.extract import Extractor
from legation.store import Filters, Store
from legation.store import schema as t
from legation.store.migrations import MIGRATIONS, applied, migrate

from .conftest import seed_documents, snapshot


def find(records: list[dict[str, Any]], event: str, actor: str, recipient: str,
         year: str = "2025") -> list[dict[str, Any]]:
    """Canonical events of a type between two parties (by name or code) in a year."""
    def has(ps: list[dict[str, Any]], who: str) -> bool:
        return any(who in (p.get("name"), p.get("code")) for p in ps)
    return [r for r in records if r["event"][0] == event and has(r["actor"], actor)
            and has(r["recipient"], recipient) and (r["date"] or "").startswith(year)]


@pytest.fixture
def three(store: Store, extractor: Extractor) -> Store:
    report = store.ingest(seed_documents(), extractor)
    assert sorted(report.added) == ["kcna-russia-day", "seed", "trump-letter-followup"]
    return store


def test_store_one_canonical_event_per_real_world_event(three: Store) -> None:
    events = three.query()
    docs = {d.id: d for d in seed_documents()}
    message = find(events, "SUPPORT", "Kim Jong Un", "Vladimir Putin")
    letter = find(events, "CONSULT", "Donald Trump", "Kim Jong Un")
    refusal = find(events, "REJECT", "PRK", "Donald Trump")
    last_year = find(events, "SUPPORT", "Kim Jong Un", "Vladimir Putin", "2024")
    assert [len(x) for x in (message, letter, refusal, last_year)] == [1, 1, 1, 1]
    for (e,), reports in [(message, {"seed", "kcna-russia-day"}), (letter, {"seed", "trump-letter-followup"}),
                          (refusal, {"seed", "trump-letter-followup"}), (last_year, {"seed"})]:
        assert {r["article_id"] for r in e["reports"]} == reports
        assert e["mention_count"] == e["report_count"] == len(reports)
        assert set(e["sources"]) == {docs[a].source for a in reports}
        assert e["first_reported"]["article_id"] == "seed"  # the earliest report
        for r in e["reports"]:  # every report's evidence points into its own article
            text = docs[r["article_id"]].text
            assert text[r["text_info"]["start"]:r["text_info"]["end"]] == r["text"]
            assert r["evidence"] and all(0 <= v["start"] < v["end"] <= len(text) for v in r["evidence"])
    assert message[0]["communication"]["occasion"] == "Russia Day"
    assert message[0]["date"] == "2025-06-11" and last_year[0]["date"].startswith("2024-06")
    assert letter[0]["status"] == "refused"
    counts = three.counts()
    assert counts["events"] == counts["mentions"] - 3  # three real events were reported twice
    # no canonical event holds two mentions of one article
    assert all(len(e["reports"]) == len({r["article_id"] for r in e["reports"]}) for e in events)


def test_store_threads_link_the_steps_of_a_story(three: Store) -> None:
    events = three.query()
    [message] = find(events, "SUPPORT", "Kim Jong Un", "Vladimir Putin")
    [letter] = find(events, "CONSULT", "Donald Trump", "Kim Jong Un")
    [refusal] = find(events, "REJECT", "PRK", "Donald Trump")
    steps = [(s.event_id, s.relation) for s, _ in three.thread(refusal["id"])]
    assert steps == [(letter["id"], None), (refusal["id"], "refused")]
    thread = three.thread(message["id"])
    assert thread[0][0].event_id == message["id"]
    [(conveyed, record)] = [(s, r) for s, r in thread if s.relation == "conveyed"]
    assert record["actor"][0]["name"] == "Shin Hong-cheol" and conveyed.after == message["id"]
    assert message["thread"] == min(message["id"], conveyed.event_id)  # a thread is named by its first id


def test_store_reingest_changes_nothing(three: Store, extractor: Extractor) -> None:
    before = snapshot(three)
    report = three.ingest(seed_documents(), extractor)
    assert report.unchanged == ["seed", "kcna-russia-day", "trump-letter-followup"] and not report.added
    assert snapshot(three) == before
    assert before["orphan_mentions"] == []


def test_store_a_copy_from_another_outlet_is_a_further_report(three: Store, extractor: Extractor) -> None:
    before = snapshot(three)
    seed = seed_documents()[0]
    # the same text under another id, outlet and URL (other line breaks do not count), and a
    # near copy (a syndicated version with its own last line): further reports, not new articles
    again = replace(seed, id="seed-copy", url="https://mirror.example/seed", source="Mirror Daily",
                    text=seed.text.replace("\n", "\n\n"))
    near = replace(seed, id="seed-syndicated", url="https://wire.example/s", source="Wire Weekly",
                   text=seed.text + "\nDistributed by Wire Weekly.")
    report = three.ingest([again, near], extractor)
    assert report.copies == ["seed-copy", "seed-syndicated"] and not report.added and report.mentions == 0
    assert three.ingest([again, near], extractor).unchanged == ["seed-copy", "seed-syndicated"]
    after = snapshot(three)
    assert after["articles"] == before["articles"]  # no article added, nothing extracted again
    [refusal] = find(three.query(), "REJECT", "PRK", "Donald Trump")
    assert {"Mirror Daily", "Wire Weekly"} <= set(refusal["sources"])
    assert refusal["report_count"] == 4  # seed, its two copies, and the follow-up article
    seed_report = next(r for r in refusal["reports"] if r["article_id"] == "seed")
    copies = {c["id"]: c for c in seed_report["copies"]}
    assert copies["seed-copy"]["url"] == "https://mirror.example/seed" and copies["seed-copy"]["similarity"] == 1.0
    assert 0.8 <= copies["seed-syndicated"]["similarity"] < 1.0  # the texts differ by a line
    # removing a copy takes only its report away
    assert three.remove(["seed-copy", "seed-syndicated"]) == (["seed-copy", "seed-syndicated"], [])
    assert snapshot(three) == before


def test_store_a_copy_under_a_smaller_id_takes_the_article_over(store: Store, extractor: Extractor) -> None:
    seed = seed_documents()[0]
    copy = replace(seed, id="a-first", source="Mirror Daily", url="https://mirror.example/seed")
    store.ingest([seed, copy], extractor)
    one = snapshot(store)
    store.remove(["a-first"])
    store.ingest([copy, seed], extractor)
    assert snapshot(store) == one  # the same store whichever came first
    assert set(one["articles"]) == {"a-first"}
    [refusal] = find(store.query(), "REJECT", "PRK", "Donald Trump")
    assert [c["id"] for c in refusal["reports"][0]["copies"]] == ["seed"]


def test_store_corrected_article_replaces_its_mentions(three: Store, extractor: Extractor) -> None:
    before = snapshot(three)
    followup = seed_documents()[2]
    # the correction drops the paragraph on the letter's delivery and the refusal, and names
    # the addressee in full where the dropped paragraph did
    lines = followup.text.splitlines()
    kept = "\n".join(lines[1:2] + lines[3:]).replace("wrote to Kim ", "wrote to Kim Jong Un ")
    corrected = replace(followup, text=kept)
    assert three.ingest([corrected], extractor).corrected == ["trump-letter-followup"]
    events = three.query()
    [refusal] = find(events, "REJECT", "PRK", "Donald Trump")
    assert {r["article_id"] for r in refusal["reports"]} == {"seed"}
    with three.db.read() as conn:
        version = conn.execute(select(t.articles.c.version).where(t.articles.c.id == followup.id)).scalar()
        texts = list(conn.execute(select(t.mentions.c.text).where(t.mentions.c.article_id == followup.id)).scalars())
    assert version == 2 and texts and all("refused" not in x for x in texts)
    # the original text again is an older version: it does not revert the correction
    corrected_store = snapshot(three)
    assert three.ingest([followup], extractor).stale == ["trump-letter-followup"]
    assert snapshot(three) == corrected_store
    # removed, and ingested again, it puts every event back as it was
    three.remove([followup.id])
    assert three.ingest([followup], extractor).added == ["trump-letter-followup"]
    after = snapshot(three)
    assert after["events"] == before["events"] and after["links"] == before["links"]


def test_store_correction_found_by_url(three: Store, extractor: Extractor) -> None:
    followup = seed_documents()[2]
    moved = replace(followup, id="trump-letter-v2", text=followup.text + "\nThis story has been corrected.")
    assert three.ingest([moved], extractor).corrected == ["trump-letter-v2"]
    with three.db.read() as conn:
        ids = set(conn.execute(select(t.articles.c.id)).scalars())
    assert ids == {"seed", "kcna-russia-day", "trump-letter-v2"}
    [refusal] = find(three.query(), "REJECT", "PRK", "Donald Trump")
    assert {r["article_id"] for r in refusal["reports"]} == {"seed", "trump-letter-v2"}


def test_store_articles_that_only_share_a_url_stay_apart(three: Store, extractor: Extractor) -> None:
    seed, kcna, followup = seed_documents()
    # the id of one stored article and the URL of another with a different story: the first
    # is corrected, the second is another article and stays
    both = replace(followup, url=kcna.url, text=followup.text + "\nUpdated with the embassy's response.")
    assert three.ingest([both], extractor).corrected == [followup.id]
    with three.db.read() as conn:
        rows = {r.id: (r.url, r.version) for r in conn.execute(select(t.articles))}
        urls = {r.id: r.url for r in conn.execute(select(t.reports))}
    assert rows == {"seed": (seed.url, 1), kcna.id: (kcna.url, 1), followup.id: (None, 2)}
    assert urls[followup.id] == kcna.url  # kept in the report
    [message] = find(three.query(), "SUPPORT", "Kim Jong Un", "Vladimir Putin")
    assert message["mention_count"] == 2
    # three records of different ids and texts at one URL: three articles
    for n in range(3):
        other = replace(kcna, id=f"section-{n}", url="https://news.example/world",
                        text=f"Section item {n}. " + ["Japan protested to China over the islands.",
                                                      "Iran accused Israel of attacking a tanker.",
                                                      "Russia and Belarus held joint exercises."][n])
        assert three.ingest([other], extractor).added == [f"section-{n}"]
    assert three.counts()["articles"] == 6


def test_store_removing_an_article_undoes_its_merges(store: Store, extractor: Extractor) -> None:
    seed, kcna, followup = seed_documents()
    store.ingest([seed, kcna], extractor)
    before = snapshot(store)
    store.ingest([followup], extractor)
    assert snapshot(store)["events"] != before["events"]
    assert store.remove(["trump-letter-followup", "nonexistent"]) == (["trump-letter-followup"], ["nonexistent"])
    assert snapshot(store) == before


def test_store_content_does_not_depend_on_ingest_order(store: Store, extractor: Extractor) -> None:
    docs = seed_documents()
    store.ingest(docs, extractor)
    forward = snapshot(store)
    store.remove([d.id for d in docs])
    assert store.counts() == {"articles": 0, "mentions": 0, "events": 0, "links": 0}
    for d in reversed(docs):
        store.ingest([d], extractor)
    assert snapshot(store) == forward


def test_store_query_filters(three: Store) -> None:
    def ids(**kw: Any) -> set[int]:
        return {r["id"] for r in three.query(Filters(**kw))}

    everything = three.query()
    by_id = {r["id"]: r for r in everything}
    [message] = find(everything, "SUPPORT", "Kim Jong Un", "Vladimir Putin")
    [letter] = find(everything, "CONSULT", "Donald Trump", "Kim Jong Un")
    [refusal] = find(everything, "REJECT", "PRK", "Donald Trump")
    [last_year] = find(everything, "SUPPORT", "Kim Jong Un", "Vladimir Putin", "2024")

    assert ids(actor=["kim jong un"]) == ids(actor=["Q56226"]) == {message["id"], last_year["id"]}
    assert {message["id"], refusal["id"], last_year["id"]} <= ids(actor=["PRK"])
    assert letter["id"] not in ids(actor=["PRK"])
    assert ids(actor=["PRK"], recipient=["USA"]) == {refusal["id"]}
    assert ids(dyad=("USA", "PRK")) == ids(dyad=("PRK", "USA")) >= {letter["id"], refusal["id"]}
    assert all(r["event"] == ["REJECT"] for r in three.query(Filters(event=["reject"])))
    assert ids(event=["REJECT"], quad=[3]) >= {refusal["id"]} and not ids(event=["REJECT"], quad=[1])
    assert ids(country=["RUS"]) >= {message["id"], last_year["id"]} and refusal["id"] not in ids(country=["RUS"])
    assert ids(until=date(2024, 12, 31)) == {last_year["id"]}
    assert last_year["id"] not in ids(since=date(2025, 1, 1))
    assert ids(status=["refused"]) == {letter["id"]}
    assert all(by_id[i]["factuality"] == "reported" for i in ids(factuality=["reported"]))
    assert refusal["id"] in ids(text="REFUSED to accept") and message["id"] not in ids(text="refused to accept")
    assert ids(text="100%_") == set()
    assert len(three.query(Filters(limit=2))) == 2
    dates = [r["date"] for r in everything]
    assert dates == sorted(dates)


def test_store_timeline_counts_by_month_and_quad(three: Store) -> None:
    rows = three.timeline("RUS", "PRK")
    assert [r.month for r in rows] == sorted(r.month for r in rows)
    assert {"2024-06", "2025-06"} <= {r.month for r in rows}
    dyad = three.query(Filters(dyad=("PRK", "RUS")))
    assert sum(r.events for r in rows) == len(dyad)
    for r in rows:
        records = [x for x in dyad if x["id"] in r.event_ids]
        assert r.events == len(records) == sum(r.quads.values())
        scores = [x["event_scale"] for x in records]
        assert r.mean_score == pytest.approx(sum(scores) / len(scores), abs=0.01)
    assert three.timeline("PRK", "RUS")[0] == rows[0]
    assert three.timeline("PRK", "ZZZ") == []


def test_store_export_formats(three: Store, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    counts = three.counts()
    out = io.StringIO()
    assert three.export("jsonl", out) == counts["events"]
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert sum(r["mention_count"] for r in records) == counts["mentions"]
    assert all({"id", "event", "actor", "recipient", "quad_code", "event_scale", "mention_count", "sources",
                "reports", "first_reported"} <= set(r) for r in records)
    assert three.export("csv", tmp_path / "events.csv") == counts["events"]
    rows = list(csv.DictReader((tmp_path / "events.csv").open(encoding="utf-8")))
    assert [int(r["id"]) for r in rows] == [r["id"] for r in records]
    assert [int(r["mention_count"]) for r in rows] == [r["mention_count"] for r in records]
    assert three.export("parquet", tmp_path / "events.parquet") == counts["events"]
    table = pq.read_table(tmp_path / "events.parquet")
    assert table.num_rows == counts["events"]
    assert table.column("mention_count").to_pylist() == [r["mention_count"] for r in records]
    assert json.loads(table.column("record")[0].as_py()) == records[0]


def test_store_explain_says_why(three: Store) -> None:
    events = three.query()
    [message] = find(events, "SUPPORT", "Kim Jong Un", "Vladimir Putin")
    x = three.explain(message["id"])
    assert x is not None and [m.article_id for m in x.reports] == ["seed", "kcna-russia-day"]
    [pair] = x.pairs
    assert pair.mention_id.startswith("kcna-russia-day:") and all(c.ok for c in pair.checks)
    assert {c.criterion for c in pair.checks} == {"reports", "negation", "type", "communication", "parties", "date"}
    # the letter of the same days was a candidate (both are communications), kept apart by its kind
    [letter] = find(events, "CONSULT", "Donald Trump", "Kim Jong Un")
    misses = [n for n in x.near_misses if n.event_id == letter["id"]]
    assert misses and all("communication" in {c.criterion for c in n.failed} for n in misses)
    assert all(n.event_id != message["id"] and n.failed for n in x.near_misses)
    assert json.loads(json.dumps(x.to_dict()))["merged"][0]["against"] == x.reports[0].id
    assert three.explain(10_000) is None


def test_store_migrations_are_named_recorded_and_idempotent(store: Store, store_url: str) -> None:
    assert applied(store.db) == [m.name for m in MIGRATIONS]
    assert migrate(store.db) == []
    Store.open(store_url).close()
    assert applied(store.db) == [m.name for m in MIGRATIONS]
    store.db.write(lambda c: c.execute(t.migrations.insert().values(name="9999_future", applied_at="x")))
    with pytest.raises(StoreError, match="newer legation"):
        Store.open(store_url)


def test_store_migration_0003_gives_stored_articles_their_reports(store_url: str, extractor: Extractor,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from legation.store import migrations
    from legation.store.rows import article_row

    seed = seed_documents()[0]
    monkeypatch.setattr(migrations, "MIGRATIONS", MIGRATIONS[:2])  # a store of the previous release
    with Store.open(store_url) as old:
        old.db.write(lambda c: c.execute(t.articles.insert().values(**article_row(seed, 1, seed.url))))
    monkeypatch.setattr(migrations, "MIGRATIONS", MIGRATIONS)
    with Store.open(store_url) as new:
        assert "0003_reports" in applied(new.db)
        with new.db.read() as conn:
            assert [(r.article_id, r.id, r.url) for r in conn.execute(select(t.reports))] == [
                (seed.id, seed.id, seed.url)]
            assert conn.execute(select(t.signature_bands)).all()
        copy = replace(seed, id="zz-copy", url="https://mirror.example/x")
        assert new.ingest([copy], extractor).copies == ["zz-copy"]


def test_store_event_ids_come_from_content(store: Store, extractor: Extractor, tmp_path: Path) -> None:
    docs = seed_documents()
    store.ingest(docs, extractor)

    def ids(s: Store) -> dict[int, tuple[str, ...]]:
        with s.db.read() as conn:
            out: dict[int, list[str]] = {}
            for mid, eid in conn.execute(select(t.mentions.c.id, t.mentions.c.event_id)):
                out.setdefault(eid, []).append(mid)
        return {eid: tuple(sorted(ms)) for eid, ms in out.items()}

    first = ids(store)
    assert all(0 < eid < 2 ** 53 for eid in first)  # exact in JavaScript too
    assert all(m.startswith(("seed:", "kcna-russia-day:", "trump-letter-followup:")) for ms in first.values()
               for m in ms)
    store.remove([d.id for d in docs])
    for d in reversed(docs):
        store.ingest([d], extractor)
    assert ids(store) == first  # removed and ingested again, in another order: the same ids
    with Store.open(f"sqlite:///{tmp_path / 'other.db'}") as other:
        other.ingest(docs[1:], extractor)
        other.ingest(docs[:1], extractor)
        assert ids(other) == first  # another store: the same ids


def test_copies_are_judged_on_the_exact_similarity_of_the_texts() -> None:
    from legation.store.copies import NEAR_COPY, fingerprint, shingles

    a = "Brazilian President Lula held talks on May 8 with U.S. President Donald Trump, The Hindu reported."
    b = "Brazilian President Lula held talks on May 8 with U.S. President Donald Trump, Al Jazeera reported."
    # two outlets' one-line stories: their own credits make them two reports of the event, not copies
    assert fingerprint(a).similarity(shingles(b)) < NEAR_COPY
    long = " ".join(f"Paragraph {i} of the story tells of the talks in its own words." for i in range(60))
    fp = fingerprint(long)
    assert fp.similarity(shingles(long + " Distributed by Wire Weekly.")) >= NEAR_COPY
    assert len(fp.bands) == 16 and fp.bands == fingerprint(long).bands  # the same keys in any process
    assert fingerprint("").bands == ()
