"""Clarifying questions: one short question, in the brief's language, about what matters most."""

from __future__ import annotations

import pytest

from bot.brief import clarifying_question, parse_brief
from bot.models import Brief


def test_complete_brief_needs_no_question() -> None:
    brief = parse_brief(
        "Stratégie de lancement pour les 25-35 ans en France, budget 80k€", fallback_language="fr"
    )
    assert brief.missing_essentials() == []
    assert clarifying_question(brief) is None


@pytest.mark.parametrize("intent", ["idea", "learn", "other"])
def test_only_strategy_asks(intent: str) -> None:
    assert clarifying_question(Brief(intent=intent)) is None  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Nous voulons une stratégie pour notre marque", ["marché", "objectif"]),
        ("We need a plan for our brand", ["market", "objective"]),
        ("Stratégie de notoriété pour notre marque", ["marché", "cible"]),
        ("Awareness plan for our brand", ["market", "reach"]),
        ("Stratégie de notoriété en France", ["cible"]),
        ("Launch plan for Gen Z", ["market"]),
        ("A plan for Gen Z in Germany", ["objective"]),
        ("Une stratégie pour les parents en Belgique", ["objectif"]),
    ],
)
def test_question_targets_the_missing_essentials(text: str, words: list[str]) -> None:
    brief = parse_brief(text)
    question = clarifying_question(brief)
    assert question is not None
    assert question.endswith("?")
    assert len(question) < 140
    for word in words:
        assert word in question
    # one sentence, at most two topics
    assert question.count("?") == 1


def test_question_language_follows_the_brief() -> None:
    fr = clarifying_question(Brief(language="fr"))
    en = clarifying_question(Brief(language="en"))
    assert fr is not None and "marché" in fr
    assert en is not None and "market" in en
