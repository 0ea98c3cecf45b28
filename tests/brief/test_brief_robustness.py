"""Bad input never raises; the work is capped; every code produced is in the vocabulary."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from bot.brief import gazetteer, parse_brief
from bot.brief.text import MAX_CHARS, fold, normalise
from bot.knowledge import vocab
from bot.models import Brief

TODAY = dt.date(2026, 11, 26)
BRIEF = (
    "Nous lançons une gamme de soins bio pour les 25-35 ans en France et en Belgique, "
    "budget 80k€, lancement à la rentrée. Quelle stratégie d'influence ?"
)


def _valid(brief: Brief) -> None:
    assert brief.language in ("fr", "en")
    assert brief.intent in ("strategy", "idea", "learn", "other")
    assert set(brief.markets) <= set(vocab.MARKETS)
    assert brief.sector is None or brief.sector in vocab.SECTORS
    assert set(brief.objectives) <= set(vocab.OBJECTIVES)
    assert set(brief.audiences) <= set(vocab.AUDIENCES)
    assert len(brief.markets) == len(set(brief.markets))
    if brief.age_range:
        assert brief.age_range[0] <= brief.age_range[1]
    if brief.budget:
        assert brief.budget.amount > 0


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "?",
        "???",
        "🙂🚀🔥",
        "\u200b\u200b\u200b",
        "\x00\x01\x02",
        "你好，我们想在中国推出一个新品牌",
        "مرحبا، نريد حملة في دبي",
        "Привет, нужна стратегия",
        "ＱＵＥＬＬＥ stratégie ？ ４０ｋ€",
        "Ｆｒａｎｃｅ",
        "'''''",
        "-----",
        "€€€ $$$ £££",
        "budget budget budget",
        "le le le le",
        "99999999999999999999999 €",
        "31/02/2027",
        "le 31 février",
        "Q9 2099",
        "entre 90 et 10 ans",
        "\ud800",
        "a" * 40_000,
        BRIEF * 300,
    ],
)
def test_bad_input_never_raises(text: str) -> None:
    brief = parse_brief(text, today=TODAY)
    _valid(brief)


@pytest.mark.parametrize("text", ["", "?", "🙂", "\u200b"])
def test_empty_is_other_with_the_fallback_language(text: str) -> None:
    assert parse_brief(text, fallback_language="fr").language == "fr"
    assert parse_brief(text).language == "en"
    assert parse_brief(text).intent == "other"


def test_mixed_scripts_still_parse_the_latin_part() -> None:
    brief = parse_brief("新品 launch in Japan, 200k€ 🚀 budget, Gen Z", today=TODAY)
    assert brief.markets == ["jp"]
    assert brief.budget is not None and brief.budget.amount == 200_000
    assert brief.audiences == ["gen-z"]


def test_odd_unicode_is_normalised() -> None:
    text = "Lancement\u00a0en\u202fFrance, bud\u200bget 40\u00a0000\u00a0€, cible Gen\u00a0Z"
    brief = parse_brief(text, today=TODAY)
    assert brief.markets == ["fr"]
    assert brief.budget is not None and brief.budget.amount == 40_000
    assert "gen-z" in brief.audiences
    assert normalise("l’été — ＱＵ") == "l'été - QU"


def test_slack_markup_is_ignored() -> None:
    text = (
        "<@U0123ABC> peux-tu proposer une stratégie pour Decathlon en Espagne ? Voir "
        "<https://www.decathlon.fr/paris|le brief> et https://example.com/london :rocket:"
    )
    brief = parse_brief(text, today=TODAY)
    assert brief.markets == ["es"]
    assert brief.client == "Decathlon"
    assert normalise("<#C1|general> <!here> ok").strip() == "ok"


def test_fold_keeps_indices() -> None:
    for text in ("Qu'est-ce que l'Été ?", "ÉTATS-UNIS", "straße", "İstanbul", "ﬁn"):
        clean = normalise(text)
        assert len(fold(clean)) == len(clean)


def test_long_input_is_capped() -> None:
    """A performance sanity check without timing: only the first MAX_CHARS characters count."""
    long_text = BRIEF + " Allemagne." + "x" * 50_000 + " Japon, 999k$."
    brief = parse_brief(long_text, today=TODAY)
    assert brief.markets == ["fr", "be", "de"]
    assert brief.budget is not None and brief.budget.amount == 80_000
    assert len(normalise("y" * 100_000)) == MAX_CHARS


def test_deterministic() -> None:
    assert parse_brief(BRIEF, today=TODAY) == parse_brief(BRIEF, today=TODAY)


def test_random_text_never_raises() -> None:
    rng = random.Random(7)
    pieces = [
        "what is",
        "c'est quoi",
        "les",
        "25",
        "-",
        "35",
        "ans",
        "budget",
        "k€",
        "$",
        "pour",
        "Decathlon",
        "France",
        "Q3",
        "2027",
        ":",
        "'",
        "d'ici",
        "l'été",
        "in",
        "6",
        "weeks",
        "over",
        "cible",
        "de",
        ",",
        ".",
        "?",
        "ideas for",
        "mars",
        "le",
        "15",
        "€",
        "1,5",
        "M€",
        " ",
        "  ",
        "\n",
        "\t",
        "é",
        "🙂",
        "US",
        "the US",
        "et pour",
        "moins cher",
    ]
    previous = parse_brief(BRIEF, today=TODAY)
    for _ in range(200):
        text = "".join(
            rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(0, 60))
        )
        _valid(parse_brief(text, today=TODAY))
        _valid(parse_brief(text, today=TODAY, previous=previous))


def test_gazetteer_codes_are_in_the_vocabulary() -> None:
    market_codes = {c for codes in gazetteer._MARKET_WORDS.values() if codes for c in codes}
    assert market_codes <= set(vocab.MARKETS)
    sector_codes = {v[0] for v in gazetteer._SECTOR_WORDS.values() if v}
    assert sector_codes <= set(vocab.SECTORS)
    assert set(gazetteer._SECTOR_WORDS.values()) - {None}
    brand_sectors = set(_values(gazetteer.BRANDS))
    assert brand_sectors <= set(vocab.SECTORS)
    assert set(_values(gazetteer.OBJECTIVES)) <= set(vocab.OBJECTIVES)
    assert set(_values(gazetteer.AUDIENCES)) <= set(vocab.AUDIENCES)
    # every country market of the vocabulary can be named
    assert set(vocab.MARKETS) <= market_codes


def _values(table: gazetteer.PhraseTable[str]) -> list[str]:
    return [v for options in table._index.values() for _, v in options if v is not None]
