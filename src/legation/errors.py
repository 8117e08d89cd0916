"""The exception hierarchy of legation.

Library code raises these and never prints or exits; the command line turns
them into one-line messages. Errors from dependencies (YAML, JSON, spaCy,
the database driver) are translated at the boundary where they occur::

    LegationError
     ├── ConfigError        a model, option or setting is unusable
     ├── DataFileError      a lexicon or knowledge-base file is malformed (names file and line)
     ├── InputError         an input document cannot be read (names the input)
     └── StoreError         the event store cannot be opened, migrated or written
"""

from __future__ import annotations


class LegationError(Exception):
    """Base class of every error legation raises on purpose."""


class ConfigError(LegationError):
    """A model, option or setting cannot be used as given."""


class DataFileError(LegationError):
    """A data file (lexicon, knowledge base) does not follow its documented shape."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")


class InputError(LegationError):
    """An input document cannot be read; ``source`` names the input."""

    def __init__(self, source: str, message: str) -> None:
        self.source = source
        self.message = message
        super().__init__(f"{source}: {message}")


class StoreError(LegationError):
    """The event store cannot be opened, migrated or written."""
