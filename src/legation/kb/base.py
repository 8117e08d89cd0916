"""Loading, merging and querying the knowledge base.

The bundled YAML files (``legation/data/kb``) are read first, then the
user's own directory (``$LEGATION_KB_DIR``, or ``~/.local/share/legation/kb``;
``legation kb import`` writes there) when it exists, then each directory
given explicitly. A later entry replaces an earlier one of the same kind
that has the same key: for countries the code; for persons the Wikidata id,
or the name when either entry has no id; for institutions, organisations and
places the name (case, accents and punctuation ignored). A person's sector
and office are resolved for a date: the office held that day, or ELI (former
official) after their last office ended.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..datafiles import load_yaml_list, package_data
from ..errors import DataFileError
from .schema import Country, Group, Institution, Organization, Person, Place, Role, Title

Record = Country | Institution | Organization | Person | Place
USER_DIR_ENV = "LEGATION_KB_DIR"


def default_user_dir() -> Path:
    """Where the user's own knowledge-base files live: ``$LEGATION_KB_DIR``, else
    ``$XDG_DATA_HOME/legation/kb`` (``~/.local/share/legation/kb``)."""
    env = os.environ.get(USER_DIR_ENV)
    if env:
        return Path(env).expanduser()
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data) / "legation" / "kb"

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
    kind: str  # country | institution | organization | person | place
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
    form: str  # name | adjective | demonym | capital | self | short | holiday | place
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
        self.groups: list[Group] = []  # hand-written first, then the imported ones kept
        self.imported_groups: list[tuple[int, Group]] = []  # (directory index, entry) of agents files
        self.groups_overridden: list[Group] = []  # imported entries a hand-written noun or title replaced
        self._by_name: dict[str, list[str]] = defaultdict(list)
        self._holders: dict[tuple[str, str], list[tuple[str, Role]]] = defaultdict(list)
        self._institutions: dict[tuple[str, str], list[str]] = defaultdict(list)
        self._forms: list[SurfaceForm] = []
        self._country_names: dict[str, str] | None = None
        self._places: dict[str, list[str]] = defaultdict(list)
        self._capitals: dict[str, str] = {}
        # merging: which directory each entry came from, and what later ones replaced
        self.dirs: list[Path] = []
        self.replaced: list[tuple[KBEntity, KBEntity]] = []  # (new, old)
        self._layer: dict[str, int] = {}
        self._idents: dict[tuple[str, str], set[str]] = defaultdict(set)

    # -- loading ----------------------------------------------------------------
    @classmethod
    def load(cls, extra: Iterable[Path] = (), *, user: bool = True) -> KnowledgeBase:
        """The bundled knowledge base with the user's directory (when ``user`` and it
        exists, see :func:`default_user_dir`) and each directory in ``extra`` merged over it."""
        kb = cls()
        kb._load_dir(package_data("kb"))
        dirs = [Path(d) for d in extra]
        for d in dirs:
            if not d.is_dir():
                raise DataFileError(str(d), None, "knowledge-base directory not found")
        mine = default_user_dir() if user else None
        if mine is not None and mine.is_dir() and all(mine.resolve() != d.resolve() for d in dirs):
            dirs.insert(0, mine)
        for d in dirs:
            kb._load_dir(d)
        kb._merge_groups()
        kb._index()
        return kb

    def _load_dir(self, base: Path) -> None:
        self.dirs.append(base)
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
        for path in files("places"):
            for line, pl in load_yaml_list(path, Place):
                self._put(KBEntity(f"place:{_slug(pl.name)}", "place", pl.name, pl.country, None,
                                   pl.wikidata, pl, f"{path}:{line}"))
        for path in files("titles"):
            self.titles.extend(t for _, t in load_yaml_list(path, Title))
        for path in files("agents"):  # imported nouns (PETRARCH agents), read before groups
            self.imported_groups.extend((len(self.dirs) - 1, g) for _, g in load_yaml_list(path, Group))
        for path in files("groups"):
            self.groups.extend(g for _, g in load_yaml_list(path, Group))

    def _put(self, e: KBEntity) -> None:
        """Add an entry; it replaces an entry of an earlier directory with the same key."""
        layer = len(self.dirs) - 1
        idents = _identities(e)
        if layer > 0:
            old_keys = {e.key} if e.key in self.entities else set()
            for ident in idents:
                old_keys |= self._idents.get(ident, set())
            for k in old_keys:
                old = self.entities.get(k)
                if old is None or self._layer.get(k, 0) >= layer or not _same(e, old):
                    continue
                self.replaced.append((e, old))
                del self.entities[k]
                for ident in _identities(old):
                    self._idents[ident].discard(k)
        self.entities[e.key] = e  # within one directory a later entry with the same key wins
        self._layer[e.key] = layer
        for ident in idents:
            self._idents[ident].add(e.key)

    def _merge_groups(self) -> None:
        """Add the imported group nouns after the hand-written ones. An imported entry that
        shares a noun or alias with a hand-written group or a title gives way to it whole
        (so that "fighter" does not get a sector "fighters" lacks); a later directory's
        imported entries come before an earlier one's."""
        claimed = {f.lower() for g in self.groups for f in (g.noun, *g.aliases)}
        claimed |= {f.lower() for t in self.titles for f in (t.title, *t.aliases)}
        for _, g in sorted(self.imported_groups, key=lambda x: -x[0]):
            if any(f.lower() in claimed for f in (g.noun, *g.aliases)):
                self.groups_overridden.append(g)
            else:
                self.groups.append(g)

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
            elif isinstance(r, Place):
                cs = set(r.case_sensitive)
                for t in [r.name, *r.aliases, *r.case_sensitive]:
                    add(t, e.key, "place", t in cs)
        seen: set[tuple[str, str, str]] = set()
        for f in forms:
            k = (f.text, f.key, f.form)
            if k in seen:
                continue
            seen.add(k)
            self._forms.append(f)
            if f.form in ("name", "short", "adjective", "demonym", "capital", "place"):
                self._by_name[normalize_name(f.text)].append(f.key)
            if f.form == "place":
                self._places[normalize_name(f.text)].append(f.key)
            elif f.form == "capital":
                self._capitals.setdefault(normalize_name(f.text), f.key)

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

    def place_country(self, name: str, on: date | None = None) -> str | None:
        """The state a place name lies in on ``on`` (today's when None): a listed place
        or a capital; for "Manhattan, New York" the first part that is known."""
        for part in [p for p in name.split(",") if p.strip()]:
            n = normalize_name(part)
            if n.startswith("the "):
                n = n[4:]
            for key in self._places.get(n, []):
                r = self.entities[key].record
                if isinstance(r, Place):
                    return r.country_on(on)
            capital = self._capitals.get(n)
            if capital is not None and capital in self.entities:
                return self.entities[capital].code
        return None

    def near_country(self, text: str, min_score: float = 88.0) -> str | None:
        """The country whose name is within a typo of ``text`` (rapidfuzz ratio), if one is."""
        from rapidfuzz import fuzz, process

        if self._country_names is None:
            self._country_names = {}
            for e in self.entities.values():
                if e.kind == "country" and isinstance(e.record, Country):
                    for n in [e.record.name, *e.record.aliases, *e.record.adjectives]:
                        if len(n) >= 5:
                            self._country_names[n] = e.key
        hit = process.extractOne(text, list(self._country_names), scorer=fuzz.ratio,
                                 score_cutoff=min_score)
        return self._country_names[hit[0]] if hit else None

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
        """The entity as it stood on ``on``. With no date (an article of unknown date), a
        person takes the office they hold now or, if none, their latest office: nothing
        says the article is not from then, so nobody is called a former office-holder."""
        e = self.entities[key]
        r = e.record
        if isinstance(r, Place):
            return Resolved(e.key, e.kind, e.name, r.country_on(on), None, None, e.wikidata)
        if not isinstance(r, Person):
            return Resolved(e.key, e.kind, e.name, e.code, e.sector, None, e.wikidata)
        role = self.role_on(r, on)
        if role is not None:
            return Resolved(e.key, e.kind, e.name, role.country, role.sector, role.office,
                            e.wikidata, role.post)
        past = [x for x in r.roles if x.end is not None and (on is None or x.end < on)]
        if past:
            last = max(past, key=lambda x: x.end or date.min)
            if on is None:
                return Resolved(e.key, e.kind, e.name, last.country, last.sector, last.office,
                                e.wikidata, last.post)
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


def _identities(e: KBEntity) -> list[tuple[str, str]]:
    """What makes two entries of the knowledge base the same entry (see the module doc)."""
    if e.kind == "country":
        return [("country", e.code or "")]
    out = [(e.kind, "name:" + normalize_name(e.name))]
    if e.wikidata:
        out.append((e.kind, "qid:" + e.wikidata))
    return out


def _same(new: KBEntity, old: KBEntity) -> bool:
    if new.key == old.key:
        return True
    if new.kind != old.kind:
        return False
    if new.wikidata and old.wikidata:
        return new.wikidata == old.wikidata  # namesakes with their own ids stay apart
    return normalize_name(new.name) == normalize_name(old.name)
