"""Scale: engines against one process and spaCy's own pipeline, re-runs, the prefilter, and streamed shards.

All ratios are measured in one run on the same machine; on a shared machine the absolute figures move, the
ratios less. The analysed corpus is the SemEval hyperpartisan training articles whose id's sha1 ends in 0 to 7
(a fixed half, chosen by hash; the set is read, never tuned on): about 320 articles, so that the engines' start-up
(spawning workers, each loading the models) weighs on the ratios as it would on a user's corpus of a few hundred
articles, not as on a few dozen. Engine wall times include starting the
workers and the corpus pass (stories, comparisons), which runs in the parent but for the sentences it compares:
those go to the engine's workers to be encoded (in one process for the one-process run).

The prefilter is measured on a mixed corpus: all 645 hyperpartisan articles, the seeds, the dyad articles and
the examples. The seeds, dyads and examples are about a relationship by construction: none may be dropped.
Streamed shards: generated JSONL.gz shards of 10k and 100k short documents, read and screened in a fresh process
each; peak memory must not grow with the corpus.

A one-entry knowledge edit: a user pack redefines one hand-kept actor (one added alias); the re-run on the analysed
store is timed against a full run with the edited knowledge, and their exports compared byte for byte. Documents
arriving (`grow`, also run inside `engines`): the subset without its last 4 articles analysed, then those 4 added;
the second run's corpus pass (the tables, then stories and comparisons) is timed against the one-process run's
first one, and against a full pass over a copy of the same store (every document's tables rewritten from its
stored result), and the exports compared. Last, 10k
generated briefs are ingested and analysed by the local engine with 2 workers in a fresh process (the writer's peak
RSS, CPU seconds, the corpus pass on its own). Peak memory is each process's own high-water mark (VmHWM, see
`_peak_rss`); a worker's is read from the worker itself after the engine analysed the subset.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import multiprocessing
import random
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from benchmarks.common import EVAL, ROOT, SEEDS, need
from benchmarks.corpus import sentence

TUNED = "speed, n/a; prefilter: untouched (relevance rule set from the packs, not from these articles)"
HYPERPARTISAN = EVAL / "hyperpartisan" / "train.jsonl"
DYADS = {"us_china": "USA-CHN", "japan_korea": "JPN-KOR", "us_mexico_es": "USA-MEX"}
EXAMPLES = ROOT / "examples" / "us-mexico"
BATCH = 8  # small batches so the subset spreads over the workers
SUBSET = "01234567"  # last hex digits of the sha1 of the articles' ids that are analysed: a fixed half
ARRIVING = 4  # documents added to the analysed subset for the incremental corpus pass


def _analysed_subset(folder: Path, *, leave_out: int = 0) -> Path:
    """The fixed half of the hyperpartisan articles, as a JSONL file (without its last `leave_out` lines)."""
    path = folder / "subset.jsonl"
    with HYPERPARTISAN.open(encoding="utf-8") as source:
        lines = [line for line in source if hashlib.sha1(json.loads(line)["id"].encode()).hexdigest()[-1] in SUBSET]
    path.write_text("".join(lines[: len(lines) - leave_out]), encoding="utf-8")
    return path


def _cpu() -> float:
    """CPU seconds used so far by this process and its finished (joined) children: workers, nannies."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _run(
    base: Path, folder: Path, name: str, spec: Any, knowledge: list[Path] | None = None
) -> tuple[float, float, Any, bytes]:
    """Analyse a copy of the base store with `spec` (and the user's `knowledge` folders): (wall s, CPU s, report,
    the JSON export's bytes).

    The model is loaded inside the timed run for every engine: once here for one process, once per worker.
    """
    from bilateral.annotate.nlp import _load_nlp
    from bilateral.export import write_export
    from bilateral.pipeline import analyze
    from bilateral.store.db import connect

    if base != folder / f"{name}.db":
        shutil.copy(base, folder / f"{name}.db")
    db = connect(folder / f"{name}.db")
    _load_nlp.cache_clear()  # the model is loaded inside the timed run
    started, cpu = time.perf_counter(), _cpu()
    report = analyze(db, engine=spec, batch_size=BATCH, knowledge_dirs=knowledge or [])
    seconds, cpu = time.perf_counter() - started, _cpu() - cpu
    write_export(db, "json", folder / f"{name}.json")
    db.close()
    return seconds, cpu, report, (folder / f"{name}.json").read_bytes()


def engines(folder: Path) -> dict[str, Any]:
    from bilateral.annotate.nlp import load_nlp
    from bilateral.engines import EngineSpec
    from bilateral.pipeline import analyze, ingest
    from bilateral.store.db import connect

    base = folder / "base.db"
    db = connect(base)
    ingest(db, [str(_analysed_subset(folder))])
    texts = [row[0] for row in db.execute("SELECT text FROM documents WHERE duplicate_of IS NULL ORDER BY rowid")]
    db.close()
    words = sum(len(text.split()) for text in texts)
    nlp = load_nlp()
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    spacy_rate = words / (time.perf_counter() - started)

    one, one_cpu, report, one_json = _run(base, folder, "one", EngineSpec("local", workers=1))
    local, local_cpu, local_report, local_json = _run(base, folder, "local", EngineSpec("local", workers=2))
    worker_rss = local_worker_rss(base)
    metrics: dict[str, Any] = {
        "analysed: documents": report.analysed,
        "analysed: words": report.words,
        "spaCy full pipeline: words/s per core": round(spacy_rate),
        "one process: words/s per core": round(report.words / one),
        "one process: words per CPU second": round(report.words / one_cpu),
        "one process ÷ spaCy full pipeline": round(report.words / one / spacy_rate, 2),
        "local, 2 workers: words/s": round(local_report.words / local),
        "local 2 workers ÷ one process (wall)": round(one / local, 2),
        # the per-document stages are what the workers share; of the corpus pass only the sentence encoding
        "corpus pass: share of the one-process wall time": round(report.corpus_seconds / one, 2),
        "local 2 workers ÷ one process, per-document stages (wall, corpus pass excluded)": round(
            (one - report.corpus_seconds) / (local - local_report.corpus_seconds), 2
        ),
        "local 2 workers: CPU seconds ÷ one process": round(local_cpu / one_cpu, 2),
        "local: peak RSS per worker MB": round(worker_rss),
        "corpus pass, one process: seconds": round(report.corpus_seconds, 2),
        "corpus pass, local 2 workers: seconds": round(local_report.corpus_seconds, 2),
        "corpus pass: sentences encoded (from scratch)": report.vectors_encoded,
        **_where_the_time_went("one process", report),
        **_where_the_time_went("local 2 workers", local_report),
    }
    db = connect(folder / "one.db")
    started = time.perf_counter()
    again = analyze(db, batch_size=BATCH)
    rerun = time.perf_counter() - started
    db.close()
    assert again.analysed == 0, "a re-run on an unchanged corpus analysed documents again"
    metrics["re-run, unchanged corpus: seconds"] = round(rerun, 2)
    metrics["re-run speed-up ×"] = round(one / rerun, 1)
    identical = one_json == local_json
    try:
        import distributed  # noqa: F401
    except ImportError:
        metrics["dask"] = "not installed (pip install -e '.[dask]')"
    else:
        dask1, _, dask1_report, dask1_json = _run(base, folder, "dask1", EngineSpec("dask", workers=1))
        dask2, _, dask2_report, dask2_json = _run(base, folder, "dask2", EngineSpec("dask", workers=2))
        metrics["dask, 1 worker: words/s"] = round(report.words / dask1)
        metrics["dask, 2 workers: words/s"] = round(report.words / dask2)
        metrics["dask 2 workers ÷ 1 worker (wall)"] = round(dask1 / dask2, 2)
        metrics["dask 2 workers ÷ 1 worker, per-document stages (wall, corpus pass excluded)"] = round(
            (dask1 - dask1_report.corpus_seconds) / (dask2 - dask2_report.corpus_seconds), 2
        )
        identical = identical and one_json == dask1_json == dask2_json
        metrics |= _where_the_time_went("dask 1 worker", dask1_report) | _where_the_time_went(
            "dask 2 workers", dask2_report
        )
        metrics |= dask_worker_rss(base)
    metrics["exports identical across engines"] = "yes" if identical else "NO"
    metrics |= knowledge_edit(folder, first=one)
    metrics |= arriving(folder, first=report, first_json=one_json)
    return metrics


def _where_the_time_went(run: str, report: Any) -> dict[str, Any]:
    """The phases of one run's wall time: the per-document stages (engine start, workers' model loads and the
    idle tail included), the writer's CPU meanwhile, and the corpus pass split into its waits for the sentence
    encoding and the rest (serial in this process: reading the items, stories and comparisons, each dry-run once)."""
    whose = "all of it" if report.engine == "inline" else "the writer"
    return {
        f"{run}: per-document stages, seconds (engine start to the last result written)": round(
            report.analysis_seconds, 2
        ),
        f"{run}: this process's CPU seconds meanwhile ({whose})": round(report.writer_cpu_seconds, 2),
        f"{run}: corpus pass, waiting for the encoding, seconds": round(report.encode_seconds, 2),
        f"{run}: corpus pass, the rest (this process alone), seconds": round(
            report.corpus_seconds - report.encode_seconds, 2
        ),
    }


def arriving(folder: Path, *, first: Any, first_json: bytes) -> dict[str, Any]:
    """The subset without its last ARRIVING articles analysed (local engine, untimed), then those articles added
    and analysed (timed: a run of one batch, in one process); the exports compared with `first_json`, the
    one-process run over the whole subset, whose corpus pass (`first.corpus_seconds`) is the reference.

    The subset file is written at the same path both times, so every document's source is the same as in the
    whole-subset run."""
    from bilateral.engines import EngineSpec
    from bilateral.pipeline import ingest
    from bilateral.store.db import connect

    db = connect(folder / "grown.db")
    ingest(db, [str(_analysed_subset(folder, leave_out=ARRIVING))])
    db.close()
    _run(folder / "grown.db", folder, "grown", EngineSpec("local", workers=2))
    db = connect(folder / "grown.db")
    ingest(db, [str(_analysed_subset(folder))])
    db.close()
    # the same store, as one whose tables were never refreshed: its pass rewrites every document's tables (as the
    # pass did before it rewrote only what the arrivals change)
    shutil.copy(folder / "grown.db", folder / "full-base.db")
    db = connect(folder / "full-base.db")
    with db:
        db.execute("UPDATE store_state SET corpus_merged = 0 WHERE id = 1")
    db.close()
    # without --workers, as a user adding a few documents runs it: one batch or less stays in one process
    seconds, _, report, grown_json = _run(folder / "grown.db", folder, "grown", EngineSpec("local"))
    assert report.analysed == ARRIVING, report.analysed
    _, _, full, full_json = _run(folder / "full-base.db", folder, "full", EngineSpec("local"))
    return {
        f"{ARRIVING} documents added: corpus pass ÷ a full pass of the same store (every document's tables "
        "rewritten)": round(report.corpus_seconds / full.corpus_seconds, 2),
        f"{ARRIVING} documents added: documents' tables rewritten (full pass)": (
            f"{report.rewritten} ({full.rewritten})"
        ),
        f"{ARRIVING} documents added: tables seconds (full pass)": (
            f"{report.tables_seconds:.2f} ({full.tables_seconds:.2f})"
        ),
        f"{ARRIVING} documents added: rows of stories written": report.corpus_rows,
        f"{ARRIVING} documents added: exports identical to the full pass": "yes" if grown_json == full_json else "NO",
        f"{ARRIVING} documents added: analysis run, seconds (model load included)": round(seconds, 2),
        f"{ARRIVING} documents added: corpus pass seconds": round(report.corpus_seconds, 2),
        f"{ARRIVING} documents added: corpus pass ÷ the first corpus pass": round(
            report.corpus_seconds / first.corpus_seconds, 2
        ),
        f"{ARRIVING} documents added: sentences encoded, vectors read from the store": (
            f"{report.vectors_encoded}, {report.vectors_reused}"
        ),
        f"{ARRIVING} documents added: exports identical to the one-process run": (
            "yes" if grown_json == first_json else "NO"
        ),
    }


def _edited_entry(db: Any, knowledge: Any) -> tuple[str, int, dict[str, Any]]:
    """A hand-kept actor entry that about 5 % of the analysed documents name (ties: by id), and the user pack
    entry that redefines it with one more alias: (entry id, documents naming it, the new entry)."""
    analysed = db.execute("SELECT COUNT(*) FROM analysis_results").fetchone()[0]
    actors = knowledge.annotate.actors
    counts = [
        (abs(count - 0.05 * analysed), entry, count)
        for entry, count in db.execute(
            "SELECT entry, COUNT(*) FROM document_entries WHERE entry LIKE 'actor:%' GROUP BY entry ORDER BY entry"
        )
        if entry[6:] in actors.actors and entry[6:] not in actors.scopes
    ]
    _, entry, count = min(counts)
    actor = actors.actors[entry[6:]]
    new = {
        "id": actor.id, "name": actor.name, "kind": actor.kind, "country": actor.country, "sector": actor.sector,
        "aliases": [*actor.aliases[1:], "Qorvath Inlet Envoy"],  # an added alias no article contains
    }  # fmt: skip
    return entry, count, new


def knowledge_edit(folder: Path, *, first: float) -> dict[str, Any]:
    """One pack entry redefined by a user pack (`--knowledge`): the re-run on the analysed store against a full
    run with the edited knowledge on a fresh copy, both timed with the model load, exports compared."""
    from bilateral.engines import EngineSpec
    from bilateral.stages import load_knowledge
    from bilateral.store.db import connect

    db = connect(folder / "one.db")
    entry, naming, new = _edited_entry(db, load_knowledge())
    db.close()
    edit = folder / "edit"
    edit.mkdir()
    pack = {"pack": "bench_edit", "kind": "actors", "actors": [new]}
    (edit / "edit.yaml").write_text(json.dumps(pack), encoding="utf-8")  # JSON is YAML
    shutil.copy(folder / "one.db", folder / "edited.db")
    partial, _, report, partial_json = _run(folder / "edited.db", folder, "edited", EngineSpec(workers=1), [edit])
    full, _, full_report, full_json = _run(folder / "base.db", folder, "full", EngineSpec(workers=1), [edit])
    return {
        "one-entry edit: entry": entry,
        "one-entry edit: documents naming it (record)": naming,
        "one-entry edit: documents analysed again": report.analysed,
        "one-entry edit: documents kept": report.carried,
        "one-entry edit: re-run seconds": round(partial, 2),
        "one-entry edit: full run with the edit, seconds": round(full, 2),
        "one-entry edit: first run ÷ re-run": round(first / partial, 1),
        "one-entry edit: exports identical to the full run": "yes" if partial_json == full_json else "NO",
        "one-entry edit: full run analysed": full_report.analysed,
    }


def _relevant_sets() -> list[tuple[str, list[Path], str | None]]:
    """(name, paths, dyad) for the inputs that are about a relationship by construction."""
    sets = [("seeds", [need(SEEDS)], None), ("examples", [EXAMPLES], "USA-MEX")]
    for name, dyad in DYADS.items():
        docs = EVAL / "dyads" / name / "docs"
        if docs.exists():
            sets.append((f"dyad {name}", [docs], dyad))
    return sets


def prefilter(folder: Path) -> dict[str, Any]:
    from bilateral.annotate.knowledge import load_knowledge
    from bilateral.pipeline import ingest
    from bilateral.prefilter import build_prefilter, parse_dyad
    from bilateral.store.db import connect

    actors = load_knowledge().actors
    codes = {country.code for country in actors.countries.values()}
    screens: dict[str | None, Any] = {None: build_prefilter(actors)}
    db = connect(folder / "mixed.db")
    texts: dict[str, list[str]] = {}
    for name, paths, dyad in [("hyperpartisan", [HYPERPARTISAN], None), *_relevant_sets()]:
        before = {row[0] for row in db.execute("SELECT id FROM documents")}
        ingest(db, [str(path) for path in paths])
        rows = db.execute("SELECT id, text FROM documents WHERE duplicate_of IS NULL ORDER BY rowid").fetchall()
        texts[name] = [text for id, text in rows if id not in before]
        if dyad:
            screens[dyad] = build_prefilter(actors, dyad=parse_dyad(dyad, codes))
    db.close()
    everything = [text for group in texts.values() for text in group]
    size = sum(len(text.encode()) for text in everything)
    started = time.process_time()  # CPU seconds: other jobs on a shared machine do not count
    kept = sum(screens[None].keeps(text) for text in everything)
    seconds = time.process_time() - started
    china = build_prefilter(actors, dyad=("USA", "CHN"))
    relevant = [(name, dyad) for name, _, dyad in _relevant_sets()]
    dropped_any = sum(not screens[None].keeps(t) for name, _ in relevant for t in texts[name])
    dropped_own = sum(not screens[dyad].keeps(t) for name, dyad in relevant if dyad for t in texts[name])
    return {
        "prefilter: MB per CPU second (cleaned text)": round(size / seconds / 1e6, 1),
        "prefilter: mixed corpus documents": len(everything),
        "prefilter: share dropped (no dyad)": round(1 - kept / len(everything), 3),
        "prefilter: share dropped (USA-CHN)": round(sum(not china.keeps(t) for t in everything) / len(everything), 3),
        "prefilter: relevant documents": sum(len(texts[name]) for name, _ in relevant),
        "prefilter: relevant dropped (no dyad)": dropped_any,
        "prefilter: relevant dropped (own dyad)": dropped_own,
    }


def _write_shards(folder: Path, documents: int, *, per_shard: int = 10_000) -> int:
    """Generated news briefs in JSONL.gz shards of `per_shard` lines; returns the compressed bytes."""
    rng = random.Random(3)
    pool = [sentence(rng) for _ in range(3_000)]
    for shard in range(0, documents, per_shard):
        with gzip.open(folder / f"part-{shard // per_shard:05d}.jsonl.gz", "wt", compresslevel=1) as out:
            for i in range(shard, min(shard + per_shard, documents)):
                text = " ".join(rng.choice(pool) for _ in range(6))
                out.write(json.dumps({"id": f"g{i}", "text": text}) + "\n")
    return sum(path.stat().st_size for path in folder.glob("*.jsonl.gz"))


def _write_warc_shards(folder: Path, documents: int, *, per_shard: int = 2_000) -> int:
    """The same kind of generated briefs as HTML pages in WARC.gz shards; returns the compressed bytes."""
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    rng = random.Random(5)
    pool = [sentence(rng) for _ in range(3_000)]
    for shard in range(0, documents, per_shard):
        with (folder / f"part-{shard // per_shard:05d}.warc.gz").open("wb") as out:
            writer = WARCWriter(out, gzip=True)
            for i in range(shard, min(shard + per_shard, documents)):
                body = "".join(f"<p>{rng.choice(pool)}</p>" for _ in range(6))
                page = f"<html><head><title>Brief {i}</title></head><body>{body}</body></html>".encode()
                headers = StatusAndHeaders(
                    "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
                )
                record = writer.create_warc_record(
                    f"https://news.example.org/{i}", "response", payload=BytesIO(page), http_headers=headers
                )
                writer.write_record(record)
    return sum(path.stat().st_size for path in folder.glob("*.warc.gz"))


def _stream(pattern: str) -> tuple[int, int, float, float]:
    """In a fresh process: read every shard the pattern names and screen each document.

    Returns (documents, kept, CPU seconds, peak RSS MB)."""
    from bilateral.annotate.knowledge import load_knowledge
    from bilateral.ingest import read_sources
    from bilateral.model import RawDocument
    from bilateral.prefilter import build_prefilter

    screen = build_prefilter(load_knowledge().actors)
    documents = kept = 0
    started = time.process_time()  # CPU seconds of this process: the shared machine's other jobs do not count
    for item in read_sources([pattern]):
        if isinstance(item, RawDocument):
            documents += 1
            kept += screen.keeps(item.body.decode("utf-8"))
    seconds = time.process_time() - started
    return documents, kept, seconds, _peak_rss()


def shards(folder: Path) -> dict[str, Any]:
    metrics: dict[str, Any] = {}
    context = multiprocessing.get_context("spawn")
    for documents in (10_000, 100_000):
        where = folder / f"shards-{documents}"
        where.mkdir()
        compressed = _write_shards(where, documents)
        with context.Pool(1) as pool:
            read, _, seconds, rss = pool.apply(_stream, (str(where / "part-*.jsonl.gz"),))
        assert read == documents, (read, documents)
        label = f"{documents // 1000}k"
        metrics[f"shards {label}: peak RSS MB"] = round(rss)
        metrics[f"shards {label}: read + prefilter docs per CPU second"] = round(documents / seconds)
        metrics[f"shards {label}: compressed MB per CPU second"] = round(compressed / seconds / 1e6, 1)
    where = folder / "warc"
    where.mkdir()
    compressed = _write_warc_shards(where, 10_000)
    with context.Pool(1) as pool:
        read, _, seconds, rss = pool.apply(_stream, (str(where / "part-*.warc.gz"),))
    assert read == 10_000, read
    # the prefilter runs here on each page's HTML as read (bilateral itself screens the cleaned text)
    metrics["WARC.gz shards 10k: read + prefilter compressed MB per CPU second"] = round(compressed / seconds / 1e6, 2)
    metrics["WARC.gz shards 10k: read + prefilter docs per CPU second"] = round(read / seconds)
    return metrics


def _peak_rss() -> float:
    """Peak RSS of the calling process, MB: VmHWM of /proc/self/status, the high-water mark of this process's own
    memory (getrusage's ru_maxrss is not: on Linux a process started by fork + exec inherits its parent's peak, so
    a worker spawned by a 1.6 GB benchmark process would report 1.6 GB). Falls back to ru_maxrss off Linux."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text(encoding="ascii", errors="replace").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _worker_peak(pause: float) -> tuple[int, float]:
    """(pid, peak RSS MB) of the pool worker that runs it; `pause` keeps it busy so that the next call goes to
    another worker."""
    import os

    time.sleep(pause)
    return os.getpid(), _peak_rss()


def local_worker_rss(base: Path, workers: int = 2) -> float:
    """The analysed subset through the local engine (untimed), then the largest peak RSS of its workers, MB."""
    from bilateral.engines import EngineSpec, open_engine
    from bilateral.stages import load_knowledge
    from bilateral.store.db import connect
    from bilateral.store.documents import load_article

    db = connect(base)
    ids = [row[0] for row in db.execute("SELECT id FROM documents WHERE duplicate_of IS NULL ORDER BY rowid")]
    articles = [article for id in ids if (article := load_article(db, id)) is not None]
    db.close()
    engine: Any = open_engine(EngineSpec("local", workers=workers), load_knowledge(), [], batches=len(articles))
    try:
        for _ in engine.map([articles[i : i + BATCH] for i in range(0, len(articles), BATCH)]):
            pass
        peaks = dict(future.result() for future in [engine.pool.submit(_worker_peak, 1.0) for _ in range(workers)])
    finally:
        engine.close()
    return max(peaks.values())


def dask_worker_rss(base: Path) -> dict[str, Any]:
    """The analysed subset through a Dask LocalCluster of 2 workers (untimed), then each worker's peak RSS."""
    from bilateral.engines import EngineSpec, open_engine
    from bilateral.stages import load_knowledge
    from bilateral.store.db import connect
    from bilateral.store.documents import load_article

    db = connect(base)
    ids = [row[0] for row in db.execute("SELECT id FROM documents WHERE duplicate_of IS NULL ORDER BY rowid")]
    articles = [article for id in ids if (article := load_article(db, id)) is not None]
    db.close()
    engine: Any = open_engine(EngineSpec("dask", workers=2), load_knowledge(), [], batches=len(articles))
    try:
        batches = [articles[i : i + BATCH] for i in range(0, len(articles), BATCH)]
        for _ in engine.map(batches):
            pass
        peaks = engine.client.run(_peak_rss)
    finally:
        engine.close()
    return {"dask: peak RSS per worker MB": round(max(peaks.values()))}


def _analyse_generated(shards: str, store: str, workers: int) -> dict[str, Any]:
    """In a fresh process: ingest the generated shards and analyse them with the local engine."""
    from bilateral.engines import EngineSpec
    from bilateral.pipeline import analyze, ingest, relate
    from bilateral.stages import load_knowledge
    from bilateral.store.db import connect

    db = connect(store)
    started = time.perf_counter()
    ingested = ingest(db, [shards])
    ingest_seconds = time.perf_counter() - started
    started, cpu = time.perf_counter(), _cpu()
    report = analyze(db, engine=EngineSpec("local", workers=workers), batch_size=32)
    seconds, cpu = time.perf_counter() - started, _cpu() - cpu
    started = time.perf_counter()
    relate(db, load_knowledge())  # the corpus pass alone, again: its sentence vectors read from the store
    corpus_pass = time.perf_counter() - started
    results = db.execute("SELECT SUM(LENGTH(result)) FROM analysis_results").fetchone()[0] or 0
    db.close()
    return {
        "documents": ingested.stored,
        "analysed": report.analysed,
        "words": report.words,
        "ingest seconds": round(ingest_seconds, 1),
        "analysis seconds (wall)": round(seconds, 1),
        "analysis CPU seconds": round(cpu, 1),
        "words per CPU second": round(report.words / cpu),
        "corpus pass seconds (in the run; sentences encoded by the workers)": round(report.corpus_seconds, 1),
        "corpus pass again, vectors from the store: seconds": round(corpus_pass, 1),
        "peak RSS of the writer MB": round(_peak_rss()),
        "store MB": round(Path(store).stat().st_size / 1e6, 1),
        "stored results (compressed) MB": round(results / 1e6, 1),
    }


def generated_analysis(folder: Path, documents: int = 10_000, workers: int = 2) -> dict[str, Any]:
    """A generated corpus of `documents` short briefs (about 70 words each) analysed by the local engine."""
    where = folder / f"generated-{documents}"
    where.mkdir()
    _write_shards(where, documents)
    # a pool's processes may not start workers of their own: an executor's may
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        shards = str(where / "part-*.jsonl.gz")
        found = pool.submit(_analyse_generated, shards, str(folder / "generated.db"), workers).result()
    label = f"{documents // 1000}k" if documents >= 1000 else str(documents)
    return {f"generated {label}, local {workers} workers: {key}": value for key, value in found.items()}


def grow(folder: Path) -> dict[str, Any]:
    """The incremental corpus pass on its own: the subset analysed by one process first."""
    from bilateral.engines import EngineSpec
    from bilateral.pipeline import ingest
    from bilateral.store.db import connect

    db = connect(folder / "base.db")
    ingest(db, [str(_analysed_subset(folder))])
    db.close()
    _, _, report, one_json = _run(folder / "base.db", folder, "one", EngineSpec("local", workers=1))
    return {
        "corpus pass, one process: seconds": round(report.corpus_seconds, 2),
        "corpus pass: sentences encoded (from scratch)": report.vectors_encoded,
        **arriving(folder, first=report, first_json=one_json),
    }


def edit(folder: Path) -> dict[str, Any]:
    """The one-entry edit on its own: the subset analysed by one process first."""
    from bilateral.engines import EngineSpec
    from bilateral.pipeline import ingest
    from bilateral.store.db import connect

    db = connect(folder / "base.db")
    ingest(db, [str(_analysed_subset(folder))])
    db.close()
    first, *_ = _run(folder / "base.db", folder, "one", EngineSpec("local", workers=1))
    return {"one process: seconds": round(first, 2), **knowledge_edit(folder, first=first)}


# `python -m benchmarks.scale [part …]` runs only the parts named; `engines` includes the edit and the growth
PARTS = {
    "shards": shards,
    "prefilter": prefilter,
    "engines": engines,
    "edit": edit,
    "grow": grow,
    "generated": generated_analysis,
}


EVERY = ("shards", "prefilter", "engines", "generated")


def main(parts: Sequence[str] = EVERY) -> dict[str, Any]:
    need(HYPERPARTISAN)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        return {metric: value for part in parts for metric, value in PARTS[part](folder).items()}


if __name__ == "__main__":
    for metric, value in main(sys.argv[1:] or EVERY).items():
        print(f"{metric}: {value}")
