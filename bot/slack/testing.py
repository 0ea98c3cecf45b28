"""A fake Slack for tests and `levier bench`: the Web API over real HTTP, a Socket Mode
websocket server, and a signer for Events API requests. Loopback only; nothing at import time.

`FakeSlack` records every call (method, arguments, time) and keeps message state; a method it
does not know is recorded in `unknown` (tests assert it stays empty) and answered with an error.
Tests wait on recorded calls with `wait_for` (a condition variable), never with sleeps.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import itertools
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

BOT_USER = "UBOT"
BOT_ID = "BBOT"
TEAM = "T1"

KNOWN_METHODS = frozenset(
    {
        "auth.test",
        "chat.postMessage",
        "chat.update",
        "chat.startStream",
        "chat.appendStream",
        "chat.stopStream",
        "reactions.add",
        "reactions.remove",
        "conversations.replies",
        "conversations.info",
        "users.info",
        "usergroups.list",
        "views.open",
        "views.update",
        "assistant.threads.setStatus",
        "assistant.threads.setSuggestedPrompts",
        "assistant.threads.setTitle",
        "apps.connections.open",
    }
)


@dataclass
class Call:
    method: str
    args: dict[str, Any]
    at: float = field(default_factory=time.monotonic)


def _decode(value: Any) -> Any:
    """Form fields that hold JSON (blocks, prompts…) decoded for easy assertions."""
    if isinstance(value, str) and value[:1] in "[{":
        with contextlib.suppress(ValueError):
            return json.loads(value)
    return value


class _Server(ThreadingHTTPServer):
    # socketserver's default backlog of 5 drops connections under a burst (a SYN retried
    # after 1 s would look like a slow Slack): take bursts like the real API does.
    request_queue_size = 256
    daemon_threads = True


class FakeSlack:
    """The Slack Web API on 127.0.0.1 (port 0). Use as a context manager or call close()."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.unknown: list[str] = []
        self.responses: list[Call] = []  # posts to response_url
        self.messages: dict[str, dict[str, Any]] = {}  # ts -> message
        self.channels: dict[str, dict[str, Any]] = {}
        self.users: dict[str, dict[str, Any]] = {}
        self.usergroups: list[dict[str, Any]] = []
        self.failures: dict[str, str] = {}  # method -> error to return
        self.delays: dict[str, float] = {}  # method -> seconds to wait before answering
        self.socket_url: str | None = None
        self._cond = threading.Condition()
        self._ts = itertools.count(1)
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                return None

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode("utf-8")
                if self.path.startswith("/response/"):
                    fake._record_response(self.path, raw)
                    self._reply(200, {"ok": True}, text=True)
                    return
                method = self.path.rsplit("/", 1)[-1].split("?", 1)[0]
                if (self.headers.get("Content-Type") or "").startswith("application/json"):
                    args = json.loads(raw or "{}")
                else:
                    args = {k: _decode(v) for k, v in parse_qsl(raw, keep_blank_values=True)}
                status, body = fake._handle(method, args)
                self._reply(status, body)

            def do_GET(self) -> None:
                self.do_POST()

            def _reply(self, status: int, body: dict[str, Any], text: bool = False) -> None:
                data = b"ok" if text else json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "text/plain" if text else "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self._server = _Server(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="fake-slack", daemon=True
        )
        self._thread.start()

    # ---- lifecycle -------------------------------------------------------------------------

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    def response_url(self, name: str = "r1") -> str:
        return f"http://127.0.0.1:{self.port}/response/{name}"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=10)

    def __enter__(self) -> FakeSlack:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- the API ---------------------------------------------------------------------------

    def _next_ts(self) -> str:
        return f"1700000000.{next(self._ts):06d}"

    def _record_response(self, path: str, raw: str) -> None:
        with self._cond:
            self.responses.append(Call(path, json.loads(raw or "{}")))
            self._cond.notify_all()

    def _handle(self, method: str, args: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        delay = self.delays.get(method)
        if delay:
            time.sleep(delay)  # a slow Slack (fault tests): keeps answers in flight
        with self._cond:
            self.calls.append(Call(method, args))
            self._cond.notify_all()
            if method not in KNOWN_METHODS:
                self.unknown.append(method)
                return 200, {"ok": False, "error": "unknown_method"}
            if method in self.failures:
                return 200, {"ok": False, "error": self.failures[method]}
            return 200, self._result(method, args)

    def _result(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        ok: dict[str, Any] = {"ok": True}
        if method == "auth.test":
            return {
                **ok,
                "user_id": BOT_USER,
                "bot_id": BOT_ID,
                "team_id": TEAM,
                "team": "Agence",
                "user": "levier",
                "url": "https://agence.slack.com/",
            }
        if method in ("chat.postMessage", "chat.startStream"):
            ts = self._next_ts()
            text = str(args.get("text") or args.get("markdown_text") or "")
            msg: dict[str, Any] = {
                "ts": ts,
                "channel": args.get("channel"),
                "text": text + _chunks_text(args),
                "blocks": args.get("blocks") or [],
                "thread_ts": args.get("thread_ts"),
                "bot_id": BOT_ID,
                "streaming": method == "chat.startStream",
                "metadata": args.get("metadata"),
            }
            self.messages[ts] = msg
            return {**ok, "channel": args.get("channel"), "ts": ts, "message": msg}
        if method in ("chat.update", "chat.appendStream", "chat.stopStream"):
            found = self.messages.get(str(args.get("ts")))
            if found is None:
                return {"ok": False, "error": "message_not_found"}
            if method == "chat.update":
                found["text"] = str(args.get("text") or "")
                found["blocks"] = args.get("blocks") or []
            else:
                found["text"] += str(args.get("markdown_text") or "") + _chunks_text(args)
                if method == "chat.stopStream":
                    found["blocks"] = args.get("blocks") or []
                    found["streaming"] = False
            return {**ok, "channel": found["channel"], "ts": found["ts"]}
        if method == "conversations.replies":
            ts = str(args.get("ts"))
            thread = [m for m in self.messages.values() if m["ts"] == ts or m["thread_ts"] == ts]
            return {**ok, "messages": thread}
        if method == "conversations.info":
            channel = str(args.get("channel"))
            info = {
                "id": channel,
                "is_channel": channel.startswith("C"),
                "is_im": channel.startswith("D"),
                "is_shared": False,
                "is_ext_shared": False,
                "is_org_shared": False,
            }
            info.update(self.channels.get(channel, {}))
            return {**ok, "channel": info}
        if method == "users.info":
            user = str(args.get("user"))
            info = {"id": user, "team_id": TEAM, "locale": "en-US", "is_bot": False}
            info.update(self.users.get(user, {}))
            return {**ok, "user": info}
        if method == "usergroups.list":
            return {**ok, "usergroups": self.usergroups}
        if method in ("views.open", "views.update"):
            return {**ok, "view": {"id": "V1", **(args.get("view") or {})}}
        if method == "apps.connections.open":
            if not self.socket_url:
                return {"ok": False, "error": "no_socket_server"}
            return {**ok, "url": self.socket_url}
        return ok

    # ---- assertions ------------------------------------------------------------------------

    def of(self, method: str) -> list[Call]:
        with self._cond:
            return [c for c in self.calls if c.method == method]

    def wait_for(
        self, predicate: Callable[[FakeSlack], Any], timeout: float = 60.0, what: str = ""
    ) -> Any:
        """Block until `predicate(self)` is truthy (re-checked on every call); returns it."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                result = predicate(self)
                if result:
                    return result
                left = deadline - time.monotonic()
                if left <= 0:
                    methods = [c.method for c in self.calls]
                    raise AssertionError(f"timed out waiting for {what or predicate}: {methods}")
                self._cond.wait(min(left, 1.0))

    def wait_call(
        self,
        method: str,
        where: Callable[[Call], bool] = lambda c: True,
        count: int = 1,
        timeout: float = 60.0,
    ) -> list[Call]:
        found: list[Call] = self.wait_for(
            lambda f: (lambda hits: hits if len(hits) >= count else None)(
                [c for c in f.calls if c.method == method and where(c)]
            ),
            timeout,
            what=f"{count} x {method}",
        )
        return found

    def thread(self, channel: str, thread_ts: str) -> list[dict[str, Any]]:
        with self._cond:
            return [
                m
                for m in self.messages.values()
                if m["channel"] == channel and m["thread_ts"] == thread_ts
            ]

    def all_text(self) -> str:
        """Everything the bot sent to Slack, as one string (for 'never shows' assertions)."""
        with self._cond:
            return json.dumps(
                [c.args for c in self.calls if c.method != "auth.test"]
                + [r.args for r in self.responses],
                ensure_ascii=False,
            )


def _chunks_text(args: dict[str, Any]) -> str:
    chunks = args.get("chunks") or []
    return "".join(str(c.get("text") or "") for c in chunks if isinstance(c, dict))


# ---- signed requests ------------------------------------------------------------------------


def sign(secret: str, body: str, timestamp: int | None = None) -> dict[str, str]:
    """Headers Slack would send: X-Slack-Request-Timestamp and an HMAC-SHA256 signature."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    base = f"v0:{ts}:{body}".encode()
    digest = hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={digest}"}


@dataclass
class Reply:
    status: int
    body: str
    seconds: float


def post(url: str, body: str, headers: dict[str, str], timeout: float = 30.0) -> Reply:
    """POST like Slack does; returns the status, body and the time the ack took."""
    request = urllib.request.Request(url, data=body.encode(), headers=headers, method="POST")
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as resp:
            data = resp.read().decode()
            status = int(resp.status)
    except urllib.error.HTTPError as exc:
        data = exc.read().decode()
        status = exc.code
        exc.close()
    return Reply(status, data, time.perf_counter() - start)


_event_ids = itertools.count(1)


def event_body(
    event: dict[str, Any], *, event_id: str | None = None, team: str = TEAM
) -> dict[str, Any]:
    return {
        "token": "x",
        "team_id": team,
        "api_app_id": "A1",
        "type": "event_callback",
        "event_id": event_id or f"Ev{next(_event_ids):08d}",
        "event_time": int(time.time()),
        "authorizations": [{"team_id": team, "user_id": BOT_USER, "is_bot": True}],
        "event": event,
    }


class SignedSender:
    """Sends correctly signed Events API / command / interaction requests to an app URL."""

    def __init__(self, url: str, secret: str) -> None:
        self.url = url
        self.secret = secret

    def event(
        self, event: dict[str, Any], *, event_id: str | None = None, retry: int | None = None
    ) -> Reply:
        body = json.dumps(event_body(event, event_id=event_id))
        headers = {"Content-Type": "application/json", **sign(self.secret, body)}
        if retry is not None:
            headers["X-Slack-Retry-Num"] = str(retry)
            headers["X-Slack-Retry-Reason"] = "http_timeout"
        return post(self.url, body, headers)

    def json(self, payload: dict[str, Any]) -> Reply:
        body = json.dumps(payload)
        return post(self.url, body, {"Content-Type": "application/json", **sign(self.secret, body)})

    def form(self, fields: dict[str, str], *, secret: str | None = None) -> Reply:
        body = urllib.parse.urlencode(fields)
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            **sign(secret or self.secret, body),
        }
        return post(self.url, body, headers)

    def command(
        self,
        text: str,
        *,
        channel: str = "C1",
        user: str = "U1",
        response_url: str = "http://127.0.0.1:9/response",
    ) -> Reply:
        return self.form(
            {
                "token": "x",
                "team_id": TEAM,
                "team_domain": "agence",
                "channel_id": channel,
                "channel_name": "general",
                "user_id": user,
                "user_name": "someone",
                "command": "/levier",
                "text": text,
                "api_app_id": "A1",
                "is_enterprise_install": "false",
                "response_url": response_url,
                "trigger_id": "13345224609.738474920.8088930838d88f008e0",
            }
        )

    def interaction(self, payload: dict[str, Any]) -> Reply:
        return self.form({"payload": json.dumps(payload)})


# ---- Socket Mode ----------------------------------------------------------------------------


class FakeSocketMode:
    """A Socket Mode websocket server: says hello, delivers envelopes, records acks."""

    def __init__(self) -> None:
        self.acks: list[dict[str, Any]] = []
        self.ack_at: dict[str, float] = {}  # envelope id -> time.monotonic() of its ack
        self._cond = threading.Condition()
        self._connections: set[Any] = set()
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._stop: asyncio.Event | None = None
        self.port = 0
        self._thread = threading.Thread(target=self._run, name="fake-socket-mode", daemon=True)
        self._thread.start()
        if not self._ready.wait(30):
            raise RuntimeError("the fake Socket Mode server did not start")

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/link"

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        try:
            self._loop.run_until_complete(self._serve())
        finally:
            self._loop.run_until_complete(self._loop.shutdown_asyncgens())
            self._loop.close()

    async def _serve(self) -> None:
        from websockets.asyncio.server import serve

        self._stop = asyncio.Event()
        async with serve(self._handler, "127.0.0.1", 0) as server:
            self.port = int(next(iter(server.sockets)).getsockname()[1])
            self._ready.set()
            await self._stop.wait()
            for ws in list(self._connections):
                await ws.close()

    async def _handler(self, ws: Any) -> None:
        self._connections.add(ws)
        with self._cond:
            self._cond.notify_all()
        try:
            await ws.send(
                json.dumps(
                    {"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A1"}}
                )
            )
            async for message in ws:
                at = time.monotonic()  # when it arrived, not when a waiting thread let us in
                data = json.loads(message)
                with self._cond:
                    self.acks.append(data)
                    if isinstance(data, dict) and data.get("envelope_id"):
                        self.ack_at.setdefault(str(data["envelope_id"]), at)
                    self._cond.notify_all()
        except Exception:  # the client went away
            pass
        finally:
            self._connections.discard(ws)

    def wait_connected(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        with self._cond:
            while not self._connections:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError("no Socket Mode connection")
                self._cond.wait(min(left, 1.0))

    def send(self, envelope: dict[str, Any]) -> None:
        data = json.dumps(envelope)

        async def push() -> None:
            for ws in list(self._connections):
                await ws.send(data)

        asyncio.run_coroutine_threadsafe(push(), self._loop).result(30)

    def send_many(self, envelopes: list[dict[str, Any]]) -> float:
        """Deliver envelopes back to back in one go; returns when the first was sent."""
        frames = [json.dumps(envelope) for envelope in envelopes]
        started: list[float] = []

        async def push() -> None:
            started.append(time.monotonic())
            for data in frames:
                for ws in list(self._connections):
                    await ws.send(data)

        asyncio.run_coroutine_threadsafe(push(), self._loop).result(60)
        return started[0]

    def wait_ack(self, envelope_id: str, timeout: float = 60.0) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for ack in self.acks:
                    if ack.get("envelope_id") == envelope_id:
                        return ack
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"no ack for envelope {envelope_id}")
                self._cond.wait(min(left, 1.0))

    def wait_acks(self, envelope_ids: list[str], timeout: float = 60.0) -> None:
        """Wait until every envelope in `envelope_ids` is acked (one wait, not one per id)."""
        wanted = set(envelope_ids)
        with self._cond:
            if not self._cond.wait_for(lambda: wanted <= self.ack_at.keys(), timeout):
                missing = sorted(wanted - self.ack_at.keys())
                raise AssertionError(f"no ack for {len(missing)} envelope(s), e.g. {missing[0]}")

    def close(self) -> None:
        if self._stop is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(timeout=30)
