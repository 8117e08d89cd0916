"""The confidence model: features read from the record, weights as a validated data file,
and the shipped weights exactly what scripts/calibrate.py fits on the development sets."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from legation.confidence import FEATURES, ConfidenceModel, features, fit
from legation.errors import DataFileError
from legation.extract import Extractor
from legation.records import Document

from .conftest import REPO


@pytest.fixture(scope="module")
def record(extractor: Extractor):  # type: ignore[no-untyped-def]
    [rec] = extractor.extract(Document(id="c", text="Japan's foreign ministry protested to China on Tuesday.",
                                       published=date(2024, 6, 12)))
    return rec


def test_confidence_features_are_the_listed_ones_and_bounded(record) -> None:  # type: ignore[no-untyped-def]
    f = features(record)
    assert tuple(f) == FEATURES
    assert all(0.0 <= v <= 1.0 for v in f.values())
    assert f["recipient"] == 1.0 and f["date_relative"] == 1.0 and f["factuality_asserted"] == 1.0


def test_confidence_model_follows_its_weights(record) -> None:  # type: ignore[no-untyped-def]
    model = ConfidenceModel({"bias": 0.0, "recipient": 2.0})
    without = replace(record, recipient=[])
    assert model.score(record) == 0.88 and model.score(without) == 0.5
    assert ConfidenceModel().score(record) == 0.7  # the rule of thumb without weights


def test_confidence_fit_learns_which_feature_predicts_the_label() -> None:
    base = dict.fromkeys(FEATURES, 0.0) | {"bias": 1.0}
    samples = [(base | {"recipient": 1.0}, True)] * 30 + [(base | {"recipient": 1.0}, False)] * 10 + \
        [(base, False)] * 30 + [(base, True)] * 10
    w = fit(samples, l2=0.01)
    p = ConfidenceModel(w)
    assert w["recipient"] > 1.5 and abs(w["quote"]) < 1e-6
    assert 0.7 < 1 / (1 + 2.718281828 ** -(w["bias"] + w["recipient"])) < 0.8  # 30 of 40
    assert p.weights == w


def test_confidence_file_is_validated(tmp_path: Path) -> None:
    (tmp_path / "confidence.yaml").write_text("- {feature: bias, weight: 1.0}\n- {feature: luck, weight: 2}\n",
                                              encoding="utf-8")
    with pytest.raises(DataFileError, match=r"confidence.yaml:2: unknown feature 'luck'"):
        ConfidenceModel.load([tmp_path])
    (tmp_path / "confidence.yaml").write_text("- {feature: bias, weight: 1.0}\n", encoding="utf-8")
    assert ConfidenceModel.load([tmp_path]).weights == {"bias": 1.0}
    assert len(ConfidenceModel.load().weights) == len(FEATURES)  # the shipped weights


def test_confidence_shipped_weights_are_what_calibration_fits() -> None:
    r = subprocess.run([sys.executable, str(REPO / "scripts" / "calibrate.py"), "--check"], capture_output=True,
                       text=True, timeout=600, cwd=REPO)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    assert "up to date" in r.stdout
