"""Fit metrics: does an answer suit its situation, market and brief? Pure functions, no I/O.

The cases live in ``evals/datasets/fit.yaml``. Every regex of a case is applied to *folded* text
(see :func:`fold`): lowercase, no accents, straight apostrophes and quotes.

``score_case`` compares one case with the JSON contract of ``levier ask --json``; ``collapse``,
``shared_first_date`` and ``shared_campaign`` measure suite-level sameness (a strategist's answers
differ as the briefs differ).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypedDict

# --------------------------------------------------------------------------------------------
# Folding


_CHAR_MAP = str.maketrans(
    {
        "\u2019": "'",  # right single quote
        "\u2018": "'",  # left single quote
        "\u02bc": "'",  # modifier apostrophe
        "\u00b4": "'",  # acute accent used as apostrophe
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',  # «
        "\u00bb": '"',  # »
        "\u2039": '"',
        "\u203a": '"',
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u2011": "-",  # non-breaking hyphen
        "\u0153": "oe",  # œ
        "\u0152": "oe",
        "\u00e6": "ae",  # æ
        "\u00c6": "ae",
        "\u00df": "ss",  # ß
        "\u00a0": " ",
        "\u202f": " ",
    }
)


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """Lowercase, accent-free text with straight apostrophes and quotes.

    Idempotent: ``fold(fold(x)) == fold(x)``. Line breaks are kept (the lead window and the
    sentence splitter need them).
    """
    return _strip_accents(text.translate(_CHAR_MAP)).translate(_CHAR_MAP).lower()


# --------------------------------------------------------------------------------------------
# The lead window

LEAD_LINES = 5
_HAS_WORD = re.compile(r"\w")
_WORD = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")  # a word of folded text


def lead_text(text: str, lines: int = LEAD_LINES) -> str:
    """The answer's first ``lines`` non-empty lines (separator-only lines such as ``---`` skipped),
    joined with newlines, not folded."""
    kept: list[str] = []
    for line in text.splitlines():
        if not _HAS_WORD.search(line):
            continue
        kept.append(line.strip())
        if len(kept) == lines:
            break
    return "\n".join(kept)


# --------------------------------------------------------------------------------------------
# Moves


def _compile(patterns: Iterable[str]) -> list[re.Pattern[str]]:
    # Patterns are accent-stripped (never lowercased: that would break escapes such as \S).
    return [re.compile(_strip_accents(p), re.IGNORECASE) for p in patterns]


def has_move(text: str, patterns: Sequence[str]) -> bool:
    """True if any pattern matches anywhere in the folded text."""
    folded = fold(text)
    return any(p.search(folded) for p in _compile(patterns))


# Negation cues, matched on folded text with word boundaries. Beyond the obvious ones: stop, pause,
# suspend, pull and remove verbs (a crisis answer that says "suspend all promotion" does not propose
# promotion), "rather than"/"au lieu de"/"plutot que", the French "ne"/"n'", and the words that
# introduce a warning ("the trap:", "erreur courante :").
_NEGATION = re.compile(
    r"\b(?:never|no|not|nor|don'?t|do not|doesn'?t|won'?t|can'?t|cannot|shouldn'?t|mustn'?t|"
    r"avoid\w*|without|instead of|rather than|ban|bans|banned|exclude\w*|refrain\w*|"
    r"stop\w*|halt\w*|pause\w*|suspend\w*|cancel\w*|freez\w*|froz\w*|gel(?:er|ez|ons|e)|"
    r"jamais|pas|aucun\w*|nul(?:le)?|evit\w*|sans|proscri\w*|interdi\w*|ni|ne|"
    r"plutot que|au lieu de|exclu\w*|arret\w*|annul\w*|bannir|bannis\w*|renonc\w*|"
    r"retir\w*|withdraw\w*|remov\w*|pull|depubli\w*|unpublish\w*|supprim\w*|"
    r"mistake|erreur|piege|pitfall|trap)(?!\w)"
    r"|\bn'(?=[a-z])"
)
# Phrases that contain a cue word but do not negate anything.
_FALSE_CUES = re.compile(
    r"\bgo ?/ ?no[- ]?go\b|\bno[- ]go\b|\bnot only\b|\bnon seulement\b|\bpas a pas\b|"
    r"\bsans doute\b|\bsans faute\b|\bstep[- ]by[- ]step\b|\bn'importe\b|\bne serait-ce\b"
)


def is_negated(sentence: str) -> bool:
    """True if the (folded) sentence carries a negation cue."""
    cleaned = _FALSE_CUES.sub(" ", fold(sentence))
    return bool(_NEGATION.search(cleaned))


_BULLET = re.compile(r"^\s*(?:[-*+\u2022\u25aa\u25e6\u2023>]|\d{1,2}[.)]|[a-z][.)])\s+")
_HEADING = re.compile(r"^\s*(?:#{1,6}\s+.*|\*\*[^*]+\*\*:?|__[^_]+__:?)\s*$")
_INLINE_BULLET = re.compile(r"\s[\u2022\u25aa\u25e6]\s")
_ABBREV_END = re.compile(
    r"(?:^|[\s(])(?:e\.g|i\.e|vs|cf|ex|p\. ?ex|approx|env|mr|mrs|dr|art|ref|\w)\.$"
    r"|\b\d{1,2}(?:er)? (?:jan|janv|feb|fev|fevr|mar|apr|avr|jun|jul|juil|aug|sep|sept|oct|nov|"
    r"dec)\.$"
)
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+")


def _split_line(line: str) -> list[str]:
    """Split one folded line on . ! ? ; followed by a space, except after an abbreviation
    ("e.g. stunts", "p. ex. un jeu", "6 dec. 2026") or a decimal point."""
    parts: list[str] = []
    for chunk in _INLINE_BULLET.split(line):
        start = 0
        for m in _SENTENCE_END.finditer(chunk):
            if _ABBREV_END.search(chunk[start : m.start()]):
                continue
            parts.append(chunk[start : m.start()])
            start = m.end()
        parts.append(chunk[start:])
    return [p.strip() for p in parts if p.strip()]


_LEADIN_WORDS = 10


class _Sentence(TypedDict):
    text: str
    scoped_negation: bool


def _sentences(text: str) -> list[_Sentence]:
    """Sentences of ``text``, each flagged when it sits under a negating lead-in.

    A lead-in is a heading (``## What to avoid``, ``**À proscrire**``) or a line ending with ``:``
    (``Never, in a recall:``). When a short lead-in (ten words at most) carries a negation cue, the
    lines it introduces are in a negated scope: for a heading, until the next heading or lead-in;
    for a ``:`` line, its bullets only. A long bold line ("**No stunt: here is the first 48 h
    plan, hour by hour, with owners**") opens no scope.
    """
    out: list[_Sentence] = []
    scope: str | None = None  # None, "heading" or "colon"
    for raw in fold(text).splitlines():
        line = raw.strip()
        if not line:
            continue
        is_bullet = bool(_BULLET.match(line))
        is_heading = bool(_HEADING.match(line))
        is_leadin = not is_bullet and (is_heading or line.endswith(":"))
        if is_leadin:
            negating = is_negated(line) and len(_WORD.findall(line)) <= _LEADIN_WORDS
            scope = ("heading" if is_heading else "colon") if negating else None
        elif scope == "colon" and not is_bullet:
            scope = None
        body = _BULLET.sub("", line, count=1)
        for sentence in _split_line(body):
            out.append({"text": sentence, "scoped_negation": scope is not None and not is_leadin})
    return out


def split_sentences(text: str) -> list[str]:
    """Folded sentences of ``text`` (line breaks, bullets, . ! ? ; as boundaries)."""
    return [s["text"] for s in _sentences(text)]


def proposes(text: str, patterns: Sequence[str]) -> bool:
    """True if a pattern matches inside a sentence that carries no negation cue.

    "Never a stunt", "pas de teasing", "avoid giveaways" and bullets under "À proscrire :" do not
    count; "launch a UGC challenge" does.
    """
    compiled = _compile(patterns)
    for sentence in _sentences(text):
        if sentence["scoped_negation"]:
            continue
        if any(p.search(sentence["text"]) for p in compiled) and not is_negated(sentence["text"]):
            return True
    return False


# --------------------------------------------------------------------------------------------
# One case against one contract

_MARKET_ALIASES = {"gb": "uk", "en": "uk", "ae": "gulf", "sa": "gulf"}
_NULLS = {"", "none", "null", "-", "\u2014"}


def _code(value: object) -> str | None:
    if value is None:
        return None
    code = str(value).strip().lower()
    if code in _NULLS:
        return None
    return _MARKET_ALIASES.get(code, code)


def _moves(
    case: Mapping[str, Any], key: str, kind: str | None = None
) -> list[tuple[str, list[str]]]:
    raw = case.get(key) or []
    return [
        (str(m["name"]), [str(p) for p in m["any"]])
        for m in raw
        if kind is None or m.get("kind") == kind
    ]


def _hit_rate(text: str, moves: list[tuple[str, list[str]]]) -> float | None:
    if not moves:
        return None
    return sum(has_move(text, pats) for _, pats in moves) / len(moves)


def score_case(case: Mapping[str, Any], contract: Mapping[str, Any]) -> dict[str, Any]:
    """Score one answer contract against one fit case.

    - situation_ok: the contract's situation id is the case's;
    - markets_ok: same set of target markets (a case with [] accepts any);
    - origin_ok: same origin; a case with no origin accepts none, or an origin that is one of the
      targets (a domestic brand launching at home);
    - clock_ok: same timing unit (null = no phases);
    - lead_ok: a lead regex matches in the first five non-empty lines (no lead regex: True);
    - required_hit: share of required moves present anywhere (1.0 when none is required);
    - forbidden_count: forbidden moves proposed outside negated sentences;
    - rule_cited, moment_fit: the share of the required moves of kind `rule` (the rule expected for
      the brief's sector and target market) and `moment` (an anchor fitting its sector or
      audience) present; None when the case has none (left out of the suite's mean).
    """
    situation = contract.get("situation") or {}
    brief = contract.get("brief") or {}
    text = str(contract.get("text") or "")

    expected_markets = {c for c in (_code(m) for m in case.get("markets") or []) if c}
    got_markets = {c for c in (_code(m) for m in brief.get("markets") or []) if c}
    markets_ok = not expected_markets or expected_markets == got_markets

    expected_origin = _code(case.get("origin"))
    got_origin = _code(brief.get("origin"))
    if expected_origin is None:
        origin_ok = got_origin is None or got_origin in got_markets
    else:
        origin_ok = got_origin == expected_origin

    clock_ok = _code(case.get("clock")) == _code(situation.get("clock"))

    lead_patterns = [str(p) for p in case.get("lead") or []]
    lead_ok = not lead_patterns or has_move(lead_text(text), lead_patterns)

    required = _moves(case, "required")
    hits = sum(has_move(text, pats) for _, pats in required)
    required_hit = hits / len(required) if required else 1.0

    forbidden_count = sum(proposes(text, pats) for _, pats in _moves(case, "forbidden"))

    return {
        "situation_ok": str(situation.get("id") or "") == str(case.get("situation") or ""),
        "markets_ok": markets_ok,
        "origin_ok": origin_ok,
        "clock_ok": clock_ok,
        "lead_ok": lead_ok,
        "required_hit": required_hit,
        "forbidden_count": forbidden_count,
        "rule_cited": _hit_rate(text, _moves(case, "required", "rule")),
        "moment_fit": _hit_rate(text, _moves(case, "required", "moment")),
    }


def summarise(scores: Sequence[Mapping[str, Any]]) -> dict[str, float]:
    """Suite figures from ``score_case`` results: the mean of every key (accuracies, required-move
    rate) over the cases where it applies (None: not applicable) and ``forbidden_total``, the
    number of forbidden moves committed across the suite."""
    if not scores:
        return {}
    keys = [k for k in scores[0] if k != "forbidden_count"]
    out = {}
    for k in keys:
        values = [float(s[k]) for s in scores if s.get(k) is not None]
        if values:
            out[k] = sum(values) / len(values)
    out["forbidden_total"] = float(sum(float(s.get("forbidden_count", 0)) for s in scores))
    return out


def missed_moves(case: Mapping[str, Any], text: str) -> list[str]:
    """Names of the required moves the text misses (for reports)."""
    return [name for name, pats in _moves(case, "required") if not has_move(text, pats)]


def committed_moves(case: Mapping[str, Any], text: str) -> list[str]:
    """Names of the forbidden moves the text proposes (for reports)."""
    return [name for name, pats in _moves(case, "forbidden") if proposes(text, pats)]


# --------------------------------------------------------------------------------------------
# Suite-level collapse


class Shared(TypedDict):
    """The most shared value across a suite's answers and how many answers share it."""

    value: str | None
    count: int
    share: float
    n: int


def _most_shared(per_answer: Sequence[set[str]]) -> Shared:
    n = len(per_answer)
    counts: Counter[str] = Counter()
    for values in per_answer:
        counts.update(values)
    if not counts:
        return {"value": None, "count": 0, "share": 0.0, "n": n}
    value, count = min(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return {"value": value, "count": count, "share": count / n if n else 0.0, "n": n}


_CITATION = re.compile(r"\[\d{1,3}(?:\s*,\s*\d{1,3})*\]")
_MARKUP = re.compile(r"[*_`#|>]+")
_SPACES = re.compile(r"\s+")


def _normal_sentence(sentence: str) -> str:
    s = _CITATION.sub(" ", sentence)
    s = _MARKUP.sub(" ", s)
    s = _SPACES.sub(" ", s).strip(" .!?;:,-")
    return s


def collapse(texts: Sequence[str], min_words: int = 9) -> Shared:
    """The most common sentence of at least ``min_words`` words (default: more than eight) and
    the share of answers containing it. Citation markers and Markdown are ignored."""
    per_answer: list[set[str]] = []
    for text in texts:
        found: set[str] = set()
        for sentence in split_sentences(text):
            norm = _normal_sentence(sentence)
            if len(_WORD.findall(norm)) >= min_words:
                found.add(norm)
        per_answer.append(found)
    return _most_shared(per_answer)


_MONTHS: dict[str, int] = {}
for _num, _names in enumerate(
    [
        ("january", "jan", "janvier", "janv"),
        ("february", "feb", "fevrier", "fev", "fevr"),
        ("march", "mar", "mars"),
        ("april", "apr", "avril", "avr"),
        ("may", "mai"),
        ("june", "jun", "juin"),
        ("july", "jul", "juillet", "juil"),
        ("august", "aug", "aout"),
        ("september", "sep", "sept", "septembre"),
        ("october", "oct", "octobre"),
        ("november", "nov", "novembre"),
        ("december", "dec", "decembre"),
    ],
    start=1,
):
    for _name in _names:
        _MONTHS[_name] = _num

_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE = re.compile(
    r"\b(?P<iso>(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2}))\b"
    rf"|\b(?P<d1>\d{{1,2}})(?:er|st|nd|rd|th)? (?P<m1>{_MONTH_RE})\.?(?: (?P<y1>\d{{4}}))?\b"
    rf"|\b(?P<m2>{_MONTH_RE})\.? (?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<y2>\d{{4}})\b"
)


def _date_key(m: re.Match[str]) -> str | None:
    if m.group("iso"):
        year, month, day = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
    elif m.group("m1"):
        year = int(m.group("y1")) if m.group("y1") else 0
        month, day = _MONTHS[m.group("m1")], int(m.group("d1"))
    else:
        year, month, day = int(m.group("y2")), _MONTHS[m.group("m2")], int(m.group("d2"))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


def first_date(text: str, min_year: int | None = None) -> str | None:
    """The first calendar date of the text, as ``YYYY-MM-DD`` (``--MM-DD`` without a year).

    Reads "6 Dec 2026", "6 déc. 2026", "1er mars 2027", "Dec 6, 2026", "2026-12-06". With
    ``min_year``, dates of earlier years (a law of 10 January 1991, a 2019 precedent) are skipped,
    so that what is compared is the plan's start; dates without a year are always kept."""
    for m in _DATE.finditer(fold(text)):
        key = _date_key(m)
        if key is None:
            continue
        if min_year is not None and not key.startswith("--") and int(key[:4]) < min_year:
            continue
        return key
    return None


def shared_first_date(texts: Sequence[str], min_year: int | None = None) -> Shared:
    """The start date most answers share, and their share (see ``first_date`` for ``min_year``)."""
    return _most_shared([{d} if (d := first_date(t, min_year)) else set() for t in texts])


def shared_campaign(cited: Sequence[Sequence[str]]) -> Shared:
    """The campaign id cited by most answers (counted once per answer), and its share."""
    return _most_shared([set(ids) for ids in cited])
