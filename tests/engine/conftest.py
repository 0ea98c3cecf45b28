"""Shared fixtures: a small knowledge tree, indexed once per session with the real USE model."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.deps import Deps
from bot.knowledge.catalog import Catalog
from bot.knowledge.loader import LoadReport, load_knowledge
from bot.models import Brief
from bot.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "knowledge"
TODAY = dt.date(2026, 11, 26)


@pytest.fixture(scope="session")
def report() -> LoadReport:
    loaded = load_knowledge(FIXTURES)
    assert loaded.ok, [str(p) for p in loaded.problems]
    return loaded


@pytest.fixture(scope="session")
def catalog(report: LoadReport) -> Catalog:
    return Catalog.from_report(report)


@pytest.fixture(scope="session")
def store(report: LoadReport, tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    from bot.index.embeddings import USEEmbeddings
    from bot.index.store import Store

    path = tmp_path_factory.mktemp("chroma")
    client = chromadb.PersistentClient(
        path=str(path), settings=ChromaSettings(anonymized_telemetry=False)
    )
    built = Store(client, USEEmbeddings(cache_dir=tmp_path_factory.mktemp("use-cache")))
    built.sync(report.docs)
    yield built


@pytest.fixture
def deps(report: LoadReport, catalog: Catalog, store: object, tmp_path: Path) -> Deps:
    from bot.index.store import Store
    from bot.retrieval import Retriever

    assert isinstance(store, Store)
    settings = Settings(knowledge_dir=FIXTURES, data_dir=tmp_path)
    return Deps(
        settings=settings,
        catalog=catalog,
        retriever=Retriever(store, catalog, top_k=8),
        load_report=report,
        today=lambda: TODAY,
    )


def make_brief(**kw: object) -> Brief:
    return Brief.model_validate(kw)
