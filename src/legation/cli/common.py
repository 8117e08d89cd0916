"""Helpers shared by the command modules: option parsing and error exits."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from typing import NoReturn, TypeVar

import click

from ..nlp import DEFAULT_MODEL
from ..normalize import ENCODING_ERRORS
from ..reader import DEFAULT_MAX_CHARS
from ..records import Document, Skipped

F = TypeVar("F", bound=Callable[..., object])


def parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    """Click callback: an ISO date or None."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


def fail(message: str, code: int = 2) -> NoReturn:
    """Print one line to standard error and exit; the CLI's only way to stop on an error."""
    click.echo(f"legation: {message}", err=True)
    sys.exit(code)


def extraction_options(workers_help: str, prefix: str = "") -> Callable[[F], F]:
    """The options every command that runs the extractor takes, worded alike everywhere:
    --published, --model, --kb, --lexicon and --workers. ``prefix`` says when they apply
    ("With --input: ") where the command can also work without extracting."""
    options = [
        click.option("--published", callback=parse_date, metavar="YYYY-MM-DD",
                     help=prefix + "Publication date for inputs that carry none."),
        click.option("--model", default=DEFAULT_MODEL, show_default=True,
                     help=prefix + "spaCy English pipeline to use "
                     "(e.g. en_core_web_sm, en_core_web_md, en_core_web_trf)."),
        click.option("--kb", "kb_dirs", multiple=True, type=click.Path(file_okay=False, exists=True),
                     help=prefix + "Directory of your own knowledge-base files, merged over the bundled ones."),
        click.option("--lexicon", "lexicon_dirs", multiple=True,
                     type=click.Path(file_okay=False, exists=True),
                     help=prefix + "Directory of your own lexicon files, added to the bundled ones."),
        click.option("-w", "--workers", type=click.IntRange(min=1), default=1, show_default=True,
                     help=prefix + workers_help),
    ]

    def apply(f: F) -> F:
        for option in reversed(options):
            f = option(f)
        return f

    return apply


def reader_options(f: F) -> F:
    """--encoding-errors and --max-chars: how the reader treats bad bytes and huge inputs."""
    f = click.option("--max-chars", type=click.IntRange(min=1), default=DEFAULT_MAX_CHARS, show_default=True,
                     help="Refuse (skip, with a report) a document longer than this; a long "
                          "one below it is processed piece by piece.")(f)
    return click.option("--encoding-errors", type=click.Choice(ENCODING_ERRORS), default="replace",
                        show_default=True,
                        help="Bytes that are not UTF-8: replace them (a warning gives their offsets) "
                             "or skip the input (strict).")(f)


def skipped_name(s: Skipped) -> str:
    """The input's name, with the document id where the name does not show it."""
    if s.doc_id and s.doc_id not in s.origin:
        return f"{s.origin} (id {s.doc_id})"
    return s.origin


class Notices:
    """The warnings a run gives on standard error: each document's own, and once per run
    that some documents have no publication date (and what is done instead)."""

    NO_DATE = ("has no publication date (said once a run, for the first such document): relative "
               "dates such as 'on Monday' are left without a date, and people take their current or "
               "latest office; give --published or a 'published' field")

    def __init__(self, echo: Callable[[str], None], quiet: bool = False) -> None:
        self.echo = echo
        self.quiet = quiet
        self._undated = False

    def document(self, doc: Document) -> None:
        for w in doc.warnings:
            self.warn(doc, w)
        if doc.published is None and not self._undated:
            self._undated = True
            self.warn(doc, self.NO_DATE)

    def warn(self, doc: Document, message: str) -> None:
        if not self.quiet:
            self.echo(f"legation: warning: {doc.origin or doc.id}: {message}")
