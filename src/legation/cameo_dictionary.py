"""Import a PETRARCH/TABARI CAMEO verb dictionary as legation trigger entries.

The dictionary (``CAMEO.2.0.txt`` in the PETRARCH2 distribution, MIT) has
noun synonym sets (``&NAME`` followed by ``+WORD`` lines), then verb blocks::

    ---  EXTEND   [---]  ---          a block and its default code
    EXTEND                            verbs of the block (irregular forms in {...},
    +DRAW_OUT {+DRAWS_OUT ...}        a verb's own code in [...], '+' marks the
                                      verb of a multi-word form)
    - * LOAN                [071]     a pattern: words before '*' stand before the
    - * (TO +) &CEASEFIRE   [081]     verb, words after it follow; (PREP ...) is a
    - $ TROOP * TOWARD +    [154]     prepositional phrase; '$' is the source
                                      (actor), '+' the target (recipient)

Each pattern becomes one trigger entry per verb of its block, keeping the
particle or preposition of a multi-word verb, the object noun (a synset
expands to its words) with the word that qualifies it, the first
prepositional phrase with its object, and the '$' and '+' positions as the
actor and recipient slots. Its CAMEO code gives the PLOVER type through the
CAMEO→PLOVER table. Patterns that only repeat the code of their verb are
collapsed into the verb's own entry; every pattern that cannot be converted
is returned with its line and the reason. Nothing here reads or writes
anything but the text it is given.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict

from .ontology import Ontology
from .wordlists import WordLists, bundled_words

NULL_CODE = "---"
_BLOCK = re.compile(r"^---\s+(?P<name>\S+)\s+\[(?P<code>[^\]]*)\]\s*---")
_CODE = re.compile(r"\[(?P<code>[^\]]*)\]\s*$")
_FORMS = re.compile(r"\{[^}]*\}")
_TOKENS = re.compile(r"\{[^}]*\}|\([^)]*\)|\S+")


@dataclass(slots=True)
class Unconverted:
    """A pattern or verb line that did not become an entry, and why."""

    line: int
    text: str
    reason: str


@dataclass(slots=True)
class Conversion:
    """What an import made of a dictionary."""

    entries: list[dict[str, Any]] = field(default_factory=list)
    unconverted: list[Unconverted] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    verbs: set[str] = field(default_factory=set)
    synsets: dict[str, list[str]] = field(default_factory=dict)

    def summary(self) -> str:
        """One line: what was read, converted, collapsed and left out."""
        c = self.counts
        return (f"{c['blocks']} verb blocks, {len(self.verbs)} verbs, {c['synsets']} synsets, "
                f"{c['patterns']} patterns converted ({c['pattern entries']} entries, "
                f"{c['silencing patterns']} that stop an event, {c[COLLAPSED]} collapsed into "
                f"their verb's code), {c['verb defaults']} verb defaults; "
                f"{len(self.unconverted)} lines not converted")


COLLAPSED = "patterns collapsed into their verb's code"


def _no_type(code: str) -> str:
    return f"CAMEO {code} has no PLOVER type in the CAMEO→PLOVER table"


@dataclass(slots=True)
class _Verb:
    lemma: str
    particle: str | None
    prep: str | None
    complement: str | None
    code: str | None  # the verb's own code, None when it takes the block's
    line: int


@dataclass(slots=True)
class _Pattern:
    """A pattern in legation's terms, before it is given to the verbs of its block."""

    code: str
    reverse: bool
    object: list[str] = field(default_factory=list)
    qualifier: list[str] = field(default_factory=list)
    particle: str | None = None
    prep: str | None = None
    prep_object: list[str] = field(default_factory=list)
    subject: list[str] = field(default_factory=list)
    actor: list[str] = field(default_factory=list)
    recipient: list[str] = field(default_factory=list)


class CodeAlias(BaseModel):
    """A CAMEO code prefix that the CAMEO→PLOVER table knows under another (cameo_aliases.yaml)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    prefix: str
    becomes: str
    why: str


class PatternError(ValueError):
    """Why a pattern has no dependency-parse equivalent."""



def _words(text: str) -> str:
    return text.replace("_", " ").strip().lower()


def parse_synsets(lines: list[str]) -> tuple[dict[str, list[str]], int]:
    """The ``&NAME`` synonym sets, and the index of the first line after them."""
    synsets: dict[str, list[str]] = {}
    current: list[str] | None = None
    for i, raw in enumerate(lines):
        line = raw.split("#", 1)[0].strip()
        if raw.startswith("---"):
            return synsets, i
        if not line:
            continue
        if line.startswith("&"):
            current = synsets.setdefault(line[1:].rstrip("_").upper(), [])
        elif line.startswith("+") and current is not None:
            word = _words(line[1:].rstrip("_"))
            if word and word not in current:
                current.append(word)
    return synsets, len(lines)


class Converter:
    """Converts the verb blocks of a dictionary against the CAMEO→PLOVER table."""

    def __init__(self, ontology: Ontology, aliases: Iterable[CodeAlias] = (),
                 words: WordLists | None = None) -> None:
        self.ontology = ontology
        w = words if words is not None else bundled_words()
        self.particles, self.preps = w.verb_particles, w.prepositions
        self.aliases = sorted(aliases, key=lambda a: -len(a.prefix))
        self.synsets: dict[str, list[str]] = {}

    def convert(self, text: str) -> Conversion:
        lines = text.splitlines()
        self.synsets, start = parse_synsets(lines)
        out = Conversion(synsets=self.synsets)
        out.counts["synsets"] = len(self.synsets)
        in_block, default = False, None  # the current verb block and its default code
        verbs: list[_Verb] = []
        patterns: list[tuple[int, str]] = []
        for n in range(start, len(lines)):
            raw = lines[n]
            if raw.startswith("########") and "TRANSFORMATION" in raw.upper():
                break
            line = raw.split("#", 1)[0].rstrip()
            m = _BLOCK.match(raw)
            if m:
                if in_block:
                    self._emit(default, verbs, patterns, out)
                code = m.group("code").strip()
                in_block, default = True, None if code == NULL_CODE else code
                verbs, patterns = [], []
                out.counts["blocks"] += 1
                continue
            if not line.strip() or not in_block:
                continue
            if line.lstrip().startswith("-"):
                patterns.append((n + 1, raw.strip()))
            else:
                verb = self._verb(line, n + 1, out)
                if verb is not None:
                    verbs.append(verb)
        if in_block:
            self._emit(default, verbs, patterns, out)
        return out

    # -- verb lines ----------------------------------------------------------------------
    def _verb(self, line: str, n: int, out: Conversion) -> _Verb | None:
        code = None
        m = _CODE.search(line)
        if m:
            code = m.group("code").strip()
            code = code if code == NULL_CODE else code.strip(":").split(":")[0].strip()
            line = line[: m.start()]
        head = _FORMS.sub("", line).strip()
        if not head:
            return None
        words = head.lower().split("_")
        if len(words) == 1:
            return _Verb(words[0].lstrip("+"), None, None, None, code, n)
        marked = [i for i, w in enumerate(words) if w.startswith("+")]
        at = marked[0] if marked else 0
        if at > 0:
            out.unconverted.append(Unconverted(n, head, "words before the verb of a multi-word "
                                                        "form (a compound the parser splits)"))
            return None
        rest = [w for w in words[at + 1:] if w]
        verb = _Verb(words[at].lstrip("+"), None, None, None, code, n)
        if len(rest) > 1:
            out.unconverted.append(Unconverted(n, head, "more than one word after the verb"))
            return None
        if rest:
            word = rest[0]
            if word in self.particles:
                verb.particle = word
            elif word in self.preps:
                verb.prep = word
            else:
                verb.complement = word
        return verb

    # -- patterns ----------------------------------------------------------------------------
    def pattern(self, body: str, code: str) -> _Pattern:
        """Parse a pattern's words (between '-' and the code) into constraints."""
        reverse = code.startswith(":")
        primary = code.strip(":").split(":")[0].strip()
        p = _Pattern(code=primary, reverse=reverse)
        if "*" not in body:
            raise PatternError("no '*' for the verb")
        before, after = body.split("*", 1)
        if "^" in body or "%" in body:
            raise PatternError("'^' and '%' skip or join phrases of a constituency parse")
        self._before(before.split(), p)
        self._after(_TOKENS.findall(after), p)
        if reverse:  # ":CODE": the target does CODE to the source
            if not p.recipient:
                raise PatternError("a code for the target's act (':CODE') with no target: "
                                   "its actor is not in the sentence")
            source = p.actor or ["nsubj"]
            if source == p.recipient:
                raise PatternError("the source and the target stand in the same place")
            p.actor, p.recipient = p.recipient, source
        return p

    def _before(self, words: list[str], p: _Pattern) -> None:
        nouns = [w for w in words if w not in ("$", "+")]
        if len(nouns) > 1:
            raise PatternError("several words before the verb (only a subject noun is matched)")
        if nouns:
            p.subject = self._expand(nouns[0])
        if "+" in words:
            p.recipient = ["nsubj"]
        if "$" in words:
            p.actor = ["nsubj"]

    def _after(self, tokens: list[str], p: _Pattern) -> None:
        seen_pp: str | None = None  # the preposition of the last phrase
        for k, tok in enumerate(tokens):
            if tok.startswith("("):
                self._pp(tok[1:-1].split(), p, first=seen_pp is None)
                seen_pp = tok[1:-1].split()[0].lower() if tok[1:-1].split() else ""
            elif tok in ("+", "$"):
                # "- * CLAIM (AGAINST) +": the object of the phrase before it
                slot = [seen_pp] if seen_pp else ["dobj"]
                if tok == "+":
                    p.recipient = p.recipient or slot
                else:
                    p.actor = p.actor or slot
            elif seen_pp:
                raise PatternError("a word after a prepositional phrase, outside one")
            elif p.object:
                if tok.lower() in self.preps:  # "- * + TO HEAD": an unbracketed phrase
                    rest = tokens[k + 1:]
                    if not rest or any(t.startswith("(") for t in rest):
                        raise PatternError("a preposition outside a phrase")
                    self._pp([tok, *rest], p, first=True)
                    return
                raise PatternError("two object words outside a phrase")
            elif tok.lower() in self.particles and k + 1 < len(tokens) and p.particle is None:
                p.particle = tok.lower()
            elif tok.lower() in self.preps and not tok.startswith(("{", "&")):
                self._pp([tok, *tokens[k + 1:]], p, first=True)
                return
            else:
                head, qual = self._phrase(tok)
                p.object, p.qualifier = head, qual

    def _pp(self, words: list[str], p: _Pattern, first: bool) -> None:
        if not words:
            raise PatternError("an empty prepositional phrase")
        prep = words[0].lower()
        if prep not in self.preps and not prep.startswith(("{", "&")):
            raise PatternError(f"'{words[0]}' does not begin a prepositional phrase")
        rest = words[1:]
        roles = [w for w in rest if w in ("+", "$")]
        nouns = [w for w in rest if w not in ("+", "$")]
        if "+" in roles:
            p.recipient = p.recipient if p.recipient and p.recipient != ["dobj"] else [prep]
        if "$" in roles:
            p.actor = [prep]
        if not first:
            return  # a second phrase only narrows the first; its '$' or '+' is kept above
        if len(nouns) > 1:
            joined = " ".join(nouns)
            nouns = [joined if joined.startswith("{") else "{" + joined + "}"]
        if prep == "of" and nouns and p.object:
            # "STATE (OF EMERGENCY)": the phrase names what the object is
            head, _ = self._phrase(nouns[0])
            p.object = head
            return
        p.prep = prep
        if nouns:
            head, qual = self._phrase(nouns[0])
            p.prep_object = head
            if qual and not p.qualifier:
                p.qualifier = qual

    def _phrase(self, tok: str) -> tuple[list[str], list[str]]:
        """Head words and the words that must qualify the head, of a noun or {PHRASE}."""
        if tok.startswith("{"):
            words = tok[1:-1].split()
            if not words:
                raise PatternError("an empty {...} phrase")
            head = self._expand(words[-1])
            qual = self._expand(words[-2]) if len(words) > 1 else []
            return head, qual
        return self._expand(tok), []

    def _expand(self, word: str) -> list[str]:
        if word.startswith("&"):
            name = word[1:].rstrip("_").upper()
            if name not in self.synsets:
                raise PatternError(f"undefined synset {word}")
            return sorted({w.split()[-1] for w in self.synsets[name]})
        word = _words(word)
        if not re.fullmatch(r"[a-z][a-z'\-. ]*", word):
            raise PatternError(f"'{word}' is not a word")
        return [word.split()[-1]]

    # -- entries --------------------------------------------------------------------------
    def resolve(self, code: str) -> str | None:
        """The code as the CAMEO→PLOVER table knows it (aliases applied), or None."""
        for a in self.aliases:
            if code.startswith(a.prefix):
                code = a.becomes + code[len(a.prefix):]
                break
        row = self.ontology.cameo.get(code)
        return code if row is not None and row.plover else None

    def _emit(self, default: str | None, verbs: list[_Verb],
              patterns: list[tuple[int, str]], out: Conversion) -> None:
        parsed: list[tuple[int, _Pattern]] = []
        for n, full in patterns:
            text = full.partition("#")[0].strip()
            m = _CODE.search(text)
            if m is None:
                out.unconverted.append(Unconverted(n, text, "no [CODE] at the end"))
                continue
            code = m.group("code").strip()
            body = text[1: m.start()].strip()
            try:
                p = self.pattern(body, code)
            except PatternError as err:
                out.unconverted.append(Unconverted(n, text, str(err)))
                continue
            if p.code != NULL_CODE and self.resolve(p.code) is None:
                out.unconverted.append(Unconverted(n, text, _no_type(p.code)))
                continue
            parsed.append((n, p))
            out.counts["patterns"] += 1
        for verb in verbs:
            out.verbs.add(verb.lemma)
            own = verb.code if verb.code not in (None, "") else default
            own = None if own == NULL_CODE else own
            if own is not None and self.resolve(own) is None:
                out.unconverted.append(Unconverted(verb.line, verb.lemma, _no_type(own)))
                own = None
            base: dict[str, Any] = {"lemma": verb.lemma}
            if verb.particle:
                base["particle"] = verb.particle
            if verb.prep:
                base["prep"] = verb.prep
            if verb.complement:
                base["object"] = [verb.complement]
            if own is not None:
                out.entries.append(self._entry(base, own, verb.line))
                out.counts["verb defaults"] += 1
            for n, p in parsed:
                if p.code == (own or NULL_CODE) and not p.actor and not p.recipient:
                    out.counts[COLLAPSED] += 1
                    continue
                if p.particle and verb.particle and p.particle != verb.particle:
                    continue
                e = dict(base)
                if p.particle:
                    e["particle"] = p.particle
                for key in ("object", "qualifier", "prep_object", "subject", "actor", "recipient"):
                    value = getattr(p, key)
                    if value:
                        e[key] = list(value)
                if p.prep:
                    e["prep"] = p.prep
                if p.code == NULL_CODE:  # (own is a code: a null code under none collapsed above)
                    e["silent"] = True
                    e["src"] = f"{n}"
                    out.entries.append(e)
                    out.counts["silencing patterns"] += 1
                    continue
                out.entries.append(self._entry(e, p.code, n))
                out.counts["pattern entries"] += 1

    def _entry(self, base: dict[str, Any], code: str, line: int) -> dict[str, Any]:
        """An entry for a code that resolves (the callers checked)."""
        resolved = self.resolve(code) or code
        return dict(base, type=self.ontology.cameo[resolved].plover, cameo=resolved, src=f"{line}")




def dedupe(entries: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Entries in file order, exact repeats (same constraints and code) removed, and the
    verbs of a block that share a pattern given as one entry with a list of lemmas."""
    merged: dict[tuple[Any, ...], dict[str, Any]] = {}
    for e in entries:
        key: tuple[Any, ...] = tuple(sorted((k, tuple(v) if isinstance(v, list) else v)
                                            for k, v in e.items() if k not in ("src", "lemma")))
        key += (e.get("src"),)
        have = merged.get(key)
        if have is None:
            merged[key] = dict(e, lemma=[e["lemma"]])
        elif e["lemma"] not in have["lemma"]:
            have["lemma"].append(e["lemma"])
    out = []
    seen: set[tuple[Any, ...]] = set()
    for key, e in merged.items():
        lemmas = [w for w in e["lemma"] if (w, *key[:-1]) not in seen]  # the same pattern twice
        seen.update((w, *key[:-1]) for w in lemmas)
        if lemmas:
            out.append(dict(e, lemma=lemmas[0] if len(lemmas) == 1 else lemmas))
    return out


COLUMNS = ("lemma", "particle", "prep", "prep_object", "object", "qualifier", "subject",
           "type", "cameo", "actor", "recipient", "silent", "src")


def notice(text: str) -> list[str]:
    """The licence notice of the dictionary's header comment ('The MIT License' to its end)."""
    lines = [line[1:].rstrip() for line in text.splitlines() if line.startswith("#")]
    start = next((i for i, line in enumerate(lines) if "MIT License" in line), None)
    if start is None:
        return []
    out = []
    for line in lines[start:]:
        out.append(line)
        if "SOFTWARE." in line and "DEALINGS" in line or line.strip().endswith("THE SOFTWARE."):
            break
    return out


def render(conversion: Conversion, source: str, text: str, command: str, note: str = "") -> str:
    """The converted entries as a trigger table (TSV): a header with the source's licence
    notice and provenance, then one entry a row in dictionary order."""
    import hashlib

    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    entries = dedupe(conversion.entries)
    lemmas = {w for e in entries if not e.get("silent")
              for w in (e["lemma"] if isinstance(e["lemma"], list) else [e["lemma"]])}
    head = [
        "# GENERATED FILE: do not edit by hand; correct an entry in triggers.yaml, which overrides it.",
        "# One trigger entry a row (columns: see lexicon.Trigger); lists are comma-separated, a",
        "# list of lemmas is the verbs of one synonym block that share a pattern.",
        f"# Converted from the CAMEO verb pattern dictionary {source}",
        f"# (sha256 {digest}){' ' + note if note else ''}",
        f"# by: {command}",
        f"# {len(entries)} entries over {len(lemmas)} verb lemmas; the conversion rules are in",
        "# src/legation/cameo_dictionary.py and README.md (Lexicon).",
        "#",
        "# The dictionary's licence, which applies to this derived data:",
        *[f"#{' ' if line else ''}{line.strip() if line else ''}" for line in notice(text)],
    ]
    body = ["\t".join(COLUMNS)]
    for e in entries:
        cells = []
        for k in COLUMNS:
            v = e.get(k)
            cells.append(",".join(v) if isinstance(v, list) else "true" if v is True else str(v or ""))
        body.append("\t".join(cells))
    return "\n".join(head) + "\n" + "\n".join(body) + "\n"


def load_aliases() -> list[CodeAlias]:
    """The bundled CAMEO code aliases (ontology/cameo_aliases.yaml)."""
    from .datafiles import load_yaml_list, package_data

    return [a for _, a in load_yaml_list(package_data("ontology", "cameo_aliases.yaml"), CodeAlias)]


def read_dictionary(data: bytes) -> str:
    """The dictionary's text: UTF-8, or Latin-1 as older TABARI files are."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")
