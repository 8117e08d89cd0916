"""The knowledge base: loading and merging user directories, places, lookup, stats, import."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from legation.errors import DataFileError
from legation.kb import KnowledgeBase
from legation.kb.base import default_user_dir
from legation.kb.importer import (
    MalformedImport,
    convert_code,
    parse_restriction,
    parse_yymmdd,
    read,
    write,
)
from legation.kb.lookup import lookup, stats

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def bundled() -> KnowledgeBase:
    return KnowledgeBase.load(user=False)


# -- the bundled data ---------------------------------------------------------------------------------
def test_kb_counts_cover_every_state_and_the_plover_entities(bundled: KnowledgeBase) -> None:
    s = stats(bundled)
    assert s["states"] == 193
    assert {"ATA", "HKG", "KOS", "PSE", "TWN", "VAT"} <= set(s["other_country_codes"])
    assert {"UNO", "EUR", "IGO", "NGO", "IMG", "ISM", "MNC"} <= set(s["organizations_by_code"])
    assert s["institutions"] >= 1000 and s["persons"] >= 1000 and s["roles"] > s["persons"]
    assert s["places"] >= 300


@pytest.mark.parametrize("name, on, code", [
    ("Gaza Strip", None, "PSE"), ("West Bank", None, "PSE"), ("East Jerusalem", None, "PSE"),
    ("Ramallah", None, "PSE"), ("Crimea", None, "UKR"), ("Donbas", None, "UKR"),
    ("Jammu and Kashmir", None, "IND"), ("Azad Kashmir", None, "PAK"), ("Darfur", None, "SDN"),
    ("Juba", date(2005, 1, 1), "SDN"), ("Juba", date(2011, 7, 9), "SSD"), ("Kirkuk", None, "IRQ"),
    ("Basra", None, "IRQ"), ("Samarra", None, "IRQ"), ("Tel Aviv", None, "ISR"), ("Lagos", None, "NGA"),
    ("Abidjan", None, "CIV"), ("Geneva", None, "CHE"), ("New York", None, "USA"),
    ("Manhattan, New York", None, "USA"), ("Vladivostok", None, "RUS"), ("Kyushu", None, "JPN"),
    ("the Golan Heights", None, "SYR"), ("Atlantis", None, None),
])
def test_kb_place_country(bundled: KnowledgeBase, name: str, on: date | None, code: str | None) -> None:
    assert bundled.place_country(name, on) == code


# -- merging a user's directory ------------------------------------------------------------------------
def _write(d: Path, sub: str, text: str) -> None:
    (d / sub).parent.mkdir(parents=True, exist_ok=True)
    (d / sub).write_text(text, encoding="utf-8")


def test_kb_user_entry_replaces_the_bundled_one_with_the_same_key(tmp_path: Path) -> None:
    # no Wikidata id: the same name is the same person; a country by its code; a place by its name
    _write(tmp_path, "persons/fix.yaml", """
- name: Donald Trump
  roles:
  - {office: Chairman of the Board, post: other, country: "USA", sector: BUS, start: 2020-01-01}
""")
    _write(tmp_path, "places.yaml", '- {name: Kirkuk, country: "SYR"}\n')
    kb = KnowledgeBase.load([tmp_path], user=False)
    trumps = [e for e in kb.entities.values() if e.name == "Donald Trump"]
    assert len(trumps) == 1 and "fix.yaml" in trumps[0].source
    r = kb.resolve(trumps[0].key, date(2023, 1, 1))
    assert (r.sector, r.office) == ("BUS", "Chairman of the Board")
    assert kb.place_country("Kirkuk") == "SYR"
    replaced = {(new.name, Path(old.source.rsplit(":", 1)[0]).name) for new, old in kb.replaced}
    assert replaced == {("Donald Trump", "americas.yaml"), ("Kirkuk", "places.yaml")}


def test_kb_namesakes_with_their_own_wikidata_ids_stay_apart(tmp_path: Path) -> None:
    _write(tmp_path, "persons/namesake.yaml",
           '- {name: Kim Jong Un, wikidata: Q999999999, country: "KOR", sector: BUS}\n')
    kb = KnowledgeBase.load([tmp_path], user=False)
    assert sorted(kb.resolve(e.key).code or "" for e in kb.find("Kim Jong Un")) == ["KOR", "PRK"]
    assert not kb.replaced


def test_kb_user_directory_is_merged_automatically(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path, "places.yaml", '- {name: Xanadu, country: "MNG"}\n')
    monkeypatch.setenv("LEGATION_KB_DIR", str(tmp_path))
    assert default_user_dir() == tmp_path
    assert KnowledgeBase.load().place_country("Xanadu") == "MNG"
    assert KnowledgeBase.load(user=False).place_country("Xanadu") is None
    monkeypatch.setenv("LEGATION_KB_DIR", str(tmp_path / "missing"))
    assert KnowledgeBase.load().place_country("Xanadu") is None  # no directory: nothing merged


def test_kb_malformed_user_file_names_file_and_line(tmp_path: Path) -> None:
    _write(tmp_path, "places.yaml", '- {name: Xanadu, country: "MNG"}\n- {name: Shangri-La, country: "tibet"}\n')
    with pytest.raises(DataFileError) as err:
        KnowledgeBase.load([tmp_path], user=False)
    assert err.value.line == 2 and err.value.path.endswith("places.yaml")


# -- lookup ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("query, on, kind, name, code, sector, office", [
    ("Kim Jong Un", date(2025, 6, 11), "person", "Kim Jong Un", "PRK", "GOV",
     "President of the State Affairs Commission"),
    ("Trump", date(2023, 1, 1), "person", "Donald Trump", "USA", "ELI", "former President of the United States"),
    ("Trump", date(2019, 2, 27), "person", "Donald Trump", "USA", "GOV", "President of the United States"),
    ("kim jong-un", date(2025, 6, 11), "person", "Kim Jong Un", "PRK", "GOV",
     "President of the State Affairs Commission"),
    ("KCNA", None, "institution", "Korean Central News Agency", "PRK", "JRN", None),
    ("Pyongyang", None, "country", "North Korea", "PRK", "GOV", None),
    ("PRK", None, "country", "North Korea", "PRK", "GOV", None),
    ("Manhattan", None, "place", "Manhattan", "USA", None, None),
    ("Juba", date(2005, 1, 1), "place", "Juba", "SDN", None, None),
])
def test_kb_lookup_exact(bundled: KnowledgeBase, query: str, on: date | None, kind: str, name: str,
                         code: str, sector: str | None, office: str | None) -> None:
    c = lookup(bundled, query, on)[0]
    assert (c.kind, c.name, c.code, c.sector, c.office) == (kind, name, code, sector, office)
    assert c.match in ("exact", "normalized", "code") and c.score == 100
    path, line = c.source.rsplit(":", 1)
    assert Path(path).is_file() and int(line) > 0


def test_kb_lookup_a_family_name_lists_the_office_holder_first(bundled: KnowledgeBase) -> None:
    found = lookup(bundled, "Kim", date(2025, 6, 11))
    assert len(found) > 3 and found[0].name == "Kim Jong Un"
    assert {c.name for c in found} >= {"Kim Jong Un", "Kim Yo Jong"}


@pytest.mark.parametrize("query, on, first", [
    ("Chairman Kim", date(2025, 6, 11), "Kim Jong Un"),
    ("President Kim", date(2000, 6, 13), "Kim Dae-jung"),
    ("Foreign Minister Wang", date(2025, 6, 11), "Wang Yi"),
])
def test_kb_lookup_a_title_narrows_a_family_name(bundled: KnowledgeBase, query: str, on: date, first: str) -> None:
    assert lookup(bundled, query, on)[0].name == first


def test_kb_lookup_approximate_only_when_nothing_matches(bundled: KnowledgeBase) -> None:
    [first, *_] = lookup(bundled, "Vladmir Putin")
    assert (first.name, first.match) == ("Vladimir Putin", "approximate") and 80 <= first.score < 100
    assert all(c.match != "approximate" for c in lookup(bundled, "Putin"))
    assert lookup(bundled, "Qzxwv Plmokn") == []


# -- import ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, value", [
    ("111217", date(2011, 12, 17)), ("391231", date(2039, 12, 31)), ("400101", date(1940, 1, 1)),
    ("991231", date(1999, 12, 31)), ("000101", date(2000, 1, 1)), ("20111217", date(2011, 12, 17)),
])
def test_kb_import_two_digit_years(text: str, value: date) -> None:
    assert parse_yymmdd(text) == value


@pytest.mark.parametrize("text, start, end", [
    (">111217", date(2011, 12, 17), None), ("<111217", None, date(2011, 12, 16)),
    ("111217-191231", date(2011, 12, 17), date(2019, 12, 31)),
])
def test_kb_import_date_restrictions(text: str, start: date | None, end: date | None) -> None:
    assert parse_restriction(text) == (start, end)


@pytest.mark.parametrize("code, country, sector", [
    ("PRKGOV", "PRK", "GOV"), ("USAMED", "USA", "JRN"), ("USAHLH", "USA", "MED"), ("SYRINS", "SYR", "REB"),
    ("IGOUNOWHO", "UNO", None), ("IGOEUREEC", "EUR", None), ("NGOHRI", "NGO", "SOC"), ("ROMGOV", "ROU", "GOV"),
    ("USA", "USA", None), ("RUSGOVMIL", "RUS", "GOV"),
])
def test_kb_import_cameo_codes(bundled: KnowledgeBase, code: str, country: str, sector: str | None) -> None:
    known = {e.code for e in bundled.entities.values() if e.kind == "country"} | {"UNO", "EUR", "IGO", "NGO"}
    assert convert_code(code, known) == (country, sector)


def test_kb_import_actors_file(bundled: KnowledgeBase) -> None:
    r = read(DATA / "sample.actors", kb=bundled)
    by = {p.name: p for p in r.persons}
    kim = by["Kim Jong Un"]
    assert kim.wikidata == "Q56226" and "Kim Chong Un" in kim.aliases
    assert [(x.country, x.sector, x.start, x.end) for x in kim.roles] == [("PRK", "GOV", date(2011, 12, 17), None)]
    trump = by["Donald Trump"]
    assert [(x.sector, x.start, x.end) for x in trump.roles] == [
        ("ELI", None, date(2017, 1, 19)), ("GOV", date(2017, 1, 20), date(2021, 1, 20)),
        ("ELI", date(2021, 1, 21), date(2025, 1, 19)), ("GOV", date(2025, 1, 20), None)]
    assert by["Andriy Zagorodnyuk"].roles[0].country == "UKR"
    assert {i.name for i in r.institutions} == {"Korean Central News Agency"}
    assert {(o.name, o.code, o.sector) for o in r.organizations} == {("Hamas", "PSE", "REB")}
    assert len(r.skipped) == 1 and "sample.actors:24" in r.skipped[0] and "region" in r.skipped[0]
    [prk] = r.countries  # "NORTH_KOREA_ [PRK]" only gives the state more names
    assert prk.code == "PRK" and prk.name == "North Korea" and prk.aliases[-1] == "Hermit Kingdom"
    assert "North Korea" not in {p.name for p in r.persons} | {o.name for o in r.organizations}


def test_kb_import_malformed_lines_name_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.actors"
    bad.write_text("KIM_JONG_UN_ [PRKGOV >111317]\n+KIM JONG UN\nGOOD_NAME_ [USAGOV]\n[XXXGOV]\n",
                   encoding="utf-8")
    with pytest.raises(MalformedImport) as err:
        read(bad)
    lines = sorted(line for line, _ in err.value.problems)
    assert lines == [1, 2, 4]
    assert "bad.actors:1" in str(err.value) and "bad.actors:2" in str(err.value)


def test_kb_import_csv_and_json_rows(tmp_path: Path, bundled: KnowledgeBase) -> None:
    csv_file = tmp_path / "mine.csv"
    csv_file.write_text(
        "name,aliases,country,sector,office,post,start,end,wikidata\n"
        "Jane Example,J. Example;Jane Q. Example,Cuba,GOV,Minister of Tests,minister,2020-01-01,2022-12-31,\n"
        "Jane Example,,CUB,GOV,Ambassador to Laos,ambassador,2023-01-01,,\n", encoding="utf-8")
    r = read(csv_file, kb=bundled)
    [jane] = r.persons
    assert jane.aliases == ["J. Example", "Jane Q. Example"]
    assert [(x.office, x.post, x.country, x.end) for x in jane.roles] == [
        ("Minister of Tests", "minister", "CUB", date(2022, 12, 31)), ("Ambassador to Laos", "ambassador", "CUB", None)]
    json_file = tmp_path / "mine.json"
    json_file.write_text('[\n {"kind": "institution", "name": "Test Bureau", "country": "LAO", "sector": "GOV",'
                         ' "type": "agency"},\n {"name": "Bad Row", "country": "CUB", "start": "2020-13-01"}\n]\n',
                         encoding="utf-8")
    with pytest.raises(MalformedImport) as err:
        read(json_file, kb=bundled)
    assert [line for line, _ in err.value.problems] == [3]


def test_kb_import_correction_wins_over_the_bundled_entry(tmp_path: Path, bundled: KnowledgeBase) -> None:
    fix = tmp_path / "fix.csv"
    fix.write_text("name,country,sector,office,post,start,end\n"
                   "Trump,USA,GOV,President of the United States,head_of_state,2017-01-20,2021-01-20\n"
                   "Trump,USA,GOV,Test Envoy,envoy,2021-01-21,2025-01-19\n", encoding="utf-8")
    result = read(fix, kb=bundled)
    assert [p.name for p in result.persons] == ["Donald Trump"]  # "Trump" named one known person
    into = tmp_path / "kb"
    written = write(result, into, "fix")
    assert [p.name for p in written] == ["fix.yaml"]
    kb = KnowledgeBase.load([into], user=False)
    [trump] = [e for e in kb.entities.values() if e.name == "Donald Trump"]
    assert kb.resolve(trump.key, date(2023, 1, 1)).office == "Test Envoy"
    assert kb.resolve(trump.key, date(2023, 1, 1)).sector == "GOV"
    assert bundled.resolve(trump.key, date(2023, 1, 1)).sector == "ELI"
    assert [old.name for _, old in kb.replaced] == ["Donald Trump"]


def test_without_a_date_a_person_takes_the_current_or_latest_office(bundled: KnowledgeBase) -> None:
    """An article of unknown date: nothing says it is not from the person's time in office."""
    [blinken] = [e for e in bundled.entities.values() if e.name == "Antony Blinken"]
    undated = bundled.resolve(blinken.key, None)
    assert (undated.code, undated.sector) == ("USA", "GOV") and "Secretary of State" in (undated.office or "")
    assert bundled.resolve(blinken.key, date(2026, 1, 1)).sector == "ELI"  # dated after it: former
    [putin] = [e for e in bundled.entities.values() if e.name == "Vladimir Putin"]
    assert bundled.resolve(putin.key, None).office == "President of Russia"  # the office held now
