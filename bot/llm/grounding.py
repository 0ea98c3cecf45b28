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
import unicodedata
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
    """Strip citation numbers outside `allowed`; report the ones kept and the ones removed.

    The same result as feeding `text` whole to a `CitationFilter` (then flushing it), found by
    jumping from one `[` to the next instead of stepping through every character."""
    filt = CitationFilter(allowed=set(allowed))
    out: list[str] = []
    pos = 0  # text before `pos` is settled; the filter holds nothing pending there
    end = len(text)
    while (start := text.find("[", pos)) >= 0:
        lead = start  # the whitespace the filter holds back before a `[` (never before `pos`)
        while lead > pos and text[lead - 1].isspace():
            lead -= 1
        # Inner characters are held while the pending text (lead, `[`, inner) is under
        # _MAX_PENDING characters; the next one closes the group or releases it.
        limit = min(end, start + 1 + max(0, _MAX_PENDING - 1 - (start - lead)))
        j = start + 1
        while j < limit and text[j] in _INNER_CHARS:
            j += 1
        if j < end and text[j] == "]":
            out.append(text[pos:lead])
            out.append(filt._close(text[lead : j + 1]))
            pos = j + 1
        elif j >= end:
            break  # the text ends inside the group: flushed as it is
        else:  # not a citation: released as it is, and `text[j]` looked at afresh
            out.append(text[pos:j])
            pos = j
    out.append(text[pos:])
    return CitationCheck("".join(out), frozenset(filt.cited), tuple(filt.unknown))


# ---- leak check --------------------------------------------------------------------------------


# Format characters (zero-width space, joiners, BOM, soft hyphen…) are dropped before checking.
_SQUASH_MIN = 80  # letters and digits in a row (about 14 words once separators are gone)


def squash(text: str) -> str:
    """`text` normalised for the leak check: NFKC, case-folded, zero-width and other format
    characters removed, and every separator (spaces, punctuation) collapsed away, so neither
    `sys\u200btem` nor `youare` nor full-width letters hide a copied run."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if ch.isalnum() and unicodedata.category(ch) != "Cf")


def _squashed_grams(secret: str, size: int) -> set[str]:
    flat = squash(secret)
    return {flat[i : i + size] for i in range(len(flat) - size + 1)}


def leaks_prompt(answer: str, secret: str, *, run: int = 12) -> bool:
    """True when `answer` reproduces `run` consecutive words of `secret` (the system prompt),
    compared on normalised text (see `squash`)."""
    secret_words = [w.lower() for w in _WORD.findall(secret)]
    answer_words = [w.lower() for w in _WORD.findall(answer)]
    if len(secret_words) >= run and len(answer_words) >= run:
        grams = {tuple(secret_words[i : i + run]) for i in range(len(secret_words) - run + 1)}
        if any(
            tuple(answer_words[i : i + run]) in grams for i in range(len(answer_words) - run + 1)
        ):
            return True
    size = _squash_size(run)
    flat = squash(answer)
    if len(flat) < size:
        return False
    squashed = _squashed_grams(secret, size)
    return any(flat[i : i + size] in squashed for i in range(len(flat) - size + 1))


def _squash_size(run: int) -> int:
    return max(_SQUASH_MIN * run // 12, 20)


class LeakGuard:
    """`leaks_prompt` for a stream: checks the runs ending in the text fed so far (a window)."""

    WINDOW_CHARS = 800

    def __init__(self, secret: str, *, run: int = 12) -> None:
        words = [w.lower() for w in _WORD.findall(secret)]
        self.run = run
        self._grams = {tuple(words[i : i + run]) for i in range(len(words) - run + 1)}
        self._size = _squash_size(run)
        self._squashed = _squashed_grams(secret, self._size)
        self._tail = ""

    def feed(self, piece: str) -> bool:
        """True as soon as the text fed so far reproduces `run` consecutive secret words."""
        self._tail = (self._tail + piece)[-self.WINDOW_CHARS :]
        words = [w.lower() for w in _WORD.findall(self._tail)]
        if any(
            tuple(words[i : i + self.run]) in self._grams for i in range(len(words) - self.run + 1)
        ):
            return True
        flat = squash(self._tail)
        return any(
            flat[i : i + self._size] in self._squashed for i in range(len(flat) - self._size + 1)
        )


# ---- copied text ---------------------------------------------------------------------------------


def strip_unknown_citations(advice: Advice, body: str = "") -> tuple[Advice, str]:
    """Remove `[n]` citations that match no source from text the engine copied out of the
    knowledge base (a document quoting `[99]` must not look like a citation of ours)."""
    allowed = allowed_numbers(advice)

    def clean(text: str | None) -> str | None:
        if not text or "[" not in text:
            return text
        return check_citations(text, allowed).text

    update: dict[str, object] = {"text": clean(advice.text) or ""}
    if advice.learn is not None:
        card = advice.learn
        update["learn"] = card.model_copy(
            update={
                "concept": clean(card.concept) or "",
                "explanation": clean(card.explanation) or "",
                "example": clean(card.example),
                "applied": clean(card.applied),
                "glossary": clean(card.glossary),
                "check_question": clean(card.check_question) or "",
            }
        )
    if advice.ideas:
        update["ideas"] = [
            idea.model_copy(
                update={
                    name: clean(getattr(idea, name)) or ""
                    for name in ("name", "insight", "spread", "first_step")
                }
            )
            for idea in advice.ideas
        ]
    if advice.plan is not None:
        plan_update = {}
        for name in type(advice.plan).model_fields:
            items = getattr(advice.plan, name)
            plan_update[name] = [
                item.model_copy(
                    update={"title": clean(item.title) or "", "detail": clean(item.detail) or ""}
                )
                for item in items
            ]
        update["plan"] = advice.plan.model_copy(update=plan_update)
    return advice.model_copy(update=update), clean(body) or ""
