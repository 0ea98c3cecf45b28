"""A small language guess for the Slack app's own strings (status, errors, acks).

The engine decides the answer's language itself; this only picks the words of the interface:
the question's language when it is clear, otherwise the user's Slack locale, otherwise English.
"""

from __future__ import annotations

import re

from bot.models import Language

_FR_WORDS = (
    "le la les des une un pour quelle quel quels quelles comment marque lancement est et du "
    "avec sur je nous vous qu'est-ce qu'est c'est peux pouvez fais faire donne moi mon ma mes "
    "idée idées plan campagne cible marché budget pas plus moins aussi mais ou où quoi"
)
_EN_WORDS = (
    "the a an for what how brand launch is and with on i we you can could make give me my idea "
    "ideas plan campaign target market budget not more less also but or where which please "
    "explain about"
)
_FR = frozenset(_FR_WORDS.split())
_EN = frozenset(_EN_WORDS.split())
_WORD_RE = re.compile(r"[\w'’-]+", re.UNICODE)


def guess_language(text: str, fallback: Language | None = None) -> Language:
    words = [w.lower().replace("’", "'") for w in _WORD_RE.findall(text)]
    fr = sum(w in _FR for w in words) + sum(text.count(c) for c in "éèêàçùâôî")
    en = sum(w in _EN for w in words)
    if fr == en:
        return fallback or "en"
    return "fr" if fr > en else "en"


def locale_language(locale: str | None) -> Language | None:
    if not locale:
        return None
    return "fr" if locale.lower().startswith("fr") else "en"
