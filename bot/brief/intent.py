"""What kind of answer is wanted: a strategy, ideas, a lesson, or something else; and its topic."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.brief.gazetteer import (
    GREETINGS,
    IDEA_STRONG,
    IDEA_WEAK,
    LEARN_TRIGGERS,
    OFF_TOPIC,
    STRATEGY_WORDS,
)
from bot.brief.text import Token
from bot.models import Mode


@dataclass(frozen=True)
class Signals:
    """How much of a brief the text contains (from the other extractors)."""

    markets: int = 0
    objectives: int = 0
    sector: bool = False
    budget: bool = False
    audiences: int = 0
    timing: bool = False

    @property
    def content(self) -> int:
        """Brief content that is not merely a place (a city also appears in small talk)."""
        return self.objectives + int(self.sector) + int(self.budget) + self.audiences


@dataclass(frozen=True)
class Intent:
    mode: Mode
    explicit: bool  # said in words ("explain", "ideas") rather than inferred
    topic: str | None = None


_LEADING = re.compile(
    r"^(?:(?:moi|me|nous|us|svp|stp|please|vite|rapidement|quickly|briefly|simplement|simply|"
    r"en quelques mots|in a few words|exactement|exactly|vraiment|really|donc|so|alors|then|"
    r"c'est|is|are|it|ce que|what|a|an|the|le|la|les|l'|un|une|des|du|de|d'|quoi|avec|with|"
    r"between|entre|"
    r"sur|on|about|pour|for|of)\b\s*|[-:,'\s])+",
    re.IGNORECASE,
)
_TRAILING = re.compile(
    r"(?:\s*\b(?:svp|stp|please|exactement|exactly|en pr|in pr|en communication|"
    r"in comms|en quelques mots|in a few words|pour moi|for me|simplement|simply|concr[eè]tement|"
    r"exactly|au juste|vraiment|c'est quoi|work|fonctionne|marche|mean|means|signifie|"
    r"veut dire|plut[oô]t|instead|rather|aussi|also|too|maintenant|now|please)\b|[\s?!.,:;…])+$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[?!.\n;]|$")


def _topic_after(original: str, start: int) -> str | None:
    end = _SENTENCE_END.search(original, start)
    chunk = original[start : end.start() if end else len(original)][:200]
    chunk = _LEADING.sub("", _ASIDE.sub("", chunk))
    chunk = _TRAILING.sub("", chunk).strip(" \"'«»“”")
    if not chunk or not re.search(r"\w", chunk):
        return None
    return chunk[:80].strip()


# "… avant ma réunion", "… for my pitch tomorrow": the asker's situation, not the concept.
_ASIDE = re.compile(
    r"\s+(?:avant|before|pour|for|d'ici|by)\s+(?:ma|mon|mes|notre|nos|my|our|demain|tomorrow)"
    r"\b.*$",
    re.IGNORECASE,
)


def _topic_before(original: str, end: int) -> str | None:
    start = max(original.rfind(c, 0, end) for c in "?!.\n")
    chunk = original[max(start + 1, end - 200) : end]
    chunk = _TRAILING.sub("", chunk.strip(" ,:-")).strip(" \"'«»“”")
    chunk = _LEADING.sub("", chunk)
    if not chunk or not re.search(r"\w", chunk):
        return None
    return chunk[:80].strip()


def detect_intent(original: str, toks: list[Token], signals: Signals) -> Intent:
    if not toks:
        return Intent("other", explicit=False)
    learn = LEARN_TRIGGERS.find(toks)
    idea_strong = IDEA_STRONG.find(toks)
    idea_weak = IDEA_WEAK.find(toks)
    strategy = STRATEGY_WORDS.find(toks)
    off_topic = OFF_TOPIC.find(toks)

    if off_topic and not strategy and not idea_strong and signals.content <= 1:
        return Intent("other", explicit=True)
    trigger = learn[0] if learn and not strategy and not idea_strong else None
    if trigger is not None:
        definitional = trigger.value == "define"
        limit = signals.content if definitional else signals.content + signals.markets
        if limit >= 2 or signals.budget:
            trigger = None
    if trigger is not None:
        topic = _topic_after(original, trigger.end)
        if topic is None or (trigger.first > 0 and _looks_like_tail(original, trigger.end)):
            topic = _topic_before(original, trigger.start) or topic
        return Intent("learn", explicit=True, topic=topic)
    if idea_strong or (idea_weak and not strategy):
        topic = None
        for idea in reversed(idea_strong or idea_weak):  # the last trigger is nearest the subject
            topic = _idea_topic(original, idea.end)
            if topic:
                break
        return Intent("idea", explicit=True, topic=topic)
    if strategy:
        return Intent("strategy", explicit=True)
    if signals.content > 0:
        return Intent("strategy", explicit=False)
    if GREETINGS.find(toks):
        return Intent("other", explicit=False)
    if signals.markets or signals.timing:
        return Intent("strategy", explicit=False)
    return Intent("strategy" if len(toks) >= 6 else "other", explicit=False)


def _looks_like_tail(original: str, end: int) -> bool:
    """ "Le PESO, c'est quoi ?": nothing meaningful after the trigger."""
    rest = original[end:]
    stop = _SENTENCE_END.search(rest)
    return not re.search(r"\w", rest[: stop.start() if stop else len(rest)])


_IDEA_LEAD = re.compile(
    r"^\s*(?:(?:pour|for|about|on|sur|autour de|around|de|d'|of|to|la|le|les|l'|un|une|des|"
    r"du|the|a|an|de campagne|campaign)\b\s*|['\s:,-])*",
    re.IGNORECASE,
)


def _idea_topic(original: str, start: int) -> str | None:
    end = _SENTENCE_END.search(original, start)
    chunk = original[start : end.start() if end else len(original)][:200]
    chunk = _IDEA_LEAD.sub("", chunk)
    chunk = _TRAILING.sub("", chunk).strip(" \"'«»“”,")
    if not chunk or not re.search(r"\w", chunk):
        return None
    return chunk[:80].strip()
