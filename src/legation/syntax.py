"""Small questions about a dependency parse that every stage asks."""

from __future__ import annotations

from spacy.tokens import Token

CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "conj", "acl", "relcl", "pcomp", "parataxis"}


def is_passive(tok: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)


def children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def prep_objects(tok: Token, *words: str) -> list[Token]:
    """Objects of the prepositions ``words`` that ``tok`` governs ('met with X')."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("prep", "dative", "agent") and c.lower_ in words:
            out.extend(g for g in c.children if g.dep_ in ("pobj", "pcomp"))
            out.extend(_name_read_as_prep(c))
        elif c.dep_ == "prt" and c.lower_ in words:  # "called on X" parsed as particle
            for g in tok.children:
                if g.dep_ in ("dobj",) and g.i > c.i:
                    out.append(g)
    return out


def _name_read_as_prep(prep: Token) -> list[Token]:
    """A name that begins with a function word, read by the small model as a second
    preposition ("to To Lam": to -> To -> Lam): the name's last word is the object."""
    out: list[Token] = []
    for g in prep.children:
        if g.dep_ == "prep" and g.i == prep.i + 1 and g.text[:1].isupper():
            out.extend(o for o in g.children if o.dep_ == "pobj" and o.pos_ == "PROPN" and o.i == g.i + 1)
    return out


def with_conjuncts(tok: Token) -> list[Token]:
    return [tok, *tok.conjuncts] if tok.dep_ != "conj" else [tok]


def depth(tok: Token) -> int:
    d = 0
    while tok.head.i != tok.i:
        tok = tok.head
        d += 1
        if d > 200:
            break
    return d


def particle(tok: Token) -> str | None:
    for c in tok.children:
        if c.dep_ == "prt":
            return c.lower_
    return None


def lemma_forms(tok: Token) -> set[str]:
    """The token's lemma and its plain form de-inflected: the small model lemmatizes
    'staged' as 'stag'; a light-verb check must still see 'stage'."""
    low = tok.lower_
    out = {tok.lemma_.lower(), low}
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ing", ""), ("ing", "e"), ("ed", ""),
                         ("ed", "e"), ("d", ""), ("es", ""), ("s", "")):
        if low.endswith(suffix) and len(low) - len(suffix) >= 3:
            out.add(low[: -len(suffix)] + repl)
    return out
