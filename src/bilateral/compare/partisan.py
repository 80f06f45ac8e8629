"""Partisanship: the probability that a document is hyperpartisan, from the small model shipped in `models/`.

Features are hashed word tf-idf plus a few stylistic rates; the model is a logistic regression
trained by `python -m bilateral.compare.train_partisan` (SemEval-2019 Task 4 data, see models/partisan.json).
"""

from __future__ import annotations

import math
import re
import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from bilateral.compare.genre import lexicon
from bilateral.errors import BilateralError
from bilateral.model import Article

MODEL_PATH = Path(__file__).parent / "models" / "partisan.npz"
N_BUCKETS = 1 << 18
STYLE_NAMES = (
    "exclamations per sentence",
    "questions per sentence",
    "all-caps words %",
    "first person singular %",
    "first person plural %",
    "second person %",
    "quote marks per sentence",
    "mean word length",
    "mean sentence length",
    "log words",
    "title caps %",
    "title ! or ?",
    "hedges %",
    "quoted words %",
)
# Stylistic columns sit after the hashed buckets and are damped so they don't swamp the unit-norm tf-idf part.
STYLE_SCALE = 0.15

_TOKEN = re.compile(r"[a-z][a-z'’]*[a-z]|[a-z]|\d+|[!?]")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_SENTENCE_END = re.compile(r"[.!?]+(?:\s|$)")
_QUOTED = re.compile(r"[\"“]([^\"”]{1,600})[\"”]")
Float = npt.NDArray[np.float64]
Int = npt.NDArray[np.int64]


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def _bucket(term: str) -> int:
    # crc32, not hash(): Python salts str hashes per process, and the model must mean the same thing every run.
    return zlib.crc32(term.encode("utf-8")) & (N_BUCKETS - 1)


def term_counts(text: str) -> dict[int, int]:
    """Hashed word counts of one document (bigrams were tried: cross-validated accuracy fell by 0.8 points)."""
    counts: dict[int, int] = {}
    for term in tokens(text):
        key = _bucket(term)
        counts[key] = counts.get(key, 0) + 1
    return counts


def style_features(text: str, title: str | None) -> list[float]:
    words = _WORD.findall(text)
    n_words = max(len(words), 1)
    n_sentences = max(len(_SENTENCE_END.findall(text)), 1)
    lower = [word.lower() for word in words]
    hedges = lexicon().hedges  # one list of hedges, the `genre` pack's
    title_words = _WORD.findall(title or "")
    return [
        text.count("!") / n_sentences,
        text.count("?") / n_sentences,
        100 * sum(1 for word in words if len(word) > 1 and word.isupper()) / n_words,
        100 * sum(1 for word in lower if word in {"i", "me", "my", "mine"}) / n_words,
        100 * sum(1 for word in lower if word in {"we", "us", "our", "ours"}) / n_words,
        100 * sum(1 for word in lower if word in {"you", "your", "yours"}) / n_words,
        sum(text.count(mark) for mark in ('"', "“", "”")) / n_sentences,
        sum(len(word) for word in words) / n_words,
        n_words / n_sentences,
        math.log1p(len(words)),
        100 * sum(1 for word in title_words if word[:1].isupper()) / max(len(title_words), 1),
        1.0 if title and ("!" in title or "?" in title) else 0.0,
        100 * sum(1 for word in lower if word in hedges) / n_words,
        100 * sum(len(_WORD.findall(quote)) for quote in _QUOTED.findall(text)) / n_words,
    ]


@dataclass(frozen=True)
class PartisanModel:
    idf: Float  # per bucket; 0 where no training document had the term
    style_mean: Float
    style_std: Float
    weights: Float  # N_BUCKETS tf-idf weights, then one per stylistic feature
    bias: float
    style_scale: float = STYLE_SCALE

    def row(self, text: str, title: str | None) -> tuple[Int, Float]:
        """The document's sparse feature row: column indices and values."""
        return document_row(text, title, self.idf, self.style_mean, self.style_std, style_scale=self.style_scale)

    def probability(self, text: str, title: str | None) -> float:
        columns, values = self.row(text, title)
        score = float(values @ self.weights[columns]) + self.bias
        return 1.0 / (1.0 + math.exp(-score))


def document_row(
    text: str,
    title: str | None,
    idf: Float,
    mean: Float,
    std: Float,
    *,
    style_scale: float = STYLE_SCALE,
    counts: dict[int, int] | None = None,
    style: list[float] | None = None,
) -> tuple[Int, Float]:
    """Column indices and values: the l2-normalised hashed tf-idf, then the standardised stylistic rates times
    `style_scale` (0: words alone, the plain TF-IDF baseline). `counts` and `style`, when given, are the
    document's term counts and stylistic rates already computed (training reuses them across folds)."""
    full = f"{title}\n{text}" if title else text
    counts = term_counts(full) if counts is None else counts
    keys = np.array(sorted(counts), dtype=np.int64)
    tf = np.array([1.0 + math.log(counts[key]) for key in keys.tolist()], dtype=np.float64)
    values = tf * idf[keys] if keys.size else tf
    keep = values > 0
    keys, values = keys[keep], values[keep]
    norm = float(np.sqrt(values @ values))
    if norm > 0:
        values = values / norm
    rates = style_features(text, title) if style is None else style
    scaled = (np.array(rates) - mean) / std * style_scale
    columns = np.concatenate([keys, N_BUCKETS + np.arange(len(STYLE_NAMES), dtype=np.int64)])
    return columns, np.concatenate([values, scaled])


@cache
def load_model(path: Path = MODEL_PATH) -> PartisanModel:
    if not path.exists():
        raise BilateralError(
            f"the partisanship model {path} is missing",
            hint="train it with `python -m bilateral.compare.train_partisan`",
        )
    with np.load(path) as data:
        return PartisanModel(
            idf=data["idf"].astype(np.float64),
            style_mean=data["style_mean"].astype(np.float64),
            style_std=data["style_std"].astype(np.float64),
            weights=data["weights"].astype(np.float64),
            bias=float(data["bias"][0]),
            style_scale=float(data["style_scale"][0]) if "style_scale" in data.files else STYLE_SCALE,
        )


def partisanship(article: Article) -> float:
    """Probability (0..1) that the article is hyperpartisan."""
    return load_model().probability(article.text, article.title)
