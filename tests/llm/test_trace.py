"""Cost estimates, the llm_calls table, and `levier stats`."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bot.cli import main
from bot.llm.trace import CallRecord, TraceStore, estimate_cost, print_stats
from bot.settings import Settings


def test_cost_table() -> None:
    cost, known = estimate_cost("gpt-4o-mini", 1_000_000, 1_000_000)
    assert known and cost == pytest.approx(0.75)
    assert estimate_cost("gpt-4o-mini-2024-07-18", 1000, 0)[0] == pytest.approx(0.00015)
    assert estimate_cost("gpt-4o", 1_000_000, 0)[0] == pytest.approx(2.5)
    assert estimate_cost("llama3.1:8b", 5000, 5000) == (0.0, False)


def _record(
    store: TraceStore, model: str, prompt: str, latency: float, outcome: str = "ok"
) -> None:
    store.record(
        CallRecord(
            backend="compatible",
            model=model,
            prompt_id=prompt,
            prompt_version="1",
            attempts=1,
            tokens_in=1000,
            tokens_out=100,
            latency_ms=latency,
            outcome=outcome,
        )
    )


def test_print_stats(tmp_path: Path) -> None:
    settings = Settings(_env_file=None, data_dir=tmp_path)  # type: ignore[call-arg]
    out = io.StringIO()
    assert print_stats(settings, out) == 0
    assert "No language-model calls recorded yet" in out.getvalue()

    store = TraceStore.for_settings(settings)
    for latency in (100, 200, 300, 400, 1000):
        _record(store, "gpt-4o-mini", "strategy", latency)
    _record(store, "gpt-4o-mini", "extract", 50, outcome="fallback")
    _record(store, "qwen2.5:7b", "strategy", 900)
    out = io.StringIO()
    assert print_stats(settings, out) == 0
    text = out.getvalue()
    lines = {
        line.split()[0] + " " + line.split()[1]: line.split()
        for line in text.splitlines()
        if line.startswith(("gpt", "qwen"))
    }
    strategy = lines["gpt-4o-mini strategy@1"]
    assert strategy[2:5] == ["5", "0", "5000"]  # calls, fallbacks, tokens in
    assert strategy[-2:] == ["300", "1000"]  # latency p50, p95
    assert lines["gpt-4o-mini extract@1"][3] == "1"
    assert lines["qwen2.5:7b strategy@1"][6] == "0.0000*"
    assert "price unknown" in text
    assert "total" in text


def test_levier_stats_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LEVIER_DATA_DIR", str(tmp_path))
    _record(TraceStore(tmp_path / "levier.db"), "gpt-4o-mini", "ideas", 250)
    assert main(["stats"]) == 0
    out = capsys.readouterr().out
    assert "ideas@1" in out and "gpt-4o-mini" in out
