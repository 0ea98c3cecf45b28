"""Read `knowledge/**/*.md`: front matter, validation, cross-references and section chunks.

A malformed file never stops the others: each problem becomes a `FileProblem` naming the file,
the field and the fix, and the caller decides how to report it. A symbolic link loop, a file that
cannot be read, is not a regular file, is binary, not UTF-8, empty or over `MAX_FILE_BYTES` (never
read whole) is one problem for that file. Of two files with one id, the one that had it first
(in the parse cache, else the older file) keeps it: the newcomer is the error. A file that breaks
keeps its last good version (from the parse cache) in `docs`, so the catalog still cites it and
links to it stay valid, as the index keeps it; its id is known even without one, so other files'
links to it are not reported. Text that addresses the assistant ("ignore previous
instructions") or pings everyone (`<!channel>`, `@everyone`) makes a document invalid.

With a `cache_dir`, what was parsed is kept in one file keyed by each file's content hash (and
by this package's source, so a schema change re-parses everything): an unchanged base costs one
directory walk, a changed file re-parses that file only. A stale or corrupt cache is rebuilt.
The file holds a small index (the walk, the problems, and for each document the few facts that
start-up, the index sync and the cross-reference checks need), then each document pickled on its
own: documents come back as `LazyDoc`s, unpickled from the memory-mapped file on first use, so
start-up and a one-file change cost what the index costs, not what the whole base does.
"""

from __future__ import annotations

import errno
import gc
import hashlib
import io
import logging
import mmap
import os
import pickle
import re
import stat
import struct
import sys
import threading
import time
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, NamedTuple, overload

import yaml
from pydantic import VERSION as PYDANTIC_VERSION
from pydantic import ValidationError

from bot.knowledge import vocab
from bot.knowledge.schema import MODELS, Campaign, CampaignCard, Doc, IdeaBook, Playbook

log = logging.getLogger(__name__)
# libyaml's parser when PyYAML was built with it (5x the pure-Python one), same documents.
_YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FRONT_RE = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_LINK_RE = re.compile(r"\[[^\]]*\]\(([^)\s]+\.md)(?:#[^)]*)?\)")
_FENCE_RE = re.compile(r"^(```|~~~)")
MAX_FILE_BYTES = 512 * 1024
# Part of every content hash: bump it when chunking changes, so `levier ingest` re-embeds all.
CHUNKING_VERSION = 4


@dataclass(frozen=True)
class FileProblem:
    path: str
    field: str
    message: str
    fix: str

    def __str__(self) -> str:
        where = f" [{self.field}]" if self.field else ""
        return f"{self.path}{where}: {self.message} — fix: {self.fix}"


@dataclass(frozen=True)
class Section:
    heading: str
    text: str


@dataclass(frozen=True)
class KnowledgeDoc:
    meta: Doc
    path: str  # relative to the repository root, POSIX style: "knowledge/…"
    body: str
    sections: tuple[Section, ...]
    content_hash: str

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def kind(self) -> str:
        return str(self.meta.kind)

    @property
    def translation_of(self) -> str | None:
        return self.meta.translation_of

    def card(self) -> CampaignCard | None:
        """A campaign's card (what ranking reads), None for another kind."""
        return self.meta.card() if isinstance(self.meta, Campaign) else None

    def __reduce__(self) -> tuple[Any, ...]:  # its fields only (a cached one has more keys)
        return (KnowledgeDoc, (self.meta, self.path, self.body, self.sections, self.content_hash))


class _Facts(NamedTuple):
    """What start-up, the index sync and the cross-reference checks read of a document."""

    id: str
    kind: str
    chunks: int  # chunk_count(doc)
    related: tuple[str, ...]
    translation_of: str | None
    links: tuple[str, ...]  # Markdown link targets in the body, in order
    situation: str | None  # a playbook's own situation (None: not a playbook)
    named: tuple[tuple[str, str], ...]  # (field, situation) the document names


def _facts(doc: KnowledgeDoc) -> _Facts:
    if isinstance(doc, LazyDoc):
        return doc.facts
    meta = doc.meta
    named: list[tuple[str, str]] = []
    if isinstance(meta, Campaign):
        named = [("situations", s) for s in meta.situations]
    elif isinstance(meta, Playbook):
        named = [("promote", s) for s in (meta.promote.from_ if meta.promote else [])]
        named += [("asked", s) for s in (meta.asked.from_ if meta.asked else [])]
    elif isinstance(meta, IdeaBook):
        # product categories: those it declares, and those its seeds and media name
        named = [("categories", _CATEGORY + c.id) for c in meta.categories]
        named += [("seeds", _CATEGORY + s.category) for s in meta.seeds]
        named += [("media", _CATEGORY + m.category) for m in meta.media]
    return _Facts(
        id=meta.id,
        kind=str(meta.kind),
        chunks=chunk_count(doc),
        related=tuple(meta.related),
        translation_of=meta.translation_of,
        links=tuple(_LINK_RE.findall(doc.body)),
        situation=meta.situation if isinstance(meta, Playbook) else None,
        named=tuple(named),
    )


_MATERIALIZE = threading.Lock()


class LazyDoc(KnowledgeDoc):
    """A document from the parse cache: its facts at hand, its meta, body and sections
    unpickled from the cache file (memory-mapped) the first time one of them is read, when it
    becomes the plain `KnowledgeDoc` it stands for (its fields then read directly)."""

    def __init__(
        self,
        facts: _Facts,
        path: str,
        content_hash: str,
        data: Any,
        span: tuple[int, int],
        card: tuple[int, int] | None = None,
    ) -> None:
        self.__dict__.update(  # frozen: set as the dataclass's own __init__ does
            facts=facts,
            path=path,
            content_hash=content_hash,
            _data=data,  # the mapped cache file (kept open by this reference)
            _span=span,
            _card=card,  # where a campaign's card is pickled, beside the document
        )

    facts: _Facts

    def _load(self) -> KnowledgeDoc:
        with _MATERIALIZE:
            if type(self) is LazyDoc:  # not yet materialized (by another thread)
                start, end = self.__dict__["_span"]
                full = pickle.loads(self.__dict__["_data"][start:end])
                if not isinstance(full, KnowledgeDoc) or full.path != self.path:
                    raise TypeError("the parse cache holds another document here")
                self.__dict__.update(meta=full.meta, body=full.body, sections=full.sections)
                # The class-level properties gave way: `meta` & co. are plain attributes now
                # (the other keys stay for a thread still reading them; pickling ignores them).
                object.__setattr__(self, "__class__", KnowledgeDoc)
        return self

    def raw(self) -> bytes:
        """The pickled document, as stored (copied into a new cache without unpickling)."""
        start, end = self.__dict__["_span"]
        return bytes(self.__dict__["_data"][start:end])

    def card(self) -> CampaignCard | None:
        """A campaign's card, read from the cache without the document itself."""
        span = self.__dict__.get("_card")
        if span is None:
            return None
        return CampaignCard(*pickle.loads(self.__dict__["_data"][span[0] : span[1]]))

    def raw_card(self) -> bytes | None:
        span = self.__dict__.get("_card")
        return None if span is None else bytes(self.__dict__["_data"][span[0] : span[1]])

    @property
    def meta(self) -> Doc:
        return self._load().meta

    @property
    def body(self) -> str:
        return self._load().body

    @property
    def sections(self) -> tuple[Section, ...]:
        return self._load().sections

    @property
    def id(self) -> str:
        return self.facts.id

    @property
    def kind(self) -> str:
        return self.facts.kind

    @property
    def translation_of(self) -> str | None:
        return self.facts.translation_of

    def plain(self) -> KnowledgeDoc:
        return self._load()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, KnowledgeDoc):
            return NotImplemented
        mine = self._load()
        theirs = other._load() if isinstance(other, LazyDoc) else other
        return mine == theirs

    def __hash__(self) -> int:
        return hash(self._load())

    def __repr__(self) -> str:
        return repr(self._load())

    def __reduce__(self) -> tuple[Any, ...]:
        return self._load().__reduce__()


@dataclass(frozen=True)
class Chunk:
    id: str
    doc_id: str
    text: str
    metadata: dict[str, Any]


@dataclass
class LoadReport:
    docs: list[KnowledgeDoc] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)
    files_seen: int = 0
    # Invalid files whose last good version (from the parse cache) is in `docs`.
    kept: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def invalid_files(self) -> list[str]:
        return sorted({p.path for p in self.problems})

    @property
    def valid_files(self) -> int:
        """Files with no problem at all (each file is valid or invalid, never both)."""
        return max(0, self.files_seen - len(self.invalid_files))

    @property
    def skipped_files(self) -> list[str]:
        """Invalid files with nothing in `docs`: not indexed, not cited."""
        kept = set(self.kept) | {d.path for d in self.docs}
        return [p for p in self.invalid_files if p not in kept]


def load_knowledge(
    root: Path,
    repo_root: Path | None = None,
    *,
    cache_dir: Path | None = None,
    on_change: Callable[[], None] | None = None,
    on_parsed: Callable[[KnowledgeDoc], None] | None = None,
) -> LoadReport:
    """Load and validate every knowledge file under `root` (through the parse cache in
    `cache_dir` when given: same report, without re-parsing unchanged files). `on_change` is
    called as soon as the cache shows that a file was added, removed or changed its content;
    `on_parsed` with each document parsed anew (not from the cache), as soon as it is, before
    the checks across files (which may still set it aside)."""
    report = LoadReport()
    base = repo_root if repo_root is not None else root.parent
    if not root.is_dir():
        report.problems.append(
            FileProblem(
                str(root),
                "",
                "the knowledge folder does not exist",
                "create it or set LEVIER_KNOWLEDGE_DIR to the right folder",
            )
        )
        return report
    if cache_dir is not None:
        return _load_cached(root, base, cache_dir, on_change, on_parsed)
    files, walk = _walk(root, base)
    declared: dict[str, str] = {}
    for path, (rel, _, _) in zip(files, walk, strict=True):
        report.files_seen += 1
        problems: list[FileProblem] = []
        raw = _read(Path(path), rel, problems)
        doc = None if raw is None else _parse(raw, rel, problems)
        report.problems.extend(problems)
        if doc is not None:
            report.docs.append(doc)
            if on_parsed is not None:
                on_parsed(doc)
        elif raw is not None and (declared_id := _declared_id(raw)):
            declared.setdefault(declared_id, rel)
    _check_references(report, root, base, declared=declared, ages=_ages(walk))
    return report


def _ages(walk: list[tuple[str, int, int]]) -> dict[str, int]:
    return {rel: mtime_ns for rel, mtime_ns, _ in walk}


# ---- the parse cache -----------------------------------------------------------------------

CACHE_FILE = "knowledge.cache"
_OLD_CACHE_FILE = "knowledge.pickle"
_CACHE_FORMAT = 5
_RACY_NS = 2_000_000_000  # a file changed this recently may change again within its mtime tick


def _code_key() -> str:
    """What a parsed document depends on besides its file: this package's source and versions."""
    digest = hashlib.sha256(f"{_CACHE_FORMAT}\n{CHUNKING_VERSION}\n".encode())
    digest.update(f"{sys.version}\n{PYDANTIC_VERSION}\n".encode())
    for source in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(source.name.encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()


@dataclass
class _Entry:
    mtime_ns: int  # -1: re-hash next time (changed too recently to trust the stat)
    size: int
    sha: str  # of the file's bytes ("" when they could not be read)
    doc: KnowledgeDoc | None
    problems: list[FileProblem]
    last_good: KnowledgeDoc | None = None  # when invalid: the last valid version of the file
    declared_id: str | None = None  # when invalid: the id its front matter seems to declare


_MAGIC = b"levier-knowledge-cache\n"
# After the magic: the lengths of the two pickles that follow, then the documents, each pickled
# on its own. The first pickle holds what an unchanged base needs (walk, links, the report, a
# stub per document); the second, the per-file entries that a change needs, is read only then.
# Both are plain tuples and lists (documents by their number): fast to write and to read.
_HEAD = struct.Struct("<QQ")


def _read_cache(path: Path, key: str | None) -> dict[str, Any] | None:
    """The cache, when written by this code (`key`); with `key=None`, whatever it holds (a
    source of last good versions only). Its "entries" are read when called."""
    enabled = gc.isenabled()
    gc.disable()  # thousands of objects, none cyclic garbage: twice as fast without gc
    try:
        with path.open("rb") as fh:
            data: Any = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        # The mapping outlives the file's replacement by a newer cache (os.replace), so the
        # documents of a report stay readable in a process that keeps it.
        if data[: len(_MAGIC)] != _MAGIC:
            raise ValueError("not a knowledge cache")
        start = len(_MAGIC) + _HEAD.size
        head_size, rest_size = _HEAD.unpack(data[len(_MAGIC) : start])
        middle, blobs = start + head_size, start + head_size + rest_size
        loaded = pickle.loads(data[start:middle])
        if not isinstance(loaded, dict):
            raise ValueError("not a knowledge cache")
        docs = _stubs(loaded.pop("stubs"), data, blobs)
        doc_numbers, problems, files_seen, kept = loaded["report"]
        loaded["report"] = LoadReport(
            docs=[docs[n] for n in doc_numbers],
            problems=list(problems),
            files_seen=files_seen,
            kept=list(kept),
        )

        def entries() -> dict[str, _Entry]:
            rows: dict[str, tuple[Any, ...]] = pickle.loads(data[middle:blobs])
            return {
                rel: _Entry(
                    mtime_ns,
                    size,
                    sha,
                    None if doc < 0 else docs[doc],
                    list(problems),
                    None if last_good < 0 else docs[last_good],
                    declared_id,
                )
                for rel, (
                    mtime_ns,
                    size,
                    sha,
                    doc,
                    problems,
                    last_good,
                    declared_id,
                ) in rows.items()
            }

        loaded["entries"] = entries
    except FileNotFoundError:
        return None
    except Exception as exc:  # corrupt, truncated, or written by other code: rebuild it
        log.info("knowledge cache unreadable (%s): rebuilding it", type(exc).__name__)
        return None
    finally:
        if enabled:
            gc.enable()
    if key is not None and loaded.get("key") != key:
        return None
    return loaded


def _stubs(stubs: list[tuple[Any, ...]], data: Any, blobs: int) -> list[LazyDoc]:
    docs: list[LazyDoc] = []
    size = len(data)
    for facts, path, content_hash, offset, length, card_length in stubs:
        begin = blobs + offset
        end = begin + length
        if offset < 0 or length < 0 or end + max(card_length, 0) > size:
            raise ValueError("a document outside the cache file")
        card = (end, end + card_length) if card_length > 0 else None
        docs.append(LazyDoc(_Facts(*facts), path, content_hash, data, (begin, end), card))
    return docs


def _write_cache(path: Path, data: dict[str, Any]) -> None:
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        report: LoadReport = data["report"]
        entries: dict[str, _Entry] = data["entries"]
        blobs = io.BytesIO()
        numbers: dict[int, int] = {}
        stubs: list[tuple[Any, ...]] = []
        keep: list[KnowledgeDoc] = []  # ids stay unique while numbered

        def number(doc: KnowledgeDoc | None) -> int:
            if doc is None:
                return -1
            n = numbers.get(id(doc))
            if n is None:
                if isinstance(doc, LazyDoc):
                    raw, card = doc.raw(), doc.raw_card() or b""
                else:
                    raw, card = _pickled(doc), _pickled_card(doc)
                offset = blobs.tell()
                blobs.write(raw)
                blobs.write(card)  # right after the document
                n = numbers[id(doc)] = len(stubs)
                facts = tuple(_facts(doc))
                stubs.append((facts, doc.path, doc.content_hash, offset, len(raw), len(card)))
                keep.append(doc)
            return n

        rows = {
            rel: (
                e.mtime_ns,
                e.size,
                e.sha,
                number(e.doc),
                list(e.problems),
                number(e.last_good),
                e.declared_id,
            )
            for rel, e in entries.items()
        }
        summary = (
            [number(d) for d in report.docs],
            report.problems,
            report.files_seen,
            report.kept,
        )
        head = pickle.dumps(
            {**data, "entries": None, "report": summary, "stubs": stubs},
            protocol=pickle.HIGHEST_PROTOCOL,
        )
        rest = pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL)
        path.parent.mkdir(parents=True, exist_ok=True)
        with tmp.open("wb") as fh:
            fh.write(_MAGIC)
            fh.write(_HEAD.pack(len(head), len(rest)))
            fh.write(head)
            fh.write(rest)
            fh.write(blobs.getbuffer())
        os.replace(tmp, path)
        (path.parent / _OLD_CACHE_FILE).unlink(missing_ok=True)  # the previous format's
    except OSError as exc:  # a read-only data dir only costs speed
        log.info("cannot write the knowledge cache: %s", exc.strerror or exc)
        tmp.unlink(missing_ok=True)


def _pickled(doc: KnowledgeDoc) -> bytes:
    plain = KnowledgeDoc(doc.meta, doc.path, doc.body, doc.sections, doc.content_hash)
    return pickle.dumps(plain, protocol=pickle.HIGHEST_PROTOCOL)


def _pickled_card(doc: KnowledgeDoc) -> bytes:
    card = doc.card()
    return b"" if card is None else pickle.dumps(tuple(card), protocol=pickle.HIGHEST_PROTOCOL)


def _walk(root: Path, base: Path) -> tuple[Sequence[str], list[tuple[str, int, int]]]:
    """The files `root.rglob("*.md")` finds (README.md aside), sorted as `load_knowledge` sorts
    them (as strings: a `Path` each costs more than the walk), each with its `_relative` path,
    mtime and size: one `scandir` walk, resolving only the symbolic links (`_relative` resolves
    every path, one `lstat` per component)."""
    found: list[tuple[list[str], bool, int, int]] = []  # parts under root, link, mtime, size

    def visit(folder: str, parts: list[str]) -> None:
        try:
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError:
            return
        for entry in entries:
            here = [*parts, entry.name]
            if entry.name.endswith(".md") and entry.name.lower() != "readme.md":
                try:
                    st = entry.stat()
                    found.append((here, entry.is_symlink(), st.st_mtime_ns, st.st_size))
                except OSError:  # a broken link, a link loop: reported when read
                    found.append((here, True, -1, -1))
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir and not entry.is_symlink():
                visit(entry.path, here)

    visit(str(root), [])
    found.sort(key=lambda f: f[0])  # what sorting the paths does: part by part
    try:
        prefix: str | None = root.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        prefix = None
    files = _Files(str(root), [parts for parts, _, _, _ in found])
    walk: list[tuple[str, int, int]] = []
    for parts, is_link, mtime_ns, size in found:
        if is_link or prefix is None:
            rel = _relative(Path(files.top, *parts), base)
        else:
            part = "/".join(parts)
            rel = f"{prefix}/{part}" if prefix != "." else part
        walk.append((rel, mtime_ns, size))
    return files, walk


class _Files(Sequence[str]):
    """The walk's file paths, joined only when read (an unchanged base never reads them)."""

    def __init__(self, top: str, parts: list[list[str]]) -> None:
        self.top = top
        self._parts = parts

    def __len__(self) -> int:
        return len(self._parts)

    @overload
    def __getitem__(self, i: int) -> str: ...

    @overload
    def __getitem__(self, i: slice) -> list[str]: ...

    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            return [os.path.join(self.top, *p) for p in self._parts[i]]
        return os.path.join(self.top, *self._parts[i])


def _load_cached(
    root: Path,
    base: Path,
    cache_dir: Path,
    on_change: Callable[[], None] | None = None,
    on_parsed: Callable[[KnowledgeDoc], None] | None = None,
) -> LoadReport:
    key = _code_key()
    cache_path = cache_dir / CACHE_FILE
    anything = _read_cache(cache_path, None) or _read_legacy(cache_dir / _OLD_CACHE_FILE)
    cached = anything if anything is not None and anything.get("key") == key else None
    files, walk = _walk(root, base)
    if (
        cached is not None
        and cached["trusted"]  # no file too recent to trust its stat
        and cached["walk"] == walk
        and cached["root"] == str(root.resolve())
        and all(os.path.isfile(target) == was for target, was in cached["links"].items())
    ):
        report: LoadReport = cached["report"]
        return report
    old_entries: dict[str, _Entry] = _entries(cached) if cached else {}
    changed = on_change is None or set(old_entries) != {rel for rel, _, _ in walk}
    if changed and on_change is not None:
        on_change()
    # Last good versions and previous owners of ids survive a change of this code.
    prior: dict[str, Any] = old_entries if cached is not None else _entries(anything or {})
    previous = anything.get("report") if anything else None
    owners = {d.id: d.path for d in getattr(previous, "docs", [])}
    report = LoadReport()
    entries: dict[str, _Entry] = {}
    declared: dict[str, str] = {}
    now = time.time_ns()
    for path, (rel, mtime_ns, size) in zip(files, walk, strict=True):
        report.files_seen += 1
        old = old_entries.get(rel)
        if old is not None and old.mtime_ns == mtime_ns >= 0 and old.size == size:
            entry = old
        else:
            entry = _parse_entry(Path(path), rel, mtime_ns, size, old)
            if entry.doc is not None and on_parsed is not None:
                on_parsed(entry.doc)
            if not changed and (old is None or entry.sha != old.sha):
                changed = True  # not a file touched or too recent: its content changed
                if on_change is not None:
                    on_change()
        if entry.doc is None:
            before = prior.get(rel)
            last_good = entry.last_good or getattr(before, "doc", None)
            last_good = last_good or getattr(before, "last_good", None)
            if cached is None:  # from other code: only if it still reads back
                last_good = _readable(last_good)
            entry.last_good = last_good if isinstance(last_good, KnowledgeDoc) else None
        if entry.sha and now - entry.mtime_ns < _RACY_NS:
            entry.mtime_ns = -1
        entries[rel] = entry
        report.problems.extend(entry.problems)
        if entry.doc is not None:
            report.docs.append(entry.doc)
        elif entry.last_good is not None:
            report.docs.append(entry.last_good)
            report.kept.append(rel)
        elif entry.declared_id:
            declared.setdefault(entry.declared_id, rel)
    links: dict[str, bool] = {}
    _check_references(report, root, base, links, declared=declared, ages=_ages(walk), owners=owners)
    _write_cache(
        cache_path,
        {
            "key": key,
            "root": str(root.resolve()),
            "walk": walk,
            "entries": entries,
            "trusted": all(entry.mtime_ns >= 0 for entry in entries.values()),
            "links": links,
            "report": report,
        },
    )
    return report


def _entries(cache: dict[str, Any]) -> dict[str, Any]:
    """The per-file entries of a cache (read now from the current format), or none."""
    try:
        entries = cache.get("entries")
        loaded = entries() if callable(entries) else entries
    except Exception as exc:  # a truncated or foreign cache: as if there were none
        log.info("knowledge cache entries unreadable (%s)", type(exc).__name__)
        return {}
    return loaded if isinstance(loaded, dict) else {}


def _read_legacy(path: Path) -> dict[str, Any] | None:
    """The previous format's cache (one pickle): a source of last good versions only."""
    try:
        with path.open("rb") as fh:
            data = pickle.load(fh)
    except Exception:  # missing, corrupt, or from other code
        return None
    return data if isinstance(data, dict) else None


def _readable(doc: Any) -> KnowledgeDoc | None:
    """`doc` materialized, or None when it cannot be (a cache written by other code)."""
    if not isinstance(doc, KnowledgeDoc):
        return None
    try:
        return doc.plain() if isinstance(doc, LazyDoc) else doc
    except Exception:
        return None


def _parse_entry(path: Path, rel: str, mtime_ns: int, size: int, old: _Entry | None) -> _Entry:
    problems: list[FileProblem] = []
    raw_bytes = _read(path, rel, problems)
    last_good = None if old is None else old.doc or old.last_good
    if raw_bytes is None:  # checked again next time (-1): it may become readable
        return _Entry(-1, size, "", None, problems, last_good)
    sha = hashlib.sha256(raw_bytes).hexdigest()
    if old is not None and old.sha == sha:
        return _Entry(mtime_ns, size, sha, old.doc, old.problems, old.last_good, old.declared_id)
    doc = _parse(raw_bytes, rel, problems)
    declared_id = None if doc is not None else _declared_id(raw_bytes)
    return _Entry(mtime_ns, size, sha, doc, problems, last_good, declared_id)


def _relative(path: Path, base: Path) -> str:
    try:
        resolved = path.resolve()
        if not resolved.exists():  # a broken link: named where it lies, not after its target
            raise FileNotFoundError(resolved)
        return resolved.relative_to(base.resolve()).as_posix()
    except (ValueError, RuntimeError, OSError):  # RuntimeError: a symbolic link loop (3.11)
        try:  # the link itself, where it lies
            return (path.parent.resolve() / path.name).relative_to(base.resolve()).as_posix()
        except (ValueError, RuntimeError, OSError):
            return path.as_posix()


def _read(path: Path, rel: str, problems: list[FileProblem]) -> bytes | None:
    """The file's bytes, or None and one problem: a link loop, a broken link, not a regular
    file (a folder, a pipe: reading one would block), too big (never read whole), unreadable."""
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            problems.append(
                FileProblem(
                    rel, "", "not a regular file", "knowledge files are Markdown files; remove it"
                )
            )
            return None
        if st.st_size > MAX_FILE_BYTES:
            problems.append(_too_big(rel, st.st_size))
            return None
        with path.open("rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            message, fix = "a symbolic link loop", "point the link at a real file or remove it"
        elif exc.errno == errno.ENOENT and path.is_symlink():
            message, fix = "a broken symbolic link", "point the link at a real file or remove it"
        else:
            message, fix = f"cannot read the file ({exc.strerror})", "check its permissions"
        problems.append(FileProblem(rel, "", message, fix))
        return None
    if len(data) > MAX_FILE_BYTES:  # it grew meanwhile
        problems.append(_too_big(rel, len(data)))
        return None
    return data


def _too_big(rel: str, size: int) -> FileProblem:
    return FileProblem(
        rel,
        "",
        f"the file is {size} bytes, over the {MAX_FILE_BYTES} limit",
        "split it into several documents",
    )


_DECLARED_ID_RE = re.compile(rb"^id:[ \t]*['\"]?([a-z0-9]+(?:-[a-z0-9]+)*)['\"]?[ \t]*\r?$", re.M)


def _declared_id(raw_bytes: bytes) -> str | None:
    """The id an invalid file's front matter seems to declare (so links to it are not reported
    as unknown: the file itself is)."""
    match = _DECLARED_ID_RE.search(raw_bytes[:4096])
    return match.group(1).decode() if match else None


def _parse(raw_bytes: bytes, rel: str, problems: list[FileProblem]) -> KnowledgeDoc | None:
    if len(raw_bytes) > MAX_FILE_BYTES:
        problems.append(_too_big(rel, len(raw_bytes)))
        return None
    if not raw_bytes.strip():
        problems.append(
            FileProblem(rel, "", "the file is empty", "write the document, or remove the file")
        )
        return None
    if b"\x00" in raw_bytes:
        problems.append(
            FileProblem(
                rel, "", "the file is binary, not Markdown text", "remove it from knowledge/"
            )
        )
        return None
    try:
        raw = raw_bytes.decode("utf-8")
    except UnicodeDecodeError:
        problems.append(FileProblem(rel, "", "the file is not valid UTF-8", "save it as UTF-8"))
        return None
    raw = raw.lstrip("\ufeff")
    match = _FRONT_RE.match(raw)
    if match is None:
        problems.append(
            FileProblem(
                rel,
                "front matter",
                "no YAML front matter found",
                "start the file with '---', the fields, then '---'",
            )
        )
        return None
    try:
        data = yaml.load(match.group(1), Loader=_YAML_LOADER)
    except yaml.YAMLError as exc:
        line = ""
        mark = getattr(exc, "problem_mark", None)
        if mark is not None:
            line = f" at line {mark.line + 2}"
        problems.append(
            FileProblem(
                rel,
                "front matter",
                f"invalid YAML{line}: {getattr(exc, 'problem', None) or exc}",
                "quote values that contain ': ' or start with a special "
                "character, and check the indentation",
            )
        )
        return None
    if not isinstance(data, dict):
        problems.append(
            FileProblem(
                rel,
                "front matter",
                "the front matter is not a mapping of fields",
                "write one 'field: value' per line",
            )
        )
        return None
    kind = data.get("kind")
    model = MODELS.get(str(kind))
    if model is None:
        problems.append(
            FileProblem(
                rel,
                "kind",
                f"unknown or missing kind {kind!r}",
                f"set kind to one of: {', '.join(vocab.KINDS)}",
            )
        )
        return None
    try:
        meta = model.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            problems.append(_problem_from_error(rel, model, err))
        return None
    body = raw[match.end() :]
    flagged = content_problems(rel, data, body)
    if flagged:
        problems.extend(flagged)
        return None
    sections = tuple(split_sections(body, meta.title))
    digest = hashlib.sha256(f"{CHUNKING_VERSION}\n{raw}".encode()).hexdigest()
    return KnowledgeDoc(meta=meta, path=rel, body=body, sections=sections, content_hash=digest)


def _problem_from_error(rel: str, model: type[Doc], err: Any) -> FileProblem:
    loc = ".".join(str(p) for p in err.get("loc", ()))
    kind = err.get("type", "")
    msg = str(err.get("msg", "invalid value")).removeprefix("Value error, ")
    if kind == "missing":
        return FileProblem(
            rel,
            loc,
            "required field is missing",
            f"add '{loc}:' to the front matter (see knowledge/README.md)",
        )
    if kind == "extra_forbidden":
        allowed = ", ".join(sorted(model.model_fields))
        return FileProblem(
            rel,
            loc,
            "unknown field",
            f"remove it or fix its spelling; allowed fields here: {allowed}",
        )
    if "use one of" in msg and ";" in msg:  # "…unknown value…; use one of: a, b"
        problem, fix = msg.split(";", 1)
        return FileProblem(rel, loc, problem, fix.strip())
    return FileProblem(
        rel, loc or "front matter", msg, "see the field's rules in knowledge/README.md"
    )


def split_sections(body: str, title: str) -> Iterable[Section]:
    """Split a Markdown body by `##` headings; the text before the first one is 'Overview'."""
    heading = "Overview"
    lines: list[str] = []
    in_fence = False
    for line in body.splitlines():
        if _FENCE_RE.match(line.strip()):
            in_fence = not in_fence
        if not in_fence and line.startswith("## "):
            text = _clean("\n".join(lines))
            if text:
                yield Section(heading, text)
            heading = line[3:].strip().rstrip("#").strip() or heading
            lines = []
            continue
        if (
            not in_fence
            and line.startswith("# ")
            and heading == "Overview"
            and not any(x.strip() for x in lines)
        ):
            continue  # the document title, already in the metadata
        lines.append(line)
    text = _clean("\n".join(lines))
    if text:
        yield Section(heading, text)


def _clean(text: str) -> str:
    return text.strip()


def _check_references(
    report: LoadReport,
    root: Path,
    base: Path,
    links: dict[str, bool] | None = None,
    *,
    declared: dict[str, str] | None = None,
    ages: dict[str, int] | None = None,
    owners: dict[str, str] | None = None,
) -> None:
    """Duplicate ids, unknown ids and broken links; `links` records each link target checked
    (path -> exists), so a cached report can tell when one appeared or vanished.

    Of the files sharing an id, one keeps it: the one that had it before (`owners`), else the
    oldest (`ages`: mtimes), else the first by path; the others are each one problem and leave
    `docs`. An id `declared` by an invalid file is not unknown. Last good versions kept for
    invalid files (`report.kept`) are not checked again: their file has its problem."""
    checked: dict[str, bool] = {} if links is None else links
    declared = declared or {}
    ages = ages or {}
    owners = owners or {}
    kept = set(report.kept)
    groups: dict[str, list[KnowledgeDoc]] = {}
    for doc in report.docs:
        groups.setdefault(doc.id, []).append(doc)
    newcomers: set[int] = set()
    for doc_id, group in groups.items():
        if len(group) == 1:
            continue
        keeper = min(
            group,
            key=lambda d: (
                d.path != owners.get(doc_id),
                d.path in kept and owners.get(doc_id) != d.path,
                ages.get(d.path, 0),
                d.path,
            ),
        )
        for doc in group:
            if doc is keeper:
                continue
            newcomers.add(id(doc))
            report.problems.append(
                FileProblem(
                    doc.path,
                    "id",
                    f"duplicate id {doc_id!r}: {keeper.path} already has it, so this file is "
                    "not indexed",
                    "give this document its own id, or remove the copy",
                )
            )
    if newcomers:
        dropped = [d.path for d in report.docs if id(d) in newcomers and d.path in kept]
        report.docs = [d for d in report.docs if id(d) not in newcomers]
        report.kept = [p for p in report.kept if p not in dropped]
        kept = set(report.kept)
    known = {d.id for d in report.docs} | set(declared)
    realpaths: dict[tuple[str, str], str] = {}
    for doc in report.docs:
        if doc.path in kept:
            continue
        facts = _facts(doc)
        for ref in facts.related:
            if ref not in known:
                report.problems.append(
                    FileProblem(
                        doc.path,
                        "related",
                        f"links to unknown id {ref!r}",
                        "fix the id or remove it",
                    )
                )
        if facts.translation_of and facts.translation_of not in known:
            report.problems.append(
                FileProblem(
                    doc.path,
                    "translation_of",
                    f"unknown id {facts.translation_of!r}",
                    "fix the id",
                )
            )
        folder = doc.path.rpartition("/")[0]
        for target in facts.links:
            if re.match(r"^[a-z]+://", target):
                continue
            resolved = realpaths.get((folder, target))
            if resolved is None:  # copies in one folder share their links: resolved once
                where = base / PurePosixPath(doc.path).parent / target
                resolved = realpaths[folder, target] = os.path.realpath(where)  # no loop error
            if resolved not in checked:
                checked[resolved] = os.path.isfile(resolved)
            if not checked[resolved]:
                report.problems.append(
                    FileProblem(
                        doc.path,
                        "body",
                        f"broken link to {target!r}",
                        "point it at an existing file (relative to this one)",
                    )
                )
    _check_situations(report)


# ---- text that must not be in a document ---------------------------------------------------

# Fields whose job is to describe injected instructions (a playbook's examples and patterns).
_UNCHECKED_FIELDS = frozenset({"examples", "overrides", "signals", "forbidden"})
_ZERO_WIDTH_RE = re.compile("[\u200b-\u200f\u2060-\u2064\ufeff\u00ad]")
_INSTRUCTION_RE = re.compile(
    r"\b(?:ignore|disregard|forget)\s+(?:all\s+|any\s+)?(?:the\s+|your\s+|my\s+)?"
    r"(?:previous|prior|above|earlier|preceding)\s+(?:instructions|prompts?|rules)"
    r"|\byou\s+are\s+now\b"
    r"|\bsystem\s+prompt\b"
    r"|\bignore[rz]?\s+(?:toutes\s+)?(?:les|tes|vos)\s+(?:instructions|consignes)"
    r"\s+(?:precedentes|pr[eé]c[eé]dentes)"
    r"|\b(?:tu\s+es|vous\s+[eê]tes)\s+(?:maintenant|d[eé]sormais)\b"
    r"|\bprompt\s+syst[eè]me\b"
)
# Matches wherever _INSTRUCTION_RE matches the text `_normalised`, and more: the same words,
# with no word boundaries and with any run of the characters `_normalised` turns into a space.
_INSTRUCTION_LOOSE_RE = re.compile(
    _INSTRUCTION_RE.pattern.replace(r"\s+", r"[\s_*`~>|]+").replace(r"\b", "")
)
_MASS_MENTION_RE = re.compile(
    r"<!(?:channel|here|everyone)(?:\|[^>]*)?>|(?<![\w.@/])@(?:everyone|channel|here)\b"
)


def _normalised(text: str) -> str:
    text = _ZERO_WIDTH_RE.sub("", unicodedata.normalize("NFKC", text))
    return re.sub(r"[\s_*`~>|]+", " ", text).casefold()


def _strings(value: Any, where: str) -> Iterable[tuple[str, str]]:
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if str(key) not in _UNCHECKED_FIELDS:
                yield from _strings(item, where or str(key))
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item, where)


def content_problems(rel: str, front: dict[str, Any], body: str) -> list[FileProblem]:
    """Instruction-like text (addressed to the assistant, not to a reader) and mass mentions
    that would ping a whole channel or workspace, in the body or the front matter's text (a
    playbook's `examples`, `overrides` and `signals` describe such text and are not checked).
    At most one problem of each kind per file."""
    problems: list[FileProblem] = []
    texts = [*_strings(front, ""), ("body", body)]
    # First one look at all the texts at once (a NUL between two stops any match at it): most
    # files hold nothing like either, and then neither search runs on each of their texts.
    joined = unicodedata.normalize("NFKC", "\0".join(text for _, text in texts))
    instruction = _INSTRUCTION_LOOSE_RE.search(_ZERO_WIDTH_RE.sub("", joined).casefold())
    mention = "@" in joined or "<!" in joined
    for where, text in texts if instruction else ():
        match = _INSTRUCTION_RE.search(_normalised(text))
        if match:
            problems.append(
                FileProblem(
                    rel,
                    where,
                    f"instruction-like text {match.group(0)!r}: a document must not address "
                    "the assistant",
                    "rephrase it as knowledge for a reader (or drop the file if imported)",
                )
            )
            break
    for where, text in texts if mention else ():
        found = _MASS_MENTION_RE.search(unicodedata.normalize("NFKC", text))
        if found:
            problems.append(
                FileProblem(
                    rel,
                    where,
                    f"mass mention {found.group(0)!r} would notify everyone",
                    "remove it; write 'everyone' in plain words",
                )
            )
            break
    return problems


_CATEGORY = "category:"


def _check_situations(report: LoadReport) -> None:
    """Situations are declared by playbooks: every other mention must name one of them. So are
    product categories, by idea documents: seeds and media must name a declared one."""
    facts = [_facts(d) for d in report.docs]
    known = {f.situation for f in facts if f.situation is not None}
    categories = {n for f in facts for w, n in f.named if w == "categories"}
    for doc, fact in zip(report.docs, facts, strict=True):
        for where, situation in fact.named:
            if situation.startswith(_CATEGORY):
                if where != "categories" and situation not in categories:
                    report.problems.append(
                        FileProblem(
                            doc.path,
                            where,
                            f"unknown product category {situation[len(_CATEGORY) :]!r}",
                            "use the id of a category declared under 'categories'",
                        )
                    )
                continue
            if situation not in known:
                report.problems.append(
                    FileProblem(
                        doc.path,
                        where,
                        f"unknown situation {situation!r}",
                        f"use a playbook's situation: {', '.join(sorted(known)) or 'none yet'}",
                    )
                )


def chunk_count(doc: KnowledgeDoc) -> int:
    """How many chunks `chunks_of(doc)` makes, without making them."""
    if isinstance(doc, LazyDoc):
        return doc.facts.chunks
    return 1 + len(doc.sections) + len(getattr(doc.meta, "terms", None) or ())


def chunks_of(doc: KnowledgeDoc) -> list[Chunk]:
    """One chunk per section (and per glossary term), each carrying the document's metadata."""
    meta = doc.meta
    base_meta: dict[str, Any] = {
        "doc_id": meta.id,
        "kind": meta.kind,
        "title": meta.title,
        "path": doc.path,
        "language": meta.language,
        "markets": list(meta.markets) or ["global"],
        "sectors": list(meta.sectors) or ["any"],
        "objectives": list(meta.objectives) or ["any"],
        "visibility": meta.visibility,
        "allowed": [*meta.allowed_channels, *meta.allowed_groups] or ["-"],
        "content_hash": doc.content_hash,
    }
    # A short first chunk naming the concept (its title and keywords) is what a question about
    # the concept matches best: measured on the retrieval evals, it beats a summary chunk.
    title = "Title" if meta.language == "en" else "Titre"
    pieces: list[tuple[str, str]] = [(title, ", ".join(meta.tags) or meta.title)]
    pieces += [(s.heading, s.text) for s in doc.sections]
    terms = getattr(meta, "terms", None)
    if terms:
        for term in terms:
            text = (
                f"{term.fr} (FR) / {term.en} (EN)\nFR : {term.definition_fr}\n"
                f"EN: {term.definition_en}"
            )
            pieces.append((f"{term.fr} / {term.en}", text))
    out: list[Chunk] = []
    for n, (heading, text) in enumerate(pieces):
        body = f"{meta.title} — {heading}\n{text}"
        out.append(
            Chunk(
                id=f"{meta.id}#{n}",
                doc_id=meta.id,
                text=body,
                metadata={**base_meta, "section": heading, "chunk": n},
            )
        )
    return out
