"""Plain-text capture cleaning: the seed gold (body kept, boilerplate left, title/author/date found), and, as a
check on outlets the seeds do not show, the AEB news pages turned into plain-text captures (what a reader gets
by selecting a page in a browser and copying it), scored against AEB's gold main text.
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from pathlib import Path
from typing import Any

import lxml.html
import yaml

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script: find `benchmarks`

from benchmarks.common import EVAL, SEEDS, need
from bilateral.clean.capture import clean_capture
from bilateral.clean.quality import shingle_f1

TUNED = "tuned (seed captures; AEB pages)"

# Elements a browser lays out as blocks: their text starts on a line of its own.
BLOCKS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "br", "tr", "table", "section", "article",
    "header", "footer", "nav", "aside", "blockquote", "figure", "figcaption", "main", "form", "dd", "dt", "dl",
    "pre", "hr", "button", "label", "time",
}  # fmt: skip
PARAGRAPHS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figure", "article", "section"}
INVISIBLE = {"script", "style", "noscript", "template", "svg", "iframe", "head", "select", "input", "textarea"}


def seeds() -> dict[str, float | int | str]:
    gold: dict[str, Any] = yaml.safe_load(need(EVAL / "seeds_dev_gold.yaml").read_text(encoding="utf-8"))
    kept = total = left = titles = authors = authors_gold = dates = dates_gold = 0
    documents = gold["documents"].values()
    for document in documents:
        lines = need(SEEDS / document["file"]).read_text(encoding="utf-8").splitlines()
        cleaned = clean_capture("\n".join(lines))
        paragraphs = set(cleaned.text.split("\n\n"))
        first, last = document["body_lines"]
        skip = set(document.get("boilerplate_lines", [])) | set(document.get("either_lines", []))
        for number in range(first, last + 1):
            line = lines[number - 1].strip()
            if line and number not in skip:
                total += len(line)
                kept += len(line) * (line in paragraphs)
        left += sum(lines[n - 1].strip() in paragraphs for n in document.get("boilerplate_lines", []))
        titles += cleaned.title == document["title"]
        authors_gold += len(document["authors"])
        authors += len(set(cleaned.authors) & set(document["authors"]))
        authors -= len(set(cleaned.authors) - set(document["authors"]))  # a name where none is stated costs one
        dates_gold += document["published"] is not None
        dates += document["published"] is not None and cleaned.published == document["published"]
        dates -= cleaned.published != document["published"] and document["published"] is None
    return {
        "seeds: body characters kept %": round(100 * kept / total, 2),
        "seeds: boilerplate lines left": left,
        "seeds: titles exact": f"{titles}/{len(documents)}",
        "seeds: stated authors found": f"{authors}/{authors_gold}",
        "seeds: stated dates found": f"{dates}/{dates_gold}",
    }


def visible_text(html: str) -> str:
    """A page's visible text as a browser copy gives it: one block per line, paragraphs apart."""
    try:
        root = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ""
    parts: list[str] = []

    def walk(element: Any) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        hidden = "display:none" in (element.get("style") or "").replace(" ", "") or element.get("hidden") is not None
        if tag and tag not in INVISIBLE and not hidden:
            gap = "\n\n" if tag in PARAGRAPHS else "\n" if tag in BLOCKS else ""
            parts.append(gap + (element.text or ""))
            for child in element:
                walk(child)
            parts.append(gap)
        parts.append(element.tail or "")

    body = root.find("body")
    walk(body if body is not None else root)
    lines = [" ".join(line.split()) for line in "".join(parts).split("\n")]
    text = "\n".join(lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip()


def aeb_captures() -> dict[str, float | int | str]:
    truth = json.loads(need(EVAL / "aeb" / "ground-truth.json").read_text(encoding="utf-8"))
    captures = {
        key: visible_text(
            gzip.decompress((need(EVAL / "aeb" / "html" / f"{key}.html.gz")).read_bytes()).decode("utf-8", "replace")
        )
        for key in truth
    }
    scores = []
    words = 0
    started = time.perf_counter()
    for key, capture in captures.items():
        words += len(capture.split())
        scores.append(shingle_f1(clean_capture(capture).text, truth[key]["articleBody"]))
    seconds = time.perf_counter() - started
    return {
        "aeb as text captures: mean word-4-shingle F1": round(sum(s[0] for s in scores) / len(scores), 4),
        "aeb as text captures: mean precision": round(sum(s[1] for s in scores) / len(scores), 4),
        "aeb as text captures: mean recall": round(sum(s[2] for s in scores) / len(scores), 4),
        "captures: words/s per core": round(words / seconds),
    }


def main() -> dict[str, float | int | str]:
    return seeds() | aeb_captures()


if __name__ == "__main__":
    for name, value in main().items():
        print(f"{name}: {value}")
