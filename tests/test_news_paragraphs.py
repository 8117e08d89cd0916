"""Paragraphs in the style of wire copy, of our own writing, with the mistakes they once caused.

Each test names the reading a user would expect and the wrong one the pipeline
once produced, so a regression says which of the two came back.
"""

from __future__ import annotations

from typing import Any

from legation.extract import Extractor

from .conftest import codes, extract


def _of(events: list[dict[str, Any]], etype: str, actor: str) -> list[dict[str, Any]]:
    return [e for e in events if e["event"][0] == etype and actor in codes(e["actor"])]


def test_a_minister_in_apposition_is_the_source_and_speaks_for_his_state(extractor: Extractor) -> None:
    events = extract(extractor, "Iran's foreign minister Abbas Araghchi said on Sunday that Tehran "
                     "was ready to resume indirect nuclear talks with Washington.", "2025-11-20")
    (agree,) = _of(events, "AGREE", "IRN")
    assert codes(agree["recipient"]) == {"USA"}
    # the minister's own announcement is the event, not a report of it with no source
    assert agree["factuality"] == "asserted"


def test_a_minister_reporting_another_states_act_is_its_source(extractor: Extractor) -> None:
    events = extract(extractor, "The Japanese foreign minister Takeshi Iwaya said on Sunday that "
                     "North Korea had fired two missiles into the sea.", "2025-11-20")
    (fired,) = _of(events, "MOBILIZE", "PRK")
    assert fired["factuality"] == "reported"
    assert [s["name"] for s in fired["attribution"]["sources"]] == ["Takeshi Iwaya"]


def test_a_warning_about_ones_own_response_has_no_recipient_of_ones_own_state(extractor: Extractor) -> None:
    events = extract(extractor, "Araghchi, Iran's foreign minister, warned that Iran would respond "
                     "forcefully to any attack on its nuclear facilities.", "2025-11-20")
    (warning,) = _of(events, "THREATEN", "IRN")
    assert "IRN" not in codes(warning["recipient"])


def test_a_coordinated_request_does_not_borrow_the_first_verbs_object(extractor: Extractor) -> None:
    events = extract(extractor, "President Volodymyr Zelensky thanked Germany for delivering another "
                     "Patriot air defence system and urged Western allies to speed up deliveries "
                     "of long-range weapons.", "2025-11-20")
    (thanks,) = _of(events, "SUPPORT", "UKR")
    assert codes(thanks["recipient"]) == {"DEU"}
    (request,) = _of(events, "REQUEST", "UKR")
    assert "DEU" not in codes(request["recipient"])


def test_what_an_accusation_alleges_is_not_an_event_of_its_own(extractor: Extractor) -> None:
    events = extract(extractor, "The Kremlin said it was not aware of any new peace initiative and "
                     "accused Kyiv of refusing to negotiate.", "2025-11-20")
    (accusation,) = _of(events, "ACCUSE", "RUS")
    assert codes(accusation["recipient"]) == {"UKR"}
    assert accusation["factuality"] == "asserted"  # "not aware" is negated, not the accusation
    assert not [e for e in events if e["event"][0] == "REJECT"]


def test_according_to_keeps_the_future_of_the_clause_it_reports(extractor: Extractor) -> None:
    events = extract(extractor, "Russian President Vladimir Putin is expected to visit Pyongyang "
                     "next year, according to Russian state media.", "2025-11-20")
    (visit,) = [e for e in events if "RUS" in codes(e["actor"])]
    # a planned visit is coded as the intent to meet (PLOVER AGREE), not as a visit that happened
    assert visit["event"] == ["AGREE"] and visit["cameo"] == "036"
    assert codes(visit["recipient"]) == {"PRK"}
    assert visit["date"] == "2026"
    assert [s["name"] for s in visit["attribution"]["sources"]] == ["Russian state media"]


def test_a_capital_named_as_a_place_stays_the_domestic_recipient(extractor: Extractor) -> None:
    events = extract(extractor, "The Ivorian president announced that he will extend the curfew "
                     "in Abidjan.", "2025-11-20")
    (threat,) = _of(events, "THREATEN", "CIV")
    assert codes(threat["recipient"]) == {"CIV"}


def test_the_north_after_north_korea_is_north_korea(extractor: Extractor) -> None:
    events = extract(extractor, "South Korea and Japan agreed to strengthen security cooperation "
                     "in response to North Korea's growing military ties with Russia. "
                     "Cho told reporters that the North had ignored repeated offers of talks.",
                     "2025-11-20")
    (refusal,) = [e for e in events if e["event"][0] == "REJECT"]
    assert codes(refusal["actor"]) == {"PRK"}
    assert refusal["actor"][0]["entity_text"] == "the North"


def test_the_north_with_no_such_country_before_it_is_no_one(extractor: Extractor) -> None:
    events = extract(extractor, "Britain and France agreed to strengthen security cooperation. "
                     "Officials said the North had ignored repeated offers of talks.", "2025-11-20")
    assert not [e for e in events if e["event"][0] == "REJECT"]


def test_a_group_of_no_country_asking_both_sides_takes_neither_sides_country(extractor: Extractor) -> None:
    events = extract(extractor, "Netanyahu said Israel would not allow Iran to obtain nuclear weapons. "
                     "European diplomats have urged both sides to show restraint.", "2025-11-20")
    requests = [e for e in events if e["event"][0] == "REQUEST"]
    assert not [e for e in requests if codes(e["actor"]) & {"ISR", "IRN"}]
