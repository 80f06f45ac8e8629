"""Figures and issue linkages on the seed gold: gold figures found with the right value (and unit) in the right
document, gold linkages found (same document, the two issues, the key word inside the evidence), figures per
document, and throughput in words per second on one core.

The clean text is the gold body lines, so this measures extraction, not cleaning.
"""

from __future__ import annotations

import math
import time
from functools import cache
from typing import Any

import yaml

from benchmarks.common import EVAL, need
from benchmarks.seeds_actors import gold_texts
from bilateral.annotate import analyse, load_knowledge
from bilateral.annotate.nlp import parse
from bilateral.extract.figures import extract_figures
from bilateral.extract.linkages import extract_linkages, load_linkage_cues
from bilateral.knowledge import load_packs
from bilateral.model import Figure, Linkage

TUNED = "tuned (seed sentences)"


def figure_found(gold: dict[str, Any], figures: list[Figure]) -> bool:
    return any(
        math.isclose(figure.value, float(gold["value"]), rel_tol=1e-6)
        and (gold.get("unit") is None or figure.unit == gold["unit"])
        for figure in figures
    )


def linkage_found(gold: dict[str, Any], linkages: list[Linkage]) -> bool:
    wanted = set(gold["issues"])
    return any(
        set(linkage.issues) == wanted and gold["key"].lower() in linkage.evidence.lower() for linkage in linkages
    )


@cache  # the figure and linkage tests share one run
def run() -> tuple[dict[str, list[Figure]], dict[str, list[Linkage]], float, int]:
    gold: dict[str, Any] = yaml.safe_load(need(EVAL / "seeds_dev_gold.yaml").read_text(encoding="utf-8"))
    texts = gold_texts(gold)
    knowledge = load_knowledge()
    cues = load_linkage_cues(load_packs())
    docs = list(parse(texts.values()))
    figures: dict[str, list[Figure]] = {}
    linkages: dict[str, list[Linkage]] = {}
    analyses = {
        key: analyse(doc, published=gold["documents"][key]["published"], document=key, knowledge=knowledge)
        for key, doc in zip(texts, docs, strict=True)
    }
    # only this stage's own work is timed: parsing and annotation are measured by their own benchmarks
    began = time.perf_counter()
    for key, doc in zip(texts, docs, strict=True):
        analysis = analyses[key]
        figures[key] = extract_figures(doc, analysis)
        linkages[key] = extract_linkages(doc, analysis, cues=cues)
    elapsed = time.perf_counter() - began
    words = sum(len(text.split()) for text in texts.values())
    return figures, linkages, elapsed, words


def main() -> dict[str, float | int | str]:
    gold: dict[str, Any] = yaml.safe_load(need(EVAL / "seeds_dev_gold.yaml").read_text(encoding="utf-8"))
    figures, linkages, elapsed, words = run()
    found_figures = sum(figure_found(g, figures.get(g["doc"], [])) for g in gold["figures"])
    found_links = sum(linkage_found(g, linkages.get(g["doc"], [])) for g in gold["linkages"])
    bad = [
        f for doc in figures.values() for f in doc if f.approx == "exact" and f.unit is None and 1900 <= f.value <= 2100
    ]
    return {
        "seeds: gold figures found (value, unit) %": round(100 * found_figures / len(gold["figures"]), 1),
        "seeds: gold linkages found %": round(100 * found_links / len(gold["linkages"]), 1),
        "seeds: figures per document": round(sum(map(len, figures.values())) / len(figures), 1),
        "seeds: year-like figures emitted": len(bad),
        "seeds: linkages per document": round(sum(map(len, linkages.values())) / len(linkages), 1),
        "seeds: figures+linkages words/s per core (after parse and annotate)": round(words / elapsed),
    }


if __name__ == "__main__":
    for name, value in main().items():
        print(f"{name}: {value}")
