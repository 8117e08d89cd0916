"""When two mentions are one event: the rules both merges share.

The within-document merge (``merge.py``) and the store's cross-report
deduplication (``store/dedup.py``) ask the same two questions of a pair of
mentions: do they name the same party, and do their dates agree. The
answers live here, over plain values, so that neither depends on the
other's record types (parse-time ``Mention`` objects on one side, stored
entity rows on the other).

A party is compared as a :class:`PartyId`: its stable key (a knowledge-base
key, a Wikidata id, or ``name:<name>`` for a person the knowledge base does
not know), its PLOVER code and sector, and its kind. A country, group,
description, title, institution or organization is *generic*: it may stand
for any specific member of the same country ("North Korea", "North Korean
diplomats" and "Kim Jong Un" can all be the actor of one refusal), while two
different persons never can.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from .records import DateInfo

GENERIC_KINDS = frozenset({"country", "group", "description", "title", "institution", "organization"})


class PartyId(NamedTuple):
    key: str | None
    code: str | None
    sector: str | None
    kind: str


def same_party(a: PartyId, b: PartyId) -> bool:
    """Can ``a`` and ``b`` name the same party (allowing a generic for a specific)?"""
    if a.key and b.key and a.key == b.key:
        return True
    if not a.code or a.code != b.code:
        return False
    if a.kind not in GENERIC_KINDS and b.kind not in GENERIC_KINDS:
        return False
    return a.sector is None or b.sector is None or a.sector == b.sector \
        or a.kind == "country" or b.kind == "country"


def parties_overlap(a: Iterable[PartyId], b: Iterable[PartyId]) -> bool:
    """Does some party of ``a`` name the same party as some party of ``b``?"""
    bs = list(b)
    return any(same_party(x, y) for x in a for y in bs)


def dates_agree(a: DateInfo | None, b: DateInfo | None) -> bool:
    """Do two dates of one document not contradict each other at their precision?

    A missing date or the publication-date default agrees with anything; two
    days agree within three days (reports round "on the 11th" and "Tuesday"
    differently); otherwise the coarser date must contain the finer.
    """
    if a is None or b is None or a.basis == "publication" or b.basis == "publication":
        return True
    n = min(len(a.value), len(b.value))
    if a.precision == b.precision == "day":
        da, db = date.fromisoformat(a.value), date.fromisoformat(b.value)
        return abs((da - db).days) <= 3
    return a.value[:n] == b.value[:n]
