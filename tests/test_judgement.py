"""The judgement figures (evals/judgement.py): each fails on what a consultant would read."""

from __future__ import annotations

from types import SimpleNamespace

from evals import judgement


def _advice(language: str = "fr") -> SimpleNamespace:
    return SimpleNamespace(language=language)


LABELS = judgement.english_labels()


def test_the_labels_to_look_for_hold_english_words_the_engine_translates() -> None:
    assert "Japan" in LABELS
    assert "alcohol" in LABELS
    assert "budget" not in LABELS  # a French word too


def test_a_french_answer_with_an_english_country_fails() -> None:
    body = "- **Loi japonaise (loi n° 134 de 1962)** (Consumer Affairs Agency of Japan, 2023)"
    assert judgement.french_labels(_advice(), body, LABELS) == 0.0
    assert judgement.english_labels_in(body, LABELS) == ["Japan"]


def test_a_french_answer_in_french_passes_and_english_answers_are_not_judged() -> None:
    body = "- **Loi japonaise (loi n° 134 de 1962)** (Agence japonaise de la consommation, 2023)"
    assert judgement.french_labels(_advice(), body, LABELS) == 1.0
    assert judgement.french_labels(_advice("en"), "Japan, alcohol", LABELS) is None


def test_italic_glosses_of_english_terms_are_deliberate() -> None:
    body = "les médias **payés** (*paid* : espace acheté) et **gagnés** (*earned*)"
    assert judgement.french_labels(_advice(), body, LABELS) == 1.0
    # the same words left bare, or in bold, are labels that were not translated
    assert judgement.french_labels(_advice(), "canal : paid, rôle : earned", LABELS) == 0.0
    assert judgement.french_labels(_advice(), "**paid** puis **earned**", LABELS) == 0.0


def test_brand_names_are_proper_nouns_not_labels() -> None:
    body = "- Japan Airlines (2024) : comparable par la situation"
    assert judgement.french_labels(_advice(), body, LABELS, brands=["Japan Airlines"]) == 1.0
    # a brand said alone is declared; the country alone is a label left in English
    alone = "- Japan (2024) : comparable par la situation"
    assert judgement.french_labels(_advice(), alone, LABELS) == 0.0
    assert judgement.french_labels(_advice(), "- Mars (2024)", LABELS, brands=["Mars"]) == 1.0


def test_a_country_word_inside_a_proper_name_is_a_name_not_a_label() -> None:
    body = "les boutiques China Duty Free, les réseaux French Tech et le Télévie de RTL Belgium"
    assert judgement.french_labels(_advice(), body, LABELS) == 1.0
    # the same country left as a label still fails
    assert judgement.english_labels_in("marchés : China, Japon", LABELS) == ["China"]
