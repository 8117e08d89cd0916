"""Loading, merging and querying the knowledge base.

The bundled YAML files (``legation/data/kb``) are read first; each user
directory given later (``legation kb import`` writes one) is merged over
them, an entry replacing the bundled entry with the same key. A person's
sector and office are resolved for a date: the office held that day, or
ELI (former official) after their last office ended.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Union

from ..datafiles import load_yaml_list, package_data
from ..errors import DataFileError
from .schema import Country, Group, Institution, Organization, Person, Role, Title

Record = Union[Country, Institution, Organization, Person]

# Which office describes a person best when they hold several on one day.
POST_PRIORITY = {
    "head_of_state": 0, "head_of_government": 1, "secretary_general": 2, "foreign_minister": 3,
    "defence_minister": 4, "deputy_head_of_government": 5, "party_leader": 6, "minister": 7,
    "military_chief": 8, "legislature_speaker": 9, "leader": 10, "envoy": 11, "ambassador": 12,
    "spokesperson": 13, "other": 14,
}


def strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


_PUNCT = re.compile(r"[.\u2019'`\-\u2010-\u2015_]+")
_SPACE = re.compile(r"\s+")


def normalize_name(s: str) -> str:
    """Key for name lookup: case, accents, periods, apostrophes and hyphens ignored."""
    s = strip_accents(s).casefold()
    s = _PUNCT.sub(lambda m: " " if "-" in m.group() or "_" in m.group() else "", s)
    return _SPACE.sub(" ", s).strip()


def _slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", normalize_name(s)).strip("-")


@dataclass(frozen=True, slots=True)
class KBEntity:
    key: str
    kind: str  # country | institution | organization | person
    name: str
    code: str | None
    sector: str | None
    wikidata: str | None
    record: Record
    source: str  # file:line it came from, for corrections


@dataclass(frozen=True, slots=True)
class SurfaceForm:
    """A way an entity is written: its name, an alias, an adjective, a capital..."""

    text: str
    key: str
    form: str  # name | adjective | demonym | capital | self | short | holiday
    case_sensitive: bool


@dataclass(frozen=True, slots=True)
class Resolved:
    """An entity as it stood on a date: code, sector and the office then held."""

    key: str
    kind: str
    name: str
    code: str | None
    sector: str | None
    office: str | None
    identifier_id: str | None
    post: str | None = None


class KnowledgeBase:
    """All actor knowledge, indexed for the resolver and for ``kb lookup``."""

    def __init__(self) -> None:
        self.entities: dict[str, KBEntity] = {}
        self.titles: list[Title] = []
        self.groups: list[Group] = []
        self._by_name: dict[str, list[str]] = defaultdict(list)
        self._holders: dict[tuple[str, str], list[tuple[str, Role]]] = defaultdict(list)
        self._institutions: dict[tuple[str, str], list[str]] = defaultdict(list)
        self._forms: list[SurfaceForm] = []

    # -- loading ----------------------------------------------------------------
    @classmethod
    def load(cls, extra: Iterable[Path] = ()) -> "KnowledgeBase":
        """The bundled knowledge base with each directory in ``extra`` merged over it."""
        kb = cls()
        kb._load_dir(package_data("kb"))
        for d in extra:
            d = Path(d)
            if not d.is_dir():
                raise DataFileError(str(d), None, "knowledge-base directory not found")
            kb._load_dir(d)
        kb._index()
        return kb

    def _load_dir(self, base: Path) -> None:
        def files(name: str) -> list[Path]:
            single = base / f"{name}.yaml"
            many = sorted((base / name).glob("*.yaml")) if (base / name).is_dir() else []
            return ([single] if single.is_file() else []) + many

        for path in files("countries"):
            for line, c in load_yaml_list(path, Country):
                self._put(KBEntity(f"country:{c.code}", "country", c.name, c.code, "GOV",
                                   c.wikidata, c, f"{path}:{line}"))
        for path in files("institutions"):
            for line, i in load_yaml_list(path, Institution):
                self._put(KBEntity(f"inst:{i.country}:{_slug(i.name)}", "institution", i.name,
                                   i.country, i.sector, i.wikidata, i, f"{path}:{line}"))
        for path in files("organizations"):
            for line, o in load_yaml_list(path, Organization):
                self._put(KBEntity(f"org:{_slug(o.name)}", "organization", o.name, o.code,
                                   o.sector, o.wikidata, o, f"{path}:{line}"))
        for path in files("persons"):
            for line, p in load_yaml_list(path, Person):
                key = f"person:{p.wikidata}" if p.wikidata else f"person:{_slug(p.name)}"
                self._put(KBEntity(key, "person", p.name, p.country, p.sector, p.wikidata, p,
                                   f"{path}:{line}"))
        for path in files("titles"):
            self.titles.extend(t for _, t in load_yaml_list(path, Title))
        for path in files("groups"):
            self.groups.extend(g for _, g in load_yaml_list(path, Group))

    def _put(self, e: KBEntity) -> None:
        self.entities[e.key] = e  # a later file replaces an earlier entry with the same key

    def _index(self) -> None:
        forms: list[SurfaceForm] = []

        def add(text: str | None, key: str, form: str, cs: bool = False) -> None:
            if text and text.strip():
                forms.append(SurfaceForm(text.strip(), key, form, cs))

        for e in self.entities.values():
            r = e.record
            if isinstance(r, Country):
                for t in [r.name, r.official_name, *r.aliases]:
                    add(t, e.key, "name")
                for t in r.adjectives:
                    add(t, e.key, "adjective")
                for t in r.demonyms:
                    add(t, e.key, "demonym")
                for t in r.capitals:
                    add(t, e.key, "capital", True)
                for t in r.self_names:
                    add(t, e.key, "self", True)
                if r.national_day:
                    for t in [r.national_day.name, *r.national_day.aliases]:
                        add(t, e.key, "holiday")
            elif isinstance(r, (Institution, Organization)):
                cs = set(r.case_sensitive)
                for t in [r.name, *r.aliases, *r.case_sensitive]:
                    add(t, e.key, "name", t in cs)
                if isinstance(r, Institution):
                    self._institutions[(r.country, r.kind)].append(e.key)
            elif isinstance(r, Person):
                for t in [r.name, *r.aliases]:
                    add(t, e.key, "name")
                for t in r.short:
                    add(t, e.key, "short", True)
                for role in r.roles:
                    self._holders[(role.country, role.post)].append((e.key, role))
        seen: set[tuple[str, str, str]] = set()
        for f in forms:
            k = (f.text, f.key, f.form)
            if k in seen:
                continue
            seen.add(k)
            self._forms.append(f)
            if f.form in ("name", "short", "adjective", "demonym", "capital"):
                self._by_name[normalize_name(f.text)].append(f.key)

    # -- queries ----------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.entities)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = defaultdict(int)
        for e in self.entities.values():
            out[e.kind] += 1
        out["roles"] = sum(len(e.record.roles) for e in self.entities.values()
                           if isinstance(e.record, Person))
        return dict(out)

    def surface_forms(self) -> Iterator[SurfaceForm]:
        return iter(self._forms)

    def get(self, key: str) -> KBEntity | None:
        return self.entities.get(key)

    def country(self, code: str) -> Country | None:
        e = self.entities.get(f"country:{code}")
        return e.record if e and isinstance(e.record, Country) else None

    def country_name(self, code: str | None) -> str | None:
        c = self.country(code) if code else None
        return c.name if c else None

    def find(self, name: str) -> list[KBEntity]:
        """Entities whose name or alias is ``name`` (case, accents, punctuation ignored)."""
        keys = self._by_name.get(normalize_name(name), [])
        return [self.entities[k] for k in dict.fromkeys(keys)]

    def institution(self, country: str, kind: str) -> KBEntity | None:
        keys = self._institutions.get((country, kind))
        return self.entities[keys[0]] if keys else None

    def holders(self, country: str, post: str, on: date | None) -> list[str]:
        """Keys of the persons holding ``post`` for ``country`` on a date."""
        out = []
        for key, role in self._holders.get((country, post), []):
            if on is None and role.end is None or on is not None and role.holds_on(on):
                out.append(key)
        return out

    def resolve(self, key: str, on: date | None = None) -> Resolved:
        """The entity as it stood on ``on`` (today's office when None)."""
        e = self.entities[key]
        r = e.record
        if not isinstance(r, Person):
            return Resolved(e.key, e.kind, e.name, e.code, e.sector, None, e.wikidata)
        role = self.role_on(r, on)
        if role is not None:
            return Resolved(e.key, e.kind, e.name, role.country, role.sector, role.office,
                            e.wikidata, role.post)
        past = [x for x in r.roles if x.end is not None and (on is None or x.end < on)]
        if past:
            last = max(past, key=lambda x: x.end or date.min)
            return Resolved(e.key, e.kind, e.name, last.country, "ELI", f"former {last.office}",
                            e.wikidata, None)
        first = min(r.roles, key=lambda x: x.start or date.min) if r.roles else None
        code = r.country or (first.country if first else None)
        return Resolved(e.key, e.kind, e.name, code, r.sector, None, e.wikidata, None)

    @staticmethod
    def role_on(person: Person, on: date | None) -> Role | None:
        if on is None:
            current = [x for x in person.roles if x.end is None]
        else:
            current = [x for x in person.roles if x.holds_on(on)]
        if not current:
            return None
        return min(current, key=lambda x: (POST_PRIORITY.get(x.post, 99), -(x.start or date.min).toordinal()))

    def titles_of(self, person: Person, on: date | None) -> set[str]:
        """Lower-cased styles that fit the person on a date (role titles and office words)."""
        out: set[str] = set()
        roles = [x for x in person.roles if on is None or x.holds_on(on)] or person.roles
        for x in roles:
            out.update(t.lower() for t in x.titles)
            out.update(w.lower() for w in re.findall(r"[A-Za-z]+", x.office))
        return out
