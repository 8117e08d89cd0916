"""The mention record shared by the actor, frame and output stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .kb import KnowledgeBase
from .kb.schema import Title
from .records import Entity


@dataclass(slots=True, eq=False)
class Mention:
    """A span of one sentence that names (or points to) an entity.

    Token indices are relative to the sentence's ``Doc``; ``char_start`` and
    ``char_end`` are document offsets. A person keeps its knowledge-base key
    so that the office is resolved for the event's date, not the article's.
    """

    sentence: int
    start: int
    end: int
    head: int
    text: str
    char_start: int
    char_end: int
    kind: str  # person country institution organization group title description pronoun source occasion
    code: str | None = None
    sector: str | None = None
    name: str | None = None
    key: str | None = None
    office: str | None = None
    anonymous: bool = False
    plural: bool = False
    quoted: bool = False
    modifier: bool = False  # only qualifies another noun ("Russian" in "Russian officials")
    title: Title | None = None
    via: str | None = None  # KB key of the body a group acts through (a mission, an embassy)
    location: str | None = None
    detail: str | None = None  # an occasion's MM-DD
    antecedents: list["Mention"] = field(default_factory=list)
    members: list["Mention"] = field(default_factory=list)  # conjoined parts: "Congo and Costa Rica"

    @property
    def resolved(self) -> list["Mention"]:
        """The mentions this one stands for: itself, or its antecedents."""
        if self.kind in ("pronoun", "description") and self.antecedents:
            return self.antecedents
        return [self]

    def has_actor(self) -> bool:
        return any(m.code for m in self.resolved)

    def entities(self, kb: KnowledgeBase, on: date | None) -> list[Entity]:
        """Output entities, with persons' offices resolved for ``on``."""
        out = []
        for m in self.resolved:
            code, sector, name, office, qid = m.code, m.sector, m.name, m.office, None
            if m.key and m.key in kb.entities:
                r = kb.resolve(m.key, on)
                code, name, qid = r.code or code, r.name, r.identifier_id
                if r.kind == "person":
                    sector, office = r.sector or sector, r.office or office
                elif sector is None:
                    sector = r.sector
            out.append(Entity(
                entity_text=self.text, name=name, code=code, sector=sector, office=office,
                identifier_id=qid, start=self.char_start, end=self.char_end,
                anonymous=m.anonymous,
            ))
        return out

    def label(self) -> str:
        m = self.resolved[0]
        return m.name or m.text
