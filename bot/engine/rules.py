"""The rules that decide: the target market's rules for this sector and these words.

Rules are knowledge (`kind: rule`, one book per market, EU rules applying to members). A rule
applies when the brief's sector is one of its sectors or one of its trigger words is in the
question; influencer-disclosure rules apply when the plan works with creators. Only the target
markets' books are read: France's law never reaches a plan for Japan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.brief.text import fold
from bot.engine.calendar import split_triggers
from bot.i18n import MONTH_NAMES
from bot.knowledge.catalog import Catalog
from bot.knowledge.schema import Rule, RuleBook
from bot.models import Brief

SEVERITY_ORDER = {"decisive": 0, "high": 1, "medium": 2, "low": 3}
# Topics that make a brief "regulated" when one of their rules applies with this severity.
REGULATING = frozenset({"decisive", "high"})


@dataclass(frozen=True)
class Applied:
    market: str
    book: RuleBook
    rule: Rule
    by: str  # "sector", "trigger", "creators" or "case" (the situation's case brought it)

    @property
    def doc_id(self) -> str:
        return self.book.id


@lru_cache(maxsize=4096)
def _trigger(word: str) -> re.Pattern[str]:
    """A trigger word as a whole word; a long one also as the start of a word ("recall"
    matches "recalled", "contamination" "contaminations"), except a plural, which is a whole
    word already ("drugs" is not "drugstores")."""
    return re.compile(r"(?<![a-z0-9])" + _body(word))


def _body(word: str) -> str:
    """A trigger's pattern after the start of a word (see `_trigger`)."""
    folded = fold(word).strip()
    prefix = len(folded) >= 5 and folded[-1].isalnum() and not folded.endswith("s")
    return re.escape(folded) + ("" if prefix else r"(?![a-z0-9])")


@lru_cache(maxsize=4096)
def _literal(word: str) -> str:
    return fold(word).strip()


_YOUNG = re.compile(
    r"\b(?:teens?|teenagers?|kids|children|child|schoolchildren|pupils|minors|under[- ]1[0-8]s?|"
    r"ados?|adolescents?|enfants?|mineurs?|collegiens?|collegiennes?|lyceens?|lyceennes?|"
    r"moins de 1[0-8] ans)\b"
)


def reaches_under(brief: Brief, folded: str, age: int) -> bool:
    """Whether the brief reaches people younger than `age`: its age range starts below it, or
    it names children or teenagers."""
    if brief.age_range is not None:
        return brief.age_range[0] < age
    return bool(_YOUNG.search(folded))


def _young_audience(rule: Rule, brief: Brief) -> bool:
    """The brief's age range starts below the age from which the rule applies by itself."""
    under = rule.applies_under
    return under is not None and brief.age_range is not None and brief.age_range[0] < under


def _triggered(rule: Rule, texts: list[str]) -> bool:
    # A trigger can only match where its folded text occurs: a substring test first (a regex
    # search per trigger was most of the rules' time). A trigger written "!serum" keeps the
    # rule's words out ("vitamin C" in a face serum is no food supplement).
    keep_out, bring = split_triggers(tuple(rule.triggers))
    if keep_out and any(_any_said(keep_out, x) for x in texts):
        return False
    return bool(bring) and any(_any_said(bring, x) for x in texts)


def _any_said(words: tuple[str, ...], folded: str) -> bool:
    """`_said` for a whole list at once: one compiled alternation per rule's list."""
    return _alternation(words).search(folded) is not None


@lru_cache(maxsize=4096)
def _alternation(words: tuple[str, ...]) -> re.Pattern[str]:
    parts = [_body(word) for word in dict.fromkeys(words)]
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(parts) + ")")


def _said(word: str, folded: str) -> bool:
    return _literal(word) in folded and _trigger(word).search(folded) is not None


def _for_sector(rule: Rule, brief: Brief) -> bool:
    """Whether the brief's sector lets the rule apply (`not_sectors`, `only_sectors`)."""
    if brief.sector and brief.sector in rule.not_sectors:
        return False
    return not rule.only_sectors or brief.sector in rule.only_sectors


def applicable(
    catalog: Catalog,
    markets: list[str],
    brief: Brief,
    text: str,
    *,
    creators: bool = False,
    topics: frozenset[str] | None = None,
) -> list[Applied]:
    """The rules of `markets` that apply to this brief, most severe first, one per rule id."""
    # '« yaourt » végétal' is a plant-based yoghurt: quotation marks do not split a phrase
    folded = re.sub(r"\s*[«»“”\"]\s*", " ", fold(text)).strip()
    # "climate-neutral" is the rules' "climate neutral" too
    texts = [folded, re.sub(r"(?<=\w)-(?=\w)", " ", folded)] if "-" in folded else [folded]
    out: list[Applied] = []
    seen: set[str] = set()
    for market in markets:
        for book in catalog.rulebooks(market):
            for rule in book.rules:
                if rule.id in seen or (topics is not None and rule.topic not in topics):
                    continue
                if not _for_sector(rule, brief):
                    continue
                by = None
                if brief.sector and brief.sector in rule.sectors:
                    by = "sector"
                elif _triggered(rule, texts):
                    by = "trigger"
                elif _young_audience(rule, brief):
                    by = "audience"
                elif creators and rule.topic == "influencer-disclosure":
                    by = "creators"
                if by is None:
                    continue
                if rule.audience_under is not None and not reaches_under(
                    brief, folded, rule.audience_under
                ):
                    continue
                seen.add(rule.id)
                out.append(Applied(market=market, book=book, rule=rule, by=by))
    replaced = {r for a in out if a.by != "creators" for r in a.rule.supersedes}
    # a market's own disclosure law replaces the EU's general one the creators bring with them
    by_creators = {r for a in out if a.by == "creators" for r in a.rule.supersedes}
    out = [
        a
        for a in out
        if a.rule.id not in replaced and not (a.by == "creators" and a.rule.id in by_creators)
    ]

    # What the brief itself brings first (its sector, its words), most severe first; on a tie
    # the market's own rule before a wider one (the EU's); rules about creators after.
    # of two equally severe rules, the one that rules out what the brief asks for decides it
    # (the medicines rule for a GLP-1 telehealth push, before the before/after photo rule)
    def rules_out_the_brief(a: Applied) -> bool:
        return any(_said(w, t) for o in a.rule.rules_out for w in o.triggers for t in texts)

    return sorted(
        out,
        key=lambda a: (
            a.by == "creators",
            SEVERITY_ORDER.get(a.rule.severity, 9),
            a.book.code != a.market,
            not rules_out_the_brief(a),
            markets.index(a.market),
        ),
    )


_MONTHS_FR = list(MONTH_NAMES["fr"])
_MONTHS_EN = list(MONTH_NAMES["en"])
_DATE_EN = re.compile(r"\b(?:of )?(\d{1,2}) (" + "|".join(_MONTHS_EN) + r") (\d{4})")
_MONTH_EN = re.compile(r"\b(" + "|".join(_MONTHS_EN) + r")(?= \d{4})")
_WORDS_FR = (
    (re.compile(r",? as amended by\b"), ", modifié par"),
    (re.compile(r"\bamended by\b"), "modifiée par"),
    (re.compile(r",? as amended in\b"), ", modifié en"),
    (re.compile(r",? as amended\b"), ", modifié"),
    (re.compile(r"\bin force (?=\d)"), "en vigueur le "),
    (re.compile(r"\bin force\b"), "en vigueur"),
    (re.compile(r" ?; "), " ; "),
    (re.compile(r"\bguidelines\b"), "lignes directrices"),
    (re.compile(r"\brecommendations\b"), "recommandations"),
    (re.compile(r"\brules\b"), "règles"),
    (re.compile(r"\bof (\d{4})\b"), r"de \1"),
    (re.compile(r" and "), " et "),
    (re.compile(r" to "), " à "),
)


def reference(rule: Rule, lang: str) -> str:
    """The rule's legal reference in the answer's language: dates and joining words said in
    French for a French answer (the titles of laws stay as their country writes them)."""
    text = rule.reference
    if lang != "fr":
        return text
    if rule.reference_fr:
        return rule.reference_fr

    def date(m: re.Match[str]) -> str:
        day = "1er" if m.group(1) == "1" else m.group(1)
        prefix = "du " if m.group(0).startswith("of ") else ""
        return f"{prefix}{day} {_MONTHS_FR[_MONTHS_EN.index(m.group(2))]} {m.group(3)}"

    text = _DATE_EN.sub(date, text)
    text = _MONTH_EN.sub(lambda m: _MONTHS_FR[_MONTHS_EN.index(m.group(1))], text)
    for pattern, french in _WORDS_FR:
        text = pattern.sub(french, text)
    return text


def authority(rule: Rule, lang: str) -> str | None:
    """Who enforces the rule, in the answer's language when the book says it in French."""
    if lang == "fr" and rule.authority_fr:
        return rule.authority_fr
    return rule.authority


def of_topics(
    catalog: Catalog, markets: list[str], topics: set[str], brief: Brief
) -> list[Applied]:
    """The target markets' rules on these topics, whatever the words (a data breach is framed
    by the breach rules even when the brief says "exposed" rather than "breach")."""
    out: list[Applied] = []
    seen: set[str] = set()
    for market in markets:
        for book in catalog.rulebooks(market):
            for rule in book.rules:
                if not _for_sector(rule, brief):
                    continue
                if rule.topic in topics and rule.id not in seen:
                    seen.add(rule.id)
                    out.append(Applied(market=market, book=book, rule=rule, by="case"))
    return sorted(
        out,
        key=lambda a: (
            SEVERITY_ORDER.get(a.rule.severity, 9),
            a.book.code != a.market,
            markets.index(a.market),
        ),
    )


def decisive(rules: list[Applied]) -> Applied | None:
    """The rule that decides the plan: the most severe rule brought by the sector or the words."""
    for applied in rules:
        if applied.by != "creators":
            return applied
    return None  # disclosure rules frame creator work; they do not decide the plan


def regulated(rules: list[Applied]) -> bool:
    return any(a.rule.severity in REGULATING and a.by != "creators" for a in rules)
