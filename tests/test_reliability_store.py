"""`bilateral check` finds what is wrong with a store, and `bilateral backup` copies it consistently while in use."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bilateral.cli.main import app
from bilateral.model import Analysis, Event, Mention
from bilateral.store.analysis import save_analysis
from bilateral.store.db import connect, transaction
from bilateral.store.documents import save_article
from tests.conftest import make_article

TEXT = "Ghana and Togo reopened their shared border crossing on Friday after talks in Accra. Traders welcomed it."
runner = CliRunner()


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "store.db"
    db = connect(path)
    save_article(db, make_article(TEXT, id="d1", language="en"))
    end = TEXT.index(".") + 1
    analysis = Analysis(
        "d1",
        sentences=[(0, end), (end + 1, len(TEXT))],
        mentions=[Mention("GHA", "Ghana", 0, 5)],
        events=[Event("COOPERATE", ["GHA"], ["TGO"], TEXT[:end], 0, end)],
    )
    save_analysis(db, analysis, knowledge="k")
    with transaction(db):
        db.execute("UPDATE store_state SET corpus_stale = 0")  # as after a corpus pass
    db.close()
    return path


def _check(path: Path) -> tuple[int, str]:
    result = runner.invoke(app, ["--db", str(path), "check"])
    return result.exit_code, result.output


def test_a_whole_store_passes_every_check(store: Path) -> None:
    code, output = _check(store)
    assert code == 0, output
    for name in ("integrity", "foreign keys", "offsets", "corpus pass", "search index"):
        assert f"ok   {name}" in output


def test_evidence_that_is_not_its_text_span_fails_the_offset_check(store: Path) -> None:
    db = sqlite3.connect(store)
    db.execute("UPDATE events SET start = start + 3")
    db.execute("INSERT INTO mentions (document, actor, text, start, \"end\") VALUES ('d1', 'TGO', 'Togo', 500, 504)")
    db.commit()
    db.close()
    code, output = _check(store)
    assert code == 1 and "FAIL offsets" in output and "events: text[3:" in output and "mentions: [500, 504)" in output


def test_a_search_index_out_of_step_with_the_documents_fails(store: Path) -> None:
    db = sqlite3.connect(store)
    db.execute("DROP TRIGGER documents_au")
    db.execute("UPDATE documents SET text = 'Entirely different words now stand here.'")
    db.commit()
    db.close()
    code, output = _check(store)
    assert code == 1 and "FAIL search index" in output


def test_an_analysis_newer_than_the_corpus_pass_fails_the_freshness_check(store: Path) -> None:
    db = connect(store)
    save_analysis(db, Analysis("d1"), knowledge="k")
    db.close()
    code, output = _check(store)
    assert code == 1 and "FAIL corpus pass" in output and "bilateral analyze" in output


def test_no_store_is_one_error_line(tmp_path: Path) -> None:
    code, output = _check(tmp_path / "none.db")
    assert code == 1 and output.startswith("error: no database at")


def test_backup_while_a_writer_holds_a_transaction_copies_the_committed_state(store: Path, tmp_path: Path) -> None:
    writer = connect(store)
    writer.execute("BEGIN IMMEDIATE")
    save_article_text = "Uncommitted: Benin and Niger talked about a pipeline across their border this week."
    writer.execute(
        "INSERT INTO documents (id, source, raw_hash, text_hash, text, words, ingested_at) "
        "VALUES ('d2', 's', 'r', 't', ?, 12, 'now')",
        (save_article_text,),
    )
    target = tmp_path / "copy" / "backup.db"
    result = runner.invoke(app, ["--db", str(store), "backup", str(target)])
    writer.execute("ROLLBACK")
    writer.close()
    assert result.exit_code == 0, result.output
    copy = sqlite3.connect(target)
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert [row[0] for row in copy.execute("SELECT id FROM documents")] == ["d1"]
    assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    copy.close()
    assert _check(target)[0] == 0


def test_backup_refuses_to_overwrite_the_store_itself(store: Path) -> None:
    result = runner.invoke(app, ["--db", str(store), "backup", str(store)])
    assert result.exit_code == 1 and "overwrite the store itself" in result.output
