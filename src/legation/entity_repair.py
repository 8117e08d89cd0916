"""A pipeline component that mends the small model's entity spans that run over a verb.

The small English model sometimes reads a clause of two names as one name:
"Trump hosted Erdogan" comes out as a single PERSON, and every stage after it
then sees one unknown person instead of two known ones. A name is written in
capitals; a lower-case verb (tagged VERB or AUX by the same model) inside an
entity span is where one name ends and the next begins. The component splits such
spans at the verb, keeping each side as an entity of the same label, and leaves
every other entity alone.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

NAME = "legation_entity_repair"
SPLIT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _breaks(span: Span) -> list[int]:
    """Token indices inside ``span`` that cannot be part of a name."""
    return [t.i for t in span if t.pos_ in ("VERB", "AUX") and t.text.islower()]


def repair_entities(doc: Doc) -> Doc:
    ents: list[Span] = []
    changed = False
    for ent in doc.ents:
        cuts = _breaks(ent) if ent.label_ in SPLIT_LABELS else []
        if not cuts:
            ents.append(ent)
            continue
        changed = True
        start = ent.start
        for c in [*cuts, ent.end]:
            if c > start and any(t.text[:1].isupper() for t in doc[start:c]):
                ents.append(Span(doc, start, c, label=ent.label_))
            start = c + 1
    if changed:
        doc.set_ents(ents, default="outside")
    return doc


@Language.component(NAME)
def entity_repair(doc: Doc) -> Doc:
    return repair_entities(doc)


def install(nlp: Language) -> None:
    """Add the component right after the entity recognizer (once)."""
    if NAME not in nlp.pipe_names and "ner" in nlp.pipe_names:
        nlp.add_pipe(NAME, after="ner")
