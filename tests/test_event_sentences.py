"""Every PLOVER type on sentences of our own: type, actor, recipient and factuality.

The cases live in tests/data/event_sentences.yaml so they can be read and
extended without touching code. A negated case expects no event by default
and a "negated" event when negated events are asked for.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from legation.extract import Extractor
from legation.ontology import PLOVER_TYPES

from .conftest import codes, extract

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "data" / "event_sentences.yaml").read_text(encoding="utf-8"))


def _id(case: dict[str, Any]) -> str:
    return f"{case['type']}:{case['text'][:50]}"


def test_event_sentences_cover_every_type_and_modality() -> None:
    per_type = Counter(c["type"] for c in CASES)
    assert len(CASES) >= 150
    assert all(per_type[t] >= 5 for t in PLOVER_TYPES), per_type
    facts = Counter(c["factuality"] for c in CASES)
    assert facts["negated"] >= 3 and facts["future"] >= 3 and facts["hypothetical"] >= 3, facts


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_event_sentence(extractor: Extractor, case: dict[str, Any]) -> None:
    negated = bool(case.get("negated"))
    events = extract(extractor, case["text"], case.get("published", "2024-05-15"),
                     include_negated=negated)
    if negated:
        assert not [e for e in extract(extractor, case["text"], case.get("published", "2024-05-15"))
                    if e["event"][0] == case["type"] and codes(e["actor"]) >= set(case["actor"])], \
            "a negated event must not be output by default"
    found = [e for e in events if e["event"][0] == case["type"]
             and codes(e["actor"]) >= set(case.get("actor", []))]
    assert found, f"no {case['type']} by {case.get('actor')}: " + "; ".join(
        f"{e['event'][0]} {sorted(codes(e['actor']))}->{sorted(codes(e['recipient']))} {e['factuality']}"
        for e in events)
    e = found[0]
    if "recipient" in case:
        want = set(case["recipient"])
        got = codes(e["recipient"])
        assert (got >= want) if want else True, f"recipient {sorted(got)} lacks {sorted(want)}"
    assert e["factuality"] == case["factuality"]
