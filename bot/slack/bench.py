"""`run_ack_bench`: ack latency and time to the first visible response under concurrent load.

N mentions arrive at once as signed Events API requests over real HTTP; each answer takes
`answer_seconds` (an injected advise() that sleeps, standing in for retrieval and the model).
Everything runs on loopback against the fake Slack in `bot.slack.testing`; nothing leaves the
machine. Targets: ack p99 < 100 ms, first visible response p99 < 1 s.
"""

from __future__ import annotations

import math
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

from bot.deps import Deps
from bot.models import Advice, Brief, Request, SourceRef
from bot.settings import Settings

ACK_TARGET_MS = 100.0
VISIBLE_TARGET_MS = 1000.0
VISIBLE_METHODS = (
    "reactions.add",
    "assistant.threads.setStatus",
    "chat.postMessage",
    "chat.startStream",
)


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in [0, 100]); 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100.0 * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def _slow_advise(seconds: float) -> Callable[..., Advice]:
    def advise(
        request: Request, deps: Any, on_delta: Callable[[str], None] | None = None
    ) -> Advice:
        time.sleep(seconds)  # the scenario: an answer that takes this long
        return Advice(
            language="en",
            mode="strategy",
            brief=Brief(),
            text="A benchmark answer [1].",
            sources=[
                SourceRef(n=1, id="doc", title="Doc", path="knowledge/doc.md", kind="mechanic")
            ],
        )

    return advise


def run_ack_bench(
    n: int = 20, answer_seconds: float = 5.0, *, workers: int | None = None
) -> dict[str, Any]:
    """Measure ack and first-visible latencies for `n` concurrent mentions (milliseconds)."""
    from bot.slack.app import create_app
    from bot.slack.http import SlackHttpServer
    from bot.slack.testing import FakeSlack, SignedSender

    secret = "bench-signing-secret"
    with tempfile.TemporaryDirectory(prefix="levier-bench-") as tmp, FakeSlack() as fake:
        values: dict[str, Any] = {
            "slack_bot_token": "xoxb-bench",
            "slack_signing_secret": secret,
            "slack_mode": "http",
            "slack_api_url": fake.api_url,
            "data_dir": Path(tmp),
            "llm_enabled": False,
        }
        if workers is not None:
            values["slack_workers"] = workers
        settings = Settings(**values)
        app = create_app(
            settings, cast(Deps, SimpleNamespace()), advise_fn=_slow_advise(answer_seconds)
        )
        server = SlackHttpServer(app, host="127.0.0.1", port=0).start()
        try:
            sender = SignedSender(f"http://127.0.0.1:{server.port}/slack/events", secret)
            stamps = [f"1710000000.{i:06d}" for i in range(n)]
            sent_at: dict[str, float] = {}

            def send(ts: str) -> float:
                event = {
                    "type": "app_mention",
                    "user": "U1",
                    "text": "<@UBOT> plan please",
                    "ts": ts,
                    "channel": "C1",
                    "event_ts": ts,
                }
                sent_at[ts] = time.monotonic()
                return sender.event(event).seconds

            # warm up (first request: imports, connections), not measured
            sender.json({"type": "url_verification", "challenge": "warm", "token": "x"})
            started = time.monotonic()
            with ThreadPoolExecutor(n) as pool:
                acks = list(pool.map(send, stamps))
            fake.wait_call(
                "chat.postMessage",
                lambda c: c.args.get("thread_ts") in sent_at and bool(c.args.get("blocks")),
                count=n,
                timeout=answer_seconds * n + 120,
            )
            visible: list[float] = []
            answered: list[float] = []
            for ts in stamps:
                firsts = [
                    c.at
                    for c in fake.calls
                    if c.method in VISIBLE_METHODS
                    and ts in (c.args.get("timestamp"), c.args.get("thread_ts"))
                ]
                visible.append((min(firsts) - sent_at[ts]) * 1000 if firsts else math.inf)
                answers = [
                    c.at
                    for c in fake.of("chat.postMessage")
                    if c.args.get("thread_ts") == ts and c.args.get("blocks")
                ]
                answered.append(min(answers) - sent_at[ts] if answers else math.inf)
            ack_ms = [a * 1000 for a in acks]
            result: dict[str, Any] = {
                "n": n,
                "answer_seconds": answer_seconds,
                "workers": settings.slack_workers,
                "ack_p50_ms": round(percentile(ack_ms, 50), 1),
                "ack_p99_ms": round(percentile(ack_ms, 99), 1),
                "first_visible_p50_ms": round(percentile(visible, 50), 1),
                "first_visible_p99_ms": round(percentile(visible, 99), 1),
                "answer_p50_s": round(percentile(answered, 50), 2),
                "answer_p99_s": round(percentile(answered, 99), 2),
                "wall_s": round(time.monotonic() - started, 2),
            }
            result["ack_ok"] = result["ack_p99_ms"] < ACK_TARGET_MS
            result["first_visible_ok"] = result["first_visible_p99_ms"] < VISIBLE_TARGET_MS
            return result
        finally:
            server.stop()
            app.close()


def format_bench(result: dict[str, Any]) -> str:
    return (
        f"slack acks: {result['n']} concurrent mentions, answers of {result['answer_seconds']} s, "
        f"{result['workers']} workers\n"
        f"  ack p50 {result['ack_p50_ms']} ms, p99 {result['ack_p99_ms']} ms "
        f"(target < {ACK_TARGET_MS:.0f} ms: {'ok' if result['ack_ok'] else 'MISSED'})\n"
        f"  first visible p50 {result['first_visible_p50_ms']} ms, "
        f"p99 {result['first_visible_p99_ms']} ms "
        f"(target < {VISIBLE_TARGET_MS:.0f} ms: {'ok' if result['first_visible_ok'] else 'MISSED'})"
        f"\n  answer p50 {result['answer_p50_s']} s, p99 {result['answer_p99_s']} s"
    )
