"""What an article is about: the country it reports from and on.

Wire copy names an official's country once, or not at all, when the article is
about that country: "President Oumar Kante" in a story on Mali, "the foreign
minister" in a Seoul-datelined report. The nearest country word in the sentence is
often another party ("urged Moscow to stop ..."). The article's home country is the
one its dateline gives, or else the one it names most, with its lead counting
double; an office-holder the text gives no country serves there (see
``actors.SentenceActors.unknown_person``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from .gazetteer import Match
from .kb import KnowledgeBase

# a dateline's city outweighs any count of names in the body: it is where the report is filed
DATELINE_WEIGHT = 3
LEAD_WEIGHT = 2
# the most-named country is the home only if it is named at least this often, in at least
# two sentences (in one sentence it is only the nearest country word), and more often than
# any other
MIN_VOTES = 3


_CAPS = re.compile(r"\b[A-Z][A-Z'.-]+\b")


def dateline_text(text: str, first_sentence_start: int) -> str:
    """The dateline before an article's first sentence ("SEOUL, May 4 (Yonhap) - "), its
    all-capital city written as a name is ("Seoul"), so that the gazetteer knows it."""
    return _CAPS.sub(lambda m: m.group().title(), text[:first_sentence_start])


def country_votes(m: Match, kb: KnowledgeBase) -> str | None:
    """The country a knowledge-base match names as a country: its name, adjective,
    demonym or capital (not a person or an institution, which speak for themselves)."""
    for f in m.forms:
        e = kb.entities.get(f.key)
        if e is not None and e.kind == "country" and f.form in ("name", "adjective", "capital",
                                                                 "demonym"):
            return e.code
    return None


def home_country(sentences: Iterable[list[Match]], kb: KnowledgeBase,
                 dateline: Iterable[Match] = ()) -> str | None:
    """The article's home country, or None where no country stands out, from the
    knowledge-base matches of each sentence (the gazetteer's, made once per sentence for
    the actor stage too) and of the dateline."""
    votes: Counter[str] = Counter()
    places: Counter[str] = Counter()  # in how many sentences (a dateline counts as two)
    for code in {c for c in (country_votes(m, kb) for m in dateline) if c}:
        votes[code] += DATELINE_WEIGHT
        places[code] += 2
    for n, matches in enumerate(sentences):
        named = [c for c in (country_votes(m, kb) for m in matches) if c]
        for code in named:
            votes[code] += LEAD_WEIGHT if n == 0 else 1
        places.update(set(named))
    ranked = votes.most_common(2)
    if not ranked or ranked[0][1] < MIN_VOTES or places[ranked[0][0]] < 2:
        return None
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]
