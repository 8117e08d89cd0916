"""``legation evaluate``: how right the events are, against gold event records."""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import Any

import click
from rich import box
from rich.console import Console
from rich.table import Table

from ..errors import LegationError
from .common import extraction_options, fail
from .progress import Progress


@click.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("pred", required=False, type=click.Path(exists=True, dir_okay=False))
@click.option("--input", "input_path", type=click.Path(exists=True),
              help="Extract events from INPUT (as 'legation extract' reads it) and score those.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
@click.option("--errors", "n_errors", type=click.IntRange(min=0), default=0, metavar="N",
              help="List the first N missed, spurious and wrong-field cases with their sentences.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="With --input: also write the extracted events to FILE.")
@extraction_options("Worker processes.", prefix="With --input: ")
def evaluate(gold: str, pred: str | None, input_path: str | None, as_json: bool, n_errors: int,
             output: str | None, published: date | None, model: str, kb_dirs: tuple[str, ...],
             lexicon_dirs: tuple[str, ...], workers: int) -> None:
    """Score events against GOLD (JSON Lines event records), from PRED or from --input.

    Prints precision, recall, F1, spurious events per document, the accuracy
    of each further field on matched events, and a per-type confusion table
    (gold type by predicted type over events whose actors match). The rules
    are those of ../shared/tools/score.py, and so are the figures.
    """
    from ..evaluate import evaluate as score
    from ..evaluate import load_records

    if (pred is None) == (input_path is None):
        raise click.UsageError("give either PRED (a file of predicted events) or --input INPUT")
    texts: dict[str, str] = {}
    try:
        gold_rows = load_records(gold)
        if pred is not None:
            pred_rows = load_records(pred)
        else:
            assert input_path is not None
            pred_rows = _extract(input_path, texts, output, published, model, kb_dirs, lexicon_dirs, workers)
        result = score(gold_rows, pred_rows)
    except LegationError as e:
        fail(str(e))
    figures = result.to_dict()
    cases = [c.to_dict(texts) for c in result.cases[:n_errors]]
    if as_json:
        if n_errors:
            figures["errors"] = cases
        click.echo(json.dumps(figures, ensure_ascii=False))
        return
    _print(figures, cases)


def _extract(input_path: str, texts: dict[str, str], output: str | None, published: date | None,
             model: str, kb_dirs: tuple[str, ...], lexicon_dirs: tuple[str, ...],
             workers: int) -> list[dict[str, Any]]:
    from ..batch import BatchExtractor, ExtractorSpec
    from ..reader import Reader

    spec = ExtractorSpec(model, kb_dirs=kb_dirs, lexicon_dirs=lexicon_dirs)
    rows: list[dict[str, Any]] = []
    out = open(output, "w", encoding="utf-8") if output else None
    try:
        with BatchExtractor(spec, workers=workers) as batch, Progress() as bar:
            for r in batch.run(Reader(published).read([input_path])):
                if r.skipped is not None:
                    bar.advance(skipped=True)
                    bar.echo(f"legation: skipped {r.skipped.origin}: {r.skipped.reason}")
                    continue
                assert r.doc is not None
                texts[r.doc.id] = r.doc.text
                bar.advance(events=len(r.events))
                for e in r.events:
                    d = e.to_dict()
                    rows.append(d)
                    if out is not None:
                        out.write(json.dumps(d, ensure_ascii=False) + "\n")
    finally:
        if out is not None:
            out.close()
    return rows


def _print(figures: dict[str, Any], cases: list[dict[str, Any]]) -> None:
    console = Console(soft_wrap=False)
    f = figures
    console.print(f"docs {f['docs']}  gold {f['gold_events']}  predicted {f['pred_events']}  "
                  f"(tp {f['tp']}, fp {f['fp']}, fn {f['fn']})", highlight=False)
    console.print(f"precision {f['precision']:.3f}  recall {f['recall']:.3f}  F1 {f['f1']:.3f}  "
                  f"spurious/doc {f['spurious_per_doc']:.2f}", highlight=False)

    if f["fields"]:
        fields = Table(title="Fields of matched events", title_justify="left", box=box.SIMPLE_HEAD)
        for col in ("field", "correct", "of", "accuracy"):
            fields.add_column(col, justify="left" if col == "field" else "right")
        for name, v in f["fields"].items():
            fields.add_row(name, str(v["correct"]), str(v["of"]), _ratio(v["accuracy"]))
        console.print(fields)
    else:
        console.print("(the gold states no further fields to check on matched events)")

    per_type = Table(title="Per type", title_justify="left", box=box.SIMPLE_HEAD)
    for col in ("type", "gold", "tp", "fp", "fn", "precision", "recall"):
        per_type.add_column(col, justify="left" if col == "type" else "right")
    for t, v in f["per_type"].items():
        per_type.add_row(t, str(v["gold"]), str(v["tp"]), str(v["fp"]), str(v["fn"]),
                         _ratio(v["precision"]), _ratio(v["recall"]))
    console.print(per_type)

    conf = f["confusion"]
    gold_types = sorted(set(conf["matrix"]) | set(conf["missed"]))
    pred_types = sorted({p for row in conf["matrix"].values() for p in row} | set(conf["spurious"]))
    matrix = Table(title="Confusion: gold type (rows) by predicted type (columns, first four letters) "
                   "over events whose actors match", title_justify="left", box=box.SIMPLE_HEAD)
    matrix.add_column("gold", no_wrap=True)
    for p in pred_types:
        matrix.add_column(p[:4], justify="right", no_wrap=True)
    matrix.add_column("missed", justify="right", no_wrap=True)
    for g in gold_types:
        row = conf["matrix"].get(g, {})
        matrix.add_row(g, *(_cell(row.get(p, 0), p == g) for p in pred_types),
                       _cell(conf["missed"].get(g, 0), False))
    matrix.add_row("spurious", *(_cell(conf["spurious"].get(p, 0), False) for p in pred_types), "",
                   end_section=True)
    console.print(matrix)

    if f.get("reliability"):
        rel = Table(title="Reliability of the confidence: predictions by confidence, and how many "
                    "matched a gold event (every field right)", title_justify="left", box=box.SIMPLE_HEAD)
        for col in ("confidence", "events", "matched", "precision", "fully right", "share"):
            rel.add_column(col, justify="left" if col == "confidence" else "right")
        for r in f["reliability"]:
            rel.add_row(r["confidence"], str(r["events"]), str(r["matched"]), _ratio(r["precision"]),
                        str(r["fully_right"]), _ratio(r["fully_right_share"]))
        console.print(rel)

    for c in cases:
        console.print(f"[{c['kind']}] {c['doc_id']}: {c['what']}", markup=False, highlight=False)
        if c["sentence"]:
            console.print(f"    {_clip(c['sentence'])}", markup=False, highlight=False, style="dim")
    sys.stdout.flush()


def _ratio(v: float | None) -> str:
    return "-" if v is None else f"{v:.3f}"


def _cell(n: int, diagonal: bool) -> str:
    if not n:
        return "."
    return f"[bold]{n}[/bold]" if diagonal else str(n)


def _clip(s: str, n: int = 300) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"
