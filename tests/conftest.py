"""Shared fixtures: one real spaCy model and knowledge base for the whole session."""

from __future__ import annotations

import importlib.util
import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from legation.extract import Extractor
from legation.records import Document

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

# The tests use the bundled knowledge base only, never a developer's own imports
# (the user directory is merged in automatically when it exists); subprocesses inherit this.
os.environ["LEGATION_KB_DIR"] = str(REPO / "tests" / "data" / "no-user-kb")


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def kb(extractor: Extractor):  # type: ignore[no-untyped-def]
    return extractor.kb


def extract(ex: Extractor, text: str, published: str = "2025-06-12",
            include_negated: bool = False, include_untargeted: bool = False) -> list[dict[str, Any]]:
    doc = Document(id="t", text=text, published=date.fromisoformat(published))
    frames = ex.frames_of(doc)
    old = ex.merger.include_negated, ex.merger.include_untargeted
    ex.merger.include_negated, ex.merger.include_untargeted = include_negated, include_untargeted
    try:
        return [r.to_dict() for r in ex.merger.merge(doc, frames)]
    finally:
        ex.merger.include_negated, ex.merger.include_untargeted = old


def codes(entities: list[dict[str, Any]]) -> set[str]:
    return {e["code"] for e in entities if e.get("code")}


def names(entities: list[dict[str, Any]]) -> set[str]:
    return {e["name"] for e in entities if e.get("name")}


def shared_path(*parts: str) -> Path:
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"the shared evaluation data is not at {SHARED} (it sits beside the repository)")
    return p


def load_scorer():  # type: ignore[no-untyped-def]
    path = shared_path("tools", "score.py")
    spec = importlib.util.spec_from_file_location("legation_reference_scorer", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def assert_cli_documented(group, heading: str) -> None:  # type: ignore[no-untyped-def]
    """Every command of the click ``group`` and every option of it appears in the README
    section under ``heading`` (up to the next section)."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start = readme.index(heading)
    section = readme[start:readme.index("\n## ", start + 1)]
    for name, command in group.commands.items():
        assert f"legation {group.name} {name}" in section, name
        for param in command.params:
            if param.param_type_name == "option" and param.name != "help":
                assert any(o in section for o in param.opts), (name, param.opts)

