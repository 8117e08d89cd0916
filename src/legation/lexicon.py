"""The event lexicon: trigger words, verb chains and factuality cues, from data files.

``triggers.yaml`` maps a verb or noun (with optional particle, preposition,
object or modifier that must be present) to a PLOVER type and CAMEO code,
and says where its recipient stands. ``chains.yaml`` says what a control
verb makes of the event it governs ("refused to accept", "agreed to
resume talks", "threatened to break off relations"). ``communications.yaml``
lists the kinds of diplomatic communication and the verbs that move them;
``cues.yaml`` the words that mark attribution and factuality. All are
validated on load; an error names the file and line.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .datafiles import load_tsv, load_yaml_list, package_data
from .errors import DataFileError
from .ontology import Ontology, PloverTypeName
from .wordlists import WordLists

Role = Literal["agree", "reject", "threaten", "request", "attempt", "intend", "accept", "future",
               "prepare", "cancel"]
ANY_VERB = "*"  # in ``light``: any verb that governs the noun with the actor as its subject
SLOT_WORDS = {"dobj", "dative", "iobj", "nsubjpass", "poss", "attr", "pobj"}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


_LIST_FIELDS = frozenset({"lemma", "mode", "context", "object", "modifier", "light", "recipient", "actor",
                          "prep_object", "qualifier", "subject"})


class Recode(_Model):
    """What an event becomes under a verb that cancels it ('lifted the blockade')."""

    type: PloverTypeName
    cameo: str
    mode: list[str] = []


class Trigger(_Model):
    """A word that can report an event of one PLOVER type.

    Required constraints (``particle``, ``prep``, ``object``, ``prep_object``,
    ``qualifier``, ``modifier``, ``subject``) must all hold for the entry to fire;
    the most specific entry that fits wins. ``silent`` entries fit like any other
    but report nothing: they stop a more general entry ("greet Christmas").
    """

    lemma: str | list[str] = Field(description="the word, or the verbs of a synonym block that share a pattern")
    pos: Literal["VERB", "NOUN", "ADJ"] = "VERB"
    type: PloverTypeName | None = None
    cameo: str | None = None
    mode: list[str] = Field(default_factory=list)
    context: list[str] = Field(default_factory=list)
    particle: str | None = None
    prep: str | None = None
    object: list[str] = Field(default_factory=list, description="lemmas one of which must be the object")
    modifier: list[str] = Field(default_factory=list, description="lemmas one of which must qualify a noun trigger")
    light: list[str] = Field(default_factory=list,
                             description="verbs that make the noun an event and lend their subject")
    recipient: list[str] = Field(default_factory=lambda: ["dobj"])
    actor: list[str] = Field(default_factory=lambda: ["nsubj"])
    reciprocal: bool = False
    role: Role | None = None
    min_args: int = 1
    prep_object: list[str] = Field(default_factory=list, description="lemmas one of which must be the object of `prep`")
    qualifier: list[str] = Field(default_factory=list, description="words one of which must qualify the object")
    subject: list[str] = Field(default_factory=list, description="lemmas one of which must head the subject")
    silent: bool = Field(default=False, description="fits, but reports no event")
    hosted: bool = Field(default=False, description="the subject hosts the object: the visitor (the object, "
                         "or a passive's subject) is the actor and the host the recipient")
    hosted_cameo: str | None = Field(default=None, description="the code of the visit seen from the visitor")
    object_name: bool = Field(default=False, description="the object (a passive's subject) must be a name")
    cancelled: Recode | None = Field(default=None, description="a noun's event under a cancelling verb")
    joint: Recode | None = Field(default=None, description="the event when two countries or more do it "
                                 "together and aim it at no one ('Chinese and Russian warships held "
                                 "naval exercises': a joint exercise)")
    src: str | None = Field(default=None, description="line of the imported dictionary it came from")
    # set by the loader: the data file and line, and whether it came from an imported
    # dictionary (hand-written entries override those)
    where: str = Field(default="", exclude=True)
    imported: bool = Field(default=False, exclude=True)

    @model_validator(mode="before")
    @classmethod
    def _from_table(cls, data: Any) -> Any:
        """A row of a TSV trigger table: empty cells take the default, lists are comma-separated."""
        if not isinstance(data, dict):
            return data
        out = {}
        for k, v in data.items():
            if v is None:
                continue
            if isinstance(v, str) and k in _LIST_FIELDS:
                v = [w.strip() for w in v.split(",") if w.strip()]
                if k == "lemma" and len(v) == 1:
                    v = v[0]
            out[k] = v
        return out

    @property
    def lemmas(self) -> list[str]:
        return [self.lemma] if isinstance(self.lemma, str) else list(self.lemma)

    @property
    def word(self) -> str:
        """The (first) lemma."""
        return self.lemma if isinstance(self.lemma, str) else self.lemma[0]

    @model_validator(mode="after")
    def _needs_type_or_role(self) -> Trigger:
        if self.silent:
            return self
        if self.type is None and self.role is None:
            raise ValueError("an entry needs a 'type' (with 'cameo') or a 'role'")
        if self.type is not None and self.cameo is None:
            raise ValueError("an entry with a 'type' needs a 'cameo' code")
        return self

    def specificity(self) -> int:
        return (2 * bool(self.object) + 2 * bool(self.modifier) + 2 * bool(self.particle)
                + 2 * bool(self.prep) + bool(self.light) + 2 * bool(self.prep_object)
                + bool(self.qualifier) + bool(self.subject) + bool(self.object_name))

    def constrained(self) -> bool:
        return any((self.particle, self.prep, self.object, self.prep_object, self.qualifier,
                    self.modifier, self.subject, self.object_name))

    def weak(self) -> bool:
        """An imported entry that names no word but the verb's own, or only a preposition
        ('GO * TO', 'HEAD * TO'): evidence of an event only where it links two parties."""
        return self.imported and not any((self.particle, self.object, self.prep_object,
                                          self.qualifier, self.modifier, self.subject))


class TypeRoles(_Model):
    """Where an imported entry of one PLOVER type finds its recipient when it does not say."""

    type: PloverTypeName
    recipient: list[str]
    reciprocal: bool = False


# trigger files of a lexicon directory, in load order: the imported dictionary first, so
# that our own nouns and hand-written triggers override it
TRIGGER_FILES = ("cameo_verbs.tsv", "nouns.yaml", "verbs.yaml", "triggers.yaml")
IMPORTED_FILES = frozenset({"cameo_verbs.tsv"})


class ChainOutcome(_Model):
    type: str | None = None
    cameo: str | None = None
    mode: list[str] | None = None


class Chain(_Model):
    """What a control verb's role makes of the event it governs."""

    role: Role
    type: str | None = None
    cameo: str | None = None
    mode: list[str] = []
    by_type: dict[str, ChainOutcome] = {}
    status: str | None = None
    factuality: str | None = None


class CommKind(_Model):
    """A kind of diplomatic communication and how to recognise it."""

    kind: str
    nouns: list[str] = []
    modifiers: list[str] = Field(default=[], description="words that make any message this kind")
    verbs: list[str] = Field(default=[], description="verbs that report this communication by themselves")
    type: str
    cameo: str
    mode: list[str] = []
    priority: int = 0


class CarrierVerb(_Model):
    """A verb that moves a communication, and what it says of its status and roles."""

    lemmas: list[str]
    status: str
    subject: Literal["author", "addressee", "carrier", "any"] = "author"
    particle: str | None = None
    kinds: list[str] = Field(default=[], description="only for these kinds (all when empty)")


class Cue(_Model):
    """A word or construction that sets factuality or marks a report."""

    lemma: str
    factuality: Literal["hedged", "speculative", "negated", "future", "hypothetical"]
    deps: list[str] = []
    requires: Literal["it_subject", "passive", "none"] = "none"
    pos: list[str] = []


class Lexicon:
    """All event-language data, loaded and cross-checked against the ontology."""

    def __init__(self, ontology: Ontology, extra: list[Path] | None = None) -> None:
        self.ontology = ontology
        self.verbs: dict[str, list[Trigger]] = defaultdict(list)
        self.nouns: dict[str, list[Trigger]] = defaultdict(list)
        self.adjectives: dict[str, list[Trigger]] = defaultdict(list)
        self.chains: dict[str, Chain] = {}
        self.comm_kinds: list[CommKind] = []
        self.carriers: dict[str, list[CarrierVerb]] = defaultdict(list)
        self.cues: dict[str, list[Cue]] = defaultdict(list)
        self.speech_verbs: set[str] = set()
        self.report_nouns: set[str] = set()
        self.type_roles: dict[str, TypeRoles] = {}
        self.files: list[Path] = []
        base = package_data("lexicon")
        dirs = [base, *(extra or [])]
        for d in dirs:
            self._load(Path(d))
        self._settle()
        self._comm_nouns = {n.lower(): k for k in self.comm_kinds for n in k.nouns}
        self.words = WordLists(Path(d) for d in (extra or []))  # words.yaml, the same dirs

    def _load(self, d: Path) -> None:
        rf = d / "imported_roles.yaml"
        if rf.exists():
            self.files.append(rf)
            for _, r in load_yaml_list(rf, TypeRoles):
                self.type_roles[r.type] = r
        for name in TRIGGER_FILES:
            tf = d / name
            if not tf.exists():
                continue
            self.files.append(tf)
            rows = load_tsv(tf, Trigger) if tf.suffix == ".tsv" else load_yaml_list(tf, Trigger)
            for line, t in rows:
                self._check(tf, line, t.type, t.cameo)
                for recode in (t.cancelled, t.joint):
                    if recode is not None:
                        self._check(tf, line, recode.type, recode.cameo)
                t.where = f"{tf}:{line}"
                t.imported = name in IMPORTED_FILES
                for lemma in t.lemmas:
                    self.table(t.pos)[lemma.lower()].append(t)
        cf = d / "chains.yaml"
        if cf.exists():
            for line, c in load_yaml_list(cf, Chain):
                self._check(cf, line, c.type, c.cameo)
                for o in c.by_type.values():
                    self._check(cf, line, o.type or c.type, o.cameo)
                self.chains[c.role] = c
        mf = d / "communications.yaml"
        if mf.exists():
            for line, k in load_yaml_list(mf, CommKind):
                self._check(mf, line, k.type, k.cameo)
                self.comm_kinds.append(k)
        vf = d / "carriers.yaml"
        if vf.exists():
            for _, v in load_yaml_list(vf, CarrierVerb):
                for lemma in v.lemmas:
                    self.carriers[lemma.lower()].append(v)
        qf = d / "cues.yaml"
        if qf.exists():
            for _, q in load_yaml_list(qf, Cue):
                self.cues[q.lemma.lower()].append(q)
        sf = d / "speech.yaml"
        if sf.exists():
            for _, s in load_yaml_list(sf, _Words):
                if s.kind == "speech_verb":
                    self.speech_verbs.update(w.lower() for w in s.words)
                elif s.kind == "report_noun":
                    self.report_nouns.update(w.lower() for w in s.words)

    def table(self, pos: str) -> dict[str, list[Trigger]]:
        return {"VERB": self.verbs, "NOUN": self.nouns, "ADJ": self.adjectives}[pos]

    def _settle(self) -> None:
        """A word with hand-written entries keeps only the imported entries that constrain
        it: its hand-written entries say when the bare word is an event (and ``frames``
        tries imported entries only where no hand-written one fits). Imported entries that
        do not say where their recipient stands take their type's places (imported_roles.yaml)."""
        for table in (self.verbs, self.nouns, self.adjectives):
            for lemma, entries in table.items():
                if any(not t.imported for t in entries):
                    table[lemma] = [t for t in entries if not t.imported or t.constrained()]
        for t in self.entries():
            roles = self.type_roles.get(t.type or "")
            if t.imported and roles is not None and "recipient" not in t.model_fields_set:
                t.recipient, t.reciprocal = list(roles.recipient), roles.reciprocal

    def entries(self) -> list[Trigger]:
        """Every trigger entry in effect."""
        seen: dict[int, Trigger] = {}
        for table in (self.verbs, self.nouns, self.adjectives):
            for ts in table.values():
                for t in ts:
                    seen.setdefault(id(t), t)
        return list(seen.values())

    def _check(self, path: Path, line: int, etype: str | None, cameo: str | None) -> None:
        if cameo is None:
            return
        row = self.ontology.cameo.get(cameo)
        if row is None:
            raise DataFileError(str(path), line, f"unknown CAMEO code {cameo!r}")
        if etype is not None and row.plover != etype:
            raise DataFileError(str(path), line,
                                f"CAMEO {cameo} is PLOVER {row.plover}, not {etype}")

    def comm_kind_of_noun(self, lemma: str) -> CommKind | None:
        return self._comm_nouns.get(lemma.lower())

    def triggers_for(self, lemma: str, pos: str) -> list[Trigger]:
        lemma = lemma.lower()
        if pos in ("VERB", "AUX"):
            return self.verbs.get(lemma, [])
        if pos in ("NOUN", "PROPN"):
            return self.nouns.get(lemma, [])
        if pos == "ADJ":
            return self.adjectives.get(lemma, [])
        return []


class _Words(_Model):
    kind: Literal["speech_verb", "report_noun"]
    words: list[str]
