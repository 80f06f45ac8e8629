"""Train the partisanship model: SemEval-2019 Task 4 by-article data → models/partisan.npz (+ partisan.json).

Numpy only. The model is a logistic regression over the five feature blocks of `partisan` (word, word-pair and
character n-gram tf-idf; stylistic rates; sentiment), each block's rows multiplied by the square root of its
weight. With 645 articles and a quarter of a million columns per block it is fitted in its dual form: the
Gram matrix of the articles (the weighted sum of one Gram matrix per block) replaces the features, and
Nesterov-accelerated gradient descent runs a fixed number of steps — the same iterates as gradient descent on
the coefficients, so the same data give the same bytes. The l2 strength and block weights are chosen from
CANDIDATES by cross-validation on the training articles only; folds are fixed by a hash of each article's id
(see `fold_of`). benchmarks/partisan.py scores the whole recipe by nested cross-validation.
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
    DENSE_BLOCKS,
    MODEL_PATH,
    N_BUCKETS,
    SENTIMENT_NAMES,
    SPARSE_BLOCKS,
    STYLE_NAMES,
    Features,
    Float,
    PartisanModel,
    dense_row,
    features,
    tfidf_row,
)

DATA = Path(__file__).resolve().parents[3] / ".." / "shared" / "eval" / "hyperpartisan" / "train.jsonl"
SEED = 20190101
STEPS = 400
CHUNK = 16384  # columns made dense together while a Gram matrix is built (645 × CHUNK float32: 42 MB)
CREDIT = (
    "SemEval-2019 Task 4: Hyperpartisan News Detection, by-article training set (Kiesel, Mestre, Shukla, "
    "Vincent, Adineh, Corney, Stein and Potthast, 2019), CC BY 4.0"
)
BAR = "SemEval-2019 Task 4 best published test accuracy: 0.822"
BLOCKS = SPARSE_BLOCKS + DENSE_BLOCKS


@dataclass(frozen=True)
class Example:
    title: str
    text: str
    label: int
    id: str = ""


@dataclass(frozen=True)
class Settings:
    """One candidate model: l2 strength and one weight per block of BLOCKS (0: the block is left out)."""

    l2: float
    weights: tuple[float, ...]

    def describe(self) -> str:
        used = ", ".join(f"{name} {weight:g}" for name, weight in zip(BLOCKS, self.weights, strict=True) if weight)
        return f"l2={self.l2:g}; {used}"


BASELINE = Settings(1e-4, (1.0, 0.0, 0.0, 0.0, 0.0))  # the plain word TF-IDF + logistic regression
# Words, characters and style always in; word pairs and sentiment in or out, and the l2 strength, chosen by CV.
CANDIDATES = tuple(
    Settings(l2, (1.0, pairs, 1.0, 0.3, sentiment))
    for l2 in (3e-5, 1e-4, 3e-4)
    for pairs in (0.0, 0.5)
    for sentiment in (0.3, 0.6)
)
_FEATURES: dict[tuple[str, str], Features] = {}


def document_features(example: Example) -> Features:
    """The example's features, computed once per process (folds reuse them)."""
    key = (example.title, example.text)
    if key not in _FEATURES:
        _FEATURES[key] = features(example.text, example.title)
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
class Scaling:
    """What is fitted on the training articles before the learner: idf per sparse block, mean and standard
    deviation per dense block."""

    idf: tuple[Float, ...]
    mean: tuple[Float, ...]
    std: tuple[Float, ...]

    def rows(self, example: Example) -> list[tuple[npt.NDArray[np.int64], Float]]:
        """The example's row in each block (sparse: bucket indices and values; dense: all indices)."""
        document = document_features(example)
        rows = [tfidf_row(counts, idf) for counts, idf in zip(document.sparse, self.idf, strict=True)]
        for rates, mean, std in zip(document.dense, self.mean, self.std, strict=True):
            rows.append((np.arange(len(rates), dtype=np.int64), dense_row(rates, mean, std)))
        return rows


def fit_scaling(examples: Sequence[Example]) -> Scaling:
    idfs = []
    for block in range(len(SPARSE_BLOCKS)):
        frequency = np.zeros(N_BUCKETS, dtype=np.float64)
        for example in examples:
            frequency[np.fromiter(document_features(example).sparse[block].keys(), dtype=np.int64)] += 1
        idf = np.log((1 + len(examples)) / (1 + frequency)) + 1.0
        idf[frequency == 0] = 0.0
        idfs.append(idf)
    means, stds = [], []
    for block in range(len(DENSE_BLOCKS)):
        rates = np.array([document_features(example).dense[block] for example in examples], dtype=np.float64)
        std = rates.std(axis=0)
        std[std == 0] = 1.0
        means.append(rates.mean(axis=0))
        stds.append(std)
    return Scaling(tuple(idfs), tuple(means), tuple(stds))


def block_grams(examples: Sequence[Example], scaling: Scaling) -> list[Float]:
    """One (n, n) Gram matrix of the examples per block of BLOCKS: the dot products of their rows."""
    rows = [scaling.rows(example) for example in examples]
    grams = []
    for block in range(len(BLOCKS)):
        used = np.unique(np.concatenate([row[block][0] for row in rows]))
        gram = np.zeros((len(examples), len(examples)))
        for first in range(0, len(used), CHUNK):
            columns = used[first : first + CHUNK]
            dense = np.zeros((len(examples), len(columns)), dtype=np.float32)
            for i, row in enumerate(rows):
                keys, values = row[block]
                inside = np.isin(keys, columns)
                dense[i, np.searchsorted(columns, keys[inside])] = values[inside]
            gram += (dense @ dense.T).astype(np.float64)
        grams.append(gram)
    return grams


def combined(grams: Sequence[Float], settings: Settings) -> Float:
    return sum((weight * gram for weight, gram in zip(settings.weights, grams, strict=True) if weight),
               np.zeros_like(grams[0]))  # fmt: skip


def fit_dual(gram: Float, labels: Float, *, l2: float, steps: int = STEPS) -> tuple[Float, float]:
    """Mean log-loss + l2/2·|w|² with w = Σ αᵢ·rowᵢ: Nesterov descent on α, step from a curvature bound.
    Returns α (one per training example) and the bias."""
    n = len(labels)
    step = 1.0 / (0.25 * (float(np.diag(gram).max()) + 1.0) + l2)
    alpha, bias = np.zeros(n), 0.0
    previous_alpha, previous_bias = alpha.copy(), bias
    for t in range(1, steps + 1):
        momentum = (t - 1) / (t + 2)
        look_alpha = alpha + momentum * (alpha - previous_alpha)
        look_bias = bias + momentum * (bias - previous_bias)
        probabilities = 1.0 / (1.0 + np.exp(-(gram @ look_alpha + look_bias)))
        error = (probabilities - labels) / n
        previous_alpha, previous_bias = alpha, bias
        alpha = look_alpha - step * (error + l2 * look_alpha)
        bias = look_bias - step * float(error.sum())
    return alpha, bias


def labels_of(examples: Sequence[Example]) -> Float:
    return np.array([example.label for example in examples], dtype=np.float64)


def accuracy(examples: Sequence[Example], scores: Float) -> float:
    return float(np.mean((scores >= 0.5) == labels_of(examples).astype(bool)))


def out_of_fold(
    examples: Sequence[Example], grams: Sequence[Float], settings: Settings, k: int, *, salt: str = ""
) -> Float:
    """Each example's probability from a model trained on the other folds (folds by `fold_of`); `grams` are
    the examples' block Gram matrices."""
    folds = np.array([fold_of(example.id, k, salt=salt) for example in examples])
    gram = combined(grams, settings)
    labels = labels_of(examples)
    scores = np.zeros(len(examples))
    for fold in range(k):
        train, held = np.flatnonzero(folds != fold), np.flatnonzero(folds == fold)
        alpha, bias = fit_dual(gram[np.ix_(train, train)], labels[train], l2=settings.l2)
        scores[held] = 1.0 / (1.0 + np.exp(-(gram[np.ix_(held, train)] @ alpha + bias)))
    return scores


def choose(examples: Sequence[Example], grams: Sequence[Float], *, k: int = 3, salt: str = "inner") -> Settings:
    """The candidate with the best k-fold accuracy on these examples (ties: the first listed)."""
    scored = [
        (accuracy(examples, out_of_fold(examples, grams, settings, k, salt=salt)), -n)
        for n, settings in enumerate(CANDIDATES)
    ]
    return CANDIDATES[-max(scored)[1]]


@dataclass(frozen=True)
class Trained:
    """A fitted model: the training articles' scaling, their dual coefficients and the settings."""

    scaling: Scaling
    model: PartisanModel
    settings: Settings

    def predict(self, examples: Sequence[Example]) -> Float:
        return np.array([1.0 / (1.0 + math.exp(-self.model.score(document_features(e)))) for e in examples])


def train(
    examples: Sequence[Example],
    settings: Settings = CANDIDATES[0],
    *,
    steps: int = STEPS,
    scaling: Scaling | None = None,
    grams: Sequence[Float] | None = None,
) -> Trained:
    """Fit on `examples` (scaling and Gram matrices are computed when not given) and turn the dual solution
    into one coefficient per bucket or rate, each block's weight folded in."""
    scaling = fit_scaling(examples) if scaling is None else scaling
    grams = block_grams(examples, scaling) if grams is None else grams
    alpha, bias = fit_dual(combined(grams, settings), labels_of(examples), l2=settings.l2, steps=steps)
    rows = [scaling.rows(example) for example in examples]
    sizes = [N_BUCKETS] * len(SPARSE_BLOCKS) + [len(STYLE_NAMES), len(SENTIMENT_NAMES)]
    coefficients = []
    for block, (weight, size) in enumerate(zip(settings.weights, sizes, strict=True)):
        keys = np.concatenate([row[block][0] for row in rows])
        values = np.concatenate([row[block][1] * a for row, a in zip(rows, alpha, strict=True)])
        coefficients.append(weight * np.bincount(keys, weights=values, minlength=size).astype(np.float64))
    split = len(SPARSE_BLOCKS)
    model = PartisanModel(
        scaling.idf, tuple(coefficients[:split]), scaling.mean, scaling.std, tuple(coefficients[split:]), bias
    )
    return Trained(scaling, model, settings)


def stratified_folds(labels: Sequence[int], k: int, seed: int) -> list[list[int]]:
    rng = np.random.default_rng(seed)
    folds: list[list[int]] = [[] for _ in range(k)]
    for label in sorted(set(labels)):
        members = [i for i, value in enumerate(labels) if value == label]
        for position, index in enumerate(rng.permutation(members).tolist()):
            folds[position % k].append(index)
    return [sorted(fold) for fold in folds]


def _array_bytes(array: npt.NDArray[Any]) -> bytes:
    buffer = io.BytesIO()
    np.lib.format.write_array(buffer, array, allow_pickle=False)
    return buffer.getvalue()


def write_model(trained: Trained, path: Path) -> None:
    """An .npz np.load reads, written with fixed zip timestamps so identical models give identical bytes."""
    model = trained.model
    arrays: dict[str, npt.NDArray[Any]] = {"bias": np.array([model.bias], dtype=np.float64)}
    for k in range(len(SPARSE_BLOCKS)):
        arrays[f"idf{k}"] = model.idf[k].astype(np.float32)
        arrays[f"sparse_weights{k}"] = model.sparse_weights[k].astype(np.float32)
    for k in range(len(DENSE_BLOCKS)):
        arrays[f"mean{k}"] = model.mean[k].astype(np.float32)
        arrays[f"std{k}"] = model.std[k].astype(np.float32)
        arrays[f"dense_weights{k}"] = model.dense_weights[k].astype(np.float32)
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
    scaling = fit_scaling(examples)
    grams = block_grams(examples, scaling)
    settings = choose(examples, grams, k=5, salt="")
    cv_accuracy = accuracy(examples, out_of_fold(examples, grams, settings, 5))
    write_model(train(examples, settings, scaling=scaling, grams=grams), args.out)
    meta = {
        "model": "logistic regression over hashed word and word-pair tf-idf (crc32) and byte 3-5-gram tf-idf"
        " (polynomial hash, SplitMix64 finaliser), sublinear tf, l2-normalised per block; stylistic rates and VADER"
        " sentence sentiment; block weights folded into the coefficients",
        "buckets": N_BUCKETS,
        "tokens": "lower-cased words, digits, ! and ?; words of the title then the text",
        "blocks": list(BLOCKS),
        "style_features": list(STYLE_NAMES),
        "sentiment_features": list(SENTIMENT_NAMES),
        "l2": settings.l2,
        "block_weights": dict(zip(BLOCKS, settings.weights, strict=True)),
        "chosen_from": [{"l2": c.l2, "block_weights": list(c.weights)} for c in CANDIDATES],
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
    print(f"5-fold cross-validated accuracy: {cv_accuracy:.4f} with {settings.describe()} ({BAR})")
    print(f"model written to {args.out} ({args.out.stat().st_size} bytes)")
    return 0 if math.isfinite(cv_accuracy) else 1


if __name__ == "__main__":
    raise SystemExit(main())
