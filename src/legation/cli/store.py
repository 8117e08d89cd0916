"""The event-store commands: ingest, remove, query, timeline, export, explain, thread.

Each parses its options, makes one call on :class:`legation.store.Store`,
and prints the result; ``--db`` (or ``$LEGATION_DB``) names the store.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import IO, Any

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..errors import LegationError
from ..normalize import EncodingErrors
from ..records import Document, Skipped
from ..store import DEFAULT_URL, ENV_VAR, Filters, Store
from ..store.export import FORMATS, QUERY_FORMATS, write
from .common import Notices, extraction_options, fail, parse_date, reader_options, skipped_name

STATUSES = ("occurred", "sent", "delivered", "refused", "attempted", "planned")
FACTUALITIES = ("asserted", "reported", "hedged", "speculative", "negated", "future", "hypothetical")

db_option = click.option(
    "--db", default=DEFAULT_URL, envvar=ENV_VAR, show_default=True, metavar="URL",
    help=f"The store: sqlite:///FILE, a file path, or postgresql://USER@HOST/DB (also ${ENV_VAR}).")


@contextmanager
def opened(url: str) -> Iterator[Store]:
    try:
        store = Store.open(url)
    except LegationError as e:
        fail(str(e))
    try:
        yield store
    except LegationError as e:
        fail(str(e))
    finally:
        store.close()


@contextmanager
def output(path: str | None) -> Iterator[IO[str]]:
    if not path:
        yield sys.stdout
        return
    with open(path, "w", encoding="utf-8", newline="") as f:
        yield f


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option
@extraction_options("Extraction processes (the store is written by this one).")
@reader_options
@click.option("-v", "--verbose", is_flag=True, help="Report every document as it is stored.")
@click.option("-q", "--quiet", is_flag=True, help="Report nothing but errors.")
def ingest(inputs: tuple[str, ...], db: str, published: date | None, model: str,
           kb_dirs: tuple[str, ...], lexicon_dirs: tuple[str, ...], workers: int,
           encoding_errors: EncodingErrors, max_chars: int, verbose: bool, quiet: bool) -> None:
    """Extract events from INPUTS and store articles, mentions and canonical events.

    An article whose text is already stored, or nearly (another outlet's
    copy), is kept as a further report of the stored one, not extracted
    again. A new text under a stored id, or at a stored URL by an article of
    the same story, is a corrected version and replaces the old one; a text
    that a correction replaced is not taken back (a warning says so). Each
    article is committed on its own: an interrupted ingest is resumed by
    running it again.
    Exits 0 when every input was used, 1 when some inputs were skipped (each
    is reported), 2 for an error that stopped the run, 3 for a defect of legation.
    """
    from ..batch import BatchExtractor, ExtractorSpec
    from ..kb import KnowledgeBase
    from ..reader import Reader

    notices = Notices(lambda m: click.echo(m, err=True), quiet)

    def progress(item: Document | Skipped, outcome: str | None) -> None:
        if isinstance(item, Skipped):
            if not quiet:
                click.echo(f"legation: skipped {skipped_name(item)}: {item.reason}", err=True)
            return
        notices.document(item)
        if outcome == "stale":
            notices.warn(item, "an older version of a stored article (a correction replaced this "
                               "text); not taken back")
        elif verbose:
            click.echo(f"legation: {outcome} {item.id}", err=True)

    spec = ExtractorSpec(model, kb_dirs=kb_dirs, lexicon_dirs=lexicon_dirs)
    items = Reader(published, max_chars=max_chars, encoding_errors=encoding_errors).read(inputs)
    with opened(db) as store:
        try:
            if workers == 1:
                report = store.ingest(items, spec(), progress)
            else:  # extraction in worker processes; actor kinds from the same knowledge base here
                kb = KnowledgeBase.load([Path(d) for d in kb_dirs])
                with BatchExtractor(spec, workers=workers) as batch:
                    report = store.ingest(items, batch, progress, kb)
        except LegationError as e:
            fail(str(e))
        if not quiet:
            c = store.counts()
            click.echo(f"legation: {report.documents} document(s): {len(report.added)} added, "
                       f"{len(report.corrected)} corrected, {len(report.copies)} copies, "
                       f"{len(report.stale)} stale, {len(report.unchanged)} unchanged; "
                       f"{len(report.skipped)} skipped. Store {store.db.url}: {c['articles']} "
                       f"article(s), {c['mentions']} mention(s), {c['events']} event(s)", err=True)
    sys.exit(1 if report.skipped else 0)


@click.command()
@click.argument("article_ids", nargs=-1, required=True)
@db_option
def remove(article_ids: tuple[str, ...], db: str) -> None:
    """Remove articles; the events they reported are merged again without them."""
    with opened(db) as store:
        removed, missing = store.remove(article_ids)
    for a in removed:
        click.echo(f"removed {a}")
    for a in missing:
        click.echo(f"legation: no article {a!r} in the store", err=True)
    sys.exit(1 if missing else 0)


@click.command()
@db_option
@click.option("--actor", multiple=True, help="Actor: PLOVER code, Wikidata id or name (repeatable).")
@click.option("--recipient", multiple=True, help="Recipient: code, Wikidata id or name (repeatable).")
@click.option("--dyad", nargs=2, metavar="A B", help="Events between A and B, in either direction.")
@click.option("--country", multiple=True, help="Any party of this country, or an event there.")
@click.option("--event", "event_types", multiple=True, metavar="TYPE", help="PLOVER event type.")
@click.option("--quad", multiple=True, type=click.IntRange(1, 4), help="PLOVER quad code, 1-4.")
@click.option("--since", callback=parse_date, metavar="YYYY-MM-DD", help="Events on or after this day.")
@click.option("--until", callback=parse_date, metavar="YYYY-MM-DD", help="Events on or before this day.")
@click.option("--factuality", multiple=True, type=click.Choice(FACTUALITIES))
@click.option("--status", multiple=True, type=click.Choice(STATUSES))
@click.option("--text", help="Words in the sentence of any report.")
@click.option("--limit", type=click.IntRange(1), help="At most this many events.")
@click.option("--format", "fmt", type=click.Choice(QUERY_FORMATS), default="table", show_default=True)
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False, writable=True), help="Write to FILE.")
def query(db: str, actor: tuple[str, ...], recipient: tuple[str, ...], dyad: tuple[str, str] | None,
          country: tuple[str, ...], event_types: tuple[str, ...], quad: tuple[int, ...],
          since: date | None, until: date | None, factuality: tuple[str, ...], status: tuple[str, ...],
          text: str | None, limit: int | None, fmt: str, out: str | None) -> None:
    """Canonical events that match every filter given (one event per real-world event)."""
    f = Filters(actor=actor, recipient=recipient, dyad=tuple(dyad) if dyad else None,  # type: ignore[arg-type]
                country=country, event=event_types, quad=quad, since=since, until=until,
                factuality=factuality, status=status, text=text, limit=limit)
    with opened(db) as store:
        records = store.query(f)
    with output(out) as stream:
        write(fmt, records, stream)


@click.command()
@click.argument("a")
@click.argument("b")
@db_option
@click.option("--since", callback=parse_date, metavar="YYYY-MM-DD")
@click.option("--until", callback=parse_date, metavar="YYYY-MM-DD")
@click.option("--format", "fmt", type=click.Choice(QUERY_FORMATS), default="table", show_default=True)
def timeline(a: str, b: str, db: str, since: date | None, until: date | None, fmt: str) -> None:
    """The events between A and B (either direction) by month: counts per quad, mean PLOVER score."""
    with opened(db) as store:
        rows = store.timeline(a, b, Filters(since=since, until=until))
    if fmt == "jsonl":
        for r in rows:
            click.echo(json.dumps(r.to_dict()))
    elif fmt == "csv":
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(["month", "events", "quad1", "quad2", "quad3", "quad4", "mean_score", "event_ids"])
        for r in rows:
            w.writerow([r.month, r.events, *(r.quads[q] for q in (1, 2, 3, 4)),
                        "" if r.mean_score is None else r.mean_score, " ".join(map(str, r.event_ids))])
    else:
        table = Table(title=Text(f"{a} – {b}, either direction"), header_style="bold",
                      caption="quad 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, "
                              "4 material conflict; mean PLOVER score")
        for col in ("month", "events", "quad 1", "quad 2", "quad 3", "quad 4", "mean score", "event ids"):
            table.add_column(col, justify="left" if col in ("month", "event ids") else "right")
        for r in rows:
            table.add_row(r.month, str(r.events), *(str(r.quads[q]) for q in (1, 2, 3, 4)),
                          "-" if r.mean_score is None else f"{r.mean_score:+.1f}",
                          " ".join(map(str, r.event_ids)))
        _print(table if rows else f"no events between {a} and {b}")


@click.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False, writable=True),
              help="Write to FILE (required for parquet).")
def export(db: str, fmt: str, out: str | None) -> None:
    """Write every canonical event as a PLOVER record with its mention count and sources."""
    if fmt == "parquet" and not out:
        raise click.UsageError("parquet is binary: give a file with -o")
    with opened(db) as store:
        n = store.export(fmt, Path(out) if out else sys.stdout)
    if out:
        click.echo(f"legation: {n} event(s) written to {out}", err=True)


@click.command()
@click.argument("event_id", type=int)
@db_option
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
def explain(event_id: int, db: str, fmt: str) -> None:
    """Why the reports of EVENT_ID were merged, and what kept other candidates apart."""
    with opened(db) as store:
        x = store.explain(event_id)
    if x is None:
        fail(f"no event {event_id} in the store", 1)
    if fmt == "json":
        click.echo(json.dumps(x.to_dict(), ensure_ascii=False, indent=2))
        return
    r = x.record
    click.echo(f"Event {event_id}: {_headline(r)}")
    click.echo(f"{r['mention_count']} report(s); first reported {r['first_reported']['published'] or '?'} "
               f"by {r['first_reported']['source'] or r['first_reported']['article_id']}")
    for m in x.reports:
        ti = m.record.get("text_info") or {}
        click.echo(f"  {m.id}  {m.published or '?'}  {m.outlet or '-'}  [{m.status}, {m.factuality}] "
                   f"chars {ti.get('start')}-{ti.get('end')}: {m.record.get('text', '')}")
    if x.pairs:
        click.echo(f"Merged because each report matches the first ({x.reports[0].id}), "
                   "and every other report, on every criterion:")
        for p in x.pairs:
            click.echo(f"  {p.mention_id}")
            for c in p.checks:
                click.echo(f"    {'✓' if c.ok else '✗'} {c.criterion:<13} {c.detail}")
    if x.near_misses:
        click.echo("Candidates not merged:")
        for n in x.near_misses:
            why = "; ".join(f"{c.criterion}: {c.detail}" for c in n.failed)
            click.echo(f"  {n.mention_id} (event {n.event_id}): {why}")
    if len(x.thread) > 1:
        click.echo("Story thread:")
        _echo_thread(x.thread, event_id)


@click.command()
@click.argument("event_id", type=int)
@db_option
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
def thread(event_id: int, db: str, fmt: str) -> None:
    """The story EVENT_ID is a step of, in order: a communication, the envoy who conveyed it,
    the addressee who refused or answered it; with the stages and sources of each."""
    with opened(db) as store:
        steps = store.thread(event_id)
    if not steps:
        fail(f"no event {event_id} in the store", 1)
    if fmt == "json":
        for s, r in steps:
            click.echo(json.dumps({"step": s.depth, "relation": s.relation, "after": s.after, "event": r},
                                  ensure_ascii=False))
        return
    _echo_thread(steps, event_id)


# -- formatting ----------------------------------------------------------------------------------
def _headline(r: dict[str, Any]) -> str:
    def names(ps: list[dict[str, Any]]) -> str:
        return ", ".join(f"{p.get('name') or p.get('entity_text') or '?'} ({p.get('code') or '?'})"
                         for p in ps) or "-"
    comm = r.get("communication") or {}
    what = r["event"][0] + (f" {comm['kind']}" if comm.get("kind") else "")
    occasion = f" on {comm['occasion']}" if comm.get("occasion") else ""
    return (f"{names(r['actor'])} → {what}{occasion} → {names(r['recipient'])}, "
            f"{r.get('date') or 'undated'}, {r['status']}, {r['factuality']}")


def _echo_thread(steps: list[Any], current: int) -> None:
    for s, r in steps:
        mark = "*" if s.event_id == current else " "
        how = f"{s.relation} (after {s.after})" if s.relation else "start"
        click.echo(f" {mark}{'  ' * s.depth}[{s.event_id}] {how}: {_headline(r)}")
        for st in r.get("stages") or []:
            click.echo(f"  {'  ' * s.depth}     {st['status']}: {st['article_id']} ({st['published'] or '?'})")
        outlets = ", ".join(r.get("sources") or []) or "-"
        said = ", ".join(x["name"] for x in (r.get("attribution") or {}).get("sources", [])) or "-"
        click.echo(f"  {'  ' * s.depth}     reported by {outlets}; according to {said}")


def _print(obj: Any) -> None:
    console = Console(width=max(100, Console().width), highlight=False)
    console.print(obj)


COMMANDS = (ingest, remove, query, timeline, export, explain, thread)
