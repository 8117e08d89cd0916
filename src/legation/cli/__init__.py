"""The ``legation`` command line: a thin layer over the library.

Each command module parses its options, calls library code, and turns
:class:`~legation.errors.LegationError` into a one-line message and a
non-zero exit status. Library code never prints; these modules do.
"""

from __future__ import annotations

import os
import sys
import traceback
from typing import Any

import click

from .. import __version__
from .evaluate import evaluate
from .extract import extract
from .kb import kb
from .lexicon import lexicon
from .store import COMMANDS as STORE_COMMANDS


class _Main(click.Group):
    """The command group; an exception no command expected (a defect) ends the run with
    exit status 3 and one line naming it, so that a script can tell it from a skip (1) or
    an error (2). ``LEGATION_DEBUG=1`` shows the traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as e:
            if os.environ.get("LEGATION_DEBUG"):
                traceback.print_exc()
            click.echo(f"legation: internal error: {type(e).__name__}: {e} (a defect of legation; "
                       "LEGATION_DEBUG=1 shows where)", err=True)
            sys.exit(3)


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="legation")
def main() -> None:
    """legation: news about international relations in, verifiable event data out."""


main.add_command(extract)
for _command in STORE_COMMANDS:
    main.add_command(_command)
main.add_command(evaluate)
main.add_command(kb)
main.add_command(lexicon)

__all__ = ["main"]
