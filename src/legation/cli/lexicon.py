"""``legation lexicon``: import a CAMEO verb dictionary, count the lexicon, look words up."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..errors import LegationError
from .common import fail

LEXICON_DIR_HELP = "Directory of your own lexicon files, loaded over the bundled ones."


def _lexicon(dirs: tuple[str, ...]):  # type: ignore[no-untyped-def]
    from ..lexicon import Lexicon
    from ..ontology import Ontology

    try:
        return Lexicon(Ontology(), [Path(d) for d in dirs])
    except LegationError as e:
        fail(str(e))


@click.group()
def lexicon() -> None:
    """The event lexicon: triggers, chains, communications, cues."""


@lexicon.command(name="import")
@click.argument("file", type=click.Path(dir_okay=False, exists=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write the trigger file here (default: standard output). Name it "
                   "cameo_verbs.tsv in a --lexicon directory to use it.")
@click.option("--note", default="", help="A provenance note for the file's header.")
@click.option("--quiet", is_flag=True, help="Do not list the patterns that did not convert.")
def import_(file: str, output: str | None, note: str, quiet: bool) -> None:
    """Convert a PETRARCH/TABARI CAMEO verb dictionary FILE into trigger entries.

    Verb blocks, synonym sets, phrase patterns and noun synsets become entries with
    their particles, prepositions, object words, actor ('$') and recipient ('+')
    positions, CAMEO code and PLOVER type. Every pattern that cannot be converted is
    reported on standard error with its line and the reason.
    """
    from ..cameo_dictionary import Converter, load_aliases, read_dictionary, render
    from ..ontology import Ontology

    try:
        text = read_dictionary(Path(file).read_bytes())
        conv = Converter(Ontology(), load_aliases()).convert(text)
    except (OSError, LegationError) as e:
        fail(str(e))
    command = "legation lexicon import " + Path(file).name + (f" --note {note!r}" if note else "") \
        + " -o " + (Path(output).name if output else "-")
    out = render(conv, Path(file).name, text, command, note)
    if output:
        try:
            Path(output).write_text(out, encoding="utf-8")
        except OSError as e:
            fail(f"cannot write {output}: {e}")
    else:
        sys.stdout.write(out)
    if not quiet:
        for u in conv.unconverted:
            click.echo(f"legation: not converted {Path(file).name}:{u.line}: {u.text.strip()}: {u.reason}",
                       err=True)
    click.echo(f"{Path(file).name}: {conv.summary()}", err=True)
    if output:
        click.echo(f"wrote {output}", err=True)


@lexicon.command()
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@click.option("--lexicon", "lexicon_dirs", multiple=True, type=click.Path(file_okay=False, exists=True),
              help=LEXICON_DIR_HELP)
def stats(as_json: bool, lexicon_dirs: tuple[str, ...]) -> None:
    """Count the triggers per PLOVER type and CAMEO code, and list the CAMEO codes no trigger reaches."""
    from ..lexicon_stats import stats as count

    s = count(_lexicon(lexicon_dirs))
    if as_json:
        click.echo(json.dumps(s.to_dict(), indent=2))
        return
    click.echo(f"{s.entries} trigger entries ({s.imported} imported); lemmas: "
               + ", ".join(f"{n} {pos.lower()}" for pos, n in s.lemmas.items()))
    click.echo("per PLOVER type: " + ", ".join(f"{t} {n}" for t, n in s.per_type.items()))
    click.echo(f"CAMEO codes with a trigger: {len(s.per_cameo)}")
    click.echo("CAMEO codes without a trigger: " + (", ".join(s.uncovered) or "none"))
    for f in s.files:
        click.echo(f"  {f}")


@lexicon.command()
@click.argument("word")
@click.option("--lexicon", "lexicon_dirs", multiple=True, type=click.Path(file_okay=False, exists=True),
              help=LEXICON_DIR_HELP)
def lookup(word: str, lexicon_dirs: tuple[str, ...]) -> None:
    """Show the entries WORD (or a phrasal verb, 'call off') triggers, with file and line.

    Exits 1 when the word triggers nothing.
    """
    from ..lexicon_stats import describe
    from ..lexicon_stats import lookup as find

    found = find(_lexicon(lexicon_dirs), word)
    if not found:
        click.echo(f"No trigger entry for {word!r}.")
        sys.exit(1)
    for t in found:
        click.echo(describe(t, word.split()[0]))
        src = f" · dictionary line {t.src}" if t.src else ""
        click.echo(f"     {'imported' if t.imported else 'hand-written'} · {_short(t.where)}{src}")


def _short(where: str) -> str:
    path, _, line = where.rpartition(":")
    for anchor in ("src/legation/", "legation/"):
        if anchor in path:
            return "src/legation/" + path.split(anchor, 1)[1] + ":" + line
    return where
