"""Diplomatic communications: messages, letters, calls, invitations, gifts.

A communication is found by its noun ("a congratulatory message", "a letter
from President Trump", "a phone call") or verb ("phoned"), and read through
the verbs that move it: who wrote it (possessor, "from", the subject of
"send" or "draft"), to whom ("to", "intended for", the subject of "receive"
or "refuse"), through whom (the agent of "conveyed by", an envoy, diplomats
who received or refused it on the addressee's behalf, "via"), how far it got
(drafted: planned; sent; attempted; conveyed or received: delivered;
refused), and on what occasion. "The letter" or "it" with nothing of its own
points back to the communication the article mentioned before. The words these
rules look for ("intended for", "on the anniversary of", "a phone call") are the
lexicon's word lists (``words.yaml``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from .lexicon import CarrierVerb, CommKind, Lexicon
from .mentions import Mention, MentionIndex
from .nlp import Sentence
from .records import STATUS_ORDER
from .syntax import children, is_passive, particle, prep_objects


@dataclass(slots=True, eq=False)
class CommFrame:
    """One mention of a communication in one sentence."""

    sentence: Sentence
    noun: int | None
    kind: CommKind
    kind_explicit: bool
    authors: list[Mention] = field(default_factory=list)
    addressees: list[Mention] = field(default_factory=list)
    channel: list[Mention] = field(default_factory=list)
    status: str = "sent"
    occasion: str | None = None
    occasion_span: tuple[int, int] | None = None
    occasion_date: str | None = None  # MM-DD of a dated occasion
    occasion_code: str | None = None
    anaphoric: bool = False
    antecedent: CommFrame | None = None
    trigger: list[int] = field(default_factory=list)
    anchor: int = 0
    past: bool = False

    def root(self) -> CommFrame:
        c = self
        seen = 0
        while c.antecedent is not None and seen < 50:
            c = c.antecedent
            seen += 1
        return c

    @property
    def effective_authors(self) -> list[Mention]:
        return self.authors or self.root().authors


def furthest(a: str, b: str) -> str:
    return a if STATUS_ORDER.index(a) >= STATUS_ORDER.index(b) else b


class CommunicationFinder:
    """Finds communication mentions in a sentence; keeps the document's earlier ones."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self.words = lexicon.words
        self.kinds = sorted(lexicon.comm_kinds, key=lambda k: -k.priority)
        self._heads: dict[str, list[tuple[CommKind, list[str]]]] = {}
        for k in lexicon.comm_kinds:
            for n in k.nouns:
                words = n.lower().split()
                self._heads.setdefault(words[-1], []).append((k, words[:-1]))
        self._verb_kinds = {v.lower(): k for k in lexicon.comm_kinds for v in k.verbs}
        self.generic = next((k for k in lexicon.comm_kinds if k.kind == "message"), lexicon.comm_kinds[0])

    # -- recognising ---------------------------------------------------------------------
    def noun_kind(self, tok: Token) -> tuple[CommKind, bool] | None:
        if tok.pos_ not in ("NOUN", "PROPN"):
            return None
        lemma = tok.lemma_.lower()
        cands = self._heads.get(lemma) or self._heads.get(tok.lower_)
        if not cands:
            return None
        mods = [c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod")]
        base: CommKind | None = None
        for kind, pre in sorted(cands, key=lambda kp: -len(kp[1])):
            if pre and all(w in mods for w in pre):
                base = kind
                break
            if not pre and base is None:
                base = kind
        if base is None:
            return None
        if lemma in self.words.ambiguous_comm_nouns and not self._confirmed(tok, base):
            return None
        purpose = self.purpose(tok)
        if purpose is not None and purpose.priority > base.priority and base.kind in (
                "letter", "message", "note verbale"):
            return purpose, True
        explicit = base.kind != "message" or bool(purpose) or lemma in self.words.explicit_message_nouns
        return base, explicit

    def _confirmed(self, tok: Token, kind: CommKind) -> bool:
        """Ambiguous nouns ('call', 'note') count only with a telling modifier or verb."""
        mods = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")}
        if tok.lemma_.lower() == "call":
            if mods & self.words.call_modifiers:
                return True
            if any(c.dep_ == "prep" and c.lower_ in ("for", "on") for c in tok.children):
                return False
            return bool(prep_objects(tok, "with")) and tok.head.lemma_.lower() in self.words.call_light_verbs
        if tok.lemma_.lower() == "note":
            return bool(mods & self.words.note_modifiers) or any(
                c.dep_ == "poss" for c in tok.children) or tok.head.lemma_.lower() in self.lex.carriers
        return tok.head.lemma_.lower() in self.lex.carriers or any(c.dep_ == "poss" for c in tok.children)

    def purpose(self, tok: Token) -> CommKind | None:
        words = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
        words |= {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
        for pobj in prep_objects(tok, "of"):
            words.add(pobj.lower_)
            words.add(pobj.lemma_.lower())
        left = tok.doc[tok.left_edge.i:tok.i].text.lower().replace(" - ", "-")
        for k in self.kinds:
            if any(m.lower() in words or ("-" in m and m.lower() in left) for m in k.modifiers):
                return k
        return None

    # -- extraction ----------------------------------------------------------------------------
    def find(self, sent: Sentence, mentions: list[Mention], earlier: list[CommFrame]) -> list[CommFrame]:
        index = MentionIndex([m for m in mentions if m.kind != "occasion"], self.words.relation_nouns)
        occasions = [m for m in mentions if m.kind == "occasion"]
        doc = sent.doc
        out: list[CommFrame] = []
        for tok in doc:
            found = self.noun_kind(tok)
            if found is not None:
                kind, explicit = found
                out.append(self.read_noun(sent, tok, kind, explicit, index, occasions,
                                          earlier + out))
                continue
            vk = self._verb_kinds.get(tok.lemma_.lower()) if tok.pos_ == "VERB" else None
            if vk is not None and self._call_verb(tok, index):
                out.append(self.read_verb(sent, tok, vk, index, occasions))
                continue
            if tok.lower_ in ("it", "them") and tok.dep_ in ("dobj", "nsubjpass"):
                cf = self.pronoun(sent, tok, index, earlier + out)
                if cf is not None:
                    out.append(cf)
        for cf in out:
            if not cf.effective_authors and cf.antecedent is None:
                cf.anaphoric = True
                cf.antecedent = self.antecedent(cf, earlier + [o for o in out if o is not cf
                                                               and o.sentence is cf.sentence
                                                               and (o.noun or 0) < (cf.noun or 0)])
        return out

    def _call_verb(self, tok: Token, index: MentionIndex) -> bool:
        """Is this verb itself a communication: 'phoned', 'called Putin', 'wrote to Kim',
        'spoke by phone with'?"""
        lemma = tok.lemma_.lower()
        if lemma in ("phone", "telephone"):
            return True
        if lemma in ("write", "speak", "talk"):
            by_phone = any(p.lemma_.lower() in self.words.phone_means
                           for p in prep_objects(tok, "by", "over", "via"))
            if lemma in ("speak", "talk"):
                return by_phone
            # "Trump wrote to Kim": a letter, when it names whom it was written to
            return not children(tok, "dobj") and any(
                (m := index.at(t)) is not None and m.has_actor() for t in prep_objects(tok, "to"))
        if particle(tok) or children(tok, "xcomp", "oprd", "ccomp", "attr"):
            return False
        if any(c.dep_ == "prep" and c.lower_ in ("for", "on", "off", "up") for c in tok.children):
            return False
        objs = children(tok, "dobj")
        return bool(objs) and all(
            (m := index.at(o)) is not None and m.kind in ("person", "title") for o in objs)

    def read_verb(self, sent: Sentence, tok: Token, kind: CommKind, index: MentionIndex,
                  occasions: list[Mention]) -> CommFrame:
        cf = CommFrame(sentence=sent, noun=tok.i, kind=kind, kind_explicit=True, status="delivered",
                       trigger=[tok.i], anchor=tok.i)
        for s in children(tok, "nsubj"):
            cf.authors += index.for_token(s)
        for o in children(tok, "dobj") + prep_objects(tok, "to", "with"):
            cf.addressees += index.for_token(o)
        for means in prep_objects(tok, "by", "over", "via"):  # "spoke by telephone with Zelensky":
            for o in prep_objects(means, "with", "to"):        # the small model hangs it on the means
                cf.addressees += index.for_token(o)
        if kind.kind not in ("phone call", "video call"):
            cf.status = "sent"
        self.occasion(cf, [tok], occasions)
        return cf

    def read_noun(self, sent: Sentence, tok: Token, kind: CommKind, explicit: bool,
                  index: MentionIndex, occasions: list[Mention],
                  earlier: list[CommFrame]) -> CommFrame:
        cf = CommFrame(sentence=sent, noun=tok.i, kind=kind, kind_explicit=explicit,
                       trigger=[tok.i], anchor=tok.i)
        definite = any(c.dep_ == "det" and c.lower_ in self.words.definite_determiners for c in tok.children)
        if definite and not _has_author_elsewhere(tok):
            # "The message was handed over by the ambassador": the message said before
            cf.antecedent = self.antecedent(cf, earlier)
            cf.anaphoric = cf.antecedent is not None
        cf.past = any(c.lower_ in self.words.past_modifiers for c in tok.children if c.dep_ == "amod")
        # the noun's own arguments
        for p in children(tok, "poss"):
            cf.authors += index.for_token(p)
        for t in prep_objects(tok, "from", "by"):
            cf.authors += index.for_token(t)
            self.addressed(t, cf, index)
            for a in prep_objects(t, "to"):  # "a letter from Trump to leader Kim Jong Un"
                cf.addressees += index.for_token(a)
        for t in prep_objects(tok, "of"):  # "a message of condolence to the king"
            for a in prep_objects(t, "to"):
                cf.addressees += index.for_token(a)
            for a in prep_objects(t, "from", "by"):  # "a message of greeting from the president"
                cf.authors += index.for_token(a)
        for c in tok.children:
            if c.dep_ == "compound":
                m = index.at(c)
                if m is not None and m.kind in ("person", "country") and m.has_actor():
                    cf.authors.append(m)
        for t in prep_objects(tok, "to", "for"):
            cf.addressees += index.for_token(t)
        self.addressed(tok, cf, index)
        for t in prep_objects(tok, "through", "via"):
            cf.channel += index.for_token(t)
        # the verbs that move it
        verbs = self.governing(tok, kind)
        hosts = [tok]
        proxies: list[Mention] = []
        statuses: list[str] = []
        for v, carrier, role_passive in verbs:
            hosts.append(v)
            cf.trigger.append(v.i)
            cf.anchor = v.i if cf.anchor == tok.i else cf.anchor
            statuses.append("refused" if self.refused_by_negation(v, carrier) else carrier.status)
            for place in prep_objects(v, "at"):  # "hand over the letter at North Korea's mission"
                cf.channel += [m for m in index.for_token(place) if m.kind in ("institution", "group")]
            subj = self.subject(v, role_passive, index)
            if role_passive and carrier.subject in ("author", "carrier") and tok.dep_ == "dobj" and tok.head.i == v.i:
                # "Trump was handed a letter from Kim", "Putin was sent a message": the passive
                # subject of a verb that keeps the communication as its object is its addressee
                for s in children(v, "nsubjpass"):
                    cf.addressees += index.for_token(s)
                for t in prep_objects(v, "from"):  # the small model hangs "from Kim" on the verb
                    if not cf.authors:
                        cf.authors += index.for_token(t)
            if carrier.subject == "author":
                if not cf.authors and not cf.anaphoric:
                    cf.authors += subj
                for t in prep_objects(v, "to", "with") + prep_objects(tok, "with") + [
                        d for c in children(v, "dative")
                                                  for d in (children(c, "pobj") or [c])]:
                    cf.addressees += index.for_token(t)
                for t in children(v, "iobj"):
                    cf.addressees += index.for_token(t)
            elif carrier.subject == "carrier":
                if not cf.authors and not cf.anaphoric and not _has_author_elsewhere(tok):
                    cf.authors += subj  # "Seoul delivered a letter": the sender carries it itself
                else:
                    cf.channel += [m for m in subj if m not in cf.authors]
                for t in prep_objects(v, "to") + [d for c in children(v, "dative")
                                                  for d in (children(c, "pobj") or [c])]:
                    cf.addressees += index.for_token(t)
                self.meeting_channel(v, cf, index)
            elif carrier.subject == "addressee":
                proxies += subj
                for t in prep_objects(v, "from"):
                    if not cf.authors:
                        cf.authors += index.for_token(t)
            for t in prep_objects(v, "through", "via"):
                cf.channel += index.for_token(t)
        if statuses:
            cf.status = self.combine(statuses)
        # who received or refused it: the addressee, or someone acting for them
        for m in _dedupe(proxies):
            if cf.addressees and not any(_same(m, a) for a in cf.addressees):
                cf.channel.append(m)
            elif m not in cf.addressees:
                cf.addressees.append(m)
        for m in list(cf.channel):
            if m.via is not None:
                pass
        self.occasion(cf, hosts, occasions)
        if not cf.authors and not cf.addressees and (definite or cf.past):
            cf.anaphoric = True
        cf.authors = _dedupe(cf.authors)
        cf.addressees = [m for m in _dedupe(cf.addressees) if m not in cf.authors]
        cf.channel = [m for m in _dedupe(cf.channel) if m not in cf.authors]
        return cf

    def addressed(self, tok: Token, cf: CommFrame, index: MentionIndex) -> None:
        """'a letter ... intended for Kim', 'addressed to the president'."""
        for t in tok.subtree:
            if t.lemma_.lower() in self.words.address_verbs and t.dep_ in ("acl", "relcl", "amod"):
                for o in prep_objects(t, "for", "to"):
                    cf.addressees += index.for_token(o)
            if t.dep_ == "relcl" and t.lemma_.lower() in self.lex.carriers and t.i != tok.i:
                for o in prep_objects(t, "to"):
                    cf.addressees += index.for_token(o)

    def governing(self, tok: Token, kind: CommKind | None = None) -> list[tuple[Token, CarrierVerb, bool]]:
        """The carrier verbs over the noun, innermost first: 'refused to accept', 'attempts to deliver'."""
        out: list[tuple[Token, CarrierVerb, bool]] = []
        cur = tok
        if tok.dep_ in ("dobj", "nsubjpass", "nsubj", "attr"):
            v = tok.head
        elif tok.dep_ == "pobj" and tok.head.head.pos_ == "VERB" and tok.head.lower_ in ("with", "about"):
            return out
        else:
            v = None
        # a relative clause on the noun: "a letter to send to Kim" (planned by the main verb)
        while v is not None and len(out) < 4:
            c = self.carrier(v, kind)
            if c is None:
                break
            out.append((v, c, is_passive(v)))
            cur = v
            nxt = v.head if v.dep_ in ("xcomp", "acl", "ccomp", "conj", "advcl", "relcl") else None
            if nxt is not None and nxt.pos_ == "NOUN" and self.carrier(nxt) is not None:
                out.append((nxt, self.carrier(nxt), False))  # type: ignore[arg-type]
                break
            v = nxt if nxt is not None and nxt.i != cur.i else None
        return out

    def carrier(self, v: Token, kind: CommKind | None = None) -> CarrierVerb | None:
        lemma = v.lemma_.lower()
        if lemma == "attempt" and v.pos_ == "NOUN":
            return next(iter(self.lex.carriers.get("attempt", [])), None)
        cands = self.lex.carriers.get(lemma, [])
        prt = particle(v)
        best = None
        for c in cands:
            if c.particle and c.particle != prt:
                continue
            if c.kinds and (kind is None or kind.kind not in c.kinds):
                continue
            if best is None or (c.particle and not best.particle):
                best = c
        return best

    @staticmethod
    def refused_by_negation(v: Token, carrier: CarrierVerb) -> bool:
        """'the diplomats would not take it': not receiving is refusing."""
        return carrier.subject == "addressee" and carrier.status == "delivered" and any(
            c.dep_ == "neg" for c in v.children)

    @staticmethod
    def combine(statuses: list[str]) -> str:
        """Innermost verb first; the controlling verbs say how far it really got."""
        status = statuses[0]
        for outer in statuses[1:]:
            if outer in ("refused", "attempted", "planned"):
                status = outer
        return status

    def subject(self, v: Token, passive: bool, index: MentionIndex) -> list[Mention]:
        if passive:
            agents = prep_objects(v, "by")
            out: list[Mention] = []
            for a in agents:
                out += index.for_token(a)
            return out
        for s in children(v, "nsubj"):
            return index.for_token(s)
        if v.dep_ in ("xcomp", "conj", "advcl") and v.head.pos_ in ("VERB", "AUX"):
            return self.subject(v.head, is_passive(v.head), index)
        return []

    def meeting_channel(self, v: Token, cf: CommFrame, index: MentionIndex) -> None:
        """'conveyed by the envoy when he met with officials of the Foreign Ministry'."""
        for c in v.children:
            if c.dep_ == "advcl" and c.lemma_.lower() in self.words.meeting_verbs:
                for o in prep_objects(c, "with") + children(c, "dobj"):
                    for m in index.for_token(o):
                        if not any(_same(m, a) for a in cf.addressees):
                            cf.channel.append(m)

    def occasion(self, cf: CommFrame, hosts: list[Token], occasions: list[Mention]) -> None:
        for host in hosts:
            for prep in host.children:
                if prep.dep_ != "prep" or prep.lower_ not in self.words.occasion_preps:
                    continue
                for pobj in children(prep, "pobj"):
                    span = (pobj.left_edge.i, pobj.right_edge.i + 1)
                    occ = next((o for o in occasions if span[0] <= o.start and o.end <= span[1]), None)
                    if occ is not None:
                        cf.occasion, cf.occasion_code = occ.name, occ.code
                        cf.occasion_date = occ.detail
                        cf.occasion_span = (occ.start, occ.end)
                        return
                    if pobj.lemma_.lower() in self.words.occasion_nouns and \
                            prep.lower_ in self.words.occasion_noun_preps:
                        words = [t.text for t in pobj.subtree if t.dep_ != "punct" and not (
                            t.dep_ == "det" and t.i == pobj.left_edge.i)]
                        cf.occasion = " ".join(words)
                        cf.occasion_span = span
                        return

    def pronoun(self, sent: Sentence, tok: Token, index: MentionIndex,
                earlier: list[CommFrame]) -> CommFrame | None:
        """'refused to accept it': it is the communication the article spoke of."""
        v = tok.head
        if self.carrier(v) is None:
            return None
        ante = self.antecedent(None, earlier)
        if ante is None:
            return None
        cf = CommFrame(sentence=sent, noun=tok.i, kind=ante.kind, kind_explicit=False,
                       anaphoric=True, antecedent=ante, trigger=[tok.i], anchor=tok.i)
        verbs = self.governing(tok)
        proxies: list[Mention] = []
        statuses = []
        for v2, carrier, passive in verbs:
            cf.trigger.append(v2.i)
            statuses.append("refused" if self.refused_by_negation(v2, carrier) else carrier.status)
            if carrier.subject == "addressee":
                proxies += self.subject(v2, passive, index)
            elif carrier.subject == "carrier":
                cf.channel += self.subject(v2, passive, index)
        if statuses:
            cf.status = self.combine(statuses)
            cf.anchor = verbs[0][0].i
        addressees = ante.addressees
        for m in _dedupe(proxies):
            if addressees and not any(_same(m, a) for a in addressees):
                cf.channel.append(m)
            else:
                cf.addressees.append(m)
        return cf

    def antecedent(self, cf: CommFrame | None, earlier: list[CommFrame]) -> CommFrame | None:
        for prior in reversed(earlier):
            root = prior.root()
            if not root.effective_authors:
                continue
            if cf is None:
                return root
            if cf.kind_explicit and root.kind.kind != cf.kind.kind and root.kind_explicit:
                continue
            if cf.addressees and root.addressees and not any(
                    _same(a, b) for a in cf.addressees for b in root.addressees):
                continue
            return root
        return None


def _has_author_elsewhere(noun: Token) -> bool:
    """Does the noun name its author itself ('Kim's message', 'a letter from Trump')?"""
    return any(c.dep_ == "poss" for c in noun.children) or bool(prep_objects(noun, "from", "by"))


def _same(a: Mention, b: Mention) -> bool:
    ra, rb = a.resolved[0], b.resolved[0]
    if ra is rb:
        return True
    if ra.key and ra.key == rb.key:
        return True
    if ra.kind == rb.kind == "person" and ra.name and ra.name == rb.name:
        return True
    return False


def _dedupe(ms: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for m in ms:
        if not any(m is o or _same(m, o) for o in out):
            out.append(m)
    return out
