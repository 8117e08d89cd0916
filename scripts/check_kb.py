#!/usr/bin/env python
"""Consistency checks for the actor knowledge base (src/legation/data/kb).

Run from the repository root:  python scripts/check_kb.py [KB_DIR]

It validates every file against legation.kb.schema, then reports

* duplicate country codes;
* country/code references that are neither in countries.yaml nor PLOVER special codes;
* place entries whose country, claimants or former countries are unknown codes;
* names and aliases shared by two different entries, across all files, compared
  without regard to case, accents, periods, apostrophes and hyphens (a person's ``short`` names are exempt: several people are "Kim");
* aliases that are a single lower-case word (they would match ordinary words);
* persons listed twice, and people whose key roles overlap (two heads of state of
  one country on the same day) - countries with collective heads and acting
  holders standing in for a suspended one are exempt;
* UN member states without a head of state or a head of government on a given date
  (2025-06-01 by default, ``--on YYYY-MM-DD``).

The exit status is 1 when an error (not a warning) was found.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from legation.datafiles import load_yaml_list  # noqa: E402
from legation.kb.schema import SPECIAL_CODES, Country, Institution, Organization, Person, Place  # noqa: E402

# Countries whose head of state (or government) is legitimately collective or dual.
COLLECTIVE = {
    ("AND", "head_of_state"),  # two co-princes
    ("SMR", "head_of_state"),  # two Captains Regent
    ("SMR", "head_of_government"),
    ("BIH", "head_of_state"),  # three-member presidency
    ("CHE", "head_of_state"),  # Federal Council
    ("CHE", "head_of_government"),
    ("NIC", "head_of_state"),  # co-presidents since 2025
    ("NIC", "head_of_government"),
}
KEY_POSTS = ("head_of_state", "head_of_government", "foreign_minister")


def norm(s: str) -> str:
    """Comparison key: case, accents, periods, apostrophes and hyphens ignored."""
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).casefold()
    s = re.sub(r"[.\u2019'`\-\u2010-\u2015_]+", lambda m: " " if "-" in m.group() or "_" in m.group() else "", s)
    return re.sub(r"\s+", " ", s).strip()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("kb", nargs="?", type=Path, default=ROOT / "src/legation/data/kb")
    ap.add_argument("--on", type=date.fromisoformat, default=date(2025, 6, 1),
                    help="date for the head-of-state/government coverage check")
    args = ap.parse_args()
    base: Path = args.kb
    errors: list[str] = []
    warnings: list[str] = []

    countries = load_yaml_list(base / "countries.yaml", Country)
    institutions = load_yaml_list(base / "institutions.yaml", Institution) \
        if (base / "institutions.yaml").exists() else []
    organizations = load_yaml_list(base / "organizations.yaml", Organization) \
        if (base / "organizations.yaml").exists() else []
    places = load_yaml_list(base / "places.yaml", Place) if (base / "places.yaml").exists() else []
    persons: list[tuple[str, int, Person]] = []
    for f in sorted((base / "persons").glob("*.yaml")):
        persons += [(f"persons/{f.name}", line, p) for line, p in load_yaml_list(f, Person)]

    # --- codes ---------------------------------------------------------------
    codes: dict[str, int] = {}
    for line, c in countries:
        if c.code in codes:
            errors.append(f"countries.yaml:{line}: duplicate code {c.code} (first at line {codes[c.code]})")
        codes[c.code] = line
    known = set(codes) | SPECIAL_CODES

    def ref(where: str, code: str | None) -> None:
        if code is not None and code not in known:
            errors.append(f"{where}: unknown country code {code}")

    for line, i in institutions:
        ref(f"institutions.yaml:{line}", i.country)
    for line, o in organizations:
        ref(f"organizations.yaml:{line}", o.code)
    for line, pl in places:
        for code in [pl.country, *pl.claimed_by, *(f.country for f in pl.formerly)]:
            ref(f"places.yaml:{line}", code)
    for f, line, p in persons:
        ref(f"{f}:{line}", p.country)
        for r in p.roles:
            ref(f"{f}:{line} ({p.name})", r.country)

    # --- names and aliases ---------------------------------------------------
    owners: dict[str, set[str]] = defaultdict(set)

    def claim(label: str, strings, where: str) -> None:
        for s in strings:
            if not s:
                continue
            owners[norm(s)].add(label)
            if s == s.lower() and any(ch.isalpha() for ch in s) and " " not in s:
                warnings.append(f"{where}: alias {s!r} is a single lower-case word")

    for line, c in countries:
        label = f"countries.yaml:{line} {c.code}"
        names = [c.name, c.official_name, *c.aliases, *c.adjectives, *c.demonyms, *c.capitals]
        if c.national_day:
            names += c.national_day.aliases
        claim(label, set(names), label)
    for line, i in institutions:
        label = f"institutions.yaml:{line} {i.name} ({i.country})"
        claim(label, {i.name, *i.aliases, *i.case_sensitive}, label)
        for s in i.case_sensitive:
            if s not in i.aliases and s != i.name:
                warnings.append(f"{label}: case_sensitive {s!r} is not one of its aliases")
    for line, o in organizations:
        label = f"organizations.yaml:{line} {o.name} ({o.code})"
        claim(label, {o.name, *o.aliases, *o.case_sensitive}, label)
        for s in o.case_sensitive:
            if s not in o.aliases and s != o.name:
                warnings.append(f"{label}: case_sensitive {s!r} is not one of its aliases")
    capitals = {(norm(t), c.code) for _, c in countries for t in c.capitals}
    for line, pl in places:
        label = f"places.yaml:{line} {pl.name} ({pl.country})"
        # a capital listed again as a place dates it: Juba was a town of Sudan until 2011
        names = {t for t in {pl.name, *pl.aliases, *pl.case_sensitive}
                 if not (pl.formerly and (norm(t), pl.country) in capitals)}
        claim(label, names, label)
    seen_people: dict[str, str] = {}
    for f, line, p in persons:
        label = f"{f}:{line} {p.name}"
        if p.name in seen_people:
            errors.append(f"{label}: person listed twice (also {seen_people[p.name]})")
        seen_people[p.name] = label
        claim(label, {p.name, *p.aliases}, label)
        if not p.roles and not p.country:
            warnings.append(f"{label}: neither roles nor country")

    for s, labels in sorted(owners.items()):
        if len(labels) > 1:
            errors.append(f"{s!r} is claimed by {len(labels)} entries: " + "; ".join(sorted(labels)))

    # --- dated roles ---------------------------------------------------------
    by_post: dict[tuple[str, str], list[tuple[date, date, str, bool]]] = defaultdict(list)
    far = date(9999, 12, 31)
    for f, line, p in persons:
        for r in p.roles:
            if r.post in KEY_POSTS and r.start:
                acting = any(w in f"{r.office} {' '.join(r.titles)}" for w in ("Acting", "Interim", "Caretaker"))
                by_post[(r.country, r.post)].append((r.start, r.end or far, p.name, acting))
    for key, spans in sorted(by_post.items()):
        if key in COLLECTIVE:
            continue
        spans.sort()
        for (s1, e1, n1, a1), (s2, e2, n2, a2) in zip(spans, spans[1:]):
            # an acting holder standing in for a suspended or incapacitated one is expected
            if n1 != n2 and not (a1 or a2) and (e1 - s2).days > 1:
                warnings.append(f"{key[0]} {key[1]}: {n1} ({s1}..{e1 if e1 != far else ''}) "
                                f"overlaps {n2} ({s2}..{e2 if e2 != far else ''})")

    on = args.on
    for line, c in countries:
        if not c.un_member or c.former:
            continue
        for post in ("head_of_state", "head_of_government"):
            holders = [p.name for _, _, p in persons for r in p.roles
                       if r.country == c.code and r.post == post and r.holds_on(on)]
            if not holders:
                errors.append(f"{c.code}: no {post} on {on}")

    # --- report --------------------------------------------------------------
    n_roles = sum(len(p.roles) for _, _, p in persons)
    print(f"countries {len(countries)}, institutions {len(institutions)}, "
          f"organizations {len(organizations)}, persons {len(persons)}, roles {n_roles}, "
          f"places {len(places)}")
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("error:", e)
    print(f"{len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
