"""Stories and figure agreement across documents.

Seeds: the three shared seed articles run through the whole pipeline; each gold story's documents must fall in
one story. Examples: the bundled corpus, whose README lists figures that disagree on purpose; reported are the
stories and comparisons found and whether the designed vaccine-dose conflict (2.5 million against 2.7 million)
is among them. Speed: the corpus pass (load, stories, figure comparisons, save) on the example store.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import yaml

from benchmarks.common import EVAL, need
from bilateral.export.contract import build_map
from bilateral.pipeline import analyze, ingest, relate
from bilateral.stages import load_knowledge
from bilateral.store.db import connect

TUNED = "tuned (seeds and examples read while writing the rules); dyads: see ../shared/eval/dyads"
ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
EXAMPLES = ROOT / "examples" / "us-mexico"


def main() -> dict[str, float | int | str]:
    gold = yaml.safe_load(need(EVAL / "seeds_dev_gold.yaml").read_text(encoding="utf-8"))
    metrics: dict[str, float | int | str] = {}
    with tempfile.TemporaryDirectory() as folder:
        db = connect(Path(folder) / "seeds.db")
        ingest(db, [str(need(SEEDS))])
        analyze(db)
        data = build_map(db)
        key_of = {d["id"]: Path(d["source"]).name.split("_")[0] for d in data["documents"]}
        found = [{key_of[d] for d in story["documents"]} for story in data["stories"]]
        hits = sum(any(set(story["docs"]) <= docs for docs in found) for story in gold["stories"])
        metrics["seeds: gold stories in one story"] = f"{hits}/{len(gold['stories'])}"
        metrics["seeds: stories found"] = len(data["stories"])

        db = connect(Path(folder) / "examples.db")
        ingest(db, [str(EXAMPLES)])
        analyze(db)
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
        metrics["examples: 2.5 vs 2.7 million doses flagged"] = str(frozenset({2.5e6, 2.7e6}) in doses)
        knowledge = load_knowledge()
        started, cpu = time.perf_counter(), time.process_time()
        relate(db, knowledge)
        metrics["examples: corpus pass seconds (18 documents)"] = round(time.perf_counter() - started, 2)
        # with sentence embeddings: the model's load and one encoding per event and figure sentence
        metrics["examples: corpus pass CPU seconds (18 documents)"] = round(time.process_time() - cpu, 2)
    return metrics


if __name__ == "__main__":
    for metric, value in main().items():
        print(f"{metric}: {value}")
