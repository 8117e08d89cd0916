"""The reader: every input becomes a document or a skip with a reason, never a crash."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from legation.language import check_english
from legation.reader import Reader, parse_published
from legation.records import Document, Skipped

ENGLISH = "Russia and China signed a new trade agreement in Beijing on Tuesday, officials said."


def read(paths: list[Path], published: date | None = None) -> list[Document | Skipped]:
    return list(Reader(published).read([str(p) for p in paths]))


def test_reader_plain_text_file_gets_id_and_default_date(tmp_path: Path) -> None:
    p = tmp_path / "story.txt"
    p.write_text(ENGLISH, encoding="utf-8")
    [doc] = read([p], date(2025, 1, 2))
    assert isinstance(doc, Document)
    assert doc.id == str(p) and doc.published == date(2025, 1, 2) and doc.text == ENGLISH
    assert doc.warnings == []


def test_reader_files_of_one_name_in_two_folders_are_two_documents(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(ENGLISH, encoding="utf-8")
        (tmp_path / folder / "feed.jsonl").write_text(
            "".join(json.dumps({"text": f"{ENGLISH} ({folder}{i})"}) + "\n" for i in range(3)), encoding="utf-8")
    items = read([tmp_path])
    ids = [i.id for i in items if isinstance(i, Document)]
    assert len(ids) == 8 and len(set(ids)) == 8
    assert str(tmp_path / "a" / "feed.jsonl") + ":2" in ids and str(tmp_path / "b" / "story.txt") in ids


def test_reader_jsonl_records_keep_their_fields(tmp_path: Path) -> None:
    p = tmp_path / "c.jsonl"
    p.write_text(json.dumps({"id": "a1", "text": ENGLISH, "published": "2024-05-06T10:00:00Z",
                             "title": "T", "url": "http://x", "source": "S"}) + "\n", encoding="utf-8")
    [doc] = read([p])
    assert isinstance(doc, Document)
    assert (doc.id, doc.published, doc.title, doc.url, doc.source) == ("a1", date(2024, 5, 6), "T", "http://x", "S")


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"\x00\x01\x02binary\x00junk" * 20, "binary"),
    ],
)
def test_reader_bad_files_are_skipped_with_reason(tmp_path: Path, content: bytes, reason: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(ENGLISH, encoding="utf-8")
    items = read([bad, good])
    assert isinstance(items[0], Skipped) and reason in items[0].reason
    assert items[0].origin == str(bad)
    assert isinstance(items[1], Document)


def test_reader_malformed_json_line_skipped_others_kept(tmp_path: Path) -> None:
    p = tmp_path / "c.jsonl"
    p.write_text("\n".join([
        json.dumps({"id": "ok1", "text": ENGLISH}),
        '{"id": "broken", "text": "unterminated',
        "[1, 2]",
        json.dumps({"id": "notext"}),
        json.dumps({"id": "empty", "text": "  "}),
        json.dumps({"id": "baddate", "text": ENGLISH, "published": "yesterday-ish"}),
        json.dumps({"id": "ok2", "text": ENGLISH}),
    ]) + "\n", encoding="utf-8")
    items = read([p])
    kinds = [(type(i).__name__, getattr(i, "id", None) or getattr(i, "doc_id", None)) for i in items]
    assert kinds == [("Document", "ok1"), ("Skipped", None), ("Skipped", None), ("Skipped", "notext"),
                     ("Skipped", "empty"), ("Document", "baddate"), ("Document", "ok2")]
    assert items[1].origin.endswith("c.jsonl:2") and "malformed JSON" in items[1].reason
    assert "JSON object" in items[2].reason


def test_reader_a_bad_published_value_is_a_warning_not_a_skip(tmp_path: Path) -> None:
    p = tmp_path / "c.jsonl"
    p.write_text(json.dumps({"id": "d", "text": ENGLISH, "published": "yesterday-ish"}) + "\n"
                 + json.dumps({"id": "e", "text": ENGLISH, "published": ["2024"]}) + "\n", encoding="utf-8")
    d, e = read([p], date(2025, 3, 4))
    assert isinstance(d, Document) and isinstance(e, Document)
    assert d.published == e.published == date(2025, 3, 4)  # the run's default
    assert "'yesterday-ish' is not an ISO date" in d.warnings[0] and "2025-03-04" in d.warnings[0]
    [d] = read([p])[:1]
    assert isinstance(d, Document) and d.published is None and "no date" in d.warnings[0]


def test_reader_bytes_not_utf8_are_replaced_with_their_offsets(tmp_path: Path) -> None:
    p = tmp_path / "latin.txt"
    p.write_bytes(b"Talks in Paris: France and Germany met on Tuesday. Caf\xe9 society cheered \xff.")
    [doc] = read([p])
    assert isinstance(doc, Document) and doc.text.count("\ufffd") == 2
    assert "2 byte sequence(s)" in doc.warnings[0] and "offsets 54, 72" in doc.warnings[0]
    [item] = list(Reader(encoding_errors="strict").read([str(p)]))
    assert isinstance(item, Skipped) and "byte 0xe9 at offset 54" in item.reason
    q = tmp_path / "c.jsonl"
    q.write_bytes(b'{"id": "x", "text": "Caf\xe9 talks: France and Germany met."}\n')
    [doc] = read([q])
    assert isinstance(doc, Document) and doc.id == "x" and "offsets 24" in doc.warnings[0]


def test_reader_invisible_and_control_characters_are_removed(tmp_path: Path) -> None:
    p = tmp_path / "c.jsonl"
    text = "Rus\u200bsia and\u00a0China\u202e signed\x00 a deal.\ufeff"
    p.write_text(json.dumps({"id": "z\ud800", "title": "T\ud83d", "url": "", "text": text}) + "\n",
                 encoding="utf-8")
    [doc] = read([p])
    assert isinstance(doc, Document)
    assert doc.text == "Russia and China signed a deal."
    assert doc.id == "z\ufffd" and doc.title == "T\ufffd" and doc.url is None
    assert any("control character" in w for w in doc.warnings)
    assert any("invisible" in w for w in doc.warnings)
    assert any(w.startswith("id: 1 lone surrogate") for w in doc.warnings)
    doc.id.encode("utf-8")  # writable: no surrogate left


def test_reader_fields_of_the_wrong_type_are_ignored_with_a_warning(tmp_path: Path) -> None:
    p = tmp_path / "c.jsonl"
    p.write_text(json.dumps({"id": 17, "title": {"a": 1}, "source": True, "text": ENGLISH}) + "\n",
                 encoding="utf-8")
    [doc] = read([p])
    assert isinstance(doc, Document) and doc.id == "17" and doc.title is None and doc.source is None
    assert [w.split(":")[0] for w in doc.warnings] == ["title", "source"]


def test_reader_deeply_nested_json_is_skipped_and_the_rest_read(tmp_path: Path) -> None:
    p = tmp_path / "c.jsonl"
    p.write_text("[" * 100_000 + "]" * 100_000 + "\n" + json.dumps({"id": "ok", "text": ENGLISH}) + "\n",
                 encoding="utf-8")
    bad, good = read([p])
    assert isinstance(bad, Skipped) and "nested too deeply" in bad.reason
    assert isinstance(good, Document) and good.id == "ok"
    q = tmp_path / "one.json"
    q.write_text('{"text": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    [bad] = read([q])
    assert isinstance(bad, Skipped) and "nested too deeply" in bad.reason


def test_reader_directory_recurses_and_reports_unsupported(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "b", "text": ENGLISH}) + "\n", encoding="utf-8")
    (tmp_path / "c.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden.txt").write_text(ENGLISH, encoding="utf-8")
    items = read([tmp_path])
    ids = sorted(i.id for i in items if isinstance(i, Document))
    assert ids == [str(tmp_path / "sub" / "a.txt"), "b"]
    [skip] = [i for i in items if isinstance(i, Skipped)]
    assert skip.origin.endswith("c.pdf") and "unsupported" in skip.reason


def test_reader_missing_path_is_reported(tmp_path: Path) -> None:
    [item] = read([tmp_path / "nope.txt"])
    assert isinstance(item, Skipped) and "no such file" in item.reason


def test_reader_html_extracts_article_text(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    p.write_text(
        "<html><head><title>Talks</title></head><body><nav>Home | World</nav><article>"
        f"<p>{ENGLISH}</p><p>The agreement covers grain, energy and machinery exports between "
        "the two countries for the next five years.</p></article></body></html>", encoding="utf-8")
    [doc] = read([p], date(2025, 2, 3))
    assert isinstance(doc, Document)
    assert "signed a new trade agreement" in doc.text and "Home | World" not in doc.text


def test_reader_stdin_jsonl_and_text() -> None:
    reader = Reader(date(2025, 1, 1))
    stream = io.BufferedReader(io.BytesIO((json.dumps({"id": "s", "text": ENGLISH}) + "\n").encode()))
    [doc] = list(reader.read_stream(stream, "<stdin>"))
    assert isinstance(doc, Document) and doc.id == "s"
    stream = io.BufferedReader(io.BytesIO(ENGLISH.encode()))
    [doc] = list(reader.read_stream(stream, "<stdin>"))
    assert isinstance(doc, Document) and doc.text == ENGLISH


def test_reader_too_long_text_is_skipped(tmp_path: Path) -> None:
    p = tmp_path / "c.jsonl"
    p.write_text(json.dumps({"id": "big", "text": ENGLISH * 1000}) + "\n", encoding="utf-8")
    [item] = list(Reader(max_chars=10_000).read([str(p)]))
    assert isinstance(item, Skipped) and "too long" in item.reason


@pytest.mark.parametrize("value, expected", [
    ("2025-06-12", date(2025, 6, 12)),
    ("2025-06-12T08:30:00+09:00", date(2025, 6, 12)),
    ("2025-06-12 08:30", date(2025, 6, 12)),
    (None, None),
])
def test_parse_published(value: str | None, expected: date | None) -> None:
    assert parse_published(value) == expected


def test_parse_published_rejects_garbage() -> None:
    with pytest.raises(ValueError, match="not an ISO date"):
        parse_published("June the twelfth")


@pytest.mark.parametrize("text", [
    "북한의 김정은 국무위원장이 러시아의 날을 맞아 푸틴 대통령에게 축전을 보냈다고 조선중앙통신이 보도했다.",
    "Le président français a reçu mardi son homologue allemand à l'Élysée pour des entretiens sur la "
    "défense européenne et la guerre en Ukraine, a indiqué la présidence.",
    "Президент России направил поздравительное послание руководителю Северной Кореи по случаю праздника.",
])
def test_language_rejects_non_english(text: str) -> None:
    reason = check_english(text)
    assert reason is not None and reason.startswith("not English")


def test_language_accepts_english() -> None:
    assert check_english(ENGLISH) is None
    assert check_english("Kim Jong Un met Vladimir Putin in Vladivostok.") is None


def test_language_accepts_english_dense_with_names() -> None:
    # wire copy that is mostly names and titles has few function words among its words
    text = ("North Korean leader Kim Jong Un phoned Mexican President Claudia Sheinbaum on February 11.\n"
            "North Korean leader Kim Jong Un on Monday sent South African President Cyril Ramaphosa "
            "a congratulatory message marking South Africa's national day, The Hindu reported.")
    assert check_english(text) is None


def test_language_rejects_latin_script_prose_full_of_names() -> None:
    text = ("Presiden Joko Widodo bertemu dengan Perdana Menteri Jepang Fumio Kishida di Istana "
            "Merdeka Jakarta pada hari Senin untuk membahas kerja sama ekonomi dan keamanan maritim "
            "di kawasan Indo Pasifik serta rencana kunjungan balasan ke Tokyo tahun depan.")
    reason = check_english(text)
    assert reason is not None and reason.startswith("not English")
