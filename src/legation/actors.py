"""Actor mentions in a sentence, resolved to entities with codes and sectors.

The resolver combines four sources of evidence over the dependency parse:
knowledge-base names (countries, capitals, institutions, organisations,
persons), titles ("President", "special envoy"), group nouns ("diplomats",
"troops") and the model's named entities for people the knowledge base does
not know. A noun phrase's country comes from its modifiers ("North
Korean diplomats", "Russia's foreign minister"), its prepositional phrases
("officials from the Russian Foreign Ministry", "president of Cuba") or an
apposition ("Shin Hong-cheol, our country's special envoy"); inside a
quotation, "our country" is the speaker's.
"""

from __future__ import annotations

from datetime import date
from typing import cast

from spacy.tokens import Doc, Span, Token

from .coref import Discourse
from .gazetteer import Gazetteer, Match, longest_first
from .kb import KnowledgeBase
from .kb.schema import Institution, Person, Title
from .lexicon import Lexicon
from .mentions import STATE_SECTORS, Mention
from .nlp import Sentence
from .ontology import Ontology
from .syntax import children, prep_objects
from .wordlists import WordLists

MODIFIER_DEPS = {"compound", "amod", "poss", "nmod", "nummod"}
# entity labels the small model gives a family name it does not know ("" for none)
NAME_LIKE_ENTS = frozenset({"", "PERSON", "LOC", "GPE", "ORG", "NORP", "FAC"})


def span_head(doc: Doc, s: int, e: int) -> int:
    for i in range(s, e):
        h = doc[i].head.i
        if h < s or h >= e or h == i:
            return i
    return e - 1


class ActorFinder:
    """Finds and resolves actor mentions sentence by sentence."""

    def __init__(self, gazetteer: Gazetteer, kb: KnowledgeBase, lexicon: Lexicon | None = None) -> None:
        """``lexicon`` gives the word lists (``Lexicon.words``) and the verbs of saying
        (``Lexicon.speech_verbs``); the bundled lexicon when none is given."""
        self.gaz = gazetteer
        self.kb = kb
        if lexicon is None:
            lexicon = Lexicon(Ontology())
        self.words: WordLists = lexicon.words
        self.speech_verbs = frozenset(lexicon.speech_verbs)
        self.description_nouns = self.words.all_description_nouns
        self.pronouns = self.words.all_pronouns

    # -- entry point ------------------------------------------------------------
    def find(self, sent: Sentence, discourse: Discourse, on: date | None,
             kb_matches: list[Match] | None = None) -> SentenceActors:
        """The sentence's mentions; ``kb_matches`` are its gazetteer matches where the caller
        has made them already (the document's home country needs them first)."""
        doc = sent.doc
        persons = [(e.start, e.end) for e in doc.ents if e.label_ == "PERSON"]
        found = self.gaz.kb_matches(doc) if kb_matches is None else kb_matches
        kb = [m for m in found if not _inside_longer_name(m, persons)]
        matches = longest_first(kb + self.gaz.group_matches(doc) + self.gaz.title_matches(doc))
        by_token: dict[int, Match] = {}
        for m in matches:
            for i in range(m.start, m.end):
                by_token[i] = m
        heads: dict[int, Match] = {span_head(doc, m.start, m.end): m for m in matches}
        ctx = SentenceActors(self, sent, discourse, on, matches, by_token, heads)
        ctx.mentions = ctx.build()
        for men in ctx.mentions:
            discourse.add(men)
        if doc.has_annotation("DEP"):
            discourse.note_subjects([m for m in ctx.mentions if not m.modifier
                                     and doc[m.head].dep_ in ("nsubj", "nsubjpass")])
        return ctx

    # -- knowledge-base helpers -----------------------------------------------------
    def choose_person(self, keys: list[str], title: Title | None, discourse: Discourse,
                      on: date | None) -> str | None:
        """Pick one person among the candidates for a name, by discourse, title and date."""
        keys = list(dict.fromkeys(keys))
        if len(keys) == 1:
            return keys[0]
        for m in reversed(discourse.mentions):
            if m.key in keys:
                return m.key
        scored = []
        for k in keys:
            p = self.kb.entities[k].record
            assert isinstance(p, Person)
            role = self.kb.role_on(p, on)
            fits_title = bool(title) and title is not None and (
                title.title.lower() in self.kb.titles_of(p, on)
                or any(a.lower() in self.kb.titles_of(p, on) for a in title.aliases)
                or (role is not None and role.post == title.post)
            )
            scored.append((fits_title, role is not None, k))
        scored.sort(key=lambda x: (x[0], x[1]), reverse=True)
        best = scored[0]
        if len(scored) > 1 and scored[1][:2] == best[:2] and not best[0]:
            return None  # "Kim" alone with several Kims in office: leave unresolved
        return best[2]


class SentenceActors:
    """The mentions of one sentence, and who speaks its quotations."""

    def __init__(self, finder: ActorFinder, sent: Sentence, discourse: Discourse,
                 on: date | None, matches: list[Match], by_token: dict[int, Match],
                 heads: dict[int, Match]) -> None:
        self.f = finder
        self.w = finder.words
        self.kb = finder.kb
        self.sent = sent
        self.doc = sent.doc
        self.discourse = discourse
        self.on = on
        self.matches = matches
        self.by_token = by_token
        self.heads = heads
        self.out: list[Mention] = []
        self.mentions: list[Mention] = []

    # -- building ---------------------------------------------------------------
    def mention(self, s: int, e: int, kind: str, **kw: object) -> Mention:
        a, b = self.sent.char_span(s, e)
        head = kw.pop("head", None)
        m = Mention(
            sentence=self.sent.index, start=s, end=e,
            head=span_head(self.doc, s, e) if head is None else cast(int, head),
            text=self.doc[s:e].text, char_start=a, char_end=b, kind=kind,
            quoted=bool(self.sent.quoted and self.sent.quoted[s]), **kw,  # type: ignore[arg-type]
        )
        return m

    def build(self) -> list[Mention]:
        doc = self.doc
        # 1. knowledge-base names, group nouns and titles, as noun-phrase heads
        for m in self.matches:
            h = span_head(doc, m.start, m.end)
            if m.what == "kb":
                men = self.from_kb(m, h)
            elif m.what == "group":
                men = self.from_group(m, h)
            else:
                men = self.from_title(m, h)
            if men is not None:
                self.out.append(men)
        # 2. people the knowledge base does not know
        for ent in doc.ents:
            if ent.label_ == "PERSON" and not any(i in self.by_token and self.by_token[i].what == "kb"
                                                  for i in range(ent.start, ent.end)):
                men = self.unknown_person(ent.start, ent.end)
                if men is not None:
                    self.out.append(men)
            elif ent.label_ in ("GPE", "NORP", "ORG") and \
                    not any(i in self.by_token for i in range(ent.start, ent.end)) \
                    and (men := self.near_miss_country(ent.start, ent.end)) is not None:
                self.out.append(men)
            elif ent.label_ in ("ORG", "GPE") and self.role_before(ent) and not any(
                    i in self.by_token for i in range(ent.start, ent.end)):
                # "presidential adviser Burak Arslan": the small model's ORG or GPE after a role
                men = self.unknown_person(ent.start, ent.end)
                if men is not None:
                    self.out.append(men)
            elif ent.label_ in ("ORG", "NORP") and not any(i in self.by_token for i in range(ent.start, ent.end)):
                men = self.unknown_org(ent.start, ent.end, uncoded_ok=ent.label_ == "ORG")
                if men is not None:
                    self.out.append(men)
        self.out.extend(self.appositive_names())
        covered = {i for m in self.out for i in range(m.start, m.end)}
        for tok in doc:  # a misspelt country the model did not tag: "Ethopia has agreed"
            if tok.pos_ == "PROPN" and tok.i not in covered and not tok.ent_type_ and \
                    tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "poss", "conj"):
                men = self.near_miss_country(tok.i, tok.i + 1)
                if men is not None:
                    self.out.append(men)
        covered = {i for m in self.out for i in range(m.start, m.end)}
        for tok in doc:  # "Kovac rejected the warrant": a family name the model missed, of a
            # person the article has named in full
            if tok.pos_ == "PROPN" and tok.i not in covered and tok.ent_type_ in NAME_LIKE_ENTS and \
                    tok.text[:1].isupper() and self.named_before(tok.text):
                men = self.unknown_person(tok.i, tok.i + 1)
                if men is not None:
                    self.out.append(men)
        self.out.extend(self.national_days())
        # 3. pronouns, descriptions, sources
        taken = {i for m in self.out for i in range(m.start, m.end)}
        for tok in doc:
            if tok.i in taken:
                continue
            low = tok.lower_
            if tok.pos_ == "PRON" and low in self.f.pronouns:
                self.out.append(self.pronoun(tok))
            elif tok.pos_ in ("NOUN", "PROPN") and (
                    low in self.w.source_nouns or tok.lemma_.lower() in self.w.source_nouns):
                self.out.append(self.source(tok))
            elif tok.pos_ == "NOUN" and tok.lemma_.lower() in self.f.description_nouns:
                men = self.description(tok)
                if men is not None:
                    self.out.append(men)
            elif low in self.w.compass_short_forms and tok.dep_ != "compound":
                men = self.compass_short_form(tok)
                if men is not None:
                    self.out.append(men)
        self.out.sort(key=lambda m: m.start)
        self.link_conjuncts()
        return self.out

    # -- knowledge-base matches -------------------------------------------------
    def from_kb(self, m: Match, h: int) -> Mention | None:
        kinds: dict[str, list[str]] = {}
        for f in m.forms:
            e = self.kb.entities.get(f.key)
            if e is None:
                continue
            label = f.form if e.kind == "country" else (e.kind if f.form == "name" else f.form)
            kinds.setdefault(label, []).append(f.key)
        if "place" in kinds:
            place = self.kb.resolve(kinds["place"][0], self.on)
            capital = kinds.get("capital", [None])[0]
            if capital is not None and self.kb.entities[capital].code != place.code:
                del kinds["capital"]  # Juba before 2011 is a town of Sudan, not South Sudan's capital
            if "short" in kinds and any(x.key in kinds["short"] for x in self.discourse.mentions):
                del kinds["place"]  # "Masisi" after "Mokgweetsi Masisi" is the person
        tok = self.doc[h]
        for label in ("person", "institution", "organization", "name", "capital", "self",
                      "adjective", "demonym", "place", "short", "holiday"):
            keys = kinds.get(label)
            if not keys:
                continue
            if label == "short" and not self.plausible_short_name(m, keys):
                continue  # "1 May" is not Theresa May
            if label == "short" and self.named_other(m, keys):
                # "Lai" after "the jailed publisher Jimmy Lai": the person the article named in full,
                # not the better-known one the knowledge base has under that family name
                return self.unknown_person(m.start, m.end)
            if label in ("person", "short"):
                return self.person(m.start, m.end, h, keys)
            if label == "holiday":
                return self.holiday(m, keys)
            if label == "place":
                return self.place(m, h, keys[0])
            key = keys[0]
            e = self.kb.entities[key]
            if label == "self":
                speaker = self.speaker_country(m.start)
                if speaker is None or f"country:{speaker}" not in keys:
                    return None
                key, e = f"country:{speaker}", self.kb.entities[f"country:{speaker}"]
            if label in ("institution", "organization"):
                r = e.record
                return self.mention(m.start, m.end, e.kind, head=h, code=e.code, sector=e.sector,
                                    name=e.name, key=key,
                                    plural=False, location=getattr(r, "located", None))
            if self.against_prefix(m):
                return None  # "anti-Syria journalist": about Syria, not of it
            is_mod = tok.dep_ in MODIFIER_DEPS and tok.head.i != h and self.is_unit_head(tok.head.i)
            if label in ("adjective", "demonym") and m.start > 0 and self.doc[m.start - 1].lower_ == "ethnic":
                # "ethnic Albanians" in Macedonia are not Albania: a people without a country here
                if label == "demonym" or tok.head.pos_ in ("NOUN", "PROPN"):
                    head = tok if label == "demonym" else tok.head
                    return self.mention(m.start - 1, head.i + 1, "group", head=head.i, code=None,
                                        sector="CVL", plural=True)
                return None
            if label == "adjective":
                if is_mod:
                    return self.mention(m.start, m.end, "country", head=h, code=e.code, name=e.name,
                                        key=key, modifier=True)
                return self.adjective_phrase(m, h, e.code, key)
            if label == "demonym":
                # "the Albanians of southern Serbia": a people where they live
                code = e.code
                for pobj in prep_objects(tok, "of", "in"):
                    for t in pobj.subtree:
                        mm = self.by_token.get(t.i)
                        c2 = self.country_of_match(mm) if mm is not None and mm.what == "kb" else None
                        if c2:
                            code = c2
                            break
                return self.mention(m.start, m.end, "group", head=h, code=code, sector="CVL",
                                    name=None, plural=True)
            return self.mention(m.start, m.end, "country", head=h, code=e.code, sector="GOV",
                                name=e.name, key=key, modifier=is_mod)
        return None

    def place(self, m: Match, h: int, key: str) -> Mention:
        """A city, region or area: 'attacks in Kirkuk', 'a curfew in Abidjan'. It gives a
        country to events and to the groups it qualifies ('Gaza residents'), and may be
        hit by an event, but it does not act: as the subject of a verb it has no code."""
        r = self.kb.resolve(key, self.on)
        tok = self.doc[h]
        if tok.dep_ in MODIFIER_DEPS and tok.head.i != h and self.is_unit_head(tok.head.i):
            return self.mention(m.start, m.end, "place", head=h, code=r.code, name=r.name, key=key,
                                modifier=True)
        acting = tok.dep_ == "nsubj" and tok.head.pos_ in ("VERB", "AUX")
        return self.mention(m.start, m.end, "place", head=h, code=None if acting else r.code,
                            name=r.name, key=None if acting else key, location=r.name)

    def appositive_names(self) -> list[Mention]:
        """'Russia's ambassador to China, Igor Morgulov': a name beside a title, missed by NER."""
        out = []
        taken = {i for m in self.out for i in range(m.start, m.end)}
        hosts = {m.head for m in self.out if m.kind in ("title", "group")}
        for tok in self.doc:
            # "Kenzo Oshima, the United Nations Emergency Relief Coordinator": a name before
            # its description
            if tok.pos_ == "PROPN" and tok.i not in taken and any(
                    c.dep_ == "appos" and self.country_in_phrase(c) for c in tok.children):
                s = min([tok.i] + [c.i for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"])
                if not any(i in taken for i in range(s, tok.i + 1)):
                    m = self.unknown_person(s, tok.i + 1)
                    if m is not None:
                        c2 = next(self.country_in_phrase(c) for c in tok.children
                                  if c.dep_ == "appos" and self.country_in_phrase(c))
                        m.code = m.code or c2
                        out.append(m)
                        taken.update(range(s, tok.i + 1))
                continue
            if tok.dep_ != "appos" or tok.head.i not in hosts or tok.i in taken or tok.pos_ != "PROPN":
                continue
            s = min([tok.i] + [c.i for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"])
            if any(i in taken for i in range(s, tok.i + 1)):
                continue
            m = self.unknown_person(s, tok.i + 1)
            if m is not None:
                out.append(m)
        return out

    def holiday(self, m: Match, keys: list[str]) -> Mention | None:
        """A national day: an occasion for the communication stage, never an actor."""
        c = self.kb.entities[keys[0]].record
        nd = getattr(c, "national_day", None)
        if nd is None:
            return None
        return self.mention(m.start, m.end, "occasion", code=self.kb.entities[keys[0]].code,
                            name=nd.name, detail=nd.date, modifier=True)

    def national_days(self) -> list[Mention]:
        """'Russia's National Day', 'the Independence Day of Ukraine' without a listed alias."""
        out = []
        for tok in self.doc:
            if tok.lower_ != "day" or tok.i in self.by_token:
                continue
            kind = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")}
            if not kind & self.w.national_day_modifiers:
                continue
            owners = [c for c in tok.children if c.dep_ == "poss"] + [
                p for prep in tok.children if prep.dep_ == "prep" and prep.lower_ == "of"
                for p in prep.children if p.dep_ == "pobj"]
            for o in owners:
                mm = self.by_token.get(o.i)
                code = self.country_of_match(mm) if mm is not None and mm.what == "kb" else None
                country = self.kb.country(code) if code else None
                if country is not None and country.national_day is not None:
                    s = min(o.left_edge.i, tok.left_edge.i)
                    out.append(self.mention(s, tok.i + 1, "occasion", head=tok.i, code=code,
                                            name=country.national_day.name,
                                            detail=country.national_day.date, modifier=True))
                    break
        return out

    def is_unit_head(self, i: int) -> bool:
        m = self.heads.get(i)
        if m is not None and (m.what in ("group", "title") or any(
                f.form in ("name", "short", "holiday") and self.kb.entities.get(f.key) is not None
                and self.kb.entities[f.key].kind != "country" or f.form == "holiday" for f in m.forms)):
            return True
        tok = self.doc[i]
        return tok.ent_type_ in ("PERSON", "ORG") and i not in self.by_token

    def adjective_phrase(self, m: Match, h: int, code: str | None, key: str) -> Mention:
        """'Palestinian homes', 'Danish Web sites': the noun phrase the adjective qualifies."""
        tok = self.doc[h]
        if tok.dep_ in ("amod", "compound", "nmod") and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i > h:
            head = tok.head
            s = min(m.start, head.left_edge.i)
            e = head.i + 1
            return self.mention(s, e, "description", head=head.i, code=code, sector=None,
                                plural=head.tag_ in ("NNS", "NNPS"))
        return self.mention(m.start, m.end, "country", head=h, code=code, sector="GOV", key=key)

    # -- persons ----------------------------------------------------------------------
    def np_modifiers(self, h: int, start: int, end: int) -> tuple[Title | None, str | None, list[int]]:
        """Title and country from the modifiers and appositions of the phrase headed by ``h``."""
        doc = self.doc
        title: Title | None = None
        code: str | None = None
        used: list[int] = []
        left = doc[h].left_edge.i
        for i in range(left, start):
            mm = self.by_token.get(i)
            if mm is not None and self.against_prefix(mm):
                continue  # "a prominent anti-Syria journalist" is not Syrian
            if mm is None:
                if doc[i].lower_ in ("our", "my") and self.sent.quoted and self.sent.quoted[i]:
                    code = code or self.speaker_country(i)
                continue
            if mm.what == "title" and title is None:
                title = mm.title
                used.extend(range(mm.start, mm.end))
            elif mm.what == "kb":
                c = self.country_of_match(mm)
                if c and code is None:
                    code = c
                    used.extend(range(mm.start, mm.end))
        for child in doc[h].children:
            if child.dep_ == "appos" or (child.dep_ == "acl" and child.i > h):
                t2, c2 = self.describe(child)
                title = title or t2
                code = code or c2
            elif child.dep_ == "prep" and child.lower_ == "of" and code is None:
                for pobj in child.children:  # "King Hassan of Morocco", "President Kagame of Rwanda"
                    if pobj.dep_ == "pobj":
                        code = self.country_in_phrase(pobj)
        return title, code, used

    def role_sector(self, h: int, s: int) -> str | None:
        """The sector a group noun gives a person it describes: 'Kenyan lawmaker John Omondi',
        'Nguyen Van Binh, an official of the Foreign Ministry'."""
        doc = self.doc
        toks = list(range(doc[h].left_edge.i, s))
        for child in doc[h].children:
            if child.dep_ == "appos":
                toks += sorted(t.i for t in child.subtree)
        for i in toks:
            mm = self.by_token.get(i)
            if mm is not None and mm.what == "group" and mm.group is not None:
                return mm.group.sector
        return None

    def describe(self, tok: Token) -> tuple[Title | None, str | None]:
        """Title and country of an apposition: 'our country's special envoy', 'president of Cuba'."""
        title = None
        code = None
        for t in tok.subtree:
            mm = self.by_token.get(t.i)
            if mm is not None and mm.what == "title" and title is None:
                title = mm.title
        for t in tok.subtree:
            if t.dep_ == "pobj" and t.head.lower_ in ("to", "toward", "towards", "at"):
                continue  # "envoy to Russia": the host country, not the envoy's
            if any(a.dep_ == "pobj" and a.head.lower_ in ("to", "toward", "towards") for a in t.ancestors
                   if a.i > tok.i and a.i <= t.i):
                continue
            mm = self.by_token.get(t.i)
            if mm is not None and mm.what == "kb" and code is None:
                code = self.country_of_match(mm)
            elif t.lower_ in ("our", "my") and code is None and self.sent.quoted and self.sent.quoted[t.i]:
                code = self.speaker_country(t.i)
        return title, code

    def against_prefix(self, m: Match) -> bool:
        """'anti-Syria', 'pro-Russian', 'ex-Soviet': a name that qualifies without belonging."""
        doc = self.doc
        return m.start >= 2 and doc[m.start - 1].text == "-" and \
            doc[m.start - 2].lower_ in self.w.against_prefixes

    def country_in_phrase(self, tok: Token) -> str | None:
        """The country named by an adjective or name inside a noun phrase (not of an ally,
        a rival ...: "the commander of Russia's militia allies" is not Russia's)."""
        if tok.lemma_.lower() in self.w.relation_nouns:
            return None
        for t in tok.subtree:
            if t.dep_ in ("relcl", "acl"):
                break
            mm = self.by_token.get(t.i)
            if mm is not None and mm.what == "kb":
                c = self.country_of_match(mm)
                if c:
                    return c
        return None

    def country_of_match(self, mm: Match) -> str | None:
        for f in mm.forms:
            e = self.kb.entities.get(f.key)
            if e is None:
                continue
            if e.kind == "country" and f.form in ("name", "adjective", "capital", "demonym"):
                return e.code
            if e.kind in ("institution", "organization") and f.form == "name":
                return e.code
            if e.kind == "person" and f.form in ("name", "short"):
                return self.kb.resolve(f.key, self.on).code  # "President Bouteflika's government"
            if e.kind == "place" and f.form == "place":
                return self.kb.resolve(f.key, self.on).code
            if f.form == "self":
                sp = self.speaker_country(mm.start)
                if sp and f.key == f"country:{sp}":
                    return sp
        return None

    def plausible_short_name(self, m: Match, keys: list[str]) -> bool:
        """A family name alone names a person when the model sees a person there, a title
        stands before it, or the document has named that person in full."""
        doc = self.doc
        if any(doc[i].ent_type_ == "PERSON" for i in range(m.start, m.end)):
            return True
        if m.start > 0 and self.by_token.get(m.start - 1) is not None and \
                self.by_token[m.start - 1].what == "title":
            return True
        if any(x.key in keys for x in self.discourse.mentions):
            return True
        # a name only one known person bears, written as a name, outside a date or a place:
        # "Trump wrote to Kim" (but not "1 May", "the May Day rally"); the small model often
        # takes an unfamiliar name for a place or a body ("with Zelenskyy" as GPE), and a
        # knowledge-base place or body of that name would have been chosen before this
        return len(set(keys)) == 1 and all(
            (doc[i].pos_ == "PROPN" or self.bare_capitalised(doc[i]))
            and doc[i].ent_type_ in ("", "PERSON", "NORP", "GPE", "ORG")
            for i in range(m.start, m.end))

    @staticmethod
    def bare_capitalised(tok: Token) -> bool:
        """A capitalised singular noun with no determiner or modifier, as the subject or object
        of a verb, is used as a name: the small model tags "Trump will meet Putin" with Trump a
        common noun (the card game's), but the common noun would need an article."""
        return tok.text[:1].isupper() and tok.tag_ == "NN" and tok.dep_ in ("nsubj", "nsubjpass", "dobj") \
            and tok.head.pos_ in ("VERB", "AUX") and not any(
                c.dep_ in ("det", "amod", "poss", "compound", "nummod") for c in tok.children)

    def named_in_full(self, name: str) -> Mention | None:
        """The person the article named in full earlier, of whose name ``name`` is part."""
        prior = self.discourse.person_by_name(name)
        return prior if prior is not None and len((prior.name or "").split()) > 1 else None

    def named_before(self, surname: str) -> bool:
        """Has the article named a person in full whose family name this is?"""
        prior = self.named_in_full(surname)
        return prior is not None and (prior.name or "").split()[-1] == surname

    def named_other(self, m: Match, keys: list[str]) -> bool:
        """Has the article named in full someone else of this family name?"""
        prior = self.named_in_full(self.doc[m.start:m.end].text)
        return prior is not None and prior.key not in keys

    def person(self, s: int, e: int, h: int, keys: list[str]) -> Mention:
        title, code, _ = self.np_modifiers(h, s, e)
        key = self.f.choose_person(keys, title, self.discourse, self.on)
        if key is None:
            return self.mention(s, e, "person", head=h, code=code, title=title,
                                sector=title.sector if title else None, name=self.doc[s:e].text)
        ent = self.kb.entities[key]
        s2 = self.np_start(h, s)
        return self.mention(s2, e, "person", head=h, key=key, name=ent.name, title=title,
                            code=self.kb.resolve(key, self.on).code or code,
                            office=self.title_text(h, s, e))

    def title_text(self, h: int, s: int, e: int) -> str | None:
        """The title as the text writes it: 'special envoy', 'Chairman', 'U.S. President'."""
        doc = self.doc
        for mm in self.matches:
            if mm.what != "title":
                continue
            head = span_head(doc, mm.start, mm.end)
            anc = {a.i for a in doc[head].ancestors}
            if doc[h].left_edge.i <= mm.start < s or (h in anc and mm.start >= e and any(
                    doc[x].dep_ == "appos" for x in anc | {head} if x > h)):
                return doc[mm.start:mm.end].text
        return None

    def np_start(self, h: int, s: int) -> int:
        """Extend a name leftwards over its title and country ('U.S. President Donald Trump')."""
        left = self.doc[h].left_edge.i
        i = s
        while i > left:
            t = self.doc[i - 1]
            if t.dep_ in ("compound", "amod", "poss", "case", "punct", "det", "nmod") and t.head.i >= i - 1:
                i -= 1
                continue
            break
        while i < s and self.doc[i].dep_ in ("det", "punct", "case"):
            i += 1
        return i

    def unknown_person(self, s: int, e: int) -> Mention | None:
        doc = self.doc
        # titles inside the entity span ("President Elias Hrawi") are not part of the name
        while s < e and s in self.by_token and self.by_token[s].what == "title":
            s += 1
        if s >= e:
            return None
        h = span_head(doc, s, e)
        name = doc[s:e].text
        if doc[e - 1].tag_ == "POS":
            name = doc[s:e - 1].text
        prior = self.discourse.last(lambda m: m.kind == "person" and (m.name == name or (
            len(name.split()) == 1 and bool(m.name) and name in (m.name or "").split())))
        title, code, _ = self.np_modifiers(h, s, e)
        written = self.title_text(h, s, e)
        if code is None and s >= 1:
            # "Turkish presidential adviser Burak Arslan": a role phrase right before the name
            before = next((m for m in self.out if m.end == s and m.kind in ("description", "group")
                           and m.code and doc[m.head].pos_ == "NOUN"), None)
            if before is not None:
                code = before.code
        if code is None and s >= 2 and doc[s - 1].text == ",":
            # "Qatar's emir, Sheikh Hamad bin Khalifa al-Thani": a title phrase just before
            before = next((m for m in self.out if m.end == s - 1 and m.kind in ("title", "group")
                           and m.code), None)
            if before is not None:
                code, title = before.code, title or before.title
                written = written or before.office
        if doc[h].dep_ == "appos":
            # "Russia's ambassador to China, Igor Morgulov": the name stands beside its title
            host = next((m for m in self.out if m.head == doc[h].head.i), None)
            if host is not None and host.kind in ("title", "group"):
                code = code or host.code
                title = title or host.title
                written = written or host.office
            elif host is None and code is None:
                # "the autonomous republic's president, Zoran Kovac": a title whose own
                # phrase names the polity by a description, not a country word
                code, title = self.title_owner(doc[h].head, title)
        if code is None:
            # "Colonel Amadou Diallo of the Malian army", "a delegate from Laos"
            for child in doc[h].children:
                if child.dep_ == "prep" and child.lower_ in ("of", "from"):
                    code = self.describe(child)[1]
                    if code:
                        break
        sector = title.sector if title else self.role_sector(h, s)
        if sector is None and doc[h].dep_ == "appos":
            host = next((m for m in self.out if m.head == doc[h].head.i), None)
            sector = host.sector if host is not None and host.kind == "group" else None
        if prior is not None:
            code = code or prior.code
            title = title or prior.title
            name = prior.name or name
            sector = sector or prior.sector
        if code is None and title is not None and title.sector in STATE_SECTORS:
            # "Congressman Tom Hale": an office only one country has; "President Oumar
            # Kante" in a story on Mali: an office of the article's country
            code = title.country or self.discourse.home
        s2 = self.np_start(h, s)
        return self.mention(s2, e, "person", head=h, code=code, name=name, title=title,
                            sector=sector,
                            office=written or (prior.office if prior else None),
                            key=prior.key if prior else None)

    def title_owner(self, noun: Token, title: Title | None) -> tuple[str | None, Title | None]:
        """The country of a title noun's possessor or 'of' phrase, from any mention found
        there (a description included), and the title itself."""
        mm = self.by_token.get(noun.i)
        if mm is None or mm.what != "title":
            return None, title
        owners = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod")]
        owners += prep_objects(noun, "of")
        for c in owners:
            m = next((x for x in self.out if x.head == c.i and x.resolved[0].code), None)
            if m is not None:
                return m.resolved[0].code, title or mm.title
        return None, title or mm.title

    def near_miss_country(self, s: int, e: int) -> Mention | None:
        """A misspelt country name ('Isreal', 'Ethopia', 'Afganistan'): one edit away."""
        text = self.doc[s:e].text
        if len(text) < 5 or not text[0].isupper():
            return None
        key = self.kb.near_country(text)
        if key is None:
            return None
        ent = self.kb.entities[key]
        return self.mention(s, e, "country", code=ent.code, sector="GOV", name=ent.name, key=key)

    def role_before(self, ent: Span) -> bool:
        """Does a noun for a person's role ('adviser', 'spokesman') stand right before the
        entity, a name of two words or more written in capitals?"""
        s = ent.start
        if s == 0:
            return False
        prev = self.doc[s - 1]
        name_like = len(ent) >= 2 and all(t.text[:1].isupper() for t in ent)
        mm = self.by_token.get(s - 1)
        role = mm is not None and mm.what in ("group", "title") or \
            prev.lemma_.lower() in self.f.description_nouns or \
            any(m.end == s and m.kind in ("description", "group", "title") for m in self.out)
        return name_like and prev.pos_ == "NOUN" and role

    def unknown_org(self, s: int, e: int, uncoded_ok: bool = True) -> Mention | None:
        """An organisation the knowledge base lacks: its country from a name inside it."""
        code = None
        for i in range(s, e):
            mm = self.by_token.get(i)
            if mm is not None and mm.what == "kb":
                code = self.country_of_match(mm)
                if code:
                    break
        if code is None and not uncoded_ok:
            return None  # "Kurdish", "Shiite": a people or faith, not a body
        if code is None and any(t.lower_ in self.w.ngo_words for t in self.doc[s:e]):
            # "the Third World Water Forum": a non-governmental body the KB does not list
            return self.mention(s, e, "organization", code="NGO", sector="SOC", name=self.doc[s:e].text)
        # an organisation the text gives no country: coded later from the other party, if any
        return self.mention(s, e, "organization", code=code, sector="UNK" if code is None else None,
                            name=self.doc[s:e].text)

    # -- groups and titles ----------------------------------------------------------
    def from_group(self, m: Match, h: int) -> Mention | None:
        assert m.group is not None
        doc = self.doc
        tok = doc[h]
        if tok.dep_ in MODIFIER_DEPS and tok.head.i != h and self.is_unit_head(tok.head.i):
            return None  # "army" in "army bulldozers": the head noun carries the phrase
        if tok.pos_ == "ADJ" and tok.dep_ == "amod":
            return None  # "military exercises": an adjective, not the armed forces
        dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "nummod", "predet")}
        if tok.lemma_.lower() in self.w.plural_referents and m.end - m.start == 1 and (
                dets & {"the", "these", "those"} and any(self.w.number_of(d) for d in dets)
                or "both" in dets) and not any(
                c.dep_ in ("amod", "compound") for c in tok.children):
            return None  # "the two leaders": the people named before, as a description
        title, code, used = self.np_modifiers(h, m.start, m.end)
        via = None
        location = None
        org_key = None
        conj_codes: list[str] = []
        for child in tok.children:
            if child.dep_ != "prep":
                continue
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                mm = self.by_token.get(pobj.i)
                c2 = self.country_of_match(mm) if mm is not None and mm.what == "kb" else None
                if c2 is None and child.lower_ in ("of", "from"):
                    c2 = self.country_in_phrase(pobj)  # "volunteers from two Canadian charities"
                if child.lower_ in ("of", "from") and c2:
                    if code in (None, c2):
                        # "the foreign ministers of Bahrain and Oman": every country named
                        extra = [self.country_in_phrase(c) for c in pobj.conjuncts]
                        conj_codes.extend(c for c in extra if c and c != c2)
                    code = code or c2
                    if mm is not None:
                        for f in mm.forms:
                            e = self.kb.entities.get(f.key)
                            if e is not None and e.kind in ("institution", "organization"):
                                org_key = f.key
                elif child.lower_ in ("in", "throughout", "inside", "at", "across"):
                    location = _phrase(pobj)
                    if c2 and code is None:
                        code = c2
        if code is None:
            # "the diplomats", "officials": point back to an earlier group of the same kind
            if tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
                sector = m.group.sector
                prior = self.discourse.last(lambda x: x.kind == "group" and x.sector == sector
                                            and x.code is not None and _same_noun(x, tok))
                if prior is not None:
                    return self.mention(self.np_start(h, m.start), m.end, "group", head=h,
                                        code=prior.code, sector=prior.sector, via=prior.via,
                                        location=prior.location, plural=True)
            # a group the text gives no country: a party of its own kind where it is one
            # ("humanitarian agencies": NGO), else the frame stage may code it from the other party
            return self.mention(self.np_start(h, m.start), m.end, "group", head=h, code=m.group.stateless,
                                sector=m.group.sector, plural=tok.tag_ in ("NNS", "NNPS"),
                                location=location)
        if m.group.institution_kind and not org_key:
            inst = self.kb.institution(code, m.group.institution_kind)
            if inst is not None:
                s2 = self.np_start(h, m.start)
                return self.mention(s2, m.end, "institution", head=h, code=code,
                                    sector=inst.sector, name=inst.name, key=inst.key)
        if location:
            via = self.local_body(code, location)
        s2 = self.np_start(h, min([m.start, *used]))
        name = self.kb.entities[org_key].name if org_key else None
        men = self.mention(s2, m.end, "group", head=h, code=code, sector=m.group.sector,
                           plural=tok.tag_ in ("NNS", "NNPS"), via=via, location=location,
                           name=None, key=None, office=name)
        men.members = [self.mention(s2, m.end, "group", head=h, code=c, sector=m.group.sector,
                                    plural=True) for c in dict.fromkeys(conj_codes)]
        return men

    def local_body(self, code: str, location: str) -> str | None:
        """The mission or embassy of ``code`` in a city: 'North Korean diplomats in New York'."""
        loc = location.lower()
        for key, e in self.kb.entities.items():
            r = e.record
            if isinstance(r, Institution) and r.country == code and r.located and r.kind in (
                    "mission", "embassy", "channel") and r.located.lower() in loc:
                if r.kind == "channel":
                    return key
                best = key
                return best
        return None

    def from_title(self, m: Match, h: int) -> Mention | None:
        """A title used as a noun: 'the Russian president', 'Russia's foreign minister'."""
        assert m.title is not None
        doc = self.doc
        tok = doc[h]
        if tok.dep_ in ("compound", "appos") or (tok.head.i != h and tok.head.ent_type_ == "PERSON"):
            return None  # a title in front of a name belongs to the name
        if h + 1 < len(doc) and doc[h + 1].ent_type_ == "PERSON":
            return None
        title, code, used = self.np_modifiers(h, m.start, m.end)
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    mm = self.by_token.get(pobj.i)
                    if mm is not None and mm.what == "kb":
                        code = code or self.country_of_match(mm)
        if code is None:
            return None
        s2 = self.np_start(h, min([m.start, *used]))
        holders = self.kb.holders(code, m.title.post, self.on) if m.title.post != "other" else []
        if len(holders) == 1:
            e = self.kb.entities[holders[0]]
            return self.mention(s2, m.end, "person", head=h, key=e.key, name=e.name, code=code,
                                title=m.title)
        return self.mention(s2, m.end, "title", head=h, code=code, sector=m.title.sector,
                            title=m.title, office=m.title.title)

    # -- pronouns, descriptions, sources ---------------------------------------------
    def pronoun(self, tok: Token) -> Mention:
        m = self.mention(tok.i, tok.i + 1, "pronoun", head=tok.i,
                         plural=tok.lower_ in self.w.plural_pronouns)
        low = tok.lower_
        before = [x for x in self.out if x.start < tok.i and not x.modifier and x.kind != "pronoun"]
        if low in self.w.first_person_pronouns:
            code = self.speaker_country(tok.i)
            sp = self.speaker(tok.i)
            if sp is not None:
                m.antecedents = [sp]
            elif code:
                m.code = code
            return m
        if low in self.w.person_pronouns:
            cand = [x for x in before if x.kind == "person"]
            subjects = [x for x in self.discourse.subjects if x.kind == "person"] \
                if tok.dep_ in ("nsubj", "nsubjpass") else []
            ante = cand[-1] if cand else subjects[-1] if subjects else self.discourse.last(
                lambda x: x.kind == "person")
        elif low in self.w.plural_pronouns:
            # in its own clause "their" is usually the subject, coded or not ("fundamentalists
            # continued their hunger strike")
            cand = [x for x in before if (x.code or x.kind == "group") and (
                x.plural or x.kind in ("country", "group"))]
            ante = cand[-1] if cand else self.discourse.last(
                lambda x: bool(x.code) and (x.plural or x.kind == "group"))
        else:
            cand = [x for x in before if x.code and (x.kind in ("country", "institution", "organization")
                                                    or x.kind == "group" and not x.plural)]
            ante = cand[-1] if cand else self.discourse.last(
                lambda x: bool(x.code) and x.kind in ("country", "institution", "organization"))
        if ante is not None:
            m.antecedents = [ante]
        return m

    def source(self, tok: Token) -> Mention:
        s = tok.left_edge.i if tok.left_edge.i >= tok.i - 3 else tok.i
        while s < tok.i and self.doc[s].dep_ in ("det", "punct"):
            s += 1
        code = None
        for t in self.doc[s:tok.i]:
            mm = self.by_token.get(t.i)
            if mm is not None and mm.what == "kb":
                code = self.country_of_match(mm)
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)
        m = self.mention(s, tok.i + 1, "source", head=tok.i, code=code, anonymous=True,
                         name=self.doc[s:tok.i + 1].text, plural=tok.tag_ == "NNS")
        if definite and code is None:
            prior = self.discourse.last(lambda x: x.kind == "source")
            if prior is not None:
                m.antecedents = [prior]
                m.kind = "description"
        return m

    def description(self, tok: Token) -> Mention | None:
        """'the outlet', 'the two countries', 'our country'."""
        lemma = tok.lemma_.lower()
        dets = [c.lower_ for c in tok.children if c.dep_ in ("det", "poss", "nummod")]
        if not dets:
            return None
        s = min([tok.i] + [c.i for c in tok.children if c.dep_ in ("det", "poss", "nummod", "amod")])
        if "our" in dets or "my" in dets:
            if lemma == "country" and tok.tag_ == "NN":
                code = self.speaker_country(tok.i)
                if code:
                    return self.mention(s, tok.i + 1, "country", head=tok.i, code=code, sector="GOV",
                                        name=self.kb.country_name(code), key=f"country:{code}")
            return None
        n = next((k for d in dets if (k := self.w.number_of(d))), 0)
        if n and lemma in self.w.plural_referents:
            before = [x for x in self.out if not x.modifier and x.end <= tok.i]
            if lemma in self.w.plural_person_referents:
                found = self.discourse.persons(n, before)
            elif len(self.discourse.parties) == n and not any(x.code for x in before):
                found = list(self.discourse.parties)  # the two sides of the latest event
            else:
                found = self.discourse.countries(n, before)
            if len(found) == n:
                m = self.mention(s, tok.i + 1, "description", head=tok.i, plural=True)
                if lemma not in self.w.plural_person_referents:
                    # "the two countries" are the states, whichever of their bodies was named
                    found = [self.mention(s, tok.i + 1, "country", head=tok.i, code=x.code, sector="GOV",
                                          name=self.kb.country_name(x.code), key=f"country:{x.code}")
                             if x.code and self.kb.country(x.code) else x for x in found]
                m.antecedents = list(found)
                return m
            return None
        if "the" not in dets and "this" not in dets:
            return None
        sector = "JRN" if lemma in self.w.media_description_nouns else \
            "GOV" if lemma in self.w.government_description_nouns else None
        if lemma in self.w.state_description_nouns:
            before = [x for x in self.out if x.code and not x.modifier and x.end <= tok.i]
            prior = (max(before, key=lambda x: x.start) if before else None) or \
                self.discourse.last(lambda x: x.kind == "country")
        else:
            prior = self.discourse.last(lambda x: x.kind in ("institution", "organization")
                                        and (sector is None or x.sector == sector))
        if prior is None:
            return None
        m = self.mention(s, tok.i + 1, "description", head=tok.i)
        m.antecedents = [prior]
        return m

    def compass_short_form(self, tok: Token) -> Mention | None:
        """'the North' after North Korea was named: the country the article is about whose
        name begins with that word (North Korea, South Sudan), the latest one named."""
        det = [c.i for c in tok.children if c.dep_ == "det" and c.lower_ == "the"]
        if not det or children(tok, "prep"):  # "the North of England" is a region
            return None
        word = tok.text.capitalize() + " "

        def named(x: Mention) -> bool:
            return bool(x.code and x.kind == "country" and not x.modifier
                        and (self.kb.country_name(x.code) or "").startswith(word))

        before = [x for x in self.out if x.end <= tok.i and named(x)]
        prior = before[-1] if before else self.discourse.last(named)
        if prior is None or prior.code is None:
            return None
        code = prior.code
        return self.mention(det[0], tok.i + 1, "country", head=tok.i, code=code, sector="GOV",
                            name=self.kb.country_name(code), key=f"country:{code}")

    # -- quotations ---------------------------------------------------------------------
    def speaker(self, i: int) -> Mention | None:
        """Who speaks the quotation that token ``i`` stands in."""
        if not (self.sent.quoted and self.sent.quoted[i]):
            return None
        quoted = self.sent.quoted
        tok = self.doc[i]
        for anc in tok.ancestors:
            if anc.lemma_.lower() in self.f.speech_verbs and not quoted[anc.i]:
                who = self.speech_subject(anc)
                if who is not None:
                    return who
        # 'X said, "..."' parsed with the quotation as the root: a verb of saying outside it
        outside = [t for t in self.doc if not quoted[t.i] and t.lemma_.lower() in self.f.speech_verbs
                   and t.pos_ in ("VERB", "AUX")]
        for t in sorted(outside, key=lambda t: abs(t.i - i)):
            who = self.speech_subject(t)
            if who is not None:
                return who
        return self.discourse.last_speaker

    def speech_subject(self, verb: Token) -> Mention | None:
        """The subject of a verb of saying, inherited along 'cited X, stating ...'."""
        v = verb
        for _ in range(3):
            for c in v.children:
                if c.dep_ in ("nsubj", "nsubjpass"):
                    return self.cited_source(v) or self.mention_at(c.i)
            if v.dep_ in ("advcl", "xcomp", "conj") and v.head.pos_ in ("VERB", "AUX"):
                v = v.head
                continue
            break
        return None

    def cited_source(self, verb: Token) -> Mention | None:
        """'The outlet cited a senior source ..., stating': the source speaks."""
        if verb.lemma_.lower() not in self.w.cite_verbs:
            return None
        for c in verb.children:
            if c.dep_ == "dobj":
                m = self.mention_at(c.i)
                if m is not None:
                    return m
        return None

    def speaker_country(self, i: int) -> str | None:
        sp = self.speaker(i)
        if sp is None:
            return None
        for r in sp.resolved:
            if r.code:
                return r.code
        return None

    def mention_at(self, i: int) -> Mention | None:
        for m in self.out:
            if m.start <= i < m.end and not m.modifier:
                return m
        mm = self.by_token.get(i)
        if mm is not None and mm.what == "kb":
            code = self.country_of_match(mm)
            if code:
                return self.mention(mm.start, mm.end, "country", code=code)
        return None

    def link_conjuncts(self) -> None:
        """'Congo and Costa Rica', 'Hungarian and Romanian officials' act together."""
        by_head = {m.head: m for m in self.out if not m.modifier}
        for m in self.out:
            if m.modifier:
                continue
            for c in self.doc[m.head].conjuncts:
                other = by_head.get(c.i)
                if other is not None and other is not m and other not in m.members:
                    m.members.append(other)
            for other in self.listed_appositions(m, by_head):
                if other not in m.members:
                    m.members.append(other)
        # "Hungarian and Romanian officials": the adjectives are conjoined modifiers
        for m in self.out:
            if m.kind not in ("group", "institution", "description") or m.modifier:
                continue
            codes = []
            for t in self.doc[self.doc[m.head].left_edge.i:m.head]:
                mm = self.by_token.get(t.i)
                if mm is not None and mm.what == "kb" and t.dep_ in ("conj", "amod", "compound") \
                        and not self.against_prefix(mm):
                    found = self.country_of_match(mm)
                    if found and found != m.code and found not in codes:
                        codes.append(found)
            for code in codes:
                inst = self.kb.institution(code, "military") if m.sector == "MIL" else None
                extra = self.mention(m.start, m.end, "group", head=m.head, code=code, sector=m.sector,
                                     plural=True, name=inst.name if inst else None,
                                     key=inst.key if inst else None)
                m.members.append(extra)


    def listed_appositions(self, m: Mention, by_head: dict[int, Mention]) -> list[Mention]:
        """'Japan, South Korea, and the Philippines': the small model reads the middle of a
        list as an apposition of its first member. A country (or a known person) cannot be
        another country's apposition, so where the phrase goes on to a conjunct, such an
        apposition is a member of the list too."""
        head = self.doc[m.head]
        if m.kind not in ("country", "person") or not m.key or not any(
                c.dep_ == "conj" for c in head.children):
            return []
        out = []
        for c in head.children:
            other = by_head.get(c.i)
            if c.dep_ == "appos" and other is not None and other.kind == m.kind and \
                    other.key and other.key != m.key:
                out.append(other)
        return out


def _inside_longer_name(m: Match, persons: list[tuple[int, int]]) -> bool:
    """'Hong' in 'Shin Hong-cheol' is not the Hong the knowledge base knows, nor 'Jackson'
    in 'Michael Jackson' a place."""
    if not all(f.form in ("short", "place") for f in m.forms):
        return False
    return any(s <= m.start and m.end <= e and (e - s) > (m.end - m.start) for s, e in persons)


def _phrase(tok: Token) -> str:
    toks = [t for t in tok.subtree if t.dep_ != "punct" or t.text in ",-"]
    return " ".join(t.text for t in toks).replace(" ,", ",")


def _same_noun(m: Mention, tok: Token) -> bool:
    return tok.lemma_.lower() in m.text.lower() or tok.lower_ in m.text.lower()
