"""Look-up phrasings ("show me…", "montre-moi…") ask for knowledge, not for a strategy."""

from __future__ import annotations

import pytest

from bot.brief.parse import parse_brief


@pytest.mark.parametrize(
    "text",
    [
        "Show me the internal day-rate grid",
        "Montre-moi la grille tarifaire interne",
        "Where can I find our pitch guidelines?",
        "Où trouver la checklist de lancement ?",
    ],
)
def test_lookups_are_learn_requests(text: str) -> None:
    assert parse_brief(text).intent == "learn"


def test_show_me_with_a_real_brief_stays_a_strategy() -> None:
    brief = parse_brief("Show me a launch strategy for a skincare brand in France, 80k€")
    assert brief.intent == "strategy"
