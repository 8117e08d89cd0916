"""A synthetic news corpus in which each real-world event is reported several times.

Used by the store tests (parallel ingest, interrupted ingest) and by
``benchmarks/ingest_rate.py``. A seeded generator draws a world of events
between states (accusations, sanctions, threats, talks, phone calls,
congratulatory and condolence messages) and writes short articles, each
reporting one to three of them, published one to four days after the event
by different outlets, in different words and with the date told
differently ("on Monday", "on March 3"). Repeated events between the same
parties on other days are drawn too, so a merge that ignores dates fails.
Every record carries ``truth``: the ids of the world events it reports.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

LEADERS = {
    "USA": ("the United States", "U.S.", "U.S. President Donald Trump"),
    "CHN": ("China", "Chinese", "Chinese President Xi Jinping"),
    "RUS": ("Russia", "Russian", "Russian President Vladimir Putin"),
    "FRA": ("France", "French", "French President Emmanuel Macron"),
    "JPN": ("Japan", "Japanese", "Japanese Prime Minister Shigeru Ishiba"),
    "IND": ("India", "Indian", "Indian Prime Minister Narendra Modi"),
    "BRA": ("Brazil", "Brazilian", "Brazilian President Luiz Inacio Lula da Silva"),
    "TUR": ("Turkey", "Turkish", "Turkish President Recep Tayyip Erdogan"),
    "GBR": ("Britain", "British", "British Prime Minister Keir Starmer"),
    "PRK": ("North Korea", "North Korean", "North Korean leader Kim Jong Un"),
    "UKR": ("Ukraine", "Ukrainian", "Ukrainian President Volodymyr Zelensky"),
    "ITA": ("Italy", "Italian", "Italian Prime Minister Giorgia Meloni"),
    "IDN": ("Indonesia", "Indonesian", "Indonesian President Prabowo Subianto"),
    "MEX": ("Mexico", "Mexican", "Mexican President Claudia Sheinbaum"),
    "ZAF": ("South Africa", "South African", "South African President Cyril Ramaphosa"),
    "AUS": ("Australia", "Australian", "Australian Prime Minister Anthony Albanese"),
}
SURNAMES = {
    "USA": "Trump", "CHN": "Xi", "RUS": "Putin", "FRA": "Macron", "JPN": "Ishiba", "IND": "Modi",
    "BRA": "Lula", "TUR": "Erdogan", "GBR": "Starmer", "PRK": "Kim", "UKR": "Zelensky",
    "ITA": "Meloni", "IDN": "Prabowo", "MEX": "Sheinbaum", "ZAF": "Ramaphosa", "AUS": "Albanese",
}
TOPICS = ["its military drills near the border", "the detention of its citizens", "cyber attacks on its ministries",
          "violations of its airspace", "the seizure of a cargo ship", "interference in its elections"]
OUTLETS = ["Reuters", "Associated Press", "Agence France-Presse", "Kyodo News", "Yonhap", "Xinhua",
           "Anadolu Agency", "BBC News", "Al Jazeera", "The Hindu"]

# kind -> templates; {a}/{b}: country names, {A}/{B}: leaders, {adj_a}: adjective, {when}: date phrase
TEMPLATES: dict[str, list[str]] = {
    "ACCUSE": [
        "{a} accused {b} {when} of {topic}.",
        "{a} {when} accused {b} of {topic}, {outlet} reported.",
    ],
    "SANCTION": [
        "{a} imposed sanctions on {b} {when} over {topic}.",
        "{a} {when} imposed new sanctions on {b} over {topic}, according to {outlet}.",
    ],
    "THREATEN": [
        "{a} threatened {b} {when} with countermeasures over {topic}.",
        "{a} {when} threatened {b} with retaliation over {topic}, {outlet} reported.",
    ],
    "TALKS": [
        "{A} held talks with {B} {when}.",
        "{A} held talks {when} with {B}, {outlet} reported.",
    ],
    "CALL": [
        "{A} phoned {B} {when}.",
        "{A} held a phone call with {B} {when}, {outlet} reported.",
    ],
    "CONGRATULATE": [
        "{A} sent a congratulatory message to {B} {when} on the occasion of {b}'s national day.",
        "{A} {when} sent {B} a congratulatory message marking {b}'s national day, {outlet} reported.",
    ],
    "CONDOLE": [
        "{A} sent a condolence message to {B} {when} after deadly floods.",
        "{A} {when} sent a condolence message to {B} over the deadly floods, {outlet} reported.",
    ],
}
FILLER = ["The two countries have had difficult relations for years.",
          "Analysts said the move was expected.",
          "Markets in the region were little changed."]


@dataclass(frozen=True, slots=True)
class WorldEvent:
    id: str
    kind: str
    a: str
    b: str
    day: date
    topic: str


def _when(day: date, published: date, rng: random.Random) -> str:
    if (published - day).days <= 5 and rng.random() < 0.5:
        return "on " + day.strftime("%A")
    return f"on {day.strftime('%B')} {day.day}"


def _sentence(e: WorldEvent, published: date, rng: random.Random) -> str:
    a, b = LEADERS[e.a], LEADERS[e.b]
    t = rng.choice(TEMPLATES[e.kind])
    s = t.format(a=a[0], b=b[0], A=a[2], B=b[2], adj_a=a[1], when=_when(e.day, published, rng),
                 topic=e.topic, outlet=rng.choice(OUTLETS))
    return s[0].upper() + s[1:]


def world(n: int, seed: int = 7, start: date = date(2025, 2, 3), days: int = 110) -> list[WorldEvent]:
    """``n`` distinct events; some repeat an earlier event's parties and kind weeks later.

    Two events of one kind between the same two states are at least ten days
    apart: closer than that, no report would tell them apart either.
    """
    rng = random.Random(seed)
    codes = sorted(LEADERS)
    out: list[WorldEvent] = []
    while len(out) < n:
        i = len(out)
        if out and rng.random() < 0.15:
            prev = rng.choice(out)
            day = prev.day + timedelta(days=rng.choice([-21, -14, 14, 21, 28]))
            e = WorldEvent(f"w{i}", prev.kind, prev.a, prev.b, day, rng.choice(TOPICS))
        else:
            a, b = rng.sample(codes, 2)
            e = WorldEvent(f"w{i}", rng.choice(sorted(TEMPLATES)), a, b,
                           start + timedelta(days=rng.randrange(days)), rng.choice(TOPICS))
        if not any(o.kind == e.kind and {o.a, o.b} == {e.a, e.b} and abs((o.day - e.day).days) < 10
                   for o in out):
            out.append(e)
    return out


def build(n_docs: int, seed: int = 7, reports_per_event: float = 2.5) -> list[dict[str, Any]]:
    """``n_docs`` JSON Lines records ``{id, text, published, source, url, truth}``."""
    rng = random.Random(seed)
    events = world(max(1, int(n_docs * 1.8 / reports_per_event)), seed)
    docs: list[dict[str, Any]] = []
    for i in range(n_docs):
        k = rng.choice([1, 1, 2, 2, 3])
        picked = rng.sample(events, k)
        # an article tells of events of a few days: anchor on the latest
        published = max(e.day for e in picked) + timedelta(days=rng.randint(0, 3))
        picked = [e for e in picked if (published - e.day).days <= 6] or picked[:1]
        sents = [_sentence(e, published, rng) for e in picked]
        if rng.random() < 0.4:
            sents.insert(rng.randrange(len(sents) + 1), rng.choice(FILLER))
        outlet = rng.choice(OUTLETS)
        docs.append({"id": f"doc-{i:05d}", "text": "\n".join(sents), "published": published.isoformat(),
                     "source": outlet, "url": f"https://news.example/{outlet.split()[0].lower()}/{i}",
                     "truth": [e.id for e in picked]})
    return docs
