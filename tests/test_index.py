"""The Chroma index: incremental ingestion, access filtering, one collection per model."""

from __future__ import annotations

from pathlib import Path

import pytest
from kbfactory import principle, small_tree, write_doc

from bot.index.embeddings import USEEmbeddings, collection_name
from bot.index.store import Store, open_client
from bot.knowledge.catalog import Catalog
from bot.knowledge.loader import load_knowledge
from bot.models import Access
from bot.retrieval import Filters, Retriever
from bot.settings import Settings


@pytest.fixture(scope="session")
def use(tmp_path_factory: pytest.TempPathFactory) -> USEEmbeddings:
    return USEEmbeddings(cache_dir=tmp_path_factory.mktemp("use-cache"))


def _settings(tmp_path: Path) -> Settings:
    return Settings(knowledge_dir=tmp_path / "knowledge", data_dir=tmp_path / "data")


def _sync(settings: Settings, store: Store) -> tuple[int, int, int, int, int, int]:
    report = load_knowledge(settings.knowledge_dir)
    s = store.sync(report.docs, invalid_files=report.invalid_files)
    return s.added, s.updated, s.deleted, s.unchanged, s.invalid, s.chunks_embedded


def test_ingest_is_idempotent_and_incremental(tmp_path: Path, use: USEEmbeddings) -> None:
    settings = _settings(tmp_path)
    root = small_tree(settings.knowledge_dir)
    store = Store(open_client(settings), use)
    added, updated, deleted, unchanged, invalid, embedded = _sync(settings, store)
    assert (added, updated, deleted, unchanged, invalid) == (4, 0, 0, 0, 0)
    assert embedded == store.count() > 0

    # A second run embeds nothing, even from a new client on the same folder.
    store2 = Store(open_client(settings), use)
    assert _sync(settings, store2) == (0, 0, 0, 4, 0, 0)

    # Change one file: only its chunks are re-embedded.
    write_doc(
        root,
        "principles/peso.md",
        principle("principle-peso", title="PESO v2", summary="Paid, earned, shared, owned."),
        "# PESO\n\n## A\none\n\n## B\ntwo\n",
    )
    assert _sync(settings, store2) == (0, 1, 0, 3, 0, 3)  # title chunk + 2 sections
    # Remove one: it leaves the index.
    (root / "campaigns" / "sample.md").unlink()
    assert _sync(settings, store2)[2] == 1
    assert "campaign-sample" not in store2.indexed_hashes()


def test_invalid_file_keeps_its_last_good_version(tmp_path: Path, use: USEEmbeddings) -> None:
    settings = _settings(tmp_path)
    root = small_tree(settings.knowledge_dir)
    store = Store(open_client(settings), use)
    _sync(settings, store)
    (root / "campaigns" / "sample.md").write_text("---\nkind: campaign\n---\nbroken\n", "utf-8")
    _, _, deleted, _, invalid, embedded = _sync(settings, store)
    assert (invalid, deleted, embedded) == (1, 0, 0)
    assert "campaign-sample" in store.indexed_hashes()


@pytest.mark.parametrize(
    ("access", "sees_secret"),
    [
        (Access(), False),
        (Access(channel_id="C0OTHER"), False),
        (Access(channel_id="C0STRATEGY"), True),
        (Access(channel_id="C0STRATEGY", external=True), False),
    ],
)
def test_restricted_documents_reach_only_their_allowlist(
    tmp_path: Path, use: USEEmbeddings, access: Access, sees_secret: bool
) -> None:
    settings = _settings(tmp_path)
    small_tree(settings.knowledge_dir)
    store = Store(open_client(settings), use)
    _sync(settings, store)
    hits = store.search("taux journalier interne des consultants", k=10, access=access)
    found = any("CONFIDENTIEL-GRILLE" in h.text for h in hits)
    assert found is sees_secret
    assert hits, "public documents are still found"


def test_group_membership_grants_access(tmp_path: Path, use: USEEmbeddings) -> None:
    settings = _settings(tmp_path)
    root = small_tree(settings.knowledge_dir)
    write_doc(
        root,
        "p.md",
        principle("principle-board", visibility="restricted", allowed_groups=["S0BOARD"]),
        "# Board\n\n## Note\nBOARD-ONLY pricing note.\n",
    )
    store = Store(open_client(settings), use)
    _sync(settings, store)
    q = "board pricing note"
    assert not any("BOARD-ONLY" in h.text for h in store.search(q, k=10, access=Access()))
    member = Access(channel_id="C0X", user_groups=("S0BOARD",))
    assert any("BOARD-ONLY" in h.text for h in store.search(q, k=10, access=member))


def test_filters_and_cross_language_retrieval(tmp_path: Path, use: USEEmbeddings) -> None:
    settings = _settings(tmp_path)
    small_tree(settings.knowledge_dir)
    store = Store(open_client(settings), use)
    _sync(settings, store)
    retriever = Retriever(store, Catalog(load_knowledge(settings.knowledge_dir).docs), top_k=3)
    # A French question finds the English principle.
    hits = retriever.search(
        "Comment les leaders d'opinion relaient-ils les idées des médias ?", access=Access()
    )
    assert hits[0].doc_id == "principle-two-step-flow"
    only_campaigns = retriever.search(
        "launch", access=Access(), filters=Filters(kinds=["campaign"])
    )
    assert {h.doc_id for h in only_campaigns} == {"campaign-sample"}
    de = retriever.search(
        "launch", access=Access(), filters=Filters(kinds=["campaign"], markets=["de"])
    )
    assert de == []


class _TinyEmbeddings:
    model_id = "tiny"
    dimension = 3

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [[1.0, float(len(t) % 7), 0.5] for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]


def test_each_embedding_model_has_its_own_collection(tmp_path: Path, use: USEEmbeddings) -> None:
    settings = _settings(tmp_path)
    small_tree(settings.knowledge_dir)
    client = open_client(settings)
    a = Store(client, use)
    b = Store(client, _TinyEmbeddings())
    assert collection_name(use) == "levier-use-m3-512"
    assert b.name == "levier-tiny-3"
    _sync(settings, a)
    assert b.count() == 0  # switching models re-embeds, never mixes
    _sync(settings, b)
    assert a.count() == b.count()


def _copy_of(settings: Settings, tmp_path: Path, name: str) -> Settings:
    import shutil

    copy = settings.model_copy(update={"data_dir": tmp_path / name})
    shutil.copytree(settings.chroma_dir, copy.chroma_dir)
    return copy


def test_the_same_question_finds_the_same_chunks_in_every_process(
    real_index: Settings, tmp_path: Path, use: USEEmbeddings
) -> None:
    """Two loads of one index on disk (as two processes would make them, through chromadb's
    client and through the local reader) give every eval question the same nearest 40 chunks
    in the same order. With chromadb's default search breadth, 20 to 35 of these questions got
    other chunks from one load to the next, so the same question could get another answer."""
    from bot.index.store import open_reader
    from evals.schema import load_all

    texts = [case.text for cases in load_all().values() for case in cases]
    vectors = [use.embed_query(t) for t in texts]
    one = Store(open_client(_copy_of(real_index, tmp_path, "one")), use)
    two = open_reader(_copy_of(real_index, tmp_path, "two"), use)
    assert not two.writable  # the reader `levier ask` takes
    anyone = Access(channel_id=None, user_groups=())
    differ = [
        t
        for t, v in zip(texts, vectors, strict=True)
        if [h.chunk_id for h in one.search(v, k=40, access=anyone)]
        != [h.chunk_id for h in two.search(v, k=40, access=anyone)]
    ]
    assert differ == []


def test_an_index_made_with_chromadb_defaults_is_searched_exhaustively(
    tmp_path: Path, use: USEEmbeddings
) -> None:
    from bot.index.store import EF_SEARCH

    settings = _settings(tmp_path)
    small_tree(settings.knowledge_dir)
    client = open_client(settings)
    plain = client.get_or_create_collection(
        collection_name(use), embedding_function=None, metadata={"hnsw:space": "cosine"}
    )
    assert plain.configuration_json["hnsw"]["ef_search"] < EF_SEARCH
    store = Store(client, use)
    _sync(settings, store)
    again = open_client(settings).get_collection(collection_name(use))
    assert again.configuration_json["hnsw"]["ef_search"] == EF_SEARCH
