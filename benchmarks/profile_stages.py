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

SPENT: dict[str, float] = defaultdict(float)
CALLS: dict[str, int] = defaultdict(int)
# (module, attribute, row): functions looked up through their module when called, so wrapping the attribute counts
TIMED = (
    ("bilateral.pipeline", "ingest", "ingest (read, clean, store)"),
    ("bilateral.engines", "_parse_each", "parse (spaCy)"),
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
    figures = end_to_end.main()
    words = float(figures["end to end: words (cleaned text)"])
    total = words / float(figures["end to end: ingest + analyze words per CPU second"])  # CPU s of ingest + analyze
    rows = {name: f"{value}" for name, value in figures.items() if "CPU" in name}
    for row in sorted(SPENT, key=lambda r: -SPENT[r]):
        rows[row] = f"{SPENT[row]:.2f} s, {100 * SPENT[row] / total:.1f} % ({CALLS[row]} calls)"
    return rows


if __name__ == "__main__":
    for metric, value in main().items():
        print(f"{metric}: {value}")
