"""`levier ingest`: validate the knowledge base and bring the index in step with it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.index.embeddings import NamedEmbeddings, make_embeddings
from bot.index.store import IngestSummary, Store, open_client
from bot.knowledge.loader import LoadReport, load_knowledge
from bot.settings import Settings


@dataclass
class IngestResult:
    report: LoadReport
    summary: IngestSummary
    store: Store

    @property
    def ok(self) -> bool:
        return self.report.ok


def ingest(
    settings: Settings,
    *,
    rebuild: bool = False,
    embeddings: NamedEmbeddings | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> IngestResult:
    report = load_knowledge(settings.knowledge_dir)
    store = Store(open_client(settings), embeddings or make_embeddings(settings))
    summary = store.sync(
        report.docs, invalid_files=report.invalid_files, rebuild=rebuild, progress=progress
    )
    return IngestResult(report, summary, store)


def is_stale(store: Store, report: LoadReport) -> bool:
    """True when the index does not hold exactly the valid documents of `knowledge/`."""
    indexed = store.indexed_hashes()
    wanted = {d.id: d.content_hash for d in report.docs}
    return indexed != wanted
