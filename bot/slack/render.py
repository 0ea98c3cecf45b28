"""Markdown → Slack mrkdwn and Block Kit, as pure functions (no I/O, no Slack client).

* `defang` neutralises broadcast and user mentions in generated text (`<!channel>`, `<!here>`,
  `<!everyone>`, `<!subteam^…>`, `<@U…>`/`<@W…>`, bare `@channel`/`@here`/`@everyone`): a model
  or a knowledge file must never ping a channel.
* `md_to_mrkdwn` walks markdown-it-py's token stream (CommonMark + tables + strikethrough, raw
  HTML off) and writes mrkdwn; every piece of text is escaped (`&`, `<`, `>`), so nothing in the
  answer can form Slack's control syntax.
* `split_text` cuts long mrkdwn at paragraph, then line, then word boundaries, never inside a
  word; a code block too long for one piece is closed and re-opened, so each piece stays valid.
* `answer_messages` lays out an `Advice` as messages of at most 50 blocks, each section text at
  most 3,000 characters: the strategy card (targeting, channels, timing, mechanic, KPIs, risks),
  the text, the clarifying question, notices, numbered sources and the feedback buttons.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from markdown_it import MarkdownIt

from bot.models import Advice, Plan, PlanItem, SourceRef
from bot.slack.strings import s

MAX_BLOCKS = 50
MAX_SECTION = 3000
MAX_HEADER = 150
MAX_FALLBACK = 300
ZWSP = "\u200b"
FEEDBACK_BLOCK = "levier_feedback"
FEEDBACK_UP = "levier_feedback_up"
FEEDBACK_DOWN = "levier_feedback_down"
PLAN_SECTIONS = ("targeting", "channels", "timing", "mechanics", "kpis", "risks")

Block = dict[str, Any]

# ---- defanging ------------------------------------------------------------------------------

_SPECIAL_RE = re.compile(r"<!(channel|here|everyone)(?:\|[^>]*)?>", re.IGNORECASE)
_SUBTEAM_RE = re.compile(r"<!subteam\^([A-Z0-9]+)(?:\|([^>]*))?>", re.IGNORECASE)
_OTHER_SPECIAL_RE = re.compile(r"<!([^>|]*)(?:\|([^>]*))?>")
_USER_RE = re.compile(r"<@([UW][A-Z0-9]+)(?:\|([^>]*))?>", re.IGNORECASE)
_CHANNEL_REF_RE = re.compile(r"<#([CG][A-Z0-9]+)(?:\|([^>]*))?>", re.IGNORECASE)
_BARE_RE = re.compile(r"(?<![\w@])[@＠](channel|here|everyone)\b", re.IGNORECASE)


def defang(text: str) -> str:
    """Neutralise every mention syntax so generated text cannot notify anyone."""
    text = _SPECIAL_RE.sub(lambda m: f"@{ZWSP}{m.group(1)}", text)
    text = _SUBTEAM_RE.sub(lambda m: f"@{ZWSP}{(m.group(2) or m.group(1)).lstrip('@')}", text)
    text = _USER_RE.sub(lambda m: f"@{ZWSP}{(m.group(2) or m.group(1)).lstrip('@')}", text)
    text = _CHANNEL_REF_RE.sub(lambda m: f"#{ZWSP}{(m.group(2) or m.group(1)).lstrip('#')}", text)
    text = _OTHER_SPECIAL_RE.sub(lambda m: m.group(2) or m.group(1), text)
    return _BARE_RE.sub(lambda m: f"@{ZWSP}{m.group(1)}", text)


def escape(text: str) -> str:
    """Slack's three control characters, escaped as its docs require."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def plain(text: str) -> str:
    """Defanged text for a plain_text field or a notification fallback."""
    return defang(text)


# ---- Markdown → mrkdwn ----------------------------------------------------------------------

_MD: MarkdownIt | None = None


def _parser() -> MarkdownIt:
    global _MD
    if _MD is None:
        _MD = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    return _MD


_SAFE_SCHEMES = ("http://", "https://", "mailto:")


def _inline(tokens: Sequence[Any] | None, *, in_heading: bool = False) -> str:
    out: list[str] = []
    link_stack: list[tuple[str | None, int]] = []
    for tok in tokens or ():
        kind = tok.type
        if kind == "text":
            out.append(escape(tok.content))
        elif kind in ("softbreak", "hardbreak"):
            out.append("\n")
        elif kind == "code_inline":
            out.append(f"`{escape(tok.content)}`" if tok.content.strip() else escape(tok.content))
        elif kind in ("strong_open", "strong_close"):
            if not in_heading:
                out.append("*")
        elif kind in ("em_open", "em_close"):
            out.append("_")
        elif kind in ("s_open", "s_close"):
            out.append("~")
        elif kind == "link_open":
            href = str(tok.attrs.get("href") or "")
            link_stack.append((href if href.startswith(_SAFE_SCHEMES) else None, len(out)))
        elif kind == "link_close" and link_stack:
            target, start = link_stack.pop()
            label = "".join(out[start:]).replace("|", "∣")
            del out[start:]
            if target is None:
                out.append(label)
            elif label.strip() and label != escape(target):
                out.append(f"<{escape(target)}|{label}>")
            else:
                out.append(f"<{escape(target)}>")
        elif kind == "image":
            src = str(tok.attrs.get("src") or "")
            alt = escape(tok.content or "image").replace("|", "∣")
            out.append(f"<{escape(src)}|{alt}>" if src.startswith(_SAFE_SCHEMES) else alt)
        elif kind == "html_inline" or tok.content:
            out.append(escape(tok.content))
    return "".join(out)


@dataclass
class _ListState:
    ordered: bool
    tight: bool
    counter: int = 1


@dataclass
class _Writer:
    lines: list[str] = field(default_factory=list)
    quote: int = 0
    lists: list[_ListState] = field(default_factory=list)
    marker: str | None = None  # the bullet waiting for the first line of a list item
    last_in_tight_list: bool = False
    last_quote: int = 0

    def emit(self, text: str, *, separate: bool = True) -> None:
        in_tight = bool(self.lists) and self.lists[-1].tight
        if self.lines and separate and not (in_tight and self.last_in_tight_list):
            self.lines.append(">" * min(self.quote, self.last_quote))
        self.last_quote = self.quote
        indent = "    " * max(0, len(self.lists) - 1)
        quote = "> " * self.quote
        for i, line in enumerate(text.split("\n")):
            if i == 0 and self.marker is not None:
                prefix = indent + self.marker
                self.marker = None
            elif self.lists:
                prefix = indent + "    "
            else:
                prefix = ""
            self.lines.append(f"{quote}{prefix}{line}".rstrip() if line else quote.rstrip())
        self.last_in_tight_list = in_tight


def md_to_mrkdwn(markdown: str) -> str:
    """Render Markdown as Slack mrkdwn; the output is defanged and escaped."""
    tokens = _parser().parse(defang(markdown))
    w = _Writer()
    table_row: list[str] = []
    in_header = False
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        kind = tok.type
        if kind == "heading_open":
            w.emit(f"*{_inline(tokens[i + 1].children, in_heading=True).strip()}*")
            i += 3
            continue
        if kind == "paragraph_open":
            w.emit(_inline(tokens[i + 1].children))
            i += 3
            continue
        if kind in ("bullet_list_open", "ordered_list_open"):
            tight = _is_tight(tokens, i)
            start = int(tok.attrs.get("start") or 1) if kind == "ordered_list_open" else 1
            nested_in_tight = bool(w.lists) and w.lists[-1].tight
            w.lists.append(
                _ListState(ordered=kind == "ordered_list_open", tight=tight, counter=start)
            )
            w.last_in_tight_list = w.last_in_tight_list and nested_in_tight and tight
        elif kind in ("bullet_list_close", "ordered_list_close"):
            w.lists.pop()
            w.last_in_tight_list = w.last_in_tight_list and bool(w.lists) and w.lists[-1].tight
        elif kind == "list_item_open":
            state = w.lists[-1]
            if state.ordered:
                number = tok.info or str(state.counter)
                w.marker = f"{number}. "
                state.counter = int(number) + 1 if number.isdigit() else state.counter + 1
            else:
                w.marker = "• " if len(w.lists) % 2 else "◦ "
        elif kind == "list_item_close":
            if w.marker is not None:  # an empty item
                w.emit("")
        elif kind == "blockquote_open":
            w.quote += 1
        elif kind == "blockquote_close":
            w.quote -= 1
        elif kind in ("fence", "code_block"):
            body = escape(tok.content.rstrip("\n"))
            w.emit(f"```\n{body}\n```")
        elif kind == "hr":
            w.emit("───")
        elif kind == "html_block":
            w.emit(escape(tok.content.rstrip("\n")))
        elif kind == "thead_open":
            in_header = True
        elif kind == "thead_close":
            in_header = False
        elif kind == "tr_open":
            table_row = []
        elif kind == "inline" and _in_table(tokens, i):
            cell = _inline(tok.children)
            table_row.append(f"*{cell}*" if in_header and cell else cell)
        elif kind == "tr_close":
            w.emit(" | ".join(table_row), separate=not _row_follows_row(tokens, i))
        i += 1
    return "\n".join(w.lines).strip("\n")


def _is_tight(tokens: Sequence[Any], start: int) -> bool:
    depth = 0
    for tok in tokens[start:]:
        depth += tok.nesting
        if tok.type == "paragraph_open" and depth == 3:  # list > item > paragraph
            return bool(tok.hidden)
        if depth == 0:
            break
    return True


def _in_table(tokens: Sequence[Any], i: int) -> bool:
    return i > 0 and tokens[i - 1].type in ("th_open", "td_open")


def _row_follows_row(tokens: Sequence[Any], i: int) -> bool:
    """True when the row closing at `i` is not the first row of its table."""
    j = i - 1
    while j >= 0 and tokens[j].type != "table_open":
        if tokens[j].type == "tr_close":
            return True
        j -= 1
    return False


# ---- splitting ------------------------------------------------------------------------------

_FENCE = "```"


def _units(text: str) -> list[tuple[str, bool]]:
    """Paragraph units (text, is_code); a code block is one unit even with blank lines."""
    units: list[tuple[str, bool]] = []
    current: list[str] = []
    in_code = False
    for line in text.split("\n"):
        stripped = line.lstrip("> ").strip()
        if in_code:
            current.append(line)
            if stripped.endswith(_FENCE) and (stripped != _FENCE or len(current) > 1):
                units.append(("\n".join(current), True))
                current, in_code = [], False
            continue
        if stripped.startswith(_FENCE) and not (stripped.endswith(_FENCE) and len(stripped) > 3):
            if current:
                units.append(("\n".join(current), False))
            current, in_code = [line], True
            continue
        if not line.strip():
            if current:
                units.append(("\n".join(current), False))
                current = []
            continue
        current.append(line)
    if current:
        units.append(("\n".join(current), in_code))
    return units


def _split_words(line: str, limit: int) -> list[str]:
    pieces: list[str] = []
    current = ""
    for word in re.findall(r"\S+\s*", line):
        if len(current) + len(word.rstrip()) <= limit:
            current += word
            continue
        if current.strip():
            pieces.append(current.rstrip())
        while len(word.rstrip()) > limit:  # one "word" longer than a block: cut it
            pieces.append(word[:limit])
            word = word[limit:]
        current = word
    if current.strip():
        pieces.append(current.rstrip())
    return pieces


def _split_lines(text: str, limit: int) -> list[str]:
    pieces: list[str] = []
    current = ""
    for line in text.split("\n"):
        for part in [line] if len(line) <= limit else _split_words(line, limit):
            candidate = f"{current}\n{part}" if current else part
            if len(candidate) <= limit:
                current = candidate
            else:
                if current:
                    pieces.append(current)
                current = part
    if current:
        pieces.append(current)
    return pieces


def _split_code(text: str, limit: int) -> list[str]:
    lines = text.split("\n")
    opening, closing = lines[0], lines[-1]
    body = "\n".join(lines[1:-1])
    room = limit - len(opening) - len(_FENCE) - 2
    return [f"{opening}\n{part}\n{_FENCE}" for part in _split_lines(body, max(room, 1))] or [
        f"{opening}\n{closing}"
    ]


def split_text(text: str, limit: int = MAX_SECTION) -> list[str]:
    """Cut `text` into pieces of at most `limit` characters at clean boundaries."""
    pieces: list[str] = []
    current = ""
    for unit, is_code in _units(text):
        if len(unit) > limit:
            if current:
                pieces.append(current)
                current = ""
            parts = _split_code(unit, limit) if is_code else _split_lines(unit, limit)
            pieces.extend(parts[:-1])
            current = parts[-1] if parts else ""
            continue
        candidate = f"{current}\n\n{unit}" if current else unit
        if len(candidate) <= limit:
            current = candidate
        else:
            pieces.append(current)
            current = unit
    if current:
        pieces.append(current)
    return pieces


# ---- blocks ---------------------------------------------------------------------------------


def section(mrkdwn: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": mrkdwn[:MAX_SECTION]}}


def sections(mrkdwn: str) -> list[Block]:
    return [section(part) for part in split_text(mrkdwn) if part.strip()]


def source_url(source: SourceRef, base_url: str | None) -> str | None:
    if not base_url:
        return None
    return base_url.rstrip("/") + "/" + quote(source.path.lstrip("/"))


def sources_mrkdwn(sources: Iterable[SourceRef], base_url: str | None, lang: str) -> str:
    lines = [f"*{s('h.sources', lang)}*"]
    for src in sources:
        title = escape(defang(src.title)).replace("|", "∣")
        url = source_url(src, base_url)
        if url:
            lines.append(f"[{src.n}] <{escape(url)}|{title}>")
        else:
            lines.append(f"[{src.n}] {title} — `{escape(defang(src.path))}`")
    return "\n".join(lines)


def _item_line(item: PlanItem) -> str:
    title = md_to_mrkdwn(item.title).replace("\n", " ")
    line = f"• *{title}*" if title else "•"
    if item.detail:
        line += " — " + md_to_mrkdwn(item.detail)
    if item.sources:
        line += " " + "".join(f"[{n}]" for n in item.sources)
    return line


def card_blocks(plan: Plan, lang: str, title: str | None = None) -> list[Block]:
    """The strategy card: a header and one section per part of the plan."""
    blocks: list[Block] = [
        {
            "type": "header",
            "text": {
                "type": "plain_text",
                "text": plain(title or s("card.title", lang))[:MAX_HEADER],
                "emoji": True,
            },
        }
    ]
    for name in PLAN_SECTIONS:
        items: list[PlanItem] = getattr(plan, name)
        if not items:
            continue
        body = f"*{s('h.' + name, lang)}*\n" + "\n".join(_item_line(it) for it in items)
        blocks.extend(sections(body))
    return blocks


def feedback_block(answer_id: str, lang: str) -> Block:
    return {
        "type": "actions",
        "block_id": FEEDBACK_BLOCK,
        "elements": [
            {
                "type": "button",
                "action_id": FEEDBACK_UP,
                "text": {"type": "plain_text", "text": f"👍 {s('fb.up', lang)}", "emoji": True},
                "value": answer_id,
            },
            {
                "type": "button",
                "action_id": FEEDBACK_DOWN,
                "text": {"type": "plain_text", "text": f"👎 {s('fb.down', lang)}", "emoji": True},
                "value": answer_id,
            },
        ],
    }


def markdown_to_plain(markdown: str) -> str:
    """The words of a Markdown text without its markup (`**`, `#`, `- `, `[label](url)`…)."""
    parts: list[str] = []
    for tok in _parser().parse(markdown):
        if tok.type == "inline":
            words: list[str] = []
            for child in tok.children or ():
                if child.type in ("text", "code_inline", "html_inline"):
                    words.append(child.content)
                elif child.type in ("softbreak", "hardbreak"):
                    words.append(" ")
                elif child.type == "image":
                    words.append(child.content)
            parts.append("".join(words))
        elif tok.type in ("fence", "code_block"):
            parts.append(tok.content)
    return " ".join(p.strip() for p in parts if p.strip())


def fallback_text(text: str) -> str:
    """A short, plain (no Markdown markup), defanged and escaped notification text for a
    message with blocks: what a phone or an email digest shows."""
    flat = re.sub(r"\s+", " ", escape(defang(markdown_to_plain(text)))).strip()
    return flat if len(flat) <= MAX_FALLBACK else flat[: MAX_FALLBACK - 1].rsplit(" ", 1)[0] + "…"


@dataclass(frozen=True)
class Message:
    text: str
    blocks: list[Block]


def paginate(blocks: list[Block], text: str, max_blocks: int = MAX_BLOCKS) -> list[Message]:
    """Group blocks into messages of at most `max_blocks`; the actions stay with the last."""
    pages = [blocks[i : i + max_blocks] for i in range(0, len(blocks), max_blocks)] or [[]]
    fallback = fallback_text(text) or "…"
    return [Message(text=fallback, blocks=page) for page in pages]


def tail_blocks(
    advice: Advice, *, answer_id: str | None, source_base_url: str | None
) -> list[Block]:
    """What follows the answer text: clarifying question, notices, sources, buttons."""
    lang = advice.language
    blocks: list[Block] = []
    if advice.clarifying_question:
        blocks.extend(
            sections(f"*{s('h.question', lang)}*\n{md_to_mrkdwn(advice.clarifying_question)}")
        )
    for notice in advice.notices[:5]:
        blocks.append(
            {
                "type": "context",
                "elements": [{"type": "mrkdwn", "text": md_to_mrkdwn(notice)[:MAX_SECTION]}],
            }
        )
    if advice.sources:
        blocks.extend(sections(sources_mrkdwn(advice.sources, source_base_url, lang)))
    if answer_id:
        blocks.append(feedback_block(answer_id, lang))
    return blocks


def _plan_has_items(plan: Plan | None) -> bool:
    return plan is not None and any(getattr(plan, name) for name in PLAN_SECTIONS)


def answer_blocks(
    advice: Advice,
    *,
    answer_id: str | None,
    source_base_url: str | None,
    include_text: bool = True,
    card_title: str | None = None,
) -> list[Block]:
    """Every block of an answer, in order, before pagination."""
    blocks: list[Block] = []
    if _plan_has_items(advice.plan):
        assert advice.plan is not None
        # The offline text says what the card says; a model's prose is more and comes first.
        if include_text and advice.engine != "offline" and advice.text.strip():
            blocks.extend(sections(md_to_mrkdwn(advice.text)))
        blocks.extend(card_blocks(advice.plan, advice.language, card_title))
    elif include_text and advice.text.strip():
        blocks.extend(sections(md_to_mrkdwn(advice.text)))
    blocks.extend(tail_blocks(advice, answer_id=answer_id, source_base_url=source_base_url))
    return blocks


def answer_messages(
    advice: Advice,
    *,
    answer_id: str | None,
    source_base_url: str | None,
    card_title: str | None = None,
) -> list[Message]:
    """An answer as Slack messages: ≤ 50 blocks each, ≤ 3,000 characters per section."""
    blocks = answer_blocks(
        advice, answer_id=answer_id, source_base_url=source_base_url, card_title=card_title
    )
    return paginate(blocks, advice.text or advice.clarifying_question or "")
