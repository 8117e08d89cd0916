"""Lint and types: ruff and mypy as pyproject.toml configures them, over the whole package.

Both are pinned in the test extra, so a new release cannot change the verdict. Under CI
(``CI`` set, as ``.ci/run`` does) a missing tool is a failure, not a skip.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys

import pytest

from .conftest import REPO


def _tool(name: str) -> None:
    if importlib.util.find_spec(name) is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is not installed (pip install -e '.[test]')")
        pytest.skip(f"{name} is not installed")


def test_ruff_finds_nothing() -> None:
    _tool("ruff")
    r = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "src", "tests"], cwd=REPO,
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr


def test_mypy_finds_nothing() -> None:
    _tool("mypy")
    r = subprocess.run([sys.executable, "-m", "mypy", "--no-incremental"], cwd=REPO,
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr
