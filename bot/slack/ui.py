"""Modal views, as pure functions: the brief form and the feedback comment."""

from __future__ import annotations

import json
import re
from typing import Any

from bot.i18n import label
from bot.knowledge import vocab
from bot.models import Brief, Budget, Language, Timing
from bot.slack.render import Block, plain
from bot.slack.strings import s

BRIEF_VIEW = "levier_brief"
FEEDBACK_VIEW = "levier_feedback_comment"
MAX_OPTIONS = 100


def _option(kind: str, code: str, lang: str) -> dict[str, Any]:
    return {"text": {"type": "plain_text", "text": label(kind, code, lang)[:75]}, "value": code}


def _text_input(
    block_id: str, title: str, *, multiline: bool = False, optional: bool = True
) -> Block:
    return {
        "type": "input",
        "block_id": block_id,
        "optional": optional,
        "label": {"type": "plain_text", "text": title},
        "element": {
            "type": "plain_text_input",
            "action_id": "value",
            "multiline": multiline,
            "max_length": 2000,
        },
    }


def _select(
    block_id: str,
    title: str,
    kind: str,
    codes: tuple[str, ...],
    lang: str,
    *,
    multi: bool = False,
    optional: bool = True,
) -> Block:
    return {
        "type": "input",
        "block_id": block_id,
        "optional": optional,
        "label": {"type": "plain_text", "text": title},
        "element": {
            "type": "multi_static_select" if multi else "static_select",
            "action_id": "value",
            "options": [_option(kind, code, lang) for code in codes[:MAX_OPTIONS]],
        },
    }


def brief_modal(channel: str, lang: Language, response_url: str | None = None) -> dict[str, Any]:
    """The `/levier brief` form; where to answer travels in private_metadata (the channel, and
    the command's response_url for channels the bot is not a member of)."""
    return {
        "type": "modal",
        "callback_id": BRIEF_VIEW,
        "private_metadata": json.dumps(
            {"channel": channel, "lang": lang, "response_url": response_url}
        ),
        "title": {"type": "plain_text", "text": s("brief.title", lang)},
        "submit": {"type": "plain_text", "text": s("brief.submit", lang)},
        "close": {"type": "plain_text", "text": s("cancel", lang)},
        "blocks": [
            _text_input("client", s("brief.client", lang)),
            _select("market", s("brief.market", lang), "market", vocab.MARKETS, lang, multi=True),
            _select("sector", s("brief.sector", lang), "sector", vocab.SECTORS, lang),
            _select(
                "objective",
                s("brief.objective", lang),
                "objective",
                vocab.OBJECTIVES,
                lang,
                multi=True,
                optional=False,
            ),
            _text_input("audience", s("brief.audience", lang)),
            _text_input("budget", s("brief.budget", lang)),
            _text_input("timing", s("brief.timing", lang)),
            _text_input("constraints", s("brief.constraints", lang), multiline=True),
        ],
    }


def _value(values: dict[str, Any], block_id: str) -> Any:
    element = (values.get(block_id) or {}).get("value") or {}
    kind = element.get("type")
    if kind == "static_select":
        selected = element.get("selected_option")
        return selected.get("value") if selected else None
    if kind == "multi_static_select":
        return [o.get("value") for o in element.get("selected_options") or []]
    text = element.get("value")
    return text.strip() if isinstance(text, str) and text.strip() else None


_CURRENCIES = {
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "$": "USD",
    "usd": "USD",
    "£": "GBP",
    "gbp": "GBP",
    "chf": "CHF",
}
_BUDGET_RE = re.compile(
    r"(?P<cur1>[€$£])?\s*(?P<num>\d+(?:[.,\s]\d{3})*(?:[.,]\d+)?)\s*(?P<k>k|m|K|M)?\s*"
    r"(?P<cur2>€|\$|£|eur|euros?|usd|gbp|chf)?",
    re.IGNORECASE,
)


def parse_budget(text: str | None) -> Budget | None:
    if not text:
        return None
    m = _BUDGET_RE.search(text)
    if not m:
        return None
    raw = m.group("num").replace(" ", "").replace("\u202f", "")
    if "," in raw and "." not in raw and len(raw.split(",")[-1]) != 3:
        raw = raw.replace(",", ".")
    raw = raw.replace(",", "")
    try:
        amount = float(raw)
    except ValueError:
        return None
    amount *= {"k": 1e3, "m": 1e6}.get((m.group("k") or "").lower(), 1.0)
    cur = (m.group("cur1") or m.group("cur2") or "€").lower()
    return Budget(amount=amount, currency=_CURRENCIES.get(cur, "EUR"))


def response_url_of(view: dict[str, Any]) -> str | None:
    url = json.loads(view.get("private_metadata") or "{}").get("response_url")
    return str(url) if url else None


def brief_from_view(view: dict[str, Any]) -> tuple[str, Brief, str, Language]:
    """(channel, structured brief, the brief as a sentence, language) from a submitted form."""
    meta = json.loads(view.get("private_metadata") or "{}")
    lang: Language = "fr" if meta.get("lang") == "fr" else "en"
    values = (view.get("state") or {}).get("values") or {}
    client = _value(values, "client")
    markets = [m for m in _value(values, "market") or [] if m in vocab.MARKETS]
    sector = _value(values, "sector")
    objectives = [o for o in _value(values, "objective") or [] if o in vocab.OBJECTIVES]
    audience = _value(values, "audience")
    budget_text = _value(values, "budget")
    timing = _value(values, "timing")
    constraints_text = _value(values, "constraints")
    constraints = [c.strip(" -•") for c in (constraints_text or "").splitlines() if c.strip()]
    brief = Brief(
        language=lang,
        intent="strategy",
        client=client,
        markets=markets,
        sector=sector if sector in vocab.SECTORS else None,
        objectives=objectives,
        audience=audience,
        budget=parse_budget(budget_text),
        timing=Timing(text=timing) if timing else None,
        constraints=constraints,
    )
    parts = [
        (s("brief.client", lang), client),
        (s("brief.market", lang), ", ".join(label("market", m, lang) for m in markets)),
        (s("brief.sector", lang), label("sector", sector, lang) if sector else None),
        (s("brief.objective", lang), ", ".join(label("objective", o, lang) for o in objectives)),
        (s("brief.audience", lang), audience),
        (s("brief.budget", lang), budget_text),
        (s("brief.timing", lang), timing),
        (s("brief.constraints", lang), "; ".join(constraints)),
    ]
    lead = "Brief de campagne" if lang == "fr" else "Campaign brief"
    text = lead + ". " + " ".join(f"{k}: {v}." for k, v in parts if v)
    return str(meta.get("channel") or ""), brief, text, lang


def feedback_modal(feedback_id: int, lang: Language) -> dict[str, Any]:
    return {
        "type": "modal",
        "callback_id": FEEDBACK_VIEW,
        "private_metadata": json.dumps({"feedback_id": feedback_id, "lang": lang}),
        "title": {"type": "plain_text", "text": s("fb.modal_title", lang)},
        "submit": {"type": "plain_text", "text": s("fb.submit", lang)},
        "close": {"type": "plain_text", "text": s("cancel", lang)},
        "blocks": [
            {"type": "section", "text": {"type": "plain_text", "text": s("fb.thanks", lang)}},
            _text_input("comment", s("fb.comment", lang), multiline=True),
        ],
    }


def comment_from_view(view: dict[str, Any]) -> tuple[int, str | None]:
    meta = json.loads(view.get("private_metadata") or "{}")
    values = (view.get("state") or {}).get("values") or {}
    return int(meta.get("feedback_id") or 0), _value(values, "comment")


def card_title(brief: Brief, lang: Language) -> str:
    if brief.client:
        return plain(s("card.title_client", lang, client=brief.client))
    return s("card.title", lang)
