"""Event frames: trigger words in the dependency parse, with their actor and recipient.

For each verb or noun the lexicon knows, the extractor picks the most
specific entry (particle, preposition, object and modifier constraints),
finds the actor (subject, passive agent, possessor, the subject of a light
verb such as "held talks", or the subject inherited down a verb chain) and
the recipient (the slots the entry names: object, "to", "with", "against"...),
and recodes chains of control verbs ("refused to accept", "agreed to
resume talks", "urged X to release") with the chain table. A frame is kept
only if some actor resolves to a code: a sentence that reports nothing
between political actors yields nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from .communication import CommFrame
from .lexicon import Lexicon, Trigger
from .mentions import Mention
from .nlp import Sentence
from .records import DateInfo
from .syntax import children, depth, is_passive, particle, prep_objects

GENERIC_LIGHT_VERBS = {
    "hold", "have", "conduct", "carry", "launch", "stage", "make", "pay", "issue", "impose",
    "sign", "announce", "begin", "start", "continue", "resume", "give", "take", "deliver",
    "offer", "extend", "express", "mount", "undertake", "lodge", "file", "declare",
}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
PARTITIVES = {"round", "series", "set", "wave", "number", "string", "spate", "flurry", "day", "week"}


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

    @property
    def trigger_text(self) -> str:
        doc = self.sentence.doc
        return " ".join(doc[i].text for i in sorted(self.trigger))


class MentionIndex:
    """Find the mention a token stands for."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = [m for m in mentions if not m.modifier and m.kind != "occasion"]
        self.by_head: dict[int, Mention] = {}
        self.covering: dict[int, Mention] = {}
        for m in self.mentions:
            self.by_head.setdefault(m.head, m)
            for i in range(m.start, m.end):
                cur = self.covering.get(i)
                if cur is None or (cur.end - cur.start) < (m.end - m.start):
                    self.covering[i] = m

    def at(self, tok: Token) -> Mention | None:
        return self.by_head.get(tok.i) or self.covering.get(tok.i)

    def for_token(self, tok: Token, deep: bool = True) -> list[Mention]:
        """Mentions for an argument token, its conjuncts, and (deep) what qualifies it."""
        out: list[Mention] = []
        todo = [tok, *(c for c in tok.conjuncts if c.i > tok.i)]
        seen_tok: set[int] = set()
        while todo:
            t = todo.pop(0)
            if t.i in seen_tok:
                continue
            seen_tok.add(t.i)
            m = self.at(t)
            if m is not None and m.kind in ("description", "title", "group"):
                # "his Japanese counterpart Shigeru Ishiba": the name in apposition is the party
                named = [self.at(c) for c in t.children if c.dep_ == "appos"]
                named = [x for x in named if x is not None and x.kind == "person" and x.has_actor()]
                if named:
                    m = named[0]
            if m is not None:
                out.append(m)
                out.extend(x for x in m.members if x not in out)
                # "The Republic of the Congo and Costa Rica": the conjunct hangs inside the name
                doc = t.doc
                for i in range(m.start, m.end):
                    todo.extend(c for c in doc[i].conjuncts if not m.start <= c.i < m.end and c.i > i)
                continue
            if t.lower_ in RELATIVE_PRONOUNS and t.head.dep_ == "relcl":
                m = self.at(t.head.head)
                if m is not None:
                    out.append(m)
                    continue
            if deep and t.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
                # "Haiti's efforts", "Palestinian homes", "leaders of the coalition",
                # "more than 100 Palestinians"
                for c in t.children:
                    if c.dep_ in ("poss", "compound", "amod", "nmod"):
                        m = self.at(c)
                        if m is not None:
                            out.append(m)
                            break
                else:
                    for pobj in prep_objects(t, "of", "from", "in"):
                        m = self.at(pobj)
                        if m is not None:
                            out.append(m)
                            break
        return [m for m in dict.fromkeys(out)
                if m.has_actor() or any(r.kind == "source" for r in m.resolved)]


class FrameExtractor:
    """Builds event frames for one parsed sentence."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self.ontology = lexicon.ontology

    def extract(self, sent: Sentence, mentions: list[Mention],
                comms: list[CommFrame]) -> list[Frame]:
        index = MentionIndex(mentions)
        comm_at = {c.noun: c for c in comms if c.noun is not None}
        doc = sent.doc
        frames: list[Frame] = []
        consumed: set[int] = set()
        for tok in sorted(doc, key=lambda t: (depth(t), t.i)):
            if tok.i in consumed or tok.i in comm_at:
                continue
            entry = self.match(tok)
            if entry is None:
                continue
            frame = self.build(sent, tok, entry, index, comm_at, consumed)
            if frame is not None:
                frames.append(frame)
        return frames

    # -- lexicon matching --------------------------------------------------------------
    def match(self, tok: Token) -> Trigger | None:
        pos = tok.pos_
        if pos == "PROPN" and tok.tag_ in ("NN", "NNS"):
            pos = "NOUN"
        cands = self.lex.triggers_for(tok.lemma_, pos)
        if not cands and pos == "NOUN":
            cands = self.lex.triggers_for(tok.lower_, pos)
        best: Trigger | None = None
        for e in cands:
            if not self.fits(tok, e):
                continue
            if best is None or e.specificity() > best.specificity():
                best = e
        return best

    def fits(self, tok: Token, e: Trigger) -> bool:
        if e.particle and particle(tok) != e.particle.lower():
            if not any(c.dep_ == "prep" and c.lower_ == e.particle.lower() for c in tok.children):
                return False
        if e.prep and not any(c.dep_ in ("prep", "prt", "agent") and c.lower_ == e.prep.lower()
                              for c in tok.children):
            return False
        if e.object:
            objs = self.objects(tok)
            wanted = {w.lower() for w in e.object}
            if not any(o.lemma_.lower() in wanted or o.lower_ in wanted
                       or any(c.lower_ in wanted for c in o.children if c.dep_ in ("compound", "amod"))
                       for o in objs):
                return False
        if e.modifier:
            wanted = {w.lower() for w in e.modifier}
            if not any(c.lower_ in wanted or c.lemma_.lower() in wanted
                       for c in tok.children if c.dep_ in ("amod", "compound", "nmod")):
                return False
        if e.pos == "NOUN" and e.light:
            light = self.light_verb(tok)
            if light is None and not self.own_actor_tokens(tok):
                return False
        return True

    def objects(self, tok: Token) -> list[Token]:
        objs = children(tok, "dobj", "attr", "oprd")
        if is_passive(tok):
            objs += children(tok, "nsubjpass")
        for c in tok.children:  # "put under investigation", "opened fire on"
            if c.dep_ == "prt":
                objs += children(tok, "dobj")
        # phrasal objects: "impose a naval blockade" → blockade; "open fire"
        return objs

    def light_verb(self, noun: Token) -> Token | None:
        # "held a new round of negotiations": look through the partitive noun
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in PARTITIVES:
            noun = noun.head.head
        h = noun.head
        if noun.dep_ in ("dobj", "nsubjpass", "attr", "pobj") and h.pos_ in ("VERB", "AUX"):
            if noun.dep_ == "pobj":
                h = h.head
                if h.pos_ not in ("VERB", "AUX"):
                    return None
            return h
        return None

    def own_actor_tokens(self, noun: Token) -> list[Token]:
        out = children(noun, "poss")
        out += prep_objects(noun, "by", "from")
        return out

    # -- frame building -------------------------------------------------------------------
    def build(self, sent: Sentence, tok: Token, entry: Trigger, index: MentionIndex,
              comm_at: dict[int, CommFrame], consumed: set[int]) -> Frame | None:
        trigger = [tok.i]
        etype, cameo, mode = entry.type, entry.cameo, list(entry.mode)
        status = "occurred"
        inner: Frame | None = None
        inner_tok: Token | None = None
        comm: CommFrame | None = None
        if entry.role:
            inner_tok = self.governed(tok, entry)
            if inner_tok is not None:
                comm = comm_at.get(inner_tok.i) or self.comm_object(inner_tok, comm_at)
                inner_entry = self.match(inner_tok) if comm is None or inner_tok.i not in comm_at else None
                if inner_entry is not None:
                    inner = self.build(sent, inner_tok, inner_entry, index, comm_at, consumed)
                    consumed.add(inner_tok.i)
                    if inner is not None and inner.comm is not None:
                        comm = inner.comm
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
                    return inner if inner.actors else None
                if inner is not None and comm is None:
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
        light = self.light_verb(tok) if entry.pos == "NOUN" else None
        if light is not None and (not entry.light or light.lemma_.lower() in entry.light
                                  or light.lemma_.lower() in GENERIC_LIGHT_VERBS):
            trigger.append(light.i)
        else:
            light = None
        actors = self.actors(tok, entry, index, light)
        if not actors and inner is not None:
            actors = inner.actors
        recipients = self.recipients(tok, entry, index, light, comm, inner)
        if not recipients and inner is not None and entry.role != "request":
            recipients = inner.recipients
        actors = [a for a in actors if a.has_actor()]
        recipients = [r for r in recipients if r.has_actor() and r not in actors]
        if not actors:
            return None
        if entry.reciprocal and len(actors) == 1:
            # "A met with B" keeps B as recipient; "A and B met" lists both as actors
            pass
        if entry.reciprocal and len(actors) > 1 and not recipients:
            recipients = []
        frame = Frame(sentence=sent, trigger=sorted(set(trigger)), type=etype, cameo=cameo,
                      mode=mode, context=self.context(cameo), actors=actors,
                      recipients=recipients, anchor=tok.i if light is None else light.i,
                      status=status, comm=comm if entry.role is None else None)
        if inner_tok is not None:
            consumed.add(inner_tok.i)
        return frame

    def context(self, cameo: str) -> list[str]:
        row = self.ontology.cameo.get(cameo)
        if row is None or not row.context:
            return []
        return [c.strip() for c in row.context.replace(";", ",").split(",") if c.strip()]

    def governed(self, tok: Token, entry: Trigger) -> Token | None:
        """The event a control verb governs: its infinitive, gerund or object noun."""
        for c in tok.children:
            if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX"):
                return c
        for c in tok.children:  # "calls for the release of", "refusal to accept"
            if c.dep_ == "acl" and c.pos_ == "VERB":
                return c
        if entry.prep:
            objs = prep_objects(tok, entry.prep)
            if objs:
                return objs[0]
        for c in tok.children:
            if c.dep_ in ("dobj", "pobj") and c.pos_ in ("NOUN", "PROPN"):
                return c
        for c in tok.children:
            if c.dep_ == "prep":
                for g in c.children:
                    if g.dep_ == "pcomp" and g.pos_ == "VERB":
                        return g
        return None

    def comm_object(self, tok: Token, comm_at: dict[int, CommFrame]) -> CommFrame | None:
        """The communication a verb acts on: 'accept a letter', 'accept it'."""
        for c in tok.children:
            if c.dep_ in ("dobj", "nsubjpass") and c.i in comm_at:
                return comm_at[c.i]
        return None

    # -- arguments ------------------------------------------------------------------------------
    def subject_tokens(self, tok: Token) -> list[Token]:
        if is_passive(tok):
            agents = prep_objects(tok, "by")
            if agents:
                return agents
        subj = children(tok, "nsubj", "csubj", "expl")
        subj = [s for s in subj if s.dep_ != "expl"]
        if subj:
            return subj
        if tok.dep_ in ("xcomp",) or (tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX")):
            head = tok.head
            if tok.dep_ == "xcomp":
                # object control: "urged Israel to withdraw", "invited Vietnam's leaders to visit"
                objs = children(head, "dobj")
                if objs:
                    return objs
            return self.subject_tokens(head)
        if tok.dep_ == "relcl":
            return [tok.head]
        if tok.dep_ == "advcl" and tok.tag_ in ("VBG", "VB"):
            return self.subject_tokens(tok.head)
        if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN") and tok.tag_ == "VBG":
            return [tok.head]
        return []

    def actors(self, tok: Token, entry: Trigger, index: MentionIndex,
               light: Token | None = None) -> list[Mention]:
        if entry.pos == "NOUN":
            out: list[Mention] = []
            for t in self.own_actor_tokens(tok):
                out += index.for_token(t)
            for c in tok.children:
                if c.dep_ in ("amod", "compound", "nmod"):
                    m = index.at(c)
                    if m is not None and m.has_actor():
                        out.append(m)
            if not out and light is not None:
                for t in self.subject_tokens(light):
                    out += index.for_token(t)
            if not out:
                m = index.at(tok)
                if m is not None and m.kind == "description" and m.has_actor():
                    out.append(m)
            return out
        out = []
        for t in self.subject_tokens(tok):
            out += index.for_token(t)
        return out

    def recipients(self, tok: Token, entry: Trigger, index: MentionIndex, light: Token | None,
                   comm: CommFrame | None, inner: Frame | None) -> list[Mention]:
        if comm is not None and entry.role in ("reject", "accept"):
            return list(comm.effective_authors)
        out: list[Mention] = []
        hosts = [tok] + ([light] if light is not None else [])
        for slot in entry.recipient:
            for host in hosts:
                for t in self.slot_tokens(host, slot):
                    for m in index.for_token(t):
                        if m not in out:
                            out.append(m)
            if out:
                break
        return out

    def slot_tokens(self, tok: Token, slot: str) -> list[Token]:
        if slot == "dobj":
            if is_passive(tok):
                return children(tok, "nsubjpass")
            objs = children(tok, "dobj")
            out = []
            for o in objs:
                out.append(o)
            return out
        if slot == "iobj":
            return children(tok, "iobj")
        if slot == "dative":
            out = []
            for c in children(tok, "dative"):
                pobjs = children(c, "pobj")
                out.extend(pobjs or [c])
            return out
        if slot == "poss":
            return children(tok, "poss")
        # a preposition: on the trigger, or on its object ("sanctions on Iran")
        objs = prep_objects(tok, slot)
        if not objs:
            for o in children(tok, "dobj"):
                objs += prep_objects(o, slot)
        return objs
