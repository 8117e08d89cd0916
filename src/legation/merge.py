"""Within-document merge: several mentions of one event become one record.

Two frames are one event when they have the same type, compatible actors
and recipients (the same person, or the same country and sector where one
side is only a group or a country), compatible communication kind and
occasion, and dates that do not contradict each other at their precision.
A communication that the text only points back to ("the letter", "it")
joins the communication it points to. The merged record keeps every
mention's evidence; its status is the furthest any mention reached; its
factuality the most certain any mention gives; its date the most precise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .confidence import ConfidenceModel
from .frames import Frame
from .kb import KnowledgeBase
from .mentions import Mention
from .ontology import Ontology
from .records import (
    CERTAINTY_ORDER,
    STATUS_ORDER,
    Attribution,
    Communication,
    DateInfo,
    Document,
    Entity,
    EventRecord,
    Evidence,
    Location,
)
from .sameness import GENERIC_KINDS, PartyId, dates_agree, parties_overlap
from .temporal import better, publication_date


@dataclass(slots=True, eq=False)
class Group:
    """Frames of one event. The distinct parties and dates of its frames are kept as frames
    join, so that testing a frame against a group costs the same however many mentions of
    the event the document holds (a story that repeats one event a thousand times)."""

    frames: list[Frame] = field(default_factory=list)
    actor_ids: dict[PartyId, None] = field(default_factory=dict)
    recipient_ids: dict[PartyId, None] = field(default_factory=dict)
    has_actors: bool = False  # some frame has actors (whose ids may be none: unresolved)
    has_recipients: bool = False
    date_set: dict[tuple[str, str, str | None], DateInfo] = field(default_factory=dict)

    @property
    def first(self) -> Frame:
        return self.frames[0]

    def add(self, f: Frame) -> None:
        self.frames.append(f)
        self.actor_ids.update(dict.fromkeys(party_ids(f.actors)))
        self.recipient_ids.update(dict.fromkeys(party_ids(f.recipients)))
        self.has_actors = self.has_actors or bool(f.actors)
        self.has_recipients = self.has_recipients or bool(f.recipients)
        if f.date is not None:
            self.date_set.setdefault((f.date.value, f.date.precision, f.date.basis), f.date)

    def dates(self) -> list[DateInfo]:
        return list(self.date_set.values())

    def takes_parties(self, actors: list[Mention], recipients: list[Mention]) -> bool:
        """Do the frame's actors and recipients name the group's parties (where both name some)?"""
        return (not self.has_actors or not actors or parties_overlap(self.actor_ids, party_ids(actors))) and \
            (not self.has_recipients or not recipients or parties_overlap(self.recipient_ids, party_ids(recipients)))


def party_ids(ms: list[Mention]) -> list[PartyId]:
    """The mentions' parties as the sameness rules compare them."""
    out = []
    for m in ms:
        for r in m.resolved:
            key = r.key or (f"name:{r.name.lower()}" if r.kind == "person" and r.name else None)
            out.append(PartyId(key, r.code, r.sector, r.kind))
    return out


def mention_id(doc_id: str, rec: EventRecord, seen: dict[str, int]) -> str:
    """An event record's id, from what it is: ``<doc_id>:<offset of its sentence>:<TYPE>``
    ("seed:1042:CONSULT"), with ``-2``, ``-3`` for further events of one type in one sentence.
    It stays the same when the document is extracted again, and when events of other
    sentences come or go."""
    base = f"{doc_id}:{rec.text_info.get('start', 0)}:{rec.event[0]}"
    seen[base] = seen.get(base, 0) + 1
    return base if seen[base] == 1 else f"{base}-{seen[base]}"


def _lemmas(f: Frame) -> set[str]:
    doc = f.sentence.doc
    return {doc[i].lemma_.lower() for i in f.trigger}


class Merger:
    """Groups a document's frames into events and writes the event records."""

    def __init__(self, kb: KnowledgeBase, ontology: Ontology, include_negated: bool = False,
                 include_untargeted: bool = False, confidence: ConfidenceModel | None = None) -> None:
        self.confidence = confidence or ConfidenceModel()
        self.kb = kb
        self.ontology = ontology
        self.include_negated = include_negated
        self.include_untargeted = include_untargeted

    def merge(self, doc: Document, frames: list[Frame]) -> list[EventRecord]:
        """The document's event records, each with its id (:func:`mention_id`)."""
        groups: list[Group] = []
        by_comm: dict[int, Group] = {}
        pending: list[Frame] = []
        for f in frames:
            if f.comm is not None and f.comm.anaphoric and f.comm.antecedent is not None:
                pending.append(f)
                continue
            g = self.find_group(groups, f)
            if g is None:
                g = Group()
                groups.append(g)
            g.add(f)
            if f.comm is not None:
                by_comm[id(f.comm)] = g
        for f in pending:
            assert f.comm is not None
            g = by_comm.get(id(f.comm.root()))
            if g is not None:
                g.add(f)
                by_comm[id(f.comm)] = g
        self.fold_contents(groups, by_comm, frames)
        records: list[EventRecord] = []
        for g in groups:
            rec = self.record(doc, g)
            if rec is None:
                continue
            if rec.factuality == "negated" and not self.include_negated:
                continue
            if not self.include_untargeted and self.untargeted(rec):
                continue
            records.append(rec)
        seen: dict[str, int] = {}
        for rec in records:
            rec.id = mention_id(doc.id, rec, seen)
        return records

    def untargeted(self, rec: EventRecord) -> bool:
        """A directed statement (plover.yaml) that names no other party: one actor's country,
        no recipient, no communication ("the minister vowed to keep order")."""
        return self.ontology.directed(rec.event[0]) and not rec.recipient and \
            rec.communication is None and len({e.code for e in rec.actor if e.code}) < 2

    @staticmethod
    def fold_contents(groups: list[Group], by_comm: dict[int, Group], frames: list[Frame]) -> None:
        """'In the message, Kim extended warm congratulations to Putin': what a message says,
        in a sentence that names the message, is the message's content, not a second event."""
        comms_by_sentence: dict[int, list[Frame]] = {}
        for f in frames:
            if f.comm is not None:
                comms_by_sentence.setdefault(f.sentence.index, []).append(f)
        for g in list(groups):
            if len(g.frames) != 1 or g.first.comm is not None:
                continue
            f = g.first
            for c in comms_by_sentence.get(f.sentence.index, []):
                assert c.comm is not None
                host = by_comm.get(id(c.comm.root())) or by_comm.get(id(c.comm))
                if host is None or host is g or host.first.type != f.type:
                    continue
                if host.takes_parties(f.actors, f.recipients):
                    host.add(f)
                    groups.remove(g)
                    break

    def find_group(self, groups: list[Group], f: Frame) -> Group | None:
        for g in reversed(groups):
            h = g.first
            if h.type != f.type:
                continue
            if (h.comm is None) != (f.comm is None):
                continue
            if (h.factuality == "negated") != (f.factuality == "negated"):
                continue
            same_sentence = h.sentence.index == f.sentence.index
            if h.comm is None and h.cameo != f.cameo and _lemmas(h) != _lemmas(f) and not same_sentence:
                continue
            if h.comm is not None and f.comm is not None:
                if h.comm.kind.kind != f.comm.kind.kind and h.comm.kind_explicit and f.comm.kind_explicit:
                    continue
                if h.comm.occasion and f.comm.occasion and h.comm.occasion != f.comm.occasion:
                    continue
            if not f.actors or not g.takes_parties(f.actors, f.recipients):
                continue
            if not all(dates_agree(d, f.date) for d in g.dates()):
                continue
            return g
        return None

    # -- writing the record -------------------------------------------------------------------
    def record(self, doc: Document, g: Group) -> EventRecord | None:
        frames = sorted(g.frames, key=lambda f: (f.sentence.index, min(f.trigger)))
        main = next((f for f in frames if f.actors), None)
        if main is None:
            return None
        when = None
        for f in frames:
            when = better(when, f.date)
        when = when or publication_date(doc.published)
        on = _as_date(when)
        actors = self.entities([a for f in frames for a in f.actors], on)
        if not any(e.code for e in actors):
            return None
        recipients = self.entities([r for f in frames for r in f.recipients], on)
        actor_keys = {e.key() for e in actors}
        recipients = [r for r in recipients if r.key() not in actor_keys]
        etype = main.type
        mode = main.mode
        status = "occurred"
        voters = [f for f in frames if not _bare_reference(f)] or frames
        factuality = min((f.factuality for f in voters), key=CERTAINTY_ORDER.index)
        sources: list[Entity] = []
        quote = False
        for f in frames:
            if STATUS_ORDER.index(f.status) > STATUS_ORDER.index(status):
                status = f.status
            if _bare_reference(f):
                continue
            for s_ in f.sources:
                sources += s_.entities(self.kb, on)
            quote = quote or f.quote
        communication = self.communication(frames, on)
        if communication is not None and status == "occurred":
            status = "sent"
        evidence = self.evidence(frames)
        location = self.location(frames)
        event_text = list(dict.fromkeys(f.trigger_text for f in frames))
        s = main.sentence
        rec = EventRecord(
            id="", doc_id=doc.id, date=when.value if when else None, date_info=when,
            actor=actors, recipient=recipients, event=[etype], mode=list(mode),
            context=list(main.context), cameo=main.cameo, quad_code=self.ontology.quad(etype),
            event_scale=self.ontology.score(etype, list(mode)), event_text=event_text,
            status=status, factuality=factuality,
            attribution=Attribution(sources=_unique(sources), quote=quote),
            communication=communication, event_loc=location, text=s.text,
            text_info={"sequence": s.index, "start": s.start, "end": s.end},
            evidence=evidence, confidence=0.0,
        )
        rec.confidence = self.confidence.score(rec)
        return rec

    def entities(self, mentions: list[Mention], on: date | None) -> list[Entity]:
        out: list[Entity] = []
        kinds: list[str] = []
        for m in mentions:
            for e, r in zip(m.entities(self.kb, on), m.resolved, strict=False):
                out.append(e)
                kinds.append(r.kind)
        # one entity per party; a country or a group yields to a named member of it
        keep: list[Entity] = []
        for i, e in enumerate(out):
            if any(e.key() == k.key() for k in keep):
                continue
            if kinds[i] in GENERIC_KINDS and any(
                    o.code == e.code and j != i and kinds[j] not in GENERIC_KINDS
                    for j, o in enumerate(out)):
                continue
            if kinds[i] == "country" and any(
                    o.code == e.code and j != i and kinds[j] != "country" for j, o in enumerate(out)):
                continue
            keep.append(e)
        return keep

    def communication(self, frames: list[Frame], on: date | None) -> Communication | None:
        comms = [f.comm for f in frames if f.comm is not None]
        if not comms:
            return None
        kind = next((c.kind.kind for c in comms if c.kind_explicit), comms[0].kind.kind)
        occasion = next((c.occasion for c in comms if c.occasion), None)
        channel: list[Entity] = []
        for c in comms:
            for m in c.channel:
                for e, r in zip(m.entities(self.kb, on), m.resolved, strict=False):
                    if r.via and r.via in self.kb.entities:
                        inst = self.kb.entities[r.via]
                        e = Entity(entity_text=e.entity_text, name=inst.name, code=inst.code,
                                   sector=inst.sector, identifier_id=inst.wikidata,
                                   start=e.start, end=e.end)
                    channel.append(e)
        return Communication(kind=kind, occasion=occasion, channel=_unique(channel))

    def evidence(self, frames: list[Frame]) -> list[Evidence]:
        ev: list[Evidence] = []
        for f in frames:
            s = f.sentence
            for i in sorted(f.trigger):
                a, b = s.char_span(i, i + 1)
                ev.append(Evidence("event", a, b))
            for field_name, ms in (("actor", f.actors), ("recipient", f.recipients),
                                   ("attribution", [] if _bare_reference(f) else f.sources)):
                for m in ms:
                    ev.append(Evidence(field_name, m.char_start, m.char_end))
            if f.date is not None and f.date.start is not None and f.date.end is not None:
                ev.append(Evidence("date", f.date.start, f.date.end))
            if f.comm is not None:
                for m in f.comm.channel:
                    ev.append(Evidence("channel", m.char_start, m.char_end))
                if f.comm.occasion_span is not None:
                    a, b = s.char_span(*f.comm.occasion_span)
                    ev.append(Evidence("occasion", a, b))
                if f.status != "occurred":
                    for i in f.comm.trigger:
                        if i != f.comm.noun:
                            a, b = s.char_span(i, i + 1)
                            ev.append(Evidence("status", a, b))
        seen: set[tuple[str, int, int]] = set()
        out = []
        for e in ev:
            k = (e.field, e.start, e.end)
            if k not in seen:
                seen.add(k)
                out.append(e)
        return out

    def location(self, frames: list[Frame]) -> Location | None:
        for f in frames:
            if f.location:
                return Location(f.location, None)
            pool = list(f.actors) + list(f.recipients) + (list(f.comm.channel) if f.comm else [])
            for m in pool:
                for r in m.resolved:
                    if r.location:
                        code = r.code
                        return Location(r.location, self._place_country(r.location) or code)
        return None

    def _place_country(self, name: str) -> str | None:
        for part in reversed([p.strip() for p in name.split(",")]):
            for e in self.kb.find(part):
                if e.kind == "country":
                    return e.code
            places = getattr(self.kb, "place_country", None)
            if places is not None:
                c = places(part)
                if c:
                    return c
        return None


def _bare_reference(f: Frame) -> bool:
    """'the letter', 'in a past message': a mention that names the event but says nothing of it."""
    return f.comm is not None and f.comm.anaphoric and len(set(f.comm.trigger)) <= 1 and not f.actors


def _as_date(d: DateInfo | None) -> date | None:
    if d is None:
        return None
    v = d.value
    try:
        if len(v) == 10:
            return date.fromisoformat(v)
        if len(v) == 7:
            return date(int(v[:4]), int(v[5:7]), 15)
        return date(int(v[:4]), 7, 1)
    except ValueError:
        return None


def _unique(es: list[Entity]) -> list[Entity]:
    out: list[Entity] = []
    seen: set[str] = set()
    for e in es:
        k = (e.name or e.entity_text).lower()
        if k in seen:
            continue
        seen.add(k)
        out.append(e)
    return out
