"""Engines: the same exports byte for byte whether the analysis runs inline, in local workers or on Dask."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bilateral.cli.main import app
from bilateral.engines import EngineError, EngineSpec, Result, in_order, open_engine
from bilateral.model import Article
from bilateral.pipeline import analyze, ingest
from bilateral.store.db import connect
from tests.conftest import EXAMPLES, make_article


def exports(folder: Path, spec: EngineSpec) -> dict[str, bytes]:
    """Ingest the example corpus into a new store, analyse it with `spec` in batches of 2, and export it."""
    from bilateral.export import write_export

    db = connect(folder / "store.db")
    try:
        ingest(db, [str(EXAMPLES)])
        report = analyze(db, engine=spec, batch_size=2)
        assert report.analysed > 4 and not report.failed
        assert report.engine == ("inline" if spec.workers == 1 else spec.name)
        assert report.vectors_encoded > 0  # the corpus pass's sentences, encoded by the same engine's workers
        paths = [
            *write_export(db, "json", folder / "map.json"),
            *write_export(db, "plover", folder / "events.plover.jsonl"),
            *write_export(db, "csv", folder / "csv"),
        ]
    finally:
        db.close()
    return {str(path.relative_to(folder)): path.read_bytes() for path in paths}


@pytest.fixture(scope="module")
def one_process(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    return exports(tmp_path_factory.mktemp("inline"), EngineSpec(workers=1))


@pytest.mark.model
def test_local_workers_export_the_same_bytes_as_one_process(one_process: dict[str, bytes], tmp_path: Path) -> None:
    assert exports(tmp_path, EngineSpec("local", workers=2)) == one_process


@pytest.mark.model
@pytest.mark.dask
def test_a_dask_local_cluster_exports_the_same_bytes_as_one_process(
    one_process: dict[str, bytes], tmp_path: Path
) -> None:
    pytest.importorskip("distributed", reason="the dask extra is not installed (pip install -e '.[dask]')")
    assert exports(tmp_path, EngineSpec("dask", workers=2)) == one_process


def test_in_order_yields_results_in_submission_order_with_a_bounded_window() -> None:
    started: list[str] = []
    waited: list[str] = []

    def submit(batch: list[Article]) -> Callable[[], list[Result]]:
        started.append(batch[0].id)
        assert len(started) - len(waited) <= 3  # never more than the window in flight

        def wait() -> list[Result]:
            waited.append(batch[0].id)
            return []

        return wait

    batches = ([make_article(f"text {i}", id=f"d{i}")] for i in range(10))
    out = [batch[0].id for batch, _ in in_order(submit, batches, window=3)]
    assert out == waited == started == [f"d{i}" for i in range(10)]


def test_one_batch_of_work_runs_inline_without_starting_workers() -> None:
    from bilateral.stages import load_knowledge

    engine = open_engine(EngineSpec("local", workers=4), load_knowledge(), (), batches=1)
    assert (engine.name, engine.workers) == ("inline", 1)
    engine.close()


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        (dict(name="spark"), "unknown engine"),
        (dict(workers=0), "at least 1"),
        (dict(scheduler="tcp://127.0.0.1:8786"), "needs --engine dask"),
    ],
)
def test_bad_engine_options_say_what_to_do(spec: dict[str, object], message: str) -> None:
    with pytest.raises(EngineError, match=message):
        EngineSpec(**spec)  # type: ignore[arg-type]


def test_without_dask_the_error_gives_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    from bilateral.engines.dask_cluster import DaskEngine

    monkeypatch.setitem(sys.modules, "distributed", None)  # what an environment without the extra has
    with pytest.raises(EngineError) as caught:
        DaskEngine((), "fingerprint")
    assert "pip install -e '.[dask]'" in caught.value.hint


def test_cli_refuses_an_unknown_engine(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["--db", str(tmp_path / "x.db"), "analyze", "--engine", "spark"])
    assert result.exit_code == 1
    assert "unknown engine 'spark'" in result.output


@pytest.mark.model
def test_a_dyad_leaves_other_documents_unanalysed_until_a_run_with_their_dyad(tmp_path: Path) -> None:
    from bilateral.store.documents import save_article

    db = connect(tmp_path / "store.db")
    texts = {
        "pair": "Officials in Ottawa said talks with Canberra on critical minerals would resume in May.",
        "other": "Officials in Lima said talks with Santiago on fishing quotas would resume in May.",
        "none": "The city council said the new library would open in May.",
    }
    for id, text in texts.items():
        save_article(db, make_article(text, id=id))
    first = analyze(db, dyad="CAN-AUS")
    assert (first.analysed, sorted(first.screened_out)) == (1, ["none", "other"])
    second = analyze(db, dyad="PER-CHL")
    assert (second.analysed, second.screened_out) == (1, ["none"])
    third = analyze(db, prefilter=True)
    assert (third.analysed, third.screened_out) == (0, ["none"])
    db.close()


def test_cli_refuses_a_dyad_of_unknown_countries(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["--db", str(tmp_path / "x.db"), "analyze", "--dyad", "USA-QQQ"])
    assert result.exit_code == 1
    assert "QQQ is not a country code" in result.output


def test_batches_shrink_near_the_end_so_workers_finish_together() -> None:
    from bilateral.pipeline import TAIL, _batches

    sizes = [len(batch) for batch in _batches(range(85), 8, total=85)]
    assert sum(sizes) == 85 and sizes[:8] == [8] * 8 and sizes[-1] == 1
    left = 85
    for size in sizes:  # never more than a TAIL-th of what is left
        assert size <= max(1, -(-left // TAIL))
        left -= size
    # fewer items than announced (some screened out): the same shrinking, nothing lost
    assert sum(len(batch) for batch in _batches(range(70), 8, total=85)) == 70
    assert [len(batch) for batch in _batches(range(20), 8)] == [8, 8, 4]  # without a total: plain batches


def test_a_run_of_one_batch_or_less_is_shared_out_only_when_workers_are_asked_for() -> None:
    from bilateral.pipeline import _batches, engine_batches

    shrinking = len(list(_batches(range(20), 32, total=20)))
    assert shrinking > 2  # 20 documents are cut into several small batches
    assert engine_batches(EngineSpec("local"), 20, 32) == 1  # no --workers: one batch's worth stays inline
    assert engine_batches(EngineSpec("local", workers=2), 20, 32) == shrinking
    assert engine_batches(EngineSpec("dask", workers=3), 20, 32) == shrinking
    assert engine_batches(EngineSpec("local"), 200, 32) == len(list(_batches(range(200), 32, total=200)))
    assert engine_batches(EngineSpec("local"), 0, 32) == engine_batches(EngineSpec("local", workers=2), 0, 32) == 0


# Three short reports written for this test (invented officials, real countries).
FEW = {
    "f1": "Norway's fisheries minister, Ingrid Solvang, met Iceland's trade envoy in Oslo on Tuesday to discuss "
    "mackerel quotas for 2023.",
    "f2": "Iceland said on Thursday it would raise its mackerel quota by 12 percent, a step Norway called unhelpful.",
    "f3": "Talks between Norway and Iceland on the quota dispute will resume in Reykjavik next month, Solvang said.",
}


@pytest.mark.model
def test_a_few_documents_go_to_the_workers_asked_for_and_export_the_same_bytes(tmp_path: Path) -> None:
    from bilateral.export import write_export

    source = tmp_path / "few.jsonl"
    source.write_text(
        "".join(json.dumps({"id": id, "text": text, "published": "2023-02-14"}) + "\n" for id, text in FEW.items()),
        encoding="utf-8",
    )
    exported = []
    for name, spec in (("inline", EngineSpec(workers=1)), ("local", EngineSpec("local", workers=2))):
        db = connect(tmp_path / f"{name}.db")
        ingest(db, [str(source)])
        report = analyze(db, engine=spec)  # 3 documents, under one batch of 32
        assert (report.analysed, report.engine, report.workers) == (3, name, 1 if name == "inline" else 2)
        exported.append(write_export(db, "json", tmp_path / f"{name}.json")[0].read_bytes())
        db.close()
    assert exported[0] == exported[1]
