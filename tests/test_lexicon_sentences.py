"""The CAMEO verb space on sentences of our own, for the lexicon imported from PETRARCH.

The cases live in tests/data/lexicon_sentences.yaml: each has the CAMEO code a
careful coder would give, the PLOVER type that code maps to, actor and recipient
codes and factuality. A negated case expects no event by default and a
"negated" event when negated events are asked for; an `absent` case expects no
event of its type by its actors at all (sport, events without a coded party,
events that the sentence cancels).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from legation.extract import Extractor
from legation.ontology import PLOVER_TYPES, Ontology

from .conftest import codes, extract

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "data" / "lexicon_sentences.yaml").read_text(encoding="utf-8"))
PRESENT = [c for c in CASES if not c.get("absent")]
ABSENT = [c for c in CASES if c.get("absent")]
DEFAULT_PUBLISHED = "2024-05-15"


def _id(case: dict[str, Any]) -> str:
    return f"{case.get('cameo', 'absent')}:{case['type']}:{case['text'][:50]}"


def _show(events: list[dict[str, Any]]) -> str:
    return "; ".join(
        f"{e['event'][0]} {sorted(codes(e['actor']))}->{sorted(codes(e['recipient']))} {e['factuality']}"
        for e in events)


def test_lexicon_sentences_cover_the_cameo_space() -> None:
    assert len(CASES) >= 160
    per_type = Counter(c["type"] for c in PRESENT)
    assert all(per_type[t] >= 6 for t in PLOVER_TYPES), per_type
    assert len({c["cameo"] for c in PRESENT}) >= 90
    assert len(ABSENT) >= 8
    assert all(c["type"] in PLOVER_TYPES and "cameo" not in c for c in ABSENT), ABSENT


def test_lexicon_sentence_codes_map_to_their_type() -> None:
    table = Ontology().cameo
    wrong = [(c["cameo"], c["type"], table[c["cameo"]].plover if c["cameo"] in table else None, c["text"])
             for c in PRESENT
             if not isinstance(c["cameo"], str) or c["cameo"] not in table
             or table[c["cameo"]].plover != c["type"]]
    assert not wrong, wrong


@pytest.mark.parametrize("case", PRESENT, ids=_id)
def test_lexicon_sentence(extractor: Extractor, case: dict[str, Any]) -> None:
    published = case.get("published", DEFAULT_PUBLISHED)
    negated = bool(case.get("negated"))
    if negated:
        assert not [e for e in extract(extractor, case["text"], published)
                    if e["event"][0] == case["type"] and codes(e["actor"]) >= set(case["actor"])], \
            "a negated event must not be output by default"
    events = extract(extractor, case["text"], published, include_negated=negated)
    found = [e for e in events if e["event"][0] == case["type"]
             and codes(e["actor"]) >= set(case.get("actor", []))]
    assert found, f"no {case['type']} ({case['cameo']}) by {case.get('actor')}: " + _show(events)
    want = set(case.get("recipient") or [])
    if want:
        with_recipient = [e for e in found if codes(e["recipient"]) >= want]
        assert with_recipient, f"recipient lacks {sorted(want)}: " + _show(found)
        found = with_recipient
    assert found[0]["factuality"] == case["factuality"], _show(found)


@pytest.mark.parametrize("case", ABSENT, ids=_id)
def test_lexicon_sentence_absent(extractor: Extractor, case: dict[str, Any]) -> None:
    events = extract(extractor, case["text"], case.get("published", DEFAULT_PUBLISHED))
    bad = [e for e in events if e["event"][0] == case["type"]
           and codes(e["actor"]) >= set(case.get("actor", []))]
    assert not bad, f"unexpected {case['type']}: " + _show(bad)
