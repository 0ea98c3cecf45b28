"""Audiences: codes from the vocabulary, an age range, and the words as the consultant wrote them.

Age ranges map to generations by overlap (gen-z ≈ 13–27, millennials ≈ 28–43, gen-x ≈ 44–59,
boomers 60+, as in knowledge/README.md): a generation counts when it covers at least five years
or half of the range.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.brief.gazetteer import AUDIENCE_HINTS, AUDIENCE_QUALIFIERS, AUDIENCES
from bot.brief.text import Match, Token

GENERATIONS: tuple[tuple[str, int, int], ...] = (
    ("gen-z", 13, 27),
    ("millennials", 28, 43),
    ("gen-x", 44, 59),
    ("boomers", 60, 120),
)
OPEN_END = 99  # "plus de 50 ans" → (50, 99)

_UNIT = r"(?:ans|an|years?[- ]olds?|years?|yrs|yo|y/o|y\.o\.)"
_PAIR = r"(\d{1,2})\s*(?:-|/|a|à|to|et|and)\s*(\d{1,2})"
_AGE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # "entre 25 et 40 ans", "between 25 and 40", "aged 25-35", "25-35 ans", "les 15-25"
    (
        re.compile(
            rf"\b(?:entre|between)\s+(\d{{1,2}})\s*(?:et|and|-)\s*(\d{{1,2}})"
            rf"(?:\s*{_UNIT})?\b"
        ),
        "pair",
    ),
    (re.compile(rf"\b{_PAIR}\s*{_UNIT}(?![\w])"), "pair"),
    # "18-25s", "the 25–35s": an age group said as a plural
    (re.compile(r"\b(\d{2})\s*[-–]\s*(\d{2})s\b"), "pair"),
    (
        re.compile(
            r"\b(?:les|des|the|aged|ages|age|ag[ée]e?s de|cible|target|targeting|"
            r"audience|ciblant|among|aupres des|pour les|for|of)\s*(?::\s*)?(\d{1,2})\s*"
            r"(?:-|/|to|à)\s*(\d{1,2})(?![\d%€$£kK]|\s*(?:k|%|€|ans?\s+d|semaines|weeks|"
            r"jours|days|mois|months|influen|posts|articles|retomb|heures|hours|min))\b"
        ),
        "pair",
    ),
    # "moins de 30 ans", "under 30", "less than 25"
    (
        re.compile(
            rf"\b(?:moins de|under|below|less than|younger than|jusqu'a)[\s-]+(\d{{1,2}})"
            rf"s?\s*{_UNIT}?(?![\d%€$£kK])\b"
        ),
        "under",
    ),
    # "plus de 50 ans", "over 50", "50+", "50 ans et plus", "older than 60"
    (
        re.compile(
            rf"\b(?:plus de|over|above|older than|more than)[\s-]+(\d{{1,2}})"
            rf"s?(?:\s*{_UNIT})?(?![\d%€$£kK])\b(?!\s*(?:k|%|€|influen|posts|articles|pays|"
            rf"countries|markets|marches|semaines|weeks|jours|days|mois|months))"
        ),
        "over",
    ),
    (re.compile(rf"\b(\d{{1,2}})\s*(?:\+|{_UNIT}\s*(?:et plus|and over|and up|\+))"), "over"),
    (re.compile(r"\b(?:in their|dans la)\s+(\d)0s\b|\b(\d)0-somethings?\b"), "decade"),
)
_DECADE_WORDS = {
    "trentenaires": (30, 39),
    "quadras": (40, 49),
    "quadragenaires": (40, 49),
    "quinquas": (50, 59),
    "quinquagenaires": (50, 59),
    "vingtenaires": (20, 29),
}
_CONNECTORS = frozenset({"de", "des", "d", "du", "of", "en", "in"})
_STOP_AFTER_CONNECTOR = frozenset(
    {"france", "allemagne", "la", "le", "les", "l", "budget", "2026", "2027", "germany", "the"}
)


@dataclass
class AudienceResult:
    codes: list[str] = field(default_factory=list)
    age_range: tuple[int, int] | None = None
    text: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)


def generations(age_range: tuple[int, int]) -> list[str]:
    lo, hi = age_range
    width = hi - lo + 1
    out = []
    for code, g_lo, g_hi in GENERATIONS:
        overlap = min(hi, g_hi) - max(lo, g_lo) + 1
        if overlap >= 5 or (overlap > 0 and overlap * 2 >= width):
            out.append(code)
    return out


def find_age(folded: str) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """(age range, its character span) of the first plausible age expression."""
    best: tuple[int, tuple[int, int], tuple[int, int]] | None = None
    for rx, kind in _AGE_PATTERNS:
        for m in rx.finditer(folded):
            nums = [int(g) for g in m.groups() if g]
            if kind == "pair":
                lo, hi = nums[0], nums[1]
                if not (10 <= lo < hi <= 99) or hi - lo < 2:
                    continue
                span = (m.start(), m.end())
            elif kind == "under":
                n = nums[0]
                if not 12 <= n <= 99:
                    continue
                lo, hi = (13 if n <= 21 else 18), n - 1
                span = (m.start(), m.end())
            elif kind == "over":
                n = nums[0]
                if not 12 <= n <= 90:
                    continue
                lo, hi = n, OPEN_END
                span = (m.start(), m.end())
            else:
                d = nums[0] * 10
                if not 10 <= d <= 80:
                    continue
                lo, hi = d, d + 9
                span = (m.start(), m.end())
            if best is None or span[0] < best[0]:
                best = (span[0], (lo, hi), span)
        if best is not None and kind == "pair":
            break  # a range beats "under / over" phrases elsewhere
    if best is None:
        return None, None
    return best[1], best[2]


_CLIENT_ARTICLES = frozenset(("une", "un", "a", "an", "notre", "our", "my", "ma", "mon"))


def _the_client(m: Match[str], toks: list[Token]) -> bool:
    """ "pour une PME bretonne", "our SME": a business audience word said in the singular, after
    an indefinite article or a possessive, names the client, not the people it must reach."""
    if m.value != "b2b-decision-makers" or m.last - m.first != 1 or m.first == 0:
        return False
    # "Client = PME bretonne", "client : une ETI": the client, described; "a French cosmetics
    # SME": its article a few descriptive words before
    after = toks[m.first]
    for tok in reversed(toks[max(0, m.first - 4) : m.first]):
        if tok.text in _CLIENT_ARTICLES | {"client", "cliente"}:
            return True  # ("Client = PME bretonne": whatever is between them)
        if after.start - tok.end > 1:
            return False  # "notre client Capgemini, DSI": a comma between, another phrase
        if tok.text in _NOT_DESCRIPTIVE or not tok.text.isalpha():
            return False
        after = tok
    return False


# Words between an article and "SME" that make the SME the audience, not the client ("a plan
# for SMEs", "to reach SMEs")
_NOT_DESCRIPTIVE = frozenset(
    """for to pour aupres des les de du aux targeting cibler cible vise visant among parmi
    reach toucher sell vendre selling with avec""".split()  # noqa: SIM905
)


_CLIENT_WORDS = frozenset(("client", "cliente", "clients", "clientes", "customer"))
_BE = frozenset(("est", "is", "was", "etait", "sera"))


def _the_clients_role(m: Match[str], toks: list[Token]) -> bool:
    """ "notre cliente est DG d'une fintech", "our client is a CFO": the client's own role, not
    the people to reach."""
    before = [t.text for t in toks[max(0, m.first - 4) : m.first]]
    if not before:
        return False
    while before and before[-1] in _CLIENT_ARTICLES | {"le", "la", "l", "un", "une", "a", "an"}:
        before.pop()
    return len(before) >= 2 and before[-1] in _BE and before[-2] in _CLIENT_WORDS


_WEALTH = frozenset(
    (
        "fortunees", "aisees", "riches", "privilegiees", "wealthy", "affluent", "rich",
        "high-net-worth", "uhnw", "hnw",
    )
)  # fmt: skip


def _wealth_not_parents(m: Match[str], toks: list[Token]) -> bool:
    """ "familles fortunées", "wealthy families": a private bank's clients, not parents."""
    if m.value != "parents":
        return False
    after = toks[m.last].text if m.last < len(toks) else ""
    before = toks[m.first - 1].text if m.first > 0 else ""
    return after in _WEALTH or before in _WEALTH


# The sport or team a "women's"/"féminin" qualifies: the team's, not the people to reach.
_TEAM_WORDS = frozenset(
    (
        "rugby", "football", "foot", "handball", "hand", "basket", "basketball", "volley",
        "volleyball", "hockey", "cricket", "cyclisme", "cycling", "tennis", "sport", "sports",
        "team", "teams", "equipe", "equipes", "club", "clubs", "league", "ligue", "section",
        "championnat", "championship", "match", "matches", "matchs", "game", "games", "side",
        "squad", "world", "cup", "coupe", "euro", "six", "tour", "super",
    )
)  # fmt: skip


def _a_team(m: Match[str], toks: list[Token]) -> bool:
    """ "a women's rugby club", "l'équipe féminine", "le rugby féminin": the team is women's,
    and its fans are everyone."""
    if m.value not in ("women", "men"):
        return False
    after = [t.text for t in toks[m.last : m.last + 2]]
    if after and after[0] == "s":  # "women's": the tokeniser splits the apostrophe
        after = after[1:]
    before = toks[m.first - 1].text if m.first > 0 else ""
    return bool(after and after[0] in _TEAM_WORDS) or before in _TEAM_WORDS


# Words that name an audience in lower or mixed case but a technology in capitals.
_TECH_ACRONYMS = frozenset({"GPS"})


def find_audience(
    folded: str, original: str, toks: list[Token], exclude: list[tuple[int, int]] | None = None
) -> AudienceResult:
    """Audience codes (keywords, then generations from the age), age range and the words used."""
    result = AudienceResult()
    matches: list[Match[str]] = AUDIENCES.find(toks)
    blocked = exclude or []

    def free(a: int, b: int) -> bool:
        return not any(a < e and s < b for s, e in blocked)

    spans: list[tuple[int, int]] = []
    index = {t.start: i for i, t in enumerate(toks)}
    for m in matches:
        if not free(m.start, m.end):
            continue
        if _the_client(m, toks) or _wealth_not_parents(m, toks) or _the_clients_role(m, toks):
            continue
        if _a_team(m, toks):
            continue
        if original[m.start : m.end] in _TECH_ACRONYMS:
            continue  # "GPS guidance kits": satellite positioning, not general practitioners
        if m.value not in result.codes:
            result.codes.append(m.value)
        spans.append(_extend(m.first, m.last, toks))
    for m in AUDIENCE_HINTS.find(toks):
        if m.value not in result.codes and free(m.start, m.end):
            result.codes.append(m.value)
    age, age_span = find_age(folded)
    if age is None:
        age, age_span = _age_after_audience(folded, matches)
    if age is not None and age_span is not None and free(*age_span):
        result.age_range = age
        a, b = age_span
        a = _skip_article(folded, a)
        first = index.get(a)
        if first is not None:
            last = next((i + 1 for i, t in enumerate(toks) if t.end == b), None)
            if last is not None:
                a, b = _extend(first, last, toks)
        spans.append((a, b))
        for code in generations(age):
            if code not in result.codes:
                result.codes.append(code)
    else:
        for t in toks:
            if t.text in _DECADE_WORDS:
                result.age_range = _DECADE_WORDS[t.text]
                break
    result.spans = _merge(spans, folded)
    if result.spans:
        words = [original[a:b].strip(" ,;:-") for a, b in result.spans]
        result.text = ", ".join(dict.fromkeys(w for w in words if w))[:160] or None
    else:
        target = _TARGET.search(folded)
        if (
            target
            and free(target.start("what"), target.end("what"))
            and not _NOT_A_TARGET.match(target.group("what"))
        ):
            a, b = target.start("what"), target.end("what")
            result.text = original[a:b].strip(" ,;:-") or None
            result.spans = [(a, b)]
    return result


_BARE_AGE = re.compile(
    r"\s*(?:de |d'|aged |agees de |ages |of )?(\d{2})\s*-\s*(\d{2})\b"
    r"(?!\s*(?:k|%|€|\$|£))"
)
_NOT_A_TARGET = re.compile(
    r"(?:d'|de |du |des |une |un |a |an |the |cette |ce |this |our |notre |nos |campagne|"
    r"campaign|marque|brand|market|marche|est |is |sont |are )"
)
_TARGET = re.compile(
    r"(?<!public )(?<!la )(?<!le )\b(?:cible|cibles|ciblant|cibler|target|targets|targeting|"
    r"audience|coeur de cible|"
    r"core target|aupres des|aupres de|aimed at|aimed at reaching)\b\s*(?::\s*)?"
    r"(?:les |des |the |de |d'|la |le |l')?"
    r"(?P<what>[a-z][^,.;!?\n()]{2,48}?)(?=\s+(?:en|in|au|aux|a|with|avec|budget|sur|on|for|"
    r"pour|during|pendant|et|and)\b|[,.;!?\n()]|$)"
)


def _age_after_audience(
    folded: str, matches: list[Match[str]]
) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """ "women 25-40", "parents 30-45": a bare range right after an audience word."""
    for m in matches:
        age = _BARE_AGE.match(folded, m.end)
        if age:
            lo, hi = int(age.group(1)), int(age.group(2))
            if 10 <= lo < hi <= 99:
                return (lo, hi), (m.start, age.end())
    return None, None


_ARTICLE = re.compile(
    r"(?:les|des|the|aged|ages|age|cible|target|targeting|audience|ciblant|"
    r"among|aupres des|pour les|for|of)\s*(?::\s*)?"
)


def _skip_article(folded: str, start: int) -> int:
    m = _ARTICLE.match(folded, start)
    return m.end() if m else start


def _extend(first: int, last: int, toks: list[Token]) -> tuple[int, int]:
    """Grow an audience phrase over qualifiers: "DSI de grands comptes", "urban millennials"."""
    i = first
    while i > 0 and first - i < 2 and toks[i - 1].text in AUDIENCE_QUALIFIERS:
        i -= 1
    j, added = last, 0
    while j < len(toks) and added < 4:
        word = toks[j].text
        if word in AUDIENCE_QUALIFIERS:
            j, added = j + 1, added + 1
            continue
        if (
            word in {"de", "des", "of", "d"}
            and j + 1 < len(toks)
            and toks[j + 1].text not in _STOP_AFTER_CONNECTOR
            and toks[j + 1].text.isalpha()
            and added < 2
            and toks[j].start - toks[j - 1].end <= 2
        ):
            # "de grands comptes", "of large enterprises": take up to two words
            j += 2
            added += 2
            if j < len(toks) and toks[j].text.isalpha() and toks[j].text in _TAIL_NOUNS:
                j += 1
            continue
        break
    return toks[i].start, toks[j - 1].end


_TAIL_NOUNS = frozenset(
    {
        "comptes",
        "accounts",
        "entreprises",
        "enterprises",
        "companies",
        "groupes",
        "societes",
        "firms",
        "sante",
        "health",
    }
)


_GAP = re.compile(r"\s*(?:de|of|d'|aged|agees? de|ages? de)?\s*")


def _merge(spans: list[tuple[int, int]], folded: str) -> list[tuple[int, int]]:
    """Join overlapping or adjacent spans ("femmes" + "de plus de 50 ans")."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out:
            pa, pb = out[-1]
            gap = folded[pb:a]
            if a <= pb or (len(gap) < 24 and _GAP.fullmatch(gap)):
                out[-1] = (pa, max(pb, b))
                continue
        out.append((a, b))
    return out


# "recruter 20 collaborateurs juniors d'ici septembre", "hire 50 graduate trainees for ...":
# the people a hiring brief wants, as it names them (a number or an article before them).
_HIRES = re.compile(
    r"\b(?:recrut\w*|embauch\w*|hire|hiring|recruit\w*)\s+"
    r"(?:(?:about|around|some|up to|over|more than|environ|pres de|plus de|jusqu'a)\s+)?"
    r"(?:(?P<n>\d[\d  .,]*)\s*|(?:des|de nouveaux|de nouvelles|nos|new|more|our)\s+)"
    r"(?P<who>[a-zà-ÿ][a-zà-ÿ'’ -]{2,48}?)"
    r"(?=\s+(?:et|and)\s+\d|\s+(?:d'ici|d’ici|by|for|pour|en|in|avant|before|dans|a|à|au|aux|at|on|sur|this|"
    r"next|cette|ce|l'an|within|over|across|chez|with|avec|qui|who|to|pour)\b|\s*[.,;:?!()]|$)",
    re.IGNORECASE,
)


_MORE_HIRES = re.compile(
    r"\s+(?:ni|et|and|ou|or)\s+(?:(?:\d[\d  .,]*)\s*|(?:des|de|d'|nos|new|more|our)\s+)"
    r"(?P<who>[a-zà-ÿ][a-zà-ÿ'’ -]{2,48}?)"
    r"(?=\s+(?:d'ici|d’ici|by|for|pour|en|in|avant|before|dans|a|à|au|aux|at|on|sur|this|"
    r"next|cette|ce|within|over|across|chez|with|avec|qui|who|to|et|and|ni|ou|or)\b|\s*[.,;:?!()]|$)",
    re.IGNORECASE,
)


def hires(text: str) -> str | None:
    """Who a hiring brief wants to recruit, in its own words ("collaborateurs juniors",
    "conducteurs de travaux", "graduate trainees"); None when it does not name them."""
    m = _HIRES.search(text)
    if m is None:
        return None
    who = m.group("who").strip(" -'’")
    if len(who) < 3:
        return None
    # "150 apprentis et 40 conducteurs de travaux", "des conducteurs de travaux ni des
    # alternants": every group it hires, joined as a sentence says them
    parts = [re.split(r"\s+(?:ni|et|and|ou|or)\s+(?:des|de|d'|nos|new|more|our)\s", who)[0]]
    rest = text[m.start("who") + len(parts[0]) :]
    more = _MORE_HIRES.match(rest)
    while more is not None and len(parts) < 3:
        parts.append(more.group("who").strip(" -'’"))
        rest = rest[more.end("who") :]
        more = _MORE_HIRES.match(rest)
    if len(parts) == 1:
        return parts[0]
    word = " and " if re.search(r"\b(?:and|or)\b", text[m.start() :]) else " et "
    return ", ".join(parts[:-1]) + word + parts[-1]
