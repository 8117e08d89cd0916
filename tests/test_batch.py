"""Batch extraction: bad records reported, the rest processed, in order, in bounded memory."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from legation.batch import BatchExtractor
from legation.extract import Extractor, Result
from legation.reader import Reader
from legation.records import Document, Skipped

from .conftest import REPO, shared_path
from .test_cli import legation

GOOD = [
    ("g1", "Japan's foreign ministry protested to China on Tuesday over the new air defence zone, "
           "Kyodo News reported."),
    ("g2", "Russia and Belarus held joint military exercises near Poland."),
    ("g3", "Vietnamese President Luong Cuong sent a message of condolence to Japanese Emperor Naruhito "
           "on Monday over the earthquake."),
]


class FailingExtractor(Extractor):
    """An extractor with a defect on two documents: one raises, one kills its process."""

    def frames_of(self, doc, sentences=None):  # type: ignore[no-untyped-def]
        if doc.id == "boom":
            raise RuntimeError("a stage met something it did not expect")
        if doc.id == "die":
            os._exit(3)
        return super().frames_of(doc, sentences)


def _record(doc_id: str, text: str) -> bytes:
    return json.dumps({"id": doc_id, "text": text, "published": "2024-11-26"}).encode() + b"\n"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Good documents with bad records between them."""
    path = tmp_path_factory.mktemp("batch") / "corpus.jsonl"
    lines = [
        _record(*GOOD[0]),
        b'{"id": "broken", "text": "North Korea\n',                      # bad JSON (line 2)
        _record("empty", "   "),                                          # empty text
        b"\x00\x9f\x92\x96\xff\xfe binary junk \x01\x02\n",               # binary junk (line 4)
        _record("nul", "Iran \x00\x00\x00 warned Israel."),               # NUL inside a record: removed
        _record(*GOOD[1]),
        _record("boom", "Israel accused Iran of attacking a tanker in the Gulf of Oman."),
        _record("korean", "북한은 미국의 서한 수령을 거부했다고 소식통이 전했다."),
        _record(*GOOD[2]),
    ]
    path.write_bytes(b"".join(lines))
    return path


BAD = {"corpus.jsonl:2": "malformed JSON", "empty": "empty text", "corpus.jsonl:4": "malformed JSON",
       "boom": "extraction failed: RuntimeError", "korean": "not English"}


def _check_bad_records_reported(results: list[Result]) -> None:
    assert len(results) == 9  # one result per input line, none lost
    skipped = [r.skipped for r in results if r.skipped is not None]
    assert len(skipped) == len(BAD)
    for key, why in BAD.items():
        hit = [s for s in skipped if key in (s.doc_id or "") or s.origin.endswith(key)]
        assert hit and why in hit[0].reason, (key, skipped)
    done = [r for r in results if r.skipped is None]
    assert [r.doc.id for r in done if r.doc] == ["g1", "nul", "g2", "g3"]  # input order
    assert all(r.events for r in done if r.doc and r.doc.id != "nul")
    [nul] = [r.doc for r in done if r.doc and r.doc.id == "nul"]
    assert nul.text == "Iran  warned Israel." and "3 control character(s) removed" in nul.warnings


def test_batch_bad_records_are_reported_and_the_rest_processed(
        extractor: Extractor, corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    original = extractor.frames_of

    def failing(doc, sentences=None):  # type: ignore[no-untyped-def]
        if doc.id == "boom":
            raise RuntimeError("a stage met something it did not expect")
        return original(doc, sentences)

    monkeypatch.setattr(extractor, "frames_of", failing)
    with BatchExtractor(lambda: extractor, workers=1, chunk_size=4) as batch:
        results = list(batch.run(Reader().read([str(corpus)])))
    _check_bad_records_reported(results)


def _events(results: list[Result]) -> list[dict[str, Any]]:
    return [e.to_dict() for r in results for e in r.events]


@pytest.fixture(scope="module")
def two_workers() -> Iterator[BatchExtractor]:
    with BatchExtractor(FailingExtractor, workers=2, chunk_size=3) as batch:
        yield batch


def test_batch_two_workers_give_the_events_of_one(
        extractor: Extractor, two_workers: BatchExtractor, corpus: Path) -> None:
    seed = str(shared_path("eval", "seed", "article.jsonl"))
    plover = shared_path("eval", "plover_gsr", "input.jsonl").read_text(encoding="utf-8").splitlines()[:24]
    inputs = [str(corpus), seed]
    two = list(two_workers.run(Reader().read(inputs)))
    _check_bad_records_reported(two[:9])
    items = [Document(id=json.loads(ln)["id"], text=json.loads(ln)["text"]) for ln in plover]
    two += list(two_workers.run(iter(items)))
    with BatchExtractor(lambda: extractor, workers=1, chunk_size=5) as one_worker:
        one = list(one_worker.run(r for r in Reader().read([seed])))
        one += list(one_worker.run(iter(items)))
    assert _events(two[9:]) == _events(one)


def test_batch_worker_that_dies_costs_only_its_document(two_workers: BatchExtractor) -> None:
    items = [Document(id=i, text=t) for i, t in GOOD] + [Document(id="die", text=GOOD[1][1])]
    items += [Document(id=f"{i}-again", text=t) for i, t in GOOD]
    results = list(two_workers.run(iter(items)))
    assert [r.doc.id for r in results if r.doc] == [d.id for d in items]
    dead = [r.skipped for r in results if r.skipped is not None]
    assert len(dead) == 1 and dead[0].doc_id == "die" and "died" in dead[0].reason
    assert all(r.events for r in results if r.skipped is None)


class _Lazy:
    """Documents on demand; fails if anyone reads more than ``ahead`` beyond what was consumed."""

    def __init__(self, ahead: int) -> None:
        self.ahead = ahead
        self.pulled = 0
        self.consumed = 0

    def __iter__(self) -> Iterator[Document | Skipped]:
        while True:
            if self.pulled - self.consumed > self.ahead:
                raise AssertionError(f"read {self.pulled} documents with {self.consumed} consumed")
            self.pulled += 1
            yield Document(id=f"d{self.pulled}", text=GOOD[self.pulled % 3][1])


@pytest.mark.parametrize("workers", [1, 2])
def test_batch_reads_its_input_lazily(workers: int, extractor: Extractor,
                                      two_workers: BatchExtractor) -> None:
    """An endless input: results flow while at most a window of documents is held."""
    batch = two_workers if workers == 2 else BatchExtractor(lambda: extractor, workers=1, chunk_size=3)
    source = _Lazy(ahead=batch.window * batch.chunk_size + batch.chunk_size)
    for n, result in enumerate(batch.run(iter(source)), 1):
        source.consumed = n
        assert result.skipped is None
        if n == 30:
            break
    assert source.pulled <= 30 + batch.window * batch.chunk_size


def test_cli_extract_with_workers_reports_bad_records(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    r = legation("extract", str(corpus), "--workers", "2", "-o", str(out))
    assert r.returncode == 1
    for name in ("corpus.jsonl:2", "corpus.jsonl:3", "corpus.jsonl:4", "corpus.jsonl:8"):
        assert any("skipped" in ln and name in ln for ln in r.stderr.splitlines()), (name, r.stderr)
    assert any("warning" in ln and "corpus.jsonl:5" in ln and "control character" in ln
               for ln in r.stderr.splitlines()), r.stderr
    assert "docs/s" not in r.stderr  # no progress bar when standard error is not a terminal
    assert {json.loads(ln)["doc_id"] for ln in out.read_text().splitlines()} >= {"g1", "g2", "g3", "boom"}
    assert "5 document(s)" in r.stderr and "4 skipped" in r.stderr


def test_cli_extract_shows_progress_on_a_terminal(corpus: Path, tmp_path: Path) -> None:
    master, slave = pty.openpty()
    exe = Path(sys.executable).with_name("legation")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "legation.cli"]
    proc = subprocess.Popen([*cmd, "extract", str(corpus), "-o", str(tmp_path / "e.jsonl")],
                            stderr=slave, stdout=subprocess.DEVNULL, cwd=REPO,
                            env={**os.environ, "TERM": "xterm", "COLUMNS": "120"})
    os.close(slave)
    seen = b""
    while True:  # read while it runs, so that a full terminal buffer never blocks it
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the terminal closed: the process is done
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    proc.wait(timeout=300)
    assert proc.returncode == 1
    text = seen.decode("utf-8", "replace")
    assert "docs/s" in text and "skipped" in text
