"""The subject of a brief, in the asker's words: what titles and ideas name."""

from __future__ import annotations

import pytest

from bot.brief.subject import find_subject


@pytest.mark.parametrize(
    ("text", "lang", "subject"),
    [
        ("Lancement de notre bière sans alcool en France au printemps", "fr", "bière sans alcool"),
        (
            "We are launching a sugar-free energy drink for students in Leeds",
            "en",
            "sugar-free energy drink",
        ),
        ("Give me ideas for a refillable deodorant aimed at men", "en", "refillable deodorant"),
    ],
)
def test_the_subject_is_the_product(text: str, lang: str, subject: str) -> None:
    assert find_subject(text, lang) == subject


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Our client's jars may contain glass, the recall starting tomorrow. First 48 hours?",
            "en",
        ),
        ("On lance dès demain, on fait comment ?", "fr"),
    ],
)
def test_a_time_phrase_is_never_the_subject(text: str, lang: str) -> None:
    found = find_subject(text, lang)
    assert found is None or not any(w in found for w in ("starting", "tomorrow", "demain"))
