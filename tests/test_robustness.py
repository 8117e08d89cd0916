"""Nothing lost and nothing crashes: hostile inputs, long documents, killed parents, exit statuses.

The fuzz tests (hypothesis) throw random bytes, broken UTF-8, wrong JSON types, deep nesting,
NUL bytes and invisible characters at the reader and the extractor: every input must come
out as a document or a reported skip, and no exception may escape.
"""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legation import extract as extract_module
from legation.cli import _Main
from legation.extract import Extractor, pieces
from legation.output import Writer, render_table
from legation.reader import Reader
from legation.records import Document, Skipped
from legation.store.export import spreadsheet_safe, write_csv

from .test_cli import legation

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# characters that make trouble: NUL and controls, zero-width and bidirectional marks,
# lone surrogates, quotes and brackets, markup, line breaks of every kind
NASTY = st.sampled_from(["\x00", "\x07", "\u200b", "\u200d", "\u202e", "\u2066", "\ufeff", "\ud800",
                         "\udfff", '"', "'", "[", "]", "[bold]", "{", "}", "\n", "\r\n", "\u2028",
                         "\u00a0", "=", "\\", "</p>", "<script>"])
WORDS = st.sampled_from(["Russia", "China", "Kim Jong Un", "Putin", "met", "sent", "a letter", "to",
                         "refused", "said", "on Monday", "the two sides", ".", ",", "North Korea"])
TEXT = st.lists(st.one_of(WORDS, NASTY, st.text(max_size=12)), max_size=40).map(" ".join)
JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12)
RECORD = st.fixed_dictionaries({}, optional={
    "id": JSON_VALUE, "text": st.one_of(TEXT, JSON_VALUE), "published": st.one_of(
        JSON_VALUE, st.sampled_from(["2024-02-30", "0001-01-01", "9999-12-31", "2025-06-12T08:00:00Z"])),
    "title": JSON_VALUE, "url": st.one_of(JSON_VALUE, st.just("")), "source": JSON_VALUE})


def _accounted(items: list[Document | Skipped]) -> None:
    for item in items:
        if isinstance(item, Document):
            for value in (item.id, item.text, item.title, item.url, item.source, *item.warnings):
                if value is not None:
                    value.encode("utf-8")  # every string can be written out
        else:
            assert item.reason and item.origin


@FUZZ
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".jsonl", ".json", ".html"]))
def test_fuzz_reader_random_bytes_never_crash(tmp_path: Path, data: bytes, suffix: str) -> None:
    p = tmp_path / f"input{suffix}"
    p.write_bytes(data)
    items = list(Reader().read([str(p)]))
    _accounted(items)
    if suffix in (".txt", ".html"):
        assert len(items) == 1  # one file, one document or one skip


@FUZZ
@given(records=st.lists(st.one_of(RECORD, JSON_VALUE), min_size=1, max_size=6))
def test_fuzz_reader_json_lines_of_any_shape(tmp_path: Path, records: list[object]) -> None:
    lines = []
    for r in records:
        try:
            lines.append(json.dumps(r).encode("utf-8", "surrogatepass"))
        except ValueError:  # NaN is valid for json.dumps; nothing else fails
            lines.append(b"{}")
    p = tmp_path / "fuzz.jsonl"
    p.write_bytes(b"\n".join(lines) + b"\n")
    items = list(Reader().read([str(p)]))
    _accounted(items)
    assert len(items) == sum(1 for ln in lines if ln.strip())  # none lost


def test_reader_huge_line_and_deep_html_are_reported(tmp_path: Path) -> None:
    deep = tmp_path / "deep.html"
    deep.write_text("<div>" * 20_000 + "Russia and China met." + "</div>" * 20_000, encoding="utf-8")
    long = tmp_path / "long.jsonl"
    long.write_text(json.dumps({"id": "long", "text": "Russia met China. " * 2000}) + "\n", encoding="utf-8")
    deep_item, long_item = Reader(max_chars=10_000).read([str(deep), str(long)])
    assert isinstance(deep_item, Document | Skipped)
    assert isinstance(long_item, Skipped) and "too long" in long_item.reason and "--max-chars" in long_item.reason


@FUZZ
@given(records=st.lists(RECORD, min_size=1, max_size=4))
def test_fuzz_extractor_every_input_gives_events_or_a_reason(extractor: Extractor, records: list[dict]) -> None:
    reader = Reader(date(2024, 6, 12))
    items = [reader.record(r, f"<fuzz {n}>", f"fuzz-{n}") for n, r in enumerate(records)]
    results = list(extractor.run(items))
    assert len(results) == len(items)
    for r in results:
        assert r.doc is not None or r.skipped is not None  # a document, or why not
        assert not (r.events and r.skipped)
        for e in r.events:
            json.dumps(e.to_dict(), ensure_ascii=False).encode("utf-8")
        if r.skipped is not None:
            assert r.skipped.reason
            assert not r.skipped.reason.startswith("extraction failed"), r.skipped  # no defect met


@pytest.mark.parametrize("published", [date(1, 1, 1), date(9999, 12, 31)])
def test_extractor_dates_at_the_ends_of_the_calendar(extractor: Extractor, published: date) -> None:
    text = "Russia and China signed a trade deal on Monday. Putin met Xi last week. Two days later, Xi left."
    events = extractor.extract(Document(id="d", text=text, published=published))
    assert events and all(e.actor for e in events)


# -- long documents ---------------------------------------------------------------------------
def test_pieces_cut_at_paragraphs_then_sentences_then_words() -> None:
    text = "First paragraph here.\nSecond one is a little longer.\nThird."
    spans = list(pieces(text, 30))
    assert "".join(text[a:b] for a, b in spans) == text
    assert all(b - a <= 30 for a, b in spans)
    assert text[spans[0][0]:spans[0][1]] == "First paragraph here."
    one_line = "Alpha beta gamma. Delta epsilon zeta. Eta theta iota kappa."
    spans = list(pieces(one_line, 25))
    assert one_line[spans[0][0]:spans[0][1]] == "Alpha beta gamma."
    no_space = "x" * 70
    assert list(pieces(no_space, 30)) == [(0, 30), (30, 60), (60, 70)]


def test_long_document_is_processed_in_pieces_with_offsets_into_the_whole(
        extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    paragraphs = ["Japan's foreign ministry protested to China on Tuesday over the air defence zone.",
                  "Russia and Belarus held joint military exercises near the Polish border.",
                  "North Korean leader Kim Jong Un sent a message of greeting to Vladimir Putin.",
                  "Iran accused Israel of attacking a tanker in the Gulf of Oman."] * 3
    text = "\n".join(paragraphs)
    doc = Document(id="long", text=text, published=date(2024, 6, 12))
    whole = extractor.extract(doc)
    monkeypatch.setattr(extract_module, "PIECE_CHARS", 200)
    cut = extractor.extract(doc)
    [via_batch] = extractor.run_batch([doc])
    assert [e.to_dict() for e in via_batch.events] == [e.to_dict() for e in cut]
    assert len({e.id for e in cut}) == len(cut)  # numbered across pieces, never twice
    for e in cut:
        ti = e.text_info
        assert text[ti["start"]:ti["end"]] == e.text
        for ev in e.evidence:  # every span points into its sentence, in the whole text
            assert ti["start"] <= ev.start < ev.end <= ti["end"] and text[ev.start:ev.end].strip()
    # each paragraph is its own piece here, so the same events come out (the merge of the
    # repeated ones aside, which cannot reach across pieces)
    assert {(e.event[0], e.text) for e in cut} == {(e.event[0], e.text) for e in whole}
    assert len(cut) >= len(whole)


def test_merge_of_a_repeated_event_keeps_each_party_once(extractor: Extractor) -> None:
    sentence = "Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on Monday. "
    doc = Document(id="rep", text=(sentence + "\n") * 60, published=date(2024, 6, 12))
    frames = extractor.frames_of(doc)
    from legation.merge import Group
    g = Group()
    for f in frames:
        if f.type == "CONSULT":
            g.add(f)
    assert len(g.frames) == 60
    assert len(g.actor_ids) == 1 and len(g.recipient_ids) == 1 and len(g.dates()) == 1
    [event] = [e for e in extractor.merger.merge(doc, frames) if e.event == ["CONSULT"]]
    assert len([x for x in event.evidence if x.field == "event"]) == 60


# -- output that cannot be subverted ------------------------------------------------------------
def test_table_output_shows_markup_as_written(extractor: Extractor) -> None:
    events = extractor.extract(Document(id="[link=http://x]id[/link] [bold", text=(
        "Russia and China signed a trade deal on Monday."), published=date(2024, 6, 12)))
    out = io.StringIO()
    w = Writer(out, "table")
    w.write(events)
    w.close()
    assert "[link=http://x]id[/link] [bold" in out.getvalue().replace("\n", "").replace(" ", "") or \
        "[link=http://x]id[/link]" in out.getvalue().replace(" ", "")
    render_table([{"id": "[/]", "actor": [], "recipient": [], "event": ["[red]X"]}], io.StringIO())


def test_csv_cells_that_would_run_as_formulas_are_quoted() -> None:
    assert spreadsheet_safe("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert [spreadsheet_safe(v) for v in ("+1", "-2", "@SUM(A1)", "\tx", "plain", 3, None)] == [
        "'+1", "'-2", "'@SUM(A1)", "'\tx", "plain", 3, None]
    out = io.StringIO()
    write_csv([{"id": 1, "actor": [{"name": "=cmd|' /C calc'!A0"}], "recipient": [], "event": ["ACCUSE"],
                "text": "@evil"}], out)
    row = out.getvalue().splitlines()[1]
    assert "'=cmd" in row and "'@evil" in row


# -- the command line ---------------------------------------------------------------------------
def test_cli_a_defect_exits_3_and_names_it() -> None:
    group = _Main(name="legation")

    @group.command()
    def boom() -> None:
        raise RuntimeError("the frobnicator broke")

    @group.command()
    def usage() -> None:
        raise click.UsageError("bad option")

    r = CliRunner().invoke(group, ["boom"])
    assert r.exit_code == 3 and "internal error: RuntimeError: the frobnicator broke" in r.output
    assert CliRunner().invoke(group, ["usage"]).exit_code == 2


def test_cli_warns_once_without_a_publication_date_and_keeps_bad_dates_as_warnings(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in [
        {"id": "a", "text": "Japan's foreign ministry protested to China on Tuesday."},
        {"id": "b", "text": "Russia and Belarus held joint military exercises.", "published": "last week"},
    ]), encoding="utf-8")
    r = legation("extract", str(corpus))
    assert r.returncode == 0, r.stderr
    warnings = [ln for ln in r.stderr.splitlines() if "warning" in ln]
    assert sum("has no publication date" in ln for ln in warnings) == 1
    assert any("c.jsonl:2" in ln and "'last week' is not an ISO date" in ln for ln in warnings)
    assert {json.loads(ln)["doc_id"] for ln in r.stdout.splitlines()} == {"a", "b"}
    quiet = legation("extract", str(corpus), "--published", "2024-11-26")
    assert "has no publication date" not in quiet.stderr


def test_cli_with_text_gives_the_text_the_offsets_point_into(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><body><nav>Home | World</nav><article><p>Japan&#8217;s foreign ministry "
                    "protested to China on Tuesday over the new air defence zone, Kyodo News reported."
                    "</p><p>The two countries have argued over the islands for years.</p></article>"
                    "</body></html>", encoding="utf-8")
    r = legation("extract", str(page), "--published", "2024-11-26", "--with-text")
    assert r.returncode == 0, r.stderr
    [event, *_] = [json.loads(ln) for ln in r.stdout.splitlines()]
    text = event["document_text"]
    assert "Home | World" not in text
    for ev in event["evidence"]:
        assert text[ev["start"]:ev["end"]] in event["text"]


def _children(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    return [int(x) for x in out.split()]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split(")")[-1].split()[0] == "Z")


@pytest.mark.skipif(not Path("/proc").exists(), reason="needs /proc to find the worker processes")
def test_workers_end_when_their_parent_is_killed(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("legation")
    parent = subprocess.Popen([str(exe), "extract", "-", "--workers", "2", "-o", str(tmp_path / "out.jsonl")],
                              stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    try:
        assert parent.stdin is not None
        parent.stdin.write(b'{"id": "a", "text": "Russia and China signed a trade deal."}\n')
        parent.stdin.flush()
        workers: list[int] = []
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:  # the workers are started and loading the model
            workers = [c for c in _children(parent.pid) if "resource_tracker" not in
                       Path(f"/proc/{c}/cmdline").read_text(errors="replace")] if _alive(parent.pid) else []
            if len(workers) >= 2:
                break
            time.sleep(0.5)
        assert len(workers) >= 2, "the workers did not start"
        time.sleep(2)
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=30)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and any(_alive(w) for w in workers):
            time.sleep(0.5)
        assert not any(_alive(w) for w in workers), "a worker outlived its parent"
    finally:
        if parent.poll() is None:
            parent.kill()
        try:
            os.killpg(parent.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
