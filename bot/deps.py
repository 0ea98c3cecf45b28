"""The dependencies of `advise()`, built explicitly once by an entry point and passed down."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bot.settings import Settings

if TYPE_CHECKING:  # imported where used: start-up pays only for what a command needs
    from bot.engine.situation import Recogniser
    from bot.index.store import Store
    from bot.knowledge.catalog import Catalog
    from bot.knowledge.loader import LoadReport
    from bot.retrieval import Retriever


@dataclass
class Deps:
    settings: Settings
    catalog: Catalog
    retriever: Retriever
    load_report: LoadReport
    today: Callable[[], dt.date] = dt.date.today
    # Optional language-model layer (the LLM issue): a writer of answers and a brief extractor.
    writer: Any = None
    extractor: Any = None
    extras: dict[str, Any] = field(default_factory=dict)
    # Recognises the situation of a question from the playbooks' examples (None: no playbooks).
    recogniser: Recogniser | None = None


def make_recogniser(settings: Settings, catalog: Catalog, store: Store) -> Recogniser | None:
    from bot.engine.situation import Recogniser

    recogniser = Recogniser(
        catalog,
        embed=store.embeddings.embed_documents,
        model_id=store.embeddings.model_id,
        cache_dir=settings.data_dir / "situations",
    )
    return recogniser if recogniser.ready else None


def _in_step(store: Store, report: LoadReport) -> bool:
    """True when the index holds exactly the report's documents (by its stamp)."""
    from bot.index.store import plan_sync

    try:
        indexed = store.read_stamp()
    except Exception:  # an index that cannot say: read everything from it
        return False
    return indexed is not None and plan_sync(indexed, report.docs, report.invalid_files).empty


def build_deps(
    settings: Settings,
    *,
    with_llm: bool = True,
    store: Store | None = None,
    report: LoadReport | None = None,
    today: dt.date | None = None,
) -> Deps:
    """Load the knowledge base, open the index, and (if configured) the language model; a
    `report` and `store` already loaded (e.g. by an ingest at start-up) are reused. `today`
    pins the date the engine (and the model layer) reason from, for evals and tests."""
    from bot.index.embeddings import make_embeddings
    from bot.index.ingest import load_report
    from bot.index.store import open_reader
    from bot.knowledge.catalog import Catalog
    from bot.retrieval import Chunks, Retriever

    if report is None:
        report = load_report(settings)
    catalog = Catalog.from_report(report)
    if store is None:
        store = open_reader(settings, make_embeddings(settings))
    if _in_step(store, report):  # hits' text and metadata from the documents, not the index
        store.serve_chunks(Chunks(catalog))
    deps = Deps(
        settings=settings,
        catalog=catalog,
        retriever=Retriever(store, catalog, top_k=settings.top_k),
        load_report=report,
        recogniser=make_recogniser(settings, catalog, store),
    )
    if today is not None:
        deps.today = lambda: today
    if with_llm and settings.llm_configured:
        try:
            from bot.llm import attach  # the language-model layer, when present
        except ImportError:
            pass
        else:
            attach(deps)
    return deps
