"""What the event lexicon holds: counts, coverage of the CAMEO table, and word look-up.

Library functions behind ``legation lexicon stats`` and ``legation lexicon lookup``;
they return data and never print.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .lexicon import Lexicon, Trigger


@dataclass(slots=True)
class Stats:
    """Counts of a loaded lexicon."""

    entries: int
    imported: int
    lemmas: dict[str, int]
    per_type: dict[str, int]
    per_cameo: dict[str, int]
    uncovered: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"entries": self.entries, "imported": self.imported, "lemmas": self.lemmas,
                "per_type": self.per_type, "per_cameo": self.per_cameo,
                "cameo_without_trigger": self.uncovered, "files": self.files}


def reached_codes(lex: Lexicon) -> set[str]:
    """CAMEO codes some trigger, chain outcome, communication kind or recode gives."""
    codes = {t.cameo for t in lex.entries() if t.cameo and not t.silent}
    codes |= {t.cancelled.cameo for t in lex.entries() if t.cancelled}
    for c in lex.chains.values():
        if c.cameo:
            codes.add(c.cameo)
        codes |= {o.cameo for o in c.by_type.values() if o.cameo}
    codes |= {k.cameo for k in lex.comm_kinds}
    return codes


def stats(lex: Lexicon) -> Stats:
    entries = [t for t in lex.entries() if not t.silent]
    lemmas = {pos: len({w for t in entries if t.pos == pos for w in t.lemmas})
              for pos in ("VERB", "NOUN", "ADJ")}
    per_type = Counter(t.type for t in entries if t.type)
    per_cameo = Counter(t.cameo for t in entries if t.cameo)
    reached = reached_codes(lex)
    uncovered = sorted(c for c, row in lex.ontology.cameo.items() if row.plover and c not in reached)
    return Stats(entries=len(entries), imported=sum(t.imported for t in entries), lemmas=lemmas,
                 per_type=dict(sorted(per_type.items())), per_cameo=dict(sorted(per_cameo.items())),
                 uncovered=uncovered, files=[str(f) for f in lex.files])


def _forms(word: str) -> list[str]:
    """The word and the lemmas an inflected English form may have ('imposed' → impose)."""
    w = word.lower().strip()
    out = [w]
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
                         ("ing", ""), ("ing", "e"), ("d", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            out.append(w[: len(w) - len(suffix)] + repl)
    if len(w) > 4 and w[-3:-2] == w[-4:-3] and w.endswith(("ed", "ing")):  # "stopped"
        out.append(w[: -3 if w.endswith("ed") else -4])
    return list(dict.fromkeys(out))


def lookup(lex: Lexicon, word: str) -> list[Trigger]:
    """Every entry a word (or a phrasal verb 'call off') can trigger, most specific first."""
    parts = word.split()
    head, rest = (parts[0], parts[1:]) if parts else ("", [])
    found: list[Trigger] = []
    for form in _forms(head):
        for table in (lex.verbs, lex.nouns, lex.adjectives):
            for t in table.get(form, ()):
                if rest and t.particle not in rest and t.prep not in rest:
                    continue
                if t not in found:
                    found.append(t)
    return sorted(found, key=lambda t: (t.imported, -t.specificity()))


def describe(t: Trigger, word: str | None = None) -> str:
    """One line for an entry: what it codes and the constraints it needs; ``word`` is the
    form looked up, shown in place of the first lemma of a synonym block."""
    what = "no event (stops a more general entry)" if t.silent else (
        f"{t.type or '-'} {t.cameo or ''}".strip() + (f" role {t.role}" if t.role else ""))
    needs = []
    for label, value in (("particle", t.particle), ("prep", t.prep)):
        if value:
            needs.append(f"{label} {value}")
    for label, values in (("object", t.object), ("prep object", t.prep_object),
                          ("qualifier", t.qualifier), ("modifier", t.modifier),
                          ("subject", t.subject), ("light", t.light)):
        if values:
            shown = ", ".join(values[:6]) + (" ..." if len(values) > 6 else "")
            needs.append(f"{label} {shown}")
    shown = next((f for f in _forms(word or "") if f in t.lemmas), t.word) if word else t.word
    label = shown + (f" (+{len(t.lemmas) - 1} synonyms)" if len(t.lemmas) > 1 else "")
    return f"{t.pos.lower():4} {label:14} {what}" + (f"  [{'; '.join(needs)}]" if needs else "")
