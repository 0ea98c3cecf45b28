"""Budgets: "40k€", "€40,000", "1,5 M€", "2 millions d'euros", "CHF 50k", "budget de 100k"…

Works on the normalised (not folded) text. French decimal commas and space thousand separators
are understood; "1,5" is 1.5 and "40,000" / "40 000" / "40.000" are forty thousand. A range
("50-80k€") keeps its upper bound. Amounts that are clearly not a budget (a turnover, a fundraising,
a price) are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.models import Budget

_PRE = {
    "€": "EUR",
    "eur": "EUR",
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "£": "GBP",
    "gbp": "GBP",
    "chf": "CHF",
    "¥": "JPY",
    "jpy": "JPY",
    "cny": "CNY",
    "rmb": "CNY",
    "r$": "BRL",
    "brl": "BRL",
    "aed": "AED",
    "sar": "SAR",
}
_POST = {
    **_PRE,
    "euro": "EUR",
    "euros": "EUR",
    "keur": "EUR",
    "dollar": "USD",
    "dollars": "USD",
    "livre": "GBP",
    "livres": "GBP",
    "livres sterling": "GBP",
    "pound": "GBP",
    "pounds": "GBP",
    "francs suisses": "CHF",
    "franc suisse": "CHF",
    "francs": "CHF",
    "yen": "JPY",
    "yens": "JPY",
    "yuan": "CNY",
    "yuans": "CNY",
    "reais": "BRL",
    "real": "BRL",
    "dirham": "AED",
    "dirhams": "AED",
    "riyal": "SAR",
    "riyals": "SAR",
    "元": "CNY",
    "円": "JPY",
}
_MULT = {
    "k": 1e3,
    "mille": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mio": 1e6,
    "million": 1e6,
    "millions": 1e6,
    "md": 1e9,
    "mds": 1e9,
    "bn": 1e9,
    "billion": 1e9,
    "milliard": 1e9,
    "milliards": 1e9,
}

_NUM = r"\d{1,3}(?:[ .,]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d+)?"
_MULT_RE = r"k(?!m)|mille|thousand|mn|mio|millions?|mds?|bn|billion|milliards?|m(?![a-z²])"
_PRE_RE = r"us\$|r\$|€|\$|£|¥|chf|eur|usd|gbp|jpy|cny|rmb|brl|aed|sar"
_POST_RE = (
    r"€|\$|£|¥|元|円|keur|eur(?:os?)?|usd|gbp|chf|jpy|cny|rmb|brl|aed|sar|dollars?|"
    r"livres? sterling|pounds?|francs? suisses?|francs|yens?|yuans?|reais|dirhams?|riyals?"
)
_B = r"(?<![\w.,])"

_MONEY = re.compile(
    rf"""
    {_B}(?P<pre>{_PRE_RE})\s?(?P<n1>{_NUM})(?:\s?(?P<m1>{_MULT_RE}))?(?![\w])
    |
    {_B}(?:(?P<lo>{_NUM})\s?(?:-|à|a|to|et|and)\s?)?(?P<n2>{_NUM})\s?(?P<m2>{_MULT_RE})?\s?
        (?:d'|de\s|of\s)?(?P<post>{_POST_RE})(?![a-z])
    |
    (?P<kw>budget|enveloppe|envelope)\b[^\d\n.;!?€$£¥]{{0,25}}?(?:(?P<pre3>{_PRE_RE})\s?)?
        {_B}(?P<n3>{_NUM})\s?(?P<m3>{_MULT_RE})?
        (?:\s?(?:d'|de\s|of\s)?(?P<post3>{_POST_RE})(?![a-z]))?(?![\w%])
    """,
    re.IGNORECASE | re.VERBOSE,
)
_NOT_BUDGET = re.compile(
    r"(chiffre d'affaires|ca de|revenue|turnover|sales of|lev[ée]e?|lev[ée]s|raised|raise|"
    r"valoris|valued|valuation|prix|price|co[uû]te|costs?|vend|sold|salaire|salary|"
    r"amende|fine of|march[ée] de|market of|market size|worth)\W[^.;!?\n]{0,12}$",
    re.IGNORECASE,
)
# What follows an amount that is an offer or a price, not a budget ("a £50 welcome bonus",
# "10 € offerts", "£20 per new customer")
_NOT_BUDGET_AFTER = re.compile(
    r"^\W{0,3}(?:\w+\s){0,2}?(?:welcome|sign-?up|joining|deposit|bonus|bonuses|cashback|"
    r"discount|off\b|voucher|coupon|prize|jackpot|reward|referral|free bet|"
    r"de bienvenue|offerts?|de r[ée]duction|remise|bon d'achat|parrainage|prime|[àa] gagner|"
    r"per (?:user|customer|head|person|new)|par (?:client|personne|utilisateur|nouvel)|"
    # a firm's size, not its budget: "(2 M€ de CA)", "€5m in revenue", "€3m raised"
    r"de ca\b|de chiffre d'affaires|chiffre d'affaires|of revenue|in revenue|revenue|"
    r"in sales|of sales|turnover|de ventes|arr\b|de lev[ée]e|lev[ée]s|raised|"
    r"valuation|valorisation)",
    re.IGNORECASE,
)
_YEAR = re.compile(r"20\d\d")
# After an amount: the word "budget" ("80 k€ de budget", "€50k of budget", "a €50k budget")
_BUDGET_AFTER = re.compile(r"\s*(?:de |d'|of |in |en )?(?:budget|enveloppe|envelope)\b", re.I)
# After a bare number: what it counts ("20 000 téléchargements", "5,000 sign-ups"), a word that
# is neither a currency nor a small word of the sentence
_COUNTED_AFTER = re.compile(
    r"\s+(?!(?:pour|for|over|en|in|a|à|par|per|et|and|hors|ht|ttc|total|max|maximum|"
    r"environ|about|around|tout|all|net|brut|gross|sur|on|du|de|of|the|le|la|les|au|aux|"
    r"jusqu|until|through|to|par an|a year|annuel|annual)\b)[a-zà-ÿ]",
    re.I,
)
_BUDGET_WORD = re.compile(r"budget|enveloppe|envelope|investir|invest|spend|d[ée]penser", re.I)


@dataclass(frozen=True, slots=True)
class Amount:
    budget: Budget
    start: int
    end: int
    near_keyword: bool


def parse_number(raw: str) -> float | None:
    raw = raw.strip()
    if re.fullmatch(r"\d{1,3}(?:[ .,]\d{3})+(?:[.,]\d{1,2})?", raw):
        # thousand groups, maybe followed by decimals: "40 000", "40,000", "1.250.000,50"
        m = re.fullmatch(r"(\d{1,3}(?:[ .,]\d{3})+)(?:[.,](\d{1,2}))?", raw)
        assert m is not None
        groups = re.sub(r"[ .,]", "", m.group(1))
        value = float(groups)
        if m.group(2):
            value += float("0." + m.group(2))
        return value
    try:
        return float(raw.replace(",", "."))
    except ValueError:
        return None


def find_amounts(text: str) -> list[Amount]:
    found: list[Amount] = []
    previous_end = 0
    for m in _MONEY.finditer(text):
        sign: str | None = None
        if m.group("pre"):
            num, mult, cur = m.group("n1"), m.group("m1"), _PRE.get(m.group("pre").lower())
        elif m.group("post"):
            num, mult = m.group("n2"), m.group("m2")
            cur = _POST.get(re.sub(r"\s+", " ", m.group("post").lower()))
            if m.group("post").lower() == "keur":
                mult = mult or "k"
        else:
            num, mult = m.group("n3"), m.group("m3")
            sign = m.group("pre3") or m.group("post3")
            cur = _POST.get(re.sub(r"\s+", " ", sign.lower())) if sign else "EUR"
            if sign and sign.lower() == "keur":
                mult = mult or "k"
        if cur is None or num is None:
            continue
        value = parse_number(num)
        if value is None:
            continue
        if mult:
            value *= _MULT[mult.lower()]
        if m.group("kw") and not mult and not sign and (value < 1000 or _YEAR.fullmatch(num)):
            continue  # "budget pour 2027", "budget: 3 phases"
        if m.group("kw") and not sign and _COUNTED_AFTER.match(text, m.end()):
            continue  # "80 k€ de budget, objectif 20 000 téléchargements": a count, not money
        before = text[max(previous_end, m.start() - 40) : m.start()]
        previous_end = m.end()
        if not m.group("kw") and _NOT_BUDGET.search(before):
            continue
        if not m.group("kw") and _NOT_BUDGET_AFTER.search(text[m.end() : m.end() + 40]):
            continue
        if not m.group("kw") and _in_aside(text, m.start(), m.end()):
            continue  # "(commuter bikes, ~€2.5k)": what the product costs, said in passing
        near = (
            bool(m.group("kw"))
            or bool(_BUDGET_WORD.search(text[max(0, m.start() - 30) : m.start()]))
            or bool(_BUDGET_AFTER.match(text, m.end()))  # "80 k€ de budget"
        )
        if value <= 0:
            continue
        found.append(Amount(Budget(amount=round(value, 2), currency=cur), m.start(), m.end(), near))
    return found


def _in_aside(text: str, start: int, end: int) -> bool:
    """The amount sits in parentheses with no word of budget in them."""
    opened = text.rfind("(", 0, start)
    if opened < 0 or text.rfind(")", 0, start) > opened:
        return False
    closed = text.find(")", end)
    if closed < 0 or closed - end > 40:
        return False
    inside = text[opened:closed]
    words = re.findall(r"[^\W\d_]{3,}", text[opened:start] + " " + text[end:closed])
    # "(€30k)" alone is the budget said in passing; "(bikes around €4k)" is a price
    return bool(words) and not (_BUDGET_WORD.search(inside) or _TOTAL.search(inside))


_TOTAL = re.compile(r"total|tout compris|en tout|all.in|in all|max", re.IGNORECASE)


def parse_budget(text: str) -> tuple[Budget | None, list[tuple[int, int]]]:
    """The brief's budget (the one next to "budget" if several) and the spans of all amounts."""
    amounts = find_amounts(text)
    if not amounts:
        return None, []
    # next to "budget" if one is; otherwise the largest, since a brief also quotes prices
    # ("a line at ~CHF 900 … CHF 400k total")
    chosen = next(
        (a for a in amounts if a.near_keyword),
        max(amounts, key=lambda a: a.budget.in_eur()),
    )
    return chosen.budget, [(a.start, a.end) for a in amounts]
