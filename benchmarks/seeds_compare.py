"""Comparing sources on the seed gold: genre of each seed, the frames of 004 (security and humanitarian among
them), and the tone toward each document's main actors. Clean text is the gold body lines.
"""

from __future__ import annotations

from typing import Any

import yaml

from benchmarks.common import EVAL, need
from benchmarks.seeds_actors import gold_texts
from bilateral.annotate import analyse, load_knowledge
from bilateral.annotate.nlp import parse
from bilateral.compare.frames import frames
from bilateral.compare.genre import classify_genre
from bilateral.compare.tone import stances
from bilateral.model import Article

TUNED = "tuned (seed articles)"


def main() -> dict[str, float | int | str]:
    gold: dict[str, Any] = yaml.safe_load(need(EVAL / "seeds_dev_gold.yaml").read_text(encoding="utf-8"))
    texts = gold_texts(gold)
    knowledge = load_knowledge()
    metrics: dict[str, float | int | str] = {}
    right = 0
    for (key, text), doc in zip(texts.items(), parse(texts.values()), strict=True):
        document = gold["documents"][key]
        article = Article(id=key, source=document["file"], raw_hash=key, text=text, title=document["title"])
        genre = classify_genre(article, doc)
        right += genre.label == document["genre"]
        metrics[f"seeds: genre {key} (gold {document['genre']})"] = f"{genre.label} {genre.score:.2f}"
        analysis = analyse(doc, published=document["published"], document=key, knowledge=knowledge)
        uses = frames(doc, analysis)
        overall = [use for use in uses if use.issue is None]
        if key == "004":
            names = {use.frame for use in overall}
            metrics["seeds: 004 frames found"] = len(overall)
            metrics["seeds: 004 top frames"] = ", ".join(use.frame for use in overall[:4])
            metrics["seeds: 004 has security + humanitarian"] = str({"security_and_defence", "humanitarian"} <= names)
        unsupported = sum(1 for use in uses if not use.evidence or any(text[s:e] != t for s, e, t in use.evidence))
        metrics[f"seeds: {key} frame uses without exact evidence"] = unsupported
        tone = stances(doc, analysis)
        metrics[f"seeds: tone {key}"] = "; ".join(f"{s.actor} {s.score:+.2f} ({len(s.evidence)})" for s in tone)
    metrics["seeds: genres right"] = f"{right}/{len(texts)}"
    return metrics


if __name__ == "__main__":
    for metric, value in main().items():
        print(f"{metric}: {value}")
