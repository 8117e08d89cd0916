"""``legation kb``: look names up in the actor knowledge base, count it, import users' lists."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import click

from ..errors import LegationError
from .common import fail, parse_date

KB_DIR_HELP = "Directory of your own knowledge-base files, merged over the bundled ones."


def _load(kb_dirs: tuple[str, ...]):  # type: ignore[no-untyped-def]
    from ..kb import KnowledgeBase

    try:
        return KnowledgeBase.load([Path(d) for d in kb_dirs])
    except LegationError as e:
        fail(str(e))


def _rel(path: str) -> str:
    """A path relative to the working directory when it lies below it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return path


def _where(source: str) -> str:
    """A file:line as short as it can be while still pointing at the file."""
    path, _, line = source.rpartition(":")
    return f"{_rel(path)}:{line}"


@click.group()
def kb() -> None:
    """The actor knowledge base: states, institutions, organisations, persons, places."""


@kb.command()
@click.argument("name")
@click.option("--date", "on", callback=parse_date, metavar="YYYY-MM-DD",
              help="Resolve offices for this day (default: today).")
@click.option("--json", "as_json", is_flag=True, help="Print the candidates as JSON.")
@click.option("-n", "--limit", default=10, show_default=True, help="At most this many candidates.")
@click.option("--kb", "kb_dirs", multiple=True, type=click.Path(file_okay=False, exists=True),
              help=KB_DIR_HELP)
def lookup(name: str, on: date | None, as_json: bool, limit: int, kb_dirs: tuple[str, ...]) -> None:
    """Show what NAME means: kind, canonical name, code, sector, office on the date, source.

    Exact and normalised names and aliases first; approximate matches only when
    nothing matches. Exits 1 when nothing is found.
    """
    from ..kb.lookup import lookup as find

    day = on or date.today()
    found = find(_load(kb_dirs), name, day, limit=limit)
    if as_json:
        click.echo(json.dumps({"query": name, "date": day.isoformat(),
                               "candidates": [c.to_dict() for c in found]}, ensure_ascii=False, indent=2))
    elif not found:
        click.echo(f"legation: no entry matches {name!r}", err=True)
    else:
        approx = found[0].match == "approximate"
        if approx:
            click.echo(f"No exact match for {name!r}; the closest entries:")
        for c in found:
            code = " ".join(x for x in (c.code, c.sector) if x) or "-"
            office = f" - {c.office} on {day.isoformat()}" if c.office else ""
            click.echo(f"{c.kind:<12} {c.name} [{code}]{office}")
            how = f"{c.match}, {c.score:.0f}" if c.match == "approximate" else c.match
            extra = [f"matched {c.matched!r} ({c.form}, {how})"]
            if c.wikidata:
                extra.append(f"wikidata {c.wikidata}")
            extra.append(_where(c.source))
            click.echo(f"{'':<12} " + " · ".join(extra))
            if c.detail and c.kind != "person":
                click.echo(f"{'':<12} {c.detail}")
    sys.exit(0 if found else 1)


@kb.command()
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@click.option("--kb", "kb_dirs", multiple=True, type=click.Path(file_okay=False, exists=True),
              help=KB_DIR_HELP)
def stats(as_json: bool, kb_dirs: tuple[str, ...]) -> None:
    """Count the states, institutions, organisations, persons, roles and places."""
    from ..kb.lookup import stats as count

    s = count(_load(kb_dirs))
    if as_json:
        click.echo(json.dumps(s, ensure_ascii=False, indent=2))
        return
    click.echo(f"countries      {s['countries']} ({s['states']} UN member states; also "
               f"{', '.join(s['other_country_codes'])})")
    click.echo(f"institutions   {s['institutions']}")
    by = ", ".join(f"{k} {v}" for k, v in s["organizations_by_code"].items())
    click.echo(f"organizations  {s['organizations']} ({by})")
    click.echo(f"persons        {s['persons']} with {s['roles']} dated roles "
               f"({s['persons_with_wikidata']} with a Wikidata id)")
    click.echo(f"places         {s['places']}")
    click.echo(f"titles         {s['titles']}, group nouns {s['groups']}")
    click.echo("directories    " + "\n               ".join(_rel(d) for d in s["directories"]))
    for r in s["replaced"]:
        click.echo(f"replaced       {r['kind']} {r['entry']}: {_where(r['was'])} by {_where(r['by'])}")


@kb.command("import")
@click.argument("file", type=click.Path(dir_okay=False, exists=True))
@click.option("--format", "fmt", type=click.Choice(["actors", "agents", "csv", "json"]),
              help="Input format (default: from the name; .csv, .json/.jsonl, *.agents.txt agents, "
                   "else actors).")
@click.option("--into", type=click.Path(file_okay=False),
              help="Knowledge-base directory to write to (default: $LEGATION_KB_DIR or "
                   "~/.local/share/legation/kb, which is merged automatically).")
@click.option("--output", type=click.Path(dir_okay=False),
              help="agents: the file to write (default: agents.yaml in the --into directory).")
@click.option("--exclude", type=click.Path(dir_okay=False, exists=True),
              help="agents: a file of nouns not to import, one a line.")
@click.option("--dry-run", is_flag=True, help="Check and convert, but write nothing.")
def import_(file: str, fmt: str | None, into: str | None, output: str | None, exclude: str | None,
            dry_run: bool) -> None:
    """Import FILE (a PETRARCH/Phoenix .actors or agents dictionary, or CSV/JSON) into your
    knowledge base.

    Entries naming a bundled entry correct it: the imported codes and dated roles
    replace the bundled ones. Malformed lines are reported as FILE:LINE and nothing
    is written. An agents dictionary (nouns for unnamed actors, DOCTOR [~HLH])
    becomes a list of group nouns; the lines it cannot use are reported.
    """
    from ..kb import KnowledgeBase
    from ..kb.agents import is_agents_file
    from ..kb.base import default_user_dir
    from ..kb.importer import read, write

    path = Path(file)
    target = Path(into) if into else default_user_dir()
    if fmt == "agents" or fmt is None and is_agents_file(path):
        _import_agents(file, into, output, exclude, dry_run)
        return
    if output or exclude:
        fail("--output and --exclude are for --format agents")
    try:
        known = KnowledgeBase.load(user=False)
        result = read(path, fmt, known)
        for s in result.skipped:
            click.echo(f"legation: skipped {s}", err=True)
        c = result.counts()
        click.echo(f"{path}: {c['countries']} countr{'y' if c['countries'] == 1 else 'ies'} given more names, "
                   f"{c['persons']} person(s) with {c['roles']} role(s), "
                   f"{c['institutions']} institution(s), {c['organizations']} organization(s); "
                   f"{c['skipped']} skipped")
        for name, source in result.adopted:
            click.echo(f"  {name}: corrects {_where(source)}")
        if dry_run:
            return
        written = write(result, target, path.stem)
        merged = KnowledgeBase.load([target], user=False)  # what was written loads and merges
    except LegationError as e:
        fail(str(e))
    for w in written:
        click.echo(f"wrote {w}")
    if target.resolve() != default_user_dir().resolve():
        click.echo(f"use it with --kb {target}, or set LEGATION_KB_DIR={target}")
    click.echo(f"{len(merged.replaced)} bundled entr{'y' if len(merged.replaced) == 1 else 'ies'} replaced")


def _import_agents(file: str, into: str | None, output: str | None, exclude: str | None,
                   dry_run: bool) -> None:
    """``kb import --format agents``: write the group nouns of an agents dictionary."""
    from ..kb.agents import convert_agents, write_agents
    from ..kb.base import default_user_dir

    out = Path(output) if output else (Path(into) if into else default_user_dir()) / "agents.yaml"
    command = " ".join(["legation kb import", file, "--format agents",
                        *([f"--exclude {exclude}"] if exclude else []),
                        f"--output {output}" if output else f"--into {into}" if into else ""]).strip()
    try:
        result, text = convert_agents(Path(file), Path(exclude) if exclude else None, command=command)
        for s in result.skipped:
            click.echo(f"legation: skipped {file}:{s}", err=True)
        c = result.counts()
        kinds = ", ".join(f"{v} {k}" for k, v in sorted(c.items()) if k != "entries")
        click.echo(f"{file}: {c['entries']} group noun(s); {len(result.skipped)} skipped"
                   + (f" ({kinds})" if kinds else ""))
        if dry_run:
            return
        write_agents(text, out)
    except LegationError as e:
        fail(str(e))
    click.echo(f"wrote {out}")
