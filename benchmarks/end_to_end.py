"""End to end on real text: `ingest` + `analyze` (read, clean, store, spaCy parse, actors, issues, events,
figures, linkages, the corpus pass) in words per second per core, beside spaCy's full pipeline alone on the same
cleaned texts in the same run, and their ratio.

Texts: the shared seed captures, the English dyad sets' captures (../shared/eval/dyads/us_china, japan_korea) and
a fixed sample of the hyperpartisan articles — those whose id's sha1 ends in "0" (about 1 in 16, ~40 articles).
Everything runs in one process, so words/s on the wall clock is per core (waiting on the disk counts); words per
CPU second (user + system), beside it, leave out that wait and other work on the machine. The ratio to spaCy is
given on the wall clock and per CPU second, both measured back to back. Model and pack loading happen before the
clock starts and are reported on their own line (with the sentence-embedding model and the language identifier,
also loaded once per process). The anchor is spaCy's stock pipeline (the same model loaded on its own,
`nlp.pipe` with spaCy's defaults). Each pipeline parses one short text before its clock starts: the lemmatizer
reads its tables on its first text (most of a second), a once-per-process cost that would otherwise fall on
whichever runs first.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
import time
from pathlib import Path

from benchmarks.common import EVAL, SEEDS, need
from bilateral.annotate.nlp import MODEL, parse
from bilateral.clean.language import detect_language
from bilateral.compare.embeddings import load_model as load_sentence_model
from bilateral.engines import EngineSpec
from bilateral.pipeline import analyze, ingest
from bilateral.stages import load_knowledge
from bilateral.store.db import connect

TUNED = "speed, n/a"
# one process: figures per core, not spread over worker processes started for the run
ONE_PROCESS = EngineSpec(workers=1)
DYAD_SETS = ("us_china", "japan_korea")  # English sets; the Spanish one is detected as Spanish and not parsed
SAMPLE_DIGIT = "0"
WARM_UP = "Each process reads its models once, before the first document it is given to analyse."


def hyperpartisan_sample(folder: Path) -> Path:
    """Write the sample of hyperpartisan articles as a JSONL dump in `folder`; returns its path."""
    lines = need(EVAL / "hyperpartisan" / "train.jsonl").read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if hashlib.sha1(json.loads(line)["id"].encode()).hexdigest()[-1] == SAMPLE_DIGIT]
    path = folder / "hyperpartisan-sample.jsonl"
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    return path


def _clock() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def main() -> dict[str, float | int | str]:
    import spacy

    sources = [str(need(SEEDS)), *(str(need(EVAL / "dyads" / name / "docs")) for name in DYAD_SETS)]
    started = time.perf_counter()
    load_knowledge()
    load_sentence_model()
    detect_language(WARM_UP)
    # both pipelines read their lookup tables (the lemmatizer's) on their first text: one text each, before the clocks
    list(parse([WARM_UP]))
    stock = spacy.load(MODEL)
    stock(WARM_UP)
    startup = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        sources.append(str(hyperpartisan_sample(Path(tmp))))
        db = connect(Path(tmp) / "e2e.db")
        wall, cpu = _clock()
        ingested = ingest(db, sources)
        report = analyze(db, engine=ONE_PROCESS)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        sql = "SELECT d.text FROM documents d JOIN analyses a ON a.document = d.id ORDER BY d.rowid"
        texts = [row[0] for row in db.execute(sql)]
    words = sum(len(text.split()) for text in texts)
    spacy_wall, spacy_cpu = _clock()
    for _ in stock.pipe(texts):
        pass
    spacy_wall, spacy_cpu = time.perf_counter() - spacy_wall, time.process_time() - spacy_cpu
    return {
        "end to end: documents stored / analysed": f"{ingested.stored} / {report.analysed}",
        "end to end: words (cleaned text)": words,
        "end to end: ingest + analyze words/s per core (wall clock, one process)": round(words / wall),
        "end to end: ingest + analyze words per CPU second": round(words / cpu),
        "end to end: spaCy full pipeline alone, words/s (wall clock)": round(words / spacy_wall),
        "end to end: spaCy full pipeline alone, words per CPU second": round(words / spacy_cpu),
        "end to end: bilateral / spaCy speed (wall clock)": round(spacy_wall / wall, 3),
        "end to end: bilateral / spaCy speed (CPU seconds)": round(spacy_cpu / cpu, 3),
        "end to end: start-up seconds (spaCy models, packs, sentence model, language identifier)": round(startup, 1),
    }


if __name__ == "__main__":
    for metric, value in main().items():
        print(f"{metric}: {value}")
