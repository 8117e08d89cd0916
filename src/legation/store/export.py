"""Writing canonical event records: JSON Lines, CSV, Parquet, or a table for people.

JSON Lines carries the whole record (PLOVER fields, every report with its
evidence). CSV and Parquet carry one flat row per event with the same
columns (:data:`COLUMNS`): several values in one cell are joined with
``"; "``; the full record is in the ``record`` column as JSON.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from ..errors import StoreError
from ..output import render_table

FORMATS = ("jsonl", "csv", "parquet")
QUERY_FORMATS = ("table", "jsonl", "csv")

# name, parquet type ("string", "int", "float")
COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "int"), ("date", "string"), ("date_precision", "string"), ("event", "string"),
    ("mode", "string"), ("context", "string"), ("cameo", "string"), ("quad_code", "int"),
    ("event_scale", "float"), ("status", "string"), ("factuality", "string"),
    ("actor", "string"), ("actor_code", "string"), ("actor_sector", "string"), ("actor_id", "string"),
    ("recipient", "string"), ("recipient_code", "string"), ("recipient_sector", "string"),
    ("recipient_id", "string"), ("communication_kind", "string"), ("occasion", "string"),
    ("channel", "string"), ("event_loc", "string"), ("event_loc_country", "string"),
    ("attribution", "string"), ("sources", "string"), ("mention_count", "int"),
    ("report_count", "int"), ("first_reported", "string"), ("first_article_id", "string"),
    ("mention_ids", "string"), ("urls", "string"), ("text", "string"), ("confidence", "float"),
    ("thread", "int"), ("record", "string"),
)


def flat(r: dict[str, Any]) -> dict[str, Any]:
    """One CSV/Parquet row of a canonical record."""
    def join(xs: Iterable[Any]) -> str:
        return "; ".join(str(x) for x in xs if x not in (None, ""))

    def parties(role: str, key: str) -> str:
        return join(p.get(key) or (p.get("entity_text") if key == "name" else None) for p in r[role])

    comm = r.get("communication") or {}
    loc = r.get("event_loc") or {}
    first = r.get("first_reported") or {}
    return {
        "id": r["id"], "date": r.get("date"), "date_precision": (r.get("date_info") or {}).get("precision"),
        "event": join(r.get("event", [])), "mode": join(r.get("mode", [])),
        "context": join(r.get("context", [])), "cameo": r.get("cameo"), "quad_code": r.get("quad_code"),
        "event_scale": r.get("event_scale"), "status": r.get("status"), "factuality": r.get("factuality"),
        "actor": parties("actor", "name"), "actor_code": parties("actor", "code"),
        "actor_sector": parties("actor", "sector"), "actor_id": parties("actor", "identifier_id"),
        "recipient": parties("recipient", "name"), "recipient_code": parties("recipient", "code"),
        "recipient_sector": parties("recipient", "sector"),
        "recipient_id": parties("recipient", "identifier_id"),
        "communication_kind": comm.get("kind"), "occasion": comm.get("occasion"),
        "channel": join(c.get("name") or c.get("entity_text") for c in comm.get("channel", [])),
        "event_loc": loc.get("name"), "event_loc_country": loc.get("country"),
        "attribution": join(s.get("name") for s in (r.get("attribution") or {}).get("sources", [])),
        "sources": join(r.get("sources", [])), "mention_count": r.get("mention_count"),
        "report_count": r.get("report_count"), "first_reported": first.get("published"),
        "first_article_id": first.get("article_id"),
        "mention_ids": join(x["mention_id"] for x in r.get("reports", [])),
        "urls": join(dict.fromkeys(x.get("url") for x in r.get("reports", []))),
        "text": r.get("text"), "confidence": r.get("confidence"), "thread": r.get("thread"),
        "record": json.dumps(r, ensure_ascii=False),
    }


def write_jsonl(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for r in records:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
        n += 1
    return n


# a spreadsheet runs a cell that begins with one of these as a formula ("=HYPERLINK(...)")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula, quoted with a leading
    apostrophe (the OWASP rule against CSV injection); other values as they are."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_csv(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """CSV rows of ``records``; text cells that would run as formulas are quoted."""
    w = csv.DictWriter(out, fieldnames=[c for c, _ in COLUMNS], lineterminator="\n")
    w.writeheader()
    n = 0
    for r in records:
        w.writerow({k: spreadsheet_safe(v) for k, v in flat(r).items()})
        n += 1
    return n


def write_parquet(records: Iterable[dict[str, Any]], path: Path, batch: int = 10_000) -> int:
    """Write a Parquet file in row groups of ``batch`` events (constant memory)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"string": pa.string(), "int": pa.int64(), "float": pa.float64()}
    schema = pa.schema([(c, types[k]) for c, k in COLUMNS])
    n = 0
    try:
        with pq.ParquetWriter(str(path), schema) as w:
            rows: list[dict[str, Any]] = []
            for r in records:
                rows.append(flat(r))
                if len(rows) >= batch:
                    w.write_table(pa.Table.from_pylist(rows, schema=schema))
                    n += len(rows)
                    rows = []
            if rows or n == 0:
                w.write_table(pa.Table.from_pylist(rows, schema=schema))
                n += len(rows)
    except OSError as e:
        raise StoreError(f"cannot write {path}: {e}") from e
    return n


def write_table(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """The extract command's table, with each event's report count and outlets."""
    rs = list(records)
    rows = [{**r, "id": f"{r['id']} ({r.get('mention_count', 1)}×)"} for r in rs]
    render_table(rows, out)
    return len(rs)


def write(fmt: str, records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Write records to a text stream as ``fmt`` (jsonl, csv, table); the number written."""
    writers = {"jsonl": write_jsonl, "csv": write_csv, "table": write_table}
    if fmt not in writers:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(writers)}")
    return writers[fmt](records, out)
