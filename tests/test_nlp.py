"""The NLP stage: sentences, the candidate test, and the speed settings that must not change results."""

from __future__ import annotations

import json
from typing import Any

import pytest

from legation.extract import Extractor
from legation.nlp import load_model
from legation.reader import Reader
from legation.records import Document

from .conftest import extract, shared_path


@pytest.mark.parametrize("sentence, candidate", [
    ("Japan accused China of espionage.", True),
    ("The Japanese ministry protested on Tuesday.", True),     # an inflected event word
    ("They were condemning the raid.", True),                  # a pronoun can be the actor
    ("the plan was postponed again.", False),                  # an event word, but nobody to do it
    ("Kim Jong Un smiled at the crowd in Pyongyang.", False),  # names, but no event word
    ("The weather was fine all week.", False),
])
def test_nlp_candidates_need_an_event_word_and_an_actor(extractor: Extractor, sentence: str,
                                                        candidate: bool) -> None:
    assert extractor.parser.candidates is not None
    assert extractor.parser.candidates(extractor.nlp.make_doc(sentence)) is candidate


def test_nlp_sentences_without_events_are_tokenized_not_parsed(extractor: Extractor) -> None:
    text = ("The weather was fine all week.\n"
            "Japan's foreign ministry protested to China on Tuesday, Kyodo News reported.")
    first, second = extractor.parser.parse(text)
    assert not first.parsed and not first.doc.has_annotation("DEP")
    assert second.parsed and second.doc.has_annotation("DEP") and second.doc.ents
    for s in (first, second):
        assert text[s.start:s.end] == s.text and len(s.quoted) == len(s.doc)


def _without_filter(extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extractor.parser, "candidates", None)


def test_nlp_skipped_sentence_still_names_the_actor(extractor: Extractor,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    text = ("Kim Jong Un smiled at the crowd in Pyongyang on Monday.\n"
            "Chairman Kim later sent a congratulatory message to Vladimir Putin.")
    sentences = extractor.parser.parse(text)
    assert [s.parsed for s in sentences] == [False, True]
    with_filter = extract(extractor, text)
    assert [a["name"] for a in with_filter[0]["actor"]] == ["Kim Jong Un"]
    _without_filter(extractor, monkeypatch)
    assert extract(extractor, text) == with_filter


@pytest.mark.parametrize("name, path", [("seed", "article.jsonl"), ("plover_gsr", "input.jsonl")])
def test_nlp_candidate_filter_keeps_every_event_of_the_shared_sets(
        extractor: Extractor, monkeypatch: pytest.MonkeyPatch, name: str, path: str) -> None:
    docs = [d for d in Reader().read([str(shared_path("eval", name, path))]) if isinstance(d, Document)]

    def events() -> list[dict[str, Any]]:
        return [e.to_dict() for r in extractor.run(docs) for e in r.events]

    filtered = events()
    _without_filter(extractor, monkeypatch)
    assert events() == filtered


def test_nlp_numpy_blas_parses_exactly_as_blis(extractor: Extractor) -> None:
    from thinc.api import NumpyOps

    assert any(type(n.ops) is NumpyOps and not n.ops.use_blis
               for _, p in extractor.nlp.pipeline if getattr(p, "model", None) is not None
               for n in p.model.walk())
    blis = load_model(numpy_blas=False)
    text = shared_path("eval", "seed", "article.txt").read_text(encoding="utf-8")
    ours = [(t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_iob_, t.ent_type_) for t in extractor.nlp(text)]
    theirs = [(t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_iob_, t.ent_type_) for t in blis(text)]
    assert ours == theirs


def test_nlp_table_attribute_ruler_annotates_exactly_as_spacys(extractor: Extractor) -> None:
    from legation.nlp import TableAttributeRuler

    assert isinstance(extractor.nlp.get_pipe("attribute_ruler"), TableAttributeRuler)
    spacys = load_model(table_rules=False)
    texts = [shared_path("eval", "seed", "article.txt").read_text(encoding="utf-8"),
             # the ruler's rules of several tokens and regular expressions
             "Let's go: we're gonna win, ain't we? I gotta say nothin' is wrong, y'all. C'mon!\n"
             "There's a meeting; there were two.  \n\n  Isn't it? Nuthin' doin'."]
    texts += [json.loads(line)["text"] for line in
              shared_path("eval", "plover_gsr", "input.jsonl").read_text(encoding="utf-8").splitlines()]

    def annotations(nlp) -> list[tuple[str, ...]]:  # type: ignore[no-untyped-def]
        return [(t.pos_, t.tag_, t.dep_, t.lemma_, str(t.morph)) for d in nlp.pipe(texts) for t in d]

    assert annotations(extractor.nlp) == annotations(spacys)
