"""Check that the example corpus in examples/us-mexico/ still has the shape `make demo` and the docs promise.

Reads every file with third-party parsers only (not bilateral's readers, which it is meant to exercise) and
reports the documents found, their length, and the planted exact and near duplicates. Exits 1 on a problem.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path

import feedparser
import trafilatura
from warcio.archiveiterator import ArchiveIterator

from bilateral.clean.dedup import signature, similarity, text_hash

CORPUS = Path(__file__).resolve().parent / "us-mexico"
JSONL_FIELDS = {"id", "text", "url", "title", "published", "outlet", "authors"}
MIN_WORDS, MAX_WORDS = 250, 600
CAPTURE_MAX_WORDS = 700  # plain-text captures still carry their menus, bios and related lists
EXACT = ("meridian-press_2019-11-05_lebaron-ambush.txt", "wire.jsonl#mpa-20191105-lebaron")
NEAR = ("continental-wire_2019-06-08_tariff-deal.html", "matagorda-bay-courier_2019-06-08_guard-troops-south.html")


def _html_text(html: str) -> str:
    return trafilatura.extract(html, include_comments=False) or ""


def read_corpus(problems: list[str]) -> dict[str, str]:
    """Main text of every document, keyed by file name (with `#id` or `#n` for files holding several)."""
    texts: dict[str, str] = {}
    for path in sorted(CORPUS.iterdir()):
        name = path.name
        if name.endswith((".html", ".html.gz")):
            raw = path.read_bytes()
            texts[name] = _html_text((gzip.decompress(raw) if name.endswith(".gz") else raw).decode("utf-8"))
        elif name.endswith(".txt"):
            texts[name] = path.read_text(encoding="utf-8")
        elif name.endswith(".jsonl"):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                record = json.loads(line)
                if set(record) != JSONL_FIELDS:
                    problems.append(f"{name}:{number}: fields {sorted(record)}, expected {sorted(JSONL_FIELDS)}")
                texts[f"{name}#{record.get('id')}"] = record.get("text", "")
        elif name.endswith(".rss"):
            feed = feedparser.parse(str(path))
            if feed.bozo:
                problems.append(f"{name}: not well-formed ({feed.bozo_exception})")
            for number, entry in enumerate(feed.entries, 1):
                texts[f"{name}#{number}"] = _html_text(f"<html><body>{entry.content[0].value}</body></html>")
        elif name.endswith(".warc.gz"):
            with path.open("rb") as stream:
                for number, record in enumerate(ArchiveIterator(stream), 1):
                    if record.rec_type == "response":
                        html = record.content_stream().read().decode("utf-8")
                        texts[f"{name}#{number}"] = _html_text(html)
        elif name != "README.md":
            problems.append(f"{name}: not a format the corpus is meant to contain")
    return texts


def main() -> int:
    problems: list[str] = []
    texts = read_corpus(problems)
    for key, text in texts.items():
        words = len(re.findall(r"\w+", text))
        high = CAPTURE_MAX_WORDS if key.endswith(".txt") else MAX_WORDS
        if not MIN_WORDS <= words <= high:
            problems.append(f"{key}: {words} words, expected {MIN_WORDS}-{high}")
        print(f"{words:5d}  {key}")
    if text_hash(texts[EXACT[0]]) != text_hash(texts[EXACT[1]]):
        problems.append(f"{EXACT[0]} is meant to be an exact copy of {EXACT[1]}")
    first, second = (signature(texts[key]) for key in NEAR)
    near = similarity(first, second) if first is not None and second is not None else 0.0
    if not 0.8 <= near < 1.0:
        problems.append(f"{NEAR[1]} is meant to be a near copy of {NEAR[0]} (similarity {near:.2f})")
    print(f"{len(texts)} documents; near-duplicate similarity {near:.2f}")
    for problem in problems:
        print(f"problem: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
