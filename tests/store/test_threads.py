"""The story-thread rule and the order of a thread's steps, on events built by hand."""

from __future__ import annotations

from legation.store.canonical import summarize
from legation.store.records import Canonical, Party
from legation.store.threads import Link, link, members, order, relation

from .test_dedup import KIM, PRK_DIPLOMATS, PUTIN, TRUMP, day, mention

SHIN = Party("Shin Hong-cheol", "PRK", "GOV", "person", None, "ambassador")
RUS_OFFICIALS = Party(None, "RUS", "GOV", "group", entity_text="officials")


def event(eid: int, **kw) -> Canonical:  # type: ignore[no-untyped-def]
    c = summarize([mention(f"a{eid}", **kw)])
    c.id = eid
    return c


MESSAGE = dict(channel=(SHIN,))
CONVEYED = dict(type_="CONSULT", kind=None, occasion=None, actors=(SHIN,), recipients=(RUS_OFFICIALS,))
LETTER = dict(type_="CONSULT", kind="letter", occasion=None, actors=(TRUMP,), recipients=(KIM,))
REFUSAL = dict(type_="REJECT", kind=None, occasion=None, actors=(PRK_DIPLOMATS,), recipients=(TRUMP,))


def test_threads_envoy_conveys_the_message() -> None:
    assert relation(event(1, **MESSAGE), event(2, **CONVEYED)) == "conveyed"
    assert relation(event(2, **CONVEYED), event(1, **MESSAGE)) is None  # a meeting starts no story


def test_threads_addressee_refuses_the_letter() -> None:
    letter, refusal = event(1, **LETTER), event(2, **REFUSAL)
    assert relation(letter, refusal) == "refused"
    found = link(refusal, letter)
    assert found is not None and (found[0].id, found[1].id, found[2]) == (1, 2, "refused")


def test_threads_reply_follows_the_message_in_time() -> None:
    message = event(1)
    reply = event(2, type_="CONSULT", kind="reply message", occasion=None, actors=(PUTIN,),
                  recipients=(KIM,), when=day("2025-06-15"))
    found = link(reply, message)
    assert found is not None and (found[0].id, found[2]) == (1, "replied")
    earlier = event(3, type_="CONSULT", kind="reply message", occasion=None, actors=(PUTIN,),
                    recipients=(KIM,), when=day("2025-05-01"))
    assert relation(message, earlier) is None  # a step does not come before the story


def test_threads_unrelated_events_are_not_linked() -> None:
    assert link(event(1, **LETTER), event(2, **CONVEYED)) is None


def test_threads_steps_in_story_order() -> None:
    links = [Link(5, 9, "refused"), Link(5, 7, "conveyed"), Link(1, 2, "conveyed")]
    assert members(links, 9) == {5, 7, 9}
    steps = order(links, {5, 7, 9}, {5: "2025-06-11", 7: "2025-06-10", 9: "2025-06-01"})
    # the communication first, whatever the dates of its steps; then its steps by date
    assert [(s.event_id, s.relation, s.after) for s in steps] == [
        (5, None, None), (9, "refused", 5), (7, "conveyed", 5)]
