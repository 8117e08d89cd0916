"""End to end: the reference article, scored by the reference scorer."""

from __future__ import annotations

import json
from pathlib import Path

from legation.extract import Extractor
from legation.reader import Reader
from legation.records import Document

from .conftest import load_scorer, shared_path


def test_seed_article_meets_the_contract(extractor: Extractor, tmp_path: Path) -> None:
    scorer = load_scorer()
    docs = [d for d in Reader().read([str(shared_path("eval", "seed", "article.jsonl"))])
            if isinstance(d, Document)]
    pred = [r.to_dict() for d in docs for r in extractor.extract(d)]
    gold = scorer.load(str(shared_path("eval", "seed", "gold.jsonl")))
    metrics, errors = scorer.score(gold, pred, show_errors=50)
    assert metrics["recall"] == 1.0, errors
    assert metrics["precision"] >= 0.8, errors
    for field, v in metrics["fields"].items():
        assert v["correct"] == v["of"], (field, [e for e in errors if e[0] == f"wrong {field}"])
    assert set(metrics["fields"]) >= {"actor_name", "recipient_name", "date", "status", "factuality",
                                      "communication_kind", "channel", "attribution"}
    (tmp_path / "pred.jsonl").write_text("\n".join(json.dumps(p) for p in pred))
