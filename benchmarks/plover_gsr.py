"""PLOVER event coding on the PLOVER gold-standard sentences (../shared/eval/plover_gsr/dev.jsonl): each line is
a document of one sentence with no publication date. Reports whether the gold type is among the events found,
whether the first event found has it, whether the source country is right, a confusion table by type, and the
throughput of event extraction alone (after the parse) in words per second on one core. Every dev sentence was
read while writing the patterns, so all of these are scores on tuning data; there is no held-out part.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pycountry

if __package__ in (None, ""):  # run as `python benchmarks/plover_gsr.py`: make `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import EVAL, need
from benchmarks.seeds_actors import gold_texts
from bilateral.annotate import analyse, load_knowledge
from bilateral.annotate.nlp import parse
from bilateral.extract.events import extract_events, load_event_patterns
from bilateral.knowledge import load_packs
from bilateral.model import Analysis, Event

TUNED = "tuned (all dev sentences read)"

# CAMEO country codes that differ from ISO 3166 alpha-3 (as used in the gold records)
CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "UKG": "GBR", "GMY": "DEU", "SAF": "ZAF"}
TIMING_ROUNDS = 5


def gold_countries(record: dict[str, Any]) -> set[str]:
    """The gold source's ISO country codes; non-state codes (IGO, NGO, militant groups) are not countries."""
    codes = set()
    for side in record.get("source") or []:
        code = CAMEO_TO_ISO.get(side.get("code") or "", side.get("code") or "")
        if code and pycountry.countries.get(alpha_3=code) is not None:
            codes.add(code)
    return codes


def score(records: list[dict[str, Any]], found: list[list[Event]]) -> dict[str, float]:
    among = first = with_country = country_right = 0
    for record, events in zip(records, found, strict=True):
        types = [event.type for event in events]
        among += record["event"] in types
        first += bool(types) and types[0] == record["event"]
        countries = gold_countries(record)
        if countries:
            with_country += 1
            # the event that codes the gold event: the first of the gold type, else the first found
            event = next((e for e in events if e.type == record["event"]), events[0] if events else None)
            country_right += event is not None and bool(countries & set(event.source_countries))
    n = max(len(records), 1)
    return {
        "among": round(100 * among / n, 1),
        "first": round(100 * first / n, 1),
        "country": round(100 * country_right / max(with_country, 1), 1),
        "with_country": with_country,
    }


def confusion(records: list[dict[str, Any]], found: list[list[Event]]) -> Counter[tuple[str, str]]:
    """(gold type, first type found or "none") -> sentences."""
    return Counter((r["event"], events[0].type if events else "none") for r, events in zip(records, found, strict=True))


def confusion_table(table: Counter[tuple[str, str]]) -> str:
    """Gold types as rows, first types found as columns (Markdown)."""
    rows = sorted({gold for gold, _ in table})
    columns = sorted({first for _, first in table} | set(rows), key=lambda c: (c == "none", c))
    short = {c: c[:4] for c in columns}
    lines = ["| gold \\ first | " + " | ".join(short[c] for c in columns) + " | n | right % |"]
    lines.append("|---" * (len(columns) + 3) + "|")
    for gold in rows:
        counts = [table.get((gold, c), 0) for c in columns]
        total = sum(counts)
        cells = " | ".join(str(n) if n else "." for n in counts)
        lines.append(f"| {gold} | {cells} | {total} | {round(100 * table.get((gold, gold), 0) / total)} |")
    return "\n".join(lines)


def run() -> tuple[list[dict[str, Any]], list[list[Event]], float, int]:
    path = need(EVAL / "plover_gsr" / "dev.jsonl")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    knowledge = load_knowledge()
    patterns = load_event_patterns(load_packs())
    docs = list(parse(record["text"] for record in records))
    analyses = [
        analyse(d, published=None, document=r["id"], knowledge=knowledge) for d, r in zip(docs, records, strict=True)
    ]
    found = [extract_events(doc, analysis, patterns=patterns) for doc, analysis in zip(docs, analyses, strict=True)]
    # throughput of extraction alone, on real prose: these sentences plus the seed articles' body text
    seeds = _seed_gold()
    texts = list(gold_texts(seeds).values()) if seeds else []
    more_docs = list(parse(texts))
    more = [analyse(d, published=None, document=str(i), knowledge=knowledge) for i, d in enumerate(more_docs)]
    pairs: list[tuple[Any, Analysis]] = [*zip(docs, analyses, strict=True), *zip(more_docs, more, strict=True)]
    words = sum(len(doc.text.split()) for doc, _ in pairs)
    best = float("inf")
    for _ in range(TIMING_ROUNDS):
        started = time.perf_counter()
        for doc, analysis in pairs:
            extract_events(doc, analysis, patterns=patterns)
        best = min(best, time.perf_counter() - started)
    return records, found, words / best, words


def _seed_gold() -> dict[str, Any]:
    import yaml

    path = EVAL / "seeds_dev_gold.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}


def main() -> dict[str, float | int | str]:
    return report()[0]


def report() -> tuple[dict[str, float | int | str], str]:
    """The metrics, and the confusion table as Markdown."""
    records, found, speed, words = run()
    everything = score(records, found)
    table = confusion(records, found)
    mistakes = sorted(((n, gold, first) for (gold, first), n in table.items() if gold != first), reverse=True)
    metrics: dict[str, float | int | str] = {
        "plover gsr: sentences": len(records),
        "plover gsr: gold type among events found %": everything["among"],
        "plover gsr: first event has the gold type %": everything["first"],
        "plover gsr: source country right % (gold has a country)": everything["country"],
        "plover gsr: sentences whose gold source has a country": everything["with_country"],
        "plover gsr: commonest confusions (gold>first)": ", ".join(f"{g}>{f} {n}" for n, g, f in mistakes[:5]),
        "events: extraction alone (parse excluded) words/s per core": round(speed),
        "events: words timed": words,
    }
    return metrics, confusion_table(table)


if __name__ == "__main__":
    metrics, table = report()
    for metric, value in metrics.items():
        print(f"{metric}: {value}")
    print(f"\nGold type (rows) by the first event's type (columns):\n\n{table}")
