"""Annotation throughput (spaCy parse + actors, places, dates, issues) in words/s per core, and peak memory.

One process, so words/s on the wall clock is per core; words per CPU second, beside it, leave out other work on
the machine.
"""

from __future__ import annotations

import random
import resource
import time

from benchmarks.corpus import paragraphs
from bilateral.annotate import analyse, load_knowledge
from bilateral.annotate.nlp import load_nlp, parse

TUNED = "speed, n/a"

WORDS = 200_000


def main() -> dict[str, float | int | str]:
    rng = random.Random(11)
    texts, words = [], 0
    while words < WORDS:
        text = "\n\n".join(paragraphs(rng, 6))
        texts.append(text)
        words += len(text.split())
    knowledge = load_knowledge()
    load_nlp()
    started, cpu = time.perf_counter(), time.process_time()
    for i, doc in enumerate(parse(texts)):
        analyse(doc, published="2021-03-19", document=str(i), knowledge=knowledge)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {
        "annotate: documents": len(texts),
        "annotate: words": words,
        "annotate: words/s per core": round(words / seconds),
        "annotate: words per CPU second": round(words / cpu),
        "annotate: peak RSS MB": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


if __name__ == "__main__":
    for metric, value in main().items():
        print(f"{metric}: {value}")
