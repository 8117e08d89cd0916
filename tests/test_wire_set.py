"""The wire set (tests/data/wire): 70 paragraphs in the styles of KCNA, Yonhap, Reuters, AP, AFP,
Xinhua and TASS with exhaustive gold, written for the project and coded without running legation.

Like the shared sets it is for measuring, not tuning: the test pins the figures legation
reaches today, so that a change that loses ground on wire copy fails here. The issue's aim
(every paragraph right) is far above the floor.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from legation.evaluate import evaluate, load_records
from legation.extract import Extractor
from legation.reader import Reader
from legation.records import Document

WIRE = Path(__file__).parent / "data" / "wire"
FLOOR = {"precision": 0.74, "recall": 0.59}  # measured 2026-12-04: P 0.770, R 0.618 (tp 97, fp 29, fn 60)


def test_wire_set_scores_at_least_the_floor(extractor: Extractor) -> None:
    docs = [d for d in Reader().read([str(WIRE / "input.jsonl")]) if isinstance(d, Document)]
    assert len(docs) == 70 and all(d.published and d.published > date(2009, 12, 31) for d in docs)
    predicted = [e.to_dict() for r in extractor.run(docs) for e in r.events]
    result = evaluate(load_records(WIRE / "gold.jsonl"), predicted)
    figures = result.to_dict()
    print(json.dumps({k: figures[k] for k in ("tp", "fp", "fn", "precision", "recall", "f1")}))
    assert result.precision >= FLOOR["precision"], figures
    assert result.recall >= FLOOR["recall"], figures
