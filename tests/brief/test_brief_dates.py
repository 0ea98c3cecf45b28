"""Timing: explicit dates, months, quarters, seasons, events, delays, resolved against today."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.brief import parse_brief
from bot.brief.dates import easter, nth_weekday

TODAY = dt.date(2026, 11, 26)
D = dt.date


@pytest.mark.parametrize(
    ("text", "start", "end", "events", "seasons"),
    [
        ("lancement le 15 mars", D(2027, 3, 15), None, [], []),
        ("launch on March 15th, 2027", D(2027, 3, 15), None, [], []),
        ("le 1er avril 2027", D(2027, 4, 1), None, [], []),
        ("le 15/03/2027", D(2027, 3, 15), None, [], []),
        ("go live 2027-02-01", D(2027, 2, 1), None, [], []),
        ("in March 2027", D(2027, 3, 1), D(2027, 3, 31), [], []),
        ("en septembre", D(2027, 9, 1), D(2027, 9, 30), [], []),
        ("en décembre", D(2026, 12, 1), D(2026, 12, 31), [], []),
        ("in May", D(2027, 5, 1), D(2027, 5, 31), [], []),
        ("mi-juin", D(2027, 6, 11), D(2027, 6, 20), [], []),
        ("Q3", D(2027, 7, 1), D(2027, 9, 30), [], []),
        ("Q4", D(2026, 10, 1), D(2026, 12, 31), [], []),
        ("T2 2027", D(2027, 4, 1), D(2027, 6, 30), [], []),
        ("au troisième trimestre 2027", D(2027, 7, 1), D(2027, 9, 30), [], []),
        ("H2 2027", D(2027, 7, 1), D(2027, 12, 31), [], []),
        ("d'ici l'été", TODAY, D(2027, 6, 20), [], ["summer"]),
        ("next spring", D(2027, 3, 20), D(2027, 6, 20), [], ["spring"]),
        ("cet hiver", D(2026, 12, 21), D(2027, 3, 19), [], ["winter"]),
        ("à l'automne 2027", D(2027, 9, 23), D(2027, 12, 20), [], ["autumn"]),
        ("à la rentrée", D(2027, 9, 1), D(2027, 9, 15), ["rentrée"], []),
        ("pour Noël", D(2026, 12, 1), D(2026, 12, 25), ["christmas"], []),
        ("Black Friday", D(2026, 11, 27), D(2026, 11, 30), ["black friday"], []),
        ("for Singles' Day", D(2027, 11, 11), D(2027, 11, 11), ["singles day"], []),
        ("Chinese New Year", D(2027, 1, 23), D(2027, 2, 20), ["chinese new year"], []),
        ("pour le Nouvel An chinois", D(2027, 1, 23), D(2027, 2, 20), ["chinese new year"], []),
        ("pendant le Ramadan", D(2027, 2, 8), D(2027, 3, 9), ["ramadan"], []),
        ("pour la Saint-Valentin", D(2027, 2, 14), D(2027, 2, 14), ["valentine"], []),
        ("pendant les soldes", D(2027, 1, 13), D(2027, 2, 9), ["sales"], []),
        ("summer holidays", D(2027, 7, 4), D(2027, 8, 31), ["summer holidays"], []),
        ("back to school", D(2027, 8, 15), D(2027, 9, 10), ["back to school"], []),
        ("at Cannes Lions", D(2027, 6, 21), D(2027, 6, 25), ["cannes lions"], []),
        ("à VivaTech", D(2027, 6, 9), D(2027, 6, 12), ["vivatech"], []),
        ("at CES 2027", D(2027, 1, 5), D(2027, 1, 8), ["ces"], []),
        ("dans 3 mois", D(2027, 2, 26), None, [], []),
        ("in 6 weeks", D(2027, 1, 7), None, [], []),
        ("within two weeks", TODAY, D(2026, 12, 10), [], []),
        ("le mois prochain", D(2026, 12, 1), D(2026, 12, 31), [], []),
        ("early 2027", D(2027, 1, 1), D(2027, 3, 31), [], []),
        ("fin 2027", D(2027, 10, 1), D(2027, 12, 31), [], []),
        ("en 2027", D(2027, 1, 1), D(2027, 12, 31), [], []),
        ("Noël 2027", D(2027, 12, 1), D(2027, 12, 25), ["christmas"], []),
    ],
)
def test_timing(
    text: str, start: dt.date, end: dt.date | None, events: list[str], seasons: list[str]
) -> None:
    timing = parse_brief(text, today=TODAY).timing
    assert timing is not None, text
    assert (timing.start, timing.end) == (start, end)
    assert timing.events == events
    assert timing.seasons == seasons
    assert timing.text


def test_several_mentions_span_the_period() -> None:
    timing = parse_brief("teasing en mars, lancement à la rentrée", today=TODAY).timing
    assert timing is not None
    assert timing.start == D(2027, 3, 1) and timing.end == D(2027, 9, 15)
    assert timing.events == ["rentrée"]
    assert timing.text == "en mars, à la rentrée"


def test_today_matters() -> None:
    spring = dt.date(2027, 4, 10)
    timing = parse_brief("en septembre", today=spring).timing
    assert timing is not None and timing.start == D(2027, 9, 1)
    timing = parse_brief("in September", today=D(2027, 9, 20)).timing
    assert timing is not None and timing.start == D(2027, 9, 1)  # not over yet
    timing = parse_brief("next spring", today=spring).timing
    assert timing is not None and timing.start == D(2028, 3, 20)


@pytest.mark.parametrize(
    "text",
    [
        "la marque a été lancée",
        "we may launch something",
        "support 24/7",
        "ces influenceurs sont chers",
        "les 25-35 ans",
        "sales fall",
        "la pride de nos équipes",
    ],
)
def test_no_timing(text: str) -> None:
    assert parse_brief(text, today=TODAY).timing is None


def test_calendar_helpers() -> None:
    assert easter(2027) == D(2027, 3, 28)
    assert easter(2026) == D(2026, 4, 5)
    assert nth_weekday(2026, 11, 3, 4) == D(2026, 11, 26)  # Thanksgiving
    assert nth_weekday(2026, 6, 2, -1) == D(2026, 6, 24)  # last Wednesday of June
