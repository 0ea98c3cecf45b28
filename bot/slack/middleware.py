"""Levier's one global middleware: drop what is not for us before any listener runs.

* events from bots, the bot itself included (`bot_id`, `subtype: bot_message`), and message
  edits/deletions and other subtypes: acknowledged and ignored;
* Slack retries (`X-Slack-Retry-Num`, or a redelivery after a restart): an event whose question
  is already answered (its job finished), or a non-question event already handled, is
  acknowledged without running anything. An event whose job is *unfinished* goes through: the
  listener schedules the job again (a claim in the store keeps it to one answer). An event is
  recorded as handled only after its listener ran (the listener persisted its job), so a crash
  in between never turns a redelivery into a silent drop.

It is scoped to Levier's own concern, Events API callbacks: it reads the raw body only, never
builds bolt's listener arguments (`build_required_kwargs` parses every payload shape, and a
truncated `workflow_step` payload made it raise: HTTP 500), and passes anything else through
untouched.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.middleware import Middleware

from bot.slack.context import SlackContext

# Message subtypes that carry a person's new question; everything else (edits, deletions,
# joins, bot messages, channel topic changes…) is ignored.
ANSWERABLE_SUBTYPES = frozenset({None, "file_share", "thread_broadcast"})


def is_from_bot(event: dict[str, Any], bot_user_id: str | None) -> bool:
    if event.get("bot_id") or event.get("bot_profile"):
        return True
    if event.get("subtype") == "bot_message":
        return True
    user = event.get("user")
    return bool(bot_user_id and user == bot_user_id)


def should_ignore(event: dict[str, Any], bot_user_id: str | None) -> bool:
    kind = event.get("type")
    if kind in ("message", "app_mention"):
        if is_from_bot(event, bot_user_id):
            return True
        return event.get("subtype") not in ANSWERABLE_SUBTYPES
    return False


class EventGate(Middleware):
    """Bots, edits and duplicates out (see the module docstring); other requests untouched."""

    def __init__(self, ctx: SlackContext) -> None:
        self.ctx = ctx

    def process(
        self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]
    ) -> BoltResponse:
        body = req.body if isinstance(req.body, dict) else {}
        if body.get("type") != "event_callback":
            return next()
        event = body.get("event")
        if not isinstance(event, dict):
            return next()
        if should_ignore(event, self.ctx.bot_user_id):
            return BoltResponse(status=200, body="")
        event_id = body.get("event_id")
        if not isinstance(event_id, str) or not event_id:
            return next()
        store = self.ctx.store
        status = store.job_status(event_id)
        if status is None and store.seen(event_id):
            return BoltResponse(status=200, body="")  # a handled event that asked nothing
        if status is not None and status not in ("queued", "running"):
            return BoltResponse(status=200, body="")  # answered (or abandoned) already
        result = next()
        store.mark_seen(event_id)
        return result


def register(app: App, ctx: SlackContext) -> None:
    app.use(EventGate(ctx))
