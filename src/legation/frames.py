"""Event frames: trigger words in the dependency parse, with their actor and recipient.

For each verb, noun or adjective the lexicon knows, the extractor picks the
most specific entry (particle, preposition, object and modifier
constraints), finds its arguments (``arguments.py``), and recodes chains of
control verbs with the chain table ("refused to accept", "agreed to resume
talks", "urged X to release", "is ready to contribute troops"). Two
constructions have no single trigger word: "X said that Y must ..." is a
demand, and an attack whose subject is a weapon ("a roadside bomb killed")
is coded to the country where it struck. A frame is kept only if some actor
resolves to a code: a sentence that reports nothing between political
actors yields nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property

from spacy.tokens import Doc, Token

from .arguments import (
    clause_parties,
    light_verb,
    own_actor_tokens,
    partitive,
    place_of,
    purpose_parties,
    slot_tokens,
    subject_tokens,
    weapon_subject,
)
from .communication import CommFrame
from .lexicon import ANY_VERB, Lexicon, Recode, Trigger
from .mentions import STATE_SECTORS, Mention, MentionIndex
from .nlp import Sentence
from .records import DateInfo
from .syntax import children, depth, is_passive, lemma_forms, particle, prep_objects

# legal and coercive acts whose unnamed agent is the authority of the place they happen in
AUTHORITY_TYPES = {"COERCE", "ACCUSE", "SANCTION"}
# PLOVER manual: these types require a recipient
REQUIRES_RECIPIENT = {"COOPERATE", "AID", "SANCTION"}
FORCE_TYPES = {"ASSAULT", "COERCE", "MOBILIZE"}  # a chain of force shares its victims
UNCODED_KINDS = {"group", "description", "organization"}
# statements about another party's act: its author is their recipient
STATEMENT_TYPES = frozenset({"ACCUSE", "REJECT", "SUPPORT", "REQUEST", "THREATEN"})
# dependency relations of a verb that modifies or fills a slot rather than reports a clause
MODIFIER_DEPS = frozenset({"relcl", "acl", "amod", "csubj", "pcomp", "nsubj", "dobj", "pobj",
                           "compound", "npadvmod"})
# domestic acts whose unstated target is the actor's own country (see home_target)
HOME_TARGET_TYPES = {"PROTEST", "COERCE", "CONCEDE", "RETREAT", "ASSAULT"}
# the police and the courts: their charges and sentences fall on people in their jurisdiction
LAW_SECTORS = {"JUD", "COP"}
# sectors of a person's role at home: an office, or the opposition to one
HOME_SECTORS = STATE_SECTORS | {"OPP"}
# event types whose uncoded party is usually of the country where it happened, or else of
# the other party's (protests, repression, concessions, domestic demands, civil strife)
DOMESTIC_TYPES = {"PROTEST", "COERCE", "CONCEDE", "REQUEST", "REJECT", "ACCUSE", "THREATEN",
                  "RETREAT", "AGREE", "ASSAULT", "MOBILIZE"}


@dataclass(slots=True, eq=False)
class Frame:
    """One mention of an event in one sentence, before merging."""

    sentence: Sentence
    trigger: list[int]
    type: str
    cameo: str
    mode: list[str]
    context: list[str]
    actors: list[Mention]
    recipients: list[Mention]
    anchor: int  # the token whose clause carries the event's date and factuality
    status: str = "occurred"
    factuality: str = "asserted"
    sources: list[Mention] = field(default_factory=list)
    quote: bool = False
    date: DateInfo | None = None
    comm: CommFrame | None = None
    confidence: float = 0.7
    recoded_future: bool = False
    location: str | None = None
    role: str | None = None
    home: Mention | None = None  # the target if none is found by the end (see home_target)

    @property
    def trigger_text(self) -> str:
        doc = self.sentence.doc
        return " ".join(doc[i].text for i in sorted(self.trigger))


class FrameExtractor:
    """Builds event frames for one parsed sentence."""

    def __init__(self, lexicon: Lexicon, states: Callable[[str], bool] = lambda code: False) -> None:
        self.lex = lexicon
        self.ontology = lexicon.ontology
        self.states = states  # is a code a state's (the knowledge base's countries)?
        self._sets: dict[tuple[int, str], frozenset[str]] = {}
        self._groups: dict[int, tuple[list[Trigger], list[Trigger]]] = {}

    def words_of(self, e: Trigger, field: str) -> frozenset[str]:
        """One of an entry's word-list constraints as a set of lower-case words, made once."""
        key = (id(e), field)
        found = self._sets.get(key)
        if found is None:
            found = self._sets[key] = frozenset(w.lower() for w in getattr(e, field))
        return found

    def groups(self, cands: list[Trigger]) -> tuple[list[Trigger], list[Trigger]]:
        """A word's hand-written and imported entries, split once."""
        found = self._groups.get(id(cands))
        if found is None:
            found = self._groups[id(cands)] = ([e for e in cands if not e.imported],
                                               [e for e in cands if e.imported])
        return found

    def extract(self, sent: Sentence, mentions: list[Mention],
                comms: list[CommFrame]) -> list[Frame]:
        index = MentionIndex(mentions, self.lex.words.relation_nouns)
        comm_at = {c.noun: c for c in comms if c.noun is not None}
        doc = sent.doc
        frames: list[Frame] = []
        consumed: set[int] = set()
        for tok in sorted(doc, key=lambda t: (depth(t), t.i)):
            if tok.i in consumed or tok.i in comm_at:
                continue
            frame = self.obligation(sent, tok, index, consumed) or self.disapproval(sent, tok, index)
            if frame is None:
                entry = self.match(tok)
                if entry is None or self.reference_only(tok, entry) or self.alleged(tok):
                    continue
                frame = self.build(sent, tok, entry, index, comm_at, consumed)
            if frame is not None:
                frames.append(frame)
        return self.absorb(frames)

    # PLOVER: the demands of a protest are its topic, not events of their own; a
    # mobilisation reported with the attack it served is the attack.
    ABSORBS = {"PROTEST": {"REQUEST", "ACCUSE", "PROTEST"}, "ASSAULT": {"MOBILIZE"}}

    def absorb(self, frames: list[Frame]) -> list[Frame]:
        """Fold a frame into the event it is the purpose or part of ('staged rallies to
        demand reforms', 'began a hunger strike to protest against the decision')."""
        dropped: set[int] = set()
        for host in frames:
            kinds = self.ABSORBS.get(host.type)
            if not kinds:
                continue
            doc = host.sentence.doc
            for f in frames:
                if f is host or id(f) in dropped or f.type not in kinds:
                    continue
                if not _governed_by(doc[f.anchor], set(host.trigger) | {host.anchor}):
                    continue
                if not host.recipients:
                    host.recipients = [r for r in f.recipients if not _same_party(r, host.actors)]
                host.trigger = sorted(set(host.trigger) | set(f.trigger))
                dropped.add(id(f))
        kept = [f for f in frames if id(f) not in dropped]
        self.share_victims(kept)
        out = []
        for f in kept:  # uncoded parties take the other side's country, or the frame goes
            if not any(a.has_actor() for a in f.actors):
                f.actors, f.recipients = self.default_domestic(f.actors, f.recipients, None)
            f.actors = [a for a in f.actors if a.has_actor()]
            if f.actors:
                out.append(f)
        return out

    @staticmethod
    def share_victims(frames: list[Frame]) -> None:
        """'opened fire on the crowd, killing one person and arresting 12': participles that
        continue an event share its recipients when they name none of their own."""
        for f in frames:
            if f.recipients:
                continue
            tok = f.sentence.doc[f.anchor]
            cur = tok
            for _ in range(3):
                if cur.dep_ not in ("advcl", "conj") or cur.tag_ not in ("VBG", "VBN", "VBD"):
                    break
                cur = cur.head
                host = next((h for h in frames if h is not f and cur.i in h.trigger and h.recipients), None)
                if host is not None and children(tok, "dobj", "dative") and not (
                        f.type in FORCE_TYPES and host.type in FORCE_TYPES):
                    break  # "thanked Germany ... and urged Western allies to": its own party
                if host is not None:
                    f.recipients = list(host.recipients)
                    break

    # -- lexicon matching --------------------------------------------------------------
    def match(self, tok: Token, governed: bool = False) -> Trigger | None:
        pos = tok.pos_
        if pos == "PROPN" and tok.tag_ in ("NN", "NNS"):
            pos = "NOUN"
        cands = self.lex.triggers_for(tok.lemma_, pos)
        if not cands and pos in ("NOUN", "ADJ"):
            cands = self.lex.triggers_for(tok.lower_, pos)
        best: tuple[float, Trigger] | None = None
        own, imported = self.groups(cands)
        view = _View(tok, self)
        for group in (own, imported):
            if group is imported and not self.imported_applies(tok, pos, governed):
                break
            for e in group:
                score = self.fits(tok, e, governed, view)
                if score is None:
                    continue
                if best is None or score > best[0]:
                    best = (score, e)
            if best is not None:
                break
        if best is None or best[1].silent:
            return None  # "greet Christmas": the most specific entry says it is no event
        return best[1]

    def imported_applies(self, tok: Token, pos: str, governed: bool) -> bool:
        """Hand-written entries override imported ones, which are tried only where no
        hand-written entry fits, and only on the predicate of a reported clause; never on
        a verb that moves a communication ('sent a message': the communication stage's) or
        one that governs an event noun of our own ('granted amnesty': the noun's)."""
        if not (governed or self.predicate(tok)) or self.raising(tok):
            return False
        return pos not in ("VERB", "AUX") or not (
            tok.lemma_.lower() in self.lex.carriers or self.event_object(tok))

    def event_object(self, tok: Token) -> bool:
        """Does the verb govern an event noun of its own ('renewed its appeal')?"""
        def ours(o: Token) -> bool:
            entries = self.lex.nouns.get(o.lemma_.lower()) or self.lex.nouns.get(o.lower_) or []
            return any(not e.imported for e in entries) or self.lex.comm_kind_of_noun(o.lemma_) is not None
        objs = children(tok, "dobj", "nsubjpass")
        # "began three days of war games": through a partitive to the event it measures
        objs += [p for o in objs if o.lemma_.lower() in self.lex.words.partitives
                 for p in prep_objects(o, "of")]
        return any(ours(o) for o in objs)

    def raising(self, tok: Token) -> bool:
        """A verb or adjective of expectation over an infinitive ('is expected to', 'is set
        to', 'is likely to'): it reports the infinitive's event, and is no event itself."""
        return tok.lemma_.lower() in self.lex.words.raising_verbs and (
            is_passive(tok) or tok.pos_ == "ADJ" or tok.dep_ == "acomp") and any(
            c.dep_ == "xcomp" for c in tok.children)

    def predicate(self, tok: Token) -> bool:
        """Is ``tok`` the predicate of a clause the sentence reports, not of a relative or
        participial modifier ('the junta-run ministry', 'monitors sent to watch the truce')
        or of a purpose infinitive ('to help them expel')?"""
        if tok.pos_ not in ("VERB", "AUX"):
            return True  # nouns and adjectives have their own licensing
        cur = tok
        for _ in range(6):
            if cur.dep_ in MODIFIER_DEPS:
                return False
            if cur.dep_ == "xcomp" and self.raising(cur.head):
                cur = cur.head  # "X is expected to meet Y": the meeting is what is reported
                continue
            if cur.dep_ in ("xcomp", "advcl") and (
                    cur.tag_ in ("VBG", "VBN") or any(c.dep_ == "aux" and c.lower_ == "to"
                                                      for c in cur.children)):
                return False
            if cur.dep_ in ("ROOT",) or cur.head.i == cur.i:
                return True
            if cur.dep_ in ("conj", "ccomp", "parataxis", "advcl"):
                cur = cur.head
                continue
            return False
        return True

    def fits(self, tok: Token, e: Trigger, governed: bool = False,
             view: _View | None = None) -> int | None:
        """None if the entry does not fit the token; else how specifically it fits.
        A noun governed by a control verb needs no light verb of its own. ``view`` holds
        what the constraints look at, worked out once for all the entries of a token."""
        v = view if view is not None else _View(tok, self)
        if e.particle and e.particle.lower() not in v.particles:
            return None
        if e.prep and e.prep.lower() not in v.preps:  # "pushing for the US (to) support"
            return None
        if e.object and not v.object_words & self.words_of(e, "object"):
            return None
        if e.prep_object and not _forms_of(prep_objects(tok, e.prep.lower()) if e.prep else []) \
                & self.words_of(e, "prep_object"):
            return None
        if e.subject:
            subjects = children(tok, "nsubj", "nsubjpass")
            # "a first batch of peacekeeping troops arrived": through a partitive to what it counts
            subjects += [o for s in subjects for o in prep_objects(s, "of")]
            if not _forms_of(subjects) & self.words_of(e, "subject"):
                return None
        if e.object_name and not any(o.pos_ == "PROPN" for o in children(
                tok, "nsubjpass" if is_passive(tok) else "dobj")):
            return None
        score = e.specificity()
        if e.pos == "NOUN" and e.light and (light := light_verb(tok, self.lex.words)) is not None \
                and lemma_forms(light) & set(e.light):
            score += 1  # "staged a protest": the entry that names this verb
        if e.object:  # it fits (above); by its head or by the word that qualifies the object
            wanted = self.words_of(e, "object")
            if any(c.lower_ in wanted for o in v.objects for c in o.children if c.dep_ in ("compound", "amod")):
                score += 1  # "withdraw its peacekeeping force": the qualifier is more telling
            if e.qualifier:
                heads = [o for o in v.objects if _forms_of([o]) & wanted]
                quals = [c for o in heads for c in o.children if c.dep_ in ("compound", "amod", "nmod")]
                if not _forms_of(quals) & self.words_of(e, "qualifier"):
                    return None
        if e.modifier:
            mods = {w.lower() for w in e.modifier}
            if not any(c.lower_ in mods or c.lemma_.lower() in mods
                       for c in tok.children if c.dep_ in ("amod", "compound", "nmod")):
                return None
        if e.pos == "NOUN" and e.light and not governed and not self.licensed(tok, e):
            if not own_actor_tokens(tok, self.noun_actor_slots(e)):
                return None
            if e.type in STATEMENT_TYPES and tok.dep_ in ("nsubj", "nsubjpass", "pobj"):
                return None  # "once the union's demands are met": a statement made before, not made here
        if e.pos == "ADJ" and not children(tok, "xcomp") and not (
                e.role is None and tok.dep_ in ("acomp", "oprd")
                and any(c.dep_ == "prep" and c.lower_ in e.recipient for c in tok.children)):
            return None  # "ready to talk", "critical of Rome"; not "a ready answer"
        return score

    def licensed(self, tok: Token, e: Trigger) -> bool:
        """Does a verb make this noun an event? 'held talks', 'converging for a rally'; a
        verb over a prepositional phrase ('imposed sanctions for its support') must be one
        the entry lists, not any light verb. An entry open to any verb (``light: ["*"]``)
        takes every verb that lends the noun its subject, but not a verb that the lexicon
        codes as an event of its own in any use ('condemned the attack': the condemner did not
        attack; measured: letting verbs with only object-bound patterns through costs more
        precision than it gains recall), a verb of saying, or one that cancels it ('lifted
        the blockade': chains.yaml, role cancel)."""
        light = light_verb(tok, self.lex.words)
        if light is None or particle(light) in ("off", "down"):
            return False  # "called off the strike" ends it
        forms = lemma_forms(light)
        # "reopened negotiations", "re-entered talks": a verb repeating a listed light verb
        forms |= {f[len(p):].lstrip("-") for f in forms for p in self.lex.words.repetition_prefixes
                  if f.startswith(p) and len(f) > len(p) + 2}
        if forms & set(e.light):
            return True
        if tok.dep_ == "pobj":
            return False
        if forms & self.lex.words.generic_light_verbs:
            return True
        if ANY_VERB not in e.light or forms & self.lex.speech_verbs:
            return False
        return not any(v.type or v.role for f in forms for v in self.lex.verbs.get(f, ()))

    def reference_only(self, tok: Token, e: Trigger) -> bool:
        """A noun event inside a phrase ('for its support of ...', 'in protest of X's refusal')
        names an event the sentence does not report; a control verb may still govern it."""
        return (e.pos == "NOUN" and tok.dep_ == "pobj" and not self.licensed(tok, e)
                and tok.head.lower_ not in ("to",))

    def alleged(self, tok: Token) -> bool:
        """'accused Kyiv of refusing to negotiate', 'blamed Hamas for attacking': what an
        accusation alleges is its content, not an event the sentence reports."""
        prep = tok.head
        if tok.dep_ not in ("pcomp", "pobj") or prep.dep_ != "prep" or prep.lower_ not in ("of", "for"):
            return False
        entry = self.match(prep.head) if prep.head.pos_ in ("VERB", "NOUN") else None
        return entry is not None and entry.type == "ACCUSE" and tok.tag_ == "VBG"

    @staticmethod
    def noun_actor_slots(e: Trigger) -> tuple[str, ...]:
        """Where a noun trigger's agent stands: 'poss', 'by', 'from' and any the entry adds."""
        extra = tuple(a for a in e.actor if a not in ("nsubj",))
        return tuple(dict.fromkeys(("poss", "by", "from", *extra)))

    def objects(self, tok: Token) -> list[Token]:
        w = self.lex.words
        objs = children(tok, "dobj", "attr", "oprd", "acomp")
        objs += [partitive(o, w) for o in objs if partitive(o, w) is not o]
        objs += [p for o in objs for p in prep_objects(o, "of")]  # "the state of emergency"
        if is_passive(tok):
            objs += children(tok, "nsubjpass")
        for prep in children(tok, "prep"):  # "put under investigation", "opened fire on"
            if prep.lower_ in ("under",):
                objs += children(prep, "pobj")
        return objs

    # -- frame building -------------------------------------------------------------------
    def build(self, sent: Sentence, tok: Token, entry: Trigger, index: MentionIndex,
              comm_at: dict[int, CommFrame], consumed: set[int]) -> Frame | None:
        trigger = [tok.i]
        etype, cameo, mode = entry.type, entry.cameo, list(entry.mode)
        inner: Frame | None = None
        inner_tok: Token | None = None
        comm: CommFrame | None = None
        if entry.role:
            inner_tok = self.governed(tok, entry)
            if inner_tok is not None:
                comm = comm_at.get(inner_tok.i) or self.comm_object(inner_tok, comm_at)
                if comm is None:
                    inner = self.inner_frame(sent, inner_tok, index, comm_at, consumed)
                elif inner_tok.i not in comm_at:
                    inner_entry = self.match(inner_tok)
                    if inner_entry is not None:
                        inner = self.build(sent, inner_tok, inner_entry, index, comm_at, consumed)
                consumed.add(inner_tok.i)
            chain = self.lex.chains.get(entry.role)
            if chain is not None:
                if chain.status or chain.factuality:
                    # attempt / intend: the governed event keeps its type
                    if inner is None:
                        return None
                    inner.trigger = sorted(set(inner.trigger) | {tok.i})
                    if chain.status:
                        inner.status = chain.status
                    if not inner.actors:
                        inner.actors = self.actors(tok, entry, index)
                    inner.anchor = tok.i
                    inner.role = entry.role
                    return inner if inner.actors else None
                cancelled = self.cancelled(inner_tok) if entry.role == "cancel" else None
                if cancelled is not None and comm is None and inner_tok is not None:
                    etype, cameo, mode = cancelled.type, cancelled.cameo, list(cancelled.mode)
                    trigger.append(inner_tok.i)
                elif inner is not None and comm is None:
                    key_mode = f"{inner.type}:{inner.mode[0]}" if inner.mode else inner.type
                    out = chain.by_type.get(key_mode) or chain.by_type.get(inner.type)
                    etype = (out.type if out and out.type else None) or chain.type or etype
                    cameo = (out.cameo if out and out.cameo else None) or chain.cameo or cameo
                    mode = list(out.mode) if out and out.mode is not None else list(chain.mode)
                    trigger += inner.trigger
                elif chain.type:
                    etype, cameo, mode = chain.type, chain.cameo, list(chain.mode)
                    if inner is not None:
                        trigger += inner.trigger
        if etype is None or cameo is None:
            return None
        if entry.role in ("future", "prepare") and inner is None and comm is None:
            return None  # "decided to move the office abroad": an intention of nothing we code
        if entry.role == "reject" and inner_tok is not None and comm is None and \
                inner_tok.pos_ == "VERB" and \
                inner_tok.lemma_.lower() in self.lex.speech_verbs | {"comment", "elaborate"} and \
                not (inner and inner.recipients) and not prep_objects(inner_tok, "to"):
            return None  # "declined to comment": no refusal of anyone's request
        light = light_verb(tok, self.lex.words) if entry.pos == "NOUN" and self.licensed(tok, entry) else None
        if light is not None:
            trigger.append(light.i)
        actors = self.actors(tok, entry, index, light)
        answered = entry.role in ("reject", "accept") and inner_tok is not None and \
            inner_tok.pos_ in ("NOUN", "PROPN")  # "rejected Chile's request": Chile is answered
        if not actors and inner is not None and entry.role != "request" and not answered:
            actors = inner.actors  # subject control: "agreed to ..." shares its subject
        recipients = self.recipients(tok, entry, index, light, comm, inner, inner_tok, actors)
        where = place_of(tok, index) if etype in DOMESTIC_TYPES else None  # where it happened
        if etype in DOMESTIC_TYPES:
            authority = etype == "COERCE" or (
                etype in AUTHORITY_TYPES and any(r.sector in LAW_SECTORS for m in actors for r in m.resolved))
            actors, recipients = self.default_domestic(actors, recipients, where, authority=authority)
        recipients = [r for r in recipients if r.has_actor() and not _same_party(r, actors)
                      and not _within(r, actors)]
        visitors = [m for o in children(tok, "nsubjpass" if is_passive(tok) else "dobj")
                    for m in index.for_token(o, deep=False) if m.has_actor()] if entry.hosted else []
        if visitors and actors:
            # "Trump hosted Erdogan", "Wang was received by Putin": the visitor is the actor and
            # the host the recipient (PLOVER manual, CONSULT: "the visitor will always be coded
            # as the actor"); not where what is hosted is an event ("host a meeting between")
            actors, recipients = visitors, actors
            cameo = entry.hosted_cameo or cameo
        if actors and not any(a.has_actor() for a in actors) and etype in DOMESTIC_TYPES:
            # an uncoded actor ("fundamentalists continued their hunger strike") may still be
            # coded by a purpose clause folded in later (see absorb); keep it until then
            uncoded = [a for a in actors if a.resolved[0].kind in UNCODED_KINDS | {"person"}]
        else:
            uncoded = []
        actors = [a for a in actors if a.has_actor()] or uncoded
        if entry.imported and not entry.constrained():
            # the weakest evidence does not rest on the weakest resolution: "it contained"
            actors = [a for a in actors if not (a.kind == "pronoun"
                                                and a.text.lower() in self.lex.words.thing_pronouns)]
        parties = {r.code or r.text for m in actors for r in m.resolved}
        if entry.weak() and inner is None and \
                len({r.code for m in actors + recipients for r in m.resolved if r.code}) < 2 and not (
                    etype in DOMESTIC_TYPES and any(r.resolved[0].kind in ("group", "person") for r in recipients)):
            return None  # a bare dictionary verb ("take", "need", "argue") is evidence of an
            # event only when it links two coded parties (or, at home, a state and its people:
            # "the president bowed to the protesters"); its patterns are evidence themselves
        if entry.min_args >= 2 and len(parties | {r.code for m in recipients for r in m.resolved}) < entry.min_args:
            return None  # "recognized Kosovo" is an event; "recognized the problem" is not
        if actors and not recipients and len(parties) < 2 and (
                entry.reciprocal and entry.role is None or etype in REQUIRES_RECIPIENT):
            return None  # "the cabinet met": no second party; aid with no one aided
        verb = light if light is not None else tok
        if not actors and etype in AUTHORITY_TYPES and is_passive(verb) and not children(verb, "agent"):
            # "a US national has been put under investigation in Italy": the authorities there
            place = place_of(verb, index) or place_of(tok, index)
            if place is not None and place.resolved[0].code:
                actors = [self.authorities(sent, place)]
        if not actors:
            weapon = weapon_subject(tok, self.lex.words)
            place = place_of(tok, index) if weapon is not None else None
            if weapon is None or place is None:
                return None
            actors = [self.unidentified(sent, weapon, place)]
        if entry.joint is not None and not recipients and \
                len({r.code for m in actors for r in m.resolved if r.code}) >= 2:
            # "Chinese and Russian warships held naval exercises": done together, a joint one
            etype, cameo, mode = entry.joint.type, entry.joint.cameo, list(entry.joint.mode)
        frame = Frame(sentence=sent, trigger=sorted(set(trigger)), type=etype, cameo=cameo,
                      mode=mode, context=self.context(cameo), actors=actors,
                      recipients=recipients, anchor=tok.i if light is None else light.i,
                      comm=comm if entry.role is None else None, role=entry.role,
                      home=self.home_target(actors, where) if etype in HOME_TARGET_TYPES else None)
        if inner_tok is not None:
            consumed.add(inner_tok.i)
        if entry.object:  # "lifted the blockade": the object is this event's, not one of its own
            wanted = self.words_of(entry, "object")
            consumed.update(o.i for o in self.objects(tok) if _forms_of([o]) & wanted)
        return frame

    def cancelled(self, tok: Token | None) -> Recode | None:
        """What the event noun ``tok`` becomes when a verb cancels it ('eased the curfew')."""
        if tok is None:
            return None
        entry = self.match(tok, governed=True)
        return entry.cancelled if entry is not None else None

    def inner_frame(self, sent: Sentence, inner_tok: Token, index: MentionIndex,
                    comm_at: dict[int, CommFrame], consumed: set[int]) -> Frame | None:
        """The event a control verb governs: the verb itself, or a noun it makes an event
        ('agreed to undertake joint exercises', 'preparing a major offensive'), through
        aspectual verbs ('prepared to resume shelling')."""
        entry = self.match(inner_tok, governed=True)
        if entry is not None:
            found = self.build(sent, inner_tok, entry, index, comm_at, consumed)
            if found is None and inner_tok.pos_ in ("NOUN", "PROPN"):
                # "readying a spring offensive": the governed noun's type still recodes the chain
                found = _bare(sent, inner_tok, entry, self.context(entry.cameo or ""))
            return found
        if inner_tok.lemma_.lower() in self.lex.words.aspectual_verbs:
            for c in inner_tok.children:
                if c.dep_ in ("xcomp", "dobj") and c.i not in comm_at:
                    found = self.inner_frame(sent, c, index, comm_at, consumed)
                    if found is not None:
                        consumed.add(c.i)
                        found.trigger = sorted(set(found.trigger) | {inner_tok.i})
                        return found
        for obj in children(inner_tok, "dobj"):
            e2 = self.match(obj, governed=True)
            if e2 is not None and e2.pos == "NOUN":
                consumed.add(obj.i)
                return self.build(sent, obj, e2, index, comm_at, consumed) or _bare(
                    sent, obj, e2, self.context(e2.cameo or ""))
        return None

    def disapproval(self, sent: Sentence, tok: Token, index: MentionIndex) -> Frame | None:
        """'The minister said Belarus's conduct was unacceptable', 'the envoy described the
        Polish plan as a disaster': a speaker's judgement of another party in words of
        disapproval (words.yaml) is an accusation (CAMEO 111) of the party the judged clause
        names."""
        w = self.lex.words
        if tok.pos_ not in ("VERB", "AUX"):
            return None
        lemma = tok.lemma_.lower()
        if lemma in self.lex.speech_verbs:
            judged = children(tok, "ccomp")
        elif lemma in w.judging_verbs:  # "described X as Y"
            judged = [tok]
        else:
            return None
        for clause in judged:
            words = [t for t in clause.subtree if t.i != tok.i or clause is tok]
            if not any(t.lemma_.lower() in w.disapproval_words or t.lower_ in w.disapproval_words
                       for t in words):
                continue
            if any(t.dep_ == "neg" for t in clause.children):
                continue  # "said the talks were not a failure"
            if clause is not tok and self.match(clause) is not None:
                continue  # "froze the assets of illegal traders, the ministry said": an event
            speakers = [m for s in subject_tokens(tok, words=w) for m in index.for_token(s)]
            speakers = [m for m in speakers if m.has_actor()]
            if not speakers:
                continue
            judged_parties = [m for t in words if t.dep_ in ("nsubj", "nsubjpass", "poss", "dobj", "amod",
                                                             "compound", "pobj")
                              for m in index.for_token(t)
                              if m.has_actor() and not _same_party(m, speakers) and not _within(m, speakers)]
            if not judged_parties:
                continue
            # the party the judged words say acts ("... an example of how China uses the law
            # to suppress freedoms") before one they only name ("Lai's trial")
            judged_parties.sort(key=lambda m: not (sent.doc[m.head].dep_ == "nsubj"
                                                   and sent.doc[m.head].head.pos_ == "VERB"))
            return Frame(sentence=sent, trigger=[tok.i], type="ACCUSE", cameo="111", mode=[],
                         context=self.context("111"), actors=speakers,
                         recipients=list(dict.fromkeys(judged_parties[:1])), anchor=tok.i)
        return None

    def obligation(self, sent: Sentence, tok: Token, index: MentionIndex,
                   consumed: set[int]) -> Frame | None:
        """'The Bush administration declared that China must drop barriers': a demand."""
        if tok.lemma_.lower() not in self.lex.speech_verbs or tok.pos_ not in ("VERB", "AUX"):
            return None
        w = self.lex.words
        for clause in children(tok, "ccomp"):
            act = clause  # what the addressee is to do
            if not any(a.lower_ in w.obligation_auxiliaries for a in children(clause, "aux")):
                # "said Washington needs to act", "said Greece has to withdraw its troops"
                infinitive = next((x for x in children(clause, "xcomp") if any(
                    a.dep_ == "aux" and a.lower_ == "to" for a in x.children)), None) \
                    if clause.lemma_.lower() in w.obligation_verbs else None
                if infinitive is None:
                    continue
                act = infinitive
            speakers = [m for s in subject_tokens(tok, words=self.lex.words) for m in index.for_token(s)]
            addressees = [m for s in children(clause, "nsubj") for m in index.for_token(s)]
            speakers, addressees = self.default_domestic(speakers, addressees, None)
            speakers = [m for m in speakers if m.has_actor()]
            # "Turkey said it must defend its borders": a resolve, not a demand
            addressees = [m for m in addressees if m.has_actor() and not _same_entity(m, speakers)]
            if not speakers or not addressees:
                continue
            chain = self.lex.chains.get("request")
            etype, cameo, mode = "REQUEST", "100", []
            trigger = sorted({tok.i, clause.i, act.i})
            inner_entry = self.match(act)
            if chain is not None and inner_entry is not None and inner_entry.type:
                key = f"{inner_entry.type}:{inner_entry.mode[0]}" if inner_entry.mode else inner_entry.type
                out = chain.by_type.get(key) or chain.by_type.get(inner_entry.type)
                if out is not None:
                    cameo = out.cameo or cameo
                    mode = list(out.mode or [])
            consumed.update({clause.i, act.i})
            return Frame(sentence=sent, trigger=trigger, type=etype, cameo=cameo, mode=mode,
                         context=self.context(cameo), actors=speakers, recipients=addressees,
                         anchor=act.i, role="request")
        return None

    def context(self, cameo: str) -> list[str]:
        row = self.ontology.cameo.get(cameo)
        if row is None or not row.context:
            return []
        return [c.strip() for c in row.context.replace(";", ",").split(",") if c.strip()]

    def governed(self, tok: Token, entry: Trigger) -> Token | None:
        """The event a control word governs: its infinitive, clause, gerund or object noun."""
        clauses = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")]
        if clauses:
            # "agreed to re-open": a split hyphenated verb; the part with dependents is the verb
            return max(clauses, key=lambda c: (sum(1 for g in c.children if g.dep_ != "punct"), c.i))
        for c in tok.children:
            if c.dep_ == "advcl" and entry.prep and any(
                    m.dep_ == "mark" and m.lower_ == entry.prep for m in c.children):
                return c
            if c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                return c  # "demanded the parties to allow", "have sworn to fight": misparsed purpose
        for c in tok.children:  # "calls for the release of", "refusal to accept"
            if c.dep_ == "acl" and c.pos_ == "VERB":
                return c
        if entry.prep:
            objs = [g for c in tok.children if c.dep_ in ("prep", "prt") and c.lower_ == entry.prep
                    for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                return objs[0]
        for c in tok.children:
            if c.dep_ in ("dobj", "pobj") and c.pos_ in ("NOUN", "PROPN"):
                return c
        for c in tok.children:
            if c.dep_ == "prep":
                for g in c.children:
                    if g.dep_ in ("pcomp", "pobj") and (g.pos_ == "VERB" or g.tag_ == "VBG"):
                        return g
        for c in tok.children:  # "agreed to a six-month extension of the mandate"
            if c.dep_ == "prep" and c.lower_ in ("to", "for", "on"):
                for g in c.children:
                    if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN"):
                        return g
        if tok.pos_ == "NOUN" and tok.head.pos_ in ("VERB", "AUX"):
            # "reiterated its demand that Israel ease restrictions"
            for c in tok.head.children:
                if c.dep_ == "ccomp" and any(m.lower_ == "that" for m in c.children if m.dep_ == "mark"):
                    return c
        return None

    @staticmethod
    def comm_object(tok: Token, comm_at: dict[int, CommFrame]) -> CommFrame | None:
        """The communication a verb acts on: 'accept a letter', 'accept it'."""
        for c in tok.children:
            if c.dep_ in ("dobj", "nsubjpass") and c.i in comm_at:
                return comm_at[c.i]
        return None

    # -- arguments ------------------------------------------------------------------------------
    def actors(self, tok: Token, entry: Trigger, index: MentionIndex,
               light: Token | None = None) -> list[Mention]:
        if entry.pos == "NOUN":
            out: list[Mention] = []
            uncoded: list[Mention] = []
            for t in own_actor_tokens(tok, self.noun_actor_slots(entry)):
                out += index.for_token(t)
            for c in tok.children:
                if c.dep_ in ("amod", "compound", "nmod"):
                    m = index.at(c)
                    if m is not None and m.has_actor():
                        out.append(m)
                    elif m is not None and m.kind in UNCODED_KINDS:
                        uncoded.append(m)
            if not out and light is not None:
                for t in subject_tokens(light, words=self.lex.words):
                    out += index.for_token(t, keep_uncoded=True)
            if not out:
                m = index.at(tok)
                if m is not None and m.kind == "description" and m.has_actor():
                    out.append(m)
            return out or uncoded
        out = []
        for t in subject_tokens(tok, passive_actor=entry.type == "RETREAT", words=self.lex.words):
            out += index.for_token(t, keep_uncoded=True)
        return out

    def recipients(self, tok: Token, entry: Trigger, index: MentionIndex, light: Token | None,
                   comm: CommFrame | None, inner: Frame | None, inner_tok: Token | None,
                   actors: list[Mention]) -> list[Mention]:
        if comm is not None and entry.role in ("reject", "accept") and comm.effective_authors:
            return list(comm.effective_authors)
        if entry.role in ("reject", "accept"):
            holders = self.holders(tok, index, actors)
            if not holders and inner is not None and inner_tok is not None and inner_tok.pos_ in ("NOUN", "PROPN"):
                holders = [m for m in inner.actors if not _same_party(m, actors)]
            if holders:  # "rejected the allegations made by Chad", "Chile's request"
                return holders
        out: list[Mention] = []
        hosts = [tok] + ([light] if light is not None else [])
        if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN"):
            hosts.append(tok.head)  # "a mediation effort between the Emirates and Saudi Arabia"
        if entry.role == "request" and inner_tok is not None:
            # "demanded that the US cancel the sale": the clause's subject is asked;
            # "demanded the withdrawal of Serbian forces": who is to act is asked
            asked = [m for s in children(inner_tok, "nsubj")
                     for m in index.for_token(s, keep_uncoded=True) if not _same_party(m, actors)]
            if not asked and inner is not None:
                asked = [m for m in inner.actors if not _same_party(m, actors)]
            if asked:
                return asked
        places = [(slot, hosts) for slot in entry.recipient]
        if light is not None:  # "will give Malawi a loan": whom the light verb gives it to
            places += [(slot, [light]) for slot in ("dative", "iobj") if slot not in entry.recipient]
        for slot, slot_hosts in places:
            for host in slot_hosts:
                for t in slot_tokens(host, slot, self.lex.words):
                    for m in index.for_token(t, keep_uncoded=True):
                        if m not in out and not _same_party(m, actors) and \
                                not _same_state(m, actors, tok.doc, self.lex.words.locative_preps):
                            out.append(m)
            if out:
                return out
        for c in tok.children:
            # "If Tehran enriches uranium, Washington will impose sanctions": the condition's
            # subject is whom the action is aimed at
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                         for m in c.children):
                out = [m for s in children(c, "nsubj") for m in index.for_token(s)
                       if not _same_party(m, actors)]
                if out:
                    return out
        if inner_tok is None:
            if entry.type in ("ASSAULT", "COERCE", "MOBILIZE"):
                # the victims of a purpose clause, else the country where it happened
                found = purpose_parties(tok, index, actors)
                if not found:
                    place = place_of(tok, index)
                    if place is not None and not _same_party(place, actors):
                        found = [place]
                return found
            if entry.pos == "NOUN":  # "their demands for freedom from the government"
                q = index.qualifier(tok, 2)
                if q is not None and not _same_party(q, actors):
                    return [q]
            if not out and entry.type in STATEMENT_TYPES and entry.pos == "VERB":
                # "denounced Turkey's violation of its airspace": whose act is judged
                out = self.holders(tok, index, actors)
            return out
        if inner is not None and inner.recipients:
            return list(inner.recipients)
        if entry.reciprocal and len({r.code for a in actors for r in a.resolved}) > 1:
            return []  # "South Korea and Japan agreed to ...": the parties are the actors
        # the governed clause, then the rest of the control verb's clause ("have sworn to
        # fight until they gain control of villages near Macedonia's border")
        for found in (clause_parties(inner_tok, index, actors, self.lex.words),
                      clause_parties(tok, index, actors, self.lex.words)):
            # "warned that Iran would respond": the actor's own state is not the one warned
            found = [m for m in found if not _same_state(m, actors, tok.doc, self.lex.words.locative_preps)]
            if found:
                return found
        return []

    @staticmethod
    def holders(tok: Token, index: MentionIndex, actors: list[Mention]) -> list[Mention]:
        """Whose is the thing a rejection or an acceptance answers: the possessor of its object
        ('Chile's request') or the agent that made it ('the charges made by Chad',
        'the offer from Japan')."""
        found: list[Mention] = []
        for o in children(tok, "dobj", "nsubjpass"):
            # "a Venezuelan peace plan", "the US proposal": whose plan it is
            heads = children(o, "poss") + prep_objects(o, "from") + prep_objects(o, "by") + \
                children(o, "amod", "compound", "nmod")
            for acl in children(o, "acl"):
                heads += [p for ag in children(acl, "agent") for p in children(ag, "pobj")]
            found += [m for h in heads for m in index.for_token(h)
                      if m.has_actor() and not _same_party(m, actors)]
        return found

    @staticmethod
    def default_domestic(actors: list[Mention], recipients: list[Mention],
                         place: Mention | None = None,
                         authority: bool = False) -> tuple[list[Mention], list[Mention]]:
        """A group the text gives no country takes the country where the event happened, or
        else the other side's: 'Serb forces killed three ethnic Albanians in southern Serbia',
        'fundamentalists demanded the resignation of the Algerian president'. With
        ``authority`` (an arrest, a charge, a sentence), a person the text gives no country
        is one under the acting state's jurisdiction: 'a Chilean court sentenced Ortega'."""
        state = next((r.code for m in actors for r in m.resolved
                      if r.code and (r.kind == "country" or r.sector in STATE_SECTORS)), None)
        here = [place.resolved[0].code] if place is not None and place.resolved[0].code else []
        # every party a description stands for: "both sides" is two countries
        a_codes = here + [r.code for m in actors if m.has_actor() for r in m.resolved]
        r_codes = here + [r.code for m in recipients if m.has_actor() for r in m.resolved]

        def fill(ms: list[Mention], codes: list[str | None]) -> list[Mention]:
            # siblings first: "between the Colombian government and the rebels"
            own = [m.resolved[0].code for m in ms if m.has_actor()]
            others = {c for c in codes if c}
            if not own and len(others) > 1 and not here:
                return ms  # "diplomats urged both sides": no one country to give them
            code = next((c for c in own + codes if c), None)
            out = []
            for m in ms:
                if not m.has_actor() and code:
                    r = m.resolved[0]
                    # an office-holder of no stated country serves at home ("Judge Alejandro
                    # Rivera", "President Dos Santos"); a cleric or a commentator need not
                    if r.kind in UNCODED_KINDS and r.sector or r.kind == "person" and r.sector in HOME_SECTORS:
                        m = _coded(m, code)
                out.append(m)
            return out

        recipients = fill(recipients, a_codes)
        if authority and state:
            recipients = [_coded(m, state) if not m.has_actor() and m.resolved[0].kind == "person" else m
                          for m in recipients]
        return fill(actors, r_codes), recipients

    def home_target(self, actors: list[Mention], place: Mention | None) -> Mention | None:
        """The country a domestic act with no stated target is aimed at: a strike called off,
        a curfew shortened, guerrillas demobilized, a permit denied all happen between a
        state and its own people, and are coded as the country's own (CAMEO's X>X). Only
        where every actor is of one country, and the act is placed there or its actors are
        no state body (rebels, unions, protesters) whose act could reach abroad. The
        evidence is the text that names the country: the place, or the actor's own words."""
        found = {(r.code, r.sector) for m in actors for r in m.resolved if r.code}
        codes = {c for c, _ in found}
        if len(codes) != 1:
            return None
        code = codes.pop()
        if not self.states(code):
            return None
        placed = place is not None and place.resolved[0].code == code
        nonstate = all(sector not in STATE_SECTORS for _, sector in found) and all(
            r.kind != "country" for m in actors for r in m.resolved)
        if not (placed or nonstate and place is None):
            return None
        src = place if place is not None and placed else actors[0]
        return replace(src, kind="country", code=code, sector=None, name=None, key=f"country:{code}",
                       antecedents=[], members=[], modifier=False, title=None, via=None)

    @staticmethod
    def authorities(sent: Sentence, place: Mention) -> Mention:
        """The unnamed authorities of a place (sector GOV), evidenced by the place's span."""
        return replace(place, kind="group", sector="GOV", name=None, key=None, antecedents=[])

    @staticmethod
    def unidentified(sent: Sentence, weapon: Token, place: Mention) -> Mention:
        """An attacker known only by its weapon, coded to the country where it struck (UAF)."""
        s, e = weapon.left_edge.i, weapon.i + 1
        a, b = sent.char_span(s, e)
        return Mention(sentence=sent.index, start=s, end=e, head=weapon.i, text=sent.doc[s:e].text,
                       char_start=a, char_end=b, kind="group", code=place.resolved[0].code,
                       sector="UAF")


def settle_home_targets(frames: list[Frame]) -> None:
    """A domestic act still without a target once every stage has had its say (recoding,
    absorbed purposes, answered charges) is aimed at its actor's own country."""
    for f in frames:
        if not f.recipients and f.home is not None and f.type in HOME_TARGET_TYPES:
            f.recipients = [f.home]


def _coded(m: Mention, code: str) -> Mention:
    """``m`` given a country code, through its antecedent where it is a pronoun ('he'
    standing for a person the text gives no country)."""
    r = m.resolved[0]
    return replace(m, code=code) if r is m else replace(m, antecedents=[replace(r, code=code)])


def _same_party(m: Mention, others: list[Mention]) -> bool:
    """Is ``m`` one of ``others``, directly or through a pronoun ('its labour market')?"""
    r = m.resolved[0]
    for o in others:
        ro = o.resolved[0]
        if m is o or r is ro or (r.key and r.key == ro.key):
            return True
        if m.kind == "pronoun" and r.code and r.code == ro.code:
            return True
    return False


def _same_entity(m: Mention, others: list[Mention]) -> bool:
    """Does ``m`` stand for the very entity one of ``others`` names ('Turkey ... it'), not
    merely one of the same country ('activists of the party ... he', its leader)?"""
    r = m.resolved[0]
    for o in others:
        ro = o.resolved[0]
        if r is ro or (r.key and r.key == ro.key) or (
                r.kind == ro.kind == "country" and r.code == ro.code):
            return True
    return False


def _forms_of(toks: list[Token]) -> set[str]:
    """The lower-case lemmas and forms of some tokens, which entries' word lists match."""
    return {f for t in toks for f in (t.lemma_.lower(), t.lower_)}


def _within(m: Mention, others: list[Mention]) -> bool:
    """Is ``m`` part of one of ``others`` ('EU' in 'the EU foreign policy chief')?"""
    return any(o is not m and o.sentence == m.sentence and o.start <= m.start and m.end <= o.end
               for o in others)


def _same_state(m: Mention, actors: list[Mention], doc: Doc, locative: frozenset[str]) -> bool:
    """Is ``m`` the state an official actor speaks for (Araghchi and Iran)? A capital named
    as a place ("extend the curfew in Abidjan") is where its people are, not the state."""
    r = m.resolved[0]
    if r.kind != "country" or not r.code:
        return False
    if m.kind != "pronoun" and 0 <= m.head < len(doc) and doc[m.head].head.lower_ in locative:
        return False
    return any(a.resolved[0].code == r.code and a.resolved[0].sector in (None, "GOV", "MIL")
               for a in actors)


def _governed_by(tok: Token, heads: set[int]) -> bool:
    """Is ``tok`` in a purpose, participle or prepositional clause of one of ``heads``?"""
    cur = tok
    for _ in range(4):
        purpose = cur.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)
        if cur.head.i == cur.i or cur.dep_ in ("ccomp", "conj", "parataxis", "relcl") and not purpose:
            return False
        cur = cur.head
        if cur.i in heads:
            return True
    return False


def _bare(sent: Sentence, tok: Token, entry: Trigger, context: list[str]) -> Frame | None:
    """A governed noun event with no arguments of its own: its type still recodes the chain."""
    if entry.type is None or entry.cameo is None:
        return None
    return Frame(sentence=sent, trigger=[tok.i], type=entry.type, cameo=entry.cameo,
                 mode=list(entry.mode), context=context, actors=[], recipients=[], anchor=tok.i)


class _View:
    """What the constraints of a token's entries look at, each worked out once, on demand."""

    def __init__(self, tok: Token, frames: FrameExtractor) -> None:
        self.tok, self.frames = tok, frames

    @cached_property
    def particles(self) -> set[str]:
        tok = self.tok
        # "stepped down", "walked out": the small model often reads the particle as an adverb
        words = self.frames.lex.words.verb_particles
        return {particle(tok) or ""} | {
            c.lower_ for c in tok.children if c.dep_ == "prep"
            or c.dep_ == "advmod" and c.i == tok.i + 1 and c.lower_ in words}

    @cached_property
    def preps(self) -> set[str]:
        out: set[str] = set()
        for c in self.tok.children:
            if c.dep_ in ("prep", "prt", "agent"):
                out.add(c.lower_)
            elif c.dep_ in ("advcl", "ccomp"):
                out.update(m.lower_ for m in c.children if m.dep_ == "mark")
        return out

    @cached_property
    def objects(self) -> list[Token]:
        return self.frames.objects(self.tok)

    @cached_property
    def object_words(self) -> set[str]:
        """Lemmas and forms of the objects and of the words that qualify them."""
        return _forms_of(self.objects) | {
            c.lower_ for o in self.objects for c in o.children if c.dep_ in ("compound", "amod")}
