"""Follow-ups in a thread: "et pour l'Allemagne ?", "make it cheaper", "same but for Gen Z"."""

from __future__ import annotations

import re

from bot.brief.amounts import find_amounts
from bot.brief.gazetteer import AUDIENCES, LOWER_BUDGET, MARKETS
from bot.brief.text import fold, normalise, tokens

_LEAD = re.compile(
    r"^\W*(?:and|et|what about|how about|et si|et sinon|sinon|same|pareil|meme chose|idem|"
    r"make it|now|maintenant|plutot|instead|rather|also|aussi|cheaper|moins cher|with|avec|but|"
    r"mais|ok and|ok et|ok so|what if|then|alors|version|again|encore|redo|refais|change|"
    r"switch|remplace|replace|try|essaie|essaye|do the same|fais pareil|fais la meme|idem pour|"
    r"now for|et maintenant|plus|more|less|moins|only|seulement|uniquement|just|juste|"
    r"avec un|with a|sans|without|no|pas de)\b"
)
_ANYWHERE = re.compile(
    r"\b(?:same but|same thing|same plan|meme chose|la meme chose|pareil mais|instead|"
    r"a la place|plutot|rather than|au lieu de|cheaper|moins cher|moins chere|"
    r"what about|how about|et pour|and for|et si|what if|this time|cette fois)\b"
)
_ADD = re.compile(
    r"\b(?:also|too|as well|aussi|en plus|egalement|ainsi que|add|ajoute|ajouter|and also|"
    r"et aussi)\b"
)
MAX_WORDS = 14


def is_follow_up(text: str) -> bool:
    """Whether a message only adjusts the previous brief rather than stating a new one."""
    folded = fold(normalise(text, limit=600))
    toks = tokens(folded)
    if not toks or len(toks) > MAX_WORDS + 6:
        return False
    if len(toks) <= MAX_WORDS and _LEAD.search(folded):
        return True
    if _ANYWHERE.search(folded) or LOWER_BUDGET.find(toks):
        return True
    # a bare market, audience or amount: "Germany?", "Gen Z ?", "20k€ ?"
    return len(toks) <= 4 and bool(MARKETS.find(toks) or AUDIENCES.find(toks) or find_amounts(text))


def adds_markets(folded: str) -> bool:
    """ "et aussi pour l'Italie": add the market to the previous ones instead of replacing them."""
    return bool(_ADD.search(folded))
