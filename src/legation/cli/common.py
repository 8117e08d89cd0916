"""Helpers shared by the command modules: option parsing and error exits."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from typing import NoReturn, TypeVar

import click

from ..nlp import DEFAULT_MODEL

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
