"""Finding names from the knowledge base, titles and group nouns in sentences.

One spaCy ``PhraseMatcher`` per case policy: short names, acronyms and
capitals must match as written ("US" is not "us", "Male" not "male"); longer
multi-word names match in any case ("north korea"). Patterns are built from
the knowledge base once, with spelling variants (accents stripped, hyphens
as spaces) so that "Kim Jong-un" and "Kim Jong Un" both match.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from .kb import KnowledgeBase, SurfaceForm
from .kb.base import strip_accents
from .kb.schema import Group, Title


@dataclass(frozen=True, slots=True)
class Match:
    """A span of a sentence that names something; ``what`` says which table."""

    start: int
    end: int
    what: str  # kb | title | group
    forms: tuple[SurfaceForm, ...] = ()
    title: Title | None = None
    group: Group | None = None


_ARTICLE = re.compile(r"\b(?:al|el|Al|El|ul|Ul)[- ](?=[A-Z])")


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})


def _variants(text: str) -> set[str]:
    out = {text, strip_accents(text)}
    if any(c in text for c in "äöüÄÖÜß"):
        out.add(strip_accents(text.translate(_UMLAUTS)))  # "Böhrnsen" is also "Boehrnsen"
    for t in list(out):
        # Arabic names: "Omar al-Bashir" is also written "Omar El Bashir", "Omar Bashir"
        if _ARTICLE.search(t):
            for repl in ("al-", "el-", "Al-", "El-", "al ", "El ", ""):
                out.add(_ARTICLE.sub(repl, t))
    for t in list(out):
        if "-" in t:
            out.add(t.replace("-", " "))
            out.add(t.replace("-", ""))
    return out


def _case_sensitive(f: SurfaceForm, n_tokens: int) -> bool:
    if f.case_sensitive or f.form in ("short", "capital", "self"):
        return True
    letters = [c for c in f.text if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return True  # acronyms: US, UN, KCNA
    if "." in f.text:
        return True  # U.S., U.N.
    return n_tokens == 1  # single words: "Turkey" is not "turkey"


class Gazetteer:
    """Matches knowledge-base names, titles and group nouns in a parsed sentence."""

    def __init__(self, nlp: Language, kb: KnowledgeBase) -> None:
        self.vocab = nlp.vocab
        self._orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._titles = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._groups = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._forms: dict[int, list[SurfaceForm]] = defaultdict(list)
        self._title_of: dict[int, Title] = {}
        self._group_of: dict[int, Group] = {}
        make = nlp.tokenizer
        orth: dict[str, set[str]] = defaultdict(set)
        lower: dict[str, set[str]] = defaultdict(set)
        for f in kb.surface_forms():
            for v in _variants(f.text):
                n = len(make(v))
                if _case_sensitive(f, n):
                    label = f"O|{v}"
                    orth[label].update({v, v.upper()} if n > 1 or len(v) > 4 else {v})
                    if n > 1 and v[:1].islower():
                        orth[label].add(v[:1].upper() + v[1:])  # "The Republic" opening a sentence
                else:
                    label = f"L|{v.lower()}"
                    lower[label].add(v)
                self._forms[self.vocab.strings.add(label)].append(f)
        self._add(self._orth, orth, make)
        self._add(self._lower, lower, make)
        for t in kb.titles:
            for text in [t.title, *t.aliases]:
                key = self.vocab.strings.add(f"T|{text.lower()}")
                self._title_of.setdefault(key, t)
                self._titles.add(f"T|{text.lower()}", [make(text)])
        for g in kb.groups:
            for text in [g.noun, *g.aliases]:
                key = self.vocab.strings.add(f"G|{text.lower()}")
                self._group_of.setdefault(key, g)
                self._groups.add(f"G|{text.lower()}", [make(text)])

    @staticmethod
    def _add(matcher: PhraseMatcher, table: dict[str, set[str]], make) -> None:  # type: ignore[no-untyped-def]
        for label, texts in table.items():
            matcher.add(label, [make(t) for t in sorted(texts)])

    def kb_matches(self, doc: Doc) -> list[Match]:
        found: dict[tuple[int, int], list[SurfaceForm]] = defaultdict(list)
        for matcher in (self._orth, self._lower):
            for key, s, e in matcher(doc):
                found[(s, e)].extend(self._forms[key])
        out = []
        for (s, e), forms in found.items():
            uniq = tuple(dict.fromkeys(forms))
            out.append(Match(s, e, "kb", forms=uniq))
        return out

    def title_matches(self, doc: Doc) -> list[Match]:
        return [Match(s, e, "title", title=self._title_of[k]) for k, s, e in self._titles(doc)]

    def group_matches(self, doc: Doc) -> list[Match]:
        return [Match(s, e, "group", group=self._group_of[k]) for k, s, e in self._groups(doc)]


def longest_first(matches: Iterable[Match]) -> list[Match]:
    """Greedy non-overlapping selection: longer spans win, earlier spans break ties."""
    chosen: list[Match] = []
    taken: set[int] = set()
    for m in sorted(matches, key=lambda m: (-(m.end - m.start), m.start)):
        if any(i in taken for i in range(m.start, m.end)):
            continue
        chosen.append(m)
        taken.update(range(m.start, m.end))
    return sorted(chosen, key=lambda m: m.start)
