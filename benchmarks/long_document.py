"""Analysis time against document length: one document of 50,000 and one of 200,000 characters, each analysed on
its own (parse in sections, every stage, the corpus pass), the model loaded beforehand. Linear time means the longer
one takes about 4× as long; before sectioning and the linear-time fixes it took about 16× or more.

The text is made of sentences written for this benchmark (countries, topics and verbs varied), in paragraphs.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bilateral.engines import EngineSpec

TUNED = "speed, n/a"
# one process: figures per core, not spread over worker processes started for the run
ONE_PROCESS = EngineSpec(workers=1)
LENGTHS = (50_000, 200_000)
SENTENCES = (
    "Officials in {a} said {b} had agreed to expand trade talks on {t}.",
    "The minister of {a} met her counterpart from {b} in the capital on Tuesday.",
    "{a} accused {b} of delaying shipments of {t}, a spokesperson said.",
    "Analysts expect {a} and {b} to sign a deal on {t} before the end of the year.",
    "About 1,200 workers in {a} depend on exports of {t} to {b}, the union said.",
)
PLACES = ("Brazil", "Kenya", "Japan", "Poland", "Peru", "Egypt", "India", "Canada", "Norway", "Chile", "Ghana")
TOPICS = ("grain", "gas", "fishing quotas", "rail links", "vaccines", "steel", "fertiliser")


def long_text(characters: int) -> str:
    """At least `characters` characters of varied sentences, a paragraph break every fifth sentence."""
    parts: list[str] = []
    size = 0
    index = 0
    while size < characters:
        sentence = SENTENCES[index % len(SENTENCES)].format(
            a=PLACES[index % len(PLACES)], b=PLACES[(index * 3 + 1) % len(PLACES)], t=TOPICS[index % len(TOPICS)]
        )
        part = sentence + ("\n\n" if index % 5 == 4 else " ")
        parts.append(part)
        size += len(part)
        index += 1
    return "".join(parts)


def seconds_to_analyse(characters: int) -> float:
    from bilateral.pipeline import analyze
    from bilateral.store.db import connect
    from bilateral.store.documents import save_article
    from tests.conftest import make_article

    with tempfile.TemporaryDirectory() as folder:
        db = connect(Path(folder) / "long.db")
        save_article(db, make_article(long_text(characters), id="long", language="en"))
        started = time.perf_counter()
        report = analyze(db, engine=ONE_PROCESS)
        took = time.perf_counter() - started
        db.close()
    if report.analysed != 1:
        raise RuntimeError(f"the {characters:,}-character document was not analysed: {report.failed}")
    return took


def main() -> dict[str, float | int | str]:
    from bilateral.annotate.nlp import load_nlp
    from bilateral.stages import load_knowledge

    load_nlp()
    load_knowledge()
    short, long = (seconds_to_analyse(length) for length in LENGTHS)
    return {
        f"{LENGTHS[0] // 1000}k chars s": round(short, 1),
        f"{LENGTHS[1] // 1000}k chars s": round(long, 1),
        "time ratio (4 = linear)": round(long / short, 2),
    }


if __name__ == "__main__":
    for key, value in main().items():
        print(f"{key}: {value}")
