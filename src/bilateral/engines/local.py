"""The `local` engine: one worker process per core, each loading the knowledge and spaCy once.

Processes are spawned (not forked): the caller may hold threads (a progress bar) and an open database, neither of
which a child should inherit. Batches stream to the workers with a bounded number in flight; results come back in
order for the caller to write. A worker that dies (killed for memory, a crash in a C library) fails the run with
a message instead of leaving it waiting (concurrent.futures reports a broken pool; multiprocessing.Pool hangs).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from bilateral.compare.embeddings import Vectors, encode_sentences
from bilateral.engines import (
    DEFAULT_BOUNDS,
    Bounds,
    Done,
    EngineError,
    Result,
    analyse_task,
    in_order,
    prepare_worker,
    sentence_batches,
    stacked,
)
from bilateral.model import Article

# Batches queued per worker beyond the one it is working on: enough to keep it busy, few enough to bound memory.
AHEAD = 2


def _started() -> None:
    """A task that does nothing: submitting one per worker spawns them all now (see LocalEngine)."""


class LocalEngine:
    name = "local"

    def __init__(
        self,
        folders: tuple[str, ...],
        fingerprint: str,
        *,
        workers: int,
        tasks_per_worker: int | None = None,
        bounds: Bounds = DEFAULT_BOUNDS,
    ) -> None:
        """`tasks_per_worker` recycles a worker after that many batches (bounds memory; costs a model load)."""
        self.workers = workers
        self.folders = folders
        self.fingerprint = fingerprint
        self.bounds = bounds
        self.pool = ProcessPoolExecutor(
            workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=prepare_worker,  # each worker loads the knowledge and the model once, first
            initargs=(folders, fingerprint),
            max_tasks_per_child=tasks_per_worker,
        )
        # the pool spawns a process per task submitted while none is idle: one task each starts them all now,
        # so their start-up (spawn, imports, model load) runs while the caller prepares the first batches
        for _ in range(workers):
            self.pool.submit(_started)

    def map(self, batches: Iterable[list[Article]]) -> Iterator[tuple[list[Article], list[Result]]]:
        def submit(batch: list[Article]) -> Callable[[], list[Result]]:
            return self._waiter(self.pool.submit(analyse_task, batch, self.folders, self.fingerprint, self.bounds))

        yield from in_order(submit, batches, window=self.workers * AHEAD)

    def encode(self, sentences: Sequence[str]) -> Vectors:
        def submit(batch: list[str]) -> Callable[[], Vectors]:
            return self._waiter(self.pool.submit(encode_sentences, batch))

        return stacked(done for _, done in in_order(submit, sentence_batches(sentences), window=self.workers * AHEAD))

    @staticmethod
    def _waiter(pending: Future[Done]) -> Callable[[], Done]:
        """A function that waits for `pending`: a worker crashing is the engine's failure, not one document's."""

        def wait() -> Done:
            try:
                return pending.result()
            except EngineError:
                raise
            except Exception as e:
                raise EngineError(
                    f"a local worker failed ({type(e).__name__}: {e})",
                    hint="run again with --workers 1 to see which document causes it",
                ) from e

        return wait

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
