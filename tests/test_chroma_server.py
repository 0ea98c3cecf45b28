"""A shared Chroma server (`LEVIER_CHROMA_HOST`): the same ingestion and search over HTTP."""

from __future__ import annotations

import gc
import shutil
import socket
import subprocess
import sys
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from kbfactory import small_tree

from bot.index.embeddings import USEEmbeddings
from bot.index.store import Store, open_client
from bot.knowledge.loader import load_knowledge
from bot.models import Access
from bot.settings import Settings

CHROMA = Path(sys.executable).parent / "chroma"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[int]:
    if not CHROMA.exists() and shutil.which("chroma") is None:
        pytest.skip("the chroma server command is not installed")
    port = _free_port()
    proc = subprocess.Popen(
        [
            str(CHROMA),
            "run",
            "--path",
            str(tmp_path / "server"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("the chroma server did not start within 60 s")
        yield port
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        # chromadb's HTTP client keeps a pooled socket even once closed: collect it now, so
        # its ResourceWarning cannot surface later inside another test.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            gc.collect()


def test_ingest_and_search_through_a_chroma_server(tmp_path: Path, chroma_server: int) -> None:
    settings = Settings(
        knowledge_dir=tmp_path / "knowledge",
        data_dir=tmp_path / "data",
        chroma_host="127.0.0.1",
        chroma_port=chroma_server,
    )
    small_tree(settings.knowledge_dir)
    report = load_knowledge(settings.knowledge_dir)
    store = Store(open_client(settings), USEEmbeddings())
    second = Store(open_client(settings), USEEmbeddings())
    try:
        first = store.sync(report.docs)
        assert first.added == 4 and first.chunks_embedded > 0
        again = second.sync(report.docs)
        assert again.chunks_embedded == 0 and again.unchanged == 4
        hits = store.search("opinion leaders relay media ideas", k=3, access=Access())
    finally:
        store.close()
        second.close()
    assert hits[0].doc_id == "principle-two-step-flow"
    assert not (settings.data_dir / "chroma").exists()  # nothing written locally
