"""PLOVER types, quad codes and scores, and the CAMEO table, read from data files."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict

from .datafiles import load_tsv, load_yaml_list, package_data

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


def _known_type(v: str) -> str:
    if v not in PLOVER_TYPES:
        raise ValueError(f"unknown PLOVER type {v!r}")
    return v


# a field that holds one of the 16 PLOVER type names, for every data file's models
PloverTypeName = Annotated[str, AfterValidator(_known_type)]


class PloverType(BaseModel):
    model_config = ConfigDict(extra="forbid")
    type: PloverTypeName
    quad: int
    score: float
    modes: dict[str, float] = {}
    directed: bool = False  # a statement about or to another party (see plover.yaml)


class CameoRow(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: str
    plover: str
    mode: str | None = None
    context: str | None = None
    description: str


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    plover: str
    mode: str | None
    context: str | None
    description: str


class Ontology:
    """Lookups for the event stage: is a type known, its quad, its score, a CAMEO code."""

    def __init__(self) -> None:
        self.types: dict[str, PloverType] = {
            t.type: t for _, t in load_yaml_list(package_data("ontology", "plover.yaml"), PloverType)
        }
        self.cameo: dict[str, CameoCode] = {}
        for _, r in load_tsv(package_data("ontology", "cameo.tsv"), CameoRow):
            self.cameo[r.code] = CameoCode(r.code, r.plover, r.mode, r.context, r.description)

    def directed(self, etype: str) -> bool:
        t = self.types.get(etype)
        return bool(t and t.directed)

    def quad(self, etype: str) -> int | None:
        t = self.types.get(etype)
        return t.quad if t else None

    def score(self, etype: str, modes: list[str]) -> float | None:
        t = self.types.get(etype)
        if t is None:
            return None
        for m in modes:
            if m in t.modes:
                return t.modes[m]
        return t.score

    def valid_mode(self, etype: str, mode: str) -> bool:
        t = self.types.get(etype)
        return t is not None and (mode in t.modes or etype == "CONSULT" and mode == "visit")
