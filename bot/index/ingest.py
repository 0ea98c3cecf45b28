"""`levier ingest`: validate the knowledge base and bring the index in step with it.

An unchanged base costs a directory walk (the parse cache) and a look at the index's stamp: no
re-parse, no read of the index, no import of chromadb's client.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.index.embeddings import NamedEmbeddings, make_embeddings
from bot.index.store import (
    IngestSummary,
    Store,
    open_client,
    open_reader,
    plan_sync,
    read_stamp_file,
    stamp_path,
)
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


def load_report(settings: Settings) -> LoadReport:
    """The knowledge base, through the parse cache in the data dir."""
    return load_knowledge(settings.knowledge_dir, cache_dir=settings.data_dir / "cache")


def ingest(
    settings: Settings,
    *,
    rebuild: bool = False,
    embeddings: NamedEmbeddings | None = None,
    progress: Callable[[int, int], None] | None = None,
    report: LoadReport | None = None,
) -> IngestResult:
    report = report if report is not None else load_report(settings)
    embeddings = embeddings or make_embeddings(settings)
    stamp = stamp_path(settings, embeddings)
    if not rebuild:
        stamped = read_stamp_file(stamp)  # what the index held at its last complete sync
        if stamped is not None and plan_sync(stamped, report.docs, report.invalid_files).empty:
            reader = open_reader(settings, embeddings)
            indexed = reader.read_stamp()  # the same, if it still describes the collection
            if indexed is stamped or (  # the stamp as parsed above: the plan is the same
                indexed is not None and plan_sync(indexed, report.docs, report.invalid_files).empty
            ):
                summary = IngestSummary(
                    unchanged=len(report.docs),
                    invalid=len(report.invalid_files),
                    invalid_files=list(report.invalid_files),
                )
                return IngestResult(report, summary, reader)
            if reader.writable:
                store = reader
            else:
                reader.close()
                store = Store(open_client(settings), embeddings, stamp=stamp)
        else:
            store = Store(open_client(settings), embeddings, stamp=stamp)
    else:
        store = Store(open_client(settings), embeddings, stamp=stamp)
    summary = store.sync(
        report.docs, invalid_files=report.invalid_files, rebuild=rebuild, progress=progress
    )
    return IngestResult(report, summary, store)


def is_stale(store: Store, report: LoadReport) -> bool:
    """True when a sync would change the index: a document added, changed, gone or half-indexed
    (read back from every chunk, not from the stamp)."""
    return not plan_sync(store.scan(), report.docs, report.invalid_files).empty
