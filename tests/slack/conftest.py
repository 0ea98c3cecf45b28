"""Fixtures: a fake Slack, the real app in a real HTTP server, and an injectable advise()."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from bot.models import Advice, Brief, Plan, PlanItem, Request, SourceRef
from bot.settings import Settings
from bot.slack.app import LevierApp, create_app
from bot.slack.http import SlackHttpServer
from bot.slack.testing import FakeSlack, SignedSender

SECRET = "test-signing-secret"
WAIT = 90.0  # generous: a loaded 2-core machine


class FakeAdvise:
    """An injected advise(): records requests; can block, fail, stream or return a plan."""

    def __init__(self) -> None:
        self.requests: list[Request] = []
        self.gate: threading.Event | None = None
        self.error: BaseException | None = None
        self.text = "Here is **my** answer [1]."
        self.deltas: list[str] | None = None
        self.plan: Plan | None = None
        self.sources = [
            SourceRef(
                n=1,
                id="mechanic-newsjacking",
                title="Newsjacking",
                path="knowledge/mechanics/newsjacking.md",
                kind="mechanic",
            )
        ]
        self.language: Any = "en"
        self.fallback: str | None = None  # set: the model failed (after streaming `deltas`)
        self._cond = threading.Condition()

    def __call__(self, request: Request, deps: Any, on_delta: Any = None) -> Advice:
        with self._cond:
            self.requests.append(request)
            self._cond.notify_all()
        if self.gate is not None:
            assert self.gate.wait(WAIT), "the test never released the gate"
        if self.error is not None:
            raise self.error
        if self.deltas and on_delta is not None:
            for delta in self.deltas:
                on_delta(delta)
        text = "".join(self.deltas) if self.deltas and not self.fallback else self.text
        brief = Brief(
            language=self.language,
            markets=["de"] if "Germany" in request.text else ["fr"],
            intent="strategy",
        )
        advice = Advice(
            language=self.language,
            mode="strategy",
            brief=brief,
            text=text,
            plan=self.plan,
            sources=list(self.sources),
        )
        advice.trace.fallback = self.fallback
        return advice

    def wait_requests(self, n: int, timeout: float = WAIT) -> list[Request]:
        with self._cond:
            ok = self._cond.wait_for(lambda: len(self.requests) >= n, timeout)
            assert ok, f"advise called {len(self.requests)} times, expected {n}"
            return list(self.requests)


def sample_plan() -> Plan:
    return Plan(
        targeting=[PlanItem(title="Urban 25-35", detail="Foodies in Paris and Lyon", sources=[1])],
        channels=[PlanItem(title="Instagram", detail="Reels with creators", role="earned")],
        timing=[PlanItem(title="September launch", detail="La rentrée")],
        mechanics=[PlanItem(title="Newsjacking", detail="React to the news", sources=[1])],
        kpis=[PlanItem(title="Earned mentions")],
        risks=[PlanItem(title="Opportunism", detail="Avoid tragedies")],
    )


def make_settings(tmp_path: Path, fake: FakeSlack, **over: Any) -> Settings:
    values: dict[str, Any] = {
        "slack_bot_token": "xoxb-test-token",
        "slack_app_token": "xapp-test-token",
        "slack_signing_secret": SECRET,
        "slack_mode": "http",
        "slack_api_url": fake.api_url,
        "data_dir": tmp_path / "data",
        "slack_workers": 4,
        "source_base_url": "https://kb.example.com/blob/main",
        "llm_enabled": False,
    }
    values.update(over)
    return Settings(**values)


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    slack = FakeSlack()
    try:
        yield slack
        assert slack.unknown == [], f"calls to unknown Slack methods: {slack.unknown}"
    finally:
        slack.close()


@pytest.fixture
def advise_fn() -> FakeAdvise:
    return FakeAdvise()


@dataclass
class Running:
    app: LevierApp
    server: SlackHttpServer
    sender: SignedSender
    fake: FakeSlack
    settings: Settings
    stopped: bool = field(default=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.port}/slack/events"

    def stop(self) -> None:
        if not self.stopped:
            self.stopped = True
            self.server.stop()
            self.app.close()


Start = Callable[..., Running]


@pytest.fixture
def start(tmp_path: Path, fake: FakeSlack, advise_fn: FakeAdvise) -> Iterator[Start]:
    """Start the real app in a real HTTP server; every app started is stopped at teardown."""
    running: list[Running] = []

    def _start(advise: Any = None, deps: Any = None, **settings_over: Any) -> Running:
        settings = make_settings(tmp_path, fake, **settings_over)
        app = create_app(settings, deps or SimpleNamespace(), advise_fn=advise or advise_fn)
        server = SlackHttpServer(app, host="127.0.0.1", port=0).start()
        run = Running(app, server, SignedSender("", SECRET), fake, settings)
        run.sender.url = run.url
        running.append(run)
        return run

    try:
        yield _start
    finally:
        if advise_fn.gate is not None:
            advise_fn.gate.set()
        for run in running:
            run.stop()


def mention(
    text: str,
    *,
    channel: str = "C1",
    ts: str = "1700000100.000100",
    user: str = "U1",
    thread_ts: str | None = None,
) -> dict[str, Any]:
    event = {
        "type": "app_mention",
        "user": user,
        "text": f"<@UBOT> {text}",
        "ts": ts,
        "channel": channel,
        "event_ts": ts,
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def message(
    text: str,
    *,
    channel: str = "C1",
    ts: str = "1700000200.000100",
    user: str = "U1",
    thread_ts: str | None = None,
    channel_type: str = "channel",
    **extra: Any,
) -> dict[str, Any]:
    event = {
        "type": "message",
        "user": user,
        "text": text,
        "ts": ts,
        "channel": channel,
        "event_ts": ts,
        "channel_type": channel_type,
        **extra,
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event
