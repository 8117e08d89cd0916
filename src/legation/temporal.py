"""When events happened: date expressions resolved against the publication date.

News dates events relative to the day of publication: "on the 11th",
"Tuesday", "last year", "June 12". Each expression is resolved to a value
with its precision (day, month or year) and basis (explicit, relative,
publication). A frame takes the date attached to its own clause; failing
that, the date of the report that contains it ("reported on the 11th that
..."), which bounds it; failing that, the occasion it marked (a national
day); failing that, the publication date. Common forms are read with
regular expressions; dateparser handles the rest.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from spacy.tokens import Token

from .nlp import Sentence
from .records import DateInfo

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_ORD = r"(\d{1,2})(?:st|nd|rd|th)?"

_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTH_DAY = re.compile(rf"\b({_MONTH_RE})\.?\s+{_ORD}\b(?:,?\s+(\d{{4}}))?", re.I)
_DAY_MONTH = re.compile(rf"\b{_ORD}\s+(?:of\s+)?({_MONTH_RE})\.?\b(?:,?\s+(\d{{4}}))?", re.I)
_MONTH_YEAR = re.compile(rf"\b(?:(early|mid|late)[- ])?({_MONTH_RE})\.?(?:,?\s+(\d{{4}}))?\b", re.I)
_THE_NTH = re.compile(r"\bthe\s+(\d{1,2})(?:st|nd|rd|th)\b", re.I)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_AGO = re.compile(r"\b(\w+)\s+(day|week|month|year)s?\s+ago\b", re.I)
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "several": 3, "few": 3}
_RELATIVE = re.compile(
    r"\b(?:(last|this|next|past|previous|coming|earlier this|later this|early|late|earlier|later)\s+)?"
    r"(year|month|week|weekend|yesterday|today|tonight|tomorrow)\b", re.I)
_WEEKDAY = re.compile(rf"\b(?:(last|this|next|on)\s+)?({'|'.join(WEEKDAYS)})\b", re.I)
# dates relative to the event the sentence continues, not to the publication: "later that
# day", "the same day", "the next day", "the day before", "two days later"
_ANAPHORIC = re.compile(
    r"\b(?:(?:later|earlier)\s+)?(?:that|the\s+same)\s+(?:day|night|morning|afternoon|evening)\b"
    r"|\bthe\s+(next|following|previous)\s+(?:day|morning|night|evening)\b"
    r"|\bthe\s+day\s+(before|after)\b"
    r"|\b(\w+)\s+days?\s+(later|earlier|afterwards?|before)\b", re.I)
_ANAPHORIC_SHIFT = {"next": 1, "following": 1, "after": 1, "previous": -1, "before": -1}


def anaphoric_shift(text: str) -> int | None:
    """Days from the event a sentence continues ("the next day": 1), or None where the
    expression is not relative to an earlier event."""
    m = _ANAPHORIC.search(text)
    if m is None:
        return None
    if m.group(1) or m.group(2):
        return _ANAPHORIC_SHIFT[(m.group(1) or m.group(2)).lower()]
    if m.group(3):
        n = _NUMBERS.get(m.group(3).lower()) or (int(m.group(3)) if m.group(3).isdigit() else None)
        if n is None:
            return None
        return -n if m.group(4).lower() in ("earlier", "before") else n
    return 0

PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
BASIS_RANK = {"explicit": 0, "relative": 1, "publication": 2}


@dataclass(frozen=True, slots=True)
class Resolved:
    value: str
    precision: str
    basis: str
    future: bool = False


def _fmt(d: date, precision: str) -> str:
    return {"day": d.isoformat(), "month": d.isoformat()[:7], "year": str(d.year)}[precision]


def _shift_month(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    return date(d.year + y, m + 1, 1)


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def resolve_expression(text: str, published: date | None) -> Resolved | None:
    """Resolve one date expression; None if it is not a date we can place (also when counting
    from the publication date would leave the calendar: "last week" of 1 January of year 1)."""
    try:
        return _resolve(text, published)
    except OverflowError:
        return None


def _resolve(text: str, published: date | None) -> Resolved | None:
    t = text.strip()
    m = _ISO.search(t)
    if m:
        d = _safe(int(m[1]), int(m[2]), int(m[3]))
        return Resolved(d.isoformat(), "day", "explicit") if d else None
    m = _MONTH_DAY.search(t) or None
    if m:
        month, day, year = MONTHS[m[1].lower().rstrip(".")], int(m[2]), m[3]
        return _month_day(month, day, int(year) if year else None, published)
    m = _DAY_MONTH.search(t)
    if m:
        day, month, year = int(m[1]), MONTHS[m[2].lower().rstrip(".")], m[3]
        return _month_day(month, day, int(year) if year else None, published)
    if published is not None:
        m = _THE_NTH.search(t)
        if m:
            day = int(m[1])
            base = published if day <= published.day else _shift_month(published, -1)
            d = _safe(base.year, base.month, day)
            return Resolved(d.isoformat(), "day", "relative") if d else None
        m = _AGO.search(t)
        if m and m[1].lower() in _NUMBERS or (m and m[1].isdigit()):
            n = int(m[1]) if m[1].isdigit() else _NUMBERS[m[1].lower()]
            unit = m[2].lower()
            if unit == "day":
                return Resolved((published - timedelta(days=n)).isoformat(), "day", "relative")
            if unit == "week":
                return Resolved(_fmt(published - timedelta(weeks=n), "month"), "month", "relative")
            if unit == "month":
                return Resolved(_fmt(_shift_month(published, -n), "month"), "month", "relative")
            return Resolved(str(published.year - n), "year", "relative")
        m = _WEEKDAY.search(t)
        if m:
            which, wd = (m[1] or "").lower(), WEEKDAYS[m[2].lower()]
            delta = (published.weekday() - wd) % 7
            if which == "next":
                d = published + timedelta(days=(wd - published.weekday()) % 7 or 7)
                return Resolved(d.isoformat(), "day", "relative", future=True)
            if which == "last" and delta == 0:
                delta = 7
            return Resolved((published - timedelta(days=delta)).isoformat(), "day", "relative")
        m = _RELATIVE.search(t)
        if m:
            return _relative((m[1] or "").lower(), m[2].lower(), published)
    m = _MONTH_YEAR.search(t)
    if m and (m[3] or published is not None):
        month = MONTHS[m[2].lower().rstrip(".")]
        if m[2].lower() in ("may", "march") and not m[3] and not m[1] and not re.search(
                rf"\b(in|since|until|by|early|mid|late)\s+{m[2]}\b", t, re.I):
            return None  # the verb "may", "march"
        if m[3]:
            year = int(m[3])
        else:
            assert published is not None
            year = published.year if month <= published.month else published.year - 1
        return Resolved(f"{year:04d}-{month:02d}", "month", "explicit" if m[3] else "relative")
    m = _YEAR.search(t)
    if m:
        return Resolved(m[1], "year", "explicit")
    return _dateparser(t, published)


def _month_day(month: int, day: int, year: int | None, published: date | None) -> Resolved | None:
    if year is None:
        if published is None:
            return None
        year = published.year
        d = _safe(year, month, day)
        if d is not None and d > published + timedelta(days=31):
            year -= 1  # news refers back: "on December 30" read in January
        d = _safe(year, month, day)
        return Resolved(d.isoformat(), "day", "relative", future=d > published) if d else None
    d = _safe(year, month, day)
    return Resolved(d.isoformat(), "day", "explicit") if d else None


def _relative(which: str, unit: str, p: date) -> Resolved | None:
    if unit in ("yesterday",):
        return Resolved((p - timedelta(days=1)).isoformat(), "day", "relative")
    if unit in ("today", "tonight"):
        return Resolved(p.isoformat(), "day", "relative")
    if unit == "tomorrow":
        return Resolved((p + timedelta(days=1)).isoformat(), "day", "relative", future=True)
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(which, 0)
    if unit == "year":
        return Resolved(str(p.year + step), "year", "relative", future=step > 0)
    if unit == "month":
        return Resolved(_fmt(_shift_month(p, step), "month"), "month", "relative", future=step > 0)
    if unit in ("week", "weekend"):
        d = p + timedelta(weeks=step)
        return Resolved(_fmt(d, "month"), "month", "relative", future=step > 0)
    return None


def _dateparser(text: str, published: date | None) -> Resolved | None:
    if not re.search(r"\d|" + _MONTH_RE, text, re.I):
        return None
    from datetime import datetime

    import dateparser  # slow to import; most expressions never get here

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False,
                "REQUIRE_PARTS": []}
    if published is not None:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    try:
        dt = dateparser.parse(text, languages=["en"], settings=settings)  # type: ignore[arg-type]
    except Exception:  # dateparser raises assorted errors on odd input  # noqa: BLE001
        return None
    if dt is None:
        return None
    has_day = bool(re.search(r"\b\d{1,2}(st|nd|rd|th)?\b", text))
    has_month = bool(re.search(_MONTH_RE, text, re.I))
    precision = "day" if has_day and has_month else "month" if has_month else "year"
    return Resolved(_fmt(dt.date(), precision), precision, "explicit")


@dataclass(slots=True)
class DateMention:
    info: DateInfo
    head: int  # token the expression attaches to
    start: int
    end: int
    future: bool


class DateFinder:
    """Date expressions of a sentence and the date each frame should take."""

    def find(self, sent: Sentence, published: date | None,
             continued: DateInfo | None = None) -> list[DateMention]:
        """The sentence's date expressions; ``continued`` is the day of the event the
        sentence continues, which "later that day" and "two days later" count from."""
        doc = sent.doc
        spans: list[tuple[int, int]] = [(e.start, e.end) for e in doc.ents if e.label_ in ("DATE",)]
        taken = {i for s, e in spans for i in range(s, e)}
        for pattern in (_THE_NTH, _ANAPHORIC):
            for m in pattern.finditer(doc.text):
                span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
                if span is not None and not any(i in taken for i in range(span.start, span.end)):
                    spans.append((span.start, span.end))
                    taken.update(range(span.start, span.end))
        out = []
        for s, e in spans:
            text = doc[s:e].text
            shift = anaphoric_shift(text)
            if shift is not None:
                if continued is None or continued.precision != "day":
                    continue  # "the next day" after what: no date rather than a wrong one
                try:
                    day = date.fromisoformat(continued.value) + timedelta(days=shift)
                except OverflowError:
                    continue
                r: Resolved | None = Resolved(day.isoformat(), "day", "relative")
            else:
                r = resolve_expression(text, published)
            if r is None:
                continue
            root = doc[s:e].root
            head = root.head.i if root.dep_ in ("pobj", "npadvmod", "tmod", "appos", "nummod") else root.i
            if root.dep_ == "pobj":
                head = root.head.head.i  # the preposition's head
            a, b = sent.char_span(s, e)
            out.append(DateMention(DateInfo(r.value, text, r.precision, r.basis, a, b),  # type: ignore[arg-type]
                                   head, s, e, r.future))
        return out

    def for_frame(self, sent: Sentence, anchor: int, trigger: list[int], dates: list[DateMention],
                  extra_heads: list[int] | None = None) -> tuple[DateMention | None, bool]:
        """The date of the frame's own clause, else of a report governing it (bound=True)."""
        if not dates:
            return None, False
        doc = sent.doc
        own = set(trigger) | set(extra_heads or [])
        best: tuple[int, DateMention] | None = None
        anc = {t.i: n for n, t in enumerate(doc[anchor].ancestors, 1)}
        for dm in dates:
            if dm.head in own:
                score = 0
            elif _under(doc[dm.head], own):
                score = 1
            elif dm.head in anc:
                score = 10 + anc[dm.head]
            else:
                continue
            if best is None or score < best[0]:
                best = (score, dm)
        if best is None:
            return None, False
        return best[1], best[0] >= 10


def _under(tok: Token, heads: set[int]) -> bool:
    """Is ``tok`` inside the phrase of one of ``heads`` without crossing a clause?"""
    cur = tok
    for _ in range(8):
        if cur.i in heads:
            return True
        if cur.dep_ in ("ccomp", "advcl", "relcl", "conj", "parataxis") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def occasion_date(mmdd: str, year_hint: DateMention | None, published: date | None) -> DateInfo | None:
    """The date of a dated occasion: the year from the sentence, else the latest one not after publication."""
    month, day = (int(x) for x in mmdd.split("-"))
    if year_hint is not None and year_hint.info.precision == "year":
        year = int(year_hint.info.value[:4])
        basis = year_hint.info.basis
    elif published is not None:
        year = published.year
        if (month, day) > (published.month, published.day) and (month - published.month) % 12 > 1:
            year -= 1
        basis = "relative"
    else:
        return None
    d = _safe(year, month, day)
    if d is None:
        return None
    return DateInfo(d.isoformat(), None, "day", basis)  # type: ignore[arg-type]


def publication_date(published: date | None) -> DateInfo | None:
    if published is None:
        return None
    return DateInfo(published.isoformat(), None, "day", "publication")


def better(a: DateInfo | None, b: DateInfo | None) -> DateInfo | None:
    """The more informative of two dates for one event.

    A date the text states beats the publication-date default whatever its
    precision; then the more precise wins; then an explicit over a relative
    one; between two days, the earlier (a report bounds the event it reports).
    """
    if a is None:
        return b
    if b is None:
        return a
    if (a.basis == "publication") != (b.basis == "publication"):
        return b if a.basis == "publication" else a
    if a.precision == b.precision == "day":
        return a if a.value <= b.value else b
    ka = (PRECISION_RANK[a.precision], BASIS_RANK[a.basis], a.value)
    kb = (PRECISION_RANK[b.precision], BASIS_RANK[b.basis], b.value)
    return a if ka <= kb else b
