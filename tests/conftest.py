"""Shared fixtures: a fresh store per test, article factories, and where the shared evaluation data lives."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from bilateral.model import Article
from bilateral.store.db import connect

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
SEEDS = ROOT.parent / "shared" / "seeds"
EXAMPLES = ROOT / "examples" / "us-mexico"


@pytest.fixture
def db(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    connection = connect(tmp_path / "test.db")
    yield connection
    connection.close()


def make_article(text: str, *, id: str | None = None, **fields: object) -> Article:
    raw_hash = hashlib.sha256(text.encode()).hexdigest()
    return Article(id=id or raw_hash[:16], source=f"{id or 'doc'}.txt", raw_hash=raw_hash, text=text, **fields)  # type: ignore[arg-type]


def eval_path(*parts: str) -> Path:
    path = EVAL.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"evaluation data {path} is absent (it lives in ../shared/eval beside the project)")
    return path
