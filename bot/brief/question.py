"""One short clarifying question when a strategy brief misses an essential (market, objective,
audience): the most important missing one, or the first two in one sentence."""

from __future__ import annotations

from bot.models import Brief

_QUESTIONS: dict[str, dict[tuple[str, ...], str]] = {
    "fr": {
        ("market",): "Sur quel marché voulez-vous agir (par exemple la France, la Belgique, "
        "l'Allemagne) ?",
        ("objective",): "Quel est l'objectif principal : notoriété, lancement, réputation, "
        "leads B2B… ?",
        ("audience",): "Quelle cible voulez-vous toucher (par exemple les 25-35 ans, les "
        "parents, des DSI) ?",
        ("market", "objective"): "Sur quel marché, et avec quel objectif principal (notoriété, "
        "lancement, leads B2B…) ?",
        ("market", "audience"): "Sur quel marché, et auprès de quelle cible (par exemple les "
        "25-35 ans, des DSI) ?",
        ("objective", "audience"): "Quel est l'objectif principal, et quelle cible voulez-vous "
        "toucher ?",
    },
    "en": {
        ("market",): "Which market is this for (for example France, the UK, Germany)?",
        ("objective",): "What is the main objective: awareness, launch, reputation, B2B leads…?",
        ("audience",): "Who do you want to reach (for example 25-34s, parents, CIOs)?",
        ("market", "objective"): "Which market is this for, and what is the main objective "
        "(awareness, launch, B2B leads…)?",
        ("market", "audience"): "Which market is this for, and who do you want to reach?",
        ("objective", "audience"): "What is the main objective, and who do you want to reach?",
    },
}


def clarifying_question(brief: Brief) -> str | None:
    """A question in the brief's language, or None when nothing essential is missing."""
    missing = brief.missing_essentials()
    if not missing:
        return None
    key = tuple(missing[:2])
    return _QUESTIONS.get(brief.language, _QUESTIONS["en"])[key]
