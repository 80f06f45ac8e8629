"""PLOVER events on the seed gold: a gold event is found when the same document has an event of an accepted type
whose source side acts for the gold country and whose evidence contains the gold key word.

The clean text is the gold body lines (as in seeds_actors), so this measures event extraction, not cleaning.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

if __package__ in (None, ""):  # run as `python benchmarks/seeds_events.py`: make `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import EVAL, need
from benchmarks.seeds_actors import gold_texts
from bilateral.annotate import analyse, load_knowledge
from bilateral.annotate.knowledge import fold
from bilateral.annotate.nlp import parse
from bilateral.extract.events import extract_events, load_event_patterns
from bilateral.knowledge import load_packs
from bilateral.model import Event

TUNED = "tuned (seed sentences)"


def document_events(gold: dict[str, Any]) -> tuple[dict[str, str], dict[str, list[Event]]]:
    texts = gold_texts(gold)
    knowledge = load_knowledge()
    patterns = load_event_patterns(load_packs())
    published = {key: document["published"] for key, document in gold["documents"].items()}
    events = {}
    for key, doc in zip(texts, parse(texts.values()), strict=True):
        analysis = analyse(doc, published=published[key], document=key, knowledge=knowledge)
        events[key] = extract_events(doc, analysis, patterns=patterns)
    return texts, events


def matches(event: Event, expected: dict[str, Any]) -> bool:
    return (
        event.type in expected["types"]
        and expected["source"] in event.source_countries
        and fold(expected["key"]) in fold(event.evidence)
    )


def main() -> dict[str, float | int | str]:
    gold: dict[str, Any] = yaml.safe_load(need(EVAL / "seeds_dev_gold.yaml").read_text(encoding="utf-8"))
    texts, events = document_events(gold)
    found = [
        expected["id"] for expected in gold["events"] if any(matches(e, expected) for e in events[expected["doc"]])
    ]
    everything = [event for document in events.values() for event in document]
    exact = all(texts[key][e.start : e.end] == e.evidence for key, document in events.items() for e in document)
    return {
        "seeds events: gold events found %": round(100 * len(found) / len(gold["events"]), 1),
        "seeds events: gold events found": f"{len(found)}/{len(gold['events'])}",
        "seeds events: missed": ", ".join(e["id"] for e in gold["events"] if e["id"] not in found) or "none",
        "seeds events: events extracted": len(everything),
        "seeds events: with a source country %": round(
            100 * sum(bool(e.source_countries) for e in everything) / max(len(everything), 1), 1
        ),
        "seeds events: evidence equals text[start:end]": "yes"
        if exact and all(e.evidence for e in everything)
        else "no",
    }


if __name__ == "__main__":
    for metric, value in main().items():
        print(f"{metric}: {value}")
