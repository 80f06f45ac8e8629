"""Actors and agenda issues on the seed gold: one canonical actor per gold actor, the right country, no junk
actors, gold issues recalled, and each document's top three issues among those it really discusses.

The clean text is the gold body lines (so this measures understanding, not cleaning).
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from benchmarks.common import EVAL, SEEDS, need
from bilateral.annotate import analyse, load_knowledge
from bilateral.annotate.knowledge import fold
from bilateral.annotate.nlp import parse
from bilateral.model import Analysis

TUNED = "tuned (seed actors are pack entries)"

PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "this", "that", "who"}


def gold_texts(gold: dict[str, Any]) -> dict[str, str]:
    texts = {}
    for key, document in gold["documents"].items():
        lines = need(SEEDS / document["file"]).read_text(encoding="utf-8").splitlines()
        first, last = document["body_lines"]
        skip = set(document.get("boilerplate_lines", [])) | set(document.get("either_lines", []))
        kept = [lines[n - 1].strip() for n in range(first, last + 1) if lines[n - 1].strip() and n not in skip]
        texts[key] = "\n\n".join(kept)
    return texts


def analyses(gold: dict[str, Any]) -> dict[str, Analysis]:
    texts = gold_texts(gold)
    knowledge = load_knowledge()
    published = {key: document["published"] for key, document in gold["documents"].items()}
    return {
        key: analyse(doc, published=published[key], document=key, knowledge=knowledge)
        for key, doc in zip(texts, parse(texts.values()), strict=True)
    }


def _mentioned(name: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(fold(name))}(?!\w)", fold(text)) is not None


def main() -> dict[str, float | int | str]:
    gold: dict[str, Any] = yaml.safe_load(need(EVAL / "seeds_dev_gold.yaml").read_text(encoding="utf-8"))
    found = analyses(gold)
    pairs = one = right_country = split = 0
    for actor in gold["actors"]:
        names = [actor["name"], *actor.get("aliases", [])]
        for key in actor["docs"]:
            pairs += 1
            ids = {m.actor for m in found[key].mentions if any(_mentioned(name, m.text) for name in names)}
            one += len(ids) == 1
            split += len(ids) > 1
            right_country += len(ids) == 1 and found[key].actors[next(iter(ids))].country == actor["country"]
    junk = [
        actor.name
        for analysis in found.values()
        for actor in analysis.actors.values()
        if fold(actor.name) in PRONOUNS or re.fullmatch(r"[\d\s,./-]+", actor.name) or actor.name[:1].islower()
    ]
    recalled = total = top_ok = 0
    for key, issues in gold["issues"].items():
        ranked = sorted(found[key].issues, key=lambda issue: -found[key].issues[issue])
        total += len(issues)
        recalled += len(set(issues) & set(ranked))
        top_ok += all(issue in issues for issue in ranked[:3])
    return {
        "seeds: gold actors found as one canonical actor %": round(100 * one / pairs, 1),
        "seeds: of those, right country %": round(100 * right_country / max(one, 1), 1),
        "seeds: gold actors split across actors": split,
        "seeds: pronoun/date/common-noun actors": len(junk),
        "seeds: gold issues recalled %": round(100 * recalled / total, 1),
        "seeds: documents whose top 3 issues are gold issues": f"{top_ok}/{len(gold['issues'])}",
    }


if __name__ == "__main__":
    for metric, value in main().items():
        print(f"{metric}: {value}")
