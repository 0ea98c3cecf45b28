"""Offline, rule-based brief understanding (FR/EN): `parse_brief`, `detect_language`,
`clarifying_question`, `is_follow_up`."""

from bot.brief.followup import is_follow_up
from bot.brief.language import detect_language
from bot.brief.parse import parse_brief
from bot.brief.question import clarifying_question

__all__ = ["clarifying_question", "detect_language", "is_follow_up", "parse_brief"]
