"""End to end on real text: `ingest` + `analyze` (read, clean, store, the relevance prefilter, spaCy parse, actors,
issues, events, figures, linkages, the corpus pass) in words per second per core, beside spaCy's full pipeline
alone on the same cleaned texts in the same run, and their ratio.

Texts: the real text at hand (issue 17) — every hyperpartisan training article, the AEB pages, the seed captures,
the English dyad sets' captures (../shared/eval/dyads/us_china, japan_korea) and the example pages (about 0.45 M
words). `analyze` runs with the relevance prefilter (no dyad: a document must name two different countries), so
the ratio is given two ways, both on the same clock:
- *given*: spaCy on every text bilateral was given, against bilateral's whole run (documents the prefilter drops
  cost bilateral their ingest and a scan, and spaCy a full parse: the saving the prefilter exists for);
- *analysed*: spaCy on only the texts bilateral analysed, against the same whole run.
Everything runs in one process, so words/s on the wall clock is per core (waiting on the disk counts); words per
CPU second (user + system), beside it, leave out that wait and other work on the machine. Model and pack loading
happen before the clock starts and are reported on their own line (with the sentence-embedding model, the language
identifier and the date parser's locale tables, also loaded once per process). The anchor is spaCy's stock
pipeline (the same model loaded on its own, `nlp.pipe` with spaCy's defaults), run on the analysed texts, then on
the others, each timed. Each pipeline parses one short text before its clock starts: the lemmatizer reads its
tables on its first text (most of a second), a once-per-process cost that would otherwise fall on whichever runs
first.
"""

from __future__ import annotations

import tempfile
import time

from htmldate.extractors import get_external_parser

from benchmarks.common import EVAL, ROOT, SEEDS, need
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
# the example pages and captures (the feed is left out: its entries are URLs, and the benchmark reads no network)
EXAMPLES = ("us-mexico/*.txt", "us-mexico/*.html", "warc-pages")
WARM_UP = "Each process reads its models once, before the first document it is given to analyse."
# a date no locale reads: htmldate's date parser (dateparser) compiles every locale's tables on the first date it
# cannot read itself, about a second once per process, on whichever page first holds such a string
DATE_WARM_UP = "3 Brumaire 2019"


def sources() -> list[str]:
    """The benchmark's inputs, as `bilateral ingest` takes them (files, folders, glob patterns)."""
    return [
        str(need(EVAL / "hyperpartisan" / "train.jsonl")),
        str(need(EVAL / "aeb" / "html")),
        str(need(SEEDS)),
        *(str(need(EVAL / "dyads" / name / "docs")) for name in DYAD_SETS),
        *(str(ROOT / "examples" / name) for name in EXAMPLES),
    ]


def _clock() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def _since(clock: tuple[float, float]) -> tuple[float, float]:
    return time.perf_counter() - clock[0], time.process_time() - clock[1]


def main(*, analysed_texts: list[str] | None = None) -> dict[str, float | int | str]:
    """The figures; `analysed_texts`, when given, receives the texts bilateral analysed (for the profile)."""
    import spacy

    inputs = sources()
    started = time.perf_counter()
    load_knowledge()
    load_sentence_model()
    detect_language(WARM_UP)
    get_external_parser().get_date_data(DATE_WARM_UP)
    # both pipelines read their lookup tables (the lemmatizer's) on their first text: one text each, before the clocks
    list(parse([WARM_UP]))
    stock = spacy.load(MODEL)
    stock(WARM_UP)
    startup = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        db = connect(f"{tmp}/e2e.db")
        clock = _clock()
        ingested = ingest(db, inputs)
        report = analyze(db, engine=ONE_PROCESS, prefilter=True)
        wall, cpu = _since(clock)
        sql = "SELECT d.text, a.document IS NOT NULL FROM documents d LEFT JOIN analyses a ON a.document = d.id"
        rows = db.execute(sql + " ORDER BY d.rowid").fetchall()
    analysed = [text for text, done in rows if done]
    if analysed_texts is not None:
        analysed_texts.extend(analysed)
    others = [text for text, done in rows if not done]
    words = sum(len(text.split()) for text in analysed)
    given = words + sum(len(text.split()) for text in others)
    clock = _clock()
    for _ in stock.pipe(analysed):
        pass
    spacy_wall, spacy_cpu = _since(clock)
    clock = _clock()
    for _ in stock.pipe(others):
        pass
    others_wall, others_cpu = _since(clock)
    every_wall, every_cpu = spacy_wall + others_wall, spacy_cpu + others_cpu
    return {
        "end to end: documents stored / analysed / dropped by the prefilter / unreadable": (
            f"{len(rows)} / {report.analysed} / {len(report.screened_out)} / {len(ingested.skipped)}"
        ),
        "end to end: words given / analysed (cleaned text)": f"{given} / {words}",
        "end to end: ingest + analyze CPU seconds": round(cpu, 1),
        "end to end: ingest + analyze words given per second per core (wall clock, one process)": round(given / wall),
        "end to end: ingest + analyze words given per CPU second": round(given / cpu),
        "end to end: spaCy full pipeline on every text given, words per CPU second": round(given / every_cpu),
        "end to end: spaCy full pipeline on the texts analysed, words per CPU second": round(words / spacy_cpu),
        "end to end: bilateral / spaCy speed, every text given (wall clock)": round(every_wall / wall, 3),
        "end to end: bilateral / spaCy speed, every text given (CPU seconds)": round(every_cpu / cpu, 3),
        "end to end: bilateral / spaCy speed, texts analysed (wall clock)": round(spacy_wall / wall, 3),
        "end to end: bilateral / spaCy speed, texts analysed (CPU seconds)": round(spacy_cpu / cpu, 3),
        "end to end: start-up seconds (spaCy models, packs, sentence model, language identifier)": round(startup, 1),
    }


if __name__ == "__main__":
    for metric, value in main().items():
        print(f"{metric}: {value}")
