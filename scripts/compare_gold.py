"""Side by side: gold events and predicted events per document (for error analysis).

Usage: python scripts/compare_gold.py GOLD.jsonl PRED.jsonl [--only-errors] [--type TYPE]
"""
import argparse
import json
from collections import defaultdict

from _reference import scorer

LEGACY = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE",
          "YIELD": "CONCEDE", "ENGAGE": "COOPERATE"}


def codes(es):
    return sorted({(e.get("code") or "?") for e in es or []})


def main() -> None:
    sc = scorer()
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--only-errors", action="store_true")
    ap.add_argument("--type")
    a = ap.parse_args()
    gold = defaultdict(list)
    pred = defaultdict(list)
    for line in open(a.gold):
        r = json.loads(line)
        if not r.get("doc"):
            gold[r["doc_id"]].append(r)
        else:
            gold.setdefault(r["doc_id"], [])
    for line in open(a.pred):
        r = json.loads(line)
        pred[r["doc_id"]].append(r)
    for doc, gs in gold.items():
        ps = pred.get(doc, [])
        ok = False
        for g in gs:
            gt = LEGACY.get(g["event"][0], g["event"][0])
            if a.type and gt != a.type:
                continue
            for p in ps:
                if sc.dyad_matches(g, p) and sc.type_matches(g, p):
                    ok = True
        if a.type and not any(LEGACY.get(g["event"][0], g["event"][0]) == a.type for g in gs):
            continue
        if a.only_errors and ok and len(ps) == len(gs):
            continue
        print(("OK " if ok else "XX ") + doc)
        for g in gs:
            print("   G", LEGACY.get(g["event"][0], g["event"][0]), codes(g["actor"]), "->", codes(g.get("recipient")),
                  "|", g.get("markup", "")[:220])
        for p in ps:
            print("   P", p["event"][0], p["cameo"], codes(p["actor"]), "->", codes(p["recipient"]), p["factuality"],
                  "|", p["event_text"])


if __name__ == "__main__":
    main()
