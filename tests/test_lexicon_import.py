"""The CAMEO verb-dictionary importer, the shipped trigger table it generates, and the
``legation lexicon`` commands.

The importer is tested on a dictionary excerpt of our own (tests/data/lexicon/excerpt.verbs)
that holds every kind of line it reads; the shipped table is regenerated from the shared
PETRARCH file and compared byte for byte.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from legation.cameo_dictionary import COLLAPSED, Converter, load_aliases, read_dictionary, render
from legation.datafiles import package_data
from legation.lexicon import Lexicon
from legation.lexicon_stats import lookup, stats
from legation.ontology import Ontology

from .conftest import REPO, SHARED, assert_cli_documented

EXCERPT = REPO / "tests" / "data" / "lexicon" / "excerpt.verbs"
PETRARCH = SHARED / "reference" / "petrarch2" / "CAMEO.2.0.txt"
SHIPPED = package_data("lexicon", "cameo_verbs.tsv")
NOTE = "(PETRARCH2 commit 676801cd9cb2924bbbad09f86d15c9323e7097bf)"  # see the Makefile


@pytest.fixture(scope="module")
def conversion():  # type: ignore[no-untyped-def]
    return Converter(Ontology(), load_aliases()).convert(EXCERPT.read_text(encoding="utf-8"))


def _find(conv, lemma: str, **want: Any) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    return [e for e in conv.entries if e["lemma"] == lemma
            and all(e.get(k) == v for k, v in want.items())]


def test_verb_blocks_give_each_verb_its_code(conversion) -> None:  # type: ignore[no-untyped-def]
    assert _find(conversion, "grant", cameo="071", type="AID", src="26")
    assert _find(conversion, "bestow", cameo="071")
    assert _find(conversion, "donate", cameo="073", type="AID")  # its own code
    assert not _find(conversion, "lift", object=None, prep=None)  # a block with no default
    assert _find(conversion, "call", particle="off", object=["blockade", "cordon", "siege"])
    assert conversion.counts["blocks"] == 3 and conversion.counts["synsets"] == 2


def test_patterns_keep_objects_qualifiers_phrases_and_positions(conversion) -> None:  # type: ignore[no-untyped-def]
    assert _find(conversion, "bestow", object=["asylum"], cameo="075")
    assert _find(conversion, "grant", object=["aid"], qualifier=["military"], cameo="072")
    assert _find(conversion, "grant", object=["amnesty"], recipient=["to"], cameo="056", type="SUPPORT")
    assert _find(conversion, "lift", object=["blockade", "cordon", "siege"], cameo="0872", type="RETREAT")
    assert _find(conversion, "lift", object=["ban"], prep="on", prep_object=["trade"], cameo="085")
    assert _find(conversion, "lift", object=["emergency"], cameo="0814")  # STATE (OF EMERGENCY)
    assert _find(conversion, "confront", actor=["nsubj"], recipient=["with"], prep="with", cameo="040")
    assert _find(conversion, "confront", object=["claim"], prep="against", recipient=["against"], cameo="115")
    assert _find(conversion, "confront", subject=["soldiers", "troops"], recipient=["dobj"], cameo="190")
    # ":173": the target arrests the source
    assert _find(conversion, "confront", actor=["before"], recipient=["nsubj"], cameo="173")
    # an appeal (CAMEO 02) takes the demand code with the same subcode
    assert _find(conversion, "confront", object=["resentment"], cameo="103", type="REQUEST")


def test_default_codes_collapse_and_null_codes_silence(conversion) -> None:  # type: ignore[no-untyped-def]
    assert not _find(conversion, "grant", object=["loan"])  # only repeats GRANT's own code
    assert _find(conversion, "donate", object=["loan"], cameo="071")  # not DONATE's
    assert _find(conversion, "confront", object=["problem"], silent=True)
    assert not _find(conversion, "lift", object=["spirits"])  # repeats LIFT's null code
    assert conversion.counts[COLLAPSED] == 4


def test_every_unconverted_line_is_reported_with_its_reason(conversion) -> None:  # type: ignore[no-untyped-def]
    reasons = {u.line: u.reason for u in conversion.unconverted}
    assert "no PLOVER type" in reasons[33]  # STATEMENT [010]
    assert "constituency" in reasons[34]  # ^
    assert "before the verb" in reasons[46]  # WIRE_+TAP
    assert "no target" in reasons[52]
    assert "undefined synset" in reasons[53]
    assert "several words before the verb" in reasons[54]
    assert len(reasons) == 6


def test_rendered_table_loads_and_hand_written_entries_override(conversion, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = EXCERPT.read_text(encoding="utf-8")
    out = render(conversion, EXCERPT.name, text, "legation lexicon import excerpt.verbs")
    assert "The MIT License" in out and "sha256" in out
    (tmp_path / "cameo_verbs.tsv").write_text(out, encoding="utf-8")
    lex = Lexicon(Ontology(), [tmp_path])
    confront = [t for t in lookup(lex, "confronted") if t.where.startswith(str(tmp_path))]
    assert confront and all(t.imported for t in confront)
    assert any(t.cameo == "110" and not t.constrained() for t in confront)
    (tmp_path / "triggers.yaml").write_text(
        '- {lemma: confront, type: ACCUSE, cameo: "111", recipient: [dobj]}\n', encoding="utf-8")
    lex = Lexicon(Ontology(), [tmp_path])
    mine = [t for t in lex.verbs["confront"] if not t.imported]
    theirs = [t for t in lex.verbs["confront"] if t.imported]
    assert [t.cameo for t in mine] == ["111"]
    assert theirs and all(t.constrained() for t in theirs)  # the bare verb is ours now


def test_shipped_table_is_what_the_documented_command_generates() -> None:
    if not PETRARCH.exists():
        pytest.skip("the shared PETRARCH dictionary is not beside this checkout")
    text = read_dictionary(PETRARCH.read_bytes())
    conv = Converter(Ontology(), load_aliases()).convert(text)
    command = f"legation lexicon import CAMEO.2.0.txt --note {NOTE!r} -o cameo_verbs.tsv"
    assert render(conv, PETRARCH.name, text, command, NOTE) == SHIPPED.read_text(encoding="utf-8")


def test_lexicon_reaches_every_cameo_code_with_1500_verbs(extractor) -> None:  # type: ignore[no-untyped-def]
    s = stats(extractor.lexicon)
    assert s.lemmas["VERB"] >= 1500
    assert s.uncovered == [], s.uncovered


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "legation.cli", *args], capture_output=True, text=True,
                          cwd=REPO, check=False)


def test_cli_import_reports_what_did_not_convert(tmp_path: Path) -> None:
    out = tmp_path / "cameo_verbs.tsv"
    r = _cli("lexicon", "import", str(EXCERPT), "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert "excerpt.verbs:34" in r.stderr and "constituency" in r.stderr
    assert "6 lines not converted" in r.stderr
    assert out.read_text(encoding="utf-8").count("\n") > 30


def test_cli_lookup_and_stats() -> None:
    r = _cli("lexicon", "lookup", "blockade")
    assert r.returncode == 0 and "COERCE 191" in r.stdout and "triggers.yaml:" in r.stdout
    r = _cli("lexicon", "lookup", "reopened")
    assert r.returncode == 0 and "cameo_verbs.tsv:" in r.stdout and "imported" in r.stdout
    assert _cli("lexicon", "lookup", "xyzzy").returncode == 1
    r = _cli("lexicon", "stats")
    assert r.returncode == 0 and "CAMEO codes without a trigger: none" in r.stdout


def test_cli_every_lexicon_command_and_option_is_documented() -> None:
    from legation.cli.lexicon import lexicon

    assert_cli_documented(lexicon, "## Lexicon")
