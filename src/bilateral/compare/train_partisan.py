"""Train the partisanship model: SemEval-2019 Task 4 by-article data → models/partisan.npz (+ partisan.json).

Numpy only: a sparse logistic regression fitted by Nesterov-accelerated gradient descent for a fixed number of
steps, so the same data and seed give the same bytes. The settings (l2 strength, weight of the stylistic rates)
are chosen by cross-validation on the training articles from CANDIDATES; folds are fixed by a hash of each
article's id (see `fold_of`), so the choice and the reported accuracy are the same on every run.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import math
import sys
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from bilateral.compare.partisan import (
    MODEL_PATH,
    N_BUCKETS,
    STYLE_NAMES,
    STYLE_SCALE,
    Float,
    Int,
    document_row,
    style_features,
    term_counts,
)

DATA = Path(__file__).resolve().parents[3] / ".." / "shared" / "eval" / "hyperpartisan" / "train.jsonl"
SEED = 20190101
L2 = 1e-4
STEPS = 400
CREDIT = (
    "SemEval-2019 Task 4: Hyperpartisan News Detection, by-article training set (Kiesel, Mestre, Shukla, "
    "Vincent, Adineh, Corney, Stein and Potthast, 2019), CC BY 4.0"
)
BAR = "SemEval-2019 Task 4 best published test accuracy: 0.822"


@dataclass(frozen=True)
class Example:
    title: str
    text: str
    label: int
    id: str = ""


@dataclass(frozen=True)
class Settings:
    """One candidate model: l2 strength and the weight of the stylistic rates (0: TF-IDF + LR alone)."""

    l2: float = L2
    style_scale: float = STYLE_SCALE


BASELINE = Settings(l2=L2, style_scale=0.0)  # the plain TF-IDF + logistic regression
CANDIDATES = tuple(Settings(l2, scale) for l2 in (3e-5, 1e-4, 3e-4) for scale in (0.15, 0.3))
_FEATURES: dict[tuple[str, str], tuple[dict[int, int], list[float]]] = {}


def _features(example: Example) -> tuple[dict[int, int], list[float]]:
    """Term counts and stylistic rates of one example, computed once per process (folds reuse them)."""
    key = (example.title, example.text)
    if key not in _FEATURES:
        _FEATURES[key] = (term_counts(f"{example.title}\n{example.text}"), style_features(example.text, example.title))
    return _FEATURES[key]


def fold_of(id: str, k: int, *, salt: str = "") -> int:
    """The fold of an article: sha1 of its id (and a salt, for folds within folds), modulo k."""
    return int(hashlib.sha1(f"{salt}{id}".encode()).hexdigest(), 16) % k


def html_text(html: str) -> str:
    import lxml.html

    if not html.strip():
        return ""
    root = lxml.html.fromstring(html)
    return "\n".join(part.strip() for part in root.itertext() if part.strip())


def read_examples(path: Path) -> list[Example]:
    examples: list[Example] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            examples.append(
                Example(
                    record.get("title") or "",
                    html_text(record["html"]),
                    int(record["hyperpartisan"]),
                    str(record.get("id", len(examples))),
                )
            )
    return examples


@dataclass(frozen=True)
class Rows:
    """A CSR matrix as plain arrays (no scipy at run time or in training)."""

    indptr: Int
    indices: Int
    data: Float
    n_columns: int

    def dot(self, weights: Float) -> Float:
        products = self.data * weights[self.indices]
        sums = np.add.reduceat(products, self.indptr[:-1]) if products.size else np.zeros(0)
        # reduceat repeats the next value for empty rows; every row here has its stylistic columns, so none is empty
        return sums

    def transpose_dot(self, values: Float) -> Float:
        per_entry = np.repeat(values, np.diff(self.indptr)) * self.data
        return np.bincount(self.indices, weights=per_entry, minlength=self.n_columns).astype(np.float64)


def fit_idf(examples: Sequence[Example]) -> Float:
    document_frequency = np.zeros(N_BUCKETS, dtype=np.float64)
    for example in examples:
        keys = np.fromiter(_features(example)[0].keys(), dtype=np.int64)
        document_frequency[keys] += 1
    n = len(examples)
    idf = np.log((1 + n) / (1 + document_frequency)) + 1.0
    idf[document_frequency == 0] = 0.0
    return idf


def featurise(
    examples: Sequence[Example], idf: Float, mean: Float, std: Float, *, style_scale: float = STYLE_SCALE
) -> Rows:
    indptr, indices, data = [0], [], []
    for example in examples:
        counts, style = _features(example)
        columns, values = document_row(
            example.text, example.title, idf, mean, std, style_scale=style_scale, counts=counts, style=style
        )
        indices.append(columns)
        data.append(values)
        indptr.append(indptr[-1] + len(columns))
    return Rows(
        np.array(indptr, dtype=np.int64), np.concatenate(indices), np.concatenate(data), N_BUCKETS + len(STYLE_NAMES)
    )


def fit_logistic(rows: Rows, labels: Float, *, l2: float = L2, steps: int = STEPS) -> tuple[Float, float]:
    """Mean log-loss + l2/2·|w|², Nesterov gradient descent with a step from a bound on the curvature."""
    n = len(labels)
    squared_norms = np.add.reduceat(rows.data**2, rows.indptr[:-1])
    step = 1.0 / (0.25 * (float(squared_norms.max()) + 1.0) + l2)
    weights = np.zeros(rows.n_columns)
    bias = 0.0
    previous_w, previous_b = weights.copy(), bias
    for t in range(1, steps + 1):
        momentum = (t - 1) / (t + 2)
        look_w = weights + momentum * (weights - previous_w)
        look_b = bias + momentum * (bias - previous_b)
        probabilities = 1.0 / (1.0 + np.exp(-(rows.dot(look_w) + look_b)))
        error = (probabilities - labels) / n
        previous_w, previous_b = weights, bias
        weights = look_w - step * (rows.transpose_dot(error) + l2 * look_w)
        bias = look_b - step * float(error.sum())
    return weights, bias


@dataclass(frozen=True)
class Trained:
    idf: Float
    mean: Float
    std: Float
    weights: Float
    bias: float
    style_scale: float = STYLE_SCALE

    def predict(self, examples: Sequence[Example]) -> Float:
        rows = featurise(examples, self.idf, self.mean, self.std, style_scale=self.style_scale)
        return 1.0 / (1.0 + np.exp(-(rows.dot(self.weights) + self.bias)))


def train(
    examples: Sequence[Example], *, l2: float = L2, steps: int = STEPS, style_scale: float = STYLE_SCALE
) -> Trained:
    idf = fit_idf(examples)
    style = np.array([_features(example)[1] for example in examples])
    mean = style.mean(axis=0)
    std = style.std(axis=0)
    std[std == 0] = 1.0
    rows = featurise(examples, idf, mean, std, style_scale=style_scale)
    weights, bias = fit_logistic(rows, np.array([example.label for example in examples], float), l2=l2, steps=steps)
    return Trained(idf, mean, std, weights, bias, style_scale)


def fit(examples: Sequence[Example], settings: Settings) -> Trained:
    return train(examples, l2=settings.l2, style_scale=settings.style_scale)


def out_of_fold(examples: Sequence[Example], settings: Settings, k: int, *, salt: str = "") -> Float:
    """Each example's probability from a model trained on the other folds (folds by `fold_of`)."""
    folds = [fold_of(example.id, k, salt=salt) for example in examples]
    scores = np.zeros(len(examples))
    for fold in range(k):
        held = [i for i, f in enumerate(folds) if f == fold]
        model = fit([e for e, f in zip(examples, folds, strict=True) if f != fold], settings)
        scores[held] = model.predict([examples[i] for i in held])
    return scores


def accuracy(examples: Sequence[Example], scores: Float) -> float:
    return float(np.mean((scores >= 0.5) == np.array([e.label for e in examples], bool)))


def choose(examples: Sequence[Example], *, k: int = 3, salt: str = "inner") -> Settings:
    """The candidate with the best k-fold accuracy on these examples (ties: the first listed)."""
    scored = [(accuracy(examples, out_of_fold(examples, s, k, salt=salt)), -n) for n, s in enumerate(CANDIDATES)]
    return CANDIDATES[-max(scored)[1]]


def stratified_folds(labels: Sequence[int], k: int, seed: int) -> list[list[int]]:
    rng = np.random.default_rng(seed)
    folds: list[list[int]] = [[] for _ in range(k)]
    for label in sorted(set(labels)):
        members = [i for i, value in enumerate(labels) if value == label]
        for position, index in enumerate(rng.permutation(members).tolist()):
            folds[position % k].append(index)
    return [sorted(fold) for fold in folds]


def cross_validate(examples: Sequence[Example], *, k: int = 5, seed: int = SEED, l2: float = L2) -> float:
    """Stratified k-fold accuracy; idf and scaling are fitted inside each fold, so nothing leaks."""
    folds = stratified_folds([example.label for example in examples], k, seed)
    correct = 0
    for fold in folds:
        held = set(fold)
        model = train([example for i, example in enumerate(examples) if i not in held], l2=l2)
        test = [examples[i] for i in fold]
        predictions = model.predict(test) >= 0.5
        correct += int(sum(int(p) == example.label for p, example in zip(predictions, test, strict=True)))
    return correct / len(examples)


def _array_bytes(array: npt.NDArray[Any]) -> bytes:
    buffer = io.BytesIO()
    np.lib.format.write_array(buffer, array, allow_pickle=False)
    return buffer.getvalue()


def write_model(model: Trained, path: Path) -> None:
    """An .npz np.load reads, written with fixed zip timestamps so identical models give identical bytes."""
    arrays: dict[str, npt.NDArray[Any]] = {
        "idf": model.idf.astype(np.float32),
        "style_mean": model.mean.astype(np.float32),
        "style_std": model.std.astype(np.float32),
        "weights": model.weights.astype(np.float32),
        "bias": np.array([model.bias], dtype=np.float64),
        "style_scale": np.array([model.style_scale], dtype=np.float64),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, array in arrays.items():
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, _array_bytes(array))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args(argv)
    if not args.data.exists():
        sys.stderr.write(f"error: training data {args.data} not found — pass --data path/to/train.jsonl\n")
        return 2
    examples = read_examples(args.data)
    settings = choose(examples, k=5, salt="")
    cv_accuracy = accuracy(examples, out_of_fold(examples, settings, 5))
    model = fit(examples, settings)
    write_model(model, args.out)
    meta = {
        "model": "logistic regression over hashed word tf-idf (crc32, sublinear tf, l2-normalised) and stylistic rates",
        "buckets": N_BUCKETS,
        "tokens": "lower-cased words, digits, ! and ?; words of the title then the text",
        "style_features": list(STYLE_NAMES),
        "l2": settings.l2,
        "style_scale": settings.style_scale,
        "chosen_from": [{"l2": c.l2, "style_scale": c.style_scale} for c in CANDIDATES],
        "steps": STEPS,
        "folds": "sha1(article id) mod 5",
        "training_data": CREDIT,
        "training_examples": len(examples),
        "cv_folds": 5,
        "cv_accuracy": round(cv_accuracy, 4),
        "cv_note": "settings chosen on these same folds, so optimistic; benchmarks/partisan.py gives nested CV",
        "bar": BAR,
        "npz_sha256": hashlib.sha256(args.out.read_bytes()).hexdigest(),
    }
    args.out.with_suffix(".json").write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"5-fold cross-validated accuracy: {cv_accuracy:.4f} with {settings} ({BAR})")
    print(f"model written to {args.out} ({args.out.stat().st_size} bytes)")
    return 0 if math.isfinite(cv_accuracy) else 1


if __name__ == "__main__":
    raise SystemExit(main())
