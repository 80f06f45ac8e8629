"""Partisanship: stratified 5-fold cross-validated accuracy of the shipped model's recipe on the SemEval-2019
Task 4 by-article training set (fresh run, fixed seed), beside the accuracy recorded when the model was trained.
The bar: the best published SemEval-2019 test accuracy was 0.822.
"""

from __future__ import annotations

import json
import time

from benchmarks.common import EVAL, need
from bilateral.compare.partisan import MODEL_PATH
from bilateral.compare.train_partisan import cross_validate, read_examples

TUNED = "tuned (CV on the training articles)"


def main() -> dict[str, float | int | str]:
    examples = read_examples(need(EVAL / "hyperpartisan" / "train.jsonl"))
    started = time.perf_counter()
    accuracy = cross_validate(examples)
    seconds = time.perf_counter() - started
    recorded = json.loads(MODEL_PATH.with_suffix(".json").read_text(encoding="utf-8"))["cv_accuracy"]
    majority = max(sum(e.label for e in examples), len(examples) - sum(e.label for e in examples)) / len(examples)
    return {
        "partisan: 5-fold CV accuracy": round(accuracy, 4),
        "partisan: CV accuracy recorded in the model": recorded,
        "partisan: majority-class accuracy": round(majority, 4),
        "partisan: bar (SemEval-2019 best test accuracy)": 0.822,
        "partisan: articles": len(examples),
        "partisan: CV seconds": round(seconds, 1),
    }


if __name__ == "__main__":
    for metric, value in main().items():
        print(f"{metric}: {value}")
