"""The Slack app's interface strings: they live in `bot.i18n` with every other message.

`s(key, lang, **kw)` never raises: a missing French string falls back to English, a missing key
to the key itself.
"""

from __future__ import annotations

from typing import Any

from bot.i18n import t

# Strings of the durable-question work (issue 12), kept here until bot.i18n takes them.
LOCAL: dict[str, dict[str, str]] = {
    "job.too_old": {
        "en": "Sorry, I was restarted while working on this question and it is too old now. "
        "Please ask it again.",
        "fr": "Désolé, j'ai redémarré pendant que je traitais cette question et elle est trop "
        "ancienne maintenant. Posez-la à nouveau, s'il vous plaît.",
    },
}


def s(key: str, lang: str, **kw: Any) -> str:
    """The string `key` in `lang` ("en" or "fr"), formatted with `kw`."""
    code = "fr" if lang == "fr" else "en"
    local = LOCAL.get(key)
    if local is not None:
        return (local.get(code) or local["en"]).format(**kw)
    return t(key, code, **kw)
