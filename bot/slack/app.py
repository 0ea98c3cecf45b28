"""Build the Slack app (`create_app`) and run it (`run_slack`): Socket Mode or HTTP.

Slack in → a `Request` → `advise()` → a reply rendered back. Every kind of listener lives in its
own module with a `register(app, ctx)`; they share a `SlackContext` (pipeline, pools, store).
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from typing import Any

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler

from bot.advise import advise
from bot.deps import Deps
from bot.errors import ConfigError
from bot.settings import Settings
from bot.slack import actions, assistant, commands, events, middleware, views
from bot.slack.context import AdviseFn, SlackContext
from bot.slack.socket_mode import AckFirstSocketModeHandler, replay_inbox
from bot.slack.store import SlackStore

log = logging.getLogger("levier.slack")

DB_NAME = "levier.db"
# slack_sdk and bolt log request and response bodies (message text) at DEBUG: never below INFO.
QUIET_LOGGERS = ("slack_sdk", "slack_bolt", "levier.slack.bolt")


def _quiet_sdk_loggers() -> None:
    for name in QUIET_LOGGERS:
        logger = logging.getLogger(name)
        if logger.getEffectiveLevel() < logging.INFO:
            logger.setLevel(logging.INFO)


class LevierApp(App):
    """A bolt `App` that owns its `SlackContext` (pools, store) and can be closed."""

    ctx: SlackContext

    def close(self) -> None:
        self.ctx.close()


def make_client(settings: Settings) -> WebClient:
    if settings.slack_bot_token is None:
        raise ConfigError("SLACK_BOT_TOKEN is not set")
    client = WebClient(
        token=settings.slack_bot_token.get_secret_value(),
        base_url=settings.slack_api_url,
        timeout=30,
    )
    # Connection errors are retried by default; also wait and retry when Slack says 429.
    client.retry_handlers.append(RateLimitErrorRetryHandler(max_retry_count=2))
    return client


def create_app(
    settings: Settings,
    deps: Deps,
    *,
    advise_fn: AdviseFn = advise,
    client: WebClient | None = None,
    store: SlackStore | None = None,
) -> LevierApp:
    """The bolt app with every listener registered. Close it with `app.close()`."""
    _quiet_sdk_loggers()
    signing_secret = (
        settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else ""
    )
    if settings.slack_mode == "http" and not signing_secret:
        raise ConfigError("SLACK_SIGNING_SECRET is required in HTTP mode")
    client = client or make_client(settings)
    auth = client.auth_test()  # the bot's own user id (to ignore itself) and its workspace
    app = LevierApp(
        client=client,
        signing_secret=signing_secret or "unused-in-socket-mode",
        # Listeners only persist a job and hand it to the workers (milliseconds): with this,
        # Slack's ack leaves only once the question is safely in the store.
        process_before_response=True,
        ignoring_self_events_enabled=True,
        # bolt checks the token now (one more auth.test) rather than on the first request,
        # which keeps a network call out of the first ack.
        token_verification_enabled=True,
        logger=logging.getLogger("levier.slack.bolt"),
    )
    ctx = SlackContext(
        settings,
        deps,
        client,
        advise_fn=advise_fn,
        store=store or SlackStore(settings.data_dir / DB_NAME),
        bot_user_id=auth.get("user_id"),
        team_id=auth.get("team_id"),
    )
    app.ctx = ctx
    middleware.register(app, ctx)
    assistant.register(app, ctx)
    events.register(app, ctx)
    commands.register(app, ctx)
    actions.register(app, ctx)
    views.register(app, ctx)
    replay_inbox(app, ctx)  # questions a previous run saved and acked, but never dispatched
    ctx.resume()  # questions a previous run accepted but never answered
    return app


def warm_embedder(deps: Deps) -> None:
    """Load the embedding weights once, before the first event (not in a worker, not N times)."""
    retriever = getattr(deps, "retriever", None)
    embeddings = getattr(getattr(retriever, "store", None), "embeddings", None)
    warm = getattr(embeddings, "warm", None)
    if callable(warm):
        started = time.monotonic()
        try:
            warm()
        except Exception as exc:  # the first answer will report the problem
            log.warning("embedding warm-up failed: %s", type(exc).__name__)
        else:
            log.info("embedding model loaded in %.1f s", time.monotonic() - started)


class _Stop(Exception):
    """SIGTERM: leave the serving loop like Ctrl-C does."""


def _on_sigterm(signum: int, frame: Any) -> None:
    raise _Stop()


def run_slack(settings: Settings, *, deps: Deps | None = None, **kw: Any) -> int:
    """Run until interrupted: Socket Mode by default, the HTTP Events API when configured."""
    if deps is None:
        from bot.deps import build_deps

        deps = build_deps(settings)
    warm_embedder(deps)
    main = threading.current_thread() is threading.main_thread()  # signals: main thread only
    previous_term = signal.signal(signal.SIGTERM, _on_sigterm) if main else None
    app: LevierApp | None = None
    try:
        app = create_app(settings, deps, **kw)
        if settings.slack_mode == "http":
            from bot.slack.http import SlackHttpServer

            try:
                SlackHttpServer(app, port=settings.slack_port).serve_forever()
            finally:
                app.ctx.stop_taking_work()
        else:
            if settings.slack_app_token is None:
                raise ConfigError("SLACK_APP_TOKEN is required in Socket Mode")
            handler = AckFirstSocketModeHandler(
                app, app.ctx, settings.slack_app_token.get_secret_value()
            )
            log.info("Levier is connecting to Slack (Socket Mode)")
            try:
                handler.start()  # type: ignore[no-untyped-call]
            finally:
                app.ctx.stop_taking_work()  # at once: closing the connection takes a moment
                handler.close()  # type: ignore[no-untyped-call]
    except (KeyboardInterrupt, _Stop):
        if app is None:
            raise
        log.info("Levier is stopping: finishing the answers in progress")
    finally:
        try:
            if app is not None:
                if main:  # Ctrl-C again or SIGTERM while draining: keep draining (bounded)
                    signal.signal(signal.SIGINT, signal.SIG_IGN)
                    signal.signal(signal.SIGTERM, signal.SIG_IGN)
                app.close()
                log.info("Levier stopped")
        finally:
            if main:
                signal.signal(signal.SIGINT, signal.default_int_handler)
                signal.signal(
                    signal.SIGTERM, previous_term if previous_term is not None else signal.SIG_DFL
                )
    return 0
