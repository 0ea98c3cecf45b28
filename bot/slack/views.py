"""Modal submissions: the brief form (→ a strategy card in the channel) and feedback comments."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App

from bot.slack.context import Job, SlackContext
from bot.slack.render import escape
from bot.slack.strings import s
from bot.slack.ui import (
    BRIEF_VIEW,
    FEEDBACK_VIEW,
    brief_from_view,
    card_title,
    comment_from_view,
    response_url_of,
)


def register(app: App, ctx: SlackContext) -> None:
    @app.view(BRIEF_VIEW)
    def on_brief(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> None:
        channel, brief, text, lang = brief_from_view(view)
        if not brief.objectives:
            ack(response_action="errors", errors={"objective": s("brief.objective_required", lang)})
            return
        ack()
        user = (body.get("user") or {}).get("id")
        client = escape(brief.client) if brief.client else s("brief.nobody", lang)
        ctx.submit(
            Job(
                surface="brief",
                channel=channel,
                text=text,
                user=user,
                team=(body.get("team") or {}).get("id"),
                mode="strategy",
                brief=brief,
                card_title=card_title(brief, lang),
                placeholder=s("brief.working", lang, user=user, client=client),
                replace_placeholder=True,
                response_url=response_url_of(view),
                language=lang,
            )
        )

    @app.view(FEEDBACK_VIEW)
    def on_comment(ack: Ack, view: dict[str, Any]) -> None:
        # A local SQLite write (milliseconds): done before the ack so the modal closes on it.
        feedback_id, comment = comment_from_view(view)
        if feedback_id and comment:
            ctx.store.add_comment(feedback_id, comment)
        ack()
