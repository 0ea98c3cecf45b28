"""The SQLite store: retries with expiry, thread memory, answers and feedback."""

from __future__ import annotations

from pathlib import Path

from bot.models import Brief, SourceRef
from bot.slack.store import SlackStore


def test_event_ids_expire(tmp_path: Path) -> None:
    store = SlackStore(tmp_path / "l.db", event_ttl_s=60)
    try:
        assert store.first_time("Ev1", now=1000.0)
        assert not store.first_time("Ev1", now=1030.0)
        assert store.first_time("Ev1", now=1100.0)  # expired, seen again
    finally:
        store.close()
    reopened = SlackStore(tmp_path / "l.db", event_ttl_s=60)
    try:
        assert not reopened.first_time("Ev1", now=1110.0)  # survives a restart
    finally:
        reopened.close()


def test_thread_memory_keeps_the_last_turns_in_order(tmp_path: Path) -> None:
    store = SlackStore(tmp_path / "l.db")
    try:
        assert not store.is_bot_thread("C1", "1.0")
        store.remember_thread("C1", "1.0")
        store.remember_thread("C1", "1.0")
        assert store.is_bot_thread("C1", "1.0") and not store.is_bot_thread("C2", "1.0")
        for i in range(8):
            store.add_turn("C1", "1.0", f"q{i}", Brief(markets=["fr"]), f"a{i}")
        store.add_turn("C1", "2.0", "other", None, None)
        history = store.history("C1", "1.0")
        assert [t.question for t in history] == [f"q{i}" for i in range(2, 8)]
        assert history[0].brief is not None and history[0].brief.markets == ["fr"]
    finally:
        store.close()


def test_feedback_rows(tmp_path: Path) -> None:
    store = SlackStore(tmp_path / "l.db")
    try:
        src = SourceRef(n=1, id="d", title="D", path="knowledge/d.md", kind="mechanic")
        aid = store.add_answer(
            channel="C1",
            thread_ts="1.0",
            user_id="U1",
            question="q",
            answer="a",
            sources=[src],
            language="fr",
        )
        fid, _ = store.add_feedback(aid, "U2", -1)
        store.add_comment(fid, "meh")
        rows = store.feedback_rows()
        assert rows[0]["vote"] == -1 and rows[0]["comment"] == "meh"
        assert rows[0]["question"] == "q" and '"id": "d"' in rows[0]["sources"]
        assert store.answer(aid)["language"] == "fr"  # type: ignore[index]
    finally:
        store.close()
        store.close()  # idempotent


def test_bench_runs_and_reports_percentiles() -> None:
    """Not a timing assertion: the benchmark runs end to end and reports its figures."""
    from bot.slack.bench import format_bench, percentile, run_ack_bench

    assert percentile([1.0, 2.0, 3.0, 4.0], 50) == 2.0
    assert percentile([1.0, 2.0, 3.0, 4.0], 99) == 4.0
    result = run_ack_bench(n=3, answer_seconds=0.01, workers=2)
    assert result["n"] == 3 and result["ack_p99_ms"] > 0
    assert result["first_visible_p99_ms"] < float("inf")
    assert "ack p50" in format_bench(result)


def test_config_errors(tmp_path: Path) -> None:
    from types import SimpleNamespace

    import pytest

    from bot.errors import ConfigError
    from bot.settings import Settings
    from bot.slack.app import create_app, make_client
    from bot.slack.testing import FakeSlack

    with pytest.raises(ConfigError):
        make_client(Settings(slack_bot_token=None, data_dir=tmp_path))
    with FakeSlack() as fake:
        settings = Settings(
            slack_bot_token="xoxb-x",
            slack_mode="http",
            slack_signing_secret=None,
            slack_api_url=fake.api_url,
            data_dir=tmp_path,
        )
        with pytest.raises(ConfigError):
            create_app(settings, SimpleNamespace())
