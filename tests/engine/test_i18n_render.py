"""UI strings and rendering helpers."""

from __future__ import annotations

import datetime as dt
import string

import pytest

from bot.i18n import LABELS, MESSAGES, fmt_date, join, label, t
from bot.knowledge import vocab


def test_every_message_has_both_languages_with_the_same_fields() -> None:
    fields = string.Formatter()
    for key, entry in MESSAGES.items():
        assert set(entry) == {"en", "fr"}, key
        names = [{f for _, f, _, _ in fields.parse(entry[lang]) if f} for lang in ("en", "fr")]
        assert names[0] == names[1], key


@pytest.mark.parametrize(
    ("kind", "codes"),
    [
        ("objective", vocab.OBJECTIVES),
        ("audience", vocab.AUDIENCES),
        ("sector", vocab.SECTORS),
        ("market", vocab.MARKETS),
        ("band", vocab.BUDGET_BANDS),
        ("role", vocab.ROLES),
        ("family", vocab.FAMILIES),
        ("mechanic", tuple(vocab.MECHANICS)),
        ("channel", vocab.CHANNELS),
        ("kind", vocab.KINDS),
    ],
)
def test_every_vocabulary_code_has_labels(kind: str, codes: tuple[str, ...]) -> None:
    assert set(codes) <= set(LABELS[kind]), set(codes) - set(LABELS[kind])


def test_t_never_raises() -> None:
    assert t("no.such.key", "fr") == "no.such.key"
    assert "{who}" in t("tgt.core", "en")  # a missing field stays visible, no KeyError
    assert t("h.targeting", "fr") == "Ciblage"
    assert t("h.targeting", "de") == "Targeting"  # unknown language falls back to English


def test_labels_and_helpers() -> None:
    assert label("market", "de", "fr") == "Allemagne"
    assert label("unknown", "some-code", "en") == "some code"
    assert join(["a", "b", "c"], "fr") == "a, b et c"
    assert join(["a"], "en") == "a"
    assert fmt_date(dt.date(2027, 3, 1), "fr") == "1er mars 2027"
    assert fmt_date(dt.date(2027, 3, 2), "en") == "2 Mar 2027"
