"""Levier's one global middleware: drop what is not for us before any listener runs.

* events from bots, the bot itself included (`bot_id`, `subtype: bot_message`), and message
  edits/deletions and other subtypes: acknowledged and ignored;
* Slack retries (`X-Slack-Retry-Num`, or a redelivery after a restart): an event whose question
  is already answered (its job finished), or a non-question event already handled, is
  acknowledged without running anything. An event whose job is *unfinished* goes through: the
  listener schedules the job again (a claim in the store keeps it to one answer). An event is
  recorded as handled only after its listener ran (the listener persisted its job), so a crash
  in between never turns a redelivery into a silent drop.

Before it, `LevierScope` lets through only requests for Levier's own listeners (its events,
`/levier`, its buttons and its modals) whose payload bolt can read: bolt's listener matchers
build every listener argument for every request (`build_required_kwargs`), so a truncated
`workflow_step` payload, say, made a matcher raise and Slack got an HTTP 500. Anything else is
answered like bolt answers an unhandled request (404), a malformed payload of ours with 400.
Both read the raw body only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.middleware import Middleware
from slack_bolt.request import payload_utils

from bot.slack.context import SlackContext
from bot.slack.render import FEEDBACK_DOWN, FEEDBACK_UP
from bot.slack.ui import BRIEF_VIEW, FEEDBACK_VIEW

OWN_EVENTS = frozenset(
    {
        "app_mention",
        "message",
        "assistant_thread_started",
        "assistant_thread_context_changed",
        "channel_shared",
        "channel_unshared",
        "subteam_updated",
        "subteam_members_changed",
    }
)
OWN_COMMANDS = frozenset({"/levier"})
OWN_ACTIONS = frozenset({FEEDBACK_UP, FEEDBACK_DOWN})
OWN_VIEWS = frozenset({BRIEF_VIEW, FEEDBACK_VIEW})
_ARGUMENT_BUILDERS = (
    payload_utils.to_options,
    payload_utils.to_shortcut,
    payload_utils.to_action,
    payload_utils.to_view,
    payload_utils.to_command,
    payload_utils.to_event,
    payload_utils.to_message,
    payload_utils.to_step,
)


def is_own_request(body: dict[str, Any]) -> bool:
    """Whether `body` is for one of Levier's listeners."""
    kind = body.get("type")
    if kind == "event_callback":
        event = body.get("event")
        return isinstance(event, dict) and event.get("type") in OWN_EVENTS
    if "command" in body and kind is None:
        return body.get("command") in OWN_COMMANDS
    if kind == "block_actions":
        actions = body.get("actions")
        return (
            isinstance(actions, list)
            and bool(actions)
            and all(isinstance(a, dict) and a.get("action_id") in OWN_ACTIONS for a in actions)
        )
    if kind in ("view_submission", "view_closed"):
        view = body.get("view")
        return isinstance(view, dict) and view.get("callback_id") in OWN_VIEWS
    return False


def readable_by_bolt(body: dict[str, Any]) -> bool:
    """Whether bolt can build its listener arguments from `body` without raising."""
    try:
        for build in _ARGUMENT_BUILDERS:
            build(body)
    except Exception:
        return False
    return True


class LevierScope(Middleware):
    """Only Levier's own, readable requests reach bolt's listeners (see the module docstring).

    While a request of ours is being handled (until its ack), workers start no new answer:
    acks come first (`SlackContext.dispatching`)."""

    def __init__(self, ctx: SlackContext) -> None:
        self.ctx = ctx

    def process(
        self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]
    ) -> BoltResponse:
        body = req.body if isinstance(req.body, dict) else {}
        if not is_own_request(body):
            return BoltResponse(status=404, body={"error": "unhandled request"})
        if not readable_by_bolt(body):
            return BoltResponse(status=400, body={"error": "malformed payload"})
        with self.ctx.dispatching():
            return next()


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
        status, seen = store.event_state(event_id)
        if status is None and seen:
            return BoltResponse(status=200, body="")  # a handled event that asked nothing
        if status is not None and status not in ("queued", "running"):
            return BoltResponse(status=200, body="")  # answered (or abandoned) already
        result = next()
        if result is None or result.status < 400:  # a failed listener: let Slack retry
            store.mark_seen(event_id)
        return result


def register(app: App, ctx: SlackContext) -> None:
    app.use(LevierScope(ctx))
    app.use(EventGate(ctx))
