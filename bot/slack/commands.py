"""`/levier brief | idea <topic> | learn <concept> | help` (any other text is a question)."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App

from bot.models import Language, Mode
from bot.slack import render
from bot.slack.context import Job, SlackContext
from bot.slack.lang import guess_language
from bot.slack.strings import s
from bot.slack.ui import brief_modal

EXAMPLES = {"idea": "Gen Z and banking", "learn": "newsjacking"}


def parse_command(text: str) -> tuple[str, str]:
    """('brief' | 'idea' | 'learn' | 'help' | 'ask', the rest)."""
    head, _, rest = text.strip().partition(" ")
    sub = head.lower()
    aliases = {
        "idée": "idea",
        "idee": "idea",
        "ideas": "idea",
        "apprendre": "learn",
        "aide": "help",
        "?": "help",
    }
    sub = aliases.get(sub, sub)
    if sub in ("brief", "idea", "learn", "help"):
        return sub, rest.strip()
    if not sub:
        return "help", ""
    return "ask", text.strip()


def open_brief(
    ctx: SlackContext, trigger_id: str, channel: str, lang: Language, response_url: str | None
) -> None:
    ctx.client.views_open(trigger_id=trigger_id, view=brief_modal(channel, lang, response_url))


def register(app: App, ctx: SlackContext) -> None:
    @app.command("/levier")
    def levier(ack: Ack, command: dict[str, Any]) -> None:
        text = str(command.get("text") or "")
        user = command.get("user_id")
        sub, rest = parse_command(text)
        lang = guess_language(rest or text, ctx.cached_locale_language(user))
        if sub == "help":
            ack(text=s("help", lang), response_type="ephemeral")
            return
        if sub == "brief":
            ack()
            ctx.quick(
                open_brief,
                ctx,
                str(command.get("trigger_id")),
                str(command.get("channel_id")),
                lang,
                command.get("response_url"),
            )
            return
        if sub in ("idea", "learn") and not rest:
            ack(
                text=s("cmd.missing_topic", lang, sub=sub, example=EXAMPLES[sub]),
                response_type="ephemeral",
            )
            return
        ack(text=s("working", lang), response_type="ephemeral")
        mode: Mode | None = "idea" if sub == "idea" else "learn" if sub == "learn" else None
        question = rest if sub != "ask" else text.strip()
        shown = render.escape(render.defang(f"/levier {text.strip()}"))
        ctx.submit(
            Job(
                surface="command",
                channel=str(command.get("channel_id")),
                text=question,
                user=user,
                team=command.get("team_id"),
                user_team=command.get("user_team_id") or command.get("team_id"),
                mode=mode,
                placeholder=s("cmd.asked", lang, user=user, question=shown),
                response_url=command.get("response_url"),
                language=lang,
            )
        )
