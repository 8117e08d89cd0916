"""Who reports an event and how surely: attribution sources and factuality."""

from __future__ import annotations

import pytest

from legation.extract import Extractor

from .conftest import codes, extract


def sources(e: dict) -> set[str]:
    return {s["name"] for s in e["attribution"]["sources"]}


@pytest.mark.parametrize("text, factuality", [
    ("Japan criticized China on Monday.", "asserted"),
    ("Japan reportedly criticized China on Monday.", "hedged"),
    ("It is known that Japan criticized China.", "hedged"),
    ("Japan criticized China, Kyodo reported.", "reported"),
    ("According to Yonhap, Japan criticized China.", "reported"),
    ("It is likely that Japan criticized China.", "speculative"),
    ("Japan may have criticized China.", "speculative"),
    ("If Japan criticizes China, Beijing will respond.", "hypothetical"),
    ("Japan will criticize China at the summit.", "future"),
])
def test_factuality(extractor: Extractor, text: str, factuality: str) -> None:
    events = [e for e in extract(extractor, text) if e["event"] == ["ACCUSE"]]
    assert events and events[0]["factuality"] == factuality


@pytest.mark.parametrize("text", [
    "Japan did not criticize China.",
    "Japan never criticized China at the meeting.",
])
def test_negated_events_are_not_output_by_default(extractor: Extractor, text: str) -> None:
    assert [e for e in extract(extractor, text) if e["event"] == ["ACCUSE"]] == []
    [e] = [e for e in extract(extractor, text, include_negated=True) if e["event"] == ["ACCUSE"]]
    assert e["factuality"] == "negated"


def test_attribution_named_source(extractor: Extractor) -> None:
    [e] = extract(extractor, "Korean Central News Agency reported on the 11th that Pyongyang "
                             "rejected the proposal from Seoul.")
    assert sources(e) == {"Korean Central News Agency"} and e["factuality"] == "reported"
    assert e["date"] == "2025-06-11"


def test_attribution_anonymous_source_keeps_the_outlet_that_cited_it(extractor: Extractor) -> None:
    text = ("NK News cited a senior source who requested anonymity. "
            "North Korean diplomats refused to accept the proposal from Washington, said the source.")
    [e] = [e for e in extract(extractor, text) if e["event"] == ["REJECT"]]
    assert "NK News" in sources(e)
    assert any(s["anonymous"] for s in e["attribution"]["sources"])


def test_attribution_speaker_is_not_the_actor(extractor: Extractor) -> None:
    [e] = extract(extractor, "Israel attacked Hamas positions in Gaza, the Egyptian foreign minister said.")
    assert codes(e["actor"]) == {"ISR"}
    assert codes(e["attribution"]["sources"]) == {"EGY"}


def test_attribution_quote_speaker(extractor: Extractor) -> None:
    text = 'The Iranian foreign minister said, "We condemn the American strikes on our territory."'
    [e] = [e for e in extract(extractor, text) if e["event"] == ["ACCUSE"]]
    assert e["attribution"]["quote"] is True and codes(e["actor"]) == {"IRN"}
