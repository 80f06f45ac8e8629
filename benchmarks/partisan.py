"""Partisanship: nested cross-validated accuracy of the shipped model's recipe on the SemEval-2019 Task 4
by-article training set, beside a plain TF-IDF + logistic regression in the same folds.

Outer folds: sha1(article id) mod 5 (listed in benchmarks/splits/hyperpartisan.txt, checked here). In each outer
fold the settings (l2 strength, weight of the stylistic rates) are chosen by 3-fold cross-validation on the other
four fifths only (inner folds: sha1("inner" + id) mod 3), trained on those four fifths, and scored on the held
fifth, which no choice has seen. The baseline is the same learner on the word TF-IDF alone, with the default l2,
trained and scored on the same outer folds. Calibration: expected calibration error (10 equal-width bins) of the
outer out-of-fold probabilities, and the hyperpartisan share among articles scored ≥ 0.5 and < 0.5.
The bar: the best published SemEval-2019 test accuracy was 0.822 (on the separate test set, which is not here).
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np

from benchmarks.common import EVAL, need
from bilateral.compare.train_partisan import BASELINE, Example, accuracy, choose, fit, fold_of, read_examples

TUNED = "nested CV: settings chosen on inner folds, scored on untouched outer folds"
SPLIT = Path(__file__).resolve().parent / "splits" / "hyperpartisan.txt"
K = 5

TUNED = "tuned (CV on the training articles)"


def split_lines(examples: list[Example]) -> list[str]:
    return [f"{example.id} {fold_of(example.id, K)}" for example in sorted(examples, key=lambda e: e.id)]


def calibration_error(scores: np.ndarray, labels: np.ndarray, bins: int = 10) -> float:
    edges = np.minimum((scores * bins).astype(int), bins - 1)
    error = 0.0
    for b in range(bins):
        members = edges == b
        if members.any():
            error += members.mean() * abs(scores[members].mean() - labels[members].mean())
    return float(error)


def main() -> dict[str, object]:
    examples = read_examples(need(EVAL / "hyperpartisan" / "train.jsonl"))
    committed = SPLIT.read_text(encoding="utf-8").splitlines() if SPLIT.exists() else []
    if committed != split_lines(examples):
        raise RuntimeError(f"{SPLIT} does not match sha1(id) mod {K}; regenerate it with split_lines()")
    started = time.perf_counter()
    folds = np.array([fold_of(e.id, K) for e in examples])
    labels = np.array([e.label for e in examples], dtype=float)
    ours, baseline = np.zeros(len(examples)), np.zeros(len(examples))
    chosen = []
    for fold in range(K):
        train = [e for e, f in zip(examples, folds, strict=True) if f != fold]
        held = [e for e, f in zip(examples, folds, strict=True) if f == fold]
        settings = choose(train, k=3, salt="inner")
        chosen.append(f"l2={settings.l2:g}, style={settings.style_scale:g}")
        ours[folds == fold] = fit(train, settings).predict(held)
        baseline[folds == fold] = fit(train, BASELINE).predict(held)
    seconds = time.perf_counter() - started
    per_fold = [
        (accuracy([e for e, f in zip(examples, folds, strict=True) if f == k], ours[folds == k]),
         accuracy([e for e, f in zip(examples, folds, strict=True) if f == k], baseline[folds == k]))
        for k in range(K)
    ]  # fmt: skip
    majority = max(labels.mean(), 1 - labels.mean())
    return {
        "partisan: nested 5-fold CV accuracy (ours)": round(accuracy(examples, ours), 4),
        "partisan: TF-IDF + LR accuracy, same folds": round(accuracy(examples, baseline), 4),
        "partisan: folds where ours beats / ties / trails the baseline": " / ".join(
            str(sum(test(a, b) for a, b in per_fold)) for test in (float.__gt__, float.__eq__, float.__lt__)
        ),
        "partisan: settings chosen per outer fold": "; ".join(chosen),
        "partisan: calibration error (ECE, 10 bins), ours": round(calibration_error(ours, labels), 4),
        "partisan: hyperpartisan share among scored >= 0.5": round(float(labels[ours >= 0.5].mean()), 3),
        "partisan: hyperpartisan share among scored < 0.5": round(float(labels[ours < 0.5].mean()), 3),
        "partisan: majority-class accuracy": round(float(majority), 4),
        "partisan: bar (SemEval-2019 best test accuracy, other data)": 0.822,
        "partisan: articles": len(examples),
        "partisan: nested CV seconds": round(seconds, 1),
    }


if __name__ == "__main__":
    for metric, value in main().items():
        print(f"{metric}: {value}")
