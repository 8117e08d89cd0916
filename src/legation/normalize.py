"""Making input text safe to process: decoding bytes and cleaning characters.

Every change made here is said in a note that the reader attaches to the
document as a warning, so nothing is altered silently:

* bytes that are not UTF-8 are replaced by U+FFFD (or, with ``strict``,
  the input is refused), and the note gives their offsets;
* lone surrogates (which JSON allows, and which no encoder can write) become
  U+FFFD;
* control characters (NUL included) other than tab, line and form feed are
  removed;
* invisible format characters (zero-width spaces and joiners, the byte-order
  mark, soft hyphens, bidirectional marks, embeddings and isolates) are
  removed, and the many Unicode spaces become a plain space, so that a word
  with a zero-width space inside it is still the word.

Removing characters moves later offsets, so the evidence offsets of a
cleaned document point into the cleaned text; ``extract --with-text`` and
the store keep that text.
"""

from __future__ import annotations

import re
from typing import Literal

EncodingErrors = Literal["strict", "replace"]
ENCODING_ERRORS: tuple[str, ...] = ("strict", "replace")

_SURROGATE = re.compile("[\ud800-\udfff]")
# C0 controls but tab, line feed, form feed and carriage return; DEL and the C1 controls
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# zero-width characters, BOM, soft hyphen, Arabic letter mark, bidirectional marks and
# embeddings, invisible operators
_INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# no-break and typographic spaces: one character each, so they keep offsets
_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")

_SHOWN_OFFSETS = 5


class UndecodableError(ValueError):
    """Bytes that are not UTF-8, under ``strict``; the message gives the first offset."""


def decode(data: bytes, errors: EncodingErrors = "replace") -> tuple[str, str | None]:
    """The text of UTF-8 ``data`` (a leading BOM dropped) and a note of what was replaced.

    Under ``strict`` a byte that is not UTF-8 raises :class:`UndecodableError`.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as e:
        if errors == "strict":
            raise UndecodableError(
                f"not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start})") from None
        first = e.start
    offsets = [first]
    pos = first + 1
    while len(offsets) < _SHOWN_OFFSETS:
        try:
            data[pos:].decode("utf-8")
            break
        except UnicodeDecodeError as e:
            offsets.append(pos + e.start)
            pos += e.end
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    shown = ", ".join(str(o) for o in offsets)
    more = f" and {bad - len(offsets)} more" if bad > len(offsets) else ""
    return text, f"{bad} byte sequence(s) that are not UTF-8 replaced by U+FFFD (at byte offsets {shown}{more})"


def clean_text(text: str) -> tuple[str, list[str]]:
    """``text`` with surrogates replaced and control and invisible characters removed."""
    notes = []
    text, n = _SURROGATE.subn("\ufffd", text)
    if n:
        notes.append(f"{n} lone surrogate(s) replaced by U+FFFD")
    text, n = _CONTROL.subn("", text)
    if n:
        notes.append(f"{n} control character(s) removed")
    text, n = _INVISIBLE.subn("", text)
    if n:
        notes.append(f"{n} invisible formatting character(s) (zero-width, bidirectional) removed")
    return _SPACES.sub(" ", text), notes


def clean_field(name: str, value: object) -> tuple[str | None, str | None]:
    """A metadata field (id, title, url, source) as a clean one-line string, or None when
    empty; with a note when it had to be changed or could not be used."""
    if value is None:
        return None, None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None, f"{name}: a {type(value).__name__} is not a string; ignored"
    s = str(value)
    s, n = _SURROGATE.subn("\ufffd", s)
    s = " ".join(_INVISIBLE.sub("", _CONTROL.sub(" ", s)).split())
    note = f"{name}: {n} lone surrogate(s) replaced by U+FFFD" if n else None
    return (s or None), note
