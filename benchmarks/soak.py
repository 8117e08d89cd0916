"""Soak: a long stream of documents through `extract --workers 2` and through `ingest`,
with the memory of the whole process tree sampled over time.

    .venv/bin/python benchmarks/soak.py                      # 10,000 synthetic articles
    .venv/bin/python benchmarks/soak.py --docs 2000 --every 2
    .venv/bin/python benchmarks/soak.py --corpus news.jsonl  # your own articles

The commands run as a user runs them (real processes); every ``--every``
seconds the script sums the resident memory of the command and its worker
processes (from /proc). It prints the samples by tenth of the run, and the
peak in each half of the run after its first quarter, when the models are
loaded (memory that grows with the stream shows as a second half well above
the first), documents per second, and, for the
ingest, the store's counts. A benchmark, not a test: nothing here fails on a
slow machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.store.corpus import build  # noqa: E402

PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and every process below it."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            stat = (d / "stat").read_text().rsplit(")", 1)[1].split()
            rss[int(d.name)] = int((d / "statm").read_text().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(int(stat[1]), []).append(int(d.name))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo.extend(children.get(p, []))
    return total


def soak(label: str, cmd: list[str], docs: int, every: float) -> list[tuple[float, int]]:
    print(f"{label}: {' '.join(cmd[1:])}", flush=True)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    samples: list[tuple[float, int]] = []
    while proc.poll() is None:
        samples.append((time.perf_counter() - t0, tree_rss(proc.pid)))
        time.sleep(every)
    wall = time.perf_counter() - t0
    err = proc.stderr.read() if proc.stderr else ""
    summary = next((ln for ln in reversed(err.splitlines()) if "document(s)" in ln), err.strip()[-300:])
    print(f"  exit status {proc.returncode}; {summary}")
    print(f"  {docs} documents in {wall:.1f} s: {docs / wall:.1f} docs/s (model loading included)")
    if samples:
        tenth = max(1, len(samples) // 10)
        row = "  ".join(f"{s / 1e6:5.0f}" for _, s in samples[::tenth])
        print(f"  memory of the process tree, MB, by tenth of the run: {row}")
        # after the first quarter (the model loading), the peak of each half of the rest
        warm = samples[len(samples) // 4:] or samples
        half = len(warm) // 2
        first = max(s for _, s in warm[:half or 1])
        second = max(s for _, s in warm[half:]) if warm[half:] else first
        print(f"  peak after the first quarter: its first half {first / 1e6:.0f} MB, second half "
              f"{second / 1e6:.0f} MB (ratio {second / first:.2f})", flush=True)
    return samples


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=10_000, help="synthetic articles to build (default 10,000)")
    ap.add_argument("--corpus", type=Path, help="use this JSON Lines corpus instead")
    ap.add_argument("--every", type=float, default=1.0, help="seconds between memory samples (default 1)")
    ap.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    args = ap.parse_args()
    exe = str(Path(sys.executable).with_name("legation"))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}; load average {load:.1f}; {date.today()}")
    with tempfile.TemporaryDirectory() as tmp:
        if args.corpus:
            corpus = args.corpus
            n = sum(1 for ln in corpus.open(encoding="utf-8") if ln.strip())
        else:
            corpus = Path(tmp) / "corpus.jsonl"
            records = build(args.docs)
            corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
            n = len(records)
        print(f"corpus: {n} documents, {corpus.stat().st_size / 1e6:.1f} MB")
        soak(f"extract --workers {args.workers}",
             [exe, "extract", str(corpus), "--workers", str(args.workers), "-o", str(Path(tmp) / "events.jsonl")],
             n, args.every)
        soak(f"ingest --workers {args.workers} (SQLite)",
             [exe, "ingest", str(corpus), "--workers", str(args.workers), "--db", f"sqlite:///{Path(tmp) / 's.db'}"],
             n, args.every)


if __name__ == "__main__":
    main()
