"""Validated loading of the plain data files (YAML lists, TSV tables).

Lexicons and the knowledge base are data a user reads and edits, so a mistake
in them must be reported with the file and the line of the bad entry, not as
a traceback from deep inside a stage. Every loader here returns validated
pydantic models and raises :class:`~legation.errors.DataFileError` otherwise.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .errors import DataFileError

M = TypeVar("M", bound=BaseModel)

try:  # the C loader is several times faster on the larger KB files
    _Base: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Base = yaml.SafeLoader


class _Loader(_Base):  # type: ignore[misc,valid-type]
    """YAML 1.2 booleans: only true/false. In YAML 1.1 "on", "off", "no" and
    "yes" are booleans, a trap in lexicons full of prepositions and in country
    codes ("NO" is Norway)."""


_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:bool"]
    for k, v in _Base.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def package_data(*parts: str) -> Path:
    """Path of a file shipped in ``legation/data``."""
    node = resources.files("legation").joinpath("data")
    for part in parts:
        node = node.joinpath(part)
    return Path(str(node))


def _describe(err: ValidationError) -> str:
    parts = []
    for e in err.errors():
        loc = ".".join(str(x) for x in e["loc"])
        parts.append(f"{loc}: {e['msg']}" if loc else e["msg"])
    return "; ".join(parts)


def _items_with_lines(path: Path) -> Iterator[tuple[int, Any]]:
    """Yield (line, python value) for each item of a YAML list file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise DataFileError(str(path), None, f"cannot read: {e}") from e
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise DataFileError(str(path), mark.line + 1 if mark else None, f"not valid YAML: {e}") from e
    if root is None:
        return
    if not isinstance(root, yaml.SequenceNode):
        raise DataFileError(str(path), root.start_mark.line + 1, "expected a list of entries")
    constructor = _Loader(io.StringIO(""))
    for node in root.value:
        try:
            value = constructor.construct_document(node)
        except yaml.YAMLError as e:  # pragma: no cover - composed nodes construct cleanly
            raise DataFileError(str(path), node.start_mark.line + 1, str(e)) from e
        yield node.start_mark.line + 1, value


def load_yaml_list(path: Path, model: type[M]) -> list[tuple[int, M]]:
    """Load a YAML list file as ``(line, model)`` pairs, validating each entry."""
    out: list[tuple[int, M]] = []
    for line, value in _items_with_lines(path):
        if not isinstance(value, dict):
            raise DataFileError(str(path), line, "each entry must be a mapping")
        try:
            out.append((line, model.model_validate(value)))
        except ValidationError as e:
            raise DataFileError(str(path), line, _describe(e)) from e
    return out


def load_tsv(path: Path, model: type[M]) -> list[tuple[int, M]]:
    """Load a tab-separated table with a header row; ``#`` lines are comments."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise DataFileError(str(path), None, f"cannot read: {e}") from e
    rows = [(n, line) for n, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")]
    if not rows:
        return []
    header = rows[0][1].split("\t")
    out: list[tuple[int, M]] = []
    for n, line in rows[1:]:
        cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        if len(cells) > len(header):
            raise DataFileError(str(path), n, f"{len(cells)} cells for {len(header)} columns")
        record = {k: (v if v != "" else None) for k, v in zip(header, cells, strict=False)}
        try:
            out.append((n, model.model_validate(record)))
        except ValidationError as e:
            raise DataFileError(str(path), n, _describe(e)) from e
    return out
