"""The named word lists of the stages, from ``words.yaml`` in each lexicon directory.

A rule that looks for words ("source", "the two leaders", "a phone call",
"held talks") reads them here, never from a literal in its module. The lists
are in ``legation/data/lexicon/words.yaml``, one entry per list::

    - {name: source_nouns, words: [source, sources, insider, insiders],
       doc: "actors: nouns that stand for an unnamed source"}

A ``words.yaml`` in a ``--lexicon DIR`` is read after the bundled one, in
order: an entry replaces the list of that name, or adds to it with
``mode: extend``. An unknown name, a name given twice in one file or a list
missing from the bundled file is a :class:`~legation.errors.DataFileError`
that names the file (and the line). The verbs of saying and report nouns are
not here: they are ``speech.yaml``'s, read by :class:`~legation.lexicon.Lexicon`.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Literal, get_type_hints

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .datafiles import load_yaml_list, package_data
from .errors import DataFileError

FILE_NAME = "words.yaml"


class WordList(BaseModel):
    """One named list in a word-list file."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str
    words: list[str] = Field(min_length=1)
    doc: str = Field(default="", description="what the list is for and which stage reads it")
    mode: Literal["replace", "extend"] = "replace"

    @field_validator("words")
    @classmethod
    def _words(cls, v: list[str]) -> list[str]:
        out = [w.strip().lower() for w in v]
        if any(not w for w in out):
            raise ValueError("empty word")
        return out


def load_named_lists(path: Path, names: Iterable[str]) -> dict[str, tuple[int, WordList]]:
    """The lists of one file by name, with their lines; only ``names`` are allowed."""
    allowed = set(names)
    out: dict[str, tuple[int, WordList]] = {}
    for line, entry in load_yaml_list(path, WordList):
        if entry.name not in allowed:
            raise DataFileError(str(path), line, f"unknown word list {entry.name!r}")
        if entry.name in out:
            raise DataFileError(str(path), line,
                                f"word list {entry.name!r} given twice (first on line {out[entry.name][0]})")
        out[entry.name] = (line, entry)
    return out


class WordLists:
    """Every stage's word lists, bundled and from the user's lexicon directories.

    Each list is an attribute: a frozenset of lower-case words, or a tuple
    where the order matters (``clause_preps``). ``docs`` holds each list's
    purpose and ``origin`` the file it last came from.
    """

    # actors.py
    source_nouns: frozenset[str]
    compass_short_forms: frozenset[str]
    description_nouns: frozenset[str]
    media_description_nouns: frozenset[str]
    government_description_nouns: frozenset[str]
    state_description_nouns: frozenset[str]
    count_two: frozenset[str]
    count_three: frozenset[str]
    plural_country_referents: frozenset[str]
    plural_person_referents: frozenset[str]
    ngo_words: frozenset[str]
    national_day_modifiers: frozenset[str]
    against_prefixes: frozenset[str]
    person_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    thing_pronouns: frozenset[str]
    first_person_pronouns: frozenset[str]
    # attribution.py, actors.py
    cite_verbs: frozenset[str]
    # arguments.py (and frames.py)
    generic_light_verbs: frozenset[str]
    frame_nouns: frozenset[str]
    partitives: frozenset[str]
    clause_preps: tuple[str, ...]
    weapon_nouns: frozenset[str]
    document_nouns: frozenset[str]
    quantity_heads: frozenset[str]
    # communication.py
    occasion_nouns: frozenset[str]
    occasion_preps: frozenset[str]
    occasion_noun_preps: frozenset[str]
    address_verbs: frozenset[str]
    definite_determiners: frozenset[str]
    past_modifiers: frozenset[str]
    ambiguous_comm_nouns: frozenset[str]
    call_modifiers: frozenset[str]
    call_light_verbs: frozenset[str]
    note_modifiers: frozenset[str]
    phone_means: frozenset[str]
    explicit_message_nouns: frozenset[str]
    meeting_verbs: frozenset[str]
    # mentions.py
    relation_nouns: frozenset[str]
    # frames.py
    repetition_prefixes: frozenset[str]
    obligation_auxiliaries: frozenset[str]
    obligation_verbs: frozenset[str]
    aspectual_verbs: frozenset[str]
    raising_verbs: frozenset[str]
    exchange_verbs: frozenset[str]
    locative_preps: frozenset[str]
    disapproval_words: frozenset[str]
    judging_verbs: frozenset[str]
    # cameo_dictionary.py (the PETRARCH verb-dictionary format)
    verb_particles: frozenset[str]
    prepositions: frozenset[str]
    # kb/agents.py (the PETRARCH agents format)
    agent_trailing_preps: frozenset[str]
    # extract.py
    accepting_verbs: frozenset[str]
    # store/dedup.py
    written_kinds: frozenset[str]

    def __init__(self, extra: Iterable[Path] = ()) -> None:
        hints = get_type_hints(type(self))
        self._ordered = {n for n, t in hints.items() if getattr(t, "__origin__", None) is tuple}
        names = [n for n in hints if not n.startswith("_")]
        lists: dict[str, list[str]] = {}
        self.docs: dict[str, str] = {}
        self.origin: dict[str, Path] = {}
        bundled = package_data("lexicon", FILE_NAME)
        for path in [bundled, *(Path(d) / FILE_NAME for d in extra)]:
            if path is not bundled and not path.exists():
                continue
            for name, (_, entry) in load_named_lists(path, names).items():
                if entry.mode == "extend" and name in lists:
                    lists[name] += [w for w in entry.words if w not in lists[name]]
                else:
                    lists[name] = list(dict.fromkeys(entry.words))
                self.docs[name] = entry.doc or self.docs.get(name, "")
                self.origin[name] = path
        missing = [n for n in names if n not in lists]
        if missing:
            raise DataFileError(str(bundled), None, f"missing word lists: {', '.join(missing)}")
        for name in names:
            setattr(self, name, tuple(lists[name]) if name in self._ordered else frozenset(lists[name]))

    @classmethod
    def names(cls) -> list[str]:
        """Every list's name, in the order of the class."""
        return [n for n in get_type_hints(cls) if not n.startswith("_")]

    # -- lists made of lists -------------------------------------------------------------
    @property
    def all_pronouns(self) -> frozenset[str]:
        return self.person_pronouns | self.plural_pronouns | self.thing_pronouns | self.first_person_pronouns

    @property
    def all_description_nouns(self) -> frozenset[str]:
        """Every noun the actor stage reads as a description pointing back."""
        return (self.description_nouns | self.media_description_nouns
                | self.government_description_nouns | self.state_description_nouns)

    @property
    def plural_referents(self) -> frozenset[str]:
        return self.plural_country_referents | self.plural_person_referents

    def number_of(self, word: str) -> int:
        """How many referents a determiner counts: 'two', 'both' 2; 'three' 3; else 0."""
        if word in self.count_two:
            return 2
        if word in self.count_three:
            return 3
        return 0


@lru_cache(maxsize=1)
def bundled_words() -> WordLists:
    """The bundled lists alone, loaded once: for the store, and the stages' defaults."""
    return WordLists()


__all__ = ["FILE_NAME", "WordList", "WordLists", "bundled_words", "load_named_lists"]
