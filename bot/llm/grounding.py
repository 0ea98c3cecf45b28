"""Grounding: retrieved text as quoted data, citation checks, and the system-prompt leak check.

The model sees knowledge passages inside `<document n="…">…</document>` blocks whose content is
escaped (`<`, `>`, `&`), so a document can neither close its block nor open a new one. It may
cite `[n]` only for the numbers it was given; `CitationFilter` removes any other number, and
runs identically on a stream (deltas) and on a whole text, so the concatenation of the cleaned
deltas is exactly the cleaned text.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from bot.models import Advice, Passage, SourceRef

MAX_DOC_CHARS = 1800
MAX_TOTAL_CHARS = 14000
_INNER = re.compile(r"^\s*\d+(?:\s*[-–]\s*\d+)?(?:\s*,\s*\d+(?:\s*[-–]\s*\d+)?)*\s*$")
_INNER_CHARS = frozenset("0123456789,- –")
_MAX_PENDING = 48
_WORD = re.compile(r"\w+", re.UNICODE)


def escape_data(text: str) -> str:
    """Escape text placed inside a delimited data block (`&`, `<`, `>`)."""
    return html.escape(text, quote=False)


def _attr(text: str) -> str:
    return html.escape(" ".join(text.split()), quote=True)


def quote_block(tag: str, text: str) -> str:
    return f"<{tag}>\n{escape_data(text.strip())}\n</{tag}>"


def allowed_numbers(advice: Advice) -> set[int]:
    """The citation numbers the model may use: the numbered sources and passages it received."""
    return {s.n for s in advice.sources} | {p.n for p in advice.passages}


def documents_block(
    sources: list[SourceRef],
    passages: list[Passage],
    *,
    max_doc_chars: int = MAX_DOC_CHARS,
    max_total_chars: int = MAX_TOTAL_CHARS,
) -> str:
    """One `<document n=…>` per numbered source, holding its retrieved passages (escaped)."""
    by_n: dict[int, list[Passage]] = {}
    for passage in passages:
        by_n.setdefault(passage.n, []).append(passage)
    titles = {s.n: s for s in sources}
    numbers = sorted(set(titles) | set(by_n))
    blocks: list[str] = []
    total = 0
    for n in numbers:
        src = titles.get(n)
        parts = [p.text.strip() for p in by_n.get(n, []) if p.text.strip()]
        body = "\n\n".join(parts) if parts else "(no excerpt retrieved; title only)"
        body = body[:max_doc_chars]
        budget = max_total_chars - total
        if budget <= 200:
            body = "(excerpt omitted for length)"
        elif len(body) > budget:
            body = body[:budget]
        total += len(body)
        attrs = [f'n="{n}"']
        if src is not None:
            attrs.append(f'title="{_attr(src.title)}"')
            attrs.append(f'kind="{_attr(src.kind)}"')
            if src.section:
                attrs.append(f'section="{_attr(src.section)}"')
        blocks.append(f"<document {' '.join(attrs)}>\n{escape_data(body)}\n</document>")
    if not blocks:
        return "<documents>\n(no documents)\n</documents>"
    return "<documents>\n" + "\n".join(blocks) + "\n</documents>"


# ---- citations ---------------------------------------------------------------------------------


def _numbers(inner: str) -> list[int] | None:
    if not _INNER.match(inner):
        return None
    out: list[int] = []
    for part in inner.split(","):
        bounds = [int(x) for x in re.split(r"[-–]", part) if x.strip()]
        if len(bounds) == 2 and 0 <= bounds[1] - bounds[0] <= 50:
            out.extend(range(bounds[0], bounds[1] + 1))
        else:
            out.extend(bounds)
    return out


@dataclass
class CitationFilter:
    """Removes unknown `[n]` citations from a text, fed whole or in streamed pieces."""

    allowed: set[int]
    cited: set[int] = field(default_factory=set)
    unknown: list[int] = field(default_factory=list)
    _pending: str = ""

    def feed(self, piece: str) -> str:
        out: list[str] = []
        for ch in piece:
            self._step(ch, out)
        return "".join(out)

    def flush(self) -> str:
        rest, self._pending = self._pending, ""
        return rest

    def _step(self, ch: str, out: list[str]) -> None:
        pending = self._pending
        if "[" not in pending:
            if ch.isspace() or ch == "[":
                self._pending = pending + ch
            else:
                out.append(pending + ch)
                self._pending = ""
            return
        if ch == "]":
            out.append(self._close(pending + ch))
            self._pending = ""
        elif ch in _INNER_CHARS and len(pending) < _MAX_PENDING:
            self._pending = pending + ch
        else:  # not a citation after all: release it and look at `ch` afresh
            out.append(pending)
            self._pending = ""
            self._step(ch, out)

    def _close(self, group: str) -> str:
        lead, _, rest = group.partition("[")
        numbers = _numbers(rest[:-1])
        if numbers is None:
            return group
        kept = [n for n in numbers if n in self.allowed]
        for n in numbers:
            if n not in self.allowed and n not in self.unknown:
                self.unknown.append(n)
        self.cited.update(kept)
        if len(kept) == len(numbers):
            return group
        if not kept:
            return ""
        return f"{lead}[{', '.join(str(n) for n in dict.fromkeys(kept))}]"


@dataclass(frozen=True)
class CitationCheck:
    text: str
    cited: frozenset[int]
    unknown: tuple[int, ...]


def check_citations(text: str, allowed: set[int]) -> CitationCheck:
    """Strip citation numbers outside `allowed`; report the ones kept and the ones removed."""
    filt = CitationFilter(allowed=set(allowed))
    cleaned = filt.feed(text) + filt.flush()
    return CitationCheck(cleaned, frozenset(filt.cited), tuple(filt.unknown))


# ---- leak check --------------------------------------------------------------------------------


def leaks_prompt(answer: str, secret: str, *, run: int = 12) -> bool:
    """True when `answer` reproduces `run` consecutive words of `secret` (the system prompt)."""
    secret_words = [w.lower() for w in _WORD.findall(secret)]
    answer_words = [w.lower() for w in _WORD.findall(answer)]
    if len(secret_words) < run or len(answer_words) < run:
        return False
    grams = {tuple(secret_words[i : i + run]) for i in range(len(secret_words) - run + 1)}
    return any(
        tuple(answer_words[i : i + run]) in grams for i in range(len(answer_words) - run + 1)
    )


class LeakGuard:
    """`leaks_prompt` for a stream: checks the runs ending in the text fed so far (a window)."""

    WINDOW_CHARS = 800

    def __init__(self, secret: str, *, run: int = 12) -> None:
        words = [w.lower() for w in _WORD.findall(secret)]
        self.run = run
        self._grams = {tuple(words[i : i + run]) for i in range(len(words) - run + 1)}
        self._tail = ""

    def feed(self, piece: str) -> bool:
        """True as soon as the text fed so far reproduces `run` consecutive secret words."""
        self._tail = (self._tail + piece)[-self.WINDOW_CHARS :]
        words = [w.lower() for w in _WORD.findall(self._tail)]
        return any(
            tuple(words[i : i + self.run]) in self._grams for i in range(len(words) - self.run + 1)
        )
