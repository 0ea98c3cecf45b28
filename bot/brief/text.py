"""Text plumbing for the brief parser: normalisation, accent folding, tokens, phrase tables.

`normalise` cleans odd Unicode (NFKC, zero-width characters, exotic spaces, quotes, dashes) and
caps the length. `fold` lower-cases and strips accents *character by character*, so that an index
in the folded text is the same index in the normalised text: matches found on the folded text can
be read back from the original words (for `Brief.audience`, `Timing.text`, `Brief.client`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

MAX_CHARS = 5_000  # the parser reads at most this many characters of a message

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = dict.fromkeys(map(ord, "\u00a0\u202f\u2007\u2009\u200a\u3000\t\r\x0b\x0c"), " ")
_QUOTES = dict.fromkeys(map(ord, "\u2019\u2018\u02bc\u0060\u00b4\u2032"), "'")
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
_TRANSLATE: dict[int, str | None] = {**_ZERO_WIDTH, **_SPACES, **_QUOTES, **_DASHES}
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# Slack markup: links keep their label, mentions and bare URLs go (a URL's words are not a brief).
_SLACK_LINK = re.compile(r"<(?:https?|mailto):[^|>\s]{0,2000}\|([^>]{0,500})>")
_SLACK_TOKEN = re.compile(r"<[@#!][^>\s]{0,200}>|<(?:https?|mailto):[^>\s]{0,2000}>")
_URL = re.compile(r"\bhttps?://\S{1,2000}|\bwww\.\S{1,2000}")
_BLANKS = re.compile(r" {2,}")  # long runs of spaces would only slow the patterns down
_NEWLINES = re.compile(r"\n(?: ?\n)+")


def normalise(text: str, limit: int = MAX_CHARS) -> str:
    """NFKC, without zero-width characters, with plain spaces, quotes and dashes; capped."""
    if not isinstance(text, str):  # defensive: callers are typed, Slack payloads are not
        return ""
    text = text[: limit * 2]  # NFKC may expand a little; cap the work before normalising
    text = unicodedata.normalize("NFKC", text).translate(_TRANSLATE)
    text = _CONTROL.sub(" ", text)
    text = _URL.sub(" ", _SLACK_TOKEN.sub(" ", _SLACK_LINK.sub(r"\1", text)))
    return _NEWLINES.sub("\n\n", _BLANKS.sub(" ", text))[:limit]


@lru_cache(maxsize=16384)
def compiled(pattern: str) -> re.Pattern[str]:
    """A pattern compiled once: the engine builds thousands of whole-word patterns from the
    knowledge base, more than `re`'s own cache keeps, so each would be compiled again per call."""
    return re.compile(pattern)


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    low = c.lower()
    if len(low) != 1:
        return c
    base = unicodedata.normalize("NFD", low)[0]
    return base if len(base) == 1 else low


def fold(text: str) -> str:
    """Lower-case and strip accents, keeping exactly one character per input character."""
    if text.isascii():
        return text.lower()
    return "".join(c.lower() if c < "\x80" else _fold_char(c) for c in text)


_TOKEN = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class Token:
    text: str  # folded
    start: int
    end: int


def tokens(folded: str) -> list[Token]:
    """Word tokens of a folded text; apostrophes and hyphens separate words ("l'été" → l, ete)."""
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(folded)]


V = TypeVar("V")


@dataclass(frozen=True, slots=True)
class Match(Generic[V]):
    start: int  # character span in the text
    end: int
    first: int  # token span
    last: int  # exclusive
    value: V


class PhraseTable(Generic[V]):
    """Longest-match lookup of multi-word phrases over tokens (a tiny gazetteer automaton).

    Keys are folded phrases ("royaume uni", "l oreal"); punctuation in keys is ignored, so
    "royaume-uni" and "royaume uni" are the same key. A value of None is a *stop phrase*: it
    consumes its words without producing a match ("french fries" stops "french").
    """

    def __init__(self, entries: Mapping[str, V | None] | Iterable[tuple[str, V | None]]):
        items = entries.items() if isinstance(entries, Mapping) else entries
        self._index: dict[str, list[tuple[tuple[str, ...], V | None]]] = {}
        for key, value in items:
            words = tuple(t.text for t in tokens(fold(key)))
            if words:
                self._index.setdefault(words[0], []).append((words, value))
        for options in self._index.values():
            options.sort(key=lambda kv: -len(kv[0]))

    def find(self, toks: list[Token]) -> list[Match[V]]:
        found: list[Match[V]] = []
        i, n = 0, len(toks)
        while i < n:
            options = self._index.get(toks[i].text)
            hit = None
            if options:
                for words, value in options:
                    k = len(words)
                    if i + k <= n and all(toks[i + j].text == words[j] for j in range(1, k)):
                        hit = (k, value)
                        break
            if hit is None:
                i += 1
                continue
            k, value = hit
            if value is not None:
                found.append(Match(toks[i].start, toks[i + k - 1].end, i, i + k, value))
            i += k
        return found


def expand(*stems: str) -> list[str]:
    """French/English adjective and noun forms: "allemand" → allemand, allemande(s), allemands."""
    out: list[str] = []
    for stem in stems:
        out.extend((stem, stem + "s", stem + "e", stem + "es"))
    return out


def blank(text: str, start: int, end: int) -> str:
    """Replace a span by spaces (keeps indices), so later patterns do not match it again."""
    return text[:start] + " " * (end - start) + text[end:]


def ask_sentence(text: str) -> str:
    """The question a message closes on: its last sentence that asks (ends with "?"), else its
    last sentence."""
    sentences: list[str] = [
        m.group().strip() for m in re.finditer(r"[^.?!\n]+[.?!]?", text) if m.group().strip(" .?!")
    ]
    asking = [x for x in sentences if x.endswith("?")]
    return (asking or sentences or [""])[-1]
