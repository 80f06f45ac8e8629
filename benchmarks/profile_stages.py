"""Where the time of the end-to-end benchmark goes: CPU seconds (process time) per stage and its share of
`ingest` + `analyze`, on the same texts as `benchmarks/end_to_end.py`.

A developer's tool, not a `make bench` row: it wraps the stage functions with process-time counters for one run
(cProfile's per-call cost would inflate our Python stages several times over next to spaCy's compiled code).
Nested rows ("annotate: actors" inside "stage annotate", "embeddings: encode" inside "corpus pass") are part of
their parent's time. Run: `.venv/bin/python -m benchmarks.profile_stages`.
"""

from __future__ import annotations

import functools
import importlib
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from benchmarks import end_to_end

COMPONENT_SAMPLE = 8  # spaCy's components are timed one by one on every 8th text analysed
SPENT: dict[str, float] = defaultdict(float)
CALLS: dict[str, int] = defaultdict(int)
# (module, attribute, row): functions looked up through their module when called, so wrapping the attribute counts
TIMED = (
    ("bilateral.pipeline", "ingest", "ingest (read, clean, store)"),
    ("bilateral.engines", "_parse_each", "parse (spaCy)"),
    ("bilateral.annotate.nlp", "_run", "parse: attribute ruler and lemmatizer as tables (annotate.nlp_tables)"),
    ("bilateral.annotate", "resolve_actors", "annotate: actors"),
    ("bilateral.annotate.actors", "_pack_matches", "annotate: actors: pack aliases"),
    ("bilateral.annotate", "tag_sentences", "annotate: issues"),
    ("bilateral.annotate", "resolve_dates", "annotate: dates"),
    ("bilateral.pipeline", "relate", "corpus pass (stories, figure comparison)"),
    ("bilateral.compare.stories", "find_stories", "corpus pass: stories"),
    ("bilateral.compare.agreement", "compare_figures", "corpus pass: figure comparison"),
)


def _timed(row: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            SPENT[row] += time.process_time() - started
            CALLS[row] += 1

    return timed


def main() -> dict[str, str]:
    from bilateral import stages
    from bilateral.compare.embeddings import SentenceModel

    for module_name, attribute, row in TIMED:
        module = importlib.import_module(module_name)
        setattr(module, attribute, _timed(row, getattr(module, attribute)))
    end_to_end.ingest = importlib.import_module("bilateral.pipeline").ingest  # imported there by name
    SentenceModel.encode = _timed("corpus pass: embeddings: encode", SentenceModel.encode)  # type: ignore[method-assign]
    wrapped = [stages.Stage(stage.name, _timed(f"stage {stage.name}", stage.run)) for stage in stages.DEFAULT_STAGES]
    assert stages.run_stages.__kwdefaults__ is not None  # `stages` is a keyword-only default
    stages.run_stages.__kwdefaults__["stages"] = tuple(wrapped)
    texts: list[str] = []
    figures = end_to_end.main(analysed_texts=texts)
    total = float(figures["end to end: ingest + analyze CPU seconds"])
    rows = {name: f"{value}" for name, value in figures.items()}
    for row in sorted(SPENT, key=lambda r: -SPENT[r]):
        rows[row] = f"{SPENT[row]:.2f} s, {100 * SPENT[row] / total:.1f} % ({CALLS[row]} calls)"
    sample = texts[::COMPONENT_SAMPLE]
    spent = components(sample)
    shares = {name: spent.pop(name) for name in list(spent) if name.startswith("share")}
    pipeline = sum(seconds for name, seconds in spent.items() if not name.startswith("senter"))
    for name, seconds in spent.items():
        rows[f"spaCy component {name} (1 in {COMPONENT_SAMPLE} texts analysed)"] = (
            f"{seconds:.2f} s, {100 * seconds / pipeline:.1f} % of the stock pipeline"
        )
    for name, share in shares.items():
        rows[f"{name} (1 in {COMPONENT_SAMPLE} texts analysed)"] = f"{100 * share:.0f} %"
    return rows


def components(texts: list[str]) -> dict[str, float]:
    """CPU seconds of each component of spaCy's stock pipeline over `texts`, run one component at a time in
    pipeline order (batches of 32, as `annotate.nlp.parse`); "senter" (off in the stock pipeline) is timed on its
    own beside them: what sentence boundaries would cost without the parser. Also the shares of sentences, and of
    their tokens, that name an entity or hold a number (0..1, keys starting "share")."""
    import spacy

    from bilateral.annotate.nlp import BATCH_SIZE, MODEL

    nlp = spacy.load(MODEL)
    nlp("Each component reads its tables once.")  # the lemmatizer's lookup tables, before the clock
    spent = {}
    started = time.process_time()
    docs = [nlp.make_doc(text) for text in texts]
    spent["tokenizer"] = time.process_time() - started
    pipeline: list[tuple[str, Any]] = nlp.pipeline
    for name, component in pipeline:
        started = time.process_time()
        docs = list(component.pipe(docs, batch_size=BATCH_SIZE))
        spent[name] = time.process_time() - started
    # which sentences a parse-only-what-needs-it rule would still send to the parser: those naming an entity or
    # holding a number (what actors, events and figures read the parse for)
    sentences = [sentence for doc in docs for sentence in doc.sents]
    needed = [sentence for sentence in sentences if sentence.ents or any(token.like_num for token in sentence)]
    spent["share of sentences with an entity or a number"] = len(needed) / max(len(sentences), 1)
    spent["share of tokens in those sentences"] = sum(map(len, needed)) / max(sum(map(len, sentences)), 1)
    senter: Any = nlp.get_pipe("senter")
    started = time.process_time()
    list(senter.pipe((nlp.make_doc(text) for text in texts), batch_size=BATCH_SIZE))
    spent["senter (off in the stock pipeline; tokenizer included)"] = time.process_time() - started
    return spent


if __name__ == "__main__":
    for metric, value in main().items():
        print(f"{metric}: {value}")
