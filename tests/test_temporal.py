"""Date expressions resolved against the publication date, with precision and basis."""

from __future__ import annotations

from datetime import date

import pytest

from legation.extract import Extractor
from legation.records import DateInfo
from legation.temporal import anaphoric_shift, better, occasion_date, resolve_expression

from .conftest import extract

PUB = date(2025, 6, 12)  # a Thursday


@pytest.mark.parametrize("text, value, precision, basis", [
    ("2024-03-05", "2024-03-05", "day", "explicit"),
    ("June 12", "2025-06-12", "day", "relative"),
    ("June 12, 2024", "2024-06-12", "day", "explicit"),
    ("12 June 2023", "2023-06-12", "day", "explicit"),
    ("December 30", "2024-12-30", "day", "relative"),  # read in June: last December
    ("the 11th", "2025-06-11", "day", "relative"),
    ("the 28th", "2025-05-28", "day", "relative"),  # after today's day: last month
    ("Tuesday", "2025-06-10", "day", "relative"),
    ("last Thursday", "2025-06-05", "day", "relative"),
    ("Thursday", "2025-06-12", "day", "relative"),
    ("yesterday", "2025-06-11", "day", "relative"),
    ("today", "2025-06-12", "day", "relative"),
    ("last year", "2024", "year", "relative"),
    ("this year", "2025", "year", "relative"),
    ("last month", "2025-05", "month", "relative"),
    ("next month", "2025-07", "month", "relative"),
    ("three days ago", "2025-06-09", "day", "relative"),
    ("two years ago", "2023", "year", "relative"),
    ("in 1988", "1988", "year", "explicit"),
    ("March 2019", "2019-03", "month", "explicit"),
    ("mid-August", "2024-08", "month", "relative"),
    ("September 29", "2024-09-29", "day", "relative"),
])
def test_resolve_expression(text: str, value: str, precision: str, basis: str) -> None:
    r = resolve_expression(text, PUB)
    assert r is not None, text
    assert (r.value, r.precision, r.basis) == (value, precision, basis)


@pytest.mark.parametrize("text", ["the past", "recently", "a new era", "may"])
def test_resolve_expression_declines_non_dates(text: str) -> None:
    assert resolve_expression(text, PUB) is None


def test_relative_expressions_need_a_publication_date() -> None:
    assert resolve_expression("last year", None) is None
    assert resolve_expression("June 12, 2024", None).value == "2024-06-12"  # type: ignore[union-attr]


def test_occasion_date_takes_year_from_sentence_or_publication() -> None:
    assert occasion_date("06-12", None, PUB).value == "2025-06-12"  # type: ignore[union-attr]
    assert occasion_date("09-09", None, PUB).value == "2024-09-09"  # type: ignore[union-attr]


def test_better_prefers_precision_then_earlier_day() -> None:
    pub = DateInfo("2025-06-12", None, "day", "publication")
    year = DateInfo("2025", "this year", "year", "relative")
    d11 = DateInfo("2025-06-11", "the 11th", "day", "relative")
    d12 = DateInfo("2025-06-12", "June 12", "day", "explicit")
    assert better(pub, year) is year
    assert better(year, d11) is d11
    assert better(d12, d11) is d11


def test_dates_counted_from_the_event_a_sentence_continues(extractor: Extractor) -> None:
    text = ("Chile's president met Argentina's president in Santiago on March 3. Later that day, Chile "
            "criticized Bolivia. The next day, Peru's foreign minister met Chile's foreign minister. "
            "Two days later, Bolivia rejected a Chilean proposal.")
    ev = extract(extractor, text, "2025-03-10")
    dates = {e["event"][0]: e["date"] for e in ev}
    assert dates["ACCUSE"] == "2025-03-03"
    assert dates["REJECT"] == "2025-03-06"
    assert any(e["event"][0] == "CONSULT" and e["date"] == "2025-03-04" for e in ev)


def test_a_continued_date_with_no_event_before_it_is_no_date(extractor: Extractor) -> None:
    [e] = [e for e in extract(extractor, "The next day, Peru protested to Chile.", "2025-03-10")
           if e["event"][0] == "ACCUSE"]
    assert e["date_info"]["basis"] == "publication"


@pytest.mark.parametrize("text, shift", [
    ("later that day", 0), ("the same day", 0), ("the next day", 1), ("the following morning", 1),
    ("the day before", -1), ("the previous day", -1), ("two days later", 2), ("3 days earlier", -3),
    ("next week", None), ("Tuesday", None),
])
def test_anaphoric_shift(text: str, shift: int | None) -> None:
    assert anaphoric_shift(text) == shift
