"""Metric functions: pure, small, tested."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence

_CITE_RE = re.compile(r"\[(\d{1,3})\]")

_FR_WORDS = frozenset(
    [
        "le",
        "la",
        "les",
        "des",
        "une",
        "un",
        "du",
        "de",
        "et",
        "est",
        "pour",
        "avec",
        "sur",
        "dans",
        "vous",
        "nous",
        "votre",
        "vos",
        "qui",
        "que",
        "pas",
        "plus",
        "ce",
        "cette",
        "ces",
        "au",
        "aux",
        "leur",
        "leurs",
        "sont",
        "être",
        "faire",
        "par",
        "en",
        "ou",
        "où",
        "mais",
        "donc",
    ]
)
_EN_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "is",
        "are",
        "for",
        "with",
        "on",
        "in",
        "you",
        "we",
        "your",
        "our",
        "who",
        "that",
        "not",
        "more",
        "this",
        "these",
        "to",
        "of",
        "their",
        "be",
        "do",
        "by",
        "or",
        "but",
        "so",
        "it",
        "as",
        "from",
    ]
)


def recall_at(ranked: Sequence[str], relevant: set[str], k: int) -> float:
    if not relevant:
        return 0.0
    return len(set(ranked[:k]) & relevant) / len(relevant)


def hit_at(ranked: Sequence[str], relevant: set[str], k: int) -> float:
    return 1.0 if set(ranked[:k]) & relevant else 0.0


def mrr(ranked: Sequence[str], relevant: set[str]) -> float:
    for i, doc in enumerate(ranked, start=1):
        if doc in relevant:
            return 1.0 / i
    return 0.0


def ndcg_at(ranked: Sequence[str], relevant: set[str], k: int) -> float:
    dcg = sum(1.0 / math.log2(i + 1) for i, d in enumerate(ranked[:k], start=1) if d in relevant)
    ideal = sum(1.0 / math.log2(i + 1) for i in range(1, min(len(relevant), k) + 1))
    return dcg / ideal if ideal else 0.0


def citations(text: str) -> list[int]:
    return [int(n) for n in _CITE_RE.findall(text)]


def citation_validity(text: str, source_numbers: set[int]) -> float:
    """1.0 when every [n] in the text points to a listed source (vacuously true with none)."""
    cited = citations(text)
    if not cited:
        return 1.0
    return sum(1 for n in cited if n in source_numbers) / len(cited)


def detect_language(text: str) -> str:
    """An independent FR/EN detector for the evals (not the product's)."""
    words = re.findall(r"[a-zà-ÿ']+", text.lower())
    fr = sum(w in _FR_WORDS for w in words) + 2 * len(re.findall(r"[éèêàçùâîôû]", text.lower()))
    en = sum(w in _EN_WORDS for w in words)
    return "fr" if fr > en else "en"


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def contains_any(text: str, alternatives: str) -> bool:
    """`alternatives` is 'a|b|c': true when one of them occurs (case- and accent-insensitive)."""
    folded = _fold(text)
    return any(_fold(alt.strip()) in folded for alt in alternatives.split("|") if alt.strip())


def include_rate(text: str, must: Sequence[str], must_not: Sequence[str]) -> float:
    checks = [contains_any(text, m) for m in must] + [not contains_any(text, m) for m in must_not]
    return sum(checks) / len(checks) if checks else 1.0


def percentile(values: Sequence[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    lo, hi = math.floor(pos), math.ceil(pos)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)
