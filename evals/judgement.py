"""Judgement in the details (issue 11), measured on every fit case from the advice itself.

Each function returns a score in [0, 1], or None when the case says nothing about it (no
precedent offered, no budget given, not an idea request, not a French answer): None is left out
of the suite's mean rather than counted as a pass.

- `precedent_fit`: the share of comparable campaigns that share the brief's sector or one of its
  objectives;
- `cautionary_free`: no cautionary campaign (a scandal, a fine) offered as a pattern to borrow;
- `foreign_rule_free`: no rule book cited but the target markets' own (and the EU's for members);
- `budget_split`: a budget given is split (by PESO role) in the answer;
- `ideas_subject`, `ideas_count`: every idea card (title, spread or first step) names the
  subject; as many ideas as asked;
- `french_labels`: a French answer carries none of the English labels the engine translates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from bot.i18n import LABELS

ALLOWED_ENGLISH = frozenset(
    {
        "kpi",
        "kpis",
        "ugc",
        "earned media",
        "owned media",
        "paid media",
        "shared media",
        "peso",
        "newsjacking",
    }
)
# English labels that are French words too, or usual in French agency talk: not a leak.
FRENCH_TOO = frozenset(
    {
        "budget",
        "audience",
        "situation",
        "post",
        "posts",
        "parents",
        "boomers",
        "millennials",
        "retail",
        "community",
        "mid-tier",
        "gaming",
        "podcasts",
        "newsletters",
        "stunt",
        "influence",
        "engagement",
        "conversion",
        "leadership",
    }
)
DEFAULT_IDEAS = 3


def precedent_fit(advice: Any, catalog: Any) -> float | None:
    plan = advice.plan
    if plan is None or not plan.precedents:
        return None
    brief = advice.brief
    good = 0
    for item in plan.precedents:
        found = catalog.get(item.ref or "")
        meta = found.meta if found is not None else None
        if meta is None:
            continue
        sector = brief.sector is not None and brief.sector in meta.sectors
        objective = bool(set(brief.objectives) & set(meta.objectives))
        good += sector or objective
    return good / len(plan.precedents)


def cautionary_free(advice: Any, catalog: Any) -> float:
    borrowed = [i.ref for i in (advice.plan.precedents if advice.plan else [])]
    borrowed += [idea.pattern for idea in advice.ideas if idea.pattern]
    for ref in borrowed:
        found = catalog.get(ref or "")
        if found is not None and getattr(found.meta, "cautionary", False):
            return 0.0
    return 1.0


def foreign_rule_free(advice: Any, catalog: Any) -> float | None:
    markets = set(advice.brief.markets)
    if not markets:
        return None
    for source in advice.sources:
        if source.kind != "rule":
            continue
        found = catalog.get(source.id)
        if found is None:
            continue
        book = found.meta
        if not ({book.code, *book.applies_to} & markets):
            return 0.0
    return 1.0


_SPLIT = re.compile(r"by peso role|par r[ôo]le peso", re.IGNORECASE)


def budget_split(advice: Any) -> float | None:
    if advice.brief.budget is None or advice.mode != "strategy":
        return None
    return 1.0 if _SPLIT.search(advice.text) else 0.0


def ideas_subject(advice: Any, subject: str | None, client: str | None = None) -> float | None:
    """The share of idea cards that name the brief's subject, or its client's own brand name
    (a card where "Kargo" acts names the cargo bike the brief is about)."""
    if not advice.ideas or not subject:
        return None
    wanted = [w.casefold() for w in (subject, client) if w]
    cards = [f"{i.name} {i.spread} {i.first_step}".casefold() for i in advice.ideas]
    return sum(any(w in card for w in wanted) for card in cards) / len(cards)


def ideas_count(advice: Any, asked: int | None) -> float | None:
    if not advice.ideas:
        return None
    return 1.0 if len(advice.ideas) == (asked or DEFAULT_IDEAS) else 0.0


def english_labels() -> list[str]:
    """The English side of every label the engine translates (where it differs from French)."""
    out = set()
    for pairs in LABELS.values():
        for en, fr in pairs.values():
            folded = en.casefold()
            if folded != fr.casefold() and folded not in ALLOWED_ENGLISH | FRENCH_TOO:
                out.add(en)
    return sorted(out, key=len, reverse=True)


# An English term given on purpose, in italics, beside its French word ("**gagnés** (*earned*)"):
# a lesson names the term the consultant will meet; it is not a label left untranslated.
_GLOSS = re.compile(r"(?<!\*)\*(?!\*)[^*\n]{1,40}(?<!\*)\*(?!\*)")


def french_labels(
    advice: Any, body: str, labels: Iterable[str], brands: Iterable[str] = ()
) -> float | None:
    """1.0 when a French answer's body (its source list aside) has no English label. Brand names
    (Japan Airlines) are proper nouns, and italic glosses deliberate: neither is a label."""
    if advice.language != "fr":
        return None
    return 0.0 if english_labels_in(plain_french(body, brands), labels) else 1.0


def plain_french(body: str, brands: Iterable[str] = ()) -> str:
    """The body without italic glosses and brand names: what must read as French."""
    text = _GLOSS.sub(" ", body)
    for brand in sorted(brands, key=len, reverse=True):
        text = text.replace(brand, " ")
    return text


def english_labels_in(body: str, labels: Iterable[str]) -> list[str]:
    """The English labels found in a French body: what `french_labels` failed on. Short codes
    ("men", "low") are ordinary words in other contexts and are not looked for."""
    return [
        en
        for en in labels
        if len(en) >= 4
        and any(
            not _in_a_name(body, m.start(), m.end())
            for m in re.finditer(rf"(?<![\w-]){re.escape(en)}(?![\w-])", body)
        )
    ]


_NAME_WORD = r"[A-ZÀ-Ý][\w&'’.-]*"


def _in_a_name(body: str, start: int, end: int) -> bool:
    """The label is a word of a proper name ("China Duty Free", "La French Tech", "RTL
    Belgium"): a capitalised word stands right before or after it."""
    before = re.search(rf"(?<![\w-]){_NAME_WORD} $", body[max(0, start - 40) : start])
    after = re.match(rf" {_NAME_WORD}", body[end : end + 40])
    return bool(before or after)
