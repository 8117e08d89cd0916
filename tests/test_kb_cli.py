"""``legation kb``: lookup, stats and import, run as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from .conftest import REPO, assert_cli_documented

DATA = Path(__file__).parent / "data"


def legation(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("legation")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "legation.cli"]
    return subprocess.run([*cmd, *args], check=False, capture_output=True, text=True, cwd=REPO, timeout=300,
                          env={**os.environ, "COLUMNS": "200", **(env or {})})


def test_kb_cli_lookup_gives_the_office_on_the_date() -> None:
    r = legation("kb", "lookup", "Kim Jong Un", "--date", "2025-06-11")
    assert r.returncode == 0, r.stderr
    first = r.stdout.splitlines()[0]
    assert "Kim Jong Un [PRK GOV]" in first and "President of the State Affairs Commission" in first
    assert "src/legation/data/kb/persons/asia.yaml:" in r.stdout and "Q56226" in r.stdout
    r = legation("kb", "lookup", "Trump", "--date", "2023-01-01")
    assert "Donald Trump [USA ELI] - former President of the United States on 2023-01-01" in r.stdout


def test_kb_cli_lookup_json_and_no_match() -> None:
    r = legation("kb", "lookup", "Pyongyang", "--json")
    out = json.loads(r.stdout)
    assert r.returncode == 0 and out["candidates"][0]["name"] == "North Korea"
    assert out["candidates"][0]["form"] == "capital"
    r = legation("kb", "lookup", "Qzxwv Plmokn")
    assert r.returncode == 1 and "no entry matches" in r.stderr


def test_kb_cli_stats() -> None:
    r = legation("kb", "stats", "--json")
    s = json.loads(r.stdout)
    assert r.returncode == 0 and s["states"] == 193 and s["places"] >= 300 and s["replaced"] == []


def test_kb_cli_import_correction_wins_in_lookup_and_extraction(tmp_path: Path) -> None:
    fix = tmp_path / "fix.csv"
    fix.write_text("name,country,sector,office,post,start,end\n"
                   "Donald Trump,USA,GOV,Test Envoy,envoy,2021-01-21,2025-01-19\n", encoding="utf-8")
    user = tmp_path / "user-kb"
    r = legation("kb", "import", str(fix), env={"LEGATION_KB_DIR": str(user)})
    assert r.returncode == 0, r.stderr
    assert (user / "persons" / "fix.yaml").is_file() and "1 bundled entry replaced" in r.stdout
    # the user's directory is merged automatically: lookup and extract see the correction
    r = legation("kb", "lookup", "Trump", "--date", "2023-01-01", "--json", env={"LEGATION_KB_DIR": str(user)})
    c = json.loads(r.stdout)["candidates"][0]
    assert (c["name"], c["sector"], c["office"]) == ("Donald Trump", "GOV", "Test Envoy")
    article = tmp_path / "a.txt"
    article.write_text("Donald Trump criticised China on Monday.", encoding="utf-8")
    r = legation("extract", str(article), "--published", "2023-01-03", env={"LEGATION_KB_DIR": str(user)})
    [event] = [json.loads(line) for line in r.stdout.splitlines()]
    assert (event["actor"][0]["sector"], event["actor"][0]["office"]) == ("GOV", "Test Envoy")
    r = legation("extract", str(article), "--published", "2023-01-03")
    [event] = [json.loads(line) for line in r.stdout.splitlines()]
    assert event["actor"][0]["sector"] == "ELI"


def test_kb_cli_import_reports_malformed_lines_and_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.actors"
    bad.write_text("KIM_JONG_UN_ [PRKGOV >111217]\nBROKEN [PRKGOV 1112]\n", encoding="utf-8")
    r = legation("kb", "import", str(bad), "--into", str(tmp_path / "kb"))
    assert r.returncode == 2
    assert f"{bad}:2:" in r.stderr
    assert not (tmp_path / "kb").exists()


def test_kb_cli_import_actors_sample_into_a_directory(tmp_path: Path) -> None:
    r = legation("kb", "import", str(DATA / "sample.actors"), "--into", str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert ("1 country given more names, 6 person(s) with 11 role(s), 1 institution(s), 1 organization(s);"
            " 1 skipped") in r.stdout
    assert "skipped" in r.stderr and "sample.actors:24" in r.stderr
    r = legation("kb", "stats", "--json", "--kb", str(tmp_path))
    replaced = {x["entry"] for x in json.loads(r.stdout)["replaced"]}
    assert {"Kim Jong Un", "Donald Trump", "Hamas", "Korean Central News Agency", "North Korea"} <= replaced


def test_kb_cli_every_command_and_option_is_documented() -> None:
    from legation.cli.kb import kb

    assert_cli_documented(kb, "## Knowledge base")
