"""Print the parse, the mentions and the lexicon matches of one text, for debugging.

Usage: python scripts/debug_parse.py "TEXT" [--published YYYY-MM-DD]
"""
import argparse
from datetime import date

from legation.coref import Discourse
from legation.extract import Extractor


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("text")
    ap.add_argument("--published", default="2000-01-01")
    a = ap.parse_args()
    ex = Extractor()
    d = Discourse()
    for s in ex.parser.parse(a.text):
        acts = ex.actors.find(s, d, date.fromisoformat(a.published))
        print(s.text)
        for t in s.doc:
            e = ex.frames.match(t)
            print(f"  {t.i:3} {t.text:15} {t.lemma_:12} {t.pos_:5} {t.tag_:4} {t.dep_:10} {t.head.i:3}"
                  + (f"  <{e.type or e.role} {e.cameo}>" if e else ""))
        for m in acts.mentions:
            print("   M", m.kind, repr(m.text), m.code, m.sector, "head", m.head, "mod" if m.modifier else "",
                  [r.text for r in m.resolved] if m.antecedents else "")


if __name__ == "__main__":
    main()
