"""French or English? Stopwords, elisions, contractions and accents, counted; majority wins."""

from __future__ import annotations

import re

from bot.brief.text import fold, normalise
from bot.models import Language

_FR_WORDS = frozenset(
    """
    le la les des du un une et est sont pour avec dans sur au aux ce cette ces cet nous vous
    ils elles je tu il elle on pas ne que qui quoi quel quelle quels quelles comment
    pourquoi mais ou donc car leur leurs notre nos votre vos mon ma mes ton ta tes sa ses
    son tres plus moins aussi bien faire fait veut voulons voudrais souhaite souhaitons
    besoin avons avez sommes etes ont peux peut pouvez chez entre depuis sans sous vers
    apres avant selon lors alors comme quand encore deja ici y en par cible marque lancement
    strategie campagne notoriete idees idee objectif objectifs jeunes ans mois semaines
    semaine jours rentree marche marches merci bonjour salut oui non quelques toute tout
    tous toutes autre autres meme cela ca quelqu une chaque avoir etre lance lancer lancons
    nouvelle nouveau nouveaux agence client clients produit produits gamme
    """.split()  # noqa: SIM905 - a word list reads better as text
)
_EN_WORDS = frozenset(
    """
    the and is are for with what how which who why when where we our you your they their it
    its this that these those of to in at by from about into over under be been being have
    has had do does did will would should could can may might must not no yes please thanks
    need want wants looking plan launch launching brand campaign strategy ideas idea
    awareness audience budget goal goals market markets some any more less very also just
    than then there here only new year years months weeks old between among make cheaper
    same but so if our us my me give help explain hello hi team client clients product
    products range
    """.split()  # noqa: SIM905 - a word list reads better as text
)
# Names and domain words: half a signal each (a bare "Germany?" does not say the language).
_FR_WEAK = frozenset(
    """
    allemagne espagne italie chine japon bresil royaume etats unis belgique suisse emirats
    saoudite hexagone trimestre automne hiver printemps noel soldes cibles ciblage salaries
    decideurs
    """.split()  # noqa: SIM905 - a word list reads better as text
)
_EN_WEAK = frozenset(
    """
    germany spain italy china japan brazil kingdom united states belgium switzerland emirates
    saudi quarter summer autumn winter spring christmas sales target targeting employees
    decision makers
    """.split()  # noqa: SIM905 - a word list reads better as text
)
# Words that are frequent in both languages carry no signal.
_AMBIGUOUS = frozenset({"budget", "client", "clients", "plan", "a", "on", "me", "son", "as"})
_FR_ONLY = _FR_WORDS - _EN_WORDS - _AMBIGUOUS
_EN_ONLY = _EN_WORDS - _FR_WORDS - _AMBIGUOUS

_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
_FR_ELISION = re.compile(r"^(?:l|d|qu|j|n|c|s|m|t|jusqu|lorsqu|puisqu|quoiqu)'[a-z]")
_EN_CONTRACTION = re.compile(r"'(?:s|re|ve|ll|d|t|m)$")
_FR_ACCENTS = frozenset("éèêëàâçùûîïôœÉÈÊÀÇ")


def language_scores(text: str) -> tuple[float, float]:
    """(French score, English score) of a normalised or raw text."""
    text = normalise(text)
    folded = fold(text)
    fr = en = 0.0
    for word in _WORD.findall(folded):
        if "'" in word:
            if _FR_ELISION.match(word):
                fr += 1
                word = word.split("'", 1)[1]
            elif _EN_CONTRACTION.search(word):
                en += 1
                word = word.split("'", 1)[0]
        if word in _FR_ONLY:
            fr += 1
        elif word in _EN_ONLY:
            en += 1
        elif word in _FR_WEAK:
            fr += 0.5
        elif word in _EN_WEAK:
            en += 0.5
    accents = sum(1 for c in text if c in _FR_ACCENTS)
    fr += min(accents, 12) * 0.4
    return fr, en


def detect_language(text: str, fallback: Language | None = None) -> Language:
    """ "fr" or "en" by majority of signals; no signal at all → `fallback` or "en"."""
    fr, en = language_scores(text)
    if fr == en:
        return fallback or "en"
    return "fr" if fr > en else "en"


def is_clear(text: str) -> bool:
    """Whether the text itself says its language (used by follow-ups: "ok?" keeps the old one)."""
    fr, en = language_scores(text)
    return abs(fr - en) >= 1
