"""HTML main-text extraction on the Article Extraction Benchmark (60 news pages, word 4-shingle F1)."""

from __future__ import annotations

import gzip
import json
import time

from benchmarks.common import EVAL, need
from bilateral.clean.html import clean_html
from bilateral.clean.quality import shingle_f1
from bilateral.errors import UnreadableSource


def main() -> dict[str, float | int | str]:
    truth = json.loads(need(EVAL / "aeb" / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {key: gzip.decompress(need(EVAL / "aeb" / "html" / f"{key}.html.gz").read_bytes()) for key in truth}
    scores = []
    words = 0
    started = time.perf_counter()
    for key, body in pages.items():
        try:
            text = clean_html(body.decode("utf-8", "replace")).text
        except UnreadableSource:
            text = ""
        words += len(text.split())
        scores.append(shingle_f1(text, truth[key]["articleBody"]))
    seconds = time.perf_counter() - started
    return {
        "aeb: mean word-4-shingle F1": round(sum(s[0] for s in scores) / len(scores), 4),
        "aeb: mean precision": round(sum(s[1] for s in scores) / len(scores), 4),
        "aeb: mean recall": round(sum(s[2] for s in scores) / len(scores), 4),
        "aeb: pages/s per core": round(len(pages) / seconds, 1),
        "aeb: words/s per core": round(words / seconds),
    }


if __name__ == "__main__":
    for name, value in main().items():
        print(f"{name}: {value}")
