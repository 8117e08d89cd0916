"""Converting a PETRARCH / Phoenix *agents* dictionary into knowledge-base group nouns.

An agents dictionary lists common nouns for unnamed actors with their CAMEO
agent code: ``DOCTOR [~HLH]``, ``REBEL [~REB]``. legation keeps them as
:class:`~legation.kb.schema.Group` entries (``agents.yaml``), whose country
comes from the text ("Swiss doctors", "Syrian rebels"). The lines read are::

    # comment                      anywhere after '#'
    !PERSON! = MAN, MEN, WOMAN     a substitution set, used as BUSINESS!PERSON!
    FARMER [~AGR]                  a noun; its regular plural is formed ("farmers")
    CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]
                                   '_' joins words; '{...}' gives the plural ('{}': none)
    OFFICIAL_MEDIA {} [~GOVMED]    several codes: the first one legation knows is kept

A noun ending in ``_`` is stopped (a whole word), which is how legation matches
every noun anyway. PETRARCH lets a blank between two words stand for any words;
legation matches the words next to each other. A substitution marker inside a
word (``AD!MINIST!RATION``, a find-and-replace slip in the source) is read as
its own letters. Codes are turned into PLOVER sectors by :data:`AGENT_SECTORS`
(CAMEO's MED is the media, JRN; HLH is health, MED); an entry whose code has no
PLOVER sector, that repeats an earlier noun, or that is listed in an exclusion
file is not imported but returned as an :class:`AgentSkip` with its line.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import product
from pathlib import Path

import yaml

from ..errors import DataFileError
from ..wordlists import bundled_words
from .importer import SECTOR_CODES
from .schema import Group

# CAMEO religion codes: PLOVER has no religions, only the religious sector
RELIGIONS = {
    "ADR", "ALE", "ATH", "BAH", "BUD", "CHR", "CON", "CPT", "CTH", "DOX", "DRZ", "HIN", "HSD",
    "ITR", "JAN", "JEW", "JHW", "LDS", "MOS", "MRN", "MUS", "NEW", "ORT", "PAG", "PRO", "SCI",
    "SHI", "SHN", "SIK", "SUF", "SUN", "TAO", "UDO", "ZRO",
}
# CAMEO agent codes -> PLOVER sectors; codes not here (RAD, DEV, PPL, IMG...) have none
AGENT_SECTORS: dict[str, str] = {**SECTOR_CODES, **{r: "REL" for r in RELIGIONS}}
# why some codes have no sector, for the skip report
NO_SECTOR = {
    "RAD": "RAD (radicals) has no PLOVER sector",
    "DEV": "DEV (development) has no PLOVER sector",
    "PPL": "PPL (people) has no PLOVER sector",
    "IMG": "IMG is a PLOVER actor code (international militant group), not a sector",
}
_PREPOSITIONS = bundled_words().agent_trailing_preps
_TRAILING = _PREPOSITIONS | {"the", "a", "an", "and", "of"}
_SUBST = re.compile(r"^!(\w+)!\s*=(.*)$")
_MARKER = re.compile(r"!(\w+)!")
_BRACKET = re.compile(r"\[([^\]}]*)[\]}]")
_PLURAL = re.compile(r"\{([^}]*)\}")


@dataclass(frozen=True, slots=True)
class AgentEntry:
    """An imported noun, with the source line and the codes as written."""

    line: int
    group: Group
    codes: str  # "[~GOVMIL]"
    notes: tuple[str, ...] = ()  # codes not kept, forms left to an earlier line


@dataclass(frozen=True, slots=True)
class AgentSkip:
    """A source line that was not imported, and why."""

    line: int
    text: str
    kind: str  # no sector | no code | duplicate | excluded | malformed
    reason: str

    def __str__(self) -> str:
        return f"{self.line}: {self.text}: {self.reason}"


@dataclass(slots=True)
class AgentsResult:
    """What an agents dictionary gave: the entries in file order and the lines left out."""

    source: str
    entries: list[AgentEntry] = field(default_factory=list)
    skipped: list[AgentSkip] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """Entries imported, and lines skipped by kind."""
        return {"entries": len(self.entries), **Counter(s.kind for s in self.skipped)}


# -- reading ----------------------------------------------------------------------------------
def read_agents(path: Path, exclude: Path | None = None) -> AgentsResult:
    """Read an agents dictionary; nouns listed in ``exclude`` (see :func:`read_exclusions`)
    are reported as skipped."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise DataFileError(str(path), None, f"cannot read: {e}") from e
    excluded = read_exclusions(exclude) if exclude is not None else {}
    return parse_agents(lines, path.name, excluded)


def read_exclusions(path: Path) -> dict[str, str]:
    """Nouns not to import, one a line, '#' comments: noun -> 'file:line'."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise DataFileError(str(path), None, f"cannot read: {e}") from e
    out: dict[str, str] = {}
    for n, raw in enumerate(text.splitlines(), 1):
        noun = " ".join(raw.split("#", 1)[0].split()).lower()
        if noun:
            out[noun] = f"{path.name}:{n}"
    return out


class _Skip(Exception):
    """A line that cannot be imported: ``kind`` and ``reason`` of its :class:`AgentSkip`."""

    def __init__(self, kind: str, reason: str) -> None:
        super().__init__(reason)
        self.kind = kind
        self.reason = reason


def parse_agents(lines: Iterable[str], source: str, exclude: dict[str, str] | None = None) -> AgentsResult:
    """Convert the lines of an agents dictionary (see the module doc); ``exclude`` maps
    nouns not to import to where they are listed."""
    exclude = exclude or {}
    result = AgentsResult(source)
    subs: dict[str, list[str]] = {}
    seen: dict[str, int] = {}  # form -> line of the entry that has it
    sectors: dict[int, str] = {}  # line -> sector of the entry imported from it
    for n, raw in enumerate(lines, 1):
        text = raw.split("#", 1)[0].strip()
        if not text:
            continue
        shown = " ".join(text.split())
        m = _SUBST.match(text)
        if m:
            subs[m.group(1)] = [x.strip() for x in m.group(2).split(",") if x.strip()]
            continue
        try:
            entry = _entry(n, text, subs)
        except _Skip as e:
            result.skipped.append(AgentSkip(n, shown, e.kind, e.reason))
            continue
        forms = [entry.group.noun, *entry.group.aliases]
        hit = next((f for f in forms if f in exclude), None)
        if hit is not None:
            result.skipped.append(AgentSkip(n, shown, "excluded", f"{hit!r} is excluded by {exclude[hit]}"))
            continue
        fresh = [f for f in forms if f not in seen]
        if not fresh:
            first = seen[forms[0]]
            kept = sectors[first]
            also = "" if kept == entry.group.sector else f", whose sector {kept} is kept"
            result.skipped.append(AgentSkip(n, shown, "duplicate", f"same noun as line {first}{also}"))
            continue
        notes = list(entry.notes)
        if len(fresh) < len(forms):
            taken = ", ".join(f for f in forms if f in seen)
            notes.append(f"{taken} left to line {seen[next(f for f in forms if f in seen)]}")
            entry = AgentEntry(n, entry.group.model_copy(update={"noun": fresh[0], "aliases": fresh[1:]}),
                               entry.codes, tuple(notes))
        for f in fresh:
            seen[f] = n
        sectors[n] = entry.group.sector
        result.entries.append(entry)
    return result


def _entry(n: int, text: str, subs: dict[str, list[str]]) -> AgentEntry:
    """One noun line as an entry; raises _Skip when it cannot be one."""
    brackets = _BRACKET.findall(text)
    head = text.split("[", 1)[0]
    if not brackets:
        raise _Skip("no code", "no [code] on the line")
    plural_m = _PLURAL.search(head)
    phrase = _PLURAL.sub(" ", head).strip()
    if not phrase or "{" in phrase or "}" in phrase:
        raise _Skip("malformed", "no noun, or an unclosed '{'")
    codes = " ".join(f"[{b.strip()}]" for b in brackets)
    sector, notes = _sector(brackets)
    phrase = _stems(phrase, subs)
    written = _expand(phrase, subs)
    forms = [_trim(f) for f in written]
    if forms != written:
        notes.append("trailing " + repr(written[0][len(forms[0]):].strip()) + " dropped")
    if plural_m is not None:
        forms += [_trim(f) for f in _expand(plural_m.group(1), subs)] if plural_m.group(1).strip() else []
    elif not _MARKER.search(phrase):
        forms += [p for p in (_plural(f) for f in forms) if p]
    forms = list(dict.fromkeys(f for f in forms if f))
    if not forms:
        raise _Skip("malformed", "no noun")
    return AgentEntry(n, Group(noun=forms[0], sector=sector, aliases=forms[1:]), codes, tuple(notes))


def _trim(phrase: str) -> str:
    """The phrase without trailing prepositions and articles ('embassy in', 'ambassador to'):
    PETRARCH's context for the next word, not part of the noun legation matches."""
    words = phrase.split(" ")
    while len(words) > 1 and words[-1] in _TRAILING:
        words.pop()
    return " ".join(words)


def _sector(brackets: list[str]) -> tuple[str, list[str]]:
    """The PLOVER sector of the codes: the first one known; the others as notes."""
    parts: list[str] = []
    for tok in " ".join(brackets).split():
        if tok.endswith("~") and not tok.startswith("~"):
            raise _Skip("no sector", f"{tok} gives the actor code {tok[:-1]}, not a sector")
        code = tok.lstrip("~")
        if not re.fullmatch(r"(?:[A-Z]{3})+", code):
            raise _Skip("malformed", f"not a CAMEO agent code: {tok!r}")
        parts += [code[i:i + 3] for i in range(0, len(code), 3)]
    known = [p for p in parts if p in AGENT_SECTORS]
    if not known:
        reasons = [NO_SECTOR.get(p, f"{p} is not a CAMEO agent code legation knows") for p in parts]
        raise _Skip("no sector", "; ".join(dict.fromkeys(reasons)))
    first = known[0]
    rest = [p for p in parts if p != first and AGENT_SECTORS.get(p) != AGENT_SECTORS[first]]
    notes = [f"sector from {first}; {', '.join(rest)} not kept"] if rest else []
    return AGENT_SECTORS[first], notes


def _stems(phrase: str, subs: dict[str, list[str]]) -> str:
    """A word that names a substitution set without being one of its words (MINIST, the
    source's stem for minister and ministry) stands for the set: FINANCE_MINIST."""
    for name, words in subs.items():
        if name not in words:
            phrase = re.sub(rf"(?<![A-Za-z!]){re.escape(name)}(?![A-Za-z!])", f"!{name}!", phrase)
    return phrase


def _expand(phrase: str, subs: dict[str, list[str]]) -> list[str]:
    """The phrase with each substitution marker replaced by each of its words, as lower-case
    text with single spaces."""
    # a marker between two letters is a slip of the source's find-and-replace: its own letters
    phrase = re.sub(r"(?<=[A-Za-z])!(\w+)!(?=[A-Za-z])", lambda m: m.group(1), phrase)
    pieces = _MARKER.split(phrase)  # text, name, text, name, ...
    choices: list[list[str]] = []
    for i, piece in enumerate(pieces):
        if i % 2 == 0:
            choices.append([piece])
        elif piece in subs:
            choices.append(subs[piece])
        else:
            raise _Skip("malformed", f"unknown substitution set !{piece}!")
    return [_words("".join(c)) for c in product(*choices)]


def _words(s: str) -> str:
    return " ".join(s.replace("_", " ").split()).lower()


def _plural(phrase: str) -> str | None:
    """The regular plural: of the word before a preposition ("heads of state"), else of the
    last word; None for words that look plural already or take none (abbreviations)."""
    words = phrase.split(" ")
    i = next((k - 1 for k, w in enumerate(words) if k > 0 and w in _PREPOSITIONS), len(words) - 1)
    w = words[i]
    if (w.endswith((".", "men", "people", "children", "police")) or w.endswith("s") and not w.endswith("ss")
            or not w[-1:].isalpha()):
        return None
    if w.endswith("man"):
        p = w[:-3] + "men"
    elif len(w) > 1 and w.endswith("y") and w[-2] not in "aeiou":
        p = w[:-1] + "ies"
    elif w.endswith(("ss", "sh", "ch", "x", "z")):
        p = w + "es"
    else:
        p = w + "s"
    return " ".join([*words[:i], p, *words[i + 1:]])


# -- writing ----------------------------------------------------------------------------------
def source_commit(path: Path) -> str | None:
    """The commit the file was copied at, when a README.md beside it says so
    ('at commit <sha> (date)'), else None."""
    readme = path.parent / "README.md"
    try:
        text = readme.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    m = re.search(r"commit\s+([0-9a-f]{7,40})(?:\s*\((\d{4}-\d{2}-\d{2})\))?", text)
    if m is None:
        return None
    return m.group(1) + (f" ({m.group(2)})" if m.group(2) else "")


def licence_notice(path: Path) -> list[str]:
    """The licence paragraph of the source's header comment (from 'License' to its end)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise DataFileError(str(path), None, f"cannot read: {e}") from e
    start = next((i for i, line in enumerate(lines) if line.startswith("#") and "license" in line.lower()), None)
    if start is None:
        return []
    out: list[str] = []
    for line in lines[start:]:
        if not line.startswith("#"):
            break
        out.append(line[1:].strip())
    while out and not out[-1]:
        out.pop()
    return out


def render_agents(result: AgentsResult, *, command: str, commit: str | None = None,
                  notice: Iterable[str] = ()) -> str:
    """The YAML text of ``agents.yaml``: a header with the licence and provenance, then one
    entry a line with its source line (and notes) in a comment."""
    c = result.counts()
    skipped = ", ".join(f"{v} {k}" for k, v in sorted(c.items()) if k != "entries")
    head = [
        "# Nouns for unnamed actors and their PLOVER sectors, imported from the PETRARCH2 / Phoenix",
        f"# agents dictionary {result.source}" + (f", commit {commit}" if commit else "") + ".",
        f"# Generated by: {command}",
        "# Do not edit: correct a noun in groups.yaml (which overrides this file) or in",
        "# agents.exclude, then regenerate. Each entry's comment is its line in the source.",
        f"# {c['entries']} entries; {len(result.skipped)} lines not imported ({skipped or 'none'}).",
    ]
    notice = list(notice)
    if notice:
        head += ["#", f"# {result.source} is distributed under this licence:", "#"]
        head += [f"# {x}".rstrip() for x in notice]
    body = []
    for e in result.entries:
        g = e.group
        item = f"noun: {_scalar(g.noun)}, sector: {g.sector}"
        if g.aliases:
            item += ", aliases: [" + ", ".join(_scalar(a) for a in g.aliases) + "]"
        comment = f"{e.line} {e.codes}" + "".join(f"; {x}" for x in e.notes)
        body.append(f"- {{{item}}}  # {comment}")
    return "\n".join(head + body) + "\n"


def convert_agents(path: Path, exclude: Path | None = None, *, command: str) -> tuple[AgentsResult, str]:
    """Read an agents dictionary and render it (see :func:`render_agents`), with the commit
    from a README beside it and the licence of its header. The text is checked to load
    back as the same entries."""
    result = read_agents(path, exclude)
    text = render_agents(result, command=command, commit=source_commit(path), notice=licence_notice(path))
    back = yaml.safe_load(text) or []
    if back != [e.group.model_dump(exclude_defaults=True) for e in result.entries]:
        raise DataFileError(str(path), None, "the converted nouns do not load back as written")
    return result, text


def is_agents_file(path: Path) -> bool:
    """Whether a file is named like a PETRARCH agents dictionary (Phoenix.agents.txt, x.agents)."""
    name = path.name.lower()
    return name.endswith((".agents", ".agents.txt")) or name == "agents.txt"


def write_agents(text: str, output: Path) -> None:
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    except OSError as e:
        raise DataFileError(str(output), None, f"cannot write: {e}") from e


_PLAIN = re.compile(r"^[a-z0-9][a-z0-9 .'/()\-]*$")
_RESERVED = {"null", "true", "false", "yes", "no", "on", "off", "y", "n", "~"}


def _scalar(s: str) -> str:
    """A YAML flow scalar: plain where that is unambiguous, else double-quoted."""
    if _PLAIN.match(s) and s not in _RESERVED and not s.endswith(" ") and ": " not in s:
        return s
    return json.dumps(s, ensure_ascii=False)
