"""Resolution in an article's context: its home country, offices, jurisdiction, names in full.

Paragraphs of our own. Each mechanism also has a unit test on the smallest input that
shows it, so that a failure points at the rule.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from legation.context import dateline_text, home_country
from legation.entity_repair import repair_entities
from legation.extract import Extractor

from .conftest import codes, extract, names


def home(ex: Extractor, text: str) -> str | None:
    sentences = ex.parser.parse(text)
    dateline = ex.actors.gaz.kb_matches(ex.nlp.make_doc(dateline_text(text, sentences[0].start)))
    return home_country([ex.actors.gaz.kb_matches(s.doc) for s in sentences], ex.kb, dateline)


# -- the home country -------------------------------------------------------------------
def test_home_is_the_country_an_article_names_most(extractor: Extractor) -> None:
    text = ("Chile's parliament met on Monday. Chilean farmers blocked roads near Santiago. "
            "Peru said it was watching the protests in Chile.")
    assert home(extractor, text) == "CHL"


def test_a_dateline_outweighs_the_body(extractor: Extractor) -> None:
    text = "LIMA, May 4 (Reuters) - Chile sent a note to Bolivia on Monday."
    assert home(extractor, text) == "PER"


@pytest.mark.parametrize("text", [
    "Chile's emir met the Bolivian envoy in Chile.",            # one sentence: the nearest word
    "Chile met Peru. Peru met Chile.",                          # a tie
    "The ministers met on Monday. They talked for an hour.",    # no country at all
])
def test_no_home_where_no_country_stands_out(extractor: Extractor, text: str) -> None:
    assert home(extractor, text) is None


def test_an_unplaced_office_holder_serves_in_the_home_country(extractor: Extractor) -> None:
    text = ("Fighting spread across Mali on Sunday. Malian soldiers left two towns in central Mali. "
            "Jihadists accused President Oumar Kante of abandoning the north.")
    ev = [e for e in extract(extractor, text) if e["event"][0] == "ACCUSE"]
    assert ev and codes(ev[0]["recipient"]) == {"MLI"}


def test_without_a_home_an_unplaced_office_holder_stays_uncoded(extractor: Extractor) -> None:
    ev = extract(extractor, "Ukraine praised President Oumar Kante for his courage.")
    assert not any(codes(e["recipient"]) for e in ev if e["event"][0] == "ACCUSE")


def test_an_office_only_one_country_has_gives_that_country(extractor: Extractor) -> None:
    text = ("Protests spread across Mali on Sunday. Malian soldiers left two towns in central Mali. "
            "Congressman Tom Hale criticized the Malian junta on Monday.")
    ev = [e for e in extract(extractor, text) if e["event"][0] == "ACCUSE"]
    assert ev and codes(ev[0]["actor"]) == {"USA"} and codes(ev[0]["recipient"]) == {"MLI"}


# -- jurisdiction -------------------------------------------------------------------------
@pytest.mark.parametrize("text, actor, recipient", [
    ("Ugandan police arrested opposition leader Joseph Kabaka on Monday.", "UGA", "UGA"),
    ("A Chilean court sentenced Juan Quispe to five years in prison.", "CHL", "CHL"),
    ("Bolivian prosecutors charged Evo Huanca with fraud on Friday.", "BOL", "BOL"),
    # a person the text gives a country keeps it
    ("Russia detained an American teacher at the airport.", "RUS", "USA"),
])
def test_the_person_an_authority_acts_on_is_under_its_jurisdiction(
        extractor: Extractor, text: str, actor: str, recipient: str) -> None:
    ev = [e for e in extract(extractor, text) if e["event"][0] in ("COERCE", "ACCUSE", "SANCTION")]
    assert ev, text
    assert codes(ev[0]["actor"]) == {actor}
    assert codes(ev[0]["recipient"]) == {recipient}


@pytest.mark.parametrize("text", [
    "The Chilean government praised Juan Quispe for his courage.",  # praise is no act of authority
    "Chile accused Juan Quispe of lying.",                          # nor is a government's charge
])
def test_a_person_judged_is_not_given_the_speakers_country(extractor: Extractor, text: str) -> None:
    ev = extract(extractor, text, include_untargeted=True)
    assert ev and not any(codes(e["recipient"]) == {"CHL"} for e in ev)


# -- a family name after a full name -----------------------------------------------------
def test_a_family_name_means_the_person_named_in_full_before(extractor: Extractor) -> None:
    text = ("The jailed publisher Jimmy Lai appeared in court on Monday. "
            "Hong Kong prosecutors accused Lai of collusion.")
    ev = [e for e in extract(extractor, text) if e["event"][0] == "ACCUSE"]
    assert ev
    assert all(r.get("name") != "Lai Ching-te" for r in ev[0]["recipient"])


def test_a_family_name_alone_still_finds_the_known_person(extractor: Extractor) -> None:
    ev = extract(extractor, "Lai criticized China's military drills on Monday.")
    assert any(a.get("name") == "Lai Ching-te" for e in ev for a in e["actor"])


# -- entity spans over a verb -------------------------------------------------------------
def test_an_entity_span_over_a_lower_case_verb_is_split(extractor: Extractor) -> None:
    words = ["Earlier", ",", "Ruto", "hosted", "Museveni", "."]
    doc = Doc(extractor.nlp.vocab, words=words, pos=["ADV", "PUNCT", "PROPN", "VERB", "PROPN", "PUNCT"],
              ents=["O", "O", "B-PERSON", "I-PERSON", "I-PERSON", "O"])
    repaired = repair_entities(doc)
    assert [(e.text, e.label_) for e in repaired.ents] == [("Ruto", "PERSON"), ("Museveni", "PERSON")]


def test_an_entity_span_without_a_verb_is_kept(extractor: Extractor) -> None:
    words = ["President", "Ruto", "of", "Kenya", "spoke"]
    doc = Doc(extractor.nlp.vocab, words=words, pos=["PROPN", "PROPN", "ADP", "PROPN", "VERB"],
              ents=["B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O"])
    assert [e.text for e in repair_entities(doc).ents] == ["President Ruto of Kenya"]


def test_the_repair_runs_in_the_loaded_pipeline(extractor: Extractor) -> None:
    assert extractor.nlp.pipe_names.index("legation_entity_repair") > extractor.nlp.pipe_names.index("ner")


# -- people named beside their role -------------------------------------------------------
def test_a_person_beside_a_title_phrase_serves_its_country(extractor: Extractor) -> None:
    # the subject is the role noun; the name in apposition, of no stated country, is the party
    ev = [e for e in extract(extractor, "Kenyan President William Ruto's communication chief, Daniel "
                                        "Mwangi, condemned Uganda on Monday.")
          if e["event"][0] == "ACCUSE"]
    assert ev and codes(ev[0]["actor"]) == {"KEN"} and "Daniel Mwangi" in names(ev[0]["actor"])


def test_a_name_the_model_takes_for_a_place_after_a_role_phrase_is_a_person(extractor: Extractor) -> None:
    ev = [e for e in extract(extractor, "Turkish presidential adviser Burak Arslan criticized Greece.")
          if e["event"][0] == "ACCUSE"]
    assert ev and codes(ev[0]["actor"]) == {"TUR"} and codes(ev[0]["recipient"]) == {"GRC"}
    assert "Burak Arslan" in names(ev[0]["actor"])


# -- the target of a domestic act -------------------------------------------------------------
@pytest.mark.parametrize("text, etype, code", [
    ("The Kenyan teachers' union called off its strike on Thursday.", "CONCEDE", "KEN"),
    ("Angry Chilean truck drivers blocked the main highway for three hours.", "PROTEST", "CHL"),
    ("Hundreds of rebels were demobilized in Colombia last month.", "RETREAT", "COL"),
])
def test_a_domestic_act_without_a_target_is_aimed_at_its_own_country(
        extractor: Extractor, text: str, etype: str, code: str) -> None:
    ev = [e for e in extract(extractor, text) if e["event"][0] == etype]
    assert ev, text
    assert codes(ev[0]["recipient"]) == {code}
    assert ev[0]["recipient"][0]["entity_text"]  # it points at the words that name the country


@pytest.mark.parametrize("text, etype", [
    ("Russia withdrew its troops on Monday.", "RETREAT"),    # a state body, placed nowhere
    ("The Chilean army withdrew from the border.", "RETREAT"),
    ("Kenya condemned the violence.", "ACCUSE"),              # no domestic act
])
def test_no_own_country_target_where_the_act_could_reach_abroad(
        extractor: Extractor, text: str, etype: str) -> None:
    ev = [e for e in extract(extractor, text) if e["event"][0] == etype]
    assert ev, text
    assert not ev[0]["recipient"]


def test_a_domestic_act_keeps_a_target_a_later_stage_finds(extractor: Extractor) -> None:
    ev = [e for e in extract(extractor, "Prisoners rioted at a jail in Dili, East Timor, demanding that "
                                        "Indonesia free them.") if e["event"][0] == "PROTEST"]
    assert ev and "IDN" in codes(ev[0]["recipient"])


# -- a person named in full, then by family name ---------------------------------------------
PARAGRAPH = ("The parliament of Bosnia's Serb-run Republika Srpska on Thursday adopted a new charter "
             "drafted by the autonomous republic's president, Zoran Kovac. Bosnian prosecutors on "
             "Wednesday had ordered the arrest of Kovac. Kovac rejected the arrest warrant on Friday, "
             "and said he would ask Russia for help.")


def test_a_title_whose_phrase_names_the_polity_by_description(extractor: Extractor) -> None:
    ev = extract(extractor, PARAGRAPH, "2025-03-14")
    assert any(e["event"][0] == "REQUEST" and codes(e["actor"]) == {"BIH"} and codes(e["recipient"]) == {"RUS"}
               for e in ev)


def test_a_family_name_the_model_misses_is_still_the_person(extractor: Extractor) -> None:
    ev = [e for e in extract(extractor, PARAGRAPH, "2025-03-14") if e["event"][0] == "REJECT"]
    assert ev and "Zoran Kovac" in names(ev[0]["actor"])


def test_a_rejection_answers_an_act_of_the_actors_own_country(extractor: Extractor) -> None:
    # the prosecutors and the man they would arrest are of one country, but not one party
    ev = [e for e in extract(extractor, PARAGRAPH, "2025-03-14") if e["event"][0] == "REJECT"]
    assert ev and codes(ev[0]["recipient"]) == {"BIH"}
