"""Batch extraction: a stream of documents through N worker processes, in constant memory.

    reader items ─ chunks ─▶ worker 1 ┐
                           ▶ worker 2 ┼─▶ results, in input order
                           ▶ ...      ┘

With one worker the extractor runs in this process. With more, each worker
process builds its own :class:`~legation.extract.Extractor` once (from a
picklable factory such as :class:`ExtractorSpec`) and extracts whole chunks
of documents; this process only reads input and collects results. At most
``window`` chunks are in flight at any time, so a corpus of any size is read
lazily and memory stays bounded (``multiprocessing.Pool.imap`` would read the
whole input ahead of the workers). Results come back in input order, the
same as with one worker.

A document on which extraction fails comes back as a
:class:`~legation.records.Skipped` result with its id and the reason
(:meth:`Extractor.run_batch`); a worker process that dies is replaced, the
documents of its chunk are retried one by one, and the one that kills a
worker again is reported as skipped. No document is lost silently.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import os
import queue
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ConfigError
from .records import Document, EventRecord, Skipped

if TYPE_CHECKING:
    from .extract import Extractor, Result

log = logging.getLogger(__name__)

Item = Document | Skipped
Outcome = tuple[list[EventRecord], Skipped | None]  # what a worker sends back per item
READY_TIMEOUT_S = 600.0


@dataclass(frozen=True, slots=True)
class ExtractorSpec:
    """A picklable recipe for an :class:`Extractor`: what each worker process builds."""

    model: str | None = None
    kb_dirs: tuple[str, ...] = ()
    lexicon_dirs: tuple[str, ...] = ()
    include_negated: bool = False
    include_untargeted: bool = False

    def __call__(self) -> Extractor:
        from .extract import Extractor
        from .nlp import DEFAULT_MODEL

        return Extractor(self.model or DEFAULT_MODEL, kb_dirs=[Path(d) for d in self.kb_dirs],
                         lexicon_dirs=[Path(d) for d in self.lexicon_dirs],
                         include_negated=self.include_negated,
                         include_untargeted=self.include_untargeted)


class BatchExtractor:
    """Runs an extractor over a stream of reader items with ``workers`` processes.

    Use it as a context manager: entering builds the extractor (or starts the
    workers and waits until each has loaded its model, so that timing the run
    excludes loading), :meth:`run` yields one :class:`~legation.extract.Result`
    per item in input order, leaving stops the workers.
    """

    def __init__(self, factory: Callable[[], Extractor] = ExtractorSpec(), *, workers: int = 1,
                 chunk_size: int = 16, window: int | None = None) -> None:
        if workers < 1:
            raise ConfigError(f"workers must be at least 1, not {workers}")
        if chunk_size < 1:
            raise ConfigError(f"chunk size must be at least 1, not {chunk_size}")
        self.factory = factory
        self.workers = workers
        self.chunk_size = chunk_size
        self.window = window or 2 * workers
        self._extractor: Extractor | None = None
        self._pool: ProcessPoolExecutor | None = None

    # -- life cycle ------------------------------------------------------------------------
    def __enter__(self) -> BatchExtractor:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self) -> None:
        """Build the extractor, or start the worker processes and wait until they are ready."""
        if self.workers == 1:
            if self._extractor is None:
                self._extractor = self.factory()
        elif self._pool is None:
            self._pool = self._start_pool()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def worker_pids(self) -> list[int]:
        """Process ids of the live workers (for measuring their memory)."""
        procs = getattr(self._pool, "_processes", None) or {}
        return [p.pid for p in procs.values() if p.pid is not None and p.is_alive()]

    def _start_pool(self) -> ProcessPoolExecutor:
        ctx = mp.get_context("spawn")  # no fork under threads; workers load only what they need
        ready: Any = ctx.Queue()
        pool = ProcessPoolExecutor(self.workers, mp_context=ctx, initializer=_init_worker,
                                   initargs=(self.factory, ready, os.getpid()))
        pings = [pool.submit(os.getpid) for _ in range(self.workers)]  # spawns every worker
        started = 0
        waited = 0.0
        try:
            while started < self.workers:
                try:
                    status, detail = ready.get(timeout=1.0)
                except queue.Empty:
                    waited += 1.0
                    broken = next((f for f in pings if f.done() and f.exception() is not None), None)
                    if broken is not None:
                        raise ConfigError(f"a worker process failed to start: {broken.exception()}") from None
                    if waited > READY_TIMEOUT_S:
                        raise ConfigError(f"worker processes not ready after {READY_TIMEOUT_S:.0f} s") from None
                    continue
                if status == "error":
                    raise ConfigError(detail)
                started += 1
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise
        return pool

    # -- running ---------------------------------------------------------------------------
    def run(self, items: Iterable[Item | dict[str, Any]]) -> Iterator[Result]:
        """One result per item, in input order; the input is read lazily. Items are reader
        items (documents and skips) or plain dicts with the fields of a JSON Lines record
        (``{"id": ..., "text": ..., "published": "2025-06-12"}``); a dict that is not a usable
        document becomes a reported skip."""
        self.start()
        items = _as_items(items)
        if self._extractor is not None:
            yield from self._extractor.run(items, batch_size=self.chunk_size)
            return
        pending: deque[tuple[list[Item], Future[list[Outcome]]]] = deque()
        chunks = _chunks(items, self.chunk_size)
        for chunk in chunks:
            pending.append((chunk, self._submit(chunk)))
            if len(pending) >= self.window:
                break
        while pending:
            chunk, future = pending.popleft()
            try:
                outcomes = future.result()
            except BrokenProcessPool:
                outcomes = self._recover(chunk)
                pending = deque((c, self._submit(c)) for c, _ in pending)  # their worker died too
            yield from _results(chunk, outcomes)
            nxt = next(chunks, None)
            if nxt is not None:
                pending.append((nxt, self._submit(nxt)))

    def _submit(self, chunk: list[Item]) -> Future[list[Outcome]]:
        assert self._pool is not None
        return self._pool.submit(_extract_chunk, chunk)

    def _restart(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        self._pool = self._start_pool()

    def _recover(self, chunk: list[Item]) -> list[Outcome]:
        """A worker died on this chunk: retry its documents one by one in fresh workers."""
        log.warning("a worker process died; retrying %d input(s) one by one", len(chunk))
        self._restart()
        out: list[Outcome] = []
        for item in chunk:
            try:
                out.extend(self._submit([item]).result())
            except BrokenProcessPool:
                out.append(([], _skipped(item, "the worker process died while extracting it")))
                self._restart()
        return out


# -- inside the worker processes -------------------------------------------------------------
_extractor: Extractor | None = None  # the one extractor of this worker process


def _init_worker(factory: Callable[[], Extractor], ready: Any, parent: int) -> None:
    global _extractor
    threading.Thread(target=_watch_parent, args=(parent,), name="legation-parent-watch", daemon=True).start()
    try:
        _extractor = factory()
    except Exception as e:  # reported to the parent, which stops the pool with a clear error
        ready.put(("error", str(e) or type(e).__name__))
        return
    ready.put(("ready", str(os.getpid())))


def _watch_parent(parent: int, every_s: float = 1.0) -> None:
    """End this worker when the process that started it is gone (killed with SIGKILL or
    SIGTERM, it cannot stop its workers): a worker never outlives its run."""
    while True:
        time.sleep(every_s)
        if os.getppid() != parent:
            os._exit(0)


def _extract_chunk(chunk: Sequence[Item]) -> list[Outcome]:
    assert _extractor is not None, "worker process used before it was initialised"
    return [(r.events, r.skipped) for r in _extractor.run_batch(chunk)]


# -- helpers ---------------------------------------------------------------------------------
def _as_items(items: Iterable[Item | dict[str, Any]]) -> Iterator[Item]:
    from .reader import Reader

    reader = Reader()
    for n, item in enumerate(items, 1):
        yield reader.record(item, f"<item {n}>", f"item-{n}") if isinstance(item, dict) else item


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _skipped(item: Item, reason: str) -> Skipped:
    if isinstance(item, Skipped):
        return item
    return Skipped(item.origin or item.id, reason, item.id)


def _results(chunk: list[Item], outcomes: list[Outcome]) -> Iterator[Result]:
    from .extract import Result

    for item, (events, skipped) in zip(chunk, outcomes, strict=True):
        doc = item if isinstance(item, Document) else None
        yield Result(doc=doc, events=events, skipped=skipped)


__all__ = ["BatchExtractor", "ExtractorSpec"]
