"""Writing event records: JSON Lines, a JSON array, or a table for people."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .records import EventRecord

FORMATS = ("jsonl", "json", "table")


def _party(entities: list[dict[str, Any]]) -> str:
    parts = []
    for e in entities:
        name = e.get("name") or e.get("entity_text") or "?"
        code = e.get("code") or "?"
        sector = f" {e['sector']}" if e.get("sector") else ""
        parts.append(f"{name} ({code}{sector})" if name != code else f"{code}{sector}")
    return ", ".join(parts) or "-"


def table_rows(records: Iterable[dict[str, Any]]) -> list[list[str]]:
    rows = []
    for r in records:
        ev = (r.get("event") or ["?"])[0]
        comm = r.get("communication") or {}
        what = ev + (f": {comm['kind']}" if comm.get("kind") else "")
        sources = ", ".join(s.get("name") or "?" for s in (r.get("attribution") or {}).get("sources", []))
        rows.append([
            str(r.get("id", "")),
            _party(r.get("actor") or []),
            what,
            _party(r.get("recipient") or []),
            str(r.get("date") or "-"),
            str(r.get("status") or "-"),
            str(r.get("factuality") or "-"),
            sources or "-",
        ])
    return rows


class Writer:
    """Streams records to a file in one of FORMATS; the table is drawn at the end."""

    def __init__(self, out: IO[str], fmt: str = "jsonl") -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
        self.out = out
        self.fmt = fmt
        self._rows: list[dict[str, Any]] = []
        self._n = 0

    def write(self, records: Iterable[EventRecord], document_text: str | None = None) -> None:
        """Write records; with ``document_text``, each carries it (``--with-text``)."""
        for rec in records:
            d = rec.to_dict()
            if document_text is not None:
                d["document_text"] = document_text
            if self.fmt == "jsonl":
                self.out.write(json.dumps(d, ensure_ascii=False) + "\n")
            elif self.fmt == "json":
                self.out.write(("[\n" if self._n == 0 else ",\n") + json.dumps(d, ensure_ascii=False, indent=2))
            else:
                self._rows.append(d)
            self._n += 1

    def close(self) -> None:
        if self.fmt == "json":
            self.out.write("\n]\n" if self._n else "[]\n")
        elif self.fmt == "table":
            render_table(self._rows, self.out)
        self.out.flush()


def render_table(records: list[dict[str, Any]], out: IO[str]) -> None:
    probe = Console(file=out)
    width = probe.width if probe.is_terminal else 160
    console = Console(file=out, width=max(100, width), highlight=False)
    table = Table(show_lines=False, header_style="bold")
    for col in ("id", "actor", "event", "recipient", "date", "status", "factuality", "source"):
        table.add_column(col, overflow="fold")
    for row in table_rows(records):
        table.add_row(*(Text(cell) for cell in row))  # shown as written: "[link=...]" is no markup
    if not records:
        console.print("no events found")
    else:
        console.print(table)
