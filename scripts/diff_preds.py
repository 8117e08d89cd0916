"""Which documents a change fixed or broke: compare two prediction files against gold.

Usage: python scripts/diff_preds.py GOLD.jsonl BEFORE.jsonl AFTER.jsonl
"""
import sys
from collections import defaultdict

from _reference import scorer


def per_doc(sc, gold, pred):
    out = {}
    docs = {r["doc_id"] for r in gold}
    g = defaultdict(list)
    for r in gold:
        if not r.get("doc"):
            g[r["doc_id"]].append(r)
    p = defaultdict(list)
    for r in pred:
        p[r["doc_id"]].append(r)
    for d in docs:
        m, _ = sc.score([x for x in gold if x["doc_id"] == d], p[d])
        out[d] = (m["tp"], m["fp"], m["fn"])
    return out, p


def main() -> None:
    sc = scorer()
    gold = sc.load(sys.argv[1])
    a, pa = per_doc(sc, gold, sc.load(sys.argv[2]))
    b, pb = per_doc(sc, gold, sc.load(sys.argv[3]))
    for d in sorted(a):
        if a[d] != b[d]:
            print(d, "before", a[d], "after", b[d])
            for label, p in (("  -", pa[d]), ("  +", pb[d])):
                for r in p:
                    print(label, r["event"][0], [e["code"] for e in r["actor"]], "->",
                          [e["code"] for e in r["recipient"]], r["event_text"])


if __name__ == "__main__":
    main()
