"""A cold ingest: helper processes embed documents as they are parsed, the index holds the chunk
text in its metadata, and no helper outlives the ingest, whether it ends well, fails or is
killed."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from kbfactory import principle, write_doc

from bot.index import ingest as ingest_module
from bot.index.embeddings import USEEmbeddings
from bot.index.ingest import ingest
from bot.index.store import TEXT_KEY, Store, open_client, open_reader
from bot.models import Access
from bot.settings import Settings


def _base(root: Path, docs: int = 12) -> Path:
    for i in range(docs):
        body = "".join(
            f"## Partie {s}\nLes leaders d'opinion {i}.{s} relaient une idée à leurs cercles.\n\n"
            for s in range(1 + i % 4)
        )
        write_doc(root, f"principles/p{i}.md", principle(f"principle-p{i}", title=f"P {i}"), body)
    return root


def _settings(tmp_path: Path, name: str) -> Settings:
    return Settings(knowledge_dir=tmp_path / "knowledge", data_dir=tmp_path / name)


def _stored(settings: Settings, embeddings: USEEmbeddings) -> dict[str, tuple[str, Any]]:
    store = Store(open_client(settings), embeddings)
    got = store._collection.get(include=["documents", "metadatas", "embeddings"])
    store.close()
    return {
        cid: (str(meta[TEXT_KEY]), np.array(vector))
        for cid, doc, meta, vector in zip(
            got["ids"], got["documents"], got["metadatas"], got["embeddings"], strict=True
        )
        if doc is None  # the text is in the metadata, not a Chroma document
    }


def _parallel(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Helpers for any base (however small); the texts handed to them while parsing."""
    monkeypatch.setattr(ingest_module, "HELPERS_MIN_FILES", 1)
    monkeypatch.setattr(ingest_module, "PREFETCH_BATCH", 8)
    monkeypatch.setattr(USEEmbeddings, "PARALLEL_MIN_BATCHES", 1)
    handed: list[list[str]] = []
    real = USEEmbeddings.prefetch

    def prefetch(self: USEEmbeddings, texts: list[str]) -> None:
        handed.append(list(texts))
        real(self, texts)

    monkeypatch.setattr(USEEmbeddings, "prefetch", prefetch)
    return handed


@pytest.fixture
def parallel(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    return _parallel(monkeypatch)


def test_a_cold_ingest_embeds_while_parsing_the_same_vectors_and_leaves_no_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _base(tmp_path / "knowledge")
    cache = tmp_path / "use-cache"
    alone = _settings(tmp_path, "alone")
    helped = _settings(tmp_path, "helped")
    ingest(alone, embeddings=USEEmbeddings(cache_dir=cache)).store.close()  # a small base
    assert multiprocessing.active_children() == [], "a small base is embedded here"

    parallel = _parallel(monkeypatch)
    result = ingest(helped, embeddings=USEEmbeddings(cache_dir=cache))
    result.store.close()
    assert len(parallel) >= 3, "documents went to the helpers as they were parsed"
    assert multiprocessing.active_children() == [], "no helper outlives the ingest"
    one, other = _stored(alone, USEEmbeddings(cache_dir=cache)), _stored(helped, USEEmbeddings())
    assert len(one) == result.summary.chunks_embedded == 42 and one.keys() == other.keys()
    assert sorted(t for texts in parallel for t in texts) == sorted(t for t, _ in one.values())
    for cid, (text, vector) in one.items():
        assert other[cid][0] == text
        assert np.abs(other[cid][1] - vector).max() < 2e-6


def test_the_chunk_text_is_read_back_from_the_index_in_either_layout(tmp_path: Path) -> None:
    _base(tmp_path / "knowledge", docs=3)
    settings = _settings(tmp_path, "data")
    use = USEEmbeddings(cache_dir=tmp_path / "use-cache")
    ingest(settings, embeddings=use).store.close()
    # An index written before the text moved to the metadata keeps it as Chroma documents.
    store = Store(open_client(settings), use)
    old = store._collection.get(include=["metadatas", "embeddings"])
    first = old["metadatas"][0]
    store._collection.upsert(
        ids=[old["ids"][0]],
        embeddings=[old["embeddings"][0]],
        metadatas=[{k: v for k, v in first.items() if k != TEXT_KEY}],
        documents=[first[TEXT_KEY]],
    )
    store.close()
    reader = open_reader(settings, use)
    hits = reader.search("leaders d'opinion relaient une idée", k=20, access=Access())
    reader.close()
    assert len(hits) == 9  # every chunk of the three documents, each with its text
    assert all(h.text.startswith("P ") and TEXT_KEY not in h.metadata for h in hits)
    assert first[TEXT_KEY] in {h.text for h in hits}


def test_helpers_stop_when_the_ingest_fails(
    tmp_path: Path, parallel: list[list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    _base(tmp_path / "knowledge")

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise OSError("disk full")

    monkeypatch.setattr(Store, "sync", broken)
    with pytest.raises(OSError, match="disk full"):
        ingest(_settings(tmp_path, "data"), embeddings=USEEmbeddings(cache_dir=tmp_path / "c"))
    assert parallel, "the helpers had started"
    assert multiprocessing.active_children() == []


_KILLED = """
import multiprocessing, sys, time
from pathlib import Path
from bot.index.embeddings import USEEmbeddings
if __name__ == "__main__":
    use = USEEmbeddings(cache_dir=Path(sys.argv[1]))
    use.start_helpers()
    use.prefetch(["warm up"])
    deadline = time.time() + 60
    while len(multiprocessing.active_children()) < 2 and time.time() < deadline:
        time.sleep(0.05)
    print(" ".join(str(p.pid) for p in multiprocessing.active_children()), flush=True)
    time.sleep(60)
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split(")")[-1].split()[0] == "Z")


def test_helpers_exit_when_the_ingest_is_killed(tmp_path: Path) -> None:
    script = tmp_path / "killed.py"
    script.write_text(_KILLED, "utf-8")
    proc = subprocess.Popen(
        [sys.executable, str(script), str(tmp_path / "use-cache")],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert proc.stdout is not None
    pids = [int(p) for p in proc.stdout.readline().split()]
    assert len(pids) >= 2 and all(_alive(p) for p in pids)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    deadline = time.monotonic() + 10
    while any(_alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [p for p in pids if _alive(p)], "helpers left behind by a killed ingest"
