"""Typed records of the store: parties, stored event mentions, canonical events.

A :class:`StoredMention` is one extracted event record of one article, as
the cross-report merge compares it; ``record`` keeps the extractor's full
output record (the JSON of ``legation.records.EventRecord``) for the
evidence it carries. A :class:`Canonical` is one real-world event: the
merge of every stored mention that reports it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..kb.base import normalize_name
from ..records import DateInfo
from ..sameness import GENERIC_KINDS, PartyId


@dataclass(frozen=True, slots=True)
class Party:
    """An actor, recipient or channel of a mention, with the kind the knowledge base gives it."""

    name: str | None
    code: str | None
    sector: str | None
    kind: str  # person country institution organization group named
    identifier_id: str | None = None
    office: str | None = None
    entity_text: str | None = None

    @property
    def ident(self) -> PartyId:
        key = self.identifier_id or (f"name:{normalize_name(self.name)}" if self.name else None)
        return PartyId(key, self.code, self.sector, self.kind)

    @property
    def generic(self) -> bool:
        return self.kind in GENERIC_KINDS

    def label(self) -> str:
        name = self.name or self.entity_text or "?"
        tag = " ".join(x for x in (self.code, self.sector) if x)
        return f"{name} ({tag})" if tag else name

    def to_dict(self) -> dict[str, Any]:
        return {"entity_text": self.entity_text, "name": self.name, "code": self.code,
                "sector": self.sector, "office": self.office, "identifier_id": self.identifier_id}


@dataclass(frozen=True, slots=True)
class Report:
    """One arrival of an article's text: under its own id, or as a copy from another outlet."""

    id: str
    source: str | None
    url: str | None
    published: str | None
    similarity: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "source": self.source, "url": self.url, "published": self.published,
                "similarity": self.similarity}


@dataclass(frozen=True, slots=True)
class StoredMention:
    """One event record of one article, as the cross-report merge sees it."""

    id: str
    article_id: str
    seq: int
    published: str | None
    outlet: str | None  # the article's source (publication), not the attribution
    event_type: str
    comm_kind: str | None
    occasion: str | None
    status: str
    factuality: str
    date: DateInfo | None
    actors: tuple[Party, ...]
    recipients: tuple[Party, ...]
    channel: tuple[Party, ...] = ()
    record: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    url: str | None = None
    # every report of the article (its own first), copies from other outlets after it
    reports: tuple[Report, ...] = field(default=(), compare=False, hash=False)

    @property
    def copies(self) -> tuple[Report, ...]:
        return tuple(r for r in self.reports if r.id != self.article_id)

    @property
    def order(self) -> tuple[str, str, int]:
        """Reports in the order they were published (then article id, then position)."""
        return (self.published or "9999-99-99", self.article_id, self.seq)


@dataclass(frozen=True, slots=True)
class Stage:
    """How far a communication had got according to one report."""

    status: str
    mention_id: str
    article_id: str
    published: str | None


@dataclass(slots=True)
class Canonical:
    """One real-world event: the merge of the mentions that report it."""

    mentions: list[StoredMention]
    event_type: str
    cameo: str | None
    date: DateInfo | None
    date_lo: str
    date_hi: str
    status: str
    factuality: str
    comm_kind: str | None
    occasion: str | None
    actors: list[Party]
    recipients: list[Party]
    channel: list[Party]
    stages: list[Stage]
    record: dict[str, Any]  # the PLOVER record written by export and query
    id: int | None = None

    @property
    def first(self) -> StoredMention:
        return self.mentions[0]

    @property
    def mention_ids(self) -> frozenset[str]:
        return frozenset(m.id for m in self.mentions)

    @property
    def article_ids(self) -> frozenset[str]:
        return frozenset(m.article_id for m in self.mentions)

    @property
    def report_count(self) -> int:
        """Reports of the event: each article and each copy of it from another outlet."""
        by_article = {m.article_id: m for m in self.mentions}
        return sum(1 + len(m.copies) for m in by_article.values())

    @property
    def outlets(self) -> list[str]:
        """The outlets that reported it, in report order, each once (copies included)."""
        names = []
        for m in self.mentions:
            names.append(m.outlet)
            names.extend(r.source for r in m.copies)
        return list(dict.fromkeys(n for n in names if n))
