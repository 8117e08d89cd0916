"""Importing users' own actor lists into a knowledge-base directory.

Two input formats are read and converted to the bundled YAML schema:

``actors``
    PETRARCH / Phoenix dictionaries. An entry is a name in upper case with
    underscores for spaces, followed on the same or the next lines by its
    codes in brackets; ``+`` lines are synonyms; ``#`` starts a comment::

        KIM_JONG_UN_  [PRKGOV >111217]   # leader since December 2011
        +KIM_JONG-UN
        +CHAIRMAN_KIM
        DONALD_TRUMP_
            [USAELI <170120]
            [USAGOV 170120-210120]

    A code is a CAMEO actor code: its first three letters are the country
    (ISO 3166 alpha-3, or IGO, NGO, IMG, MNC, ...), the next three the role
    (GOV, MIL, REB, OPP, JUD, LEG, ELI, MED ...), converted to PLOVER codes and
    sectors by :data:`COUNTRY_CODES` and :data:`SECTOR_CODES`. A date restriction
    is ``>YYMMDD`` (from that day), ``<YYMMDD`` (until the day before) or
    ``YYMMDD-YYMMDD`` (from, to); eight digits (``YYYYMMDD``) are read too. Two-
    digit years 00-39 are 2000-2039 and 40-99 are 1940-1999. Codes for regions
    ("AFR", "MEA", "WST"), which PLOVER does not code, are reported and skipped.

``csv`` and ``json``
    One row (CSV with a header) or one object (a JSON list, or JSON Lines) per
    office: ``name, aliases, short, country, sector, office, post, start, end,
    wikidata`` and optionally ``kind`` (person, the default; institution;
    organization) and ``type`` (the institution or organisation kind:
    ministry, news_agency, igo...). ``aliases`` and ``short`` are separated by
    ``;`` in CSV and may be lists in JSON. Rows with the same kind and name are
    one entry with several roles.

Entries are written under ``persons/``, ``institutions/`` and
``organizations/`` of the target directory, which :class:`KnowledgeBase`
merges over the bundled files: an entry with the same key (see
``legation.kb.base``) replaces the bundled one. When a knowledge base is given,
an imported name that is an alias of exactly one known entry takes that
entry's canonical name and Wikidata id, so that it replaces it.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

import yaml
from pydantic import BaseModel, ValidationError

from ..datafiles import package_data
from ..errors import DataFileError
from ..wordlists import load_named_lists
from .base import KnowledgeBase, normalize_name
from .schema import POSTS, SECTORS, SPECIAL_CODES, Country, Institution, Organization, Person, Role

FORMATS = ("actors", "csv", "json")
IMPORT_WORDS = "import_words.yaml"  # in legation/data/kb: the words the import reads in names

# CAMEO country codes that differ from ISO 3166 alpha-3 / PLOVER
COUNTRY_CODES = {
    "ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "WSB": "PSE", "GZS": "PSE", "PAL": "PSE",
    "UNO": "UNO", "IGO": "IGO", "NGO": "NGO", "NGM": "ISM", "IMG": "IMG", "MNC": "MNC",
}
# CAMEO regions: PLOVER codes no region, so these entries are skipped
REGIONS = {
    "AFR", "ASA", "BLK", "CRB", "CAU", "CFR", "CAS", "CEU", "EIN", "EAF", "EEU", "EUR", "LAM",
    "MEA", "MDT", "NAF", "NMR", "PGS", "SCN", "SAM", "SAS", "SEA", "SAF", "WAF", "WST", "NAM",
}
# CAMEO role codes -> PLOVER sectors (MED was media in CAMEO, HLH health)
SECTOR_CODES = {
    "GOV": "GOV", "MIL": "MIL", "REB": "REB", "INS": "REB", "SEP": "REB", "OPP": "OPP",
    "PTY": "PTY", "COP": "COP", "JUD": "JUD", "SPY": "SPY", "LEG": "LEG", "ELI": "ELI",
    "MED": "JRN", "JRN": "JRN", "HLH": "MED", "BUS": "BUS", "CVL": "CVL", "EDU": "EDU",
    "LAB": "LAB", "AGR": "AGR", "CRM": "CRM", "REF": "REF", "REL": "REL", "UAF": "UAF",
    "HRI": "SOC", "ENV": "SOC", "NGO": "SOC", "SOC": "SOC", "PRE": "PRE", "PRM": "PRM",
}
INTERNATIONAL = {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"}
COLUMNS = ("kind", "name", "aliases", "short", "country", "sector", "office", "post", "start",
           "end", "wikidata", "type")


class MalformedImport(DataFileError):
    """An imported file has malformed entries; ``problems`` lists each (line, message)."""

    def __init__(self, path: str, problems: list[tuple[int | None, str]]) -> None:
        self.problems = problems
        first_line, first = problems[0]
        lines = [f"{path}:{ln}: {msg}" if ln else f"{path}: {msg}" for ln, msg in problems]
        more = "\n".join(lines[1:])
        super().__init__(path, first_line, first + (f"\n{more}" if more else ""))


@dataclass(slots=True)
class ImportResult:
    """What an import produced, in the bundled schema, and what it had to leave out."""

    source: str
    countries: list[Country] = field(default_factory=list)  # bundled states with imported aliases
    persons: list[Person] = field(default_factory=list)
    institutions: list[Institution] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # "file:line: why" for entries left out
    adopted: list[tuple[str, str]] = field(default_factory=list)  # (entry, file:line it corrects)

    def counts(self) -> dict[str, int]:
        return {"countries": len(self.countries),
                "persons": len(self.persons), "roles": sum(len(p.roles) for p in self.persons),
                "institutions": len(self.institutions), "organizations": len(self.organizations),
                "skipped": len(self.skipped)}


# -- dates and codes ------------------------------------------------------------------------------
def parse_yymmdd(text: str) -> date:
    """'111217' -> 2011-12-17; '991231' -> 1999-12-31; '20111217' -> 2011-12-17.

    Two-digit years 00-39 are 2000-2039, 40-99 are 1940-1999."""
    if not re.fullmatch(r"\d{6}|\d{8}", text):
        raise ValueError(f"not a date (YYMMDD or YYYYMMDD): {text!r}")
    if len(text) == 8:
        y, m, d = int(text[:4]), int(text[4:6]), int(text[6:])
    else:
        yy, m, d = int(text[:2]), int(text[2:4]), int(text[4:])
        y = 2000 + yy if yy < 40 else 1900 + yy
    try:
        return date(y, m, d)
    except ValueError:
        raise ValueError(f"not a calendar date: {text!r}") from None


_DATES = re.compile(r"^(?:(?P<op>[<>])\s*(?P<one>\d+)|(?P<start>\d+)\s*-\s*(?P<end>\d+)?)$")


def parse_restriction(text: str) -> tuple[date | None, date | None]:
    """'>111217' -> (2011-12-17, None); '<111217' -> (None, 2011-12-16); 'A-B' -> (A, B)."""
    m = _DATES.match(text.strip())
    if m is None:
        raise ValueError(f"not a date restriction (>YYMMDD, <YYMMDD or YYMMDD-YYMMDD): {text!r}")
    if m.group("op") == ">":
        return parse_yymmdd(m.group("one")), None
    if m.group("op") == "<":
        return None, date.fromordinal(parse_yymmdd(m.group("one")).toordinal() - 1)
    start = parse_yymmdd(m.group("start"))
    end = parse_yymmdd(m.group("end")) if m.group("end") else None
    if end is not None and end < start:
        raise ValueError(f"ends before it starts: {text!r}")
    return start, end


def convert_code(code: str, known: set[str]) -> tuple[str, str | None]:
    """A CAMEO actor code as a PLOVER (country, sector): 'PRKGOV' -> ('PRK', 'GOV'),
    'IGOUNOWHO' -> ('UNO', None), 'USAMED' -> ('USA', 'JRN'). Raises ValueError."""
    if not re.fullmatch(r"(?:[A-Z]{3})+", code):
        raise ValueError(f"not a CAMEO code (groups of three capital letters): {code!r}")
    parts = [code[i:i + 3] for i in range(0, len(code), 3)]
    head = parts[0]
    if head in REGIONS and not (head == "EUR" and "EEC" in parts):
        raise LookupError(f"{code}: {head} is a region, which PLOVER does not code")
    if head == "IGO" or head == "EUR":
        country = "UNO" if "UNO" in parts else "EUR" if ("EEC" in parts or "EUR" in parts) else "IGO"
    else:
        country = COUNTRY_CODES.get(head, head)
    if country not in known:
        raise ValueError(f"{code}: unknown country code {head}")
    sector = next((SECTOR_CODES[p] for p in parts[1:] if p in SECTOR_CODES), None)
    return country, sector


def _known_codes(kb: KnowledgeBase | None) -> set[str]:
    if kb is not None:
        codes = {e.code for e in kb.entities.values() if e.kind == "country" and e.code}
    else:
        import pycountry
        codes = {c.alpha_3 for c in pycountry.countries} | {"KOS", "SUN", "YUG", "CSK", "DDR"}
    return codes | SPECIAL_CODES


def _title(name: str) -> str:
    """'KIM_JONG-UN_' -> 'Kim Jong-Un'; 'AL-ASSAD' -> 'Al-Assad'; 'KCNA' stays 'KCNA'."""
    words = name.strip("_").replace("_", " ").split()
    if len(words) == 1 and len(words[0]) <= 4 and words[0].isalpha():
        return words[0]  # an acronym
    return " ".join("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")) for w in words)


@lru_cache(maxsize=1)
def body_words() -> frozenset[str]:
    """Words that make an imported entry a body rather than a person (``import_words.yaml``
    beside the bundled knowledge base), loaded once."""
    path = package_data("kb", IMPORT_WORDS)
    lists = load_named_lists(path, ["body_words"])
    if "body_words" not in lists:
        raise DataFileError(str(path), None, "missing word list: body_words")
    return frozenset(lists["body_words"][1].words)


def _is_body(name: str) -> bool:
    """A body, not a person: a name with a word such as Ministry, Army, News, Party, or a
    single word (NATO, HAMAS, TALIBAN); people's entries have two names or more."""
    words = name.lower().split()
    return len(words) == 1 or bool(set(re.split(r"[\s\-]+", name.lower())) & body_words())


# -- PETRARCH / Phoenix .actors ------------------------------------------------------------------------
@dataclass(slots=True)
class _ActorsEntry:
    line: int
    name: str
    synonyms: list[str] = field(default_factory=list)
    codes: list[tuple[int, str, str | None]] = field(default_factory=list)  # line, code, dates


_BRACKET = re.compile(r"\[([^\[\]]*)\]")


def read_actors(path: Path, kb: KnowledgeBase | None = None) -> ImportResult:
    """Convert a PETRARCH/Phoenix ``.actors`` dictionary; raises MalformedImport."""
    lines = _read_lines(path)
    known = _known_codes(kb)
    problems: list[tuple[int | None, str]] = []
    entries: list[_ActorsEntry] = []
    for n, raw in enumerate(lines, 1):
        text = raw.split("#", 1)[0].rstrip()
        if not text.strip():
            continue
        body = text.strip()
        if body.startswith("+"):
            if not entries:
                problems.append((n, f"synonym {body!r} before any entry"))
                continue
            syn = _BRACKET.sub("", body[1:]).strip()
            if not syn or not re.fullmatch(r"[^\s\[\]]+", syn):
                problems.append((n, f"malformed synonym {body!r}"))
                continue
            entries[-1].synonyms.append(_title(syn))
            for b in _BRACKET.findall(body):  # '+X [CODE]' gives the entry a code too
                _add_code(entries[-1], n, b, problems)
            continue
        if body.startswith("["):
            if not entries:
                problems.append((n, f"code {body!r} before any entry"))
                continue
            rest = _BRACKET.sub("", body).strip()
            if rest or not _BRACKET.search(body):
                problems.append((n, f"malformed code line {body!r}"))
                continue
            for b in _BRACKET.findall(body):
                _add_code(entries[-1], n, b, problems)
            continue
        name = _BRACKET.sub("", body).strip()
        if not re.fullmatch(r"[^\s\[\]]+", name) or "[" in name or "]" in name:
            problems.append((n, f"malformed entry {body!r} (NAME_WITH_UNDERSCORES [CODE DATES])"))
            continue
        if body.count("[") != body.count("]"):
            problems.append((n, f"unbalanced brackets in {body!r}"))
            continue
        entry = _ActorsEntry(n, _title(name))
        entries.append(entry)
        for b in _BRACKET.findall(body):
            _add_code(entry, n, b, problems)
    result = ImportResult(str(path))
    for entry in entries:
        if not entry.codes:
            problems.append((entry.line, f"entry {entry.name!r} has no code"))
            continue
        _convert_entry(entry, path, known, result, problems, kb)
    if problems:
        raise MalformedImport(str(path), problems)
    _adopt_known_names(result, kb)
    return result


def _add_code(entry: _ActorsEntry, n: int, bracket: str, problems: list[tuple[int | None, str]]) -> None:
    parts = bracket.split(None, 1)
    if not parts:
        problems.append((n, "empty code []"))
        return
    entry.codes.append((n, parts[0], parts[1].strip() if len(parts) > 1 else None))


def _convert_entry(entry: _ActorsEntry, path: Path, known: set[str], result: ImportResult,
                   problems: list[tuple[int | None, str]], kb: KnowledgeBase | None = None) -> None:
    roles: list[tuple[str, str | None, date | None, date | None, str]] = []
    for n, code, dates in entry.codes:
        try:
            country, sector = convert_code(code, known)
            start, end = parse_restriction(dates) if dates else (None, None)
        except LookupError as e:
            result.skipped.append(f"{path}:{n}: {entry.name}: {e.args[0]}")
            continue
        except ValueError as e:
            problems.append((n, str(e)))
            continue
        roles.append((country, sector, start, end, code))
    if not roles:
        return
    country = roles[0][0]
    aliases = [s for s in dict.fromkeys(entry.synonyms) if normalize_name(s) != normalize_name(entry.name)]
    if kb is not None and len(roles) == 1 and roles[0][1:4] == (None, None, None) and _add_country_names(
            result, kb, country, [entry.name, *aliases]):
        return  # "NORTH_KOREA_ [PRK]": more names for a state, not a new actor
    try:
        if _is_body(entry.name):
            if len({r[0] for r in roles}) > 1 or len(roles) > 1 and any(r[2] or r[3] for r in roles):
                problems.append((entry.line, f"{entry.name!r} looks like a body but has dated or "
                                             "several codes; bodies take one code"))
                return
            _, sector, _, _, _ = roles[0]
            if country in INTERNATIONAL or sector is None:
                result.organizations.append(Organization(
                    name=entry.name, code=country, sector=sector, kind=_org_kind(country),
                    aliases=aliases))
            else:
                result.institutions.append(Institution(
                    name=entry.name, country=country, sector=sector, aliases=aliases))
            return
        # a code without a role part is the person's country, unless dated or international
        person_roles = [Role(office=code, post="other", country=c, sector=s or "GOV", start=a, end=b)
                        for c, s, a, b, code in roles if s is not None or a or b or c in INTERNATIONAL]
        bare = [c for c, s, a, b, _ in roles if s is None and not (a or b or c in INTERNATIONAL)]
        result.persons.append(Person(name=entry.name, aliases=aliases, roles=person_roles,
                                     country=bare[0] if bare and not person_roles else None))
    except ValidationError as e:
        problems.append((entry.line, _describe(e)))


def _add_country_names(result: ImportResult, kb: KnowledgeBase, code: str, names: list[str]) -> bool:
    """When ``names`` name the state ``code``, add the new ones to its aliases; else False."""
    key = f"country:{code}"
    if not any(e.key == key for n in names for e in kb.find(n)):
        return False
    state = next((c for c in result.countries if c.code == code), None) or kb.country(code)
    assert state is not None
    new = [n for n in names if not any(e.key == key for e in kb.find(n))
           and normalize_name(n) not in {normalize_name(a) for a in state.aliases}]
    updated = state.model_copy(update={"aliases": [*state.aliases, *new]})
    if not any(c.code == code for c in result.countries):
        result.adopted.append((state.name, kb.entities[key].source))
    result.countries = [c for c in result.countries if c.code != code] + [updated]
    return True


def _org_kind(code: str) -> Any:  # one of Organization's kinds
    return {"UNO": "un_body", "EUR": "eu_body", "IGO": "igo", "NGO": "ngo", "ISM": "movement",
            "IMG": "armed_group", "MNC": "company"}.get(code, "other")


# -- CSV and JSON -----------------------------------------------------------------------------------------
def read_table(path: Path, fmt: str, kb: KnowledgeBase | None = None) -> ImportResult:
    """Convert a CSV or JSON list of roles (see the module doc); raises MalformedImport."""
    known = _known_codes(kb)
    problems: list[tuple[int | None, str]] = []
    rows = list(_csv_rows(path, problems) if fmt == "csv" else _json_rows(path, problems))
    result = ImportResult(str(path))
    persons: dict[str, tuple[int, dict[str, Any]]] = {}
    bodies: dict[str, tuple[int, dict[str, Any]]] = {}
    for line, row in rows:
        unknown = set(row) - set(COLUMNS)
        if unknown:
            problems.append((line, f"unknown field(s) {', '.join(sorted(unknown))} "
                                   f"(known: {', '.join(COLUMNS)})"))
            continue
        kind = (_cell(row.get("kind")) or "person").lower()
        name = _cell(row.get("name"))
        if kind not in ("person", "institution", "organization"):
            problems.append((line, f"kind must be person, institution or organization, not {kind!r}"))
            continue
        if not name:
            problems.append((line, "no name"))
            continue
        country = _country(_cell(row.get("country")), kb)
        if country is not None and country not in known:
            problems.append((line, f"unknown country {row.get('country')!r}"))
            continue
        sector = _cell(row.get("sector"))
        if sector is not None:
            sector = SECTOR_CODES.get(sector.upper(), sector.upper())
            if sector not in SECTORS:
                problems.append((line, f"unknown sector {row.get('sector')!r}"))
                continue
        try:
            start = _date(row.get("start"))
            end = _date(row.get("end"))
        except ValueError as e:
            problems.append((line, str(e)))
            continue
        k = normalize_name(name)
        table = persons if kind == "person" else bodies
        if k in table:
            _, first = table[k]
            first["_aliases"] += _list(row.get("aliases"))
            first["_short"] += _list(row.get("short"))
            first["wikidata"] = first.get("wikidata") or _cell(row.get("wikidata"))
        else:
            first = {"kind": kind, "name": name, "_aliases": _list(row.get("aliases")),
                     "_short": _list(row.get("short")), "wikidata": _cell(row.get("wikidata")),
                     "country": country, "sector": sector, "type": _cell(row.get("type")),
                     "_roles": []}
            table[k] = (line, first)
        if kind == "person" and (sector or _cell(row.get("office")) or start or end):
            post = _cell(row.get("post")) or "other"
            if post not in POSTS:
                problems.append((line, f"unknown post {post!r} (one of {', '.join(sorted(POSTS))})"))
                continue
            if country is None:
                problems.append((line, "a role needs a country"))
                continue
            office = _cell(row.get("office")) or f"{country}{sector or 'GOV'}"
            try:
                first["_roles"].append(Role(office=office, post=post, country=country,
                                            sector=sector or "GOV", start=start, end=end))
            except ValidationError as e:
                problems.append((line, _describe(e)))
    for line, d in persons.values():
        try:
            result.persons.append(Person(
                name=d["name"], aliases=_uniq(d["_aliases"], d["name"]), short=_uniq(d["_short"]),
                wikidata=d["wikidata"], roles=d["_roles"],
                country=d["country"] if not d["_roles"] else None,
                sector=d["sector"] if not d["_roles"] else None))
        except ValidationError as e:
            problems.append((line, _describe(e)))
    for line, d in bodies.values():
        try:
            if d["kind"] == "institution":
                if d["country"] is None or d["sector"] is None:
                    problems.append((line, "an institution needs a country and a sector"))
                    continue
                result.institutions.append(Institution(
                    name=d["name"], country=d["country"], sector=d["sector"],
                    kind=d["type"] or "other", aliases=_uniq(d["_aliases"], d["name"]),
                    wikidata=d["wikidata"]))
            else:
                if d["country"] is None:
                    problems.append((line, "an organization needs a country (its PLOVER code)"))
                    continue
                result.organizations.append(Organization(
                    name=d["name"], code=d["country"], sector=d["sector"],
                    kind=cast(Any, d["type"]) or _org_kind(d["country"]),
                    aliases=_uniq(d["_aliases"], d["name"]), wikidata=d["wikidata"]))
        except ValidationError as e:
            problems.append((line, _describe(e)))
    if problems:
        raise MalformedImport(str(path), sorted(problems, key=lambda p: p[0] or 0))
    _adopt_known_names(result, kb)
    return result


def _csv_rows(path: Path, problems: list[tuple[int | None, str]]) -> Iterator[tuple[int, dict[str, Any]]]:
    text = "\n".join(_read_lines(path))
    reader = csv.DictReader(line for line in text.splitlines(True))
    try:
        if reader.fieldnames is None:
            problems.append((1, "no header row"))
            return
        reader.fieldnames = [f.strip().lower() for f in reader.fieldnames]
        start = 2
        for row in reader:
            if None in row:
                problems.append((start, "more cells than columns"))
            elif any(v and v.strip() for v in row.values()):
                yield start, {k: v for k, v in row.items() if v is not None}
            start = reader.line_num + 1
    except csv.Error as e:
        problems.append((reader.line_num, f"not valid CSV: {e}"))


def _json_rows(path: Path, problems: list[tuple[int | None, str]]) -> Iterator[tuple[int, dict[str, Any]]]:
    text = "\n".join(_read_lines(path))
    dec = json.JSONDecoder()
    stripped = text.lstrip()
    items: list[tuple[int, Any]] = []
    try:
        if stripped.startswith("["):
            pos = text.index("[") + 1
            while True:
                while pos < len(text) and text[pos] in " \t\r\n,":
                    pos += 1
                if pos >= len(text) or text[pos] == "]":
                    break
                value, end = dec.raw_decode(text, pos)
                items.append((text.count("\n", 0, pos) + 1, value))
                pos = end
        else:  # JSON Lines
            for n, line in enumerate(text.splitlines(), 1):
                if line.strip():
                    items.append((n, dec.decode(line)))
    except json.JSONDecodeError as e:
        problems.append((e.lineno, f"not valid JSON: {e.msg}"))
        return
    for n, value in items:
        if not isinstance(value, dict):
            problems.append((n, "each entry must be an object"))
            continue
        yield n, value


def _read_lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise DataFileError(str(path), None, f"cannot read: {e}") from e


def _cell(v: Any) -> str | None:
    if v is None:
        return None
    s = str(v).strip()
    return s or None


def _list(v: Any) -> list[str]:
    if v is None:
        return []
    if isinstance(v, list):
        return [str(x).strip() for x in v if str(x).strip()]
    return [x.strip() for x in str(v).split(";") if x.strip()]


def _uniq(items: Iterable[str], but: str | None = None) -> list[str]:
    seen = {normalize_name(but)} if but else set()
    out = []
    for x in items:
        k = normalize_name(x)
        if k not in seen:
            seen.add(k)
            out.append(x)
    return out


def _date(v: Any) -> date | None:
    s = _cell(v)
    if s is None:
        return None
    try:
        return date.fromisoformat(s)
    except ValueError:
        raise ValueError(f"not an ISO date (YYYY-MM-DD): {s!r}") from None


def _country(v: str | None, kb: KnowledgeBase | None) -> str | None:
    """A code as given ('CUB'), or a country name the knowledge base knows ('Cuba')."""
    if v is None:
        return None
    if re.fullmatch(r"[A-Za-z]{3}", v) and (kb is None or kb.country(v.upper()) or v.upper() in SPECIAL_CODES):
        return v.upper()
    if kb is not None:
        for e in kb.find(v):
            if e.kind == "country":
                return e.code
    return v


def _describe(e: ValidationError) -> str:
    return "; ".join(f"{'.'.join(str(x) for x in err['loc'])}: {err['msg']}" if err["loc"]
                     else err["msg"] for err in e.errors())


# -- known entries ------------------------------------------------------------------------------------
def _adopt_known_names(result: ImportResult, kb: KnowledgeBase | None) -> None:
    """An imported entry that names exactly one known entry corrects it: it takes the known
    canonical name, Wikidata id, kind details and aliases (its own names added to them), so
    that it replaces the known entry; its codes and dated roles are what it says."""
    if kb is None:
        return
    bodies = ("institution", "organization")
    fixed_persons: list[Person] = []
    fixed_bodies: list[Institution | Organization] = []
    records: list[Person | Institution | Organization] = [
        *result.persons, *result.institutions, *result.organizations]
    for rec in records:
        kinds = ("person",) if isinstance(rec, Person) else bodies
        hits = {e.key: e for n in [rec.name, *rec.aliases] for e in kb.find(n) if e.kind in kinds}
        if rec.wikidata:
            hits = {k: e for k, e in hits.items() if e.wikidata in (None, rec.wikidata)}
        known = next(iter(hits.values())) if len(hits) == 1 else None
        if known is not None:
            rec = _corrected(rec, known.record)
            result.adopted.append((rec.name, known.source))
        if isinstance(rec, Person):
            fixed_persons.append(rec)
        else:
            fixed_bodies.append(rec)
    result.persons = fixed_persons
    result.institutions = [b for b in fixed_bodies if isinstance(b, Institution)]
    result.organizations = [b for b in fixed_bodies if isinstance(b, Organization)]


def _corrected(rec: Any, known: Any) -> Any:
    aliases = _uniq([*known.aliases, *getattr(known, "case_sensitive", []), rec.name, *rec.aliases],
                    known.name)
    wikidata = rec.wikidata or known.wikidata
    if isinstance(rec, Person):
        return rec.model_copy(update={"name": known.name, "aliases": aliases, "wikidata": wikidata,
                                      "short": _uniq([*known.short, *rec.short])})
    code = rec.country if isinstance(rec, Institution) else rec.code
    common = {"name": known.name, "aliases": aliases, "wikidata": wikidata,
              "case_sensitive": list(known.case_sensitive)}
    if isinstance(known, Institution) and rec.sector is not None:
        return Institution(country=code, sector=rec.sector,
                           kind=known.kind if rec.kind == "other" else rec.kind,
                           located=known.located, **common)
    if isinstance(known, Organization):
        kind = rec.kind if isinstance(rec, Organization) and rec.kind not in ("other", _org_kind(code)) \
            else known.kind
        return Organization(code=code, sector=rec.sector, kind=kind, parent=known.parent, **common)
    return rec


# -- entry points -----------------------------------------------------------------------------------------
def guess_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv"):
        return "csv"
    if suffix in (".json", ".jsonl"):
        return "json"
    return "actors"


def read(path: Path, fmt: str | None = None, kb: KnowledgeBase | None = None) -> ImportResult:
    """Read a user's list in ``fmt`` (guessed from the suffix when None)."""
    fmt = fmt or guess_format(path)
    if fmt not in FORMATS:
        raise DataFileError(str(path), None, f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    if fmt == "actors":
        return read_actors(path, kb)
    return read_table(path, fmt, kb)


def write(result: ImportResult, into: Path, stem: str) -> list[Path]:
    """Write the converted entries as YAML files under ``into``; returns the files written.

    Files are named after ``stem`` (the imported file's name), so importing the same file
    again replaces what it wrote before."""
    out: list[Path] = []
    header = (f"# Imported by `legation kb import` from {result.source}.\n"
              "# Entries here replace bundled entries with the same key; edit or delete freely.\n")
    for sub, items in (("countries", result.countries), ("persons", result.persons),
                       ("institutions", result.institutions), ("organizations", result.organizations)):
        path = into / sub / f"{stem}.yaml"
        if not items:
            if path.exists():
                path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        data = [_plain(x) for x in items]
        try:
            path.write_text(header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True,
                                                    width=120), encoding="utf-8")
        except OSError as e:
            raise DataFileError(str(path), None, f"cannot write: {e}") from e
        out.append(path)
    return out


def _plain(model: BaseModel) -> dict[str, Any]:
    return model.model_dump(mode="json", exclude_defaults=True)
