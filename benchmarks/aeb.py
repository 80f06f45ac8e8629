"""HTML main-text extraction on the Article Extraction Benchmark (60 news pages, word 4-shingle F1), with speed
and how often metadata is found. `--options` also scores plain trafilatura under each of its option sets, the
baseline that `clean_html`'s corrections are measured against.
"""

from __future__ import annotations

import gzip
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

TUNED = "tuned (all 60 pages)"

# A day in the URL (/2019/11/18/) is the publication date; pages are cleaned without their URL to check dates.
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
    "fast, with metadata": {"fast": True, "with_metadata": True},
}


def pages() -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    truth = json.loads(need(EVAL / "aeb" / "ground-truth.json").read_text(encoding="utf-8"))
    html = {
        key: gzip.decompress(need(EVAL / "aeb" / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8", "replace")
        for key in truth
    }
    return html, truth


def score(extract: Callable[[str], str], html: dict[str, str], truth: dict[str, dict[str, str]]) -> dict[str, float]:
    scores = []
    words = 0
    started = time.perf_counter()
    for key, page in html.items():
        text = extract(page)
        words += len(text.split())
        scores.append(shingle_f1(text, truth[key]["articleBody"]))
    seconds = time.perf_counter() - started
    return {
        "f1": sum(s[0] for s in scores) / len(scores),
        "precision": sum(s[1] for s in scores) / len(scores),
        "recall": sum(s[2] for s in scores) / len(scores),
        "pages/s": len(html) / seconds,
        "words/s": words / seconds,
    }


def main() -> dict[str, float | int | str]:
    html, truth = pages()
    clean_html(next(iter(html.values())))  # imports and first-use setup are not what a million pages cost
    found = {"title": 0, "authors": 0, "published": 0, "outlet": 0}
    dated = agreed = 0

    def extract(page: str) -> str:
        try:
            cleaned = clean_html(page)
        except UnreadableSource:
            return ""
        for name in found:
            found[name] += bool(getattr(cleaned, name))
        url = truth[next(key for key, value in html.items() if value is page)]["url"]
        if day := URL_DAY.search(url):
            nonlocal dated, agreed
            dated += 1
            agreed += cleaned.published == f"{day[1]}-{day[2]}-{day[3]}"
        return cleaned.text

    result = score(extract, html, truth)
    metrics: dict[str, float | int | str] = {
        "aeb: mean word-4-shingle F1": round(result["f1"], 4),
        "aeb: mean precision": round(result["precision"], 4),
        "aeb: mean recall": round(result["recall"], 4),
        "aeb: pages/s per core": round(result["pages/s"], 1),
        "aeb: words/s per core": round(result["words/s"]),
    }
    for name, count in found.items():
        metrics[f"aeb: pages with {name} %"] = round(100 * count / len(html), 1)
    metrics["aeb: published = day in URL %"] = round(100 * agreed / dated, 1) if dated else "n/a"
    return metrics


def trafilatura_options() -> list[tuple[str, dict[str, float]]]:
    """Plain trafilatura's text under each option set, scored the same way (comments always excluded)."""
    import trafilatura

    html, truth = pages()
    rows = []
    for label, options in OPTIONS.items():

        def extract(page: str, options: dict[str, bool] = options) -> str:
            document = trafilatura.bare_extraction(page, include_comments=False, **options)
            return (document.text or "") if document is not None else ""

        rows.append((label, score(extract, html, truth)))
    return rows


if __name__ == "__main__":
    for name, value in main().items():
        print(f"{name}: {value}")
    if "--options" in sys.argv:
        print("\n| trafilatura options | F1 | precision | recall | pages/s |\n|---|---|---|---|---|")
        for label, result in trafilatura_options():
            print(
                f"| {label} | {result['f1']:.4f} | {result['precision']:.4f} | {result['recall']:.4f} "
                f"| {result['pages/s']:.1f} |"
            )
