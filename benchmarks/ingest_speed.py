"""Ingest + clean throughput (read, decode, clean, dedup, store) on generated corpora of HTML and plain text.

The job runs in one process, so documents/s and words/s (wall clock) are per core; waiting on the disk counts.
Words per CPU second, beside them, leave out that wait and other work on the machine.
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
        "docs/s": round(DOCUMENTS / seconds, 1),
        "words/s": round(words / seconds),
        "words per CPU second": round(words / cpu),
    }


def main() -> dict[str, float | int | str]:
    metrics: dict[str, float | int | str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for kind in ("html", "text"):
            for key, value in measure(kind, Path(tmp)).items():
                metrics[f"{kind}: {key} per core" if "/s" in key else f"{kind}: {key}"] = value
    metrics["peak RSS MB"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return metrics


if __name__ == "__main__":
    for name, value in main().items():
        print(f"{name}: {value}")
