"""HTML main-text extraction on the Article Extraction Benchmark (60 news pages, word 4-shingle F1), next to the
libraries `clean_html` wraps, on the same pages in the same run: trafilatura under each of its option sets (its
best configuration is the one with the highest F1 on the tuned part) and htmldate's extensive search for the
publication day.

The pages are split once, by a hash of their id: sha1(id) last hex digit even → tuned (24 pages: read while
writing cleaning rules), odd → untouched (36 pages: only reported). The split is committed in
`benchmarks/splits/aeb.txt`; a metric on both parts is a dict {"tuned": …, "untouched": …}. The publication day
is checked on pages whose URL states it (/2019/11/18/), with the page cleaned without its URL.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script: find `benchmarks`

from benchmarks.common import EVAL, need
from bilateral.clean.html import clean_html
from bilateral.clean.quality import shingle_f1
from bilateral.errors import UnreadableSource

TUNED = "split: tuned part (24 pages) / untouched part (36 pages), by sha1(id)"
SPLIT = Path(__file__).resolve().parent / "splits" / "aeb.txt"
PARTS = ("tuned", "untouched")
URL_DAY = re.compile(r"/(20\d\d)[/-](\d\d)[/-](\d\d)/")

OPTIONS: dict[str, dict[str, bool]] = {
    "default (balanced, fallbacks)": {},
    "fast": {"fast": True},
    "fast, favor_precision": {"fast": True, "favor_precision": True},
    "fast, favor_recall": {"fast": True, "favor_recall": True},
    "favor_precision (fallbacks)": {"favor_precision": True},
    "favor_recall (fallbacks)": {"favor_recall": True},
    "fast, no tables": {"fast": True, "include_tables": False},
    "fast, deduplicate": {"fast": True, "deduplicate": True},
}

Scores = dict[str, float]


def part(key: str) -> str:
    """The part a page belongs to: sha1 of its id, last hex digit even → tuned."""
    return "tuned" if int(hashlib.sha1(key.encode("utf-8")).hexdigest()[-1], 16) % 2 == 0 else "untouched"


def pages() -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    truth = json.loads(need(EVAL / "aeb" / "ground-truth.json").read_text(encoding="utf-8"))
    html = {
        key: gzip.decompress(need(EVAL / "aeb" / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8", "replace")
        for key in truth
    }
    return html, truth


def by_part(values: dict[str, float]) -> dict[str, float]:
    """Mean of per-page values on each part."""
    means = {}
    for name in PARTS:
        chosen = [value for key, value in values.items() if part(key) == name]
        means[name] = round(sum(chosen) / len(chosen), 4) if chosen else float("nan")
    return means


def f1_per_page(extract: Callable[[str], str], html: dict[str, str], truth: dict[str, dict[str, str]]) -> Scores:
    return {key: shingle_f1(extract(page), truth[key]["articleBody"])[0] for key, page in html.items()}


def trafilatura_text(options: dict[str, bool]) -> Callable[[str], str]:
    import trafilatura

    def extract(page: str) -> str:
        document = trafilatura.bare_extraction(page, include_comments=False, **options)
        return (document.text or "") if document is not None else ""

    return extract


def url_days(truth: dict[str, dict[str, str]]) -> dict[str, str]:
    return {key: f"{day[1]}-{day[2]}-{day[3]}" for key, value in truth.items() if (day := URL_DAY.search(value["url"]))}


def main() -> dict[str, object]:
    from htmldate import find_date

    html, truth = pages()
    days = url_days(truth)
    clean_html(next(iter(html.values())))  # imports and first-use setup are not what a million pages cost
    cleaned = {}
    started = time.perf_counter()
    for key, page in html.items():
        try:
            cleaned[key] = clean_html(page)
        except UnreadableSource:
            cleaned[key] = None
    seconds = time.perf_counter() - started
    ours = {key: shingle_f1(c.text if c else "", truth[key]["articleBody"])[0] for key, c in cleaned.items()}
    words = sum(len(c.text.split()) for c in cleaned.values() if c)

    library = {label: f1_per_page(trafilatura_text(options), html, truth) for label, options in OPTIONS.items()}
    best = max(library, key=lambda label: (by_part(library[label])["tuned"], label))

    published = {key: float(bool(cleaned[key]) and cleaned[key].published == day) for key, day in days.items()}  # type: ignore[union-attr]
    extensive = {
        key: float(find_date(html[key], original_date=True, extensive_search=True) == day) for key, day in days.items()
    }
    metrics: dict[str, object] = {
        "aeb: word-4-shingle F1 (clean_html)": by_part(ours),
        f"aeb: F1, trafilatura best configuration ({best})": by_part(library[best]),
        "aeb: F1, trafilatura default configuration": by_part(library["default (balanced, fallbacks)"]),
        "aeb: published = day in URL (clean_html)": by_part(published),
        "aeb: published = day in URL (htmldate extensive search)": by_part(extensive),
        "aeb: pages with a day in the URL": {name: sum(part(k) == name for k in days) for name in PARTS},
        "aeb: pages/s per core (clean_html)": round(len(html) / seconds, 1),
        "aeb: words/s per core (clean_html)": round(words / seconds),
    }
    for name in ("title", "authors", "published", "outlet"):
        found = sum(bool(c and getattr(c, name)) for c in cleaned.values())
        metrics[f"aeb: pages with {name} %"] = round(100 * found / len(html), 1)
    return metrics


if __name__ == "__main__":
    for name, value in main().items():
        print(f"{name}: {value}")
