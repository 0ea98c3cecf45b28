"""The Chroma index: on disk by default, a Chroma server when configured.

Ingestion is incremental by content hash: an unchanged document is never re-embedded, a changed
one is upserted under its deterministic chunk ids (`<doc id>#<n>`, its surplus old chunks deleted
by id), and a document that left `knowledge/` leaves the index by its ids.

What the index holds is also written to a stamp (doc id -> content hash, chunk count, path) in
the data dir after each complete sync, so that neither the freshness check nor a re-ingest reads
every chunk's metadata back from Chroma (3 s at 30k chunks). The stamp is trusted only while it
names the collection's id and chunk count; it is removed before the index is written, so a sync
that dies half-way leaves none, and then the index itself is read, as before.

A sync is crash-safe: each document's chunks go to the index in one upsert (a batch never
splits a document), its surplus old chunks are deleted right after, and the stamp is written
only when every document is in. A document is whole only when all its chunks carry its hash and
their ids are exactly `<doc id>#0..n-1` for the `n` chunks the document makes: anything else (a
sync killed between two writes, a chunk deleted by hand) is half-indexed, which `levier doctor`
reports and the next `levier ingest` re-embeds.

Reading a local index needs none of chromadb's Python API (1 s of imports): `open_reader` queries
it through the same Rust bindings that chromadb's own client calls, and falls back to the client.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, overload

from bot.errors import IndexUnavailable
from bot.index.embeddings import NamedEmbeddings, collection_name
from bot.knowledge.loader import Chunk, KnowledgeDoc, chunk_count, chunks_of
from bot.models import Access
from bot.settings import Settings

log = logging.getLogger(__name__)

# chunk id -> (text, metadata) as the index stores them, or None for a chunk it does not know.
ChunkLookup = Callable[[str], tuple[str, dict[str, Any]] | None]

COLLECTION_METADATA_SPACE = "cosine"
_STAMP_FORMAT = 1
_TENANT = "default_tenant"
_DATABASE = "default_database"
_BATCH = 64  # chunks embedded together (helper processes take one batch at a time)
_WRITE_BATCH = 256  # chunks written together: an upsert costs less per chunk up to about this
# Each chunk's text is stored in its metadata under this key, not as Chroma's "document":
# nothing searches the text by its words, and a document also goes to a full-text index, which
# took 40 % of a cold ingest's writes. An index written before keeps its documents, still read.
TEXT_KEY = "text"
# How many candidates HNSW explores per query. chromadb's default (100) makes the nearest 40 an
# approximation that differs from one process to the next: a graph rebuilt from the log (an
# index written before `SYNC_THRESHOLD`, or a server's) comes out in no fixed order, so the same
# question could get other chunks, and another answer.
# At 2,000 the search is exact on this knowledge base and still takes about 4 ms.
EF_SEARCH = 2000
# Vectors between two saves of a local index's HNSW files: every write (see `Store`).
SYNC_THRESHOLD = 1


@dataclass
class IngestSummary:
    added: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    invalid: int = 0
    repaired: int = 0  # half-indexed documents re-embedded (counted in `updated` too)
    chunks_embedded: int = 0
    seconds: float = 0.0
    invalid_files: list[str] = field(default_factory=list)
    set_aside: str = ""  # where a damaged index went before this one was rebuilt

    def line(self) -> str:
        repaired = f" (repaired {self.repaired})" if self.repaired else ""
        line = (
            f"added {self.added}, updated {self.updated}{repaired}, deleted {self.deleted}, "
            f"unchanged {self.unchanged}, invalid {self.invalid} "
            f"({self.chunks_embedded} chunks embedded in {self.seconds:.2f} s)"
        )
        if self.set_aside:
            line += (
                f"; the index could not be read (a process stopped while saving it?): "
                f"rebuilt, the old one kept in {self.set_aside}"
            )
        return line


@dataclass(frozen=True)
class Hit:
    chunk_id: str
    doc_id: str
    text: str
    metadata: dict[str, Any]
    score: float  # cosine similarity in [-1, 1], higher is closer


@dataclass(frozen=True)
class Indexed:
    """One document as the index holds it. `content_hash` is "" when its chunks disagree (some
    carry another hash, or their ids are not `<doc id>#0..n-1`): a half-written document."""

    content_hash: str
    chunk_ids: Sequence[str]
    path: str


class ChunkIds(Sequence[str]):
    """`<doc id>#0` … `<doc id>#n-1`, spelt out only when read (a stamp of 30k chunks is read
    at every start, and an unchanged base reads none of its ids)."""

    __slots__ = ("_count", "_doc_id")

    def __init__(self, doc_id: str, count: int) -> None:
        self._doc_id, self._count = doc_id, count

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, i: int) -> str: ...

    @overload
    def __getitem__(self, i: slice) -> Sequence[str]: ...

    def __getitem__(self, i: int | slice) -> str | Sequence[str]:
        if isinstance(i, slice):
            return tuple(f"{self._doc_id}#{n}" for n in range(self._count)[i])
        n = range(self._count)[i]  # IndexError as a tuple's
        return f"{self._doc_id}#{n}"


def is_whole(old: Indexed, doc: KnowledgeDoc) -> bool:
    """True when the index holds exactly `doc`'s chunks, all of this version."""
    return old.content_hash == doc.content_hash and len(old.chunk_ids) == chunk_count(doc)


def half_indexed(indexed: dict[str, Indexed], docs: Sequence[KnowledgeDoc]) -> dict[str, str]:
    """doc id -> what is wrong, for each document the index holds only in part: some of its
    chunks missing, or mixed with chunks of another version."""
    out: dict[str, str] = {}
    for doc in docs:
        old = indexed.get(doc.id)
        if old is None or is_whole(old, doc):
            continue
        if old.content_hash == "":
            out[doc.id] = f"{len(old.chunk_ids)} chunk(s) of mixed versions"
        elif old.content_hash == doc.content_hash:
            out[doc.id] = f"{len(old.chunk_ids)} of {chunk_count(doc)} chunks"
    return out


@dataclass
class Plan:
    """What a sync must do to bring the index in step with the documents."""

    embed: list[KnowledgeDoc] = field(default_factory=list)
    delete_docs: list[str] = field(default_factory=list)
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    repaired: int = 0

    @property
    def empty(self) -> bool:
        return not self.embed and not self.delete_docs


def plan_sync(
    indexed: dict[str, Indexed], docs: Sequence[KnowledgeDoc], invalid_files: Sequence[str]
) -> Plan:
    """Compare the index with the valid documents. A document gone from knowledge/ leaves the
    index, except when its file is invalid now: it keeps its last good version, so a typo does
    not silently remove knowledge. A half-indexed document is re-embedded (`repaired`)."""
    plan = Plan()
    wanted = {d.id for d in docs}
    for doc in docs:
        old = indexed.get(doc.id)
        if old is not None and is_whole(old, doc):
            plan.unchanged += 1
            continue
        plan.embed.append(doc)
        if old is None:
            plan.added += 1
        else:
            plan.updated += 1
            if old.content_hash in ("", doc.content_hash):
                plan.repaired += 1
    invalid = set(invalid_files)
    plan.delete_docs = [
        doc_id
        for doc_id, old in indexed.items()
        if doc_id not in wanted and old.path not in invalid
    ]
    return plan


def open_client(settings: Settings) -> Any:
    _drop_prefetched(settings.chroma_dir)  # one engine per index in a process
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    try:
        if settings.chroma_host:
            return chromadb.HttpClient(
                host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings
            )
        settings.chroma_dir.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(settings.chroma_dir), settings=chroma_settings)
    except Exception as exc:  # chromadb raises many types; all mean "not reachable"
        raise IndexUnavailable(f"cannot open Chroma: {type(exc).__name__}") from exc


def stamp_path(settings: Settings, embeddings: NamedEmbeddings) -> Path:
    """Where the stamp of this index lives: per collection, and per server when there is one."""
    name = collection_name(embeddings)
    if settings.chroma_host:
        where = f"{settings.chroma_host}-{settings.chroma_port}".replace("/", "-")
        name = f"{where}-{name}"
    return settings.data_dir / "cache" / f"index-{name}.json"


# Local readers being opened in a background thread (`prefetch_reader`), by folder and name.
_PREFETCHED: dict[tuple[str, str], Future[_LocalReader]] = {}
_PREFETCH_LOCK = threading.Lock()


def prefetch_reader(settings: Settings, embeddings: NamedEmbeddings) -> None:
    """Start opening the local index in a thread: Chroma's Rust side (opening the database,
    loading the HNSW index, which grows with the base) runs beside the start-up's Python, and
    the next `open_reader` takes it. Nothing happens for a server or a missing index."""
    if settings.chroma_host or not (settings.chroma_dir / "chroma.sqlite3").is_file():
        return
    key = (str(settings.chroma_dir), collection_name(embeddings))
    future: Future[_LocalReader] = Future()

    def run() -> None:
        try:
            reader = _LocalReader(Path(key[0]), key[1])
        except BaseException as exc:
            future.set_exception(exc)
        else:
            future.set_result(reader)

    with _PREFETCH_LOCK:
        if key in _PREFETCHED:
            return
        _PREFETCHED[key] = future
    # Not a daemon: a process that exits meanwhile waits for the open, never aborts it.
    threading.Thread(target=run, name="levier-index-open", daemon=False).start()


def _take_prefetched(path: Path, name: str) -> _LocalReader | None:
    with _PREFETCH_LOCK:
        future = _PREFETCHED.pop((str(path), name), None)
    if future is None:
        return None
    try:
        return future.result()
    except Exception as exc:
        log.debug("prefetched reader unavailable (%s)", type(exc).__name__)
        return None


def _drop_prefetched(path: Path) -> None:
    """Close the readers prefetched for `path`: chromadb's client is about to open it."""
    with _PREFETCH_LOCK:
        keys = [k for k in _PREFETCHED if k[0] == str(path)]
        futures = [_PREFETCHED.pop(k) for k in keys]
    for future in futures:
        with contextlib.suppress(Exception):  # it failed to open: nothing to close
            future.result().close()


def forget_local_index(path: Path) -> None:
    """Close this process's handles on the local index at `path` (readers being opened, and
    chromadb's cached systems, which it only clears all at once), so that a new index can be
    made there."""
    _drop_prefetched(path)
    if "chromadb" in sys.modules:
        from chromadb.api.shared_system_client import SharedSystemClient

        SharedSystemClient.clear_system_cache()


def open_reader(settings: Settings, embeddings: NamedEmbeddings) -> Store:
    """A store to search: a local index through the Rust bindings (no chromadb import), else
    (a server, no index yet, any surprise) through chromadb's client."""
    stamp = stamp_path(settings, embeddings)
    if not settings.chroma_host:
        try:
            name = collection_name(embeddings)
            reader = _take_prefetched(settings.chroma_dir, name) or _LocalReader(
                settings.chroma_dir, name
            )
        except Exception as exc:
            log.debug("local reader unavailable (%s): opening chromadb", type(exc).__name__)
        else:
            return Store._from_reader(reader, embeddings, stamp)
    return Store(open_client(settings), embeddings, stamp=stamp)


_STAMPS: dict[str, tuple[tuple[int, int, int], tuple[dict[str, Any], dict[str, Indexed]]]] = {}


def _load_stamp(path: Path) -> tuple[dict[str, Any], dict[str, Indexed]] | None:
    """The stamp, parsed once per version of the file in a process (start-up reads it twice)."""
    try:
        st = path.stat()
    except OSError:
        return None
    version = (st.st_ino, st.st_mtime_ns, st.st_size)
    known = _STAMPS.get(str(path))
    if known is not None and known[0] == version:
        return known[1]
    loaded = _parse_stamp(path)
    if loaded is not None:
        _STAMPS[str(path)] = (version, loaded)
    return loaded


def _parse_stamp(path: Path) -> tuple[dict[str, Any], dict[str, Indexed]] | None:
    try:
        data = json.loads(path.read_text("utf-8"))
        if data.get("format") != _STAMP_FORMAT:
            return None
        docs = {
            str(doc_id): Indexed(str(h), ChunkIds(str(doc_id), int(count)), str(doc_path))
            for doc_id, (h, count, doc_path) in data["docs"].items()
        }
        if int(data["count"]) != sum(len(d.chunk_ids) for d in docs.values()):
            return None
    except FileNotFoundError:
        return None
    except Exception as exc:  # corrupt or from other code: read the index instead
        log.info("index stamp unreadable (%s): reading the index", type(exc).__name__)
        return None
    return data, docs


def read_stamp_file(path: Path) -> dict[str, Indexed] | None:
    """The stamp's view of the index, unchecked against the index (`Store.read_stamp` checks)."""
    loaded = _load_stamp(path)
    return None if loaded is None else loaded[1]


# What chromadb says when the HNSW files of a local index cannot be read back (a process killed
# while it saved them): the index cannot be written or read any more, only rebuilt.
_DAMAGE = re.compile(r"hnsw|pickle|deserializ|segment reader|backfill|compactor", re.IGNORECASE)


def is_damage(exc: BaseException) -> bool:
    """True for chromadb's error on a local index whose files it cannot read."""
    return type(exc).__module__.startswith("chromadb") and bool(_DAMAGE.search(str(exc)))


def _applied_count(path: Path, collection_id: str) -> int | None:
    """The collection's chunk count read from Chroma's SQLite file, when both its segments
    have applied the whole log (else None: chromadb counts). chromadb's own count first loads
    the HNSW index (90 ms at 30k chunks, holding the interpreter lock), which a start-up that
    only checks its stamp does not need: the first search loads it."""
    import sqlite3

    try:
        db = sqlite3.connect(f"file:{path / 'chroma.sqlite3'}?mode=ro", uri=True, timeout=1)
        try:
            segments = db.execute(
                "SELECT s.id, s.scope, m.seq_id FROM segments s"
                " LEFT JOIN max_seq_id m ON m.segment_id = s.id WHERE s.collection = ?",
                (collection_id,),
            ).fetchall()
            (logged,) = db.execute(
                "SELECT MAX(seq_id) FROM embeddings_queue WHERE topic LIKE ?",
                (f"persistent://%/{collection_id}",),
            ).fetchone()
            scopes = {str(scope): seq for _, scope, seq in segments}
            if set(scopes) != {"METADATA", "VECTOR"} or logged is None:
                return None
            if any(seq is None or int(seq) != int(logged) for seq in scopes.values()):
                return None
            metadata = next(str(i) for i, scope, _ in segments if scope == "METADATA")
            (n,) = db.execute(
                "SELECT COUNT(*) FROM embeddings WHERE segment_id = ?", (metadata,)
            ).fetchone()
            return int(n)
        finally:
            db.close()
    except (sqlite3.Error, ValueError, TypeError):
        return None


class _LocalReader:
    """A read-only local collection through `chromadb_rust_bindings`, the engine behind
    chromadb's `PersistentClient` (same settings, same calls, same results)."""

    def __init__(self, path: Path, name: str) -> None:
        import resource

        import chromadb_rust_bindings as rb

        if not (path / "chroma.sqlite3").is_file():
            raise FileNotFoundError(path / "chroma.sqlite3")
        config = rb.SqliteDBConfig(
            hash_type=rb.MigrationHash.MD5,
            migration_mode=rb.MigrationMode.Apply,
            url=str(path / "chroma.sqlite3"),
        )
        self._bindings: Any = rb.Bindings(
            allow_reset=False,
            sqlite_db_config=config,
            persist_path=str(path),
            hnsw_cache_size=resource.getrlimit(resource.RLIMIT_NOFILE)[0] // 5,
        )
        self.id = str(self._bindings.get_collection(name, _TENANT, _DATABASE).id)
        self._path = path

    def count(self) -> int:
        applied = _applied_count(self._path, self.id)
        if applied is not None:
            return applied
        return int(self._bindings.count(self.id, _TENANT, _DATABASE))

    def close(self) -> None:
        self._bindings = None  # as chromadb's own client stops: drop the bindings

    def get(self, include: list[str], where: dict[str, Any] | None = None) -> dict[str, Any]:
        got = self._bindings.get(
            self.id,
            None,  # ids
            json.dumps(where) if where else None,
            None,  # limit
            0,  # offset
            None,  # where_document
            include,
            _TENANT,
            _DATABASE,
        )
        return {"ids": got.ids, "metadatas": got.metadatas}

    def query(
        self,
        query_embeddings: list[list[float]],
        n_results: int,
        where: dict[str, Any] | None,
        include: list[str],
    ) -> dict[str, Any]:
        import numpy as np

        vectors = [np.array(v, dtype=np.float32) for v in query_embeddings]
        got = self._bindings.query(
            self.id,
            None,
            vectors,
            n_results,
            json.dumps(where) if where else None,
            None,
            include,
            _TENANT,
            _DATABASE,
        )
        return {
            "ids": got.ids,
            "documents": got.documents if "documents" in include else None,
            "metadatas": got.metadatas if "metadatas" in include else None,
            "distances": got.distances,
        }


class Store:
    """One collection per embedding model: written through chromadb's client, read through it
    or through the local reader (`open_reader`)."""

    def __init__(
        self, client: Any, embeddings: NamedEmbeddings, *, stamp: Path | None = None
    ) -> None:
        self.embeddings = embeddings
        self._client = client
        self.name = collection_name(embeddings)
        self.stamp = stamp
        self._collection: Any = None
        self._chunks: ChunkLookup | None = None
        if client is not None:
            self._collection = client.get_or_create_collection(
                name=self.name,
                embedding_function=None,
                metadata={"hnsw:space": COLLECTION_METADATA_SPACE, "model": embeddings.model_id},
                configuration=None,
            )
            self._search_exhaustively()

    def _search_exhaustively(self) -> None:
        """Raise the collection's `ef_search` to `EF_SEARCH` (a collection made before, or by
        chromadb's defaults, keeps 100); the readers take it from the index. A local index
        saves its HNSW files after every write (`SYNC_THRESHOLD`), read when its segment loads,
        which is later: chromadb's default, 1,000 vectors between two saves, left up to 999 to
        replay at every start (0.12 s for 700, holding the interpreter lock). A process killed
        while they are saved leaves an index `ingest` sets aside and rebuilds (`is_damage`)."""
        config = getattr(self._collection, "configuration_json", None) or {}
        hnsw = config.get("hnsw") or {}
        wanted: dict[str, int] = {}
        if int(hnsw.get("ef_search") or 0) < EF_SEARCH:
            wanted["ef_search"] = EF_SEARCH
        if self._local and int(hnsw.get("sync_threshold") or 0) != SYNC_THRESHOLD:
            wanted["sync_threshold"] = SYNC_THRESHOLD
        if not wanted:
            return
        try:
            self._collection.modify(configuration={"hnsw": wanted})
        except Exception as exc:  # an older server: answers stay approximate, not wrong
            log.warning("could not set %s: %s", ", ".join(wanted), type(exc).__name__)

    @property
    def _local(self) -> bool:
        """Written through chromadb's client on an index on this disk (not a server)."""
        get_settings = getattr(self._client, "get_settings", None)
        return callable(get_settings) and bool(getattr(get_settings(), "is_persistent", False))

    @classmethod
    def _from_reader(
        cls, reader: _LocalReader, embeddings: NamedEmbeddings, stamp: Path | None
    ) -> Store:
        store = cls(None, embeddings, stamp=stamp)
        store._collection = reader
        return store

    def serve_chunks(self, lookup: ChunkLookup | None) -> None:
        """Take the hits' text and metadata from `lookup` (the documents this index holds, as
        `chunks_of` makes them), so a query asks the index for ids and distances only: fetching
        each hit's metadata and text is most of a query's time. A chunk it does not know
        (another process changed the index) is fetched from the index, as without it."""
        self._chunks = lookup

    @property
    def collection_id(self) -> str:
        return str(self._collection.id)

    @property
    def writable(self) -> bool:
        return self._client is not None

    def close(self) -> None:
        """Release the client's share of the Chroma system (connections, files)."""
        target = self._client if self._client is not None else self._collection
        close = getattr(target, "close", None)
        if callable(close):
            close()

    # ---- the stamp -------------------------------------------------------------------------

    def read_stamp(self) -> dict[str, Indexed] | None:
        """What the index holds according to the stamp, or None when the stamp is missing,
        unreadable, or does not describe this collection as it is (id and chunk count)."""
        if self.stamp is None:
            return None
        loaded = _load_stamp(self.stamp)
        if loaded is None:
            return None
        data, docs = loaded
        if data.get("collection") != self.name or data.get("collection_id") != self.collection_id:
            return None
        if int(data["count"]) != self.count():
            return None
        return docs

    def _write_stamp(self, indexed: dict[str, Indexed]) -> None:
        if self.stamp is None:
            return
        data = {
            "format": _STAMP_FORMAT,
            "collection": self.name,
            "collection_id": self.collection_id,
            "count": sum(len(d.chunk_ids) for d in indexed.values()),
            "docs": {
                doc_id: [d.content_hash, len(d.chunk_ids), d.path]
                for doc_id, d in sorted(indexed.items())
            },
        }
        tmp = self.stamp.with_name(f"{self.stamp.name}.{os.getpid()}.tmp")
        try:
            self.stamp.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_text(json.dumps(data, separators=(",", ":")), "utf-8")
            os.replace(tmp, self.stamp)
        except OSError as exc:  # a read-only data dir only costs speed
            log.info("cannot write the index stamp: %s", exc.strerror or exc)
            tmp.unlink(missing_ok=True)

    def _drop_stamp(self) -> None:
        if self.stamp is not None:
            try:
                self.stamp.unlink(missing_ok=True)
            except OSError as exc:
                log.info("cannot remove the index stamp: %s", exc.strerror or exc)

    # ---- ingestion -------------------------------------------------------------------------

    def indexed(self) -> dict[str, Indexed]:
        """doc_id -> what the index holds: from the stamp when it is valid, else read back."""
        stamped = self.read_stamp()
        return stamped if stamped is not None else self._scan()

    def _scan(self) -> dict[str, Indexed]:
        """What the index holds, read back chunk by chunk; a document whose chunks disagree
        (hashes, or ids other than `<doc id>#0..n-1`) gets the hash "" (half-written)."""
        got = self._collection.get(include=["metadatas"])
        hashes: dict[str, set[str]] = {}
        paths: dict[str, str] = {}
        ids: dict[str, list[str]] = {}
        for chunk_id, meta in zip(got.get("ids") or [], got.get("metadatas") or [], strict=False):
            if meta:
                doc_id = str(meta["doc_id"])
                hashes.setdefault(doc_id, set()).add(str(meta.get("content_hash", "")))
                paths[doc_id] = str(meta.get("path", ""))
                ids.setdefault(doc_id, []).append(str(chunk_id))
        out: dict[str, Indexed] = {}
        for doc_id, seen in hashes.items():
            mine = sorted(ids[doc_id], key=lambda i: _chunk_number(i, doc_id))
            whole = len(seen) == 1 and mine == [f"{doc_id}#{n}" for n in range(len(mine))]
            out[doc_id] = Indexed(next(iter(seen)) if whole else "", tuple(mine), paths[doc_id])
        return out

    def scan(self) -> dict[str, Indexed]:
        """What the index holds, read back from every chunk (never from the stamp): for
        `levier doctor`, which must see what a stamp cannot (a chunk deleted by hand)."""
        return self._scan()

    def indexed_hashes(self) -> dict[str, str]:
        """doc_id -> content hash of what the index holds."""
        return {doc_id: d.content_hash for doc_id, d in self.indexed().items()}

    def count(self) -> int:
        return int(self._collection.count())

    def sync(
        self,
        docs: Sequence[KnowledgeDoc],
        *,
        invalid_files: Sequence[str] = (),
        rebuild: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> IngestSummary:
        start = time.perf_counter()
        summary = IngestSummary(invalid=len(invalid_files), invalid_files=list(invalid_files))
        if rebuild:
            self._drop_stamp()
            existing = self._collection.get(include=[])["ids"]
            if existing:
                self._collection.delete(ids=existing)
            indexed: dict[str, Indexed] = {}
        else:
            indexed = self.indexed()
        plan = plan_sync(indexed, docs, invalid_files)
        summary.added, summary.updated, summary.unchanged, summary.repaired = (
            plan.added,
            plan.updated,
            plan.unchanged,
            plan.repaired,
        )
        if plan.empty:
            if self.read_stamp() is None:
                self._write_stamp(indexed)
            summary.seconds = time.perf_counter() - start
            return summary
        self._drop_stamp()  # the index is about to change: a crash must not leave a stamp
        after = dict(indexed)
        gone: list[str] = []
        for doc_id in plan.delete_docs:
            gone.extend(after.pop(doc_id).chunk_ids)
            summary.deleted += 1
        if gone:
            self._collection.delete(ids=gone)
        total = sum(chunk_count(d) for d in plan.embed)
        done = 0
        batches = [
            (batch, [c for doc in batch for c in chunks_of(doc)])
            for batch in _whole_batches(plan.embed)
        ]
        vectors = _embed_batches(
            self.embeddings, [[c.text for c in chunks] for _, chunks in batches]
        )
        pending: list[tuple[list[KnowledgeDoc], list[Chunk], list[list[float]]]] = []
        for index, ((batch, chunks), embedded) in enumerate(zip(batches, vectors, strict=True)):
            pending.append((batch, chunks, embedded))
            if sum(len(c) for _, c, _ in pending) < _WRITE_BATCH and index < len(batches) - 1:
                continue
            written = self._write(pending, after)
            pending = []
            summary.chunks_embedded += written
            done += written
            if progress:
                progress(done, total)
        self._write_stamp(after)  # only now: every document is in
        summary.seconds = time.perf_counter() - start
        return summary

    def _write(
        self,
        batches: list[tuple[list[KnowledgeDoc], list[Chunk], list[list[float]]]],
        after: dict[str, Indexed],
    ) -> int:
        """Whole documents' chunks in one upsert, then their surplus old chunks deleted; `after`
        updated. The number of chunks written."""
        docs = [doc for batch, _, _ in batches for doc in batch]
        chunks = [c for _, cs, _ in batches for c in cs]
        self._collection.upsert(
            ids=[c.id for c in chunks],
            embeddings=[v for _, _, vs in batches for v in vs],
            metadatas=[{**c.metadata, TEXT_KEY: c.text} for c in chunks],
        )
        new_ids = {c.id for c in chunks}
        surplus = [
            i
            for doc in docs
            if doc.id in after
            for i in after[doc.id].chunk_ids
            if i not in new_ids
        ]
        if surplus:
            self._collection.delete(ids=surplus)
        for doc in docs:
            ids = tuple(c.id for c in chunks if c.doc_id == doc.id)
            after[doc.id] = Indexed(doc.content_hash, ids, doc.path)
        return len(chunks)

    # ---- search ----------------------------------------------------------------------------

    def search(
        self,
        query: str | list[float],
        *,
        k: int,
        access: Access,
        where: dict[str, Any] | None = None,
        predicate: Callable[[dict[str, Any]], bool] | None = None,
    ) -> list[Hit]:
        """The `k` nearest chunks that `access` may see (and that match `where`).

        Chroma's metadata filters scan every row (about 30 ms at 10k chunks here), while a plain
        ANN query takes 2 ms. So when the caller can test its filter in Python (`predicate`),
        an unfiltered query for more candidates is post-filtered, and the filtered query is the
        fallback when too few candidates survive. The access check always runs in Python too.
        """
        vector = self.embeddings.embed_query(query) if isinstance(query, str) else query
        if where is None or predicate is not None:
            fast = self._query(vector, max(4 * k, 40), None)
            hits = [
                h
                for h in fast
                if _visible(h, access) and (predicate is None or predicate(h.metadata))
            ]
            if len(hits) >= k or len(fast) < max(4 * k, 40):
                return hits[:k]
        clause = _combine(access_clause(access), where)
        return [h for h in self._query(vector, k, clause) if _visible(h, access)][:k]

    def _query(self, vector: list[float], n: int, where: dict[str, Any] | None) -> list[Hit]:
        lookup = self._chunks
        if lookup is not None:
            result = self._raw_query(vector, n, where, ["distances"])
            ids = (result.get("ids") or [[]])[0]
            dists = (result.get("distances") or [[]])[0]
            found = [lookup(cid) for cid in ids]
            known = [f for f in found if f is not None]
            if len(known) == len(found):
                return _ranked(
                    Hit(cid, str(meta.get("doc_id")), text, dict(meta), 1.0 - float(d))
                    for cid, (text, meta), d in zip(ids, known, dists, strict=False)
                )
        result = self._raw_query(vector, n, where, ["documents", "metadatas", "distances"])
        ids = (result.get("ids") or [[]])[0]
        docs = (result.get("documents") or [[]])[0]
        metas = (result.get("metadatas") or [[]])[0]
        dists = (result.get("distances") or [[]])[0]
        hits = []
        for cid, doc, meta, d in zip(ids, docs, metas, dists, strict=False):
            fields = dict(meta or {})
            text = fields.pop(TEXT_KEY, None) or doc or ""
            hits.append(Hit(cid, str(fields.get("doc_id")), str(text), fields, 1.0 - float(d)))
        return _ranked(hits)

    def _raw_query(
        self, vector: list[float], n: int, where: dict[str, Any] | None, include: list[str]
    ) -> dict[str, Any]:
        try:
            result: dict[str, Any] = self._collection.query(
                query_embeddings=[vector], n_results=n, where=where, include=include
            )
        except Exception as exc:
            if is_damage(exc) and self._client is None:  # a local index it cannot read back:
                self._drop_stamp()  # the next start (or `levier ingest`) rebuilds it
            raise IndexUnavailable(f"query failed: {type(exc).__name__}") from exc
        return result


def _ranked(hits: Iterable[Hit]) -> list[Hit]:
    """Closest first; equally close chunks (to 1e-6) by id, so that a tie is not settled by
    the order the index happened to return them in."""
    return sorted(hits, key=lambda h: (-round(h.score, 6), h.chunk_id))


def _embed_batches(embeddings: NamedEmbeddings, batches: list[list[str]]) -> Iterator[Any]:
    """Each batch's vectors, in order: through `embed_batches` when the model has it (helper
    processes for a large ingest), else one `embed_documents` call per batch."""
    many = getattr(embeddings, "embed_batches", None)
    if callable(many):
        yield from many(batches)
        return
    for texts in batches:
        yield embeddings.embed_documents(texts)


def _chunk_number(chunk_id: str, doc_id: str) -> int:
    tail = chunk_id[len(doc_id) + 1 :] if chunk_id.startswith(f"{doc_id}#") else ""
    return int(tail) if tail.isdigit() else 1 << 30


def _whole_batches(docs: Sequence[KnowledgeDoc]) -> list[list[KnowledgeDoc]]:
    """Documents in batches of about `_BATCH` chunks; a document is never split (one larger than
    a batch is a batch of its own)."""
    batches: list[list[KnowledgeDoc]] = []
    size = 0
    for doc in docs:
        n = chunk_count(doc)
        if not batches or size + n > _BATCH:
            batches.append([])
            size = 0
        batches[-1].append(doc)
        size += n
    return batches


def _visible(hit: Hit, access: Access) -> bool:
    meta = hit.metadata
    return access.can_see(str(meta.get("visibility", "public")), list(meta.get("allowed") or []))


def access_clause(access: Access) -> dict[str, Any]:
    options: list[dict[str, Any]] = [{"visibility": "public"}]
    options.extend({"allowed": {"$contains": p}} for p in access.principals)
    return options[0] if len(options) == 1 else {"$or": options}


def _combine(a: dict[str, Any], b: dict[str, Any] | None) -> dict[str, Any]:
    return a if not b else {"$and": [a, b]}
