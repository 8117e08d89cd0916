"""Cross-report deduplication: when mentions from different articles are one event.

The merge rule. Two stored mentions report the same real-world event when
all of these hold (:func:`compare` checks each and says why):

1. **reports**: they come from different articles (the within-document merge
   has already joined an article's own mentions of one event);
2. **negation**: both say it happened, or both say it did not;
3. **type**: the same PLOVER type, or both are communications;
4. **communication**: both are communications or neither; their kinds agree
   (equal, or one is the generic "message" and the other a written kind);
   their occasions agree where both state one;
5. **parties**: the same actors and recipients after resolution: every party
   on each side names a party on the other (``sameness.same_party``: the same
   person or body, or a country, group or institution standing for a member
   of it). A mention with no recipient is compared as a reciprocal event:
   its actors against the other's actors and recipients;
6. **date**: the dates agree at their precision (``sameness.dates_agree``);
   a date that is only the publication date of its report stands for the
   week before publication.

Mentions are grouped by :func:`cluster`: in publication order, each joins the
first group all of whose members it matches (complete linkage), else starts
a group. The result depends only on the set of mentions, never on the order
they were ingested in, and a group never spans two connected components of
the "could be the same" graph, so the store recomputes only the component
an article touches (see ``update.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ..kb.base import normalize_name
from ..records import DateInfo
from ..sameness import dates_agree, same_party
from ..wordlists import bundled_words
from .records import Party, StoredMention

# "message" is any written message: it may be the letter or greeting another report names
# (the written kinds are the bundled word list ``written_kinds``, words.yaml)
GENERIC_COMM = "message"
PUBLICATION_WINDOW_DAYS = 7  # an undated report refers to the week before it appeared
DAY_TOLERANCE = 3  # sameness.dates_agree: two days within three days agree
MIN_DAY, MAX_DAY = "0001-01-01", "9999-12-31"


@dataclass(frozen=True, slots=True)
class Check:
    criterion: str
    ok: bool
    detail: str


@dataclass(frozen=True, slots=True)
class Verdict:
    checks: tuple[Check, ...]

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)

    def failed(self) -> list[Check]:
        return [c for c in self.checks if not c.ok]


def compare(a: StoredMention, b: StoredMention) -> Verdict:
    """Every criterion of the merge rule, checked for one pair of mentions."""
    return Verdict((
        _reports(a, b), _negation(a, b), _type(a, b), _communication(a, b), _parties(a, b),
        _date(a, b),
    ))


def same_event(a: StoredMention, b: StoredMention) -> bool:
    """Do ``a`` and ``b`` pass every criterion?"""
    return compare(a, b).ok


def cluster(mentions: Iterable[StoredMention]) -> list[list[StoredMention]]:
    """Group mentions into events; the same groups whatever order the mentions come in."""
    groups: list[list[StoredMention]] = []
    for m in sorted(mentions, key=lambda m: m.order):
        for g in groups:
            if all(same_event(m, x) for x in g):
                g.append(m)
                break
        else:
            groups.append([m])
    return groups


# -- the criteria ---------------------------------------------------------------------------
def _reports(a: StoredMention, b: StoredMention) -> Check:
    if a.article_id == b.article_id:
        return Check("reports", False, f"both in article {a.article_id}, where they were kept apart")
    return Check("reports", True, f"{a.article_id} and {b.article_id}")


def _negation(a: StoredMention, b: StoredMention) -> Check:
    na, nb = a.factuality == "negated", b.factuality == "negated"
    return Check("negation", na == nb, f"{a.factuality} / {b.factuality}")


def kinds_agree(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is b
    if a == b:
        return True
    written = bundled_words().written_kinds
    return GENERIC_COMM in (a, b) and a in written and b in written


def _type(a: StoredMention, b: StoredMention) -> Check:
    if a.event_type == b.event_type:
        return Check("type", True, a.event_type)
    both_comm = a.comm_kind is not None and b.comm_kind is not None
    return Check("type", both_comm, f"{a.event_type} / {b.event_type}"
                 + (" (both communications)" if both_comm else ""))


def _communication(a: StoredMention, b: StoredMention) -> Check:
    if a.comm_kind is None and b.comm_kind is None:
        return Check("communication", True, "neither is a communication")
    if not kinds_agree(a.comm_kind, b.comm_kind):
        return Check("communication", False, f"{a.comm_kind or 'none'} / {b.comm_kind or 'none'}")
    if a.occasion and b.occasion and normalize_name(a.occasion) != normalize_name(b.occasion):
        return Check("communication", False, f"occasion {a.occasion!r} / {b.occasion!r}")
    occasion = (a.occasion or "-") if a.occasion == b.occasion else f"{a.occasion or '-'} / {b.occasion or '-'}"
    return Check("communication", True, f"{a.comm_kind} / {b.comm_kind}, occasion {occasion}")


def covers(a: Sequence[Party], b: Sequence[Party]) -> bool:
    """Does every party of ``a`` name some party of ``b``?"""
    return all(any(same_party(x.ident, y.ident) for y in b) for x in a)


def _mutual(a: Sequence[Party], b: Sequence[Party]) -> bool:
    return covers(a, b) and covers(b, a)


def _labels(ps: Sequence[Party]) -> str:
    return ", ".join(p.label() for p in ps) or "-"


def _parties(a: StoredMention, b: StoredMention) -> Check:
    if a.recipients and b.recipients:
        ok = _mutual(a.actors, b.actors) and _mutual(a.recipients, b.recipients)
        how = "actors and recipients"
    else:
        x, y = (a, b) if not a.recipients else (b, a)  # x names no recipient
        ok = covers(x.actors, y.actors + y.recipients) and covers(y.actors, x.actors)
        how = "actors (one names no recipient)"
    detail = (f"{how}: {_labels(a.actors)} → {_labels(a.recipients)} / "
              f"{_labels(b.actors)} → {_labels(b.recipients)}")
    return Check("parties", ok, detail)


def _date(a: StoredMention, b: StoredMention) -> Check:
    ok = dates_compatible(a.date, b.date)
    return Check("date", ok, f"{_date_label(a.date)} / {_date_label(b.date)}")


def _date_label(d: DateInfo | None) -> str:
    if d is None:
        return "undated"
    return f"{d.value} ({d.precision}, {d.basis})"


def dates_compatible(a: DateInfo | None, b: DateInfo | None) -> bool:
    """``sameness.dates_agree`` across reports, where a publication date is not a wildcard."""
    if a is None or b is None:
        return True
    if a.basis != "publication" and b.basis != "publication":
        return dates_agree(a, b)
    alo, ahi = date_span(a)
    blo, bhi = date_span(b)
    return alo <= bhi and blo <= ahi


def date_span(d: DateInfo | None) -> tuple[str, str]:
    """The first and last day (ISO) the event may have happened on, by the date's precision.

    A publication-date default covers the week before publication (and the
    day after, for time zones).
    """
    if d is None:
        return MIN_DAY, MAX_DAY
    v = d.value
    try:
        if d.basis == "publication":
            p = date.fromisoformat(v[:10])
            return ((p - timedelta(days=PUBLICATION_WINDOW_DAYS)).isoformat(),
                    (p + timedelta(days=1)).isoformat())
        if len(v) == 10:
            return v, v
        if len(v) == 7:
            y, m = int(v[:4]), int(v[5:7])
            last = (date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1)).day
            return f"{v}-01", f"{v}-{last:02d}"
        return f"{v[:4]}-01-01", f"{v[:4]}-12-31"
    except (ValueError, OverflowError):  # not a date, or at the calendar's ends (years 1, 9999)
        return MIN_DAY, MAX_DAY


def search_span(d: DateInfo | None) -> tuple[str, str]:
    """Days a matching mention's span must reach: the span widened by the day tolerance."""
    lo, hi = date_span(d)
    if lo == MIN_DAY or hi == MAX_DAY:
        return MIN_DAY, MAX_DAY
    pad = timedelta(days=DAY_TOLERANCE)
    try:
        return ((date.fromisoformat(lo) - pad).isoformat(), (date.fromisoformat(hi) + pad).isoformat())
    except OverflowError:
        return MIN_DAY, MAX_DAY
