"""Button clicks: 👍/👎 on an answer (stored at once), then an optional comment modal.

One vote per person per answer: clicking again replaces the vote (the last wins); the comment
modal opens for a new or changed vote only."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App

from bot.models import Language
from bot.slack.context import SlackContext
from bot.slack.render import FEEDBACK_DOWN, FEEDBACK_UP
from bot.slack.ui import feedback_modal


def record_feedback(
    ctx: SlackContext, answer_id: str, user: str | None, vote: int, trigger_id: str | None
) -> None:
    """Store the vote now, in the order the clicks arrive (a local write: the last click wins
    even when workers are busy); only the comment modal, a Slack call, goes to a worker."""
    found = ctx.store.answer(answer_id)
    lang: Language = "fr" if found and found.get("language") == "fr" else "en"
    feedback_id, changed = ctx.store.add_feedback(answer_id, user, vote)
    if trigger_id and changed:
        ctx.quick(_open_modal, ctx, trigger_id, feedback_id, lang)


def _open_modal(ctx: SlackContext, trigger_id: str, feedback_id: int, lang: Language) -> None:
    ctx.client.views_open(trigger_id=trigger_id, view=feedback_modal(feedback_id, lang))


def register(app: App, ctx: SlackContext) -> None:
    def on_vote(ack: Ack, body: dict[str, Any], action: dict[str, Any]) -> None:
        ack()
        vote = 1 if action.get("action_id") == FEEDBACK_UP else -1
        record_feedback(
            ctx,
            str(action.get("value") or ""),
            (body.get("user") or {}).get("id"),
            vote,
            body.get("trigger_id"),
        )

    app.action(FEEDBACK_UP)(on_vote)
    app.action(FEEDBACK_DOWN)(on_vote)
