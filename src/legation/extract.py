"""The extractor: one object that runs every stage over a document.

    reader → NLP (sentences) → actors → communications → frames → dates →
    attribution and factuality → within-document merge → event records

Models and data are loaded once, when the extractor is built, and passed to
the stages; the extractor holds no per-document state between calls.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from spacy.language import Language

from .actors import ActorFinder
from .attribution import Attributor, strongest
from .communication import CommFrame, CommunicationFinder
from .confidence import ConfidenceModel
from .context import dateline_text, home_country
from .coref import Discourse
from .errors import InputError, LegationError
from .frames import Frame, FrameExtractor, settle_home_targets
from .gazetteer import Gazetteer
from .kb import KnowledgeBase
from .language import check_english
from .lexicon import Lexicon
from .mentions import Mention, MentionIndex
from .merge import Merger
from .nlp import DEFAULT_MODEL, Candidates, Parser, Sentence, load_model
from .ontology import Ontology
from .records import FACTUALITY_ORDER, DateInfo, Document, EventRecord, Skipped
from .replies import answer_rejections
from .temporal import DateFinder, DateMention, occasion_date, publication_date

log = logging.getLogger(__name__)


# verbal acts that a statement by the actor itself performs rather than reports
STATEMENTS = {"AGREE", "THREATEN", "REQUEST", "REJECT", "ACCUSE", "SUPPORT"}
# a document longer than this is worked through in pieces of at most this many characters,
# cut at paragraph (else sentence, else word) boundaries, so that memory stays bounded
PIECE_CHARS = 200_000


@dataclass(slots=True)
class Result:
    """What extraction made of one input: its events, or why it was skipped."""

    doc: Document | None
    events: list[EventRecord] = field(default_factory=list)
    skipped: Skipped | None = None


class Extractor:
    """Turns documents into event records.

    Build it once (loading the spaCy model and the data files takes about a
    second) and call :meth:`extract` per document. ``model`` names any
    installed spaCy English pipeline; ``kb_dirs`` and ``lexicon_dirs`` add a
    user's own data files over the bundled ones.
    """

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        *,
        nlp: Language | None = None,
        kb: KnowledgeBase | None = None,
        kb_dirs: Iterable[Path] = (),
        lexicon_dirs: Iterable[Path] = (),
        include_negated: bool = False,
        include_untargeted: bool = False,
    ) -> None:
        lexicon_dirs = list(lexicon_dirs)
        self.nlp = nlp if nlp is not None else load_model(model)
        self.kb = kb if kb is not None else KnowledgeBase.load(kb_dirs)
        self.ontology = Ontology()
        self.lexicon = Lexicon(self.ontology, list(lexicon_dirs))
        self.actors = ActorFinder(Gazetteer(self.nlp, self.kb), self.kb, self.lexicon)
        self.parser = Parser(self.nlp, candidates=_candidates(self.nlp, self.lexicon, self.actors.gaz))
        self.comms = CommunicationFinder(self.lexicon)
        self.frames = FrameExtractor(self.lexicon, states=lambda code: self.kb.country(code) is not None)
        self.dates = DateFinder()
        self.merger = Merger(self.kb, self.ontology, include_negated=include_negated,
                             include_untargeted=include_untargeted,
                             confidence=ConfidenceModel.load(lexicon_dirs))

    # -- public API ---------------------------------------------------------------------
    def extract(self, doc: Document, sentences: list[Sentence] | None = None) -> list[EventRecord]:
        """Event records of one document; raises InputError if it is not English.

        ``sentences`` are the document's parsed sentences when the caller has
        parsed them already (:meth:`run` parses many documents at once).
        """
        reason = check_english(doc.text)
        if reason:
            raise InputError(doc.origin or doc.id, reason)
        if sentences is None and len(doc.text) > PIECE_CHARS:
            return self.extract_long(doc)
        return self.merger.merge(doc, self.frames_of(doc, sentences))

    def extract_long(self, doc: Document) -> list[EventRecord]:
        """A long document, piece by piece (:func:`pieces`): each piece is parsed and merged
        on its own, with offsets and sentence numbers into the whole text, so memory holds one
        piece. What links sentences (pronouns, "the two sides", "that day") does not reach
        across a piece boundary, which falls between paragraphs where the text allows."""
        records: list[EventRecord] = []
        seen = 0
        for a, b in pieces(doc.text, PIECE_CHARS):
            sentences = self.parser.parse(doc.text[a:b])
            for sent in sentences:
                sent.start += a
                sent.end += a
                sent.index += seen
            seen += len(sentences)
            frames = self.frames_of(doc, sentences, dateline=a == 0)
            records += self.merger.merge(doc, frames)
        return records

    def extract_text(self, text: str, published: date | None = None, doc_id: str = "doc") -> list[EventRecord]:
        return self.extract(Document(id=doc_id, text=text, published=published))

    def run(self, items: Iterable[Document | Skipped], batch_size: int = 32) -> Iterator[Result]:
        """Extract from a stream of reader items, one result per item, in order.

        Items are taken ``batch_size`` at a time and the sentences of those
        documents parsed together, so memory stays bounded by one batch. A
        document that cannot be used or on which a stage fails is skipped with
        its id and the reason; it never stops the stream.
        """
        chunk: list[Document | Skipped] = []
        for item in items:
            chunk.append(item)
            if len(chunk) >= batch_size:
                yield from self.run_batch(chunk)
                chunk = []
        if chunk:
            yield from self.run_batch(chunk)

    def run_batch(self, items: Sequence[Document | Skipped]) -> list[Result]:
        """Results for a batch of reader items: documents parsed together, then one by one."""
        results: list[Result | None] = [None] * len(items)
        docs: list[tuple[int, Document]] = []
        for k, item in enumerate(items):
            if isinstance(item, Skipped):
                results[k] = Result(doc=None, skipped=item)
                continue
            reason = check_english(item.text)
            if reason:
                results[k] = Result(doc=item, skipped=_skip(item, reason))
            else:
                docs.append((k, item))
        try:
            parsed: list[list[Sentence]] | None = self.parser.parse_many(
                ["" if len(d.text) > PIECE_CHARS else d.text for _, d in docs])
        except Exception:  # one text the model chokes on: parse the batch document by document
            log.debug("batch parse failed; parsing its %d documents one by one", len(docs), exc_info=True)
            parsed = None
        for n, (k, doc) in enumerate(docs):
            try:
                if len(doc.text) > PIECE_CHARS:
                    results[k] = Result(doc=doc, events=self.extract_long(doc))
                    continue
                sentences = parsed[n] if parsed is not None else self.parser.parse(doc.text)
                results[k] = Result(doc=doc, events=self.merger.merge(doc, self.frames_of(doc, sentences)))
            except LegationError as e:
                results[k] = Result(doc=doc, skipped=_skip(doc, getattr(e, "message", str(e))))
            except Exception as e:  # a defect met on one document must not cost the batch
                log.debug("extraction failed on document %s (%s)", doc.id, doc.origin, exc_info=True)
                results[k] = Result(doc=doc, skipped=_skip(doc, f"extraction failed: {type(e).__name__}: {e}"))
        return [r for r in results if r is not None]

    # -- stages ------------------------------------------------------------------------------
    def frames_of(self, doc: Document, sentences: list[Sentence] | None = None,
                  dateline: bool = True) -> list[Frame]:
        """The frames of the document's sentences; ``dateline``: the sentences begin the
        document, so a dateline may stand before the first."""
        if sentences is None:
            sentences = self.parser.parse(doc.text)
        gaz = self.actors.gaz
        kb_matches = [gaz.kb_matches(s.doc) for s in sentences]
        place = gaz.kb_matches(self.nlp.make_doc(dateline_text(doc.text, sentences[0].start))) \
            if sentences and dateline else []
        discourse = Discourse(home_country(kb_matches, self.kb, place))
        attributor = Attributor(self.lexicon)
        comms_so_far: list[CommFrame] = []
        out: list[Frame] = []
        continued: DateInfo | None = None  # the day of the latest dated event, for "that day"
        for sent, matches in zip(sentences, kb_matches, strict=True):
            actors = self.actors.find(sent, discourse, doc.published, matches)
            if not sent.parsed:  # no event can be in it (nlp.Candidates); its names feed the discourse
                self.track_speaker(sent, actors, discourse)
                continue
            mentions = actors.mentions
            index = MentionIndex(mentions, self.lexicon.words.relation_nouns)
            attributor.note_citations(sent, index)
            comms = self.comms.find(sent, mentions, comms_so_far)
            comms_so_far.extend(comms)
            frames = self.frames.extract(sent, mentions, comms)
            frames += [f for c in comms for f in self.comm_frames(sent, c)]
            dates = self.dates.find(sent, doc.published, continued)
            for f in frames:
                self.annotate(f, sent, index, actors, attributor, dates, doc.published)
            out.extend(frames)
            continued = next((f.date for f in reversed(frames) if f.date is not None
                              and f.date.basis != "publication" and f.date.precision == "day"), continued)
            discourse.note_parties([f.actors + f.recipients for f in frames])
            self.track_speaker(sent, actors, discourse)
        answer_rejections(out)
        settle_home_targets(out)
        return out

    def comm_frames(self, sent: Sentence, c: CommFrame) -> list[Frame]:
        """The frame of a communication; "messages from To Lam, Thongloun Sisoulith and
        Diaz-Canel" are three messages, one from each (a plural noun, several authors, none of
        them an addressee: not an exchange), while "a joint letter from A and B" is one."""
        f = self.comm_frame(sent, c)
        noun = sent.doc[c.noun] if c.noun is not None else None
        keys = {a.resolved[0].key or a.text for a in c.authors}  # authors are distinct mentions
        if noun is None or noun.tag_ not in ("NNS", "NNPS") or len(keys) < 2 or \
                noun.head.lemma_.lower() in self.lexicon.words.exchange_verbs:
            return [f]
        return [replace(f, actors=[a]) for a in c.authors]

    def comm_frame(self, sent: Sentence, c: CommFrame) -> Frame:
        return Frame(sentence=sent, trigger=sorted(set(c.trigger)), type=c.kind.type,
                     cameo=c.kind.cameo, mode=list(c.kind.mode),
                     context=self.frames.context(c.kind.cameo), actors=list(c.authors),
                     recipients=list(c.addressees), anchor=c.anchor, status=c.status, comm=c)

    def annotate(self, f: Frame, sent: Sentence, index: MentionIndex, actors, attributor: Attributor,  # type: ignore[no-untyped-def]
                 dates: list[DateMention], published: date | None) -> None:
        speaker = actors.speaker(f.anchor) if sent.quoted and sent.quoted[f.anchor] else None
        sources, report_at = attributor.sources(sent, f.anchor, index, speaker, f.trigger)
        f.sources = [s for s in sources if not any(s is a for a in f.actors)] or sources
        f.quote = bool(sent.quoted and sent.quoted[f.anchor])
        found = attributor.factuality(sent, f.anchor, report_at,
                                      bool(sources) or attributor.unnamed_report, f.trigger)
        f.factuality = strongest(found)
        # PLOVER: an announced future action is coded as what announcing it is
        if f.factuality == "future" and f.comm is None and f.role != "future":
            chain = self.lexicon.chains.get("future")
            key = f"{f.type}:{f.mode[0]}" if f.mode else f.type
            outcome = chain.by_type.get(key) or chain.by_type.get(f.type) if chain else None
            if outcome is not None:
                f.type = outcome.type or f.type
                f.cameo = outcome.cameo or f.cameo
                f.mode = list(outcome.mode or [])
                f.context = self.frames.context(f.cameo)
                f.recoded_future = True
                f.factuality = strongest(found - {"future"})
        self.refusal(f, found)
        if f.sources and f.type in STATEMENTS and f.factuality == "reported" and all(
                _speaks_for(s, f.actors) for s in f.sources):
            # "the Ivorian president announced that he will extend the curfew": the
            # announcement is the event (a threat, a pledge, a demand), not a report of it
            f.sources = []
            f.factuality = strongest(found - {"reported", "future", "negated"})
        dm, bound = self.dates.for_frame(sent, f.anchor, f.trigger, dates)
        f.date = dm.info if dm is not None else None
        if f.comm is not None and f.comm.occasion_date:
            year_hint = dm if dm is not None and dm.info.precision == "year" else None
            if f.date is None or bound or year_hint is not None:
                od = occasion_date(f.comm.occasion_date, year_hint, published)
                if od is not None and (f.date is None or year_hint is not None or not bound):
                    f.date = od
        if f.date is None:
            f.date = publication_date(published)

    def refusal(self, f: Frame, found: set[str]) -> None:
        """'will not accept', 'did not agree', 'will not meet': a stated refusal is REJECT."""
        if f.factuality != "negated" or f.comm is not None:
            return
        doc = f.sentence.doc
        lemmas = {doc[i].lemma_.lower() for i in f.trigger}
        accepting = f.type == "AGREE" or lemmas & self.lexicon.words.accepting_verbs
        future_coop = "future" in found and f.type in ("CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT")
        if not (accepting or future_coop):
            return
        chain = self.lexicon.chains.get("reject")
        out = None
        if chain is not None:
            key = f"{f.type}:{f.mode[0]}" if f.mode else f.type
            out = chain.by_type.get(key) or chain.by_type.get(f.type)
        f.type = "REJECT"
        f.cameo = (out.cameo if out and out.cameo else None) or "120"
        f.mode = list(out.mode or []) if out else []
        f.context = self.frames.context(f.cameo)
        f.factuality = strongest(found - {"negated", "future"})

    @staticmethod
    def track_speaker(sent: Sentence, actors, discourse: Discourse) -> None:  # type: ignore[no-untyped-def]
        """A quotation still open at the end of a sentence keeps its speaker."""
        if sent.quoted and sent.quoted[-1]:
            i = len(sent.quoted) - 1
            discourse.last_speaker = actors.speaker(i)
        else:
            discourse.last_speaker = None


def _candidates(nlp: Language, lexicon: Lexicon, gazetteer: Gazetteer) -> Candidates:
    """The sentence test of the parse step, from the words the stages look for."""

    w = lexicon.words
    comm_nouns = {n.lower().split()[-1] for k in lexicon.comm_kinds for n in k.nouns if n.strip()}
    event_words = (set(lexicon.verbs) | set(lexicon.nouns) | set(lexicon.adjectives) | set(lexicon.carriers)
                   | {v for k in lexicon.comm_kinds for v in k.verbs} | comm_nouns | w.cite_verbs
                   | w.obligation_auxiliaries)
    actor_words = (w.all_pronouns | w.all_description_nouns | w.plural_referents | w.source_nouns
                   | w.compass_short_forms | comm_nouns)

    def names(doc) -> bool:  # type: ignore[no-untyped-def]
        return bool(gazetteer.kb_matches(doc) or gazetteer.group_matches(doc) or gazetteer.title_matches(doc))

    return Candidates(nlp, event_words, actor_words, names)


def pieces(text: str, size: int) -> Iterator[tuple[int, int]]:
    """Spans of ``text`` of at most ``size`` characters that cover it, each ending at the
    last paragraph break before the limit, else the last sentence end, else the last space."""
    start, n = 0, len(text)
    while start < n:
        end = start + size
        if end >= n:
            yield start, n
            return
        cut = text.rfind("\n", start + size // 2, end)
        if cut < 0:
            cut = max(text.rfind(". ", start + size // 2, end), text.rfind("? ", start + size // 2, end))
            cut = cut + 1 if cut >= 0 else text.rfind(" ", start + size // 2, end)
        if cut <= start:
            cut = end
        yield start, cut
        start = cut


def _skip(doc: Document, reason: str) -> Skipped:
    return Skipped(doc.origin or doc.id, reason, doc.id)


def _speaks_for(source: Mention, actors: list[Mention]) -> bool:
    """Is the source the actor speaking for itself (its leader, its ministry, itself)?
    News media and anonymous sources report; they never make the actor's statement."""
    r = source.resolved[0]
    if r.anonymous or r.sector == "JRN" or not r.code:
        return False
    for a in actors:
        ra = a.resolved[0]
        if r is ra or (r.key and r.key == ra.key):
            return True
        if r.code == ra.code and r.sector in (None, "GOV") and ra.sector in (None, "GOV", "MIL"):
            return True
    return False


__all__ = ["Extractor", "Result", "FACTUALITY_ORDER"]
