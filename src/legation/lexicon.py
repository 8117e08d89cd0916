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
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .datafiles import load_yaml_list, package_data
from .errors import DataFileError
from .ontology import PLOVER_TYPES, Ontology

Role = Literal["agree", "reject", "threaten", "request", "attempt", "intend", "accept", "future",
               "prepare"]
SLOT_WORDS = {"dobj", "dative", "iobj", "nsubjpass", "poss", "attr", "pobj"}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Trigger(_Model):
    """A word that can report an event of one PLOVER type."""

    lemma: str
    pos: Literal["VERB", "NOUN", "ADJ"] = "VERB"
    type: str | None = None
    cameo: str | None = None
    mode: list[str] = []
    context: list[str] = []
    particle: str | None = None
    prep: str | None = None
    object: list[str] = Field(default=[], description="lemmas one of which must be the object")
    modifier: list[str] = Field(default=[], description="lemmas one of which must qualify a noun trigger")
    light: list[str] = Field(default=[], description="verbs that make the noun an event and lend their subject")
    recipient: list[str] = ["dobj"]
    actor: list[str] = ["nsubj"]
    reciprocal: bool = False
    role: Role | None = None
    min_args: int = 1

    @field_validator("type")
    @classmethod
    def _type(cls, v: str | None) -> str | None:
        if v is not None and v not in PLOVER_TYPES:
            raise ValueError(f"unknown PLOVER type {v!r}")
        return v

    @model_validator(mode="after")
    def _needs_type_or_role(self) -> "Trigger":
        if self.type is None and self.role is None:
            raise ValueError("an entry needs a 'type' (with 'cameo') or a 'role'")
        if self.type is not None and self.cameo is None:
            raise ValueError("an entry with a 'type' needs a 'cameo' code")
        return self

    def specificity(self) -> int:
        return (2 * bool(self.object) + 2 * bool(self.modifier) + 2 * bool(self.particle)
                + 2 * bool(self.prep) + bool(self.light))


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
        base = package_data("lexicon")
        dirs = [base, *(extra or [])]
        for d in dirs:
            self._load(Path(d))
        self._comm_nouns = {n.lower(): k for k in self.comm_kinds for n in k.nouns}

    def _load(self, d: Path) -> None:
        tf = d / "triggers.yaml"
        if tf.exists():
            for line, t in load_yaml_list(tf, Trigger):
                self._check(tf, line, t.type, t.cameo)
                table = {"VERB": self.verbs, "NOUN": self.nouns, "ADJ": self.adjectives}[t.pos]
                table[t.lemma.lower()].append(t)
        cf = d / "chains.yaml"
        if cf.exists():
            for line, c in load_yaml_list(cf, Chain):
                self._check(cf, line, c.type, c.cameo)
                for k, o in c.by_type.items():
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
