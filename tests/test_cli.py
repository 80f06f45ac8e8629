"""Every command as a user touches it: help, exit codes, one-line errors, and a small real run."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bilateral.cli.main import app

runner = CliRunner()
COMMANDS = ["ingest", "analyze", "run", "export", "search", "stats", "report", "serve", "check", "backup", "prune"]
ARTICLE = (
    "Mexico and the United States agreed on Friday to expand cooperation on migration at the border. "
    "Officials said the deal followed weeks of talks about tariffs, asylum seekers and the deployment of troops. "
) * 4


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_version_from_the_installed_entry_point() -> None:
    done = subprocess.run([sys.executable, "-m", "bilateral.cli", "--version"], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.startswith("bilateral ")


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str) -> None:
    code, output = invoke(command, "--help")
    assert code == 0 and "Usage" in output


def test_report_writes_a_briefing_and_needs_a_store(tmp_path: Path) -> None:
    code, output = invoke("--db", str(tmp_path / "none.db"), "report", "-o", str(tmp_path / "b.html"))
    assert code == 1 and output.startswith("error: no database")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "one.txt").write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "b.db")
    assert invoke("--db", db, "--quiet", "ingest", str(corpus))[0] == 0
    code, output = invoke("--db", db, "report", "-o", str(tmp_path / "b.html"))
    assert code == 0 and "wrote" in output
    assert "<html" in (tmp_path / "b.html").read_text(encoding="utf-8").lower()


def test_missing_database_is_a_one_line_error_with_advice(tmp_path: Path) -> None:
    code, output = invoke("--db", str(tmp_path / "none.db"), "stats")
    assert code == 1
    assert output.strip().count("\n") == 0 and output.startswith("error: ") and " — " in output


def test_ingest_stats_search_export_round_trip(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "one.txt").write_text(ARTICLE, encoding="utf-8")
    with gzip.open(corpus / "two.html.gz", "wt", encoding="utf-8") as handle:
        body = f"<p>{ARTICLE.replace('Friday', 'Monday')}</p><p>{ARTICLE[:300]}</p>"
        handle.write(f"<html><head><title>Border deal</title></head><body><article>{body}</article></body></html>")
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    db = str(tmp_path / "b.db")

    code, output = invoke("--db", db, "--quiet", "ingest", str(corpus))
    assert code == 0, output
    assert "skipped" in output and "empty.txt" in output and "binary.txt" in output

    code, again = invoke("--db", db, "--quiet", "ingest", str(corpus))
    assert code == 0 and "unchanged" in again

    code, output = invoke("--db", db, "stats", "--json")
    numbers = json.loads(output)
    assert numbers["documents"] == 2 and numbers["skipped"] >= 2

    code, output = invoke("--db", db, "search", "tariffs", "--json")
    assert code == 0 and len(json.loads(output)) >= 1

    code, output = invoke("--db", db, "search", "--syntax", '"unbalanced')
    assert code == 1 and output.startswith("error: cannot understand the search query")

    code, _ = invoke("--db", db, "export", "--format", "json", "-o", str(tmp_path / "map.json"))
    data = json.loads((tmp_path / "map.json").read_text())
    assert code == 0 and data["schema"] == "bilateral/map@1" and len(data["documents"]) == 2
