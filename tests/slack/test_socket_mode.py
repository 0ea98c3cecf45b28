"""Socket Mode: the real bolt handler against a fake websocket server; envelopes are acked.
`levier run`'s handler saves questions and acks them before bolt handles them."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from slack_bolt import BoltRequest, BoltResponse
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_bolt.middleware import Middleware

from bot.slack.app import DB_NAME, LevierApp, create_app
from bot.slack.events import may_be_question
from bot.slack.socket_mode import AckFirstSocketModeHandler
from bot.slack.store import SlackStore
from bot.slack.testing import BOT_USER, FakeSlack, FakeSocketMode, event_body
from tests.slack.conftest import WAIT, FakeAdvise, make_settings, mention, message


def test_socket_mode_delivers_and_acks(
    tmp_path: Path, fake: FakeSlack, advise_fn: FakeAdvise
) -> None:
    server = FakeSocketMode()
    fake.socket_url = server.url
    settings = make_settings(tmp_path, fake, slack_mode="socket", slack_signing_secret=None)
    app = create_app(settings, SimpleNamespace(), advise_fn=advise_fn)
    handler = SocketModeHandler(app, settings.slack_app_token.get_secret_value())
    try:
        handler.connect()
        server.wait_connected()
        root = "1700010000.000100"
        server.send(
            {
                "envelope_id": "env-1",
                "type": "events_api",
                "accepts_response_payload": False,
                "retry_attempt": 0,
                "retry_reason": "",
                "payload": event_body(mention("via socket", ts=root)),
            }
        )
        ack = server.wait_ack("env-1")
        assert ack == {"envelope_id": "env-1"} or ack.get("envelope_id") == "env-1"
        fake.wait_call("chat.postMessage", lambda c: c.args.get("thread_ts") == root, timeout=WAIT)
        assert advise_fn.requests[0].text == "via socket"
        assert fake.of("apps.connections.open")
    finally:
        handler.close()
        app.close()
        server.close()


# ---- ack first: questions saved and acked before bolt handles them ---------------------------


def _envelope(
    envelope_id: str, payload: dict[str, Any], kind: str = "events_api"
) -> dict[str, Any]:
    return {
        "envelope_id": envelope_id,
        "type": kind,
        "accepts_response_payload": kind != "events_api",
        "retry_attempt": 0,
        "retry_reason": "",
        "payload": payload,
    }


class _Held(Middleware):
    """Holds every request in bolt until released: a dispatch slower than the ack."""

    def __init__(self) -> None:
        self.release = threading.Event()

    def process(
        self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]
    ) -> BoltResponse:
        assert self.release.wait(WAIT)
        return next()


@dataclass
class SocketRun:
    server: FakeSocketMode
    app: LevierApp
    held: _Held
    handler: AckFirstSocketModeHandler


CLOSE_WAIT_S = 10.0


@pytest.fixture
def socket_app(tmp_path: Path, fake: FakeSlack, advise_fn: FakeAdvise) -> Iterator[SocketRun]:
    """The real app behind `levier run`'s Socket Mode handler, bolt held until released."""
    server = FakeSocketMode()
    fake.socket_url = server.url
    settings = make_settings(tmp_path, fake, slack_mode="socket", slack_signing_secret=None)
    app = create_app(settings, SimpleNamespace(), advise_fn=advise_fn)
    handler = AckFirstSocketModeHandler(app, app.ctx, "xapp-test-token")
    held = _Held()
    app.use(held)
    try:
        handler.connect()  # type: ignore[no-untyped-call]
        server.wait_connected()
        yield SocketRun(server, app, held, handler)
    finally:
        held.release.set()
        # slack_sdk's close() joins its interval-runner thread, which can wait forever on a
        # thread that has already stopped (seen under load in CI): bounded, so a test fails on
        # what it asserts, never on the SDK's teardown
        closer = threading.Thread(target=handler.close, daemon=True)
        closer.start()
        closer.join(CLOSE_WAIT_S)
        app.close()
        server.close()


def test_a_mention_is_saved_and_acked_before_bolt_handles_it_then_answered_once(
    socket_app: SocketRun, fake: FakeSlack, advise_fn: FakeAdvise
) -> None:
    server, app = socket_app.server, socket_app.app
    root = "1700010000.000200"
    server.send(_envelope("env-q", event_body(mention("saved first", ts=root), event_id="EvQ")))
    assert server.wait_ack("env-q") == {"envelope_id": "env-q"}
    # bolt has not run yet (held): the question is on disk all the same
    saved = app.ctx.store.inbox()
    assert [item_id for item_id, _ in saved] == ["EvQ"]
    assert saved[0][1]["event"]["ts"] == root
    assert app.ctx.store.job("EvQ") is None
    socket_app.held.release.set()
    fake.wait_call("chat.postMessage", lambda c: c.args.get("thread_ts") == root, timeout=WAIT)
    fake.wait_for(lambda f: app.ctx.store.job_status("EvQ") == "done", WAIT, "done")
    assert app.ctx.store.inbox() == []
    # Slack redelivers it (say the ack was lost): acked, never answered twice
    server.send(_envelope("env-q2", event_body(mention("saved first", ts=root), event_id="EvQ")))
    server.wait_ack("env-q2")
    fake.wait_for(lambda f: app.ctx.store.inbox() == [], WAIT, "inbox emptied")
    assert [r.text for r in advise_fn.requests] == ["saved first"]


def test_acks_are_not_held_back_by_nagles_algorithm(socket_app: SocketRun) -> None:
    sock = socket_app.handler.client.current_session.sock  # type: ignore[union-attr]
    assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0


def test_other_envelopes_are_acked_by_bolt_after_it_ran_with_their_response(
    socket_app: SocketRun,
) -> None:
    server, app = socket_app.server, socket_app.app
    command = {
        "command": "/levier",
        "text": "help",
        "user_id": "U1",
        "channel_id": "C1",
        "team_id": "T1",
        "response_url": "https://hooks.slack.com/commands/T1/1/x",
        "trigger_id": "1.2.3",
    }
    server.send(_envelope("env-cmd", command, kind="slash_commands"))
    bot_said = message("a bot talking", thread_ts="1700010000.000300", bot_id="B9")
    server.send(_envelope("env-bot", event_body(bot_said)))
    server.wait_ack("env-bot")  # dropped by bolt's first middleware, then acked
    time.sleep(0.3)
    assert "env-cmd" not in {a.get("envelope_id") for a in server.acks}  # waits for bolt
    assert app.ctx.store.inbox() == []  # neither is a question: nothing saved
    socket_app.held.release.set()
    ack = server.wait_ack("env-cmd")
    assert ack["payload"]["response_type"] == "ephemeral"  # the help text, in the ack


def test_a_question_acked_but_never_handled_is_answered_at_the_next_start(
    tmp_path: Path, fake: FakeSlack, advise_fn: FakeAdvise
) -> None:
    settings = make_settings(tmp_path, fake, slack_mode="socket", slack_signing_secret=None)
    root = "1700010000.000400"
    store = SlackStore(settings.data_dir / DB_NAME)
    body = event_body(mention("kept across a crash", ts=root), event_id="EvKEPT")
    store.put_inbox([("EvKEPT", json.dumps(body))])  # acked, then the process died
    store.close()
    app = create_app(settings, SimpleNamespace(), advise_fn=advise_fn)
    try:
        fake.wait_call("chat.postMessage", lambda c: c.args.get("thread_ts") == root, timeout=WAIT)
        fake.wait_for(lambda f: app.ctx.store.job_status("EvKEPT") == "done", WAIT, "done")
        assert app.ctx.store.inbox() == []
    finally:
        app.close()
    again = create_app(settings, SimpleNamespace(), advise_fn=advise_fn)  # a second restart
    again.close()
    assert [r.text for r in advise_fn.requests] == ["kept across a crash"]
    assert len([c for c in fake.of("chat.postMessage") if c.args.get("thread_ts") == root]) == 1


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        (mention("hi"), True),
        (message("hi", channel_type="im"), True),
        (message("follow-up", thread_ts="1700000000.000001"), True),
        (message("<@UBOT> follow-up", thread_ts="1700000000.000001"), False),  # app_mention
        (message("chatter in a channel"), False),
        (message("edited", channel_type="im", subtype="message_changed"), False),
        (message("a bot", channel_type="im", bot_id="B1"), False),
        ({"type": "channel_shared", "channel": "C1"}, False),
    ],
)
def test_which_events_are_saved_before_their_ack(event: dict[str, Any], expected: bool) -> None:
    assert may_be_question(event_body(event), BOT_USER) is expected
