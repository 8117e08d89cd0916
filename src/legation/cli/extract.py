"""``legation extract``: documents in, event records out."""

from __future__ import annotations

import sys
from datetime import date

import click

from ..errors import LegationError
from ..normalize import EncodingErrors
from ..output import FORMATS, Writer
from .common import Notices, extraction_options, fail, reader_options, skipped_name
from .progress import Progress


@click.command()
@click.argument("inputs", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True,
              help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write events to FILE instead of standard output.")
@extraction_options("Worker processes; each loads the model once (about 0.5 GB each).")
@reader_options
@click.option("--with-text", is_flag=True,
              help="Give each event its document's text, as processed, in a 'document_text' field: the "
                   "text its evidence offsets point into (HTML and cleaned inputs differ from the file).")
@click.option("--include-negated", is_flag=True, help="Also output events the text says did not happen.")
@click.option("--include-untargeted", is_flag=True,
              help="Also output statements of goodwill (AGREE, SUPPORT) that name no other party.")
@click.option("--progress/--no-progress", default=True, show_default=True,
              help="Show documents per second on standard error when it is a terminal.")
@click.option("-q", "--quiet", is_flag=True, help="Do not report skipped inputs on standard error.")
def extract(inputs: tuple[str, ...], published: date | None, fmt: str, output: str | None,
            model: str, kb_dirs: tuple[str, ...], lexicon_dirs: tuple[str, ...],
            encoding_errors: EncodingErrors, max_chars: int, with_text: bool,
            include_negated: bool, include_untargeted: bool, workers: int, progress: bool,
            quiet: bool) -> None:
    """Extract events from INPUTS (text, HTML or JSON Lines files, directories, or - for stdin).

    JSON Lines corpora are streamed: memory stays bounded however large the
    input. Warnings (bytes replaced, characters removed, a date that could
    not be read) go to standard error and do not change the exit status.
    Exits 0 when every input was used, 1 when some were skipped (each is
    reported on standard error with its id and the reason), 2 for an error
    that stopped the run (a bad option, a model or data file that cannot be
    loaded, an output that cannot be written), 3 for a defect of legation.
    """
    from ..batch import BatchExtractor, ExtractorSpec
    from ..reader import Reader

    spec = ExtractorSpec(model, kb_dirs=kb_dirs, lexicon_dirs=lexicon_dirs,
                         include_negated=include_negated, include_untargeted=include_untargeted)
    try:
        batch = BatchExtractor(spec, workers=workers)
        batch.start()
    except LegationError as e:
        fail(str(e))
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    writer = Writer(out, fmt)
    reader = Reader(published, max_chars=max_chars, encoding_errors=encoding_errors)
    try:
        # the bar shares the terminal with the events only when they go elsewhere
        shown = progress and not quiet and (output is not None or not sys.stdout.isatty())
        with batch, Progress(enabled=shown) as bar:
            notices = Notices(bar.echo, quiet)
            for result in batch.run(reader.read(inputs)):
                if result.doc is not None:
                    notices.document(result.doc)
                if result.skipped is not None:
                    bar.advance(skipped=True)
                    if not quiet:
                        bar.echo(f"legation: skipped {skipped_name(result.skipped)}: {result.skipped.reason}")
                    continue
                assert result.doc is not None
                bar.advance(events=len(result.events))
                writer.write(result.events, result.doc.text if with_text else None)
    except LegationError as e:
        fail(str(e))
    finally:
        writer.close()
        if output:
            out.close()
    if not quiet and (bar.skipped or output):
        click.echo(f"legation: {bar.docs} document(s), {bar.events} event(s), {bar.skipped} skipped", err=True)
    sys.exit(1 if bar.skipped else 0)

