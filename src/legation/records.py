"""Typed records that cross stage boundaries, and the output event record.

``Document`` is what a reader yields; ``EventRecord`` is the output contract
of ``../shared/design/DESIGN.md`` (one JSON object per event). Records are
plain dataclasses: cheap to build on the hot path, and ``to_dict`` gives the
contract's field names and order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

Precision = Literal["day", "month", "year"]
Basis = Literal["explicit", "relative", "publication"]
Status = Literal["occurred", "sent", "delivered", "refused", "attempted", "planned"]
Factuality = Literal[
    "asserted", "reported", "hedged", "speculative", "negated", "future", "hypothetical"
]

# Strongest qualifier first (DESIGN.md): one mention takes the strongest cue
# that applies.
FACTUALITY_ORDER: tuple[str, ...] = (
    "negated", "hypothetical", "future", "speculative", "reported", "hedged", "asserted",
)
# Merged mentions of one event keep the most certain reading: an event that
# one mention attributes to a source is "reported" even if another hedges it.
CERTAINTY_ORDER: tuple[str, ...] = (
    "asserted", "reported", "hedged", "speculative", "future", "hypothetical", "negated",
)
# How far a communication got; merged mentions keep the furthest stage.
STATUS_ORDER: tuple[str, ...] = ("occurred", "planned", "sent", "attempted", "delivered", "refused")


@dataclass(slots=True)
class Document:
    """One input article."""

    id: str
    text: str
    published: date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str = ""  # where it came from (file, file:line), for messages
    # what the reader changed or could not use, to be reported (legation.normalize)
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Skipped:
    """An input that could not be processed, and why; reported, never silently lost."""

    origin: str
    reason: str
    doc_id: str | None = None


@dataclass(slots=True)
class Entity:
    """An actor, recipient, source or channel, resolved as far as the text allows."""

    entity_text: str
    name: str | None = None
    code: str | None = None
    sector: str | None = None
    office: str | None = None
    identifier_id: str | None = None
    start: int | None = None
    end: int | None = None
    anonymous: bool = False

    def key(self) -> tuple[str | None, str | None, str | None]:
        return (self.code, self.sector, (self.name or self.entity_text).lower())

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "entity_text": self.entity_text,
            "name": self.name,
            "code": self.code,
            "sector": self.sector,
            "office": self.office,
            "identifier_id": self.identifier_id,
            "start": self.start,
            "end": self.end,
        }
        if self.anonymous:
            d["anonymous"] = True
        return d


@dataclass(slots=True)
class DateInfo:
    """When an event happened, how precisely, and on what basis."""

    value: str  # YYYY-MM-DD, YYYY-MM or YYYY
    text: str | None
    precision: Precision
    basis: Basis
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "precision": self.precision, "basis": self.basis}


@dataclass(slots=True)
class Evidence:
    """A span of the document that proves one field of an event."""

    field: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Communication:
    kind: str
    occasion: str | None = None
    channel: list[Entity] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "occasion": self.occasion,
            "channel": [e.to_dict() for e in self.channel],
        }


@dataclass(slots=True)
class Attribution:
    sources: list[Entity] = field(default_factory=list)
    quote: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "sources": [
                {"name": s.name or s.entity_text, "code": s.code, "sector": s.sector,
                 "anonymous": s.anonymous, "entity_text": s.entity_text,
                 "start": s.start, "end": s.end}
                for s in self.sources
            ],
            "quote": self.quote,
        }


@dataclass(slots=True)
class Location:
    name: str
    country: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country}


@dataclass(slots=True)
class EventRecord:
    """One real-world event in one document: the output contract."""

    id: str
    doc_id: str
    date: str | None
    date_info: DateInfo | None
    actor: list[Entity]
    recipient: list[Entity]
    event: list[str]
    mode: list[str]
    context: list[str]
    cameo: str | None
    quad_code: int | None
    event_scale: float | None
    event_text: list[str]
    status: str
    factuality: str
    attribution: Attribution
    communication: Communication | None
    event_loc: Location | None
    text: str
    text_info: dict[str, int]
    evidence: list[Evidence]
    confidence: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "doc_id": self.doc_id,
            "date": self.date,
            "date_info": self.date_info.to_dict() if self.date_info else None,
            "actor": [e.to_dict() for e in self.actor],
            "recipient": [e.to_dict() for e in self.recipient],
            "event": list(self.event),
            "mode": list(self.mode),
            "context": list(self.context),
            "cameo": self.cameo,
            "quad_code": self.quad_code,
            "event_scale": self.event_scale,
            "event_text": list(self.event_text),
            "status": self.status,
            "factuality": self.factuality,
            "attribution": self.attribution.to_dict(),
            "communication": self.communication.to_dict() if self.communication else None,
            "event_loc": self.event_loc.to_dict() if self.event_loc else None,
            "text": self.text,
            "text_info": dict(self.text_info),
            "evidence": [e.to_dict() for e in self.evidence],
            "confidence": round(self.confidence, 3),
        }
