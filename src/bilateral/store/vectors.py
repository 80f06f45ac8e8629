"""Sentence vectors kept in the store, so a corpus pass encodes each sentence once over the store's life.

A vector is keyed by the SHA-256 of its sentence's UTF-8 text and the id of the model that made it
(`embeddings.model_id`); it is stored as the model gave it (float32, little-endian), so a vector read back is the
same bytes as one encoded now and the corpus pass gives the same exports either way. Writing vectors does not
change the store's version: they are a cache, not an analysis.
"""

from __future__ import annotations

import hashlib
import sqlite3
import time
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from bilateral.compare.embeddings import DIMENSIONS, Vectors
from bilateral.store.db import transaction

CHUNK = 500  # keys per SELECT: below SQLite's limit on bound parameters


def sentence_key(sentence: str) -> bytes:
    """The 32-byte SHA-256 of the sentence's UTF-8 text."""
    return hashlib.sha256(sentence.encode("utf-8")).digest()


def load_vectors(db: sqlite3.Connection, sentences: Collection[str], *, model: str) -> dict[str, Vectors]:
    """Each of `sentences` that has a stored vector under `model` → that vector ((384,) float32, read-only)."""
    by_key = {sentence_key(sentence): sentence for sentence in sentences}
    keys = sorted(by_key)
    found: dict[str, Vectors] = {}
    for first in range(0, len(keys), CHUNK):
        chunk = keys[first : first + CHUNK]
        marks = ",".join("?" * len(chunk))
        for key, blob in db.execute(
            f"SELECT sentence, vector FROM sentence_vectors WHERE model = ? AND sentence IN ({marks})",
            (model, *chunk),
        ):
            found[by_key[bytes(key)]] = np.frombuffer(blob, dtype="<f4", count=DIMENSIONS)
    return found


def save_vectors(db: sqlite3.Connection, vectors: Mapping[str, Vectors], *, model: str) -> None:
    """Store each sentence's vector under `model`, in one transaction; a sentence already stored is kept."""
    if not vectors:
        return
    rows = [
        (model, sentence_key(sentence), np.asarray(vector, dtype="<f4").tobytes())
        for sentence, vector in sorted(vectors.items())
    ]
    with transaction(db):
        db.executemany("INSERT OR IGNORE INTO sentence_vectors (model, sentence, vector) VALUES (?, ?, ?)", rows)


def stored_vectors(db: sqlite3.Connection, *, model: str | None = None) -> int:
    """How many vectors the store holds (under `model`, or all)."""
    if model is None:
        return int(db.execute("SELECT COUNT(*) FROM sentence_vectors").fetchone()[0])
    return int(db.execute("SELECT COUNT(*) FROM sentence_vectors WHERE model = ?", (model,)).fetchone()[0])


def prune_vectors(db: sqlite3.Connection) -> int:
    """Delete the vectors (under every model) whose sentence is no stored event's or figure's evidence any more:
    those of documents deleted or replaced by a changed version, or of evidence a new analysis no longer gives.
    Returns how many were deleted. Like writing them, this leaves the store's version (and the corpus pass) as is."""
    with transaction(db):
        db.execute("CREATE TEMP TABLE IF NOT EXISTS live_sentences (sentence BLOB PRIMARY KEY) WITHOUT ROWID")
        db.execute("DELETE FROM live_sentences")
        for table in ("events", "figures"):
            evidence = db.execute(f"SELECT DISTINCT evidence FROM {table}")
            db.executemany(
                "INSERT OR IGNORE INTO live_sentences VALUES (?)", ((sentence_key(row[0]),) for row in evidence)
            )
        deleted = db.execute(
            "DELETE FROM sentence_vectors WHERE sentence NOT IN (SELECT sentence FROM live_sentences)"
        ).rowcount
        db.execute("DROP TABLE live_sentences")
    return int(deleted)


@dataclass
class VectorSource:
    """Vectors for the corpus pass: read from the store, else encoded by `encode` (an engine's workers, or the
    model in this process) and stored; counts both. `model` is `embeddings.model_id()`."""

    db: sqlite3.Connection
    model: str
    encode: Callable[[Sequence[str]], Vectors]
    reused: int = 0  # vectors read from the store
    encoded: int = 0  # sentences encoded (and stored)
    seconds: float = 0.0  # wall seconds in `encode`

    def vectors(self, sentences: Collection[str]) -> dict[str, Vectors]:
        """Each sentence → its vector; the ones the store lacks are encoded in one call and stored."""
        found = load_vectors(self.db, sentences, model=self.model)
        # shortest first: each task of the engine then holds sentences of about one length, which encode together
        missing = sorted(set(sentences) - found.keys(), key=lambda sentence: (len(sentence), sentence))
        self.reused += len(found)
        if missing:
            started = time.perf_counter()
            made = dict(zip(missing, self.encode(missing), strict=True))
            self.seconds += time.perf_counter() - started
            self.keep(made)
            found |= made
        return found

    def keep(self, vectors: Mapping[str, Vectors]) -> None:
        """Store vectors encoded elsewhere (counted as encoded)."""
        save_vectors(self.db, vectors, model=self.model)
        self.encoded += len(vectors)
