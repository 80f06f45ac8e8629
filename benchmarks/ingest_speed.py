"""Ingest + clean throughput (read, decode, clean, dedup, store) on generated corpora of HTML and plain text.

Per core is over the process's CPU seconds, so other work on the machine does not lower it; wall-clock words/s
is given beside it.
"""

from __future__ import annotations

import resource
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import generate
from bilateral.pipeline import ingest
from bilateral.store.db import connect

TUNED = "speed, n/a"

DOCUMENTS = 2_000


def measure(kind: str, folder: Path) -> dict[str, float | int]:
    words = generate(folder / kind, count=DOCUMENTS, kind=kind)
    db = connect(folder / f"{kind}.db")
    started, cpu = time.perf_counter(), time.process_time()
    report = ingest(db, [str(folder / kind)])
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    db.close()
    assert report.counts["added"] == DOCUMENTS, (report.counts, report.skipped[:3])
    return {
        "documents": DOCUMENTS,
        "docs/s": round(DOCUMENTS / cpu, 1),
        "words/s": round(words / cpu),
        "words/s wall clock": round(words / seconds),
    }


def main() -> dict[str, float | int | str]:
    metrics: dict[str, float | int | str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for kind in ("html", "text"):
            for key, value in measure(kind, Path(tmp)).items():
                per_core = key.endswith("/s")
                metrics[f"{kind}: {key} per core" if per_core else f"{kind}: {key}"] = value
    metrics["peak RSS MB"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return metrics


if __name__ == "__main__":
    for name, value in main().items():
        print(f"{name}: {value}")
