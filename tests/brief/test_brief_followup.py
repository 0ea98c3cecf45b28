"""Follow-ups in a thread start from the previous brief and override only what they say."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.brief import is_follow_up, parse_brief
from bot.models import Brief, Budget

TODAY = dt.date(2026, 11, 26)


@pytest.fixture
def previous() -> Brief:
    return parse_brief(
        "Nous lançons une gamme de bières craft pour les 25-35 ans en France, budget 80k€, "
        "lancement à la rentrée. Quelle stratégie ?",
        today=TODAY,
    )


def test_previous_brief(previous: Brief) -> None:
    assert previous.markets == ["fr"]
    assert previous.sector == "alcohol"
    assert "Loi Évin" in previous.constraints


@pytest.mark.parametrize(
    "text",
    [
        "and for Germany?",
        "et pour l'Allemagne ?",
        "make it cheaper",
        "moins cher",
        "same but for Gen Z",
        "et avec 20k€ ?",
        "what about Black Friday instead?",
        "Germany?",
        "Gen Z ?",
        "et aussi l'Italie",
        "plutôt en Espagne",
        "Now give me ideas",
        "Et si on vise plutôt les parents ?",
    ],
)
def test_is_follow_up(text: str) -> None:
    assert is_follow_up(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "?",
        "ok?",
        "Nous lançons une marque de cosmétiques bio pour les 25-35 ans en France et en "
        "Belgique, budget 80k€, lancement à la rentrée. Quelle stratégie d'influence pour "
        "toucher les urbains ?",
        "C'est quoi le PESO ?",
        "We need a B2B thought-leadership plan to generate leads among CIOs in Germany",
    ],
)
def test_is_not_follow_up(text: str) -> None:
    assert not is_follow_up(text)


def test_new_market_replaces_and_regulation_follows(previous: Brief) -> None:
    for text, language in (("and for Germany?", "en"), ("et pour l'Allemagne ?", "fr")):
        brief = parse_brief(text, previous=previous, today=TODAY)
        assert brief.markets == ["de"]
        assert brief.language == language
        assert brief.sector == "alcohol"
        assert brief.audiences == previous.audiences and brief.age_range == (25, 35)
        assert brief.budget == previous.budget and brief.timing == previous.timing
        assert "Loi Évin" not in brief.constraints
        assert "regulated: alcohol" in brief.constraints


def test_also_adds_a_market(previous: Brief) -> None:
    brief = parse_brief("et aussi l'Italie", previous=previous, today=TODAY)
    assert brief.markets == ["fr", "it"]


@pytest.mark.parametrize("text", ["make it cheaper", "moins cher", "with a smaller budget"])
def test_cheaper_halves_the_budget(previous: Brief, text: str) -> None:
    brief = parse_brief(text, previous=previous, today=TODAY)
    assert brief.budget == Budget(amount=40_000, currency="EUR")
    assert "lower budget" in brief.constraints
    assert brief.markets == ["fr"]


def test_cheaper_without_budget_adds_a_constraint() -> None:
    before = parse_brief("Stratégie de notoriété pour une banque en France", today=TODAY)
    brief = parse_brief("moins cher", previous=before, today=TODAY)
    assert brief.budget is None
    assert "lower budget" in brief.constraints


def test_new_budget_replaces(previous: Brief) -> None:
    brief = parse_brief("et avec 20k€ ?", previous=previous, today=TODAY)
    assert brief.budget == Budget(amount=20_000, currency="EUR")
    assert brief.language == "fr"
    assert brief.markets == ["fr"]


def test_new_audience_replaces(previous: Brief) -> None:
    brief = parse_brief("same but for Gen Z", previous=previous, today=TODAY)
    assert brief.audiences == ["gen-z"]
    assert brief.audience == "Gen Z"
    assert brief.age_range is None
    assert brief.language == "en"
    assert brief.budget == previous.budget


def test_new_timing_replaces(previous: Brief) -> None:
    brief = parse_brief("what about Black Friday instead?", previous=previous, today=TODAY)
    assert brief.timing is not None and brief.timing.events == ["black friday"]
    assert brief.objectives == previous.objectives


def test_too_short_keeps_the_previous_language(previous: Brief) -> None:
    brief = parse_brief("Germany?", previous=previous, today=TODAY)
    assert brief.language == "fr"
    assert brief.markets == ["de"]


def test_explicit_mode_change(previous: Brief) -> None:
    brief = parse_brief("Donne-moi des idées plutôt", previous=previous, today=TODAY)
    assert brief.intent == "idea"
    assert brief.markets == ["fr"] and brief.sector == "alcohol"


def test_intent_kept_when_not_said() -> None:
    before = parse_brief("Des idées pour une marque de sneakers en France ?", today=TODAY)
    assert before.intent == "idea"
    brief = parse_brief("et pour le Japon ?", previous=before, today=TODAY)
    assert brief.intent == "idea"
    assert brief.markets == ["jp"]


def test_not_a_follow_up_is_a_fresh_brief(previous: Brief) -> None:
    brief = parse_brief(
        "We need a B2B thought-leadership plan to generate leads among CIOs in Germany",
        previous=previous,
        today=TODAY,
    )
    assert brief.markets == ["de"]
    assert brief.sector is None and brief.budget is None
    assert brief.language == "en"


def test_previous_is_not_mutated(previous: Brief) -> None:
    snapshot = previous.model_dump()
    parse_brief("make it cheaper and for Germany", previous=previous, today=TODAY)
    assert previous.model_dump() == snapshot


def test_follow_up_after_small_talk_becomes_a_brief() -> None:
    hello = parse_brief("Hello!", today=TODAY)
    assert hello.intent == "other"
    brief = parse_brief("and a launch plan for Germany, 50k€?", previous=hello, today=TODAY)
    assert brief.intent == "strategy"
    assert brief.markets == ["de"]
    assert brief.budget == Budget(amount=50_000, currency="EUR")


def test_follow_up_question_changes_mode_and_keeps_context(previous: Brief) -> None:
    brief = parse_brief("et c'est quoi la loi Evin ?", previous=previous, today=TODAY)
    assert brief.intent == "learn"
    assert brief.topic == "loi Evin"
    assert brief.markets == ["fr"]
