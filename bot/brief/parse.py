"""Rule-based brief understanding (placeholder: being replaced by the full parser)."""

from __future__ import annotations

import datetime as dt

from bot.models import Brief, Language

_FR_HINTS = {"le", "la", "les", "des", "une", "pour", "quelle", "quel", "comment", "marque",
             "lancement", "est", "et", "en", "du", "avec", "sur", "je", "nous", "qu'est-ce"}


def detect_language(text: str, fallback: Language | None = None) -> Language:
    words = {w.strip(".,;:!?'\"()").lower() for w in text.split()}
    fr = len(words & _FR_HINTS) + sum(text.count(c) for c in "éèêàçù")
    en = len(words & {"the", "a", "for", "what", "how", "brand", "launch", "is", "and", "with"})
    if fr == en == 0:
        return fallback or "en"
    return "fr" if fr > en else "en"


def parse_brief(
    text: str,
    *,
    fallback_language: Language | None = None,
    previous: Brief | None = None,
    today: dt.date | None = None,
) -> Brief:
    return Brief(language=detect_language(text, fallback_language))
