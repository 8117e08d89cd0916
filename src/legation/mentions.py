"""The mention record shared by the actor, frame and output stages."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Doc, Token

from .kb import KnowledgeBase
from .kb.schema import Title
from .records import Entity
from .syntax import prep_objects

FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})  # a verb that makes a clause of its own

RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
# the sectors of a state's bodies and offices (government, courts, police, army, parliament,
# intelligence): a party of one of them acts for its country
STATE_SECTORS = frozenset({"GOV", "JUD", "COP", "MIL", "LEG", "SPY"})


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
    antecedents: list[Mention] = field(default_factory=list)
    members: list[Mention] = field(default_factory=list)  # conjoined parts: "Congo and Costa Rica"

    @property
    def resolved(self) -> list[Mention]:
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


class MentionIndex:
    """Find the mention a token stands for."""

    def __init__(self, mentions: list[Mention], relation_nouns: frozenset[str] = frozenset()) -> None:
        self.mentions = [m for m in mentions if not m.modifier and m.kind != "occasion"]
        # "Russia's militia allies": nouns for another party than the one that qualifies them
        self.relation_nouns = relation_nouns
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

    def for_token(self, tok: Token, deep: bool = True, keep_uncoded: bool = False) -> list[Mention]:
        """Mentions for an argument token, its conjuncts, and (deep) what qualifies it.

        ``keep_uncoded`` also returns groups the text gives no country ("demonstrators"),
        which the frame stage may code from the other party.
        """
        out: list[Mention] = []
        todo = [tok, *(c for c in tok.conjuncts if c.i > tok.i)]
        seen_tok: set[int] = set()
        while todo:
            t = todo.pop(0)
            if t.i in seen_tok:
                continue
            seen_tok.add(t.i)
            m = self.at(t)
            if m is None or m.kind in ("description", "title", "group"):
                # "his Japanese counterpart Shigeru Ishiba": the name in apposition is the party
                appos = [self.at(c) for c in t.children if c.dep_ == "appos"]
                persons = [x for x in appos if x is not None and x.kind == "person"]
                named = [x for x in persons if x.has_actor()]
                if named:
                    m = named[0]
                elif persons and deep:
                    # "Ruto's communication chief, Daniel Mwangi": a person the text gives
                    # no country serves the one the title phrase names
                    q = m if m is not None and m.has_actor() else self.qualifier(t, 2)
                    if q is not None and q.has_actor() and persons[0].resolved[0] is persons[0]:
                        m = replace(persons[0], code=q.resolved[0].code,
                                    sector=persons[0].sector or q.resolved[0].sector)
            if m is not None:
                out.append(m)
                out.extend(x for x in m.members if x not in out)
                if t.i == tok.i:
                    out.extend(x for x in self.semicolon_items(m, t.doc) if x not in out)
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
                found = self.qualifier(t, 2)
                if found is not None:
                    out.append(found)
        return [m for m in dict.fromkeys(out)
                if m.has_actor() or any(r.kind == "source" for r in m.resolved)
                or (keep_uncoded and (m.resolved[0].kind in ("group", "organization")
                                      and m.resolved[0].sector is not None
                                      or m.resolved[0].kind == "person"))]

    def semicolon_items(self, m: Mention, doc: Doc) -> list[Mention]:
        """'from To Lam, general secretary of ...; Thongloun Sisoulith, president of ...; and
        Miguel Diaz-Canel, ...': a list whose members carry titles with commas is cut by
        semicolons, which the small model does not read as a list. The parties that open the
        items after the first, of the first's kind, are members of it."""
        if m.kind not in ("person", "country"):
            return []
        out: list[Mention] = []
        i = m.end
        while i < len(doc):
            j = next((k for k in range(i, len(doc)) if doc[k].text == ";"), None)
            if j is None or any(doc[k].tag_ in FINITE_TAGS for k in range(i, j)):
                break  # no further item, or a clause of its own comes first
            k = j + 1 + (j + 1 < len(doc) and doc[j + 1].lower_ == "and")
            x = self.covering.get(k) if k < len(doc) else None
            if x is None or x.start != k or x.kind != m.kind or not x.has_actor():
                break
            out.append(x)
            i = x.end
        return out

    def qualifier(self, t: Token, depth: int) -> Mention | None:
        """The party that qualifies a noun with no mention of its own: "Haiti's efforts",
        "Palestinian homes", "leaders of the coalition", "calls by Belarus's rulers",
        "a camp for Congolese refugees", "the demonstration staged by students"."""
        if t.lemma_.lower() in self.relation_nouns:
            return None  # "the commander of Russia's militia allies" is not Russia's
        for c in t.children:
            if c.dep_ in ("poss", "compound", "amod", "nmod"):
                m = self.at(c)
                if m is not None and (m.has_actor() or m.kind in ("group", "organization")):
                    return m
                if c.dep_ == "amod" and c.tag_ == "VBN":  # "the US-led war", "a Saudi-backed plan"
                    for g in c.children:
                        m = self.at(g) if g.dep_ in ("npadvmod", "compound", "nmod", "amod") else None
                        if m is not None and m.has_actor():
                            return m
        pobjs = prep_objects(t, "of", "from", "in", "by", "for", "against", "over", "with", "between",
                             "to")
        for c in t.children:  # "staged by students": the agent of a participle on the noun
            if c.dep_ == "acl":
                pobjs += prep_objects(c, "by")
        for pobj in pobjs:
            m = self.at(pobj)
            if m is not None:
                return m
            if depth > 1 and pobj.pos_ in ("NOUN", "PROPN"):
                m = self.qualifier(pobj, depth - 1)
                if m is not None:
                    return m
        return None
