"""The stages' word lists: one data file behind one validating loader, extensible per directory."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest
import yaml

import legation.wordlists as wl
from legation.coref import Discourse
from legation.datafiles import package_data
from legation.errors import DataFileError
from legation.extract import Extractor
from legation.kb.importer import body_words
from legation.lexicon import Lexicon
from legation.ontology import Ontology
from legation.records import Document
from legation.wordlists import WordLists

SRC = Path(__file__).resolve().parents[1] / "src" / "legation"
# modules whose words are the language itself (evaluate.py: the scorer's; language.py: the
# English check; temporal.py: month and day names)
NOT_CHECKED = {"evaluate.py", "language.py", "temporal.py"}
# literals that are names of fields and kinds, not words of the text
NOT_WORDS = {("kb/importer.py", "COLUMNS"), ("actors.py", "from_kb"), ("lexicon.py", "_LIST_FIELDS"),
             ("cameo_dictionary.py", "COLUMNS"), ("frames.py", "MODIFIER_DEPS"),
             ("kb/agents.py", "_RESERVED")}  # dependency labels; YAML's reserved scalars
MAX_WORDS = 8


def test_wordlists_every_list_loads_with_words_and_a_doc() -> None:
    w = WordLists()
    assert set(w.names()) == set(w.docs)
    for name in w.names():
        words = getattr(w, name)
        assert words, name
        assert all(x == x.lower() and x.strip() == x for x in words), name
        assert w.docs[name], f"{name} has no doc"
    assert w.clause_preps[:2] == ("to", "on")  # an ordered list keeps its order
    assert body_words() >= {"ministry", "agency", "tribunal"}


def test_wordlists_written_kinds_are_communication_kinds() -> None:
    lex = Lexicon(Ontology())
    assert lex.words.written_kinds <= {k.kind for k in lex.comm_kinds}


def _write(d: Path, text: str) -> Path:
    d.mkdir(exist_ok=True)
    (d / "words.yaml").write_text(text, encoding="utf-8")
    return d


def test_wordlists_extra_dir_replaces_or_extends(tmp_path: Path) -> None:
    a = _write(tmp_path / "a", "- {name: source_nouns, words: [mole]}\n"
                               "- {name: ngo_words, words: [Circle], mode: extend}\n")
    b = _write(tmp_path / "b", "- {name: source_nouns, words: [whistleblower], mode: extend}\n")
    w = WordLists([a, b])
    assert w.source_nouns == {"mole", "whistleblower"}
    assert "circle" in w.ngo_words and "forum" in w.ngo_words
    assert w.origin["source_nouns"] == b / "words.yaml"


@pytest.mark.parametrize("text, line, message", [
    ("- {name: source_nouns, words: [mole]}\n- {name: source_noun, words: [x]}\n", 2, "unknown word list"),
    ("- {name: source_nouns, words: [mole]}\n- {name: source_nouns, words: [x]}\n", 2, "given twice"),
    ("- {name: source_nouns, words: []}\n", 1, "words"),
    ("- {name: source_nouns, words: [mole], mode: append}\n", 1, "mode"),
    ("- {name: source_nouns, words: [mole]}\n- {name: ngo_words, words: [forum}\n", 2, "not valid YAML"),
])
def test_wordlists_malformed_file_names_file_and_line(tmp_path: Path, text: str, line: int,
                                                      message: str) -> None:
    d = _write(tmp_path / "bad", text)
    with pytest.raises(DataFileError) as err:
        WordLists([d])
    assert err.value.path == str(d / "words.yaml")
    assert err.value.line == line
    assert message in err.value.message


def test_wordlists_extra_dir_changes_actors_and_communications(tmp_path: Path,
                                                               extractor: Extractor) -> None:
    d = _write(tmp_path / "lex", "- {name: source_nouns, words: [mole]}\n"
                                 "- {name: occasion_nouns, words: [harvest], mode: extend}\n")
    mine = Extractor(nlp=extractor.nlp, kb=extractor.kb, lexicon_dirs=[d])
    assert mine.lexicon.words.source_nouns == {"mole"}

    def sources(ex: Extractor, text: str) -> list[str]:
        doc = Document(id="t", text=text, published=date(2025, 6, 12))
        sent = ex.parser.parse(text)[0]
        return [m.text for m in ex.actors.find(sent, Discourse(), doc.published).mentions
                if m.kind == "source"]

    text = "A mole in the ministry said the talks had failed."
    assert sources(extractor, text) == []
    assert sources(mine, text) == ["mole"]
    assert sources(mine, "Sources said the talks had failed.") == []

    def occasion(ex: Extractor, text: str) -> str | None:
        doc = Document(id="t", text=text, published=date(2025, 6, 12))
        frames = [f for f in ex.frames_of(doc) if f.comm is not None]
        return frames[0].comm.occasion if frames else None

    text = "Kim Jong Un sent a congratulatory message to Vladimir Putin on the harvest."
    assert occasion(extractor, text) is None
    assert occasion(mine, text) == "harvest"


def test_wordlists_bundled_file_missing_a_list_is_an_error(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    bundled = package_data("lexicon", "words.yaml").read_text(encoding="utf-8")
    d = tmp_path / "lexicon"
    d.mkdir()
    (d / "words.yaml").write_text(bundled.replace("- {name: count_three,", "- {name: count_three_,"),
                                  encoding="utf-8")
    with pytest.raises(DataFileError, match="unknown word list 'count_three_'"):
        WordLists([d])
    full = WordLists()
    lists = [{"name": n, "words": sorted(getattr(full, n))} for n in full.names() if n != "count_three"]
    (d / "words.yaml").write_text(yaml.safe_dump(lists), encoding="utf-8")
    monkeypatch.setattr(wl, "package_data", lambda *parts: d / parts[-1])
    with pytest.raises(DataFileError, match="missing word lists: count_three") as err:
        wl.WordLists()
    assert err.value.path == str(d / "words.yaml")


def _constant(node: ast.expr) -> bool:
    if isinstance(node, (ast.Tuple, ast.List)):
        return all(_constant(e) for e in node.elts)
    return isinstance(node, ast.Constant)


def _long_word_literals(path: Path) -> list[str]:
    rel = path.relative_to(SRC).as_posix()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    owner: dict[int, str] = {}  # node -> the innermost function or assignment it is in
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) \
                and node.value.id == "Literal":
            skip.update(id(n) for n in ast.walk(node.slice))  # a schema's allowed values
        if isinstance(node, ast.FunctionDef):
            name = node.name
        elif isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
        else:
            continue
        for n in ast.walk(node):
            owner[id(n)] = name
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, (ast.Set, ast.List, ast.Tuple, ast.Dict)) or id(node) in skip:
            continue
        if isinstance(node, ast.Dict) and not all(_constant(v) for k, v in zip(node.keys, node.values, strict=False)
                                                  if k is not None):
            continue  # a record being built (its keys are field names), not a table of words
        elts = node.keys if isinstance(node, ast.Dict) else node.elts
        words = [e.value for e in elts if isinstance(e, ast.Constant) and isinstance(e.value, str)
                 and e.value.isalpha() and e.value.islower()]
        if len(words) > MAX_WORDS and (rel, owner.get(id(node), "")) not in NOT_WORDS:
            found.append(f"{rel}:{node.lineno}: {len(words)} words ({', '.join(words[:4])}, ...)")
    return found


def test_wordlists_no_word_list_left_in_python() -> None:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        if path.relative_to(SRC).as_posix() not in NOT_CHECKED:
            found += _long_word_literals(path)
    assert not found, "word lists belong in data files (words.yaml):\n" + "\n".join(found)
