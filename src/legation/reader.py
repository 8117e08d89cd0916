"""Reading input documents: plain text, HTML, JSON Lines, directories, stdin.

The reader yields a :class:`~legation.records.Document` for every input it
can use and a :class:`~legation.records.Skipped` (with the input's name and
the reason) for every one it cannot, so one bad file or line never stops a
batch. JSON Lines are streamed line by line: a corpus of any size is read in
constant memory.

What the reader had to change or leave out of a document it keeps (bytes
that were not UTF-8, characters removed by :mod:`legation.normalize`, a
``published`` value that is not a date) is listed in ``Document.warnings``.
A document without an ``id`` is named by where it came from: the path of
its file as given (``news/a/story.txt``), and for a JSON Lines record the
path and line (``feeds/x.jsonl:12``), so that two files of one name in two
folders are two documents.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from .normalize import EncodingErrors, UndecodableError, clean_field, clean_text, decode
from .records import Document, Skipped

TEXT_SUFFIXES = {".txt", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
# a document longer than this is refused; shorter ones of any length are processed
# (the extractor works through a long one piece by piece)
DEFAULT_MAX_CHARS = 100_000_000

Item = Document | Skipped


def parse_published(value: Any) -> date | None:
    """Parse an ISO date or timestamp; raise ValueError with a readable message."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    s = str(value).strip()
    try:
        return date.fromisoformat(s[:10]) if len(s) >= 10 and s[4] == "-" else date.fromisoformat(s)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(s.replace("Z", "+00:00")).date()
    except ValueError:
        raise ValueError(f"published: {s!r} is not an ISO date (YYYY-MM-DD)") from None


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return control > len(head) * 0.1


def decode_bytes(data: bytes, origin: str, errors: EncodingErrors = "replace") -> tuple[str, str | None] | Skipped:
    """Decode a file's bytes as UTF-8 (with a note of any bytes replaced), or say why not."""
    if not data.strip():
        return Skipped(origin, "empty input")
    if _looks_binary(data):
        return Skipped(origin, "binary data, not text")
    try:
        return decode(data, errors)
    except UndecodableError as e:
        return Skipped(origin, f"{e}; convert the file to UTF-8 or use --encoding-errors replace")


class Reader:
    """Turns input names (files, directories, '-') into documents.

    ``published`` is the publication date for inputs that carry none;
    ``max_chars`` bounds one document so a runaway file cannot exhaust memory;
    ``encoding_errors`` says what bytes that are not UTF-8 do: ``replace``
    them (with a warning that gives their offsets) or skip the input
    (``strict``).
    """

    def __init__(self, published: date | None = None, max_chars: int = DEFAULT_MAX_CHARS,
                 encoding_errors: EncodingErrors = "replace") -> None:
        self.published = published
        self.max_chars = max_chars
        self.encoding_errors = encoding_errors

    # -- entry points ---------------------------------------------------------
    def read(self, inputs: Iterable[str]) -> Iterator[Item]:
        names = list(inputs) or ["-"]
        for name in names:
            if name == "-":
                yield from self.read_stream(sys.stdin.buffer, "<stdin>")
                continue
            path = Path(name)
            if path.is_dir():
                yield from self._read_dir(path)
            elif path.is_file():
                yield from self.read_file(path)
            else:
                yield Skipped(name, "no such file or directory")

    def _read_dir(self, root: Path) -> Iterator[Item]:
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            if any(part.startswith(".") for part in path.relative_to(root).parts):
                continue
            if path.suffix.lower() not in TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES:
                yield Skipped(str(path), f"unsupported file type {path.suffix or '(none)'!r}")
                continue
            yield from self.read_file(path)

    def read_file(self, path: Path) -> Iterator[Item]:
        origin = str(path)
        suffix = path.suffix.lower()
        try:
            if suffix == ".json" and path.stat().st_size <= self.max_chars * 4:
                whole = self._read_json_document(path)
                if whole is not None:
                    yield from whole
                    return
            if suffix in JSONL_SUFFIXES:
                with path.open("rb") as f:
                    yield from self._read_jsonl(f, origin, origin)
                return
            size = path.stat().st_size
            if size > self.max_chars * 4:
                yield Skipped(origin, f"file too large ({size:,} bytes; limit {self.max_chars:,} characters)")
                return
            data = path.read_bytes()
        except OSError as e:
            yield Skipped(origin, f"cannot read: {e.strerror or e}")
            return
        if suffix in HTML_SUFFIXES:
            yield self._from_html(data, origin, origin)
        else:
            yield self._from_text(data, origin, origin)

    def _read_json_document(self, path: Path) -> list[Item] | None:
        """A .json file holding one record or an array of them; None if it is JSON Lines."""
        origin = str(path)
        try:
            value = json.loads(path.read_bytes().decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            return None
        except RecursionError:
            return [Skipped(origin, "JSON nested too deeply to read")]
        if isinstance(value, list):
            return [self._record(r, f"{origin}[{i}]", f"{origin}[{i}]") for i, r in enumerate(value, 1)]
        return [self._record(value, origin, origin)]

    def read_stream(self, stream: IO[bytes], origin: str) -> Iterator[Item]:
        """Read standard input: JSON Lines if it starts with '{', else one text."""
        first = stream.peek(1)[:64] if hasattr(stream, "peek") else b""
        if first.lstrip().startswith(b"{"):
            yield from self._read_jsonl(stream, origin, "stdin")
            return
        data = stream.read()
        if data.lstrip().startswith(b"{"):
            yield from self._read_jsonl(iter(data.splitlines(keepends=True)), origin, "stdin")
        else:
            yield self._from_text(data, origin, "stdin")

    # -- formats --------------------------------------------------------------
    def _from_text(self, data: bytes, origin: str, doc_id: str) -> Item:
        decoded = decode_bytes(data, origin, self.encoding_errors)
        if isinstance(decoded, Skipped):
            return decoded
        text, note = decoded
        return self._document({"id": doc_id, "text": text}, origin, doc_id, [note] if note else [])

    def _from_html(self, data: bytes, origin: str, doc_id: str) -> Item:
        decoded = decode_bytes(data, origin, self.encoding_errors)
        if isinstance(decoded, Skipped):
            return decoded
        html, note = decoded
        try:
            import trafilatura
        except ImportError:  # pragma: no cover - a dependency of the package
            return Skipped(origin, "HTML input needs trafilatura (pip install trafilatura)")
        try:
            extracted = trafilatura.bare_extraction(html, with_metadata=True)
        except RecursionError:
            return Skipped(origin, "HTML nested too deeply to read")
        if extracted is None or not (getattr(extracted, "text", None) or "").strip():
            return Skipped(origin, "no article text found in the HTML")
        record = {
            "id": doc_id,
            "text": getattr(extracted, "text", ""),
            "title": getattr(extracted, "title", None),
            "url": getattr(extracted, "url", None),
            "published": getattr(extracted, "date", None),
            "source": getattr(extracted, "sitename", None),
        }
        return self._document(record, origin, doc_id, [note] if note else [])

    def _read_jsonl(self, lines: Iterable[bytes], origin: str, stem: str) -> Iterator[Item]:
        for n, raw in enumerate(lines, 1):
            where = f"{origin}:{n}"
            if not raw.strip():
                continue
            if len(raw) > self.max_chars * 4 + 4096:
                yield Skipped(where, f"record too long ({len(raw):,} bytes; limit {self.max_chars:,} characters)")
                continue
            try:
                line, note = decode(raw, self.encoding_errors) if isinstance(raw, bytes) else (raw, None)
            except UndecodableError as e:
                yield Skipped(where, f"{e}; use --encoding-errors replace to read it")
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                yield Skipped(where, f"malformed JSON: {e.msg} at column {e.colno}")
                continue
            except RecursionError:
                yield Skipped(where, "JSON nested too deeply to read")
                continue
            yield self._record(record, where, f"{stem}:{n}", [note] if note else [])

    def record(self, record: Any, where: str = "<record>", default_id: str = "record") -> Item:
        """A document, or a reported skip, from one JSON Lines style record
        (``{"id", "text", "published", "title", "url", "source"}``) given as a dict."""
        return self._record(record, where, default_id)

    def _record(self, record: Any, where: str, default_id: str, notes: list[str] | None = None) -> Item:
        if not isinstance(record, dict):
            return Skipped(where, f"expected a JSON object, got {type(record).__name__}")
        return self._document(record, where, default_id, notes or [])

    def _document(self, record: dict[str, Any], where: str, default_id: str,
                  notes: list[str] | None = None) -> Item:
        warnings = list(notes or [])
        fields: dict[str, str | None] = {}
        for name in ("id", "title", "url", "source"):
            raw = record.get(name)
            if name == "id" and raw is None:
                raw = record.get("doc_id")
            fields[name], note = clean_field(name, raw)
            if note:
                warnings.append(note)
        doc_id = fields["id"] or default_id
        text = record.get("text")
        if not isinstance(text, str):
            return Skipped(where, "record has no 'text' string", doc_id)
        if len(text) > self.max_chars:
            return Skipped(where, f"text too long ({len(text):,} characters; limit {self.max_chars:,}, "
                                  "see --max-chars)", doc_id)
        text, cleaned = clean_text(text)
        warnings += cleaned
        if not text.strip():
            return Skipped(where, "empty text", doc_id)
        published = self.published
        try:
            given = parse_published(record.get("published") or record.get("date"))
        except ValueError as e:
            default = f"the default {published.isoformat()}" if published else "no date"
            warnings.append(f"{e}; the document goes on with {default}")
        else:
            published = given or published
        return Document(
            id=doc_id,
            text=text,
            published=published,
            title=fields["title"],
            url=fields["url"],
            source=fields["source"],
            origin=where,
            warnings=warnings,
        )
