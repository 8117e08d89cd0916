"""Helpers shared by the command modules: option parsing and error exits."""

from __future__ import annotations

import sys
from datetime import date
from typing import NoReturn

import click


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
