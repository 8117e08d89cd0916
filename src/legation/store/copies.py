"""Copies of one text: the same story from another outlet, URL or id is a further report.

An article arriving under another id is a copy of a stored one when its text is the
same (``rows.text_hash``: white space aside) or nearly the same: the Jaccard similarity
of their sets of five-word shingles is at least :data:`NEAR_COPY`. The similarity is
estimated from a MinHash signature of :data:`HASHES` values, and candidates are found
by locality-sensitive hashing: the signature is cut into :data:`BANDS` bands, each stored
as one key in ``signature_bands``, so that only articles sharing a band are compared
(with 16 bands of 4 values, two texts of similarity 0.8 share one with probability 0.999,
two of similarity 0.3 with probability 0.12).

The same estimate tells a corrected version from another article that only shares its
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
_PRIME = (1 << 61) - 1
# fixed, so that signatures agree across processes, runs and stores
_COEFFS = [(int.from_bytes(hashlib.blake2b(f"a{i}".encode(), digest_size=8).digest(), "big") | 1,
            int.from_bytes(hashlib.blake2b(f"b{i}".encode(), digest_size=8).digest(), "big"))
           for i in range(HASHES)]


@dataclass(frozen=True, slots=True)
class Signature:
    """The MinHash signature of a text (an empty tuple for a text of no words)."""

    values: tuple[int, ...]

    def bands(self) -> list[str]:
        if not self.values:
            return []
        rows = HASHES // BANDS
        return [f"{b}:" + hashlib.blake2b(json.dumps(self.values[b * rows:(b + 1) * rows]).encode(),
                                          digest_size=8).hexdigest()
                for b in range(BANDS)]

    def similarity(self, other: Signature) -> float:
        """Estimated Jaccard similarity of the two texts' shingle sets."""
        if not self.values or not other.values:
            return 0.0
        return sum(a == b for a, b in zip(self.values, other.values, strict=True)) / HASHES

    def dumps(self) -> str:
        return json.dumps(list(self.values))

    @classmethod
    def loads(cls, s: str) -> Signature:
        return cls(tuple(json.loads(s)))


def signature(text: str) -> Signature:
    words = _WORD.findall(text.lower())
    if not words:
        return Signature(())
    grams = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    hashes = [int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "big") for g in grams]
    return Signature(tuple(min((a * h + b) % _PRIME for h in hashes) for a, b in _COEFFS))


def save_signature(conn: Connection, article_id: str, sig: Signature) -> None:
    conn.execute(insert(t.signatures).values(article_id=article_id, minhash=sig.dumps()))
    bands = sig.bands()
    if bands:
        conn.execute(insert(t.signature_bands), [{"band": b, "article_id": article_id} for b in bands])


def drop_signatures(conn: Connection, article_ids: Sequence[str]) -> None:
    conn.execute(delete(t.signature_bands).where(t.signature_bands.c.article_id.in_(article_ids)))
    conn.execute(delete(t.signatures).where(t.signatures.c.article_id.in_(article_ids)))


def similar_articles(conn: Connection, sig: Signature, at_least: float) -> list[tuple[str, float]]:
    """Stored articles whose text is at least ``at_least`` similar: (id, similarity), most
    similar first, then by id."""
    bands = sig.bands()
    if not bands:
        return []
    sb = t.signature_bands.c
    ids = sorted(set(conn.execute(select(sb.article_id).where(sb.band.in_(bands))).scalars()))
    if not ids:
        return []
    rows = conn.execute(select(t.signatures.c.article_id, t.signatures.c.minhash)
                        .where(t.signatures.c.article_id.in_(ids)))
    found = [(a, sig.similarity(Signature.loads(m))) for a, m in rows]
    return sorted(((a, s) for a, s in found if s >= at_least), key=lambda x: (-x[1], x[0]))


def similarity_to(conn: Connection, article_id: str, sig: Signature) -> float:
    m = conn.execute(select(t.signatures.c.minhash).where(t.signatures.c.article_id == article_id)).scalar()
    return sig.similarity(Signature.loads(m)) if m is not None else 0.0
