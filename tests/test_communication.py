"""Diplomatic communications: kind, author, addressee, channel, status and occasion."""

from __future__ import annotations

import pytest

from legation.extract import Extractor

from .conftest import codes, extract, names


def comm_events(ex: Extractor, text: str, published: str = "2025-06-12") -> list[dict]:
    return [e for e in extract(ex, text, published) if e["communication"]]


@pytest.mark.parametrize("text, kind", [
    ("Xi Jinping sent a congratulatory message to Vladimir Putin.", "congratulatory message"),
    ("Emmanuel Macron sent a letter of condolence to the King of Morocco.", "condolence message"),
    ("Kim Jong Un sent a letter to Donald Trump.", "letter"),
    ("Kim Jong Un sent a New Year greeting message to Xi Jinping.", "greeting message"),
    ("Narendra Modi sent a thank-you message to Anthony Albanese.", "thank-you message"),
    ("Vladimir Putin held a phone call with Recep Tayyip Erdogan.", "phone call"),
    ("Joe Biden telephoned Olaf Scholz on Tuesday.", "phone call"),
    ("China extended an invitation to the Brazilian president.", "invitation"),
    ("The Japanese embassy delivered a note verbale to the Russian Foreign Ministry.", "note verbale"),
])
def test_communication_kind(extractor: Extractor, text: str, kind: str) -> None:
    events = comm_events(extractor, text)
    assert events, f"no communication found in {text!r}"
    assert events[0]["communication"]["kind"] == kind


def test_communication_author_addressee_and_status_sent(extractor: Extractor) -> None:
    [e] = comm_events(extractor, "Xi Jinping sent a congratulatory message to Vladimir Putin on Russia Day.")
    assert codes(e["actor"]) == {"CHN"} and codes(e["recipient"]) == {"RUS"}
    assert e["status"] == "sent" and e["event"] == ["SUPPORT"]
    assert e["communication"]["occasion"] == "Russia Day"
    assert e["date"] == "2025-06-12"


def test_communication_conveyed_by_envoy_is_delivered_with_channel(extractor: Extractor) -> None:
    text = ("Kim Jong Un's message to Vladimir Putin was conveyed by Shin Hong-cheol, the North Korean "
            "ambassador, when he met with officials from the Russian Foreign Ministry.")
    [e] = comm_events(extractor, text)
    assert e["status"] == "delivered"
    channel = {c["name"] or c["entity_text"] for c in e["communication"]["channel"]}
    assert "Shin Hong-cheol" in channel
    assert codes(e["communication"]["channel"]) == {"PRK", "RUS"}
    assert codes(e["recipient"]) == {"RUS"}


def test_communication_refused_by_diplomats_on_behalf_of_addressee(extractor: Extractor) -> None:
    text = ("North Korean diplomats in New York refused to accept a letter from President Trump "
            "intended for Kim Jong Un.")
    events = extract(extractor, text)
    [letter] = [e for e in events if e["communication"]]
    assert letter["status"] == "refused"
    assert codes(letter["actor"]) == {"USA"} and names(letter["recipient"]) == {"Kim Jong Un"}
    assert "New York Channel" in {c["name"] for c in letter["communication"]["channel"]}
    [reject] = [e for e in events if e["event"] == ["REJECT"]]
    assert codes(reject["actor"]) == {"PRK"} and codes(reject["recipient"]) == {"USA"}
    assert reject["communication"] is None


def test_communication_story_steps_merge_into_one_event(extractor: Extractor) -> None:
    text = ("President Trump has drafted a letter to send to Kim Jong Un, a senior official said. "
            "Despite several attempts to deliver the letter, North Korean diplomats refused to accept it.")
    letters = comm_events(extractor, text)
    assert len(letters) == 1
    assert letters[0]["status"] == "refused"


@pytest.mark.parametrize("text, status", [
    ("Moon Jae-in has drafted a letter to Kim Jong Un.", "planned"),
    ("Moon Jae-in sent a letter to Kim Jong Un.", "sent"),
    ("Kim Jong Un received a letter from Moon Jae-in.", "delivered"),
    ("Seoul tried to deliver a letter to Pyongyang.", "attempted"),
    ("Pyongyang rejected a letter from Seoul.", "refused"),
])
def test_communication_status(extractor: Extractor, text: str, status: str) -> None:
    events = comm_events(extractor, text, "2019-06-12")
    assert events and events[0]["status"] == status


def test_communication_occasion_dates_last_years_message(extractor: Extractor) -> None:
    [e] = comm_events(extractor, "Kim Jong Un also sent a congratulatory message to Vladimir Putin "
                                 "last year on Russia's National Day.")
    assert e["date"].startswith("2024-06") and e["communication"]["occasion"] == "Russia Day"


def test_communication_past_reference_joins_earlier_message(extractor: Extractor) -> None:
    text = ("Kim Jong Un sent a congratulatory message to Vladimir Putin last year. "
            "In a past congratulatory message, Kim emphasized the friendship between the countries.")
    assert len(comm_events(extractor, text)) == 1
