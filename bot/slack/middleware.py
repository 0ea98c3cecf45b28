"""Global middleware: drop what is not for us before any listener runs.

* events from bots, the bot itself included (`bot_id`, `subtype: bot_message`), and message
  edits/deletions and other subtypes: acknowledged and ignored;
* Slack retries (`X-Slack-Retry-Num`, or a redelivery after a restart): the event id is recorded
  in SQLite on first sight, and a second delivery is acknowledged without running anything.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import App, BoltResponse

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


def register(app: App, ctx: SlackContext) -> None:
    @app.middleware
    def drop_bots_and_retries(body: dict[str, Any], next: Callable[[], Any]) -> Any:
        if body.get("type") == "event_callback":
            event = body.get("event") or {}
            if should_ignore(event, ctx.bot_user_id):
                return BoltResponse(status=200, body="")
            event_id = body.get("event_id")
            if event_id and not ctx.store.first_time(str(event_id)):
                return BoltResponse(status=200, body="")
        return next()
