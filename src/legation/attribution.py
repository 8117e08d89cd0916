"""Who reports an event, and how surely: attribution and factuality.

Attribution follows the event's clause up the parse to the verbs of saying
that govern it ("KCNA reported on the 11th that ...", "..., said the
source", "according to ..."), and inside a quotation to its speaker. A
source that was cited by an outlet ("The outlet cited a senior source")
brings the outlet along. Factuality takes the strongest cue on the same
path below the report: a negation, a condition, a future, a speculation
("it is likely that", "may"), a hedge ("reportedly", "it is known that");
an attributed event is "reported", the rest "asserted".
"""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import Cue, Lexicon
from .mentions import Mention
from .nlp import Sentence
from .records import FACTUALITY_ORDER
from .syntax import children, is_passive, prep_objects

STOP_DEPS = {"relcl"}


class Attributor:
    """Sets sources, quote and factuality on frames; remembers citations in a document."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self.cite_verbs = lexicon.words.cite_verbs
        self.cited_by: dict[int, list[Mention]] = {}  # id(source mention) -> outlets citing it
        self.unnamed_report = False  # the last event had a verb of saying with no resolvable source

    def reset(self) -> None:
        self.cited_by = {}

    # -- per sentence ----------------------------------------------------------------
    def note_citations(self, sent: Sentence, index) -> None:  # type: ignore[no-untyped-def]
        """'The outlet cited a senior source': the source speaks through the outlet."""
        for tok in sent.doc:
            if tok.lemma_.lower() not in self.cite_verbs and tok.lower_ not in self.cite_verbs:
                continue
            outlets: list[Mention] = []
            for s in children(tok, "nsubj"):
                outlets += index.for_token(s)
            if not outlets and tok.dep_ in ("advcl", "acl", "conj"):
                for s in children(tok.head, "nsubj"):
                    outlets += index.for_token(s)
            for o in children(tok, "dobj"):
                for m in index.for_token(o):
                    self.cited_by.setdefault(id(m), []).extend(outlets)

    def sources(self, sent: Sentence, anchor: int, index, speaker: Mention | None,  # type: ignore[no-untyped-def]
                trigger: list[int] | None = None) -> tuple[list[Mention], int | None]:
        """Sources of the event at ``anchor``, and the token of the closest report verb.
        A verb of saying that is part of the event itself ("said Germany must pay") is not
        a report of it."""
        doc = sent.doc
        self.unnamed_report = False
        out: list[Mention] = []
        report_at: int | None = None
        tok = doc[anchor]
        for anc in [tok, *tok.ancestors]:
            if anc.i != anchor and anc.i not in (trigger or ()) and \
                    anc.lemma_.lower() in self.lex.speech_verbs and anc.pos_ in ("VERB", "AUX"):
                subj_toks = prep_objects(anc, "by") if is_passive(anc) else children(anc, "nsubj")
                subj = [m for s in subj_toks for m in index.for_token(s, keep_uncoded=True)]
                if subj:
                    out += subj
                if subj_toks:  # "..., police said": reported even when the source has no code
                    report_at = anc.i if report_at is None else report_at
                    self.unnamed_report = True
            for c in anc.children:  # "according to X"; the clause it hangs on is the report's
                if c.dep_ == "prep" and c.lower_ == "according":  # content, cues and all
                    for o in prep_objects(c, "to"):
                        out += index.for_token(o)
        if report_at is None:
            # "North Korea fired two missiles, the Joint Chiefs of Staff said": the parser may hang
            # the verb of saying below the event it reports
            for c in tok.children:
                if c.dep_ in ("parataxis", "ccomp", "advcl") and c.i > anchor and \
                        c.lemma_.lower() in self.lex.speech_verbs and not children(c, "ccomp", "dobj"):
                    subj_toks = children(c, "nsubj")
                    out += [m for s in subj_toks for m in index.for_token(s, keep_uncoded=True)]
                    if subj_toks:
                        report_at = c.i
                        self.unnamed_report = True
        if sent.quoted and sent.quoted[anchor] and speaker is not None:
            out.append(speaker)
        # a source keeps the outlet that cited it
        expanded: list[Mention] = []
        for m in out:
            for r in [m, *m.resolved]:
                for outlet in self.cited_by.get(id(r), []):
                    expanded.append(outlet)
        return _dedupe(out + expanded), report_at

    def factuality(self, sent: Sentence, anchor: int, report_at: int | None,
                   has_source: bool, trigger: list[int]) -> set[str]:
        """Every factuality cue that applies to the event at ``anchor`` (see :func:`strongest`)."""
        doc = sent.doc
        found: set[str] = set()
        path = [doc[anchor], *doc[anchor].ancestors]
        for n, node in enumerate(path):
            if report_at is not None and node.i == report_at:
                break
            if n > 0 and node.dep_ in STOP_DEPS:
                pass
            # the node itself as a cue: "it is known that", "it appears that"
            if n > 0 or node.i not in trigger:
                for cue in self.lex.cues.get(node.lemma_.lower(), []):
                    if self._applies(cue, node, as_head=True):
                        found.add(cue.factuality)
            across_conj = n > 0 and path[n - 1].dep_ == "conj"
            for c in node.children:
                if n > 0 and c.i in {p.i for p in path[:n]}:
                    continue
                for cue in self.lex.cues.get(c.lemma_.lower(), []) + self.lex.cues.get(c.lower_, []):
                    if across_conj and cue.factuality == "negated":
                        continue  # "said it was not aware ... and accused Kyiv": not negated
                    if self._applies(cue, c, as_head=False):
                        found.add(cue.factuality)
            if node.dep_ in ("relcl",) or (n > 0 and node.pos_ in ("NOUN", "PROPN") and node.dep_ in (
                    "nsubj", "nsubjpass")):
                break
        if has_source:
            found.add("reported")
        return found

    @staticmethod
    def _applies(cue: Cue, tok: Token, as_head: bool) -> bool:
        if cue.pos and tok.pos_ not in cue.pos:
            return False  # "rejected the peace plan": the noun plans nothing
        if cue.deps and not as_head and tok.dep_ not in cue.deps:
            return False
        if cue.deps and as_head and cue.requires == "none":
            return False  # aux/neg/mark cues count as dependents only
        if cue.requires == "it_subject":
            return as_head and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "it"
                                   for c in tok.children)
        if cue.requires == "passive":
            return as_head and is_passive(tok)
        if cue.lemma in ("appear", "seem") and not as_head:
            return False
        if cue.lemma in ("appear", "seem"):
            return any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in tok.children) or any(
                c.dep_ == "xcomp" for c in tok.children)
        if cue.lemma == "fail" and not as_head:
            return False
        return True


def strongest(found: set[str]) -> str:
    """The strongest qualifier among the cues found; 'asserted' when there are none."""
    for f in FACTUALITY_ORDER:
        if f in found:
            return f
    return "asserted"


def _dedupe(ms: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    seen: set[int] = set()
    for m in ms:
        r = m.resolved[0]
        if id(r) in seen:
            continue
        seen.add(id(r))
        out.append(m)
    return out
