"""`run_ack_bench`: ack latency and time to the first visible response under concurrent load.

N mentions arrive at once as signed Events API requests over real HTTP; each answer takes
`answer_seconds` (an injected advise() that sleeps, standing in for retrieval and the model).
Everything runs on loopback against the fake Slack in `bot.slack.testing`; nothing leaves the
machine. Targets: ack p99 < 100 ms, first visible response p99 < 1 s.

`run_startup_bench`: 100 mentions delivered in one burst the moment a real `levier run`
(a subprocess, Socket Mode, offline engine, the configured knowledge) connects. Targets: ack
p99 < 100 ms, the serving process's peak RSS < 500 MB.
"""

from __future__ import annotations

import logging
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


# ---- 100 mentions right after start-up --------------------------------------------------------

STARTUP_RSS_TARGET_MB = 500.0


def _peak_rss_mb(pid: int) -> float:
    """Peak RSS (VmHWM) of process `pid`, in MB; NaN when unknown."""
    try:
        with open(f"/proc/{pid}/status", encoding="utf-8") as status:
            line = next(line for line in status if line.startswith("VmHWM:"))
        return int(line.split()[1]) / 1024
    except (OSError, StopIteration, ValueError):
        return math.nan


def run_startup_bench(settings: Settings, n: int = 100) -> dict[str, Any]:
    """Start a real `levier run` (Socket Mode, offline engine, the configured knowledge) against
    the fake Slack; the moment it connects, deliver `n` mentions at once. Measures each ack
    (delivery → ack over the socket), the time until every question is answered, and the
    serving process's peak RSS. Loopback only; the index is copied, never rebuilt in place."""
    import os
    import shutil
    import signal
    import subprocess
    import sys

    from bot.slack.testing import FakeSlack, FakeSocketMode, event_body

    logging.getLogger("websockets").setLevel(logging.WARNING)  # the fake's connection chatter
    with tempfile.TemporaryDirectory(prefix="levier-bench-start-") as tmp, FakeSlack() as fake:
        data = Path(tmp) / "data"
        data.mkdir()
        if settings.chroma_dir.exists():
            shutil.copytree(settings.chroma_dir, data / "chroma")
        socket = FakeSocketMode()
        fake.socket_url = socket.url
        env = {
            **os.environ,
            "SLACK_BOT_TOKEN": "xoxb-bench",
            "SLACK_APP_TOKEN": "xapp-bench",
            "LEVIER_SLACK_MODE": "socket",
            "LEVIER_SLACK_API_URL": fake.api_url,
            "LEVIER_KNOWLEDGE_DIR": str(settings.knowledge_dir),
            "LEVIER_DATA_DIR": str(data),
            "LEVIER_LLM_ENABLED": "false",
            "LEVIER_LOG_LEVEL": "WARNING",
        }
        launched = time.monotonic()
        proc = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "run"],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            socket.wait_connected(timeout=600)
            connected = time.monotonic()
            roots = [f"1710000100.{i:06d}" for i in range(n)]
            envelopes = [
                {
                    "envelope_id": f"env-{root}",
                    "type": "events_api",
                    "accepts_response_payload": False,
                    "retry_attempt": 0,
                    "retry_reason": "",
                    "payload": event_body(
                        {
                            "type": "app_mention",
                            "user": "U1",
                            "text": f"<@UBOT> {QUESTIONS[i % len(QUESTIONS)]}",
                            "ts": root,
                            "channel": "C1",
                            "event_ts": root,
                        },
                        event_id=f"EvStart{i}",
                    ),
                }
                for i, root in enumerate(roots)
            ]
            # all at once: each ack is timed from the moment the burst began
            burst = socket.send_many(envelopes)
            sent = {str(e["envelope_id"]): burst for e in envelopes}
            socket.wait_acks(list(sent), timeout=120)
            fake.wait_call(
                "chat.postMessage",
                lambda c: c.args.get("thread_ts") in set(roots) and bool(c.args.get("blocks")),
                count=n,
                timeout=600,
            )
            done = time.monotonic()
            rss = _peak_rss_mb(proc.pid)
            acks = [(socket.ack_at[e] - t) * 1000 for e, t in sent.items()]
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=120)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            socket.close()
    result: dict[str, Any] = {
        "n": n,
        "start_s": round(connected - launched, 2),
        "ack_p50_ms": round(percentile(acks, 50), 1),
        "ack_p99_ms": round(percentile(acks, 99), 1),
        "ack_max_ms": round(max(acks), 1),
        "all_answered_s": round(done - connected, 2),
        "peak_rss_mb": round(rss, 1),
    }
    result["ack_ok"] = result["ack_p99_ms"] < ACK_TARGET_MS
    result["rss_ok"] = rss < STARTUP_RSS_TARGET_MB
    return result


QUESTIONS = (
    "Nous lançons une gamme de soins bio pour les 25-35 ans en France, budget 80k€. Stratégie ?",
    "We need a B2B thought-leadership plan to generate leads among CIOs in Germany, $250k.",
    "Give me big ideas for an employer-brand campaign targeting engineering students in the UK.",
    "C'est quoi le modèle PESO ?",
)
