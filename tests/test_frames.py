"""Event frames: type, CAMEO code, actor and recipient from the parse, on sentences of our own."""

from __future__ import annotations

import pytest

from legation.extract import Extractor

from .conftest import codes, extract


@pytest.mark.parametrize("text, etype, actor, recipient", [
    # verbal triggers, objects and prepositions
    ("Japan criticized China over the new air defense zone.", "ACCUSE", {"JPN"}, {"CHN"}),
    ("The Chinese foreign ministry condemned the Philippines on Monday.", "ACCUSE", {"CHN"}, {"PHL"}),
    ("Germany praised Poland for its support of the refugees.", "SUPPORT", {"DEU"}, {"POL"}),
    ("Egypt accused Ethiopia of violating the agreement.", "ACCUSE", {"EGY"}, {"ETH"}),
    # the object moved after its complement ("denounced as X the Y")
    ("Greece on Monday denounced as a grave provocation Turkey's violation of its airspace.", "ACCUSE",
     {"GRC"}, {"TUR"}),
    ("Turkish troops attacked Kurdish positions in northern Syria.", "ASSAULT", {"TUR"}, {"SYR"}),
    ("Kenyan police arrested dozens of Somali nationals in Nairobi.", "COERCE", {"KEN"}, {"SOM"}),
    ("Pakistan expelled two Indian diplomats on Friday.", "SANCTION", {"PAK"}, {"IND"}),
    # light verbs and nominal triggers
    ("The United States imposed sanctions on Iran last week.", "SANCTION", {"USA"}, {"IRN"}),
    ("Chinese and Russian warships held joint exercises near Japan.", "COOPERATE", {"CHN", "RUS"}, set()),
    ("Brazil's president paid a state visit to Angola.", "CONSULT", {"BRA"}, {"AGO"}),
    ("Norway granted asylum to three Iranian journalists.", "AID", {"NOR"}, {"IRN"}),
    # verb chains whose meaning differs from their parts
    ("Iran refused to accept inspectors from the IAEA.", "REJECT", {"IRN"}, set()),
    ("Serbia and Kosovo agreed to resume talks in Brussels.", "AGREE", {"SRB", "KOS"}, set()),
    ("Azerbaijan threatened to break off relations with Armenia.", "THREATEN", {"AZE"}, {"ARM"}),
    ("The European Union urged Belarus to release political prisoners.", "REQUEST", {"EUR"}, {"BLR"}),
    ("Sweden called for the release of the detained journalists by Eritrea.", "REQUEST", {"SWE"}, set()),
    # passives
    ("A Ukrainian convoy was attacked by Russian drones near Kharkiv.", "ASSAULT", {"RUS"}, {"UKR"}),
    ("Two Thai soldiers were killed by Cambodian troops.", "ASSAULT", {"KHM"}, {"THA"}),
    # compound actors
    ("The Republic of the Congo and Costa Rica signed a trade agreement.", "SUPPORT", {"COG", "CRI"}, set()),
    # meetings: visitor and host
    ("Vladimir Putin met Kim Jong Un in Vladivostok.", "CONSULT", {"RUS"}, {"PRK"}),
    # a hosted visit: the visitor is the actor (PLOVER manual, CONSULT)
    ("Russian President Vladimir Putin hosted Chinese President Xi Jinping in Moscow.", "CONSULT",
     {"CHN"}, {"RUS"}),
])
def test_frames_type_actor_recipient(extractor: Extractor, text: str, etype: str,
                                     actor: set[str], recipient: set[str]) -> None:
    events = extract(extractor, text)
    matching = [e for e in events if e["event"][0] == etype]
    assert matching, f"no {etype} in {[(e['event'], codes(e['actor'])) for e in events]}"
    e = matching[0]
    assert codes(e["actor"]) == actor
    if recipient:
        assert codes(e["recipient"]) & recipient == recipient
    assert e["cameo"] and e["quad_code"] in (1, 2, 3, 4) and e["event_scale"] is not None


@pytest.mark.parametrize("text", [
    "The weather in Paris was pleasant on Sunday.",
    "Stock markets rose sharply in Tokyo and London.",
    "The report was published in three languages.",
    "Scientists discovered a new species of frog in Brazil.",
])
def test_frames_nothing_between_political_actors_yields_nothing(extractor: Extractor, text: str) -> None:
    assert extract(extractor, text) == []


def test_frames_future_cooperation_is_agree(extractor: Extractor) -> None:
    [e] = extract(extractor, "Hungary will support the Security Council resolution, the minister said.")
    assert e["event"] == ["AGREE"] and codes(e["actor"]) == {"HUN"}


def test_frames_summoning_an_ambassador_is_accuse(extractor: Extractor) -> None:
    events = extract(extractor, "Lithuania summoned the Chinese ambassador over the remarks.")
    assert any(e["event"] == ["ACCUSE"] and codes(e["actor"]) == {"LTU"} for e in events)


def test_frames_cameo_mode_and_score_follow_the_lexicon(extractor: Extractor) -> None:
    [e] = extract(extractor, "Russia threatened to cut off gas supplies to Moldova.")
    assert e["event"] == ["THREATEN"] and e["cameo"].startswith("13") and e["quad_code"] == 3
    assert e["event_scale"] < 0


@pytest.mark.parametrize("text, actor, recipient", [
    ("Kenya's president said Somalia should stop meddling in its affairs.", {"KEN"}, {"SOM"}),
    ("The Turkish adviser says Washington needs to act.", {"TUR"}, {"USA"}),
    ("A Turkish official said Greece has to withdraw its troops.", {"TUR"}, {"GRC"}),
])
def test_frames_a_stated_obligation_of_another_party_is_a_demand(
        extractor: Extractor, text: str, actor: set[str], recipient: set[str]) -> None:
    ev = [e for e in extract(extractor, text) if e["event"][0] == "REQUEST"]
    assert ev, text
    assert codes(ev[0]["actor"]) == actor and codes(ev[0]["recipient"]) == recipient


@pytest.mark.parametrize("text", [
    "Turkey said it must defend its borders.",           # its own resolve
    "Turkey said it has to rebuild its economy.",
    "The minister said the farmers need a new road.",    # 'need' with no infinitive
])
def test_frames_a_partys_own_resolve_is_no_demand(extractor: Extractor, text: str) -> None:
    assert not [e for e in extract(extractor, text) if e["event"][0] == "REQUEST"]


def test_frames_a_demand_on_a_leader_by_activists_of_his_party(extractor: Extractor) -> None:
    # the addressee is of the speakers' country, but not the speakers themselves
    ev = extract(extractor, "Activists of the ruling Kenyan party rallied against President William Ruto, "
                            "saying he must resign.")
    assert any(codes(e["recipient"]) == {"KEN"} for e in ev)


def test_frames_a_party_of_a_conjoined_clause_is_not_this_events(extractor: Extractor) -> None:
    ev = [e for e in extract(extractor, "Iran rejected the proposal on Friday, and said it would ask "
                                        "Russia for help.") if e["event"][0] == "REJECT"]
    assert ev and "RUS" not in codes(ev[0]["recipient"])


@pytest.mark.parametrize("text, etype", [
    ("The Israeli prime minister vowed to enforce law and order.", "AGREE"),
    ("Kenya's foreign minister expressed support for peace and stability.", "SUPPORT"),
])
def test_frames_a_directed_statement_naming_no_other_party_is_left_out(
        extractor: Extractor, text: str, etype: str) -> None:
    assert not [e for e in extract(extractor, text) if e["event"][0] == etype]
    kept = [e for e in extract(extractor, text, include_untargeted=True) if e["event"][0] == etype]
    assert kept and not kept[0]["recipient"]  # kept on request, as it was found


@pytest.mark.parametrize("text, etype", [
    ("Kenya condemned the violence on Monday.", "ACCUSE"),
    ("North Korea threatened to conduct a nuclear test.", "THREATEN"),
    ("Ethiopia refused to withdraw its troops from the disputed town.", "REJECT"),
])
def test_frames_a_statement_against_an_unnamed_party_is_kept(extractor: Extractor, text: str,
                                                               etype: str) -> None:
    assert [e for e in extract(extractor, text) if e["event"][0] == etype]


def test_frames_a_statement_between_two_of_its_actors_is_kept(extractor: Extractor) -> None:
    assert [e for e in extract(extractor, "Chile and Peru agreed to resume talks.") if e["event"][0] == "AGREE"]
