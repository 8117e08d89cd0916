"""The shape of the knowledge-base files under ``legation/data/kb``.

Each file is a YAML list of entries validated by one of these models; the
README next to the data files documents them for users. Dates are ISO 8601
(``YYYY-MM-DD``); an office with no ``end`` is held today.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SECTORS = {
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK",
    "AGR", "BUS", "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP",
    "PRE", "REL", "SOC",
}
SPECIAL_CODES = {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC", "KOS", "PSE", "HKG", "ATA"}
POSTS = {
    "head_of_state", "head_of_government", "foreign_minister", "defence_minister",
    "deputy_head_of_government", "minister", "ambassador", "envoy", "spokesperson",
    "party_leader", "military_chief", "legislature_speaker", "secretary_general",
    "leader", "other",
}
_CODE = re.compile(r"^[A-Z]{3}$")
_QID = re.compile(r"^Q[1-9][0-9]*$")
_MMDD = re.compile(r"^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @field_validator("wikidata", check_fields=False)
    @classmethod
    def _qid(cls, v: str | None) -> str | None:
        if v is not None and not _QID.match(v):
            raise ValueError(f"not a Wikidata id (Q123): {v!r}")
        return v


def _code(v: str) -> str:
    if not _CODE.match(v):
        raise ValueError(f"not a three-letter upper-case code: {v!r}")
    return v


def _sector(v: str) -> str:
    if v not in SECTORS:
        raise ValueError(f"unknown sector {v!r} (one of {', '.join(sorted(SECTORS))})")
    return v


class Holiday(_Entry):
    """A national day or other dated occasion of a state."""

    name: str
    date: str = Field(description="MM-DD")
    aliases: list[str] = []

    @field_validator("date")
    @classmethod
    def _mmdd(cls, v: str) -> str:
        if not _MMDD.match(v):
            raise ValueError(f"expected MM-DD, got {v!r}")
        return v


class Country(_Entry):
    """A state, a PLOVER special territory (PSE, HKG, KOS) or international code."""

    code: str
    name: str
    official_name: str | None = None
    wikidata: str | None = None
    aliases: list[str] = []
    adjectives: list[str] = []
    demonyms: list[str] = []
    capitals: list[str] = []
    self_names: list[str] = Field(default=[], description="names the state's own speakers use in quotes")
    national_day: Holiday | None = None
    un_member: bool = True
    former: bool = False

    _c = field_validator("code")(classmethod(lambda cls, v: _code(v)))


class Institution(_Entry):
    """A state body: ministry, presidential office, army, news agency, mission..."""

    name: str
    country: str
    sector: str
    kind: Literal[
        "ministry", "executive_office", "government", "legislature", "military", "police",
        "intelligence", "news_agency", "newspaper", "broadcaster", "party", "court",
        "mission", "embassy", "channel", "agency", "other",
    ] = "other"
    aliases: list[str] = []
    wikidata: str | None = None
    located: str | None = None
    case_sensitive: list[str] = Field(default=[], description="aliases matched only as written")

    _c = field_validator("country")(classmethod(lambda cls, v: _code(v)))
    _s = field_validator("sector")(classmethod(lambda cls, v: _sector(v)))


class Organization(_Entry):
    """An international or non-state organisation (UN organs, EU bodies, NATO, groups)."""

    name: str
    code: str
    sector: str | None = None
    kind: Literal["igo", "un_body", "eu_body", "ngo", "armed_group", "party", "company",
                  "movement", "other"] = "igo"
    aliases: list[str] = []
    wikidata: str | None = None
    parent: str | None = None
    case_sensitive: list[str] = []

    _c = field_validator("code")(classmethod(lambda cls, v: _code(v)))

    @field_validator("sector")
    @classmethod
    def _s(cls, v: str | None) -> str | None:
        return None if v is None else _sector(v)


class Role(_Entry):
    """An office held by a person between two dates."""

    office: str
    post: str = "other"
    country: str
    sector: str = "GOV"
    start: date | None = None
    end: date | None = None
    titles: list[str] = Field(default=[], description="styles the press uses: President, Chairman")

    _c = field_validator("country")(classmethod(lambda cls, v: _code(v)))
    _s = field_validator("sector")(classmethod(lambda cls, v: _sector(v)))

    @field_validator("post")
    @classmethod
    def _post(cls, v: str) -> str:
        if v not in POSTS:
            raise ValueError(f"unknown post {v!r} (one of {', '.join(sorted(POSTS))})")
        return v

    @model_validator(mode="after")
    def _order(self) -> Role:
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"role ends ({self.end}) before it starts ({self.start})")
        return self

    def holds_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


class Person(_Entry):
    """A person with the offices they held, for dated resolution."""

    name: str
    wikidata: str | None = None
    aliases: list[str] = []
    short: list[str] = Field(default=[], description="names used alone: family name (Kim, Putin)")
    country: str | None = Field(default=None, description="nationality when no role gives it")
    sector: str | None = Field(default=None, description="sector when no role applies")
    roles: list[Role] = []

    @field_validator("country")
    @classmethod
    def _c(cls, v: str | None) -> str | None:
        return None if v is None else _code(v)


class FormerCountry(_Entry):
    """The state a place belonged to until a date: Juba was in Sudan until 2011-07-08."""

    country: str
    end: date

    _c = field_validator("country")(classmethod(lambda cls, v: _code(v)))


class Place(_Entry):
    """A city, region or area, mapped to the state PLOVER files it under.

    Places give events and groups a country ("attacks in Kirkuk", "diplomats in
    Manhattan"); they are not actors by themselves. Capitals used for their
    government ("Pyongyang said") stay in ``countries.yaml``.
    """

    name: str
    country: str
    kind: Literal["city", "district", "region", "province", "state", "island", "area",
                  "territory", "base", "border", "sea", "other"] = "city"
    aliases: list[str] = []
    wikidata: str | None = None
    parent: str | None = Field(default=None, description="the larger place it lies in")
    claimed_by: list[str] = Field(default=[], description="other states that claim it")
    formerly: list[FormerCountry] = Field(default=[], description="earlier states, with the day each ended")
    case_sensitive: list[str] = []

    _c = field_validator("country")(classmethod(lambda cls, v: _code(v)))

    @field_validator("claimed_by")
    @classmethod
    def _claims(cls, v: list[str]) -> list[str]:
        return [_code(x) for x in v]

    def country_on(self, day: date | None) -> str:
        """The state the place belonged to on ``day`` (today's when None)."""
        if day is not None:
            for f in sorted(self.formerly, key=lambda f: f.end):
                if day <= f.end:
                    return f.country
        return self.country


class Title(_Entry):
    """A title or office noun: 'President', 'Foreign Minister', 'envoy'."""

    title: str
    sector: str = "GOV"
    post: str = "other"
    aliases: list[str] = []
    country: str | None = Field(default=None, description="the one country that has the office")

    _s = field_validator("sector")(classmethod(lambda cls, v: _sector(v)))
    _c = field_validator("country")(classmethod(lambda cls, v: None if v is None else _code(v)))


class Group(_Entry):
    """A noun for a group or body whose country comes from context: 'diplomats', 'army'."""

    noun: str
    sector: str
    aliases: list[str] = []
    institution_kind: str | None = None
    stateless: str | None = Field(default=None, description="the code the group takes where the "
                                  "text gives it no country ('aid agencies': NGO)")

    _s = field_validator("sector")(classmethod(lambda cls, v: _sector(v)))
    _c = field_validator("stateless")(classmethod(lambda cls, v: None if v is None else _code(v)))
