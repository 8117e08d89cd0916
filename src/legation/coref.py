"""What a document has said so far: antecedents for short names, pronouns and descriptions.

News copy names an actor in full once ("North Korea's Commissioner Kim Jong
Un") and then shortens ("Chairman Kim", "Kim", "he", "the outlet", "the two
countries"). The :class:`Discourse` keeps the resolved mentions of earlier
sentences in order, and answers the resolver's questions about them. The pronouns
the resolver reads are word lists (``words.yaml``: ``person_pronouns`` ...).
"""

from __future__ import annotations

from collections.abc import Callable

from .mentions import Mention


class Discourse:
    """The running record of resolved mentions in one document."""

    def __init__(self, home: str | None = None) -> None:
        self.mentions: list[Mention] = []
        # the article's home country (context.home_country), where its unplaced officials serve
        self.home = home
        self.last_speaker: Mention | None = None
        self.doc_aliases: dict[str, Mention] = {}
        # the subjects of the last parsed sentence: "He" opening the next one is most often
        # its subject ("Lukashenko met Putin. He said ..."), not the last person named
        self.subjects: list[Mention] = []
        self.parties: list[Mention] = []  # see note_parties

    def note_parties(self, events: list[list[Mention]]) -> None:
        """The parties of the latest events that link two countries or more: "the two sides"
        in the next sentence are they, not the last two countries named ("... over Taiwan")."""
        for parties in reversed(events):
            found: dict[str, Mention] = {}
            for m in parties:
                for r in m.resolved:
                    if r.code and len(r.code) == 3 and r.code not in found:
                        found[r.code] = r
            if len(found) >= 2:
                self.parties = list(found.values())
                return

    def note_subjects(self, subjects: list[Mention]) -> None:
        self.subjects = [r for m in subjects for r in m.resolved]

    def add(self, m: Mention) -> None:
        if m.modifier or m.kind == "occasion":
            return
        for r in m.resolved:
            if r.code or r.kind == "source" or r.kind == "person":
                self.mentions.append(r)

    def last(self, pred: Callable[[Mention], bool], exclude: set[int] | None = None) -> Mention | None:
        for m in reversed(self.mentions):
            if exclude and id(m) in exclude:
                continue
            if pred(m):
                return m
        return None

    def person_by_key(self, key: str) -> Mention | None:
        return self.last(lambda m: m.key == key)

    def person_by_name(self, surname: str) -> Mention | None:
        s = surname.lower()
        return self.last(lambda m: m.kind == "person" and bool(m.name)
                         and s in (w.lower() for w in (m.name or "").replace("-", " ").split()))

    def persons(self, n: int, before: list[Mention] | None = None) -> list[Mention]:
        """The last ``n`` distinct people mentioned (most recent last)."""
        seen: dict[str, Mention] = {}
        pool = list(self.mentions) + list(before or [])
        for m in reversed(pool):
            if m.kind == "person" and m.code:
                k = m.key or m.name or m.text
                if k not in seen:
                    seen[k] = m
                    if len(seen) == n:
                        break
        return list(reversed(list(seen.values())))

    def countries(self, n: int, before: list[Mention] | None = None) -> list[Mention]:
        """The last ``n`` distinct countries mentioned (most recent last)."""
        seen: dict[str, Mention] = {}
        pool = list(self.mentions) + list(before or [])
        for m in reversed(pool):
            if m.code and len(m.code) == 3 and m.code not in seen and m.kind in (
                "country", "person", "group", "institution", "title", "description"
            ):
                seen[m.code] = m
                if len(seen) == n:
                    break
        return list(reversed(list(seen.values())))
