"""Fault suite (issue 12), on loopback only: the real `levier run` process over Socket Mode
against the fake Slack, killed with SIGKILL or stopped with SIGTERM while questions are in
flight, then started again. Every question is answered exactly once, and no 👀 stays.

The fake Slack answers `chat.postMessage` slowly, so that many answers are in flight when the
process dies. Figures are printed (run with `-s` to see them).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from bot.slack.testing import FakeSlack, FakeSocketMode, event_body
from tests.slack.conftest import mention

FIXTURES = Path(__file__).resolve().parent.parent / "engine" / "fixtures" / "knowledge"
QUESTION = "Quelle stratégie pour lancer une marque de soins en France, 80k€ ? n°{i}"
START_S = 240.0  # first start: builds the index and loads the embedding model
ANSWER_S = 240.0


class Levier:
    """`levier run` as a subprocess, connected to a fake Slack and a fake Socket Mode."""

    def __init__(self, fake: FakeSlack, data_dir: Path, **env: str) -> None:
        self.fake = fake
        self.data_dir = data_dir
        self.extra = env
        self.socket: FakeSocketMode | None = None
        self.proc: subprocess.Popen[str] | None = None

    def start(self) -> Levier:
        self.socket = FakeSocketMode()
        self.fake.socket_url = self.socket.url
        env = {
            **os.environ,
            "SLACK_BOT_TOKEN": "xoxb-test",
            "SLACK_APP_TOKEN": "xapp-test",
            "LEVIER_SLACK_API_URL": self.fake.api_url,
            "LEVIER_KNOWLEDGE_DIR": str(FIXTURES),
            "LEVIER_DATA_DIR": str(self.data_dir),
            "LEVIER_LLM_ENABLED": "false",
            "LEVIER_SLACK_WORKERS": "8",
            **self.extra,
        }
        env.pop("LEVIER_SLACK_MODE", None)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "run"],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.socket.wait_connected(timeout=START_S)
        return self

    def send(self, n: int, first: int = 0) -> list[str]:
        """n mentions, each acked (so persisted) before this returns; their thread roots."""
        assert self.socket is not None
        socket = self.socket
        roots = [f"1700050000.{i:06d}" for i in range(first, first + n)]

        def one(i: int, root: str) -> None:
            envelope = {
                "envelope_id": f"env-{root}",
                "type": "events_api",
                "accepts_response_payload": False,
                "retry_attempt": 0,
                "retry_reason": "",
                "payload": event_body(mention(QUESTION.format(i=i), ts=root), event_id=f"Ev{root}"),
            }
            socket.send(envelope)
            socket.wait_ack(f"env-{root}", timeout=60)

        with ThreadPoolExecutor(16) as pool:
            list(pool.map(one, range(first, first + n), roots))
        return roots

    def stop(self, sig: int, timeout: float = 60.0) -> tuple[int, str]:
        assert self.proc is not None and self.socket is not None
        self.proc.send_signal(sig)
        try:
            _out, err = self.proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            _out, err = self.proc.communicate()
        self.socket.close()
        return self.proc.returncode, err

    def close(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.communicate()
        if self.socket is not None:
            self.socket.close()


def answers(fake: FakeSlack, root: str) -> list[dict[str, Any]]:
    """The bot's answer messages in a thread (an answer carries the feedback buttons)."""
    return [
        m
        for m in fake.thread("C1", root)
        if "levier_feedback_up" in json.dumps(m.get("blocks") or [])
    ]


def answered(fake: FakeSlack, roots: list[str]) -> int:
    return sum(1 for root in roots if answers(fake, root))


def settled(fake: FakeSlack, quiet: float = 1.0, timeout: float = 30.0) -> None:
    """Wait until the fake Slack has received nothing for `quiet` seconds: the killed process's
    last requests, sent before the kill but held by the fake's artificial delay, are recorded
    before the restart looks at the threads (a real Slack answers them in milliseconds)."""
    last, since, start = len(fake.calls), time.monotonic(), time.monotonic()
    while time.monotonic() - start < timeout:
        time.sleep(0.1)
        if len(fake.calls) != last:
            last, since = len(fake.calls), time.monotonic()
        elif time.monotonic() - since >= quiet:
            return


def eyes_left(fake: FakeSlack, roots: list[str]) -> list[str]:
    left = []
    for root in roots:
        calls = [
            c.method
            for c in fake.calls
            if c.method.startswith("reactions.") and c.args.get("timestamp") == root
        ]
        if calls and calls[-1] != "reactions.remove":
            left.append(root)
    return left


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as slack:
        yield slack


@pytest.mark.slow
def test_kill_9_with_100_questions_in_flight_then_restart(fake: FakeSlack, tmp_path: Path) -> None:
    fake.delays["chat.postMessage"] = 0.5  # a slow Slack: answers stay in flight
    first = Levier(fake, tmp_path / "data").start()
    try:
        roots = first.send(100)
        fake.wait_for(lambda f: answered(f, roots) >= 5, ANSWER_S, "a few answers")
        first.stop(signal.SIGKILL)
    finally:
        first.close()
    settled(fake)
    before = answered(fake, roots)
    assert before < 100, "the kill came too late to test anything"
    fake.delays.clear()
    second = Levier(fake, tmp_path / "data").start()
    try:
        fake.wait_for(lambda f: answered(f, roots) == 100, ANSWER_S, "100 answers")
        code, err = second.stop(signal.SIGTERM)
    finally:
        second.close()
    counts = [len(answers(fake, root)) for root in roots]
    print(
        f"\nkill -9: {before}/100 answered before the kill, {sum(1 for c in counts if c)}/100 "
        f"after the restart, {sum(1 for c in counts if c > 1)} answered twice, "
        f"{len(eyes_left(fake, roots))} 👀 left"
    )
    assert counts == [1] * 100
    assert eyes_left(fake, roots) == []
    assert code == 0, err[-2000:]
    assert "Traceback" not in err


@pytest.mark.slow
def test_sigterm_with_a_queue_answers_every_question_now_or_after_the_next_start(
    fake: FakeSlack, tmp_path: Path
) -> None:
    fake.delays["chat.postMessage"] = 0.5
    first = Levier(fake, tmp_path / "data", LEVIER_SLACK_DRAIN="5").start()
    try:
        roots = first.send(40)
        fake.wait_for(lambda f: answered(f, roots) >= 3, ANSWER_S, "a few answers")
        started = time.monotonic()
        code, err = first.stop(signal.SIGTERM)
        stop_s = time.monotonic() - started
    finally:
        first.close()
    assert code == 0, err[-2000:]
    assert "Traceback" not in err
    before = answered(fake, roots)
    fake.delays.clear()
    second = Levier(fake, tmp_path / "data").start()
    try:
        fake.wait_for(lambda f: answered(f, roots) == 40, ANSWER_S, "40 answers")
        second.stop(signal.SIGINT)
    finally:
        second.close()
    counts = [len(answers(fake, root)) for root in roots]
    print(
        f"\nSIGTERM: stopped in {stop_s:.1f} s with {before}/40 answered; after the next start "
        f"{sum(1 for c in counts if c)}/40, {sum(1 for c in counts if c > 1)} answered twice"
    )
    assert counts == [1] * 40
    assert eyes_left(fake, roots) == []
