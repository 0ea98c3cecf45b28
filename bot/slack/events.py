"""Mentions in channels, direct messages, and follow-ups in threads the bot already answered."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import App

from bot.slack.context import Job, SlackContext
from bot.slack.middleware import should_ignore

_MENTION_RE = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")


def strip_bot_mention(text: str, bot_user_id: str | None) -> str:
    if bot_user_id:
        text = re.sub(rf"<@{re.escape(bot_user_id)}(?:\|[^>]*)?>", " ", text)
    return re.sub(r"[ \t]+", " ", text).strip()


def mentions_bot(text: str, bot_user_id: str | None) -> bool:
    return bool(bot_user_id) and any(m == bot_user_id for m in _MENTION_RE.findall(text))


def may_be_question(body: dict[str, Any], bot_user_id: str | None) -> bool:
    """Whether a listener below may turn this event into a job: a mention, a direct message,
    or a reply in a thread without a mention (bolt checks whether the thread is the bot's)."""
    event = body.get("event")
    if body.get("type") != "event_callback" or not isinstance(event, dict):
        return False
    if should_ignore(event, bot_user_id):
        return False
    if event.get("type") == "app_mention":
        return True
    if event.get("type") != "message":
        return False
    if event.get("channel_type") == "im":
        return True
    return bool(event.get("thread_ts")) and not mentions_bot(
        str(event.get("text") or ""), bot_user_id
    )


def job_from_event(
    event: dict[str, Any], body: dict[str, Any], ctx: SlackContext, surface: Any
) -> Job:
    ts = str(event.get("ts") or "")
    return Job(
        surface=surface,
        channel=str(event.get("channel")),
        text=strip_bot_mention(str(event.get("text") or ""), ctx.bot_user_id),
        user=event.get("user"),
        team=body.get("team_id") or event.get("team"),
        user_team=event.get("user_team"),
        message_ts=ts,
        thread_ts=str(event.get("thread_ts") or ts),
        id=str(body.get("event_id") or ""),
        external=bool(body.get("is_ext_shared_channel")),
    )


ACCESS_EVENTS = ("channel_shared", "channel_unshared", "subteam_updated", "subteam_members_changed")


def register(app: App, ctx: SlackContext) -> None:
    # Access changes: the caches of channel sharing and group membership are dropped at once.
    @app.event("channel_shared")
    def on_channel_shared(event: dict[str, Any]) -> None:
        ctx.channel_changed(event.get("channel"), shared=True)

    @app.event("channel_unshared")
    def on_channel_unshared(event: dict[str, Any]) -> None:
        ctx.channel_changed(event.get("channel"), shared=bool(event.get("is_ext_shared")))

    @app.event("subteam_updated")
    def on_subteam_updated() -> None:
        ctx.groups_changed()

    @app.event("subteam_members_changed")
    def on_subteam_members_changed() -> None:
        ctx.groups_changed()

    @app.event("app_mention")
    def on_mention(event: dict[str, Any], body: dict[str, Any]) -> None:
        ctx.submit(job_from_event(event, body, ctx, "mention"))

    @app.event("message")
    def on_message(event: dict[str, Any], body: dict[str, Any]) -> None:
        # The middleware already dropped bots, edits and other subtypes.
        channel = str(event.get("channel") or "")
        text = str(event.get("text") or "")
        if event.get("channel_type") == "im":
            # (Replies inside a DM thread reach the assistant listener instead.)
            ctx.submit(job_from_event(event, body, ctx, "dm"))
            return
        thread_ts = event.get("thread_ts")
        if not thread_ts or mentions_bot(text, ctx.bot_user_id):
            return  # not in a thread, or the app_mention listener answers it
        if ctx.store.is_bot_thread(channel, str(thread_ts)):
            ctx.submit(job_from_event(event, body, ctx, "thread"))
