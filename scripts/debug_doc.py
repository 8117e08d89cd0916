"""Print what each stage found in a document: mentions, communications, frames.

Usage: python scripts/debug_doc.py FILE.jsonl|FILE.txt [--published YYYY-MM-DD] [--id DOC_ID]
"""
import argparse
from datetime import date

from legation.extract import Extractor
from legation.reader import Reader
from legation.records import Document


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("path")
    ap.add_argument("--published")
    ap.add_argument("--id")
    ap.add_argument("--text")
    a = ap.parse_args()
    pub = date.fromisoformat(a.published) if a.published else None
    if a.text:
        docs = [Document("t", a.text, pub)]
    else:
        docs = [d for d in Reader(pub).read([a.path]) if isinstance(d, Document)]
    if a.id:
        docs = [d for d in docs if d.id == a.id]
    ex = Extractor()
    for doc in docs:
        print("#", doc.id, doc.published)
        frames = ex.frames_of(doc)
        by_sent = {}
        for f in frames:
            by_sent.setdefault(f.sentence.index, []).append(f)
        for s in ex.parser.parse(doc.text):
            print(f"\n[{s.index}] {s.text}")
        print()
        for idx, fs in sorted(by_sent.items()):
            for f in fs:
                c = f.comm
                print(f"  s{idx} {f.type} {f.cameo} {f.mode} trig={f.trigger_text!r} "
                      f"A={[m.label() + '/' + str(m.resolved[0].code) for m in f.actors]} "
                      f"R={[m.label() + '/' + str(m.resolved[0].code) for m in f.recipients]} "
                      f"{f.status} {f.factuality} date={f.date.value if f.date else None} "
                      f"src={[m.label() for m in f.sources]}"
                      + (f" comm={c.kind.kind} ana={c.anaphoric} chan={[m.label() for m in c.channel]} occ={c.occasion}" if c else ""))
        print()
        for r in ex.merger.merge(doc, frames):
            d = r.to_dict()
            print(" =>", d["event"], d["cameo"], [(e["name"] or e["entity_text"], e["code"], e["sector"], e["office"]) for e in d["actor"]],
                  "->", [(e["name"] or e["entity_text"], e["code"]) for e in d["recipient"]], d["date"], d["status"],
                  d["factuality"], d["communication"] and (d["communication"]["kind"], d["communication"]["occasion"],
                  [c["name"] or c["entity_text"] for c in d["communication"]["channel"]]),
                  [s["name"] for s in d["attribution"]["sources"]])


if __name__ == "__main__":
    main()
