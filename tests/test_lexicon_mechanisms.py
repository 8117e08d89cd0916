"""The mechanisms that came with the imported lexicon, each on sentences of our own.

Every case names the rule it checks, so a failure points at it: nouns open to any
governing verb and the verbs that cancel them, imported entries kept to reported
predicates, hand-written entries overriding imported ones, statements that take the
author of what they judge as recipient, rejections that answer an earlier charge,
and judgements in words of disapproval.
"""

from __future__ import annotations

from typing import Any

import pytest

from legation.extract import Extractor

from .conftest import codes, extract

CASES: list[tuple[str, str, str, str, set[str], set[str]]] = [
    # (rule, text, type, cameo, actor codes, recipient codes)
    ("noun under any verb", "Russian warplanes carried out air strikes on Aleppo.", "ASSAULT", "195",
     {"RUS"}, {"SYR"}),
    ("cancelling verb: the noun's own recode", "The Egyptian navy lifted its blockade of the port.",
     "RETREAT", "0872", {"EGY"}, set()),
    ("cancelling verb: the type's recode", "Mexico ended its sanctions on Venezuela.", "RETREAT", "085",
     {"MEX"}, {"VEN"}),
    ("imported pattern with its object", "Australia extended a loan to Fiji.", "AID", "071", {"AUS"}, {"FJI"}),
    ("imported pattern with a particle", "Japan handed over the fugitive to South Korea.", "COOPERATE", None,
     {"JPN"}, {"KOR"}),
    ("hand-written noun over an imported verb", "Iran's judiciary granted amnesty to hundreds of prisoners.",
     "CONCEDE", "081", {"IRN"}, set()),
    ("statement about another's plan", "Colombian rebels rejected a Venezuelan peace plan.", "REJECT", None,
     {"COL"}, {"VEN"}),
    ("statement about another's act", "Greece denounced Turkey's violation of its airspace.", "ACCUSE", None,
     {"GRC"}, {"TUR"}),
    ("rejection answers the charge", "Sudan accused Chad of arming the rebels. Chad rejected the charge.",
     "REJECT", None, {"TCD"}, {"SDN"}),
    ("judgement in words of disapproval", "The Polish foreign minister said Belarus's conduct was unacceptable.",
     "ACCUSE", "111", {"POL"}, {"BLR"}),
    ("passive agent hung on the gerund", "Kenya's former finance minister has been accused of taking bribes "
     "by Ugandan prosecutors.", "ACCUSE", None, {"UGA"}, {"KEN"}),
    ("adjective with its preposition", "Italy is critical of the French proposal.", "ACCUSE", None,
     {"ITA"}, {"FRA"}),
    ("a preposition-only pattern that links two parties", "Chinese warships went to Cambodia on Monday.",
     "CONSULT", None, {"CHN"}, {"KHM"}),
    ("releasing a party", "Russia freed an American teacher.", "RETREAT", "0841", {"RUS"}, {"USA"}),
    ("an exercise of two countries' forces is a joint one", "Chinese and Russian warships held naval "
     "exercises in the East China Sea.", "COOPERATE", "062", {"CHN", "RUS"}, set()),
    ("through a partitive to the event", "Greek and Israeli jets began three days of war games on Monday.",
     "COOPERATE", "062", {"GRC", "ISR"}, set()),
    ("an exercise of one country's forces", "Russian warships held naval exercises near Japan.",
     "MOBILIZE", None, {"RUS"}, {"JPN"}),
    ("a verb that repeats a light verb", "Chile and Bolivia reopened negotiations on Monday.", "CONSULT",
     "046", {"CHL", "BOL"}, set()),
    ("the light verb's indirect object", "Japan offered Vietnam a grant for the new port.", "AGREE", None,
     {"JPN"}, {"VNM"}),
    ("concern about another party's conduct", "Germany is deeply concerned about Russia's military buildup.",
     "ACCUSE", "111", {"DEU"}, {"RUS"}),
    ("releasing captives by name", "Hamas released three hostages on Saturday.", "RETREAT", "0841",
     {"PSE"}, set()),
]

ABSENT: list[tuple[str, str, str]] = [
    ("a condemner is no attacker", "Kenya condemned the attack on the embassy.", "ASSAULT"),
    ("a bare dictionary verb needs two parties", "Brazil needs more time to decide.", "REQUEST"),
    ("an intention of nothing coded", "Peru decided to take the matter home.", "AGREE"),
    ("an event clause is no judgement", "Jordan imposed sanctions on the illegal traders, Jordan's cabinet said.",
     "ACCUSE"),
    ("a demand referred to is not made here", "The strike will go on until Kenya's demands are met.",
     "REQUEST"),
    ("a peace plan plans nothing", "Mali rejected an Algerian peace plan.", "THREATEN"),
    ("a preposition-only pattern needs two parties", "The Iranian tanker is heading to Iran.", "AGREE"),
    ("releasing a thing is no release of people", "In 2017, China released an AI development program.",
     "RETREAT"),
    ("concern for one's own people is no disapproval", "Kenya is concerned about the safety of its citizens.",
     "ACCUSE"),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_mechanism(extractor: Extractor, case: tuple[str, str, str, str, set[str], set[str]]) -> None:
    _, text, etype, cameo, actor, recipient = case
    events: list[dict[str, Any]] = extract(extractor, text, "2024-05-15")
    found = [e for e in events if e["event"][0] == etype and codes(e["actor"]) >= actor
             and codes(e["recipient"]) >= recipient]
    assert found, [(e["event"][0], e["cameo"], sorted(codes(e["actor"])), sorted(codes(e["recipient"])))
                   for e in events]
    if cameo:
        assert found[0]["cameo"] == cameo


@pytest.mark.parametrize("case", ABSENT, ids=[c[0] for c in ABSENT])
def test_mechanism_absent(extractor: Extractor, case: tuple[str, str, str]) -> None:
    _, text, etype = case
    events = extract(extractor, text, "2024-05-15")
    assert not [e for e in events if e["event"][0] == etype], [(e["event"][0], e["cameo"]) for e in events]


def test_a_claim_repeated_against_a_party_is_an_allegation(extractor: Extractor) -> None:
    ev = [e for e in extract(extractor, "Pakistan reiterated the claim that the attack was orchestrated by "
                                        "militants based in Afghanistan.", "2025-03-13")
          if e["event"][0] == "ACCUSE"]
    assert ev and codes(ev[0]["actor"]) == {"PAK"} and codes(ev[0]["recipient"]) == {"AFG"}


def test_a_territorial_claim_is_no_allegation(extractor: Extractor) -> None:
    assert not [e for e in extract(extractor, "China repeated its claim to the islands.", "2025-03-13")
                if e["event"][0] == "ACCUSE"]
