"""The reference scorer in ../shared/tools/score.py, loaded as a module for the debugging scripts.

It stays where it is (its code is not copied into the project); scripts that compare
predictions with gold load it from there.
"""
import importlib.util
from pathlib import Path
from types import ModuleType

SCORER = Path(__file__).resolve().parents[2] / "shared" / "tools" / "score.py"


def scorer() -> ModuleType:
    if not SCORER.exists():
        raise SystemExit(f"the reference scorer is not at {SCORER} (../shared beside the repository)")
    spec = importlib.util.spec_from_file_location("score", SCORER)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod
