"""Looking a name up in the knowledge base: what ``legation kb lookup`` shows.

A name is matched exactly as written first, then with case, accents, periods,
apostrophes and hyphens ignored (``normalize_name``); only when neither finds
anything are approximate matches offered (rapidfuzz over every name and alias).
Each candidate says what the entry is, how it stood on the date asked about
(a person's office that day, or ELI "former ..." after their last office), and
the file and line it came from, so that a wrong entry can be found and fixed.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from rapidfuzz import fuzz, process

from .base import KnowledgeBase, normalize_name
from .schema import Country, Institution, Organization, Person, Place

# how a candidate was found, best first
MATCH_ORDER = {"exact": 0, "normalized": 1, "code": 2, "approximate": 3}
FORM_ORDER = {"name": 0, "place": 1, "capital": 2, "adjective": 3, "demonym": 4, "short": 5}


@dataclass(frozen=True, slots=True)
class Candidate:
    """One knowledge-base entry a looked-up name may mean, as it stood on a date."""

    kind: str  # country | institution | organization | person | place
    key: str
    name: str
    code: str | None
    sector: str | None
    office: str | None  # persons: the office held on the date, or "former ..." (ELI)
    wikidata: str | None
    source: str  # file:line of the entry
    matched: str  # the name or alias that matched
    form: str  # name | short | adjective | demonym | capital | place | code
    match: str  # exact | normalized | code | approximate
    score: float  # 100 for exact and normalised matches
    detail: str | None = None  # what else helps to tell candidates apart

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def lookup(kb: KnowledgeBase, query: str, on: date | None = None, *, limit: int = 10,
           cutoff: float = 80.0) -> list[Candidate]:
    """Entries that ``query`` may name, best first, resolved for ``on`` (today when None).

    Exact and normalised matches come first (a person holding an office on
    the date before one who does not); a title in front of a name ("Chairman
    Kim", "President Putin") is set aside and narrows the persons to those it
    fits; approximate matches (score at least ``cutoff`` of 100) are returned
    only when there is no exact or normalised one.
    """
    q = query.strip()
    if not q:
        return []
    found = _find(kb, q, on, limit, cutoff, approximate=False)
    if not found:
        title, rest = _split_title(kb, q)
        if title is not None and rest:
            found = _find(kb, rest, on, limit, cutoff, approximate=False)
            if found:
                fits = {c.key for c in found if c.kind == "person" and _fits(kb, c.key, title, on)}
                # office-holders first, those the title fits before the others (a stable sort)
                found.sort(key=lambda c: (_holds(c), c.key not in fits))
    if not found:
        found = _find(kb, q, on, limit, cutoff, approximate=True)
    return found[:limit]


def _split_title(kb: KnowledgeBase, q: str) -> tuple[str | None, str]:
    """'Chairman Kim' -> ('chairman', 'Kim'); the longest title the query starts with."""
    low = q.lower()
    best = None
    for t in kb.titles:
        for text in (t.title, *t.aliases):
            w = text.lower()
            if low.startswith(w + " ") and (best is None or len(w) > len(best)):
                best = w
    return (best, q[len(best):].strip()) if best else (None, q)


def _fits(kb: KnowledgeBase, key: str, title: str, on: date | None) -> bool:
    rec = kb.entities[key].record
    return isinstance(rec, Person) and bool(set(title.split()) & kb.titles_of(rec, on))


def _find(kb: KnowledgeBase, q: str, on: date | None, limit: int, cutoff: float, *,
          approximate: bool) -> list[Candidate]:
    found: dict[str, tuple[str, str, str, float]] = {}  # key -> (matched, form, match, score)

    def note(key: str, text: str, form: str, match: str, score: float) -> None:
        old = found.get(key)
        new = (text, form, match, score)
        if old is None or _rank(new) < _rank(old):
            found[key] = new

    nq = normalize_name(q)
    if not approximate:
        for f in kb.surface_forms():
            if f.form not in FORM_ORDER or f.key not in kb.entities:
                continue
            if f.text == q:
                note(f.key, f.text, f.form, "exact", 100.0)
            elif normalize_name(f.text) == nq:
                note(f.key, f.text, f.form, "normalized", 100.0)
        if len(q) == 3 and q.isalpha() and q.isupper():
            e = kb.entities.get(f"country:{q}")
            if e is not None:
                note(e.key, q, "code", "code", 100.0)
    else:
        choices: dict[str, list[tuple[str, str, str]]] = {}
        for f in kb.surface_forms():
            if f.form in FORM_ORDER and f.key in kb.entities:
                choices.setdefault(normalize_name(f.text), []).append((f.key, f.text, f.form))
        hits = process.extract(nq, list(choices), scorer=fuzz.WRatio, limit=limit * 3,
                               score_cutoff=cutoff)
        for text, score, _ in hits:
            # a short query inside a long name scores high on WRatio; weigh by plain similarity
            score = round(min(score, (score + fuzz.ratio(nq, text)) / 2), 1)
            if score < cutoff:
                continue
            for key, original, form in choices[text]:
                note(key, original, form, "approximate", score)
    out = [_candidate(kb, key, hit, on) for key, hit in found.items()]
    out.sort(key=lambda c: (MATCH_ORDER[c.match], -c.score, _holds(c), FORM_ORDER.get(c.form, 9),
                            c.kind != "country", c.name))
    return out


def _rank(hit: tuple[str, str, str, float]) -> tuple[int, float, int]:
    _, form, match, score = hit
    return MATCH_ORDER[match], -score, FORM_ORDER.get(form, 9)


def _holds(c: Candidate) -> int:
    """Persons in office on the date first, then former officials, then the rest."""
    if c.kind != "person":
        return 1
    return 0 if c.sector not in ("ELI", None) and c.office else 2


def _candidate(kb: KnowledgeBase, key: str, hit: tuple[str, str, str, float],
               on: date | None) -> Candidate:
    matched, form, match, score = hit
    e = kb.entities[key]
    r = kb.resolve(key, on)
    rec = e.record
    detail = None
    if isinstance(rec, Country):
        detail = rec.official_name
    elif isinstance(rec, Institution):
        detail = rec.kind + (f", {rec.located}" if rec.located else "")
    elif isinstance(rec, Organization):
        detail = rec.kind + (f", part of {rec.parent}" if rec.parent else "")
    elif isinstance(rec, Place):
        detail = rec.kind + (f" in {rec.parent}" if rec.parent else "")
        if rec.claimed_by:
            detail += f"; also claimed by {', '.join(rec.claimed_by)}"
    elif isinstance(rec, Person):
        held = [f"{x.office} ({x.start or '...'} to {x.end or 'today'})" for x in rec.roles]
        detail = "; ".join(held) if held else None
    return Candidate(kind=e.kind, key=key, name=e.name, code=r.code, sector=r.sector,
                     office=r.office, wikidata=e.wikidata, source=e.source, matched=matched,
                     form=form, match=match, score=score, detail=detail)


def stats(kb: KnowledgeBase) -> dict[str, Any]:
    """Counts of what the knowledge base holds, and what the user's directories replaced."""
    counts = kb.counts()
    countries = [e.record for e in kb.entities.values() if isinstance(e.record, Country)]
    orgs = [e.record for e in kb.entities.values() if isinstance(e.record, Organization)]
    by_code: dict[str, int] = {}
    for o in orgs:
        k = o.code if o.code in ("UNO", "EUR", "IGO", "NGO", "ISM", "IMG", "MNC") else "state"
        by_code[k] = by_code.get(k, 0) + 1
    persons = [e.record for e in kb.entities.values() if isinstance(e.record, Person)]
    return {
        "countries": len(countries),
        "states": sum(1 for c in countries if c.un_member and not c.former),
        "other_country_codes": sorted(c.code for c in countries if not c.un_member or c.former),
        "institutions": counts.get("institution", 0),
        "organizations": counts.get("organization", 0),
        "organizations_by_code": dict(sorted(by_code.items())),
        "persons": counts.get("person", 0),
        "roles": counts.get("roles", 0),
        "persons_with_wikidata": sum(1 for p in persons if p.wikidata),
        "places": counts.get("place", 0),
        "titles": len(kb.titles),
        "groups": len(kb.groups),
        "directories": [str(d) for d in kb.dirs],
        "replaced": [{"entry": new.name, "kind": new.kind, "by": new.source, "was": old.source}
                     for new, old in kb.replaced],
    }
