"""Duplicate detection: an exact fingerprint of the normalised text, and a MinHash signature for near copies.

Near duplicates (syndicated copies with another headline or a trailing credit line) share most word 5-shingles.
The signature is split into LSH bands; documents sharing a band are candidates, confirmed by estimated Jaccard.
"""

from __future__ import annotations

import hashlib
import re
import zlib

import numpy as np
import numpy.typing as npt

PERMUTATIONS = 128
BANDS = 32  # 32 bands x 4 rows: candidates from Jaccard ~0.4 up; confirmed at THRESHOLD
ROWS = PERMUTATIONS // BANDS
THRESHOLD = 0.8
SHINGLE = 5
_PRIME = np.uint64(4294967311)  # smallest prime above 2**32
_rng = np.random.default_rng(20190607)  # fixed seed: signatures must be the same in every process
_A = _rng.integers(1, 2**32 - 1, size=PERMUTATIONS, dtype=np.uint64)
_B = _rng.integers(0, 2**32 - 1, size=PERMUTATIONS, dtype=np.uint64)
_WORD = re.compile(r"\w+")

Signature = npt.NDArray[np.uint64]


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def text_hash(text: str) -> str:
    """Same for two texts that differ only in case, punctuation and spacing."""
    return hashlib.sha256(" ".join(words(text)).encode("utf-8")).hexdigest()


def signature(text: str) -> Signature | None:
    """MinHash of the text's word 5-shingles; None for texts too short to compare meaningfully."""
    tokens = words(text)
    if len(tokens) < SHINGLE * 4:
        return None
    shingles = {" ".join(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)}
    hashes = np.fromiter((zlib.crc32(s.encode("utf-8")) for s in shingles), dtype=np.uint64, count=len(shingles))
    # (a*x + b) mod p for every permutation at once; a, x < 2**32 so a*x fits in 64 bits.
    permuted = (np.outer(_A, hashes) + _B[:, None]) % _PRIME
    result: Signature = permuted.min(axis=1)
    return result


def bands(sig: Signature) -> list[tuple[int, int]]:
    """(band number, band hash) pairs used as LSH keys; the hash fits SQLite's signed 64-bit integer."""
    out = []
    for band in range(BANDS):
        chunk = sig[band * ROWS : (band + 1) * ROWS].tobytes()
        out.append((band, int.from_bytes(hashlib.blake2b(chunk, digest_size=7).digest(), "big")))
    return out


def similarity(a: Signature, b: Signature) -> float:
    """Estimated Jaccard similarity of the two shingle sets."""
    return float(np.mean(a == b))


def to_blob(sig: Signature) -> bytes:
    return sig.astype("<u8").tobytes()


def from_blob(blob: bytes) -> Signature:
    result: Signature = np.frombuffer(blob, dtype="<u8").astype(np.uint64)
    return result
