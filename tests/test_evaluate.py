"""The scorer and `legation evaluate`: the reference scorer's figures, and more."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from legation.errors import InputError
from legation.evaluate import describe, evaluate, load_records
from legation.extract import Extractor
from legation.reader import Reader

from .conftest import load_scorer, shared_path
from .test_cli import legation

SETS = {"seed": ("article.jsonl", "gold.jsonl"), "plover_gsr": ("input.jsonl", "gold.jsonl")}
REFERENCE_KEYS = ("docs", "gold_events", "pred_events", "tp", "fp", "fn", "precision", "recall",
                  "f1", "spurious_per_doc", "fields")


@pytest.fixture(scope="module")
def predictions(extractor: Extractor, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Events extracted once per shared set, written where a user would keep them."""
    out = {}
    d = tmp_path_factory.mktemp("pred")
    for name, (inp, _) in SETS.items():
        items = Reader().read([str(shared_path("eval", name, inp))])
        rows = [e.to_dict() for r in extractor.run(items) for e in r.events]
        out[name] = d / f"{name}.jsonl"
        out[name].write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return out


def _reference(gold: Path, pred: Path) -> dict[str, Any]:
    scorer = load_scorer()
    metrics, _ = scorer.score(scorer.load(str(gold)), scorer.load(str(pred)))
    return metrics


@pytest.mark.parametrize("name", sorted(SETS))
def test_evaluate_agrees_with_the_reference_scorer(name: str, predictions: dict[str, Path]) -> None:
    gold = shared_path("eval", name, SETS[name][1])
    ours = evaluate(load_records(gold), load_records(predictions[name])).to_dict()
    ref = _reference(gold, predictions[name])
    assert {k: ours[k] for k in REFERENCE_KEYS} == ref


# Hand-made cases for each rule of DESIGN.md "Scoring"; the reference scorer is the judge.
GOLD_CASES = [
    {"doc_id": "a", "doc": True}, {"doc_id": "b", "doc": True}, {"doc_id": "c", "doc": True},
    {"doc_id": "a", "event": ["DISAPPROVE"], "actor": [{"code": "CHN"}], "recipient": [{"code": "PHL"}],
     "date": "2025-03-05", "factuality": "asserted", "status": "occurred"},
    {"doc_id": "a", "event": ["CONSULT"], "event_alt": ["SUPPORT"], "actor": [{"code": "PRK", "name": "Kim Jong Un"}],
     "recipient": [{"code": "RUS", "name": "Vladimir Putin"}], "date": "2025-06", "date_precision": "month",
     "communication": {"kind": ["message", "congratulatory message"], "channel": ["Shin Hong-cheol"]},
     "attribution": {"sources": ["KCNA"]}},
    {"doc_id": "a", "event": ["AGREE"], "actor": [{"code": "VNM"}, {"code": "JPN"}], "recipient": []},
    {"doc_id": "b", "event": ["ASSAULT"], "actor": [{"code": "UNO"}], "recipient": [{"code": "COD"}]},
    {"doc_id": "b", "event": ["REJECT"], "actor": [{"code": "PRK"}], "recipient": [{"code": "USA"}],
     "optional": True},
    {"doc_id": "b", "event": ["THREATEN"], "actor": [{"code": "JAP"}], "recipient": [{"code": "KOR"}]},
]
PRED_CASES = [
    {"doc_id": "a", "event": ["ACCUSE"], "actor": [{"code": "CHN"}], "recipient": [{"code": "PHL"}],
     "date": "2025-03-06", "factuality": "hedged", "status": "occurred", "text": "China criticized Manila."},
    {"doc_id": "a", "event": ["SUPPORT"], "actor": [{"code": "PRK", "name": "Kim Jong Un"}],
     "recipient": [{"code": "RUS", "name": "Vladimir Putin"}], "date": "2025-06-11",
     "communication": {"kind": "congratulatory message", "channel": [{"name": "Shin Hong-cheol"}]},
     "attribution": {"sources": [{"name": "Korean Central News Agency"}]}},
    {"doc_id": "a", "event": ["AGREE"], "actor": [{"code": "VNM"}], "recipient": [{"code": "JPN"}]},
    {"doc_id": "b", "event": ["ASSAULT"], "actor": [{"code": "IGO"}], "recipient": [{"code": "COD"}]},
    {"doc_id": "b", "event": ["REJECT"], "actor": [{"code": "PRK"}], "recipient": [{"code": "USA"}]},
    {"doc_id": "b", "event": ["COERCE"], "actor": [{"code": "JPN"}], "recipient": [{"code": "KOR"}],
     "text": "Japan seized Korean boats."},
    {"doc_id": "c", "event": ["PROTEST"], "actor": [{"code": "FRA"}], "recipient": []},
    {"doc_id": "z", "event": ["PROTEST"], "actor": [{"code": "FRA"}], "recipient": []},
]


def _write(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_evaluate_rules_agree_with_the_reference_on_hand_made_cases(tmp_path: Path) -> None:
    gold, pred = _write(tmp_path / "g.jsonl", GOLD_CASES), _write(tmp_path / "p.jsonl", PRED_CASES)
    result = evaluate(load_records(gold), load_records(pred))
    assert {k: result.to_dict()[k] for k in REFERENCE_KEYS} == _reference(gold, pred)
    # legacy DISAPPROVE is ACCUSE, UNO matches IGO, the reciprocal AGREE matches a split dyad,
    # JAP is JPN but THREATEN is not COERCE; the optional REJECT is neither missed nor spurious
    assert (result.tp, result.fn, result.fp) == (4, 1, 2)


def test_evaluate_confusion_table_accounts_for_every_event(tmp_path: Path) -> None:
    gold, pred = _write(tmp_path / "g.jsonl", GOLD_CASES), _write(tmp_path / "p.jsonl", PRED_CASES)
    result = evaluate(load_records(gold), load_records(pred))
    conf = result.to_dict()["confusion"]
    assert conf["matrix"]["THREATEN"] == {"COERCE": 1}  # the dyad was found under another type
    assert conf["matrix"]["ACCUSE"] == {"ACCUSE": 1} and conf["matrix"]["CONSULT"] == {"SUPPORT": 1}
    assert conf["spurious"] == {"PROTEST": 1}  # the prediction on doc "z" is ignored
    paired = sum(n for row in conf["matrix"].values() for n in row.values())
    assert paired + sum(conf["missed"].values()) == result.tp + result.fn
    assert paired + sum(conf["spurious"].values()) == result.tp + result.fp
    per_type = result.to_dict()["per_type"]
    assert sum(v["tp"] for v in per_type.values()) == result.tp
    assert sum(v["fp"] for v in per_type.values()) == result.fp
    assert sum(v["fn"] for v in per_type.values()) == result.fn


def test_evaluate_error_cases_say_what_is_wrong_with_the_sentence(tmp_path: Path) -> None:
    gold, pred = _write(tmp_path / "g.jsonl", GOLD_CASES), _write(tmp_path / "p.jsonl", PRED_CASES)
    cases = evaluate(load_records(gold), load_records(pred)).cases
    kinds = {c.kind for c in cases}
    assert {"missed", "spurious", "wrong factuality"} <= kinds
    wrong = next(c for c in cases if c.kind == "wrong factuality")
    assert "hedged" in describe(wrong) and "asserted" in describe(wrong)
    assert wrong.sentence() == "China criticized Manila."
    missed = next(c for c in cases if c.kind == "missed")
    assert "COERCE" in describe(missed) and missed.sentence() == "Japan seized Korean boats."
    assert missed.sentence() == missed.to_dict()["sentence"]


def test_evaluate_bad_gold_line_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc_id": "a", "doc": true}\n{"doc_id": \n', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.jsonl:2"):
        load_records(bad)


def test_cli_evaluate_prints_the_reference_figures(predictions: dict[str, Path]) -> None:
    gold = shared_path("eval", "plover_gsr", "gold.jsonl")
    r = legation("evaluate", str(gold), str(predictions["plover_gsr"]), "--json", "--errors", "5")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert {k: out[k] for k in REFERENCE_KEYS} == _reference(gold, predictions["plover_gsr"])
    assert len(out["errors"]) == 5 and all(e["sentence"] for e in out["errors"])
    r = legation("evaluate", str(gold), str(predictions["plover_gsr"]), "--errors", "3")
    assert r.returncode == 0, r.stderr
    assert "precision" in r.stdout and "Confusion" in r.stdout and "missed" in r.stdout


def test_cli_evaluate_extracts_from_input() -> None:
    gold = shared_path("eval", "seed", "gold.jsonl")
    r = legation("evaluate", str(gold), "--input", str(shared_path("eval", "seed", "article.jsonl")), "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["recall"] == 1.0 and out["fields"]["channel"]["correct"] == out["fields"]["channel"]["of"]


def test_cli_evaluate_needs_exactly_one_of_pred_and_input(predictions: dict[str, Path]) -> None:
    gold = shared_path("eval", "seed", "gold.jsonl")
    assert legation("evaluate", str(gold)).returncode == 2
    r = legation("evaluate", str(gold), str(predictions["seed"]), "--input", str(predictions["seed"]))
    assert r.returncode == 2 and "either PRED" in r.stderr


def test_evaluate_reliability_table_bins_predictions_by_confidence() -> None:
    gold = [{"doc_id": "a", "doc": True},
            {"doc_id": "a", "event": ["ACCUSE"], "actor": [{"code": "CHN"}], "recipient": [{"code": "PHL"}],
             "date": "2025-03-05"},
            {"doc_id": "a", "event": ["CONSULT"], "actor": [{"code": "USA"}], "recipient": [{"code": "JPN"}],
             "date": "2025-03-05"}]
    pred = [{"doc_id": "a", "event": ["ACCUSE"], "actor": [{"code": "CHN"}], "recipient": [{"code": "PHL"}],
             "date": "2025-03-05", "confidence": 0.85},
            {"doc_id": "a", "event": ["CONSULT"], "actor": [{"code": "USA"}], "recipient": [{"code": "JPN"}],
             "date": "2025-01-01", "confidence": 0.81},
            {"doc_id": "a", "event": ["THREATEN"], "actor": [{"code": "RUS"}], "recipient": [{"code": "UKR"}],
             "confidence": 0.42},
            {"doc_id": "a", "event": ["AID"], "actor": [{"code": "FRA"}], "recipient": [{"code": "MLI"}]}]
    table = evaluate(gold, pred).to_dict()["reliability"]
    assert table == [
        {"confidence": "0.4-0.5", "events": 1, "matched": 0, "fully_right": 0, "precision": 0.0,
         "fully_right_share": 0.0},
        {"confidence": "0.8-0.9", "events": 2, "matched": 2, "fully_right": 1, "precision": 1.0,
         "fully_right_share": 0.5}]  # the CONSULT's date is wrong; a record without confidence is left out
