"""``legation extract``: documents in, event records out."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from ..errors import LegationError
from ..nlp import DEFAULT_MODEL
from ..output import FORMATS, Writer
from .common import fail, parse_date


@click.command()
@click.argument("inputs", nargs=-1)
@click.option("--published", callback=parse_date, metavar="YYYY-MM-DD",
              help="Publication date for inputs that carry none.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True,
              help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write events to FILE instead of standard output.")
@click.option("--model", default=DEFAULT_MODEL, show_default=True,
              help="spaCy English pipeline to use (e.g. en_core_web_sm, en_core_web_md, en_core_web_trf).")
@click.option("--kb", "kb_dirs", multiple=True, type=click.Path(file_okay=False, exists=True),
              help="Directory of your own knowledge-base files, merged over the bundled ones.")
@click.option("--lexicon", "lexicon_dirs", multiple=True, type=click.Path(file_okay=False, exists=True),
              help="Directory of your own lexicon files, added to the bundled ones.")
@click.option("--include-negated", is_flag=True, help="Also output events the text says did not happen.")
@click.option("-q", "--quiet", is_flag=True, help="Do not report skipped inputs on standard error.")
def extract(inputs: tuple[str, ...], published: date | None, fmt: str, output: str | None,
            model: str, kb_dirs: tuple[str, ...], lexicon_dirs: tuple[str, ...],
            include_negated: bool, quiet: bool) -> None:
    """Extract events from INPUTS (text, HTML or JSON Lines files, directories, or - for stdin).

    Exits 0 when every input was processed, 1 when some were skipped (each
    is reported on standard error with the reason), 2 on a usage error.
    """
    from ..extract import Extractor
    from ..reader import Reader

    try:
        extractor = Extractor(model, kb_dirs=[Path(d) for d in kb_dirs],
                              lexicon_dirs=[Path(d) for d in lexicon_dirs],
                              include_negated=include_negated)
    except LegationError as e:
        fail(str(e))
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    writer = Writer(out, fmt)
    skipped = docs = events = 0
    try:
        for result in extractor.run(Reader(published).read(inputs)):
            if result.skipped is not None:
                skipped += 1
                if not quiet:
                    click.echo(f"legation: skipped {result.skipped.origin}: {result.skipped.reason}", err=True)
                continue
            docs += 1
            events += len(result.events)
            writer.write(result.events)
    finally:
        writer.close()
        if output:
            out.close()
    if not quiet and (skipped or output):
        click.echo(f"legation: {docs} document(s), {events} event(s), {skipped} skipped", err=True)
    sys.exit(1 if skipped else 0)

