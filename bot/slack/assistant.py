"""The assistant surface (Slack's AI-app split view): greeting, suggested prompts by role,
a status while working, thread titles; user messages go through the common pipeline."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import App, Assistant, BoltRequest, BoltResponse
from slack_bolt.context.assistant.thread_context import AssistantThreadContext
from slack_bolt.context.assistant.thread_context_store.store import AssistantThreadContextStore
from slack_bolt.middleware import Middleware

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


ASSISTANT_EVENTS = frozenset(
    {"assistant_thread_started", "assistant_thread_context_changed", "message"}
)


class ScopedAssistant(Middleware):
    """bolt's `Assistant`, reached only by the events it serves.

    bolt runs an `Assistant` as a global middleware whose matchers build every listener
    argument for every request; a truncated `workflow_step` payload then raised and Slack got
    an HTTP 500. Scoped to well-formed Events API callbacks of its kinds, it never sees one.
    """

    def __init__(self, inner: Assistant) -> None:
        self.inner = inner

    def process(
        self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]
    ) -> BoltResponse | None:
        body = req.body if isinstance(req.body, dict) else {}
        event = body.get("event")
        if (
            body.get("type") == "event_callback"
            and isinstance(event, dict)
            and event.get("type") in ASSISTANT_EVENTS
        ):
            result: BoltResponse | None = self.inner.process(req=req, resp=resp, next=next)
            return result
        return next()


def register(app: App, ctx: SlackContext) -> None:
    app.use(ScopedAssistant(build_assistant(ctx)))
