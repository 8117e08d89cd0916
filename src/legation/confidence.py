"""The confidence of an event record: how often a record like it is a real event of the text.

A record's features (:func:`features`) are read from the record alone: how many mentions
support it, whether it names a recipient and the actors by name, its factuality, date
basis, communication, attribution and the length of its sentence. A logistic model
over them gives the confidence. Its weights are data, in ``data/ontology/confidence.yaml``
(one ``{feature, weight}`` entry each), fitted by ``scripts/calibrate.py`` on the
development sets, so that events given 0.8 are matched by a gold event about 80% of the time
there; ``legation evaluate`` prints the reliability table that shows how well that holds on
any set. A user's lexicon directory may carry its own ``confidence.yaml``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from .datafiles import load_yaml_list, package_data
from .errors import DataFileError
from .records import EventRecord

DATE_BASES = ("explicit", "relative", "publication")
FACTUALITIES = ("asserted", "reported", "hedged", "future")


class Weight(BaseModel):
    model_config = ConfigDict(extra="forbid")
    feature: str
    weight: float


def features(rec: EventRecord) -> dict[str, float]:
    """The record's features, each 0..1 (``bias`` is always 1)."""
    mentions = sum(1 for e in rec.evidence if e.field == "event") or 1
    basis = rec.date_info.basis if rec.date_info else None
    words = len(rec.text.split())
    f: dict[str, float] = {
        "bias": 1.0,
        "mentions": min(mentions - 1, 3) / 3,
        "recipient": float(bool(rec.recipient)),
        "actors_named": float(all(e.name for e in rec.actor)),
        "actor_person": float(any(e.office for e in rec.actor)),
        "two_actor_states": float(len({e.code for e in rec.actor if e.code}) >= 2),
        "communication": float(rec.communication is not None),
        "quote": float(bool(rec.attribution.quote)),
        "sources": float(bool(rec.attribution.sources)),
        "long_sentence": min(max(words - 20, 0), 40) / 40,
        "no_date": float(rec.date_info is None),
    }
    for b in DATE_BASES:
        f[f"date_{b}"] = float(basis == b)
    for x in FACTUALITIES:
        f[f"factuality_{x}"] = float(rec.factuality == x)
    return f


FEATURES: tuple[str, ...] = (
    "bias", "mentions", "recipient", "actors_named", "actor_person", "two_actor_states", "communication",
    "quote", "sources", "long_sentence", "no_date", *(f"date_{b}" for b in DATE_BASES),
    *(f"factuality_{x}" for x in FACTUALITIES))
# The event type is not a feature: fitted per type, the model learnt the sets' own mix of
# types and did worse on the set left out (scripts/calibrate.py shows it).


class ConfidenceModel:
    """A logistic model over :func:`features`; without weights, the fixed rule of thumb
    of earlier releases (more mentions, a recipient and named actors raise it)."""

    def __init__(self, weights: Mapping[str, float] | None = None) -> None:
        self.weights = dict(weights or {})

    @classmethod
    def load(cls, dirs: Iterable[Path] = ()) -> ConfidenceModel:
        """The shipped weights, or those of the last of ``dirs`` that has a confidence.yaml."""
        path = package_data("ontology", "confidence.yaml")
        for d in dirs:
            if (Path(d) / "confidence.yaml").exists():
                path = Path(d) / "confidence.yaml"
        if not path.exists():
            return cls()
        weights: dict[str, float] = {}
        for line, w in load_yaml_list(path, Weight):
            if w.feature not in FEATURES:
                raise DataFileError(str(path), line, f"unknown feature {w.feature!r}; known: {', '.join(FEATURES)}")
            weights[w.feature] = w.weight
        return cls(weights)

    def score(self, rec: EventRecord) -> float:
        f = features(rec)
        if not self.weights:
            return round(min(0.95, 0.55 + 0.1 * f["mentions"] * 3 + 0.1 * f["recipient"]
                             + 0.05 * f["actors_named"]), 2)
        z = sum(self.weights.get(k, 0.0) * v for k, v in f.items())
        return round(1 / (1 + math.exp(-max(-30.0, min(30.0, z)))), 2)


def fit(samples: Sequence[tuple[dict[str, float], bool]], l2: float = 1.0, steps: int = 500) -> dict[str, float]:
    """Logistic regression by Newton's method with an L2 penalty (the bias unpenalised)."""
    import numpy as np

    x = np.array([[s[0][k] for k in FEATURES] for s in samples], dtype=float)
    y = np.array([float(s[1]) for s in samples])
    w = np.zeros(len(FEATURES))
    penalty = np.full(len(FEATURES), l2)
    penalty[FEATURES.index("bias")] = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + penalty * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if float(np.abs(step).max()) < 1e-8:
            break
    return {k: round(float(v), 4) for k, v in zip(FEATURES, w, strict=True)}
