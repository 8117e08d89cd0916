"""The public API: what `import legation` offers, pinned so that a change to it is a decision."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import legation
from legation.extract import Extractor

PUBLIC = ["BatchExtractor", "ConfigError", "DataFileError", "Document", "Entity", "EventRecord",
          "Extractor", "ExtractorSpec", "InputError", "LegationError", "Reader", "Result", "Skipped",
          "StoreError", "__version__"]


def test_the_public_names_are_pinned() -> None:
    assert sorted(legation.__all__) == sorted(PUBLIC)
    for name in PUBLIC:
        assert getattr(legation, name) is not None
    assert legation.Extractor is Extractor
    assert issubclass(legation.InputError, legation.LegationError)


def test_importing_the_package_loads_no_language_model() -> None:
    code = "import sys, legation; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_an_unknown_name_is_an_attribute_error() -> None:
    try:
        legation.Extracter  # noqa: B018
    except AttributeError as e:
        assert "Extracter" in str(e)
    else:
        raise AssertionError("no AttributeError")


def test_the_batch_extractor_takes_plain_dicts(extractor: Extractor) -> None:
    batch = legation.BatchExtractor(lambda: extractor, workers=1)  # the session's model
    records = [
        {"id": "d1", "text": "Japan's foreign ministry protested to China on Tuesday.", "published": "2024-11-26"},
        {"id": "d2", "text": ""},
        legation.Document(id="d3", text="Chile and Peru reopened negotiations on Monday.",
                          published=date(2024, 11, 26)),
    ]
    results = list(batch.run(records))
    assert [r.doc.id if r.doc else r.skipped.doc_id for r in results] == ["d1", "d2", "d3"]
    assert results[0].events and results[0].events[0].event == ["ACCUSE"]
    assert results[1].skipped is not None and "empty" in results[1].skipped.reason
    assert results[2].events


def test_every_lazy_name_is_listed() -> None:
    assert sorted(legation._API) == sorted(n for n in legation.__all__ if n != "__version__")
