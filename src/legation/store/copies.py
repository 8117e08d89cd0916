"""Copies of one text: the same story from another outlet, URL or id is a further report.

An article arriving under another id is a copy of a stored one when its text is the
same (``rows.text_hash``: white space aside) or nearly the same: the Jaccard similarity
of their sets of five-word shingles is at least :data:`NEAR_COPY`. Candidates are found by
locality-sensitive hashing: a MinHash signature of :data:`HASHES` values is cut into
:data:`BANDS` bands, each stored as one key in ``signature_bands``, so that only articles
sharing a band are compared (with 16 bands of 4 values, two texts of similarity 0.8 share
one with probability 0.999, two of similarity 0.3 with probability 0.12). The similarity
of each candidate is then computed exactly, from the stored text: the estimate of 64
values errs by 0.1 and more on a short text, and would merge two one-line stories that
differ only in their outlet's credit.

The same similarity tells a corrected version from another article that only shares its
URL (a section page, a feed's placeholder URL): a new text at a stored URL replaces the
article there only when it is at least :data:`SAME_STORY` similar to it.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, delete, insert, select

from . import schema as t

SHINGLE = 5
HASHES = 64
BANDS = 16
NEAR_COPY = 0.8
SAME_STORY = 0.5

_WORD = re.compile(r"\w+")
_PRIME = 4_294_967_311  # the first prime above 2**32: (a * h + b) for 32-bit h stays in 64 bits
_CHUNK = 20_000  # shingles hashed at a time: memory stays bounded on a long text
# fixed, so that signatures agree across processes, runs and stores
_A, _B = ([int.from_bytes(hashlib.blake2b(f"{k}{i}".encode(), digest_size=4).digest(), "big") % (_PRIME - 1) + 1
           for i in range(HASHES)] for k in "ab")


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What the copy search needs of a text: its shingles, and its LSH band keys."""

    shingles: frozenset[str]
    bands: tuple[str, ...]

    def similarity(self, other: frozenset[str]) -> float:
        """Jaccard similarity of the shingle sets."""
        if not self.shingles or not other:
            return 0.0
        return len(self.shingles & other) / len(self.shingles | other)


def shingles(text: str) -> frozenset[str]:
    words = _WORD.findall(text.lower())
    return frozenset(" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))) \
        if words else frozenset()


def fingerprint(text: str) -> Fingerprint:
    """The text's shingles and the band keys of their MinHash signature (numpy: a long text's
    hundreds of thousands of shingles cost milliseconds, not seconds)."""
    import numpy as np

    grams = shingles(text)
    if not grams:
        return Fingerprint(grams, ())
    hashes = np.fromiter((int.from_bytes(hashlib.blake2b(g.encode(), digest_size=4).digest(), "big")
                          for g in grams), dtype=np.uint64, count=len(grams))
    a = np.array(_A, dtype=np.uint64)[:, None]
    b = np.array(_B, dtype=np.uint64)[:, None]
    mins = np.full(HASHES, np.iinfo(np.uint64).max, dtype=np.uint64)
    for i in range(0, len(hashes), _CHUNK):
        mins = np.minimum(mins, ((a * hashes[None, i:i + _CHUNK] + b) % _PRIME).min(axis=1))
    rows = HASHES // BANDS
    values = [int(v) for v in mins]
    bands = tuple(f"{k}:" + hashlib.blake2b(json.dumps(values[k * rows:(k + 1) * rows]).encode(),
                                            digest_size=8).hexdigest() for k in range(BANDS))
    return Fingerprint(grams, bands)


def save_bands(conn: Connection, article_id: str, fp: Fingerprint) -> None:
    if fp.bands:
        conn.execute(insert(t.signature_bands), [{"band": b, "article_id": article_id} for b in fp.bands])


def drop_bands(conn: Connection, article_ids: Sequence[str]) -> None:
    conn.execute(delete(t.signature_bands).where(t.signature_bands.c.article_id.in_(article_ids)))


def similar_articles(conn: Connection, fp: Fingerprint, at_least: float) -> list[tuple[str, float]]:
    """Stored articles whose text is at least ``at_least`` similar: (id, similarity), most
    similar first, then by id."""
    if not fp.bands:
        return []
    sb = t.signature_bands.c
    ids = sorted(set(conn.execute(select(sb.article_id).where(sb.band.in_(fp.bands))).scalars()))
    if not ids:
        return []
    rows = conn.execute(select(t.articles.c.id, t.articles.c.text).where(t.articles.c.id.in_(ids)))
    found = [(a, fp.similarity(shingles(text))) for a, text in rows]
    return sorted(((a, s) for a, s in found if s >= at_least), key=lambda x: (-x[1], x[0]))


def similarity_to(conn: Connection, article_id: str, fp: Fingerprint) -> float:
    text = conn.execute(select(t.articles.c.text).where(t.articles.c.id == article_id)).scalar()
    return fp.similarity(shingles(text)) if text is not None else 0.0
