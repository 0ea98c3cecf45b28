"""The Slack app's interface strings: they live in `bot.i18n` with every other message.

`s(key, lang, **kw)` never raises: a missing French string falls back to English, a missing key
to the key itself.
"""

from __future__ import annotations

from typing import Any

from bot.i18n import t


def s(key: str, lang: str, **kw: Any) -> str:
    """The string `key` in `lang` ("en" or "fr"), formatted with `kw`."""
    return t(key, "fr" if lang == "fr" else "en", **kw)
