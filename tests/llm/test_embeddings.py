"""OpenAI embeddings (through the OpenAI-compatible protocol) index into their own collection."""

from __future__ import annotations

from pathlib import Path

import chromadb
from chromadb.config import Settings as ChromaSettings
from kbfactory import small_tree
from llm_fakes import EMBED_DIM, FakeOpenAI, llm_settings

from bot.index.embeddings import (
    OpenAIEmbeddingsAdapter,
    USEEmbeddings,
    collection_name,
    make_embeddings,
)
from bot.index.store import Store
from bot.knowledge.loader import load_knowledge
from bot.models import Access


def test_openai_embeddings_reindex_into_their_own_collection(
    fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    settings = llm_settings(
        fake_openai, tmp_path, embeddings="openai", openai_embedding_model="text-embedding-3-small"
    )
    small_tree(settings.knowledge_dir)
    report = load_knowledge(settings.knowledge_dir)
    assert report.docs

    embeddings = make_embeddings(settings)
    assert isinstance(embeddings, OpenAIEmbeddingsAdapter)
    client = chromadb.PersistentClient(
        path=str(tmp_path / "chroma"), settings=ChromaSettings(anonymized_telemetry=False)
    )
    store = Store(client, embeddings)
    summary = store.sync(report.docs)

    assert store.name == f"levier-openai-text-embedding-3-small-{EMBED_DIM}"
    assert store.name != collection_name(USEEmbeddings())  # the USE index is left alone
    assert summary.added == len(report.docs) and store.count() == summary.chunks_embedded > 0
    hits = store.search("two-step flow", k=3, access=Access())
    assert hits and all(h.doc_id for h in hits)

    calls = [r for r in fake_openai.requests if r.path == "/v1/embeddings"]
    assert calls and {r.body["model"] for r in calls} == {"text-embedding-3-small"}
    assert calls[0].headers["authorization"] == "Bearer test"
    names = [c.name for c in client.list_collections()]
    assert names == [store.name]
