from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bilateral.errors import StoreError
from bilateral.store.db import connect, migrations, transaction
from bilateral.store.documents import Saved, load_article, save_article
from tests.conftest import make_article

TEXT = " ".join(f"The border agreement paragraph {i} describes migration cooperation in detail." for i in range(12))


def test_new_store_is_migrated_to_latest_version_in_wal_mode(db: sqlite3.Connection) -> None:
    assert db.execute("PRAGMA user_version").fetchone()[0] == migrations()[-1][0]
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_reopening_a_store_keeps_documents(tmp_path: Path) -> None:
    first = connect(tmp_path / "s.db")
    save_article(first, make_article(TEXT, id="a"))
    first.close()
    again = connect(tmp_path / "s.db")
    stored = load_article(again, "a")
    assert stored is not None and (stored.id, stored.text) == ("a", TEXT)


def test_store_from_a_newer_bilateral_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    connect(path).execute("PRAGMA user_version = 999")
    with pytest.raises(StoreError, match="newer"):
        connect(path)


def test_a_crash_inside_a_transaction_leaves_nothing_half_written(db: sqlite3.Connection) -> None:
    with pytest.raises(RuntimeError), transaction(db):
        db.execute(
            "INSERT INTO documents (id, source, raw_hash, text_hash, text, words, ingested_at) "
            "VALUES ('x', 's', 'h', 't', 'text', 1, 'now')"
        )
        raise RuntimeError("power cut")
    assert db.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 0


def test_saving_the_same_article_twice_is_a_no_op(db: sqlite3.Connection) -> None:
    assert save_article(db, make_article(TEXT, id="a")) is Saved.ADDED
    assert save_article(db, make_article(TEXT, id="a")) is Saved.UNCHANGED
    assert db.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 1


def test_same_id_with_new_content_replaces_the_old_version(db: sqlite3.Connection) -> None:
    save_article(db, make_article(TEXT, id="a"))
    assert save_article(db, make_article(TEXT + " A correction was added.", id="a")) is Saved.UPDATED
    stored = load_article(db, "a")
    assert stored is not None and stored.text.endswith("correction was added.")
    assert db.execute("SELECT COUNT(*) FROM documents_fts WHERE documents_fts MATCH 'correction'").fetchone()[0] == 1


def test_metadata_round_trips(db: sqlite3.Connection) -> None:
    article = make_article(
        TEXT, id="m", title="Title", authors=["Ana Pérez"], published="2021-04-24", outlet="Example", language="en"
    )
    save_article(db, article)
    stored = load_article(db, "m")
    assert stored is not None
    assert (stored.title, stored.authors, stored.published, stored.outlet) == (
        "Title",
        ["Ana Pérez"],
        "2021-04-24",
        "Example",
    )
