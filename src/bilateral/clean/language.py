"""Language of a document's clean text (py3langid ships its model inside the package: no download)."""

from __future__ import annotations

from functools import cache
from typing import Any

SAMPLE_CHARS = 2_000  # the first paragraphs decide; longer samples cost time, not accuracy


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code, or None when the text is too short or the guess too uncertain to state."""
    sample = text[:SAMPLE_CHARS]
    if len(sample.split()) < 5:
        return None
    language, probability = _identifier().classify(sample)
    return str(language) if probability >= 0.5 else None
