"""Stories and figure agreement across documents.

Seeds: the three shared seed articles run through the whole pipeline. With three documents, almost any story
holds the documents of two gold stories, so a gold story counts only when a product story has exactly its
documents, and one product story counts for one gold story at most (two gold stories on the same two documents
need two product stories); beside it, how many product stories hold all of each gold story's documents.
Examples: the bundled corpus, whose README lists figures that disagree on purpose; reported are the
stories and comparisons found, whether the designed vaccine-dose conflict (2.5 million against 2.7 million)
is among them, and how many flagged conflicts pair figures of the same listed quantity (EXAMPLE_QUANTITIES).
Speed: the corpus pass (load, stories, figure comparisons, save) on the example store.
"""

from __future__ import annotations

import tempfile
import time
from math import isclose
from pathlib import Path
from typing import Any

import yaml

from benchmarks.common import EVAL, need
from bilateral.engines import EngineSpec
from bilateral.export.contract import build_map
from bilateral.pipeline import analyze, ingest, relate
from bilateral.stages import load_knowledge
from bilateral.store.db import connect

TUNED = "tuned (seeds and examples read while writing the rules); dyads: see ../shared/eval/dyads"
# one process: figures per core, not spread over worker processes started for the run
ONE_PROCESS = EngineSpec(workers=1)

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
EXAMPLES = ROOT / "examples" / "us-mexico"

# What each figure listed in examples/README.md ("Figures that disagree on purpose") counts: a flagged conflict is
# right when both values count the same thing, wrong when they count different listed things, and not judged when
# a value is not listed there.
EXAMPLE_QUANTITIES: dict[str, tuple[float, ...]] = {
    "asylum seekers returned under MPP": (50_000, 60_000, 70_000, 71_000),
    "AstraZeneca doses lent to Mexico": (2.5e6, 2.7e6),
    "Mexican troops sent to the borders, 2019": (6_000, 15_000, 25_000, 27_000),
    "Mexican troops at the southern border, 2021": (10_000,),
    "US funding under the Mérida Initiative": (3e9, 3.3e9),
    "dead in Culiacán": (8, 12),
}


def exact_matches(gold: list[dict[str, Any]], found: list[set[str]]) -> int:
    """Gold stories paired one-to-one with product stories whose document set equals theirs."""
    unused = list(found)
    hits = 0
    for story in gold:
        match = next((docs for docs in unused if docs == set(story["docs"])), None)
        if match is not None:
            unused.remove(match)
            hits += 1
    return hits


def quantity_of(value: float) -> str | None:
    """The listed quantity a value counts, or None when examples/README.md does not list it."""
    return next((name for name, values in EXAMPLE_QUANTITIES.items() if any(isclose(value, v) for v in values)), None)


def judge_conflicts(comparisons: list[dict[str, Any]]) -> tuple[int, int, int]:
    """(right, wrong, not judged) over the comparisons flagged `conflict`."""
    right = wrong = unjudged = 0
    for comparison in comparisons:
        if comparison["relation"] != "conflict":
            continue
        quantities = [quantity_of(side["value"]) for side in comparison["sides"]]
        if None in quantities:
            unjudged += 1
        elif len(set(quantities)) == 1:
            right += 1
        else:
            wrong += 1
    return right, wrong, unjudged


def main() -> dict[str, float | int | str]:
    gold = yaml.safe_load(need(EVAL / "seeds_dev_gold.yaml").read_text(encoding="utf-8"))
    metrics: dict[str, float | int | str] = {}
    with tempfile.TemporaryDirectory() as folder:
        db = connect(Path(folder) / "seeds.db")
        ingest(db, [str(need(SEEDS))])
        analyze(db, engine=ONE_PROCESS)
        data = build_map(db)
        key_of = {d["id"]: Path(d["source"]).name.split("_")[0] for d in data["documents"]}
        found = [{key_of[d] for d in story["documents"]} for story in data["stories"]]
        metrics["seeds: gold stories matched to a story with exactly their documents"] = (
            f"{exact_matches(gold['stories'], found)}/{len(gold['stories'])}"
        )
        metrics["seeds: product stories holding each gold story's documents"] = ", ".join(
            f"{story['id']} {sum(set(story['docs']) <= docs for docs in found)}" for story in gold["stories"]
        )
        metrics["seeds: stories found"] = len(data["stories"])

        db = connect(Path(folder) / "examples.db")
        ingest(db, [str(EXAMPLES)])
        analyze(db, engine=ONE_PROCESS)
        data = build_map(db)
        relations = [c["relation"] for c in data["figure_comparisons"]]
        metrics["examples: stories found"] = len(data["stories"])
        metrics["examples: figure pairs agreeing"] = relations.count("agree")
        metrics["examples: figure pairs conflicting"] = relations.count("conflict")
        doses = {
            frozenset(side["value"] for side in c["sides"])
            for c in data["figure_comparisons"]
            if c["relation"] == "conflict"
        }
        planted = frozenset({2.5e6, 2.7e6}) in doses
        metrics["examples: planted conflict (2.5 vs 2.7 million doses) flagged"] = str(planted)
        right, wrong, unjudged = judge_conflicts(data["figure_comparisons"])
        metrics["examples: flagged conflicts right / wrong / not judged"] = f"{right} / {wrong} / {unjudged}"
        metrics["examples: precision of flagged conflicts (judged)"] = (
            round(right / (right + wrong), 3) if right + wrong else "n/a (none judged)"
        )
        knowledge = load_knowledge()
        db.execute("DELETE FROM sentence_vectors")  # every sentence encoded again, as in a first corpus pass
        started, cpu = time.perf_counter(), time.process_time()
        relate(db, knowledge)
        metrics["examples: corpus pass seconds (18 documents)"] = round(time.perf_counter() - started, 2)
        # with sentence embeddings: the model's load and one encoding per sentence a candidate pair compares
        metrics["examples: corpus pass CPU seconds (18 documents)"] = round(time.process_time() - cpu, 2)
        started = time.perf_counter()
        relate(db, knowledge)  # the vectors the pass before stored
        metrics["examples: corpus pass seconds, vectors from the store"] = round(time.perf_counter() - started, 2)
    return metrics


if __name__ == "__main__":
    for metric, value in main().items():
        print(f"{metric}: {value}")
