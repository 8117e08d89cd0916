"""The ``legation`` command line: a thin layer over the library.

Each command module parses its options, calls library code, and turns
:class:`~legation.errors.LegationError` into a one-line message and a
non-zero exit status. Library code never prints; these modules do.
"""

from __future__ import annotations

import click

from .. import __version__
from .evaluate import evaluate
from .extract import extract
from .kb import kb
from .lexicon import lexicon
from .store import COMMANDS as STORE_COMMANDS


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
