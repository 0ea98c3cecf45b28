"""The assistant surface (Slack's AI-app split view): greeting, suggested prompts by role,
a status while working, thread titles; user messages go through the common pipeline."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, Assistant
from slack_bolt.context.assistant.thread_context import AssistantThreadContext
from slack_bolt.context.assistant.thread_context_store.store import AssistantThreadContextStore

from bot.slack.context import Job, SlackContext
from bot.slack.events import strip_bot_mention
from bot.slack.strings import s

ROLES = ("strategist", "creative", "junior")


class _NoThreadContextStore(AssistantThreadContextStore):
    """Levier answers with the access of the DM itself, so the viewed channel is not kept."""

    def save(self, *, channel_id: str, thread_ts: str, context: dict[str, str]) -> None:
        return None

    def find(self, *, channel_id: str, thread_ts: str) -> AssistantThreadContext | None:
        return None


def suggested_prompts(lang: str) -> list[dict[str, str]]:
    return [
        {"title": s(f"p.{role}.title", lang), "message": s(f"p.{role}.msg", lang)} for role in ROLES
    ]


def greet(ctx: SlackContext, channel_id: str, thread_ts: str, user_id: str | None) -> None:
    lang = ctx.locale_language(user_id) or "en"
    ctx.client.chat_postMessage(
        channel=channel_id, thread_ts=thread_ts, text=s("assistant.greeting", lang)
    )
    ctx.client.assistant_threads_setSuggestedPrompts(
        channel_id=channel_id,
        thread_ts=thread_ts,
        title=s("prompts.title", lang),
        prompts=suggested_prompts(lang),
    )


def build_assistant(ctx: SlackContext) -> Assistant:
    assistant = Assistant(thread_context_store=_NoThreadContextStore())

    @assistant.thread_started
    def started(event: dict[str, Any]) -> None:
        thread = event.get("assistant_thread") or {}
        ctx.quick(
            greet,
            ctx,
            str(thread.get("channel_id")),
            str(thread.get("thread_ts")),
            thread.get("user_id"),
        )

    @assistant.thread_context_changed
    def context_changed() -> None:
        return None

    @assistant.user_message
    def user_message(event: dict[str, Any], body: dict[str, Any]) -> None:
        ts = str(event.get("ts") or "")
        ctx.submit(
            Job(
                surface="assistant",
                channel=str(event.get("channel")),
                text=strip_bot_mention(str(event.get("text") or ""), ctx.bot_user_id),
                user=event.get("user"),
                team=body.get("team_id"),
                user_team=event.get("user_team"),
                message_ts=ts,
                thread_ts=str(event.get("thread_ts") or ts),
                id=str(body.get("event_id") or ""),
                external=bool(body.get("is_ext_shared_channel")),
            )
        )

    return assistant


def register(app: App, ctx: SlackContext) -> None:
    app.assistant(build_assistant(ctx))
