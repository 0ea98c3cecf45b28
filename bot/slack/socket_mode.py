"""Socket Mode with the ack first: questions are saved, then acknowledged, then dispatched.

slack_sdk's client reads envelopes on one thread and queues them; bolt's handler then runs
`App.dispatch` for each on a pool and acks when the listener returns. Under a burst (100
mentions the moment the app connects) every ack waited for bolt's whole middleware chain and
for the CPU the answers were using. Here the thread that takes envelopes off the queue takes
every one waiting, saves those that may be questions (`events.may_be_question`) in the store's
`inbox` in one commit, acks them at once, and only then hands each to bolt. So a question is
on disk before Slack gets its ack, and the ack costs a few dozen microseconds of Python.
Two slack_sdk delays are removed on the way: a new connection was read only at a 100 ms tick,
and acks after the first of a burst waited for Nagle's algorithm (no TCP_NODELAY).

Bolt still handles every envelope (the same middleware, access walls and listeners): it turns
a saved event into a job, then the event leaves the inbox. If the process dies in between, the
next start hands the inbox to bolt again (`replay_inbox`); the job's id is Slack's event id, so
a question is never answered twice. Anything else (commands, buttons, modals, other events)
is acked by bolt after dispatch as before: those acks may carry a response.
"""

from __future__ import annotations

import json
import logging
import socket
import threading
from queue import Empty
from typing import Any

from slack_bolt import App, BoltRequest
from slack_bolt.adapter.socket_mode.base_handler import BaseSocketModeHandler
from slack_bolt.adapter.socket_mode.internals import run_bolt_app, send_response
from slack_sdk.socket_mode.builtin import SocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.socket_mode.response import SocketModeResponse

from bot.slack.context import SlackContext, _short_error
from bot.slack.events import may_be_question
from bot.slack.middleware import is_own_request, readable_by_bolt

log = logging.getLogger("levier.slack.socket")

RECEIVE_BUFFER = 64 * 1024  # whole envelopes per read (the default reads 1 KB at a time)
SESSION_POLL_S = 0.1  # slack_sdk's own interval between looks for a new connection


def inbox_id(payload: dict[str, Any], envelope_id: str) -> str:
    """Slack's event id (the same on every redelivery), else the envelope's."""
    event_id = payload.get("event_id")
    return event_id if isinstance(event_id, str) and event_id else f"envelope:{envelope_id}"


class AckFirstClient(SocketModeClient):
    """The builtin Socket Mode client, saving and acking questions before dispatching them."""

    def __init__(self, ctx: SlackContext, **kwargs: Any) -> None:
        self.ctx = ctx
        self._early: dict[str, str] = {}  # envelope id -> inbox id, acked already
        self._early_lock = threading.Lock()
        self._connected = threading.Event()
        super().__init__(**kwargs)
        # Its runner then sleeps only in `_run_current_session`, where `connect` wakes it.
        self.current_session_runner.interval_seconds = 0.0

    def connect(self) -> None:
        super().connect()
        # slack_sdk sets TCP_NODELAY only behind a proxy. Without it, Nagle's algorithm held
        # every ack after the first of a burst until the server's delayed ACK (40 ms here).
        sock = getattr(self.current_session, "sock", None)
        if sock is not None:
            try:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            except OSError as exc:
                log.info("TCP_NODELAY not set: %s", type(exc).__name__)
        self._connected.set()

    def _run_current_session(self) -> None:
        # slack_sdk starts reading a new connection at its runner's next tick (every 100 ms):
        # envelopes sent right after connecting waited up to that long. Start at once instead.
        self._connected.wait(SESSION_POLL_S)
        self._connected.clear()
        super()._run_current_session()  # type: ignore[no-untyped-call]

    def process_message(self) -> None:
        """Take every envelope waiting (not one), ack the questions among them, dispatch all."""
        try:
            raws = [self.message_queue.get(timeout=1)]
        except Empty:
            return
        while True:
            try:
                raws.append(self.message_queue.get_nowait())
            except Empty:
                break
        messages: list[tuple[dict[str, Any], str]] = []
        for raw in raws:
            if raw is None:
                continue
            try:
                message = json.loads(raw) if raw.startswith("{") else {}
            except ValueError:
                log.warning("unreadable Socket Mode message ignored")
                continue
            if message.get("type") == "disconnect":
                self.connect_to_new_endpoint(force=True)
                continue
            messages.append((message, raw))
        self._ack_questions(messages)
        for message, raw in messages:
            self.message_workers.submit(self.run_message_listeners, message, raw)

    def _ack_questions(self, messages: list[tuple[dict[str, Any], str]]) -> None:
        saved: list[tuple[str, str, str]] = []  # (envelope id, inbox id, body)
        for message, _raw in messages:
            envelope_id = message.get("envelope_id")
            payload = message.get("payload")
            if (
                message.get("type") != "events_api"
                or not isinstance(envelope_id, str)
                or not isinstance(payload, dict)
                or not is_own_request(payload)
                or not may_be_question(payload, self.ctx.bot_user_id)
                or not readable_by_bolt(payload)
            ):
                continue
            saved.append((envelope_id, inbox_id(payload, envelope_id), json.dumps(payload)))
        if not saved:
            return
        try:
            self.ctx.store.put_inbox([(item_id, body) for _, item_id, body in saved])
        except Exception as exc:  # not saved: bolt handles them and acks after, as before
            log.error(
                "could not save %d event(s) before the ack: %s", len(saved), _short_error(exc)
            )
            return
        with self._early_lock:
            self._early.update((envelope_id, item_id) for envelope_id, item_id, _ in saved)
        for envelope_id, _, _ in saved:
            try:
                self.send_socket_mode_response(SocketModeResponse(envelope_id=envelope_id))
            except Exception as exc:  # the event is saved: handled either way
                log.warning("ack failed: %s", _short_error(exc))

    def acked_early(self, envelope_id: str) -> str | None:
        """The inbox id of an envelope acked before dispatch (once), else None."""
        with self._early_lock:
            return self._early.pop(envelope_id, None)


class AckFirstSocketModeHandler(BaseSocketModeHandler):
    """bolt's `SocketModeHandler`, over `AckFirstClient`."""

    app: App
    client: AckFirstClient

    def __init__(self, app: App, ctx: SlackContext, app_token: str) -> None:
        self.app = app
        self.ctx = ctx
        self.app_token = app_token
        self.client = AckFirstClient(
            ctx,
            app_token=app_token,
            logger=app.logger,
            web_client=app.client,
            proxy=app.client.proxy,
            receive_buffer_size=RECEIVE_BUFFER,
        )
        self.client.socket_mode_request_listeners.append(self.handle)  # type: ignore[arg-type]

    def handle(self, client: AckFirstClient, req: SocketModeRequest) -> None:  # type: ignore[override]
        item_id = client.acked_early(req.envelope_id)
        if item_id is None:
            send_response(client, req, run_bolt_app(self.app, req), 0.0)
            return
        dispatch_saved(self.app, self.ctx, item_id, req.payload)


def dispatch_saved(app: App, ctx: SlackContext, item_id: str, payload: dict[str, Any]) -> bool:
    """Hand a saved event to bolt; it leaves the inbox once handled (its job is in the store)."""
    try:
        response = app.dispatch(BoltRequest(mode="socket_mode", body=payload))
    except Exception as exc:
        log.error("a saved event failed: %s", _short_error(exc))
        return False  # left in the inbox: the next start tries again
    if response.status >= 400:
        log.error("a saved event failed (status %d): kept for the next start", response.status)
        return False
    ctx.store.drop_inbox(item_id)
    return True


def replay_inbox(app: App, ctx: SlackContext) -> int:
    """At start-up: events a previous run acked but never handed to bolt (it died first)."""
    items = ctx.store.inbox()
    for item_id, payload in items:
        if not dispatch_saved(app, ctx, item_id, payload):
            ctx.store.drop_inbox(item_id)  # tried once more: it never blocks every start
    if items:
        log.info("handled %d question(s) saved before a stop", len(items))
    return len(items)
