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


def _failure(extractor: Extractor, case: dict[str, Any]) -> str | None:
    """Why the extractor gets a case wrong, or None when it gets it right."""
    published = case.get("published", DEFAULT_PUBLISHED)
    if case.get("absent"):
        events = extract(extractor, case["text"], published)
        bad = [e for e in events if e["event"][0] == case["type"]
               and codes(e["actor"]) >= set(case.get("actor", []))]
        return f"unexpected {case['type']}: " + _show(bad) if bad else None
    negated = bool(case.get("negated"))
    if negated and [e for e in extract(extractor, case["text"], published)
                    if e["event"][0] == case["type"] and codes(e["actor"]) >= set(case["actor"])]:
        return "a negated event must not be output by default"
    events = extract(extractor, case["text"], published, include_negated=negated)
    found = [e for e in events if e["event"][0] == case["type"]
             and codes(e["actor"]) >= set(case.get("actor", []))]
    if not found:
        return f"no {case['type']} ({case['cameo']}) by {case.get('actor')}: " + _show(events)
    want = set(case.get("recipient") or [])
    if want:
        found = [e for e in found if codes(e["recipient"]) >= want]
        if not found:
            return f"recipient lacks {sorted(want)}"
    if found[0]["factuality"] != case["factuality"]:
        return f"factuality {found[0]['factuality']}, not {case['factuality']}"
    return None


# The share of the cases the extractor must get right: the level measured when the
# CAMEO dictionary was imported (0.71; 0.76 with verbs.yaml), less a small margin. Raise it as the lexicon grows;
# the failures are listed either way.
FLOOR = 0.74


def test_lexicon_sentences_pass_rate(extractor: Extractor) -> None:
    failures = {_id(c): why for c in CASES if (why := _failure(extractor, c)) is not None}
    rate = 1 - len(failures) / len(CASES)
    listing = "\n".join(f"{k}: {v}" for k, v in failures.items())
    assert rate >= FLOOR, f"{rate:.2f} of {len(CASES)} cases right; wrong:\n{listing}"


def test_absent_cases_give_no_event(extractor: Extractor) -> None:
    wrong = {_id(c): why for c in ABSENT if (why := _failure(extractor, c)) is not None}
    # sports reports still read as attacks: PETRARCH's discard list (Phoenix.discards.txt),
    # which would skip them, is not imported yet; any other case failing fails the test
    known = {k for k in wrong if k.startswith("absent:ASSAULT:") and ("beat" in k or "batsmen" in k)}
    assert not set(wrong) - known, wrong
