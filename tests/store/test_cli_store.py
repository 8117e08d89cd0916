"""The store commands as a user runs them: real processes, a real database on each backend."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

from ..conftest import REPO
from ..test_cli import legation
from .conftest import seed_documents


def test_cli_store_session(store_url: str, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": d.id, "text": d.text, "published": d.published.isoformat(),
                                          "source": d.source, "url": d.url}) + "\n"
                              for d in seed_documents()), encoding="utf-8")
    r = legation("ingest", str(corpus), "--db", store_url, "-v", "--workers", "2")
    assert r.returncode == 0, r.stderr
    assert "added kcna-russia-day" in r.stderr and "3 added, 0 corrected, 0 copies, 0 stale, 0 unchanged" in r.stderr

    r = legation("query", "--db", store_url, "--format", "jsonl", "--actor", "Kim Jong Un", "--since", "2025-01-01")
    assert r.returncode == 0, r.stderr
    [message] = [json.loads(x) for x in r.stdout.splitlines()]
    assert message["mention_count"] == 2 and message["communication"]["kind"] == "congratulatory message"
    assert {x["article_id"] for x in message["reports"]} == {"seed", "kcna-russia-day"}

    r = legation("query", "--db", store_url, "--dyad", "USA", "PRK", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert r.returncode == 0, r.stderr
    [letter] = [x for x in rows if x["communication_kind"] == "letter"]
    [refusal] = [x for x in rows if x["event"] == "REJECT" and x["actor_code"] == "PRK"]
    assert letter["mention_count"] == refusal["mention_count"] == "2" and letter["status"] == "refused"

    r = legation("timeline", "PRK", "RUS", "--db", store_url, "--format", "jsonl")
    months = {json.loads(x)["month"]: json.loads(x) for x in r.stdout.splitlines()}
    assert r.returncode == 0 and months["2025-06"]["quad1"] >= 1 and "2024-06" in months

    r = legation("explain", str(message["id"]), "--db", store_url)
    assert r.returncode == 0, r.stderr
    assert "✓ communication" in r.stdout and "Story thread:" in r.stdout and "conveyed" in r.stdout
    r = legation("thread", str(message["id"]), "--db", store_url, "--format", "json")
    assert [json.loads(x)["relation"] for x in r.stdout.splitlines()][:2] == [None, "conveyed"]

    out = tmp_path / "events.parquet"
    r = legation("export", "--format", "parquet", "-o", str(out), "--db", store_url)
    assert r.returncode == 0 and out.stat().st_size > 0, r.stderr

    r = legation("remove", "kcna-russia-day", "--db", store_url)
    assert r.returncode == 0 and "removed kcna-russia-day" in r.stdout
    r = legation("query", "--db", store_url, "--format", "jsonl", "--actor", "Q56226", "--since", "2025-01-01")
    assert [json.loads(x)["mention_count"] for x in r.stdout.splitlines()] == [1]
    r = legation("explain", "999999", "--db", store_url)
    assert r.returncode == 1 and "no event 999999" in r.stderr


def test_cli_store_default_and_environment_database(tmp_path: Path) -> None:
    r = legation("query", cwd=tmp_path)
    assert r.returncode == 0 and "no events found" in r.stdout and (tmp_path / "legation.db").exists()
    env_db = tmp_path / "other.db"
    os.environ["LEGATION_DB"] = f"sqlite:///{env_db}"
    try:
        r = legation("query", "--format", "jsonl", cwd=tmp_path)
    finally:
        del os.environ["LEGATION_DB"]
    assert r.returncode == 0 and r.stdout == "" and env_db.exists()


def test_cli_store_errors_are_one_line(tmp_path: Path) -> None:
    for db, why in [("mysql://x@localhost/db", "unsupported database"),
                    (str(tmp_path / "missing" / "x.db"), "does not exist"),
                    ("postgresql://nobody@127.0.0.1:1/none", "cannot connect")]:
        r = legation("query", "--db", db)
        assert r.returncode == 2 and why in r.stderr and "Traceback" not in r.stderr, (db, r.stderr)
    r = legation("export", "--format", "parquet", "--db", str(tmp_path / "x.db"))
    assert r.returncode == 2 and "-o" in r.stderr


def test_cli_store_every_command_is_documented() -> None:
    from legation.cli.store import COMMANDS

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Event store"):]
    for command in COMMANDS:
        assert f"`{command.name} " in section or f"legation {command.name}" in section, command.name
        for param in command.params:
            if param.param_type_name == "option" and param.name not in ("db", "verbose", "quiet", "fmt",
                                                                        "out", "model", "kb_dirs",
                                                                        "lexicon_dirs", "published"):
                assert any(o in section for o in param.opts), (command.name, param.opts)
