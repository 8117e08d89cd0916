"""The command line, run as a user runs it: a real process, real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO

GOOD = ("Japan's foreign ministry protested to China on Tuesday over the new air defence zone, "
        "Kyodo News reported.")


def legation(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("legation")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "legation.cli"]
    return subprocess.run([*cmd, *args], input=stdin.decode() if stdin else None, capture_output=True,
                          text=True, cwd=cwd or REPO, timeout=300, env={**os.environ, "COLUMNS": "200"})


@pytest.fixture(scope="module")
def mixed_inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("inputs")
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (d / "latin1.txt").write_bytes("Der Außenminister traf seinen Kollegen in Köln.".encode("latin-1"))
    (d / "korean.txt").write_text("북한은 미국의 서한 수령을 거부했다고 소식통이 전했다. 외무성은 성명을 발표했다.",
                                  encoding="utf-8")
    (d / "corpus.jsonl").write_text("\n".join([
        json.dumps({"id": "j1", "text": GOOD, "published": "2024-11-26"}),
        '{"id": "j2", "text": "broken',
        json.dumps({"id": "j3", "text": "Russia and Belarus held joint military exercises near Poland.",
                    "published": "2024-11-26"}),
    ]) + "\n", encoding="utf-8")
    return d


def test_cli_bad_inputs_are_reported_and_the_rest_processed(mixed_inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    r = legation("extract", str(mixed_inputs), "--published", "2024-11-26", "-o", str(out))
    assert r.returncode == 1
    err = r.stderr
    for name, why in [("empty.txt", "empty"), ("binary.txt", "binary"), ("latin1.txt", "UTF-8"),
                      ("korean.txt", "not English"), ("corpus.jsonl:2", "malformed JSON")]:
        line = next((ln for ln in err.splitlines() if name in ln), None)
        assert line is not None and why in line, (name, err)
    events = [json.loads(ln) for ln in out.read_text().splitlines()]
    docs = {e["doc_id"] for e in events}
    assert {str(mixed_inputs / "good.txt"), "j1", "j3"} <= docs
    assert "4 document(s)" in err and "4 skipped" in err  # latin1.txt is read, its bad bytes replaced


def test_cli_record_offsets_point_into_the_text(mixed_inputs: Path) -> None:
    r = legation("extract", str(mixed_inputs / "good.txt"), "--published", "2024-11-26")
    assert r.returncode == 0, r.stderr
    [e] = [json.loads(ln) for ln in r.stdout.splitlines()]
    for ent in e["actor"] + e["recipient"]:
        assert GOOD[ent["start"]:ent["end"]] == ent["entity_text"]
    for ev in e["evidence"]:
        assert 0 <= ev["start"] < ev["end"] <= len(GOOD)
    ti = e["text_info"]
    assert GOOD[ti["start"]:ti["end"]] == e["text"]
    assert set(e) >= {"id", "doc_id", "date", "date_info", "actor", "recipient", "event", "mode", "context",
                      "cameo", "quad_code", "event_scale", "event_text", "status", "factuality",
                      "attribution", "communication", "event_loc", "text", "text_info", "evidence",
                      "confidence"}


def test_cli_stdin_and_formats() -> None:
    r = legation("extract", "-", "--published", "2024-11-26", "--format", "json", stdin=GOOD.encode())
    assert r.returncode == 0, r.stderr
    events = json.loads(r.stdout)
    assert isinstance(events, list) and events and events[0]["event"] == ["ACCUSE"]
    r = legation("extract", "-", "--published", "2024-11-26", "--format", "table", stdin=GOOD.encode())
    assert r.returncode == 0 and "ACCUSE" in r.stdout and "Kyodo" in r.stdout


def test_cli_bad_date_is_a_usage_error() -> None:
    r = legation("extract", "-", "--published", "12/06/2025", stdin=GOOD.encode())
    assert r.returncode == 2 and "not a date" in r.stderr


def test_cli_unknown_model_is_a_clear_error() -> None:
    r = legation("extract", "-", "--model", "en_core_web_nonexistent", stdin=GOOD.encode())
    assert r.returncode == 2 and "not installed" in r.stderr and "Traceback" not in r.stderr


def test_cli_example_from_readme_runs() -> None:
    r = legation("extract", "examples/article.txt", "--published", "2025-03-05", "--format", "table")
    assert r.returncode == 0, r.stderr
    assert "condolence" in r.stdout and "SUPPORT" in r.stdout


def test_cli_untargeted_statements_only_on_request() -> None:
    text = b"Kenya's foreign minister vowed to enforce the law."
    r = legation("extract", "-", "--published", "2024-11-26", "--format", "json", stdin=text)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == []
    r = legation("extract", "-", "--published", "2024-11-26", "--format", "json", "--include-untargeted",
                 stdin=text)
    assert r.returncode == 0, r.stderr
    assert [e["event"] for e in json.loads(r.stdout)] == [["AGREE"]]
