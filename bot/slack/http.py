"""HTTP (Events API) mode: a real aiohttp server in front of the synchronous bolt `App`.

Why the sync app behind aiohttp rather than `AsyncApp`: one set of listeners serves both Socket
Mode and HTTP, the engine (`advise`, Chroma, embeddings, the model client) is synchronous, and
the listeners only acknowledge and hand work to thread pools. aiohttp parses HTTP robustly
(keep-alive, size limits, graceful shutdown behind a load balancer) on its event loop, and each
request's `App.dispatch` runs on a bounded thread pool via `run_in_executor`, so a dispatch never
blocks the loop and the loop never waits for an answer — only for the ack.

It also fixes a slack-bolt 1.30.0 bug: `slack_bolt.request.internals.parse_body` decides that a
form body is an interactive payload when the *substring* "payload" appears anywhere in it
(`if "payload" in body`), then reads the `payload` field — which a slash command does not have —
and returns `{}`. So `/levier idea payload sampling` reaches bolt as an empty request and is never
routed (Slack shows "dispatch_failed"). `LevierBoltRequest` re-parses the body with the right
test (is there a `payload` *field*?), keeping the raw body for signature verification.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import web
from multidict import CIMultiDict
from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.context import BoltContext
from slack_bolt.request.internals import build_context

log = logging.getLogger("levier.slack.http")

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
MAX_BODY_BYTES = 1024 * 1024


def parse_body(body: str, content_type: str | None) -> dict[str, Any]:
    """Bolt's `parse_body`, with the interactive-payload test done on the parsed form."""
    if not body:
        return {}
    if content_type == "application/json" or body.startswith("{"):
        parsed: dict[str, Any] = json.loads(body)
        return parsed
    params = dict(parse_qsl(body, keep_blank_values=True))
    payload = params.get("payload")
    if payload is not None:  # a `payload` field, not the word anywhere in the body
        parsed = json.loads(payload)
        return parsed
    return params


class LevierBoltRequest(BoltRequest):
    """A `BoltRequest` whose form body is parsed correctly (see the module docstring)."""

    def __init__(
        self,
        *,
        body: str | dict[str, Any],
        query: Any = None,
        headers: Any = None,
        context: dict[str, Any] | None = None,
        mode: str = "http",
    ) -> None:
        super().__init__(body=body, query=query, headers=headers, context=context, mode=mode)
        if isinstance(body, str) and body:
            fixed = parse_body(self.raw_body, self.content_type)
            if fixed != self.body:
                self.body = fixed
                self.context = build_context(BoltContext(context if context else {}), fixed)

    def to_copyable(self) -> LevierBoltRequest:
        body: str | dict[str, Any] = self.raw_body if self.mode == "http" else self.body
        return LevierBoltRequest(
            body=body,
            query=self.query,
            headers=self.headers,
            context=self.context.to_copyable(),
            mode=self.mode,
        )


def _to_aiohttp(resp: BoltResponse) -> web.Response:
    headers: CIMultiDict[str] = CIMultiDict()
    for name, values in (resp.headers or {}).items():
        for value in values:
            headers.add(name, value)
    body = resp.body if isinstance(resp.body, str) else str(resp.body or "")
    return web.Response(status=resp.status, body=body.encode("utf-8"), headers=headers)


class SlackHttpServer:
    """Serves `POST /slack/events` (and `GET /healthz`) for a bolt `App`."""

    def __init__(
        self, app: App, *, host: str = "0.0.0.0", port: int = 3000, dispatch_workers: int = 32
    ) -> None:
        self.app = app
        self.host = host
        self.port = port
        self._pool = ThreadPoolExecutor(dispatch_workers, thread_name_prefix="levier-dispatch")
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._started = threading.Event()
        self._error: BaseException | None = None

    def _dispatch(self, body: str, query: str, headers: dict[str, str]) -> BoltResponse:
        request = LevierBoltRequest(body=body, query=query, headers=headers)
        response: BoltResponse = self.app.dispatch(request)
        return response

    async def _events(self, request: web.Request) -> web.Response:
        raw = await request.read()
        headers = {k.lower(): v for k, v in request.headers.items()}
        loop = asyncio.get_running_loop()
        resp = await loop.run_in_executor(
            self._pool,
            self._dispatch,
            raw.decode("utf-8", errors="replace"),
            request.query_string,
            headers,
        )
        return _to_aiohttp(resp)

    async def _health(self, request: web.Request) -> web.Response:
        return web.Response(text="ok")

    def _web_app(self) -> web.Application:
        webapp = web.Application(client_max_size=MAX_BODY_BYTES)
        webapp.router.add_post(EVENTS_PATH, self._events)
        webapp.router.add_get(HEALTH_PATH, self._health)
        return webapp

    async def serve(self) -> None:
        """Serve until `stop()`; sets `port` to the bound port (useful with port 0)."""
        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        runner = web.AppRunner(self._web_app(), access_log=None)
        await runner.setup()
        try:
            site = web.TCPSite(runner, self.host, self.port)
            await site.start()
            server = site._server
            sockets = getattr(server, "sockets", None) or []
            if sockets:
                self.port = int(sockets[0].getsockname()[1])
            log.info("Slack HTTP endpoint listening on %s:%d%s", self.host, self.port, EVENTS_PATH)
            self._started.set()
            await self._stop.wait()
        finally:
            await runner.cleanup()

    def serve_forever(self) -> None:
        """Blocking: serve in this thread until interrupted."""
        try:
            asyncio.run(self.serve())
        finally:
            self._pool.shutdown(wait=True)

    def start(self, timeout: float = 30.0) -> SlackHttpServer:
        """Serve in a background thread; returns once the port is bound."""

        def run() -> None:
            try:
                asyncio.run(self.serve())
            except BaseException as exc:  # reported to start()
                self._error = exc
                self._started.set()

        self._thread = threading.Thread(target=run, name="levier-http", daemon=True)
        self._thread.start()
        if not self._started.wait(timeout):
            raise RuntimeError("the Slack HTTP server did not start")
        if self._error is not None:
            raise RuntimeError("the Slack HTTP server failed to start") from self._error
        return self

    def stop(self) -> None:
        if self._loop is not None and self._stop is not None and not self._loop.is_closed():
            with contextlib.suppress(RuntimeError):  # the loop may have stopped already
                self._loop.call_soon_threadsafe(self._stop.set)
        if self._thread is not None:
            self._thread.join(timeout=30)
            self._thread = None
        self._pool.shutdown(wait=True)
