"""The `dask` engine: the per-document analysis on a Dask distributed cluster.

Either a running scheduler (`--scheduler tcp://host:8786`) or a LocalCluster of `--workers N` processes on
127.0.0.1. Tasks carry only articles and the names of the knowledge folders: each worker process loads the packs
and the spaCy model once (a cached global), never receives them pickled. Results come back as plain dataclasses
and the client writes them, in input order, so a task retried after a worker restart writes nothing twice.
A worker past its memory limit is restarted by its nanny, which bounds memory on long runs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from bilateral.compare.embeddings import Vectors, encode_sentences
from bilateral.engines import (
    DEFAULT_BOUNDS,
    Bounds,
    EngineError,
    Result,
    analyse_task,
    in_order,
    prepare_worker,
    sentence_batches,
    stacked,
)
from bilateral.model import Article

INSTALL = "pip install -e '.[dask]'"
# Per worker: the model and knowledge take ~0.5 GB; a long article's parse can double that for a moment.
MEMORY_LIMIT = "2GiB"
AHEAD = 2


def _distributed() -> Any:
    try:
        import distributed
    except ImportError as e:
        raise EngineError("the dask engine needs Dask, which is not installed", hint=f"run `{INSTALL}`") from e
    return distributed


class DaskEngine:
    name = "dask"

    def __init__(
        self,
        folders: tuple[str, ...],
        fingerprint: str,
        *,
        workers: int | None = None,
        scheduler: str | None = None,
        bounds: Bounds = DEFAULT_BOUNDS,
    ) -> None:
        distributed = _distributed()
        self.folders = folders
        self.fingerprint = fingerprint
        self.bounds = bounds
        self.cluster: Any = None
        self.preparing: list[Any] = []
        try:
            if scheduler:
                self.client = distributed.Client(scheduler, timeout="20s")
            else:
                self.cluster = distributed.LocalCluster(
                    n_workers=workers or 2,
                    threads_per_worker=1,  # spaCy's parse holds the GIL: one document at a time per process
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=None,
                    memory_limit=MEMORY_LIMIT,
                )
                self.client = distributed.Client(self.cluster)
        except OSError as e:
            self.close()
            where = scheduler or "a local cluster"
            raise EngineError(f"cannot reach the Dask scheduler at {where} ({e})", hint="check the address") from e
        addresses = sorted(self.client.scheduler_info().get("workers", {}))
        self.workers = max(1, len(addresses))
        # each worker loads the knowledge and the model now, while the caller prepares the first batches (a task
        # pinned to it; kept referenced until close, since Dask cancels a task whose future is dropped)
        self.preparing = [
            self.client.submit(prepare_worker, folders, fingerprint, workers=[address], pure=False)
            for address in addresses
        ]

    def map(self, batches: Iterable[list[Article]]) -> Iterator[tuple[list[Article], list[Result]]]:
        def submit(batch: list[Article]) -> Callable[[], list[Result]]:
            # pure=False: two identical batches are two tasks; retries=1 survives one worker restart.
            return self._waiter(
                self.client.submit(
                    analyse_task, batch, self.folders, self.fingerprint, self.bounds, pure=False, retries=1
                )
            )

        yield from in_order(submit, batches, window=self.workers * AHEAD)

    def encode(self, sentences: Sequence[str]) -> Vectors:
        def submit(batch: list[str]) -> Callable[[], Vectors]:
            return self._waiter(self.client.submit(encode_sentences, batch, pure=False, retries=1))

        return stacked(done for _, done in in_order(submit, sentence_batches(sentences), window=self.workers * AHEAD))

    @staticmethod
    def _waiter(future: Any) -> Callable[[], Any]:
        """A function that waits for the task's result, then releases it from the cluster."""

        def wait() -> Any:
            try:
                result = future.result()
            except EngineError:
                raise
            except Exception as e:
                raise EngineError(
                    f"a Dask task failed ({type(e).__name__}: {e})",
                    hint="see the worker logs; run again with --engine local to compare",
                ) from e
            future.release()
            return result

        return wait

    def close(self) -> None:
        client = getattr(self, "client", None)
        if client is not None:
            client.close()
        if self.cluster is not None:
            self.cluster.close()
