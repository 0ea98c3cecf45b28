"""Socket Mode: the real bolt handler against a fake websocket server; envelopes are acked."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from slack_bolt.adapter.socket_mode import SocketModeHandler

from bot.slack.app import create_app
from bot.slack.testing import FakeSlack, FakeSocketMode, event_body
from tests.slack.conftest import WAIT, FakeAdvise, make_settings, mention


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
