"""legation: news about international relations in, verifiable event data out.

The public API::

    from legation import Extractor, Document
    events = Extractor().extract(Document(id="a1", text=text, published=date(2025, 6, 12)))

:class:`Extractor` turns documents into :class:`EventRecord` values;
:class:`BatchExtractor` runs one over a stream of documents (or plain dicts) with
worker processes, described by an :class:`ExtractorSpec`; :class:`Reader` turns
files and records into documents or :class:`Skipped` items; every error the
library raises is a :class:`LegationError`. The names are imported on first use,
so that ``import legation`` does not load the language model's libraries.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> the module that defines it
_API = {
    "Extractor": "extract",
    "Result": "extract",
    "BatchExtractor": "batch",
    "ExtractorSpec": "batch",
    "Reader": "reader",
    "Document": "records",
    "EventRecord": "records",
    "Entity": "records",
    "Skipped": "records",
    "LegationError": "errors",
    "ConfigError": "errors",
    "DataFileError": "errors",
    "InputError": "errors",
    "StoreError": "errors",
}

__all__ = [
    "BatchExtractor", "ConfigError", "DataFileError", "Document", "Entity", "EventRecord", "Extractor",
    "ExtractorSpec", "InputError", "LegationError", "Reader", "Result", "Skipped", "StoreError",
    "__version__",
]

if TYPE_CHECKING:
    from .batch import BatchExtractor, ExtractorSpec
    from .errors import ConfigError, DataFileError, InputError, LegationError, StoreError
    from .extract import Extractor, Result
    from .reader import Reader
    from .records import Document, Entity, EventRecord, Skipped


def __getattr__(name: str) -> Any:
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'legation' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_API))
