"""`any_trigger` reads a whole trigger list at once; it must say exactly what asking
`trigger_in` word by word says, on every trigger list of the knowledge and on real questions."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.brief.text import fold
from bot.engine.calendar import any_trigger, trigger_in
from bot.knowledge.catalog import Catalog
from bot.knowledge.loader import load_knowledge
from evals.schema import load_all

KNOWLEDGE = Path(__file__).resolve().parents[1] / "knowledge"

EXTRA = [
    "A spa weekend in Spain for stressed-out mums",  # "spa" is not "Spain"
    "Lancement d'un sérum SPF50 en pharmacie",  # "spf" still reads "spf50"
    "dog-food brand entering Japan",  # hyphens read as spaces
    "Une appli de paris sportifs pour l'Euro 2028",
    "we sell welding robots to metal fabricators",
    "",
]


@pytest.fixture(scope="module")
def trigger_lists() -> list[tuple[str, ...]]:
    catalog = Catalog(load_knowledge(KNOWLEDGE).docs)
    lists: set[tuple[str, ...]] = set()
    for circle in catalog.circles():
        lists.add(tuple(circle.triggers))
    for market in catalog.markets():
        for lever in market.levers:
            lists.add(tuple(w for w in lever.triggers if not w.startswith("!")))
    for market in catalog.markets():
        calendar = catalog.calendar(market.code)
        for event in calendar.events if calendar else []:
            lists.add(tuple(event.triggers))
            lists.add(tuple(event.not_for))
    return [x for x in lists if x]


def test_any_trigger_says_what_each_trigger_says(trigger_lists: list[tuple[str, ...]]) -> None:
    texts = [fold(case.text) for cases in load_all().values() for case in cases] + [
        fold(t) for t in EXTRA
    ]
    assert len(trigger_lists) > 100 and len(texts) > 100
    differ = [
        (words[:3], text[:60])
        for words in trigger_lists
        for text in texts
        if any_trigger(words, text) != any(trigger_in(w, text) for w in words)
    ]
    assert differ == []
    assert any_trigger(("spa",), fold(EXTRA[0])) is True  # "spa weekend"
    assert any_trigger(("spa",), fold("holidays in Spain")) is False


def test_a_rule_s_trigger_list_reads_as_its_words_do() -> None:
    from bot.engine.rules import _any_said, _said

    catalog = Catalog(load_knowledge(KNOWLEDGE).docs)
    lists = {
        tuple(w for w in rule.triggers if not w.startswith("!"))
        for market in catalog.markets()
        for book in catalog.rulebooks(market.code)
        for rule in book.rules
    }
    texts = [fold(case.text) for cases in load_all().values() for case in cases]
    differ = [
        (words[:3], text[:60])
        for words in lists
        if words
        for text in texts
        if _any_said(words, text) != any(_said(w, text) for w in words)
    ]
    assert len(lists) > 50 and differ == []
