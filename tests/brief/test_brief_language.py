"""French or English, on short, accented, elided, mixed and empty texts."""

from __future__ import annotations

import pytest

from bot.brief import detect_language
from bot.brief.language import is_clear


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Quelle stratégie pour lancer une marque de cosmétiques ?", "fr"),
        ("What strategy should we use to launch a cosmetics brand?", "en"),
        ("l'été d'abord", "fr"),
        ("C'est quoi l'astroturfing ?", "fr"),
        ("Qu'est-ce qu'un KOL ?", "fr"),
        ("Notoriété", "fr"),
        ("et pour l'Allemagne ?", "fr"),
        ("and for Germany?", "en"),
        ("make it cheaper", "en"),
        ("moins cher", "fr"),
        ("It's for the UK, we're launching in March", "en"),
        ("Launch plan pour la France, avec un budget de 50k€ et une cible jeune", "fr"),
        ("We need a plan pour la France, what do you think about the budget?", "en"),
        ("Brand awareness pour une néobanque auprès des Gen Z", "fr"),
        ("Thought leadership B2B, DSI, Allemagne, T2", "fr"),
        ("Salut !", "fr"),
        ("Thanks!", "en"),
        ("ÉTÉ 2027 : LANCEMENT EN FRANCE", "fr"),
        ("ＱＵＥＬＬＥ stratégie ？", "fr"),
    ],
)
def test_detect_language(text: str, expected: str) -> None:
    assert detect_language(text) == expected


@pytest.mark.parametrize(
    "text", ["", "?", "🙂🚀", "42", "Q3", "你好", "مرحبا بكم", "Привет", "B2B"]
)
def test_no_signal_uses_the_fallback(text: str) -> None:
    assert detect_language(text) == "en"
    assert detect_language(text, "fr") == "fr"
    assert detect_language(text, "en") == "en"


def test_fallback_does_not_override_a_clear_text() -> None:
    assert detect_language("Nous voulons lancer une marque", "en") == "fr"
    assert detect_language("We want to launch a brand", "fr") == "en"


def test_is_clear() -> None:
    assert is_clear("et pour l'Allemagne ?")
    assert is_clear("what about Germany?")
    assert not is_clear("Germany?")
    assert not is_clear("20k€ ?")
