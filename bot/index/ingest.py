"""`levier ingest`: validate the knowledge base and bring the index in step with it.

An unchanged base costs a directory walk (the parse cache) and a look at the index's stamp: no
re-parse, no read of the index, no import of chromadb's client.
"""

from __future__ import annotations

import logging
import os
import shutil
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from bot.index.embeddings import NamedEmbeddings, make_embeddings
from bot.index.store import (
    Indexed,
    IngestSummary,
    Store,
    forget_local_index,
    is_damage,
    open_client,
    open_reader,
    plan_sync,
    read_stamp_file,
    stamp_path,
)
from bot.knowledge.loader import KnowledgeDoc, LoadReport, chunks_of, load_knowledge
from bot.settings import Settings

log = logging.getLogger(__name__)


@dataclass
class IngestResult:
    report: LoadReport
    summary: IngestSummary
    store: Store

    @property
    def ok(self) -> bool:
        return self.report.ok


def load_report(
    settings: Settings,
    on_change: Callable[[], None] | None = None,
    on_parsed: Callable[[KnowledgeDoc], None] | None = None,
) -> LoadReport:
    """The knowledge base, through the parse cache in the data dir (`on_change`, `on_parsed`:
    see `load_knowledge`)."""
    return load_knowledge(
        settings.knowledge_dir,
        cache_dir=settings.data_dir / "cache",
        on_change=on_change,
        on_parsed=on_parsed,
    )


class _Prefetch:
    """Documents' chunks handed to the embedding helpers as they are parsed, in batches of
    `size` chunks: the helpers embed while this process parses the rest of the base."""

    def __init__(self, prefetch: Callable[[list[str]], None], size: int) -> None:
        self._prefetch = prefetch
        self._size = size
        self._texts: list[str] = []

    def add(self, doc: KnowledgeDoc) -> None:
        self._texts.extend(c.text for c in chunks_of(doc))
        if len(self._texts) >= self._size:
            self.flush()

    def flush(self) -> None:
        texts, self._texts = self._texts, []
        if texts:
            self._prefetch(texts)


class _Writer:
    """The index opened for writing in a background thread, started when the knowledge base
    turns out to have changed: chromadb's client (its import, the HNSW index's load, which
    grows with the base) gets ready while the changed files are parsed."""

    def __init__(self, settings: Settings, embeddings: NamedEmbeddings, stamp: Path) -> None:
        self._args = (settings, embeddings, stamp)
        self._future: Future[Store] | None = None

    def start(self) -> None:
        if self._future is not None:
            return
        future: Future[Store] = Future()
        self._future = future

        def run() -> None:
            try:
                settings, embeddings, stamp = self._args
                store = Store(open_client(settings), embeddings, stamp=stamp)
                store.count()  # loads the index's segments
            except BaseException as exc:  # the main thread opens it again and reports
                future.set_exception(exc)
            else:
                future.set_result(store)

        threading.Thread(target=run, name="levier-index-writer", daemon=False).start()

    def store(self) -> Store | None:
        """The store opened in the background, or None (not started, or it failed)."""
        if self._future is None:
            return None
        try:
            return self._future.result()
        except Exception as exc:
            log.debug("background index open failed (%s)", type(exc).__name__)
            return None

    def open(self) -> Store:
        settings, embeddings, stamp = self._args
        return self.store() or Store(open_client(settings), embeddings, stamp=stamp)


def ingest(
    settings: Settings,
    *,
    rebuild: bool = False,
    embeddings: NamedEmbeddings | None = None,
    progress: Callable[[int, int], None] | None = None,
    report: LoadReport | None = None,
) -> IngestResult:
    embeddings = embeddings or make_embeddings(settings)
    stamp = stamp_path(settings, embeddings)
    stamped = None if rebuild else read_stamp_file(stamp)  # the index at its last full sync
    start_helpers = getattr(embeddings, "start_helpers", None)
    prefetch = getattr(embeddings, "prefetch", None)
    feed: _Prefetch | None = None
    if stamped is None and callable(start_helpers) and _many_files(settings.knowledge_dir):
        start_helpers()  # a whole base to embed: the helpers start on it while it is parsed
        if callable(prefetch) and report is None:
            feed = _Prefetch(prefetch, PREFETCH_BATCH)
    try:
        try:
            return _ingest(settings, embeddings, stamp, stamped, rebuild, progress, report, feed)
        except Exception as exc:
            if settings.chroma_host or not is_damage(exc):
                raise
            aside = set_aside(settings)
            result = _ingest(settings, embeddings, stamp, None, False, progress, None, None)
            result.summary.set_aside = str(aside.relative_to(settings.data_dir))
            return result
    finally:
        stop_helpers = getattr(embeddings, "stop_helpers", None)
        if callable(stop_helpers):
            stop_helpers()


def set_aside(settings: Settings) -> Path:
    """Move a damaged local index out of the way (`<data>/chroma.damaged`, replacing the one
    set aside before), so the next open starts a new one. Its handles in this process close."""
    forget_local_index(settings.chroma_dir)
    aside = settings.chroma_dir.with_name(settings.chroma_dir.name + ".damaged")
    shutil.rmtree(aside, ignore_errors=True)
    os.replace(settings.chroma_dir, aside)
    return aside


PREFETCH_BATCH = 128  # chunks handed to a helper at a time while the base is parsed

# About the 8 batches of 64 chunks from which helper processes embed (7 chunks a file).
HELPERS_MIN_FILES = 70


def _many_files(root: Path) -> bool:
    count = 0
    for _, _, files in os.walk(root):
        count += sum(1 for f in files if f.endswith(".md"))
        if count >= HELPERS_MIN_FILES:
            return True
    return False


def _ingest(
    settings: Settings,
    embeddings: NamedEmbeddings,
    stamp: Path,
    stamped: dict[str, Indexed] | None,
    rebuild: bool,
    progress: Callable[[int, int], None] | None,
    report: LoadReport | None,
    feed: _Prefetch | None = None,
) -> IngestResult:
    writer = _Writer(settings, embeddings, stamp)
    if report is None:
        report = load_report(settings, writer.start, None if feed is None else feed.add)
        if feed is not None:
            feed.flush()
    if not rebuild:
        if stamped is not None and plan_sync(stamped, report.docs, report.invalid_files).empty:
            early = writer.store()  # opened for a change that changed no document
            if early is not None:
                early.close()  # an unchanged index is read without chromadb's client
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
                store = writer.open()
        else:
            store = writer.open()
    else:
        store = writer.open()
    summary = store.sync(
        report.docs, invalid_files=report.invalid_files, rebuild=rebuild, progress=progress
    )
    return IngestResult(report, summary, store)


def is_stale(store: Store, report: LoadReport) -> bool:
    """True when a sync would change the index: a document added, changed, gone or half-indexed
    (read back from every chunk, not from the stamp)."""
    return not plan_sync(store.scan(), report.docs, report.invalid_files).empty
