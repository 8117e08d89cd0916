"""The cross-report merge rule, on mentions built by hand."""

from __future__ import annotations

import itertools

import pytest

from legation.records import DateInfo
from legation.store.dedup import cluster, compare, date_span, dates_compatible
from legation.store.records import Party, StoredMention

KIM = Party("Kim Jong Un", "PRK", "GOV", "person", "Q56226")
CHOE = Party("Choe Son Hui", "PRK", "GOV", "person", "Q7000")
PRK = Party("North Korea", "PRK", "GOV", "country", "Q423")
PRK_DIPLOMATS = Party(None, "PRK", "GOV", "group", entity_text="North Korean diplomats")
PUTIN = Party("Vladimir Putin", "RUS", "GOV", "person", "Q7747")
TRUMP = Party("Donald Trump", "USA", "GOV", "person", "Q22686")
XI = Party("Xi Jinping", "CHN", "GOV", "person", "Q15031")
JPN = Party("Japan", "JPN", "GOV", "country", "Q17")
VNM = Party("Vietnam", "VNM", "GOV", "country", "Q881")
KOR = Party("South Korea", "KOR", "GOV", "country", "Q884")


def day(v: str, basis: str = "relative") -> DateInfo:
    precision = {10: "day", 7: "month", 4: "year"}[len(v)]
    return DateInfo(v, None, precision, basis)  # type: ignore[arg-type]


def mention(article: str, seq: int = 1, *, type_: str = "SUPPORT", kind: str | None = "congratulatory message",
            occasion: str | None = "Russia Day", actors: tuple[Party, ...] = (KIM,),
            recipients: tuple[Party, ...] = (PUTIN,), when: DateInfo | None = None,
            published: str = "2025-06-12", factuality: str = "reported",
            channel: tuple[Party, ...] = ()) -> StoredMention:
    return StoredMention(
        id=f"{article}:{seq}", article_id=article, seq=seq, published=published, outlet=None,
        event_type=type_, comm_kind=kind, occasion=occasion, status="sent", factuality=factuality,
        date=when or day("2025-06-11"), actors=actors, recipients=recipients, channel=channel)


def failed(a: StoredMention, b: StoredMention) -> set[str]:
    return {c.criterion for c in compare(a, b).failed()}


def test_dedup_same_message_from_two_outlets_merges() -> None:
    assert compare(mention("a"), mention("b", published="2025-06-13")).ok


def test_dedup_a_country_or_a_group_stands_for_its_leader() -> None:
    assert compare(mention("a"), mention("b", actors=(PRK,))).ok
    reject = dict(type_="REJECT", kind=None, occasion=None, recipients=(TRUMP,))
    assert compare(mention("a", actors=(PRK,), **reject), mention("b", actors=(PRK_DIPLOMATS,), **reject)).ok


def test_dedup_two_persons_of_one_country_are_not_one_actor() -> None:
    assert failed(mention("a"), mention("b", actors=(CHOE,))) == {"parties"}


def test_dedup_recipients_must_agree() -> None:
    assert failed(mention("a"), mention("b", recipients=(XI,))) == {"parties"}


def test_dedup_same_article_is_never_merged_again() -> None:
    assert failed(mention("a", 1), mention("a", 2)) == {"reports"}


@pytest.mark.parametrize("a,b,ok", [
    ("2025-06-11", "2025-06-12", True),   # reports disagree by a day (time zones, "on the 11th")
    ("2025-06-11", "2025-06-20", False),  # another message
    ("2025-06-11", "2025-06", True),      # "this month"
    ("2025-06-11", "2025-05", False),
    ("2025-06-11", "2025", True),
    ("2024-06-12", "2025", False),        # last year's message
])
def test_dedup_dates_agree_at_their_precision(a: str, b: str, ok: bool) -> None:
    assert compare(mention("x", when=day(a)), mention("y", when=day(b))).ok is ok


def test_dedup_a_publication_date_stands_for_the_week_before() -> None:
    told = day("2025-06-11")
    assert dates_compatible(told, day("2025-06-13", "publication"))
    assert dates_compatible(told, day("2025-06-18", "publication"))
    assert not dates_compatible(told, day("2025-06-27", "publication"))
    assert not dates_compatible(day("2025-06-01", "publication"), day("2025-06-27", "publication"))
    assert date_span(day("2025-06-13", "publication")) == ("2025-06-06", "2025-06-14")
    assert date_span(day("2024-02")) == ("2024-02-01", "2024-02-29")


def test_dedup_communication_kinds_and_occasions() -> None:
    letter = dict(type_="CONSULT", occasion=None, actors=(TRUMP,), recipients=(KIM,))
    assert compare(mention("a", kind="letter", **letter), mention("b", kind="message", **letter)).ok
    assert failed(mention("a", kind="letter", **letter), mention("b", kind="phone call", **letter)) \
        == {"communication"}
    # a generic "message" may be reported as a congratulatory one; the type may differ with it
    assert compare(mention("a"), mention("b", type_="CONSULT", kind="message", occasion=None)).ok
    assert failed(mention("a"), mention("b", occasion="Victory Day")) == {"communication"}
    assert failed(mention("a"), mention("b", kind=None, occasion=None)) == {"communication"}


def test_dedup_types_must_agree_outside_communications() -> None:
    accuse = dict(kind=None, occasion=None, actors=(PRK,), recipients=(KOR,))
    assert compare(mention("a", type_="ACCUSE", **accuse), mention("b", type_="ACCUSE", **accuse)).ok
    assert failed(mention("a", type_="ACCUSE", **accuse), mention("b", type_="THREATEN", **accuse)) == {"type"}


def test_dedup_negated_and_asserted_reports_stay_apart() -> None:
    assert failed(mention("a"), mention("b", factuality="negated")) == {"negation"}


def test_dedup_a_reciprocal_report_matches_a_directed_one() -> None:
    agree = dict(type_="AGREE", kind=None, occasion=None)
    both = mention("a", actors=(JPN, VNM), recipients=(), **agree)
    assert compare(both, mention("b", actors=(JPN,), recipients=(VNM,), **agree)).ok
    # "Japan agreed", with no one named, is not taken for the two countries' agreement
    assert failed(mention("b", actors=(JPN,), recipients=(), **agree), both) == {"parties"}
    # Japan and Vietnam agreeing is not Japan and South Korea agreeing
    assert not compare(both, mention("c", actors=(JPN,), recipients=(KOR,), **agree)).ok


def test_dedup_cluster_is_complete_linkage_and_order_free() -> None:
    a = mention("a", actors=(PRK,))      # fits Kim and Choe
    b = mention("b", actors=(KIM,), published="2025-06-13")
    c = mention("c", actors=(CHOE,), published="2025-06-14")
    d = mention("d", actors=(KIM,), published="2025-06-15")
    e = mention("e", when=day("2025-06-25"), published="2025-06-26")
    expected = None
    for perm in itertools.permutations([a, b, c, d, e]):
        groups = sorted(sorted(m.id for m in g) for g in cluster(perm))
        expected = expected or groups
        assert groups == expected
    # Choe never joins Kim; "North Korea" joins the first group it fits, in publication order
    assert expected == [["a:1", "b:1", "d:1"], ["c:1"], ["e:1"]]


def test_dedup_explains_each_criterion() -> None:
    v = compare(mention("a"), mention("b", recipients=(XI,), when=day("2025-07-01")))
    by = {c.criterion: c for c in v.checks}
    assert list(by) == ["reports", "negation", "type", "communication", "parties", "date"]
    assert not by["parties"].ok and "Xi Jinping" in by["parties"].detail
    assert not by["date"].ok and "2025-07-01" in by["date"].detail
    assert by["communication"].ok and "Russia Day" in by["communication"].detail
