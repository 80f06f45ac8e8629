"""How close an extracted text is to a reference: F1 over word n-gram shingles (the AEB benchmark's metric)."""

from __future__ import annotations


def shingles(text: str, n: int = 4) -> set[tuple[str, ...]]:
    words = text.split()
    return {tuple(words[i : i + n]) for i in range(max(0, len(words) - n + 1))}


def shingle_f1(extracted: str, reference: str, n: int = 4) -> tuple[float, float, float]:
    """(F1, precision, recall); two empty texts agree perfectly."""
    found, wanted = shingles(extracted, n), shingles(reference, n)
    if not found and not wanted:
        return 1.0, 1.0, 1.0
    common = len(found & wanted)
    if not common:
        return 0.0, 0.0, 0.0
    precision, recall = common / len(found), common / len(wanted)
    return 2 * precision * recall / (precision + recall), precision, recall
