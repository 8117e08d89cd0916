"""Actor resolution in context: titles, adjectives, groups, institutions, quotes, coreference."""

from __future__ import annotations

from datetime import date

import pytest

from legation.coref import Discourse
from legation.extract import Extractor
from legation.mentions import Mention
from legation.records import Entity

from .conftest import codes, extract


def mentions(ex: Extractor, text: str, on: date = date(2025, 6, 12)) -> list[Mention]:
    discourse = Discourse()
    out: list[Mention] = []
    for sent in ex.parser.parse(text):
        out += [m for m in ex.actors.find(sent, discourse, on).mentions if not m.modifier]
    return out


def entity(ex: Extractor, text: str, target: str, on: date = date(2025, 6, 12)) -> Entity:
    """The entity for the mention whose text contains ``target`` (the last such in the text)."""
    found = [m for m in mentions(ex, text, on) if target in m.text]
    assert found, f"no mention containing {target!r} in {[m.text for m in mentions(ex, text, on)]}"
    return found[-1].entities(ex.kb, on)[0]


@pytest.mark.parametrize("text, target, code, sector, name", [
    ("North Korea's Commissioner Kim Jong Un sent a message.", "Kim Jong Un", "PRK", "GOV", "Kim Jong Un"),
    ("U.S. President Donald Trump spoke on Monday.", "Trump", "USA", "GOV", "Donald Trump"),
    ("President Putin received the envoy.", "Putin", "RUS", "GOV", "Vladimir Putin"),
    ("North Korean diplomats refused the letter.", "diplomats", "PRK", "GOV", None),
    ("He met with officials from the Russian Foreign Ministry.", "officials", "RUS", "GOV", None),
    ("Israeli troops remained on alert.", "troops", "ISR", "MIL", None),
    ("The Kremlin said the talks were useful.", "Kremlin", "RUS", "GOV", None),
    ("Pyongyang rejected the proposal.", "Pyongyang", "PRK", "GOV", "North Korea"),
    ("Washington imposed new sanctions.", "Washington", "USA", "GOV", "United States"),
    ("Korean Central News Agency reported the visit.", "Korean Central News Agency", "PRK", "JRN",
     "Korean Central News Agency"),
    ("Iraqi Kurds demonstrated in Kirkuk.", "Kurds", "IRQ", None, None),
    ("Thousands of Nigerians joined the rally.", "Nigerians", "NGA", "CVL", None),
])
def test_actor_resolution(extractor: Extractor, text: str, target: str, code: str,
                          sector: str | None, name: str | None) -> None:
    e = entity(extractor, text, target)
    assert e.code == code
    if sector is not None:
        assert e.sector == sector
    if name is not None:
        assert e.name == name


def test_actor_short_names_corefer_with_full_name(extractor: Extractor) -> None:
    text = ("North Korea's Commissioner Kim Jong Un sent a congratulatory message to President "
            "Vladimir Putin. Chairman Kim also sent a message to President Putin last year.")
    ms = [m for m in mentions(extractor, text) if m.kind == "person"]
    kims = [m for m in ms if "Kim" in m.text]
    assert len(kims) == 2 and {m.entities(extractor.kb, None)[0].name for m in kims} == {"Kim Jong Un"}
    putins = [m for m in ms if "Putin" in m.text]
    assert {m.entities(extractor.kb, None)[0].name for m in putins} == {"Vladimir Putin"}


def test_actor_our_country_in_a_quote_is_the_speakers(extractor: Extractor) -> None:
    text = ('Korean Central News Agency reported that the message was "formally conveyed by '
            'Shin Hong-cheol, our country\'s special envoy to the Russian Federation."')
    e = entity(extractor, text, "Shin Hong-cheol")
    assert (e.name, e.code, e.sector) == ("Shin Hong-cheol", "PRK", "GOV")
    assert e.office == "special envoy"


def test_actor_envoy_to_a_country_is_not_from_it(extractor: Extractor) -> None:
    e = entity(extractor, "Russia's ambassador to China, Igor Morgulov, met the minister.", "Morgulov")
    assert e.code == "RUS"


def test_actor_the_two_countries_are_the_last_two_mentioned(extractor: Extractor) -> None:
    text = "Vietnam and Laos held talks in Hanoi. The two countries agreed to expand trade."
    ms = mentions(extractor, text)
    [two] = [m for m in ms if m.text.lower().startswith("the two countries")]
    assert {r.code for r in two.resolved} == {"VNM", "LAO"}


def test_actor_compound_adjectives_give_every_country(extractor: Extractor) -> None:
    [m] = [m for m in mentions(extractor, "Hungarian and Romanian officials met in Budapest.")
           if "officials" in m.text]
    assert {m.code, *(x.code for x in m.members)} == {"HUN", "ROU"}


def test_actor_pronoun_takes_the_last_person(extractor: Extractor) -> None:
    text = "Shin Hong-cheol, the North Korean envoy, arrived in Moscow. He met Russian officials."
    [he] = [m for m in mentions(extractor, text) if m.text == "He"]
    assert he.resolved[0].name == "Shin Hong-cheol" and he.resolved[0].code == "PRK"


def test_actor_unknown_person_gets_country_from_description(extractor: Extractor) -> None:
    e = entity(extractor, "Miguel Alvarez Pena, a senior official of the Cuban Foreign Ministry, "
                          "visited Hanoi.", "Alvarez")
    assert e.code == "CUB"


@pytest.mark.parametrize("on, sector, office_word", [
    (date(2019, 2, 27), "GOV", "President"),
    (date(2023, 1, 1), "ELI", "former"),
    (date(2025, 6, 11), "GOV", "President"),
])
def test_actor_office_held_on_the_event_date(extractor: Extractor, on: date, sector: str,
                                              office_word: str) -> None:
    e = entity(extractor, "Donald Trump wrote to Kim Jong Un.", "Trump", on)
    assert e.sector == sector and office_word in (e.office or "")


@pytest.mark.parametrize("text, target, code", [
    ("Humanitarian agencies said the roads were closed.", "agencies", "NGO"),
    ("Rights groups accused Egypt of torture.", "groups", "NGO"),
    # a country in the phrase wins over the group's own code
    ("American aid groups delivered medicine to Gaza.", "aid groups", "USA"),
])
def test_a_group_of_its_own_kind_is_coded_where_the_text_gives_no_country(
        extractor: Extractor, text: str, target: str, code: str) -> None:
    assert entity(extractor, text, target).code == code


def test_a_relation_noun_is_not_the_party_that_qualifies_it(extractor: Extractor) -> None:
    # the militia is Russia's ally, not Russia: the victim's country is the place
    ev = [e for e in extract(extractor, "Ukrainian drones killed the commander of Russia's militia allies "
                                        "in eastern Moldova on Sunday.") if e["event"][0] == "ASSAULT"]
    assert ev and "RUS" not in codes(ev[0]["recipient"])


def test_a_qualifier_of_an_ordinary_noun_is_still_its_party(extractor: Extractor) -> None:
    ev = [e for e in extract(extractor, "Ukrainian drones killed the commander of Russia's Black Sea fleet "
                                        "on Sunday.") if e["event"][0] == "ASSAULT"]
    assert ev and "RUS" in codes(ev[0]["recipient"])
