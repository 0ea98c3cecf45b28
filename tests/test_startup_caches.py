"""Start-up caches: the knowledge parse cache, the index stamp, the local reader and the USE
weights cache give what the uncached paths give, and a stale or corrupt cache is rebuilt."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from kbfactory import principle, small_tree, write_doc

from bot.cli import ensure_index
from bot.index.embeddings import USEEmbeddings
from bot.index.ingest import ingest, load_report
from bot.index.store import Store, open_client, open_reader, stamp_path
from bot.index.use_model import Tokenizer, load_backend
from bot.knowledge import loader
from bot.knowledge.loader import CACHE_FILE, load_knowledge
from bot.models import Access
from bot.retrieval import Chunks
from bot.settings import Settings


def _settings(tmp_path: Path) -> Settings:
    return Settings(knowledge_dir=tmp_path / "knowledge", data_dir=tmp_path / "data")


def _age(root: Path) -> None:
    """Make every file look older than the racy-mtime window, as a real base's files are."""
    old = 1_600_000_000
    for path in root.rglob("*.md"):
        os.utime(path, (old, old))


class _Counting:
    """Counts the files the loader really parses."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[str] = []
        real = loader._parse

        def parse(raw: bytes, rel: str, problems: list[loader.FileProblem]) -> Any:
            self.calls.append(rel)
            return real(raw, rel, problems)

        monkeypatch.setattr(loader, "_parse", parse)


def test_parse_cache_gives_the_same_report_and_reparses_only_a_changed_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = small_tree(tmp_path / "knowledge")
    (root / "broken.md").write_text("---\nkind: campaign\n---\nbroken\n", "utf-8")
    _age(root)
    cache = tmp_path / "cache"
    plain = load_knowledge(root)
    counting = _Counting(monkeypatch)
    assert load_knowledge(root, cache_dir=cache) == plain
    assert len(counting.calls) == 5
    counting.calls.clear()
    assert load_knowledge(root, cache_dir=cache) == plain  # unchanged: a directory walk
    assert counting.calls == []

    write_doc(
        root,
        "principles/peso.md",
        principle("principle-peso", title="PESO v2", summary="Paid, earned, shared, owned."),
        "# PESO\n\n## A\none\n",
    )
    _age(root)
    again = load_knowledge(root, cache_dir=cache)
    assert counting.calls == ["knowledge/principles/peso.md"]
    assert again == load_knowledge(root)
    assert next(d for d in again.docs if d.id == "principle-peso").meta.title == "PESO v2"


def test_a_file_changed_within_its_mtime_tick_is_hashed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = small_tree(tmp_path / "knowledge")  # just written: too recent to trust its mtime
    cache = tmp_path / "cache"
    load_knowledge(root, cache_dir=cache)
    path = root / "principles" / "peso.md"
    stat = path.stat()
    text = path.read_text("utf-8").replace("title: PESO", "title: OSEP")  # same size
    path.write_text(text, "utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # and the same mtime
    report = load_knowledge(root, cache_dir=cache)
    assert next(d for d in report.docs if d.id == "principle-peso").meta.title == "OSEP"


@pytest.mark.parametrize("garbage", [b"", b"not a pickle", b"\x80\x05K\x01."])
def test_a_corrupt_parse_cache_is_rebuilt(tmp_path: Path, garbage: bytes) -> None:
    root = small_tree(tmp_path / "knowledge")
    cache = tmp_path / "cache"
    load_knowledge(root, cache_dir=cache)
    (cache / CACHE_FILE).write_bytes(garbage)
    assert load_knowledge(root, cache_dir=cache) == load_knowledge(root)
    assert load_knowledge(root, cache_dir=cache) == load_knowledge(root)


def test_documents_loaded_earlier_still_read_after_the_cache_is_rewritten(tmp_path: Path) -> None:
    """A long-running process keeps the documents it loaded (read from the cache on first use)
    while `levier ingest` elsewhere rewrites the cache for a changed file."""
    root = small_tree(tmp_path / "knowledge")
    _age(root)
    cache = tmp_path / "cache"
    load_knowledge(root, cache_dir=cache)
    held = load_knowledge(root, cache_dir=cache)  # from the cache, not yet read
    write_doc(
        root,
        "principles/peso.md",
        principle("principle-peso", title="PESO v2", summary="Paid, earned, shared, owned."),
        "# PESO\n\n## A\none\n",
    )
    _age(root)
    fresh = load_knowledge(root, cache_dir=cache)  # rewrites the cache file
    old = next(d for d in held.docs if d.id == "principle-peso")
    new = next(d for d in fresh.docs if d.id == "principle-peso")
    assert (old.meta.title, new.meta.title) == ("PESO", "PESO v2")
    plain = {d.id: d for d in load_knowledge(root).docs}
    assert all(d == plain[d.id] for d in fresh.docs)
    assert all(d.body and d.sections for d in held.docs)


def test_a_link_target_that_appears_is_seen_through_the_cache(tmp_path: Path) -> None:
    root = small_tree(tmp_path / "knowledge")
    write_doc(root, "p.md", principle("principle-linking"), "# L\n\nSee [x](other/target.md).\n")
    _age(root)
    cache = tmp_path / "cache"
    assert not load_knowledge(root, cache_dir=cache).ok
    (root / "other").mkdir()
    (root / "other" / "target.md").write_text("# a note\n", "utf-8")
    report = load_knowledge(root, cache_dir=cache)
    assert not any("broken link" in str(p) for p in report.problems)


# ---- the index stamp -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def use(tmp_path_factory: pytest.TempPathFactory) -> USEEmbeddings:
    return USEEmbeddings(cache_dir=tmp_path_factory.mktemp("use-cache"))


def _no_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    def scan(self: Store) -> Any:
        raise AssertionError("the index was read back although the stamp is valid")

    monkeypatch.setattr(Store, "_scan", scan)


def test_freshness_and_reingest_come_from_the_stamp(
    tmp_path: Path, use: USEEmbeddings, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = _settings(tmp_path)
    root = small_tree(settings.knowledge_dir)
    first = ingest(settings, embeddings=use)
    assert first.summary.added == 4
    count = first.store.count()
    first.store.close()
    assert stamp_path(settings, use).is_file()

    _no_scan(monkeypatch)
    second = ingest(settings, embeddings=use)
    assert (second.summary.unchanged, second.summary.chunks_embedded) == (4, 0)
    assert not second.store.writable  # an unchanged base opens the read-only path
    second.store.close()

    # One changed file with fewer sections: its chunks are upserted, the surplus one deleted.
    write_doc(
        root,
        "principles/two-step.md",
        principle(),
        "# The two-step flow\n\n## In short\nOpinion leaders relay ideas to peers.\n",
    )
    third = ingest(settings, embeddings=use)
    s = third.summary
    assert (s.added, s.updated, s.deleted, s.unchanged, s.chunks_embedded) == (0, 1, 0, 3, 2)
    assert third.store.count() == count - 1
    indexed = third.store._collection.get(include=["metadatas"])
    ids = {i for i, m in zip(indexed["ids"], indexed["metadatas"], strict=True) if m}
    assert {i for i in ids if i.startswith("principle-two-step-flow#")} == {
        "principle-two-step-flow#0",
        "principle-two-step-flow#1",
    }

    (root / "campaigns" / "sample.md").unlink()
    fourth = ingest(settings, embeddings=use)
    assert fourth.summary.deleted == 1
    assert "campaign-sample" not in fourth.store.indexed_hashes()
    assert fourth.store.count() == count - 1 - 2


def test_a_corrupt_or_foreign_stamp_falls_back_to_reading_the_index(
    tmp_path: Path, use: USEEmbeddings
) -> None:
    settings = _settings(tmp_path)
    small_tree(settings.knowledge_dir)
    ingest(settings, embeddings=use).store.close()
    stamp = stamp_path(settings, use)
    for garbage in ("", "{", '{"format": 1}', '{"format": 1, "collection": "x", "docs": {}}'):
        stamp.write_text(garbage, "utf-8")
        result = ingest(settings, embeddings=use)
        assert (result.summary.unchanged, result.summary.chunks_embedded) == (4, 0)
        result.store.close()
    assert '"docs"' in stamp.read_text("utf-8")  # rewritten from the index


def test_a_sync_that_dies_half_way_leaves_no_stamp(
    tmp_path: Path, use: USEEmbeddings, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = _settings(tmp_path)
    root = small_tree(settings.knowledge_dir)
    ingest(settings, embeddings=use).store.close()
    write_doc(root, "principles/new.md", principle("principle-new"), "# N\n\n## A\nnew\n")

    class Boom(Exception):
        pass

    def fail(texts: list[str]) -> list[list[float]]:
        raise Boom

    monkeypatch.setattr(use, "embed_documents", fail)
    with pytest.raises(Boom):
        ingest(settings, embeddings=use)
    assert not stamp_path(settings, use).exists()
    monkeypatch.undo()
    result = ingest(settings, embeddings=use)
    assert result.summary.added == 1
    assert stamp_path(settings, use).exists()


def test_the_local_reader_finds_what_chromadb_finds(tmp_path: Path, use: USEEmbeddings) -> None:
    settings = _settings(tmp_path)
    small_tree(settings.knowledge_dir)
    written = Store(open_client(settings), use)
    report = load_report(settings)
    written.sync(report.docs)
    reader = open_reader(settings, use)
    assert not reader.writable
    assert reader.count() == written.count()
    assert reader.indexed_hashes() == {d: i.content_hash for d, i in written._scan().items()}
    where = {"kind": {"$in": ["campaign", "principle"]}}
    for query in ("opinion leaders", "lancement d'un sérum", "taux journalier interne"):
        for access in (Access(), Access(channel_id="C0STRATEGY")):
            for w in (None, where):
                a = written.search(query, k=5, access=access, where=w)
                b = reader.search(query, k=5, access=access, where=w)
                assert a == b
    reader.close()


def test_hits_served_from_the_documents_equal_the_index_s_own(
    tmp_path: Path, use: USEEmbeddings
) -> None:
    """`levier ask` takes the hits' text and metadata from the documents it loaded (the index
    gives ids and distances): the same hits; a chunk they do not know comes from the index."""
    settings = _settings(tmp_path)
    root = small_tree(settings.knowledge_dir)
    ingest(settings, embeddings=use).store.close()
    deps = ensure_index(settings, io.StringIO(), with_llm=False)
    store = deps.retriever.store
    assert store._chunks is not None, "an index in step with the base is served from it"
    plain = open_reader(settings, use)
    where = {"kind": {"$in": ["campaign", "principle"]}}
    for query in ("opinion leaders", "lancement d'un sérum", "taux journalier interne"):
        for access in (Access(), Access(channel_id="C0STRATEGY")):
            for w in (None, where):
                assert store.search(query, k=5, access=access, where=w) == plain.search(
                    query, k=5, access=access, where=w
                )
    # The index holds a document the loaded ones do not (indexed by another process since):
    # its chunks are read from the index.
    write_doc(root, "principles/new.md", principle("principle-new", title="Opinion leaders"), "")
    ingest(settings, embeddings=use).store.close()
    for reader in (plain, store):
        reader.close()
    fresh, served = open_reader(settings, use), open_reader(settings, use)
    served.serve_chunks(Chunks(deps.catalog))
    assert deps.catalog.get("principle-new") is None
    query = "Opinion leaders"
    got = served.search(query, k=8, access=Access())
    assert any(h.doc_id == "principle-new" for h in got)
    assert got == fresh.search(query, k=8, access=Access())
    for reader in (fresh, served):
        reader.close()


def test_a_large_ingest_embeds_in_helper_processes_the_same_vectors(
    use: USEEmbeddings, monkeypatch: pytest.MonkeyPatch
) -> None:
    batches = [["Campagne: lancement d'un sérum", "PESO", "opinion leaders"] * 3]
    batches += [[f"batch {i}", "Nous lançons une gamme de soins bio"] for i in range(5)]
    monkeypatch.setattr(USEEmbeddings, "PARALLEL_MIN_BATCHES", 2)
    monkeypatch.setattr(USEEmbeddings, "_IN_FLIGHT", 1)
    together = list(use.embed_batches(batches))
    assert together == [use.embed_documents(texts) for texts in batches]


def test_the_use_weights_cache_gives_the_same_vectors_and_survives_corruption(
    tmp_path: Path,
) -> None:
    texts = [
        "C'est quoi le modèle PESO ?",
        "",
        " ",
        "🚀🔥💯 launch",
        "ＡＢＣ full-width and ligatures: ﬁ",
        "Nous lançons une gamme de soins bio pour les 25-35 ans en France.",
        # longer than a micro-batch, and sentences that share most of their tokens
        " ".join(["Les leaders d'opinion relaient une idée à leurs cercles."] * 60),
        *(f"Campagne {i} : lancement d'un sérum auprès des 25-35 ans" for i in range(40)),
    ]
    shipped = np.array(USEEmbeddings().embed_documents(texts))
    cache = tmp_path / "cache"
    fast = load_backend(cache)
    assert isinstance(fast.sp, Tokenizer), "the fast path, not the fallback"
    _assert_same_vectors(shipped, fast.encode(texts))
    (table,) = cache.glob("use-*/table.npy")
    table.write_bytes(b"corrupt")
    _assert_same_vectors(shipped, load_backend(cache).encode(texts))


def _assert_same_vectors(shipped: np.ndarray, fast: np.ndarray) -> None:
    """The same model: only the order of float32 additions differs (`use_forward`)."""
    assert fast.shape == shipped.shape
    assert np.abs(fast - shipped).max() < 2e-6
    assert (fast * shipped).sum(axis=1).min() > 0.999999
    # and the same neighbours: every text's ranking of the others is unchanged
    assert np.array_equal(
        np.argsort(-(shipped @ shipped.T), axis=1)[:, :5],
        np.argsort(-(fast @ fast.T), axis=1)[:, :5],
    )


_PROBE = """
import sys
from bot.cli import main
code = main(["ask", "--json", "--today", "2026-11-26", "What is the two-step flow?"])
heavy = ("chromadb", "langchain_chroma", "langchain_core", "tqdm")
heavy = sorted(m for m in heavy if m in sys.modules)
print("HEAVY", heavy, code, file=sys.stderr)
"""


def test_ask_on_an_unchanged_base_imports_neither_chromadb_nor_langchain(
    tmp_path: Path, use: USEEmbeddings
) -> None:
    settings = _settings(tmp_path)
    small_tree(settings.knowledge_dir)
    ingest(settings, embeddings=use).store.close()
    env = {
        **os.environ,
        "LEVIER_KNOWLEDGE_DIR": str(settings.knowledge_dir),
        "LEVIER_DATA_DIR": str(settings.data_dir),
        "LEVIER_LLM_ENABLED": "false",
    }
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], env=env, capture_output=True, text=True, timeout=120
    )
    assert "HEAVY [] 0" in done.stderr, done.stderr
    assert json.loads(done.stdout)["sources"]


def test_an_answer_reads_only_the_campaigns_it_cites(real_index: Settings) -> None:
    """A base of thousands of case studies: ranking comparables reads the campaigns' cards,
    and unpickles from the parse cache only the campaigns the answer shows and those whose
    passages retrieval found (a whole-base read took 0.6 s at 30k chunks, at every question)."""
    from bot.advise import advise
    from bot.deps import build_deps
    from bot.models import Request

    deps = build_deps(real_index, with_llm=False)
    campaigns = [d for d in deps.catalog.docs.values() if d.kind == "campaign"]
    assert campaigns and all(isinstance(d, loader.LazyDoc) for d in campaigns)
    advice = advise(
        Request(
            text="We are launching a plant-based milk brand in Germany next spring, budget "
            "300k€. Which influence strategy?"
        ),
        deps,
    )
    assert "campaign-oatly-germany-launch-2018" in {s.id for s in advice.sources}
    cited = {s.id for s in advice.sources}
    read = {d.id for d in deps.catalog.docs.values() if not isinstance(d, loader.LazyDoc)}
    read_campaigns = {d.id for d in campaigns if d.id in read}
    assert cited & read_campaigns
    assert len(read_campaigns) <= 25 < len(campaigns) // 4, len(read_campaigns)


def _segment_seq_ids(settings: Settings) -> dict[str, int]:
    """The last log entry each segment of the local index has applied and saved, by type."""
    import sqlite3

    with sqlite3.connect(settings.chroma_dir / "chroma.sqlite3") as db:
        rows = db.execute(
            "SELECT s.type, m.seq_id FROM max_seq_id m JOIN segments s ON s.id = m.segment_id"
        ).fetchall()
    return {("vector" if "hnsw" in t else "metadata"): int(seq) for t, seq in rows}


def test_an_ingest_leaves_the_vector_index_saved_so_no_start_replays_it(
    tmp_path: Path, use: USEEmbeddings
) -> None:
    settings = _settings(tmp_path)
    root = small_tree(settings.knowledge_dir)
    ingest(settings, embeddings=use).store.close()
    write_doc(root, "principles/new.md", principle("principle-new"), "# N\n\n## A\nnew\n")
    ingest(settings, embeddings=use).store.close()
    seq = _segment_seq_ids(settings)
    assert seq["vector"] == seq["metadata"], seq  # nothing left in the log to replay


def _damage_hnsw(settings: Settings) -> None:
    """What a process killed while Chroma saved its HNSW files can leave: a cut-off file."""
    (segment,) = (p.parent for p in settings.chroma_dir.glob("*/header.bin"))
    pickle_file = segment / "index_metadata.pickle"
    whole = pickle_file.read_bytes() if pickle_file.is_file() else b"\x80\x04\x95" + b"\0" * 400
    pickle_file.write_bytes(whole[:200])


def test_an_index_damaged_while_it_was_saved_is_set_aside_and_rebuilt(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    small_tree(settings.knowledge_dir)
    env = {
        **os.environ,
        "LEVIER_KNOWLEDGE_DIR": str(settings.knowledge_dir),
        "LEVIER_DATA_DIR": str(settings.data_dir),
        "LEVIER_LLM_ENABLED": "false",
        "LEVIER_CHROMA_HOST": "",
    }

    def levier(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "bot.cli", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )

    assert levier("ingest").returncode == 0
    stamp = next((settings.data_dir / "cache").glob("index-*.json"))
    _damage_hnsw(settings)  # a sync killed while Chroma saved: it had removed the stamp first
    stamp.unlink()
    done = levier("ingest")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "rebuilt, the old one kept in chroma.damaged" in done.stdout + done.stderr
    assert (settings.data_dir / "chroma.damaged").is_dir()
    asked = levier("ask", "--json", "What is the two-step flow?")
    assert asked.returncode == 0, asked.stderr
    assert json.loads(asked.stdout)["sources"]

    _damage_hnsw(settings)  # the same, found by `ask` itself: it repairs it on its way
    stamp.unlink()
    asked = levier("ask", "What is the two-step flow?")
    assert asked.returncode == 0, asked.stderr
    assert "Traceback" not in asked.stderr and "Opinion leaders" in asked.stdout

    _damage_hnsw(settings)  # damaged under a stamp that still vouches for it (a bad disk)
    doctor = levier("doctor")
    assert doctor.returncode == 1 and "levier ingest --rebuild" in doctor.stdout, doctor.stdout
    asked = levier("ask", "What is the two-step flow?")
    assert "Traceback" not in asked.stdout + asked.stderr
    assert "knowledge index" in asked.stdout + asked.stderr  # the friendly message, once
    asked = levier("ask", "What is the two-step flow?")  # the next start rebuilds it
    assert asked.returncode == 0, asked.stderr
    assert "Opinion leaders" in asked.stdout
