"""Who did it and to whom: the actor and recipient of a trigger in the parse.

Kept apart from the trigger logic in ``frames.py`` because every way of
finding an argument is a small rule about English syntax: the subject or the
passive agent; the subject a verb inherits down a chain ("agreed to
resume", "urged Israel to withdraw"); the possessor or "by"/"from" phrase of
a noun ("Kim's message", "a request from Manila"); the subject of a light
verb ("held talks"); the recipient slots a lexicon entry names; and, when a
control verb's own slots are empty, the parties named inside the clause it
governs ("threatened to cut off electricity to Nakhichevan").

The words the rules look for ("effort", "round of", "part of", "bombing") are the
lexicon's word lists (``words.yaml``); each function takes them as ``words``, the
bundled lists when it is not given.
"""

from __future__ import annotations

from spacy.tokens import Token

from .mentions import Mention, MentionIndex
from .syntax import children, is_passive, prep_objects
from .wordlists import WordLists, bundled_words


def _lists(words: WordLists | None) -> WordLists:
    return words if words is not None else bundled_words()


def __getattr__(name: str) -> frozenset[str]:
    """``GENERIC_LIGHT_VERBS``, the bundled list, for callers that do not pass a lexicon's."""
    if name == "GENERIC_LIGHT_VERBS":
        return bundled_words().generic_light_verbs
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def light_verb(noun: Token, words: WordLists | None = None) -> Token | None:
    """The verb that makes a noun an event: 'held talks', 'imposed sanctions',
    'launched a mediation effort'."""
    w = _lists(words)
    if noun.dep_ == "compound" and noun.head.lemma_.lower() in w.frame_nouns:
        noun = noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in w.partitives:
        noun = noun.head.head  # "held a new round of negotiations"
    h = noun.head
    if noun.dep_ == "pobj":  # "converging for a rally", "remained on alert"
        h = h.head
        return h if h.pos_ in ("VERB", "AUX") else None
    if noun.dep_ in ("dobj", "nsubjpass", "attr") and h.pos_ in ("VERB", "AUX"):
        return h
    return None


def partitive(tok: Token, words: WordLists | None = None) -> Token:
    """'part of a military aid program' → program; 'members of the banned movement' → movement."""
    if tok.lemma_.lower() in _lists(words).quantity_heads:
        for p in prep_objects(tok, "of"):
            return p
    return tok


def own_actor_tokens(noun: Token, slots: tuple[str, ...] = ("poss", "by", "from")) -> list[Token]:
    """A noun's own agent: possessor, 'by X', 'from X' ('of X' for 'the withdrawal of X')."""
    out = children(noun, "poss") if "poss" in slots else []
    return out + prep_objects(noun, *(s for s in slots if s != "poss"))


def subject_tokens(tok: Token, object_control: bool = True, passive_actor: bool = False,
                   words: WordLists | None = None) -> list[Token]:
    """The tokens that stand for the subject of ``tok``, explicit or inherited.

    ``passive_actor``: for verbs of self-directed action ("were demobilized", "were
    withdrawn") a passive subject with no agent is the actor."""
    if is_passive(tok):
        agents = prep_objects(tok, "by")
        if agents:
            return agents
        for p in tok.children:  # "has been accused of taking bribes by prosecutors": the small
            # model hangs the agent on the gerund; a gerund has no agent of its own
            for g in p.children if p.dep_ == "prep" else ():
                if g.dep_ == "pcomp" and g.tag_ == "VBG" and (agents := prep_objects(g, "by")):
                    return agents
        if passive_actor:
            return children(tok, "nsubjpass")
    subj = [s for s in children(tok, "nsubj", "csubj")]
    if subj:
        # "The Red Cross operating in Iraq said": a participle parsed as the subject
        return [next((c for c in children(s, "nsubj")), s) if s.pos_ == "VERB" else s for s in subj]
    if tok.dep_ == "acomp" or (tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "xcomp", "ROOT")):
        return subject_tokens(tok.head, words=words) if tok.head.i != tok.i else []
    if tok.dep_ in ("xcomp",) or (tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX")):
        head = tok.head
        if tok.dep_ == "xcomp" and object_control:
            # object control: "urged Israel to withdraw", "invited Vietnam's leaders to visit"
            objs = children(head, "dobj")
            if objs:
                return objs
        if tok.dep_ == "xcomp" and is_passive(head) and not prep_objects(head, "by"):
            # raising: "Putin is expected to visit", "the talks are set to resume"
            subj = children(head, "nsubjpass")
            if subj:
                return subj
        if tok.dep_ == "conj" and is_passive(head) and not is_passive(tok):
            # "X has been indicted by the court and will resign": X resigns, not the court
            subj = children(head, "nsubjpass")
            if subj:
                return subj
        return subject_tokens(head, words=words)
    if tok.dep_ == "relcl":
        # "a teacher who had been imprisoned in Russia": the antecedent suffered the act
        return [] if is_passive(tok) and not passive_actor else [tok.head]
    if tok.dep_ == "advcl" and tok.tag_ in ("VBG", "VB"):
        return subject_tokens(tok.head, words=words)
    root = next(iter(tok.doc.sents)).root if tok.doc.has_annotation("DEP") else None
    if tok.dep_ == "acl" and root is not None and root.pos_ in ("NOUN", "PROPN") and root.i < tok.i and \
            (tok.tag_ == "VBD" or any(c.dep_ == "conj" and c.tag_ == "VBD" for c in tok.children)) and \
            not is_passive(tok) and not prep_objects(tok, "by"):
        # "Volunteers from two charities donated and delivered medicine": a sentence the small
        # model reads as one noun phrase; its head is the subject of the misparsed main verb
        return [root]
    if tok.dep_ == "acl" and tok.head.pos_ == "PROPN" and tok.tag_ in ("VBD", "VBN") and \
            not is_passive(tok) and not prep_objects(tok, "by") and children(tok, "xcomp", "dobj", "ccomp"):
        return [tok.head]  # "Oman, which has mediated ..., offered to host": a misparsed main verb
    if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN") and tok.tag_ == "VBG":
        noun = tok.head
        if noun.lemma_.lower() in _lists(words).document_nouns and noun.head.pos_ in ("VERB", "AUX"):
            # "issued a declaration demanding that ...": whoever issued it demands
            return subject_tokens(noun.head, words=words)
        return [noun]
    if tok.dep_ == "pcomp" and tok.head.head.pos_ in ("VERB", "AUX"):
        return subject_tokens(tok.head.head, words=words)
    return []


def slot_tokens(tok: Token, slot: str, words: WordLists | None = None) -> list[Token]:
    """Tokens in one recipient slot of ``tok``: dobj, dative, iobj, poss or a preposition."""
    if slot == "dobj":
        if is_passive(tok):
            subj = children(tok, "nsubjpass")
            if tok.dep_ == "relcl" and all(t.tag_ in ("WP", "WDT") for t in subj):
                return [tok.head]  # "a teacher who was imprisoned": the teacher
            return subj
        objs = [partitive(o, words) for o in children(tok, "dobj")]
        if not objs:  # "allowed IAEA inspectors to visit": the object raised to the clause
            for c in children(tok, "ccomp", "xcomp"):
                objs += children(c, "nsubj")
        if not objs:  # "denounced as an ugly crime Serbia's suppression of ...": the object
            # moved after its complement, which the small model reads as an apposition of it
            objs = [a for p in prep_objects(tok, "as") for a in children(p, "appos")]
        if not objs:
            for prt in tok.children:  # "kidnapped up to 16 advisers"
                if prt.dep_ in ("prt", "advmod") and prt.lower_ == "up":
                    objs = prep_objects(tok, "to") + prep_objects(prt, "to")
        return objs
    if slot == "iobj":
        return children(tok, "iobj")
    if slot == "dative":
        out = []
        for c in children(tok, "dative"):
            out.extend(children(c, "pobj") or [c])
        return out
    if slot == "poss":
        return children(tok, "poss")
    objs = prep_objects(tok, slot)
    if not objs:  # on the object: "imposed sanctions on Iran", "part of a program for Bosnia"
        for o in children(tok, "dobj"):
            objs += prep_objects(o, slot) or prep_objects(partitive(o, words), slot)
    if not objs:  # on a conjoined verb: "donated and delivered goods to the school"
        for c in tok.conjuncts:
            if c.pos_ in ("VERB", "AUX") and c.i > tok.i:
                objs += prep_objects(c, slot)
    if not objs:  # a misparse that left the preposition without its object
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == slot and not any(
                    c.dep_ in ("pobj", "pcomp") for c in prep.children):
                objs += _next_noun_phrase(prep)
    return objs


def _next_noun_phrase(tok: Token) -> list[Token]:
    """The head of the noun phrase right after ``tok`` ('granted asylum to | five officers')."""
    doc = tok.doc
    end = min(len(doc), tok.i + 8)
    for t in doc[tok.i + 1:end]:
        if t.pos_ in ("VERB", "AUX", "ADP", "PUNCT") and t.tag_ != "VBN":
            break
        if t.pos_ in ("NOUN", "PROPN") and not (tok.i < t.head.i < end and t.head.i > t.i
                                                 and t.head.pos_ in ("NOUN", "PROPN")):
            return [t]
    return []


def clause_parties(clause: Token, index: MentionIndex, exclude: list[Mention],
                   words: WordLists | None = None) -> list[Mention]:
    """The parties named in a governed clause, nearest slots first."""
    excluded = {id(m) for x in exclude for m in [x, *x.resolved]}

    def keep(ms: list[Mention]) -> list[Mention]:
        return [m for m in ms if id(m) not in excluded and not any(id(r) in excluded for r in m.resolved)]

    for slot in ("dobj", "dative", *_lists(words).clause_preps):
        found: list[Mention] = []
        for t in slot_tokens(clause, slot, words):
            found += keep(index.for_token(t))
        if found:
            return found
    # deeper: the first party anywhere in the clause ("lift embargoes on sales to Iran")
    for t in clause.subtree:
        if t.i == clause.i or t.dep_ in ("nsubj", "nsubjpass"):
            continue
        if any((a.dep_ == "relcl" or a.dep_ == "acl" and a.tag_ == "VBN" and a.i > a.head.i
                or a.dep_ == "conj" and a.pos_ in ("VERB", "AUX"))
               for a in [t, *t.ancestors] if a.i != clause.i and clause.i in {x.i for x in a.ancestors}):
            # "peace deals reached with Israel": not a party to this event; nor is one of a
            # conjoined clause ("rejected the warrant and said he would ask Russia for help")
            continue
        m = index.at(t)
        if m is not None and m.has_actor() and keep([m]):
            return keep(index.for_token(t))
    return []


def purpose_parties(tok: Token, index: MentionIndex, exclude: list[Mention]) -> list[Mention]:
    """'opened fire to disperse demonstrators': the object of the purpose clause."""
    for c in tok.children:
        if c.dep_ in ("advcl", "xcomp") and any(a.lower_ == "to" for a in children(c, "aux")):
            out = [m for o in children(c, "dobj") for m in index.for_token(o, keep_uncoded=True)
                   if m not in exclude]
            if out:
                return out
    return []


def _is_weapon(t: Token, weapons: frozenset[str]) -> bool:
    return t.lemma_.lower() in weapons or any(
        c.lemma_.lower() in weapons for c in t.children if c.dep_ in ("compound", "amod"))


def weapon_subject(tok: Token, words: WordLists | None = None) -> Token | None:
    """'a roadside bombing killed ...', '... were killed by an improvised explosive device',
    '... was killed in a car bomb explosion'."""
    weapons = _lists(words).weapon_nouns
    for s in subject_tokens(tok, object_control=False, words=words):
        if _is_weapon(s, weapons):
            return s
    if is_passive(tok):
        for t in prep_objects(tok, "in"):
            if _is_weapon(t, weapons):
                return t
    return None


def place_of(tok: Token, index: MentionIndex) -> Mention | None:
    """Where an event happened: 'in', 'near', 'outside (of)' phrases on the clause, its
    subject, object or agent."""
    hosts = [tok, *children(tok, "nsubj", "nsubjpass", "dobj"), *prep_objects(tok, "by", "in")]
    for h in hosts:
        pobjs = prep_objects(h, "in", "near", "outside", "at", "on", "inside", "throughout")
        for prep in h.children:  # "outside of the city"
            if prep.dep_ == "prep" and prep.lower_ in ("outside", "near"):
                for p2 in prep.children:
                    if p2.dep_ == "prep":
                        pobjs += [g for g in p2.children if g.dep_ == "pobj"]
        for pobj in pobjs:
            for t in pobj.subtree:
                m = index.at(t)
                if m is not None and m.code and m.kind in ("country", "place", "description"):
                    return m
    # deeper: "parties to the conflict in Iraq", "when they blew themselves up in Tel Aviv"
    for t in tok.subtree:
        if t.dep_ == "pobj" and t.head.lower_ in ("in", "inside", "throughout") and not any(
                a.dep_ in ("relcl", "ccomp") for a in t.ancestors if a.i != tok.i
                and tok.i in {x.i for x in a.ancestors}):
            m = index.at(t)
            if m is not None and m.code and m.kind in ("country", "place"):
                return m
    return None
