"""Partisanship: the probability that a document is hyperpartisan, from the small model shipped in `models/`.

Five blocks of features, each a row of its own: hashed tf-idf of words, of word pairs and of byte 3–5-grams
(character n-grams, for English) — the sparse blocks: sublinear tf, idf from the training articles,
l2-normalised — then stylistic rates and sentence sentiment, the dense blocks, standardised on the training
articles. The model is one logistic regression over all of them, trained by `python -m
bilateral.compare.train_partisan` (SemEval-2019 Task 4 data, see models/partisan.json), which also chooses each
block's weight; the weights are folded into the stored coefficients, so scoring is one dot product per block.
"""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path

import numpy as np
import numpy.typing as npt

from bilateral.compare.genre import lexicon
from bilateral.compare.tone import polarity_scores
from bilateral.errors import BilateralError
from bilateral.model import Article

MODEL_PATH = Path(__file__).parent / "models" / "partisan.npz"
N_BUCKETS = 1 << 18
SPARSE_BLOCKS = ("words", "word pairs", "characters")
DENSE_BLOCKS = ("style", "sentiment")
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
SENTIMENT_NAMES = (
    "mean compound",
    "mean positive",
    "mean negative",
    "mean neutral",
    "mean |compound|",
    "share of sentences compound < -0.5",
    "share of sentences compound > 0.5",
    "title compound",
)
CHARACTER_SIZES = (3, 4, 5)
SENTIMENT_SENTENCES = 60  # the opening sentences are enough for the tone, and VADER is the slowest part

_TOKEN = re.compile(r"[a-z][a-z'’]*[a-z]|[a-z]|\d+|[!?]")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_SENTENCE_END = re.compile(r"[.!?]+(?:\s|$)")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")
_QUOTED = re.compile(r"[\"“]([^\"”]{1,600})[\"”]")
Float = npt.NDArray[np.float64]
Int = npt.NDArray[np.int64]
Counts = dict[int, int]


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def _bucket(term: str) -> int:
    # crc32, not hash(): Python salts str hashes per process, and the model must mean the same thing every run.
    return zlib.crc32(term.encode("utf-8")) & (N_BUCKETS - 1)


def _count(terms: Iterable[str]) -> Counts:
    counts: Counts = {}
    for term, count in Counter(terms).items():  # hash each distinct term once
        key = _bucket(term)
        counts[key] = counts.get(key, 0) + count
    return counts


def term_counts(text: str) -> Counts:
    """Hashed word counts of one document: bucket → count."""
    return _count(tokens(text))


def pair_counts(text: str) -> Counts:
    """Hashed counts of adjacent word pairs ("border wall"): bucket → count."""
    words = tokens(text)
    return _count(f"{first} {second}" for first, second in pairwise(words))


def character_counts(text: str) -> Counts:
    """Hashed counts of the byte 3-, 4- and 5-grams (characters, for English) of the lower-cased words joined by
    single spaces. A polynomial hash of each n-gram's bytes, mixed by SplitMix64's finaliser, picks the bucket:
    vectorised, since an article has thousands of n-grams and this is the costliest block to count."""
    data = np.frombuffer(" ".join(tokens(text)).encode("utf-8"), dtype=np.uint8).astype(np.uint64)
    buckets = []
    for n in CHARACTER_SIZES:
        if len(data) < n:
            continue
        hashed = np.full(len(data) - n + 1, n, dtype=np.uint64)  # the size seeds the hash, so sizes hash apart
        for offset in range(n):
            hashed = hashed * np.uint64(1_000_003) + data[offset : len(data) - n + 1 + offset]
        hashed ^= hashed >> np.uint64(30)
        hashed *= np.uint64(0xBF58476D1CE4E5B9)
        hashed ^= hashed >> np.uint64(27)
        hashed *= np.uint64(0x94D049BB133111EB)
        hashed ^= hashed >> np.uint64(31)
        buckets.append(hashed & np.uint64(N_BUCKETS - 1))
    if not buckets:
        return {}
    keys, counts = np.unique(np.concatenate(buckets), return_counts=True)
    return dict(zip(keys.tolist(), counts.tolist(), strict=True))


def style_features(text: str, title: str | None) -> list[float]:
    """The STYLE_NAMES rates of one document, in that order."""
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


def sentiment_features(text: str, title: str | None) -> list[float]:
    """The SENTIMENT_NAMES figures of one document: VADER scores of its first SENTIMENT_SENTENCES sentences."""
    sentences = [part for part in _SENTENCE_SPLIT.split(text) if part.strip()][:SENTIMENT_SENTENCES] or [""]
    scored = [polarity_scores(sentence) for sentence in sentences]  # VADER once per sentence: the costly part
    scores = np.array([[score[key] for key in ("compound", "pos", "neg", "neu")] for score in scored])
    compound = scores[:, 0]
    return [
        *scores.mean(axis=0).tolist(),
        float(np.abs(compound).mean()),
        float((compound < -0.5).mean()),
        float((compound > 0.5).mean()),
        polarity_scores(title or "")["compound"],
    ]


@dataclass(frozen=True)
class Features:
    """What the model reads of one document: hashed counts per sparse block, rates per dense block."""

    sparse: tuple[Counts, ...]  # in SPARSE_BLOCKS order
    dense: tuple[list[float], ...]  # in DENSE_BLOCKS order


def features(text: str, title: str | None) -> Features:
    full = f"{title}\n{text}" if title else text
    return Features(
        (term_counts(full), pair_counts(full), character_counts(full)),
        (style_features(text, title), sentiment_features(text, title)),
    )


def tfidf_row(counts: Counts, idf: Float) -> tuple[Int, Float]:
    """Bucket indices and values of the l2-normalised sublinear tf-idf (1 + ln tf) · idf; buckets with idf 0
    (no training document had them) are dropped."""
    keys = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
    tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
    order = np.argsort(keys)
    keys = keys[order]
    values = (1.0 + np.log(tf[order])) * idf[keys]
    keep = values > 0
    keys, values = keys[keep], values[keep]
    norm = float(np.sqrt(values @ values))
    return keys, values / norm if norm > 0 else values


def dense_row(rates: list[float], mean: Float, std: Float) -> Float:
    """Standardised rates divided by √(number of rates), so a block's rows average a squared norm of 1."""
    return (np.array(rates, dtype=np.float64) - mean) / std / math.sqrt(len(rates))


@dataclass(frozen=True)
class PartisanModel:
    """The shipped model. Coefficients already carry each block's weight, so the score is a plain sum."""

    idf: tuple[Float, ...]  # per sparse block: N_BUCKETS values, 0 where no training document had the term
    sparse_weights: tuple[Float, ...]  # per sparse block: N_BUCKETS coefficients
    mean: tuple[Float, ...]  # per dense block: training mean of each rate
    std: tuple[Float, ...]  # per dense block: training standard deviation of each rate
    dense_weights: tuple[Float, ...]  # per dense block: one coefficient per rate
    bias: float

    def score(self, document: Features) -> float:
        """The log-odds of hyperpartisan."""
        total = self.bias
        for counts, idf, weights in zip(document.sparse, self.idf, self.sparse_weights, strict=True):
            keys, values = tfidf_row(counts, idf)
            total += float(values @ weights[keys])
        for rates, mean, std, weights in zip(document.dense, self.mean, self.std, self.dense_weights, strict=True):
            total += float(dense_row(rates, mean, std) @ weights)
        return total

    def probability(self, text: str, title: str | None) -> float:
        return 1.0 / (1.0 + math.exp(-self.score(features(text, title))))


@cache
def load_model(path: Path = MODEL_PATH) -> PartisanModel:
    """The model in `path` (an .npz written by train_partisan.write_model). Raises BilateralError when missing."""
    if not path.exists():
        raise BilateralError(
            f"the partisanship model {path} is missing",
            hint="train it with `python -m bilateral.compare.train_partisan`",
        )
    with np.load(path) as data:

        def arrays(prefix: str, count: int) -> tuple[Float, ...]:
            return tuple(data[f"{prefix}{k}"].astype(np.float64) for k in range(count))

        return PartisanModel(
            idf=arrays("idf", len(SPARSE_BLOCKS)),
            sparse_weights=arrays("sparse_weights", len(SPARSE_BLOCKS)),
            mean=arrays("mean", len(DENSE_BLOCKS)),
            std=arrays("std", len(DENSE_BLOCKS)),
            dense_weights=arrays("dense_weights", len(DENSE_BLOCKS)),
            bias=float(data["bias"][0]),
        )


def partisanship(article: Article) -> float:
    """Probability (0..1) that the article is hyperpartisan."""
    return load_model().probability(article.text, article.title)
