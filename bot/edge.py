"""Text at the edges: what comes in is cleaned once, what goes out can notify nobody.

* `clean_input`: lone surrogates (a Slack payload's `"\\ud800"`, a terminal's undecodable
  argv bytes) become U+FFFD and NUL characters are dropped, so nothing downstream (SQLite, JSON,
  the terminal) fails on them;
* `read_text`: bytes read from stdin decoded as UTF-8, or `InvalidInput` with a friendly
  message (never a traceback);
* `safe_output`: every mention syntax neutralised (`<!channel>`, `<@U…>`, `@here`…), for the
  terminal and `ask --json` as for Slack: an answer copied from there into Slack pings nobody.
"""

from __future__ import annotations

import re
from typing import Any

_SURROGATES = re.compile("[\ud800-\udfff]")


class InvalidInput(ValueError):
    """Input that cannot be read as text; `str(exc)` is a message for the user."""


def clean_input(text: str) -> str:
    return _SURROGATES.sub("\ufffd", text).replace("\x00", "")


def read_text(data: bytes) -> str:
    try:
        return clean_input(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise InvalidInput(
            f"the input is not valid UTF-8 text (byte {exc.start}); save it as UTF-8 and retry"
        ) from None


def safe_output(text: str) -> str:
    from bot.slack.render import defang

    return defang(text)


def safe_json(value: Any) -> Any:
    """`safe_output` on every string of a JSON-like value."""
    if isinstance(value, str):
        return safe_output(value)
    if isinstance(value, list):
        return [safe_json(v) for v in value]
    if isinstance(value, dict):
        return {k: safe_json(v) for k, v in value.items()}
    return value
